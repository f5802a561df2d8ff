package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageDecoderTest {
  private final PageDecoder decoder = new PageDecoder();

  @Test
  void undeclaredGbkIsDetected() {
    PageDecoder.Decoded d = decoder.decode(Fixtures.bytes("ingest/bannedbook-sora.gbk.html"), Optional.empty());
    assertEquals("detected", d.how());
    assertEquals(Fixtures.sora().replace("🔥", ""), d.text());
  }

  @Test
  void undeclaredGb18030WithCharactersOutsideGbkIsDetected() {
    PageDecoder.Decoded d = decoder.decode(Fixtures.bytes("ingest/bannedbook-sora.gb18030.html"), Optional.empty());
    assertEquals(Fixtures.sora(), d.text());
  }

  @Test
  void undeclaredBig5IsDetected() {
    PageDecoder.Decoded d = decoder.decode(Fixtures.bytes("ingest/bannedbook-taiwan.big5.html"), Optional.empty());
    assertTrue(d.text().contains("台灣選舉觀察：年輕選民的新選擇"), d.text());
    assertTrue(d.text().contains("「我們這一代人面對的是高房價與低薪資"), d.text());
  }

  @Test
  void utf8WithoutDeclarationStaysUtf8() {
    PageDecoder.Decoded d = decoder.decode(Fixtures.bytes("fixtures/bannedbook-sora.html"), Optional.empty());
    assertEquals(StandardCharsets.UTF_8, d.charset());
    assertEquals(Fixtures.sora(), d.text());
  }

  @Test
  void byteOrderMarkWinsOverEverything() {
    byte[] page = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        "<meta charset=gbk><p>中文</p>".getBytes(StandardCharsets.UTF_8));
    PageDecoder.Decoded d = decoder.decode(page, Optional.of("big5"));
    assertEquals("<meta charset=gbk><p>中文</p>", d.text());
    byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "<p>中文</p>".getBytes(StandardCharsets.UTF_16LE));
    assertEquals("<p>中文</p>", decoder.decode(utf16, Optional.empty()).text());
  }

  @Test
  void httpCharsetWinsOverMeta() {
    byte[] page = "<meta charset=utf-8><p>中文</p>".getBytes(Charset.forName("GB18030"));
    assertEquals("<meta charset=utf-8><p>中文</p>", decoder.decode(page, Optional.of("gb2312")).text());
  }

  @Test
  void metaCharsetIsHonouredAndGb2312IsReadAsGb18030() {
    String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
        + "</head><body><p>镕基 𠮷</p></body></html>";
    byte[] page = html.getBytes(Charset.forName("GB18030"));
    PageDecoder.Decoded d = decoder.decode(page, Optional.empty());
    assertEquals("<meta> declaration", d.how());
    assertEquals(html, d.text());
  }

  @Test
  void unknownLabelsAreIgnored() {
    byte[] page = "<meta charset=no-such-charset><p>中文</p>".getBytes(StandardCharsets.UTF_8);
    assertEquals("<meta charset=no-such-charset><p>中文</p>", decoder.decode(page, Optional.of("bogus")).text());
  }

  // Pages that declare no charset at all, neither in <meta> nor over HTTP: real-shaped news text of
  // a few hundred characters, encoded here, must come back exactly.

  private static final String SIMPLIFIED_NEWS = "<!DOCTYPE html><html><head><title>北京市政府发布新规</title></head>"
      + "<body><h1>北京市政府发布空气质量新规</h1><p>据新华社报道，北京市政府星期一发布了关于改善空气质量的新规定，"
      + "要求全市范围内的工厂在今年年底以前完成排放设备的升级改造。市环保局负责人在记者会上表示，"
      + "过去五年里，北京的细颗粒物浓度已经下降了百分之三十以上，但是距离国家标准仍然有相当大的差距。</p>"
      + "<p>专家指出，这次新规的重点是加强监督和执法，对于违反规定的企业将处以高额罚款，情节严重的将被责令停产整顿。"
      + "一些市民对记者说，他们希望政府能够公开更多的监测数据，让老百姓了解真实的情况。"
      + "另外，交通部门也将继续限制高排放车辆进入市区，并且鼓励市民乘坐公共交通工具出行。</p></body></html>";

  private static final String TRADITIONAL_NEWS = "<!DOCTYPE html><html><head><title>立法院三讀通過新法案</title></head>"
      + "<body><h1>立法院三讀通過勞動基準法修正案</h1><p>中央社記者台北報導，立法院今天下午三讀通過勞動基準法部分條文修正案，"
      + "將基本工資的調整機制正式寫入法律，並要求勞動部每年召開審議委員會。勞動部長在會後表示，"
      + "這項修正對於保障基層勞工的權益具有重要的意義，政府將會盡快完成相關的配套措施。</p>"
      + "<p>在野黨立委則批評，這次修法沒有處理工時過長的問題，許多年輕人仍然面對低薪與高房價的雙重壓力。"
      + "學者認為，臺灣的產業結構正在轉型，政府應該加強職業訓練，協助勞工適應新的經濟環境，"
      + "同時檢討外籍勞工的管理制度，讓整體勞動市場更加健全。</p></body></html>";

  private static final String JAPANESE_NEWS = "<!DOCTYPE html><html><head><title>東京都、新たな防災計画を発表</title></head>"
      + "<body><h1>東京都、首都直下地震に備えた新たな防災計画を発表</h1><p>東京都は十五日、首都直下地震に備えた新しい防災計画を発表した。"
      + "計画では、木造住宅が密集する地域の建て替えを進めるとともに、避難所の数を今後五年間で大幅に増やすとしている。"
      + "都の担当者は記者会見で「大きな地震はいつ起きてもおかしくない。一人ひとりが日ごろから備えることが大切だ」と述べた。</p>"
      + "<p>また、計画には外国人観光客向けの多言語による情報提供や、スマートフォンを使った安否確認の仕組みづくりも盛り込まれた。"
      + "専門家は、行政の取り組みだけでなく、地域の住民同士の助け合いが被害を減らすうえで欠かせないと指摘している。"
      + "都は来月から区市町村と協力して、住民向けの説明会を順次開く予定だ。</p></body></html>";

  private static final String KOREAN_NEWS = "<!DOCTYPE html><html><head><title>서울시, 대중교통 요금 인상 발표</title></head>"
      + "<body><h1>서울시, 내년부터 대중교통 요금 인상</h1><p>서울시는 오늘 기자회견을 열고 내년 상반기부터 지하철과 버스 기본요금을 "
      + "인상한다고 발표했다. 시 관계자는 최근 몇 년 동안 운영 적자가 크게 늘어나 요금 조정이 불가피하다고 설명했다. "
      + "시민단체들은 물가가 오르는 상황에서 서민들의 부담이 더욱 커질 것이라며 반대 입장을 밝혔다.</p>"
      + "<p>전문가들은 요금 인상과 함께 서비스 개선 방안도 마련해야 한다고 지적했다. 서울시는 배차 간격을 줄이고 "
      + "노후 차량을 교체하는 등 시민들이 체감할 수 있는 변화를 추진하겠다고 밝혔다.</p></body></html>";

  private void assertUndeclaredRoundTrip(String html, String charset) {
    byte[] page = html.getBytes(Charset.forName(charset));
    PageDecoder.Decoded d = decoder.decode(page, Optional.empty());
    assertEquals("detected", d.how(), () -> charset + " read as " + d.charset());
    assertEquals(html, d.text(), () -> charset + " read as " + d.charset());
  }

  @Test
  void undeclaredBig5NewsIsDetected() {
    assertUndeclaredRoundTrip(TRADITIONAL_NEWS, "Big5");
  }

  @Test
  void undeclaredGb2312NewsIsDetected() {
    assertUndeclaredRoundTrip(SIMPLIFIED_NEWS, "GB2312");
    assertUndeclaredRoundTrip(SIMPLIFIED_NEWS, "GBK");
    assertUndeclaredRoundTrip(SIMPLIFIED_NEWS, "GB18030");
  }

  @Test
  void undeclaredShiftJisNewsIsDetected() {
    assertUndeclaredRoundTrip(JAPANESE_NEWS, "Shift_JIS");
  }

  @Test
  void undeclaredShiftJisWithNecCharactersKeepsThem() {
    // Circled numbers, ㈱ and Roman numerals are NEC row 13: Windows-31J, not Java's plain Shift_JIS.
    String html = JAPANESE_NEWS.replace("計画では、", "計画では、①避難所の増設②耐震化の推進（第Ⅲ期）を柱とし、㈱東京建設と")
        .replace("大幅に", "約１０％、大幅に");
    assertUndeclaredRoundTrip(html, "windows-31j");
  }

  @Test
  void undeclaredShiftJisWithIbmKanjiIsStillJapanese() {
    // 髙 and 﨑 (IBM extensions, common in names) make the detector give up on the whole page.
    String html = JAPANESE_NEWS.replace("都の担当者は", "都防災課の髙橋課長と山﨑係長は");
    byte[] page = html.getBytes(Charset.forName("windows-31j"));
    PageDecoder.Decoded d = decoder.decode(page, Optional.empty());
    assertEquals(html, d.text(), () -> "read as " + d.charset());
  }

  @Test
  void theShiftJisFallbackWantsKana() {
    // Every byte pair here is valid Windows-31J ("ón", "ía", "ún"), yet it is Spanish, not Japanese.
    String spanish = "<p>La situación económica del país según el informe: Ésta sería la opinión común.</p>";
    assertEquals(Optional.empty(), PageDecoder.shiftJisWithExtensions(spanish.getBytes(Charset.forName("windows-1252"))));
    assertEquals(Optional.empty(), PageDecoder.shiftJisWithExtensions(new byte[] {(byte) 0xE9, ' '}));
    assertEquals(Optional.of(JAPANESE_NEWS),
        PageDecoder.shiftJisWithExtensions(JAPANESE_NEWS.getBytes(Charset.forName("windows-31j"))));
    byte[] page = spanish.getBytes(Charset.forName("windows-1252"));
    assertEquals(spanish, decoder.decode(page, Optional.empty()).text());
  }

  @Test
  void japaneseAndKoreanLabelsReadTheSupersets() {
    String ja = "<meta charset=\"Shift_JIS\"><p>①髙橋㈱</p>";
    assertEquals(ja, decoder.decode(ja.getBytes(Charset.forName("windows-31j")), Optional.empty()).text());
    String euc = "<p>①髙橋㈱の発表</p>";
    assertEquals(euc, decoder.decode(euc.getBytes(Charset.forName("x-eucJP-Open")), Optional.of("EUC-JP")).text());
    String ko = "<p>똠방각하</p>";
    assertEquals(ko, decoder.decode(ko.getBytes(Charset.forName("x-windows-949")), Optional.of("ks_c_5601-1987")).text());
  }

  @Test
  void undeclaredEucJpNewsIsDetected() {
    assertUndeclaredRoundTrip(JAPANESE_NEWS, "EUC-JP");
  }

  @Test
  void undeclaredEucKrNewsIsDetected() {
    assertUndeclaredRoundTrip(KOREAN_NEWS, "EUC-KR");
    // Syllables outside KS X 1001 (Windows-949, the UHC extension) decode too.
    assertUndeclaredRoundTrip(KOREAN_NEWS.replace("시민단체들은", "똠방각하 풍자로 유명한 시민단체들은"), "x-windows-949");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void declarationsAreFoundInAnyCaseAndTheirAbsenceIsCheap() {
    byte[] upper = "<HTML><HEAD><META CHARSET=\"GBK\"></HEAD><P>中文</P>".getBytes(Charset.forName("GB18030"));
    assertEquals("<HTML><HEAD><META CHARSET=\"GBK\"></HEAD><P>中文</P>", decoder.decode(upper, Optional.empty()).text());
    byte[] xml = "<?xml version=\"1.0\" encoding=\"big5\"?><p>中文</p>".getBytes(Charset.forName("Big5"));
    assertEquals(Optional.of(Charset.forName("Big5-HKSCS")), PageDecoder.declared(xml));
    assertEquals(Optional.empty(), PageDecoder.declared("<p>charse t</p>".getBytes(StandardCharsets.UTF_8)));
    assertTrue(PageDecoder.containsAsciiIgnoreCase("x ChArSeT".getBytes(StandardCharsets.UTF_8), 9, "charset"));
    assertFalse(PageDecoder.containsAsciiIgnoreCase("x ChArSeT".getBytes(StandardCharsets.UTF_8), 8, "charset"));
  }

  /** The first implementation: a plain scan, kept as the reference for the skipping one. */
  private static boolean referenceContains(byte[] b, int n, String word) {
    int first = word.charAt(0);
    outer:
    for (int i = 0, last = n - word.length(); i <= last; i++) {
      if ((b[i] | 0x20) != first) {
        continue;
      }
      for (int k = 1; k < word.length(); k++) {
        if ((b[i + k] | 0x20) != word.charAt(k)) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Test
  void charsetScanAgreesWithAPlainScan() {
    // Near misses and bytes that OR 0x20 maps onto letters (C/c/cH, '@'/'`', high bytes).
    String[] pieces = {"charset", "CHARSET", "chArSet", "charse", "harset", "encoding", "ENCODING",
        "encodin", "c", "C", "t", "T", "e", "g", "G", "@", "`", " ", "=", "<meta ", "文", "\u00e3"};
    Random random = new Random(5);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder s = new StringBuilder();
      int len = random.nextInt(12);
      for (int i = 0; i < len; i++) {
        s.append(pieces[random.nextInt(pieces.length)]);
      }
      byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
      int n = random.nextInt(bytes.length + 1);
      for (String word : new String[] {"charset", "encoding"}) {
        assertEquals(referenceContains(bytes, n, word), PageDecoder.containsAsciiIgnoreCase(bytes, n, word),
            () -> s + " / " + n + " / " + word);
      }
    }
    byte[] all = new byte[256 * 8];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) random.nextInt(256);
    }
    for (String word : new String[] {"charset", "encoding", "ab"}) {
      assertEquals(referenceContains(all, all.length, word), PageDecoder.containsAsciiIgnoreCase(all, all.length, word));
    }
  }

  @Test
  void pageSavedAsUtf8ThatStillDeclaresGbkIsReadAsUtf8() {
    // The sora page as a "save as" leaves it: text re-encoded to UTF-8, the old <meta> kept.
    String page = "<meta http-equiv=Content-Type content='text/html; charset=gb2312'>" + Fixtures.sora();
    PageDecoder.Decoded d = decoder.decode(page.getBytes(StandardCharsets.UTF_8), Optional.empty());
    assertEquals(StandardCharsets.UTF_8, d.charset());
    assertEquals(page, d.text());
    assertEquals("valid UTF-8 (declared GB18030 ignored)", d.how());
    // Even when the server said so: the bytes cannot be GBK.
    d = decoder.decode(page.getBytes(StandardCharsets.UTF_8), Optional.of("GBK"));
    assertEquals(page, d.text());
  }

  @Test
  void realGbkAndLatin1PagesKeepTheirDeclaredCharset() {
    Charset gbk = Charset.forName("GB18030");
    String page = "<meta charset=gbk><p>" + Fixtures.sora().replace("🔥", "");
    PageDecoder.Decoded d = decoder.decode(page.getBytes(gbk), Optional.empty());
    assertEquals(gbk, d.charset());
    assertEquals(page, d.text());
    Charset latin = Charset.forName("windows-1252");
    String french = "<meta charset=iso-8859-1><p>Le café où l'on déjeune, près de l'église.";
    d = decoder.decode(french.getBytes(latin), Optional.empty());
    assertEquals(latin, d.charset());
    assertEquals(french, d.text());
    // The same page saved as UTF-8: café, not cafÃ©.
    d = decoder.decode(french.getBytes(StandardCharsets.UTF_8), Optional.empty());
    assertEquals(french, d.text());
  }

  @Test
  void multibyteUtf8Check() {
    assertTrue(PageDecoder.isMultibyteUtf8("a 中文 é 🔥".getBytes(StandardCharsets.UTF_8)));
    assertFalse(PageDecoder.isMultibyteUtf8("ascii only".getBytes(StandardCharsets.UTF_8)));
    assertFalse(PageDecoder.isMultibyteUtf8(new byte[] {'a', (byte) 0xC0, (byte) 0x80}), "overlong");
    assertFalse(PageDecoder.isMultibyteUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}), "surrogate");
    assertFalse(PageDecoder.isMultibyteUtf8(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}), "past U+10FFFF");
    assertFalse(PageDecoder.isMultibyteUtf8("中文".getBytes(Charset.forName("GB18030"))));
    byte[] cut = "中文".getBytes(StandardCharsets.UTF_8);
    assertTrue(PageDecoder.isMultibyteUtf8(java.util.Arrays.copyOf(cut, cut.length - 1)), "truncated at the end");
  }
}
