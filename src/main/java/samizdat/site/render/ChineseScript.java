package samizdat.site.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The character tables of the 简/繁 reading switch ({@code assets/zh-script.js}, used by
 * site.js): Traditional to Simplified is the search index's table (OpenCC's, {@code
 * samizdat/search/t2s.txt}); Simplified to Traditional is worked out from it. That direction is
 * one-to-many and, character by character, only approximate: a Simplified character that is
 * itself a Traditional one (it is in Big5: 局, 面, 台) stays as it is, others take their first
 * Traditional source, and a short list gives the usual form of common characters either way
 * (后 → 後, 发 → 發). Phrase-level conversion (OpenCC's phrase tables) is not attempted.
 */
public final class ChineseScript {
  static final String PATH = "assets/zh-script.js";
  private static final String TABLE = "/samizdat/search/t2s.txt";
  /** Simplified character, its usual Traditional form. */
  private static final String USUAL = "后後里裡发發当當么麼着著于於云雲复復历歷冲衝准準尽盡钟鐘采採几幾"
      + "术術叶葉团團党黨咸鹹涂塗汇匯须須价價愿願杰傑获獲脏髒适適赞讚别別郁鬱划劃仆僕扑撲签簽摆擺"
      + "闲閒台台面面干干万萬与與丰豐优優体體儿兒厂廠圣聖坏壞宁寧听聽异異惊驚怀懷怜憐扰擾据據机機"
      + "极極构構柜櫃气氣洁潔种種确確离離网網胜勝虫蟲触觸赶趕蚕蠶并並岭嶺岳嶽挂掛庄莊吨噸腊臘苹蘋"
      + "茧繭荐薦晒曬洒灑";

  private ChineseScript() {}

  /** {@code samizdatScript("T S T S ...", "S T S T ...")}: both tables as pairs of characters. */
  static byte[] script() {
    Map<Integer, Integer> t2s = new LinkedHashMap<>();
    try (InputStream in = ChineseScript.class.getResourceAsStream(TABLE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + TABLE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        if (parts.length == 2) {
          t2s.put(parts[0].codePointAt(0), parts[1].codePointAt(0));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CharsetEncoder big5 = Charset.forName("Big5").newEncoder();
    Map<Integer, Integer> s2t = new LinkedHashMap<>();
    for (var e : t2s.entrySet()) {
      int s = e.getValue();
      if (!s2t.containsKey(s) && !big5.canEncode(new String(Character.toChars(s)))) {
        s2t.put(s, e.getKey());
      }
    }
    for (int i = 0; i + 1 < USUAL.length(); i += 2) {
      int s = USUAL.charAt(i);
      int t = USUAL.charAt(i + 1);
      if (s == t) {
        s2t.remove(s);
      } else {
        s2t.put(s, t);
      }
    }
    StringBuilder sb = new StringBuilder("samizdatScript(");
    ArticleTextRenderer.jsString(sb, pairs(t2s));
    sb.append(",\n");
    ArticleTextRenderer.jsString(sb, pairs(s2t));
    return sb.append(");\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String pairs(Map<Integer, Integer> map) {
    StringBuilder sb = new StringBuilder(map.size() * 4);
    for (var e : map.entrySet()) {
      sb.appendCodePoint(e.getKey()).appendCodePoint(e.getValue());
    }
    return sb.toString();
  }
}
