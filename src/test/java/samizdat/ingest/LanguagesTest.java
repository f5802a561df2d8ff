package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguagesTest {
  static final String SIMPLIFIED = "据新华社报道，北京市政府星期一发布了关于改善空气质量的新规定，要求全市范围内的工厂在今年年底以前"
      + "完成排放设备的升级改造。市环保局负责人在记者会上表示，过去五年里，北京的细颗粒物浓度已经下降了百分之三十以上，"
      + "但是距离国家标准仍然有相当大的差距。专家指出，这次新规的重点是加强监督和执法，对于违反规定的企业将处以高额罚款，"
      + "情节严重的将被责令停产整顿。一些市民对记者说，他们希望政府能够公开更多的监测数据，让老百姓了解真实的情况。";
  /** The same paragraph in Traditional characters, as a Taiwanese or Hong Kong site would print it. */
  static final String TRADITIONAL = "據新華社報導，北京市政府星期一發布了關於改善空氣品質的新規定，要求全市範圍內的工廠在今年年底以前"
      + "完成排放設備的升級改造。市環保局負責人在記者會上表示，過去五年裡，北京的細顆粒物濃度已經下降了百分之三十以上，"
      + "但是距離國家標準仍然有相當大的差距。專家指出，這次新規的重點是加強監督和執法，對於違反規定的企業將處以高額罰款，"
      + "情節嚴重的將被責令停產整頓。一些市民對記者說，他們希望政府能夠公開更多的監測數據，讓老百姓了解真實的情況。";
  static final String TAIWAN = "中央社記者台北報導，立法院今天下午三讀通過勞動基準法部分條文修正案，將基本工資的調整機制正式寫入法律，"
      + "並要求勞動部每年召開審議委員會。在野黨立委則批評，這次修法沒有處理工時過長的問題，許多年輕人仍然面對低薪與高房價的雙重壓力。";
  static final String JAPANESE = "東京都は十五日、首都直下地震に備えた新しい防災計画を発表した。計画では、木造住宅が密集する地域の"
      + "建て替えを進めるとともに、避難所の数を今後五年間で大幅に増やすとしている。都の担当者は記者会見で「大きな地震はいつ"
      + "起きてもおかしくない。一人ひとりが日ごろから備えることが大切だ」と述べた。";
  static final String KOREAN = "서울시는 오늘 기자회견을 열고 내년 상반기부터 지하철과 버스 기본요금을 인상한다고 발표했다. "
      + "시 관계자는 최근 몇 년 동안 운영 적자가 크게 늘어나 요금 조정이 불가피하다고 설명했다. 시민단체들은 물가가 오르는 "
      + "상황에서 서민들의 부담이 더욱 커질 것이라며 반대 입장을 밝혔다.";
  static final String RUSSIAN = "Правительство Москвы в понедельник объявило о новых мерах по улучшению качества воздуха в городе. "
      + "По словам представителя мэрии, до конца года все крупные предприятия должны будут установить современные фильтры. "
      + "Экологи считают, что эти меры недостаточны, и требуют более строгого контроля за выбросами.";
  static final String UKRAINIAN = "Уряд України в понеділок оголосив про нові заходи щодо підтримки енергетичної системи взимку. "
      + "За словами міністра, до кінця року будуть відновлені пошкоджені підстанції, а громади отримають додаткові генератори. "
      + "Експерти вважають, що це допоможе уникнути тривалих відключень світла в найхолодніші місяці.";
  static final String BULGARIAN = "Правителството на България одобри в сряда нов закон за енергийната ефективност на сградите. "
      + "Според министъра промените ще помогнат на хората да намалят сметките си за ток през зимата, а общините ще получат "
      + "допълнително финансиране за ремонт на училища и детски градини.";
  static final String ARABIC = "أعلنت الحكومة المصرية يوم الاثنين عن خطة جديدة لتحسين جودة الهواء في القاهرة الكبرى، وقال المتحدث "
      + "باسم مجلس الوزراء إن الخطة تشمل نقل المصانع الملوثة إلى خارج المدن وزيادة عدد محطات المراقبة. وأضاف أن الحكومة "
      + "ستفرض غرامات كبيرة على الشركات التي تخالف القانون.";
  static final String PERSIAN = "دولت ایران روز دوشنبه از برنامه تازه‌ای برای بهبود کیفیت هوا در تهران خبر داد. سخنگوی دولت گفت "
      + "که این برنامه شامل انتقال کارخانه‌های آلاینده به بیرون از شهر و افزایش شمار ایستگاه‌های پایش است. کارشناسان می‌گویند "
      + "که بدون کاهش ترافیک خودروها، این اقدامات چندان کارساز نخواهد بود.";
  static final String URDU = "حکومت پاکستان نے پیر کے روز لاہور میں فضائی آلودگی کم کرنے کے لیے نئے منصوبے کا اعلان کیا۔ وزیر "
      + "اطلاعات نے کہا کہ شہر کے باہر اینٹوں کے بھٹوں کو بند کیا جائے گا اور پرانی گاڑیوں پر پابندی لگائی جائے گی۔ ماہرین کا "
      + "کہنا ہے کہ یہ اقدامات کافی نہیں ہیں۔";
  static final String HEBREW = "הממשלה אישרה ביום שני תוכנית חדשה לשיפור איכות האוויר באזור המפרץ. לדברי השר, המפעלים המזהמים "
      + "יחויבו להתקין מסננים חדשים עד סוף השנה, ותחנות ניטור נוספות יוקמו ברחבי העיר.";
  static final String GREEK = "Η κυβέρνηση ανακοίνωσε τη Δευτέρα νέα μέτρα για τη βελτίωση της ποιότητας του αέρα στην Αθήνα. "
      + "Σύμφωνα με τον υπουργό, τα εργοστάσια θα πρέπει να εγκαταστήσουν νέα φίλτρα μέχρι το τέλος του έτους.";
  static final String THAI = "รัฐบาลประกาศมาตรการใหม่เพื่อแก้ไขปัญหาฝุ่นละอองในกรุงเทพมหานครเมื่อวันจันทร์ โดยโฆษกรัฐบาลกล่าวว่า"
      + "โรงงานที่ปล่อยมลพิษจะต้องติดตั้งเครื่องกรองอากาศภายในสิ้นปีนี้";
  static final String ENGLISH = "The city government announced on Monday a new plan to improve air quality in the capital. "
      + "A spokesman said that factories would have to install modern filters by the end of the year, and that the number "
      + "of monitoring stations was to be doubled. Environmental groups said the measures were not enough.";
  static final String GERMAN = "Die Bundesregierung hat am Mittwoch ein neues Gesetz zur Verbesserung der Luftqualität in den "
      + "Städten beschlossen. Nach Angaben des Ministeriums müssen die Betriebe bis zum Ende des Jahres moderne Filter einbauen. "
      + "Umweltverbände kritisierten, dass die Maßnahmen nicht ausreichen würden.";
  static final String FRENCH = "Le gouvernement a annoncé lundi un nouveau plan pour améliorer la qualité de l'air dans la capitale. "
      + "Selon le porte-parole, les usines devront installer des filtres modernes avant la fin de l'année, et le nombre des "
      + "stations de mesure sera doublé. Les associations estiment que ces mesures ne sont pas suffisantes.";
  static final String SPANISH = "El gobierno anunció el lunes un nuevo plan para mejorar la calidad del aire en la capital. "
      + "Según el portavoz, las fábricas deberán instalar filtros modernos antes de que termine el año, y el número de "
      + "estaciones de medición se duplicará. Los grupos ecologistas afirman que las medidas no son suficientes.";
  static final String PORTUGUESE = "O governo anunciou na segunda-feira um novo plano para melhorar a qualidade do ar na capital. "
      + "Segundo o porta-voz, as fábricas terão de instalar filtros modernos até o fim do ano, e o número de estações de "
      + "medição será duplicado. Os grupos ambientalistas afirmam que as medidas não são suficientes.";
  static final String VIETNAMESE = "Chính phủ đã công bố kế hoạch mới vào thứ Hai nhằm cải thiện chất lượng không khí tại thủ đô. "
      + "Theo người phát ngôn, các nhà máy sẽ phải lắp đặt bộ lọc hiện đại trước cuối năm, và số trạm quan trắc sẽ được "
      + "tăng gấp đôi. Các nhóm môi trường cho rằng những biện pháp này là chưa đủ.";

  @Test
  void scriptsAndLettersNameTheLanguage() {
    assertEquals(Optional.of("zh-Hans"), Languages.detect(SIMPLIFIED));
    assertEquals(Optional.of("zh-Hant"), Languages.detect(TRADITIONAL));
    assertEquals(Optional.of("zh-Hant"), Languages.detect(TAIWAN));
    assertEquals(Optional.of("ja"), Languages.detect(JAPANESE));
    assertEquals(Optional.of("ko"), Languages.detect(KOREAN));
    assertEquals(Optional.of("ru"), Languages.detect(RUSSIAN));
    assertEquals(Optional.of("uk"), Languages.detect(UKRAINIAN));
    assertEquals(Optional.of("bg"), Languages.detect(BULGARIAN));
    assertEquals(Optional.of("ar"), Languages.detect(ARABIC));
    assertEquals(Optional.of("fa"), Languages.detect(PERSIAN));
    assertEquals(Optional.of("ur"), Languages.detect(URDU));
    assertEquals(Optional.of("he"), Languages.detect(HEBREW));
    assertEquals(Optional.of("el"), Languages.detect(GREEK));
    assertEquals(Optional.of("th"), Languages.detect(THAI));
  }

  @Test
  void charactersTraditionalTextWritesTooAreNoSignOfSimplified() {
    // 台 后 只 千 表 面 are values of the t2s table, yet everyday Traditional characters (in Big5):
    // counted as Simplified they would leave this 10 against 8, too close to call.
    String concert = "台灣的天后今天在台北舉行演唱會，只有三千名歌迷到場，主辦單位表示，後面還有十場巡迴表演。";
    assertEquals(Optional.of("zh-Hant"), Languages.detect(concert));
    assertEquals("zh-Hant", Languages.decide(List.of("zh"), concert, Optional.empty()));
  }

  @Test
  void kanaOrHangulAmongHanAreJapaneseOrKorean() {
    String hanja = "大韓民國 政府는 月曜日 首都의 大氣 質을 改善하기 위한 새로운 計劃을 發表했다. 代辯人은 工場들이 "
        + "年末까지 現代的인 필터를 設置해야 한다고 말했다.";
    assertEquals(Optional.of("ko"), Languages.detect(hanja));
    String kanjiHeavy = "政府は十五日、首都直下地震対策基本計画改定案を閣議決定した。防災担当大臣談話も発表された。";
    assertEquals(Optional.of("ja"), Languages.detect(kanjiHeavy));
    // A Japanese title quoted in a Chinese article does not make it Japanese.
    assertEquals(Optional.of("zh-Hans"), Languages.detect("宫崎骏的动画电影《千と千尋の神隠し》昨天在北京重新上映，" + SIMPLIFIED));
  }

  @Test
  void latinTextIsVotedByItsCommonWords() {
    assertEquals(Optional.of("en"), Languages.detect(ENGLISH));
    assertEquals(Optional.of("de"), Languages.detect(GERMAN));
    assertEquals(Optional.of("fr"), Languages.detect(FRENCH));
    assertEquals(Optional.of("es"), Languages.detect(SPANISH));
    assertEquals(Optional.of("pt"), Languages.detect(PORTUGUESE));
    assertEquals(Optional.of("vi"), Languages.detect(VIETNAMESE));
  }

  @Test
  void moreLatinLanguages() {
    assertEquals(Optional.of("it"), Languages.detect("Il governo ha annunciato lunedì un nuovo piano per migliorare la "
        + "qualità dell'aria nella capitale. Secondo il portavoce, le fabbriche dovranno installare filtri moderni entro "
        + "la fine dell'anno e il numero delle stazioni di misura sarà raddoppiato."));
    assertEquals(Optional.of("nl"), Languages.detect("De regering heeft maandag een nieuw plan aangekondigd om de "
        + "luchtkwaliteit in de hoofdstad te verbeteren. Volgens de woordvoerder moeten de fabrieken voor het einde van "
        + "het jaar moderne filters installeren en wordt het aantal meetstations verdubbeld."));
    assertEquals(Optional.of("pl"), Languages.detect("Rząd ogłosił w poniedziałek nowy plan poprawy jakości powietrza "
        + "w stolicy. Według rzecznika fabryki będą musiały zainstalować nowoczesne filtry do końca roku, a liczba "
        + "stacji pomiarowych zostanie podwojona."));
    assertEquals(Optional.of("tr"), Languages.detect("Hükümet pazartesi günü başkentteki hava kalitesini iyileştirmek "
        + "için yeni bir plan açıkladı. Sözcüye göre fabrikalar yıl sonuna kadar modern filtreler takmak zorunda olacak "
        + "ve ölçüm istasyonlarının sayısı iki katına çıkarılacak."));
    assertEquals(Optional.of("id"), Languages.detect("Pemerintah pada hari Senin mengumumkan rencana baru untuk "
        + "meningkatkan kualitas udara di ibu kota. Menurut juru bicara, pabrik-pabrik harus memasang filter modern "
        + "sebelum akhir tahun dan jumlah stasiun pemantauan akan ditambah dua kali lipat."));
  }

  @Test
  void latinLanguagesTheVoteDoesNotKnowAreNotForcedIntoOne() {
    // Czech and Croatian share short words with Polish and Portuguese; their own letters give them away.
    String czech = "Vláda v pondělí představila nový plán na zlepšení kvality ovzduší v hlavním městě. Podle mluvčího "
        + "musí továrny do konce roku nainstalovat moderní filtry a počet měřicích stanic se zdvojnásobí. Ale to je jen "
        + "začátek, řekl ministr a dodal, že na to jsou peníze.";
    String croatian = "Vlada je u ponedjeljak predstavila novi plan za poboljšanje kvalitete zraka u glavnom gradu. "
        + "Prema riječima glasnogovornika, tvornice do kraja godine moraju ugraditi moderne filtre, a broj mjernih "
        + "postaja će se udvostručiti. To je tek početak, rekao je ministar i dodao da za to ima novca.";
    assertEquals(Optional.empty(), Languages.detect(czech));
    assertEquals(Optional.empty(), Languages.detect(croatian));
    assertEquals("cs", Languages.decide(List.of("cs"), czech, Optional.of("en")));
    assertEquals("hr-HR", Languages.decide(List.of("hr_HR"), croatian, Optional.empty()));
  }

  @Test
  void cyrillicLanguagesByTheirOwnLetters() {
    assertEquals(Optional.of("sr"), Languages.detect("Влада Србије је у понедељак објавила нови план за побољшање "
        + "квалитета ваздуха у Београду. Према речима министра, фабрике ће до краја године морати да уграде савремене "
        + "филтере, а број мерних станица биће удвостручен."));
    assertEquals(Optional.of("mk"), Languages.detect("Владата во понеделникот објави нов план за подобрување на "
        + "квалитетот на воздухот во Скопје. Според министерот, фабриките ќе мораат да вградат современи филтри до "
        + "крајот на годината, а бројот на мерни станици ќе се зголеми."));
    assertEquals(Optional.of("be"), Languages.detect("Урад у панядзелак абвясціў новы план паляпшэння якасці паветра ў "
        + "сталіцы. Па словах міністра, заводы павінны ўсталяваць сучасныя фільтры да канца года."));
    // Kazakh is not Russian; the detector does not name it, so a declaration stands.
    String kazakh = "Үкімет дүйсенбі күні астанадағы ауа сапасын жақсартудың жаңа жоспарын жариялады. Министрдің "
        + "айтуынша, зауыттар жыл соңына дейін заманауи сүзгілер орнатуы тиіс.";
    assertEquals(Optional.empty(), Languages.detect(kazakh));
    assertEquals("kk", Languages.decide(List.of("kk"), kazakh, Optional.of("ru")));
  }

  @Test
  void chineseWithSomeEnglishAndNumbersIsStillChinese() {
    String mixed = "苹果公司（Apple Inc.）CEO Tim Cook周二在加州Cupertino发布了新款iPhone 17 Pro，售价为999美元起。"
        + "他表示，今年的销量预计将比2024年增长15%，其中中国市场的表现尤其重要。分析师认为，AI功能将是这一代产品的最大卖点。";
    assertEquals(Optional.of("zh-Hans"), Languages.detect(mixed));
    assertEquals("zh-Hans", Languages.decide(List.of("en"), mixed, Optional.of("en")));
  }

  @Test
  void tooLittleTextSaysNothing() {
    assertEquals(Optional.empty(), Languages.detect(""));
    assertEquals(Optional.empty(), Languages.detect("这是中文"));
    assertEquals(Optional.empty(), Languages.detect("Breaking news"));
    assertEquals(Optional.empty(), Languages.detect("2024-05-01 12:30 — 1,234,567 ★★★ https://"));
    // Enough letters, but no language's common words: the script alone names no language.
    assertEquals(Optional.empty(), Languages.detect("Xkcd qwerty zxcvb asdfgh lkjhg poiuy mnbvc trewq yuiop"));
  }

  @Test
  void aChinesePageIsNeverStoredAsEnglish() {
    assertEquals("zh-Hans", Languages.decide(List.of("en"), SIMPLIFIED, Optional.of("en")));
    assertEquals("zh-Hant", Languages.decide(List.of(), TRADITIONAL, Optional.of("en")));
    // A later declaration that agrees is taken over the first one that does not.
    assertEquals("zh-CN", Languages.decide(List.of("en-US", "zh-CN"), SIMPLIFIED, Optional.of("en")));
  }

  @Test
  void declaredTagsThatAgreeWinAndKeepWhatTheySay() {
    assertEquals("zh-CN", Languages.decide(List.of("zh_CN"), SIMPLIFIED, Optional.of("en")));
    assertEquals("zh-TW", Languages.decide(List.of("zh-tw"), TRADITIONAL, Optional.empty()));
    assertEquals("zh-Hant-HK", Languages.decide(List.of("zh-hant-hk"), TRADITIONAL, Optional.empty()));
    assertEquals("en-GB", Languages.decide(List.of("EN-gb"), ENGLISH, Optional.of("de")));
    assertEquals("ja-JP", Languages.decide(List.of("ja_JP"), JAPANESE, Optional.empty()));
    // The first that agrees, in the order given.
    assertEquals("fr-CA", Languages.decide(List.of("de", "fr-CA", "fr-FR"), FRENCH, Optional.empty()));
  }

  @Test
  void aTraditionalPageDeclaredSimplifiedIsTraditional() {
    assertEquals("zh-Hant", Languages.decide(List.of("zh-CN"), TRADITIONAL, Optional.of("zh-CN")));
    assertEquals("zh-Hans", Languages.decide(List.of("zh-Hant"), SIMPLIFIED, Optional.empty()));
    // A later declaration that agrees is preferred to what the text alone says.
    assertEquals("zh-HK", Languages.decide(List.of("zh-CN", "zh-HK"), TRADITIONAL, Optional.empty()));
  }

  @Test
  void bareChineseIsRefinedByTheText() {
    assertEquals("zh-Hans", Languages.decide(List.of("zh"), SIMPLIFIED, Optional.empty()));
    assertEquals("zh-Hant", Languages.decide(List.of("ZH"), TRADITIONAL, Optional.empty()));
    assertEquals("zh-Hant", Languages.decide(List.of(), TAIWAN, Optional.of("zh")));
  }

  @Test
  void theProfileDefaultIsUsedWhenItAgrees() {
    assertEquals("de-AT", Languages.decide(List.of(), GERMAN, Optional.of("de-AT")));
    assertEquals("de", Languages.decide(List.of(), GERMAN, Optional.of("en")));
    assertEquals("ru", Languages.decide(List.of("en"), RUSSIAN, Optional.of("en")));
    assertEquals("uk", Languages.decide(List.of("ru"), UKRAINIAN, Optional.of("ru")));
    assertEquals("fa", Languages.decide(List.of("ar"), PERSIAN, Optional.empty()));
  }

  @Test
  void languagesTheDetectorCannotNameAreBelievedInTheirScript() {
    String norwegian = "Regjeringen la mandag fram en ny plan for å bedre luftkvaliteten i hovedstaden. Ifølge "
        + "statsråden må fabrikkene installere moderne filtre innen utgangen av året, og antallet målestasjoner skal dobles.";
    assertEquals("nb", Languages.decide(List.of("nb"), norwegian, Optional.of("en")));
    assertEquals("ca", Languages.decide(List.of("ca"), SPANISH, Optional.empty()));
    // But not outside it: Kazakh is not Chinese.
    assertFalse(Languages.agrees("kk", "zh-Hans"));
    assertTrue(Languages.agrees("zh", "zh-Hant"));
    assertTrue(Languages.agrees("zh-SG", "zh-Hans"));
    assertTrue(Languages.agrees("zh-MO", "zh"));
    assertFalse(Languages.agrees("zh-MY", "zh-Hant"));
    assertFalse(Languages.agrees("ko", "ja"));
  }

  @Test
  void withTooLittleTextTheDeclarationStands() {
    assertEquals("en", Languages.decide(List.of("en"), "这是中文", Optional.of("de")));
    assertEquals("de", Languages.decide(List.of("", "{{lang}}"), "这是中文", Optional.of("de")));
    assertEquals("und", Languages.decide(List.of("undefined"), "", Optional.empty()));
    assertEquals("zh", Languages.decide(List.of("zh"), "短文", Optional.empty()));
  }

  @Test
  void whenTheScriptIsClearButNotTheLanguageOtherScriptsAreNotBelieved() {
    String finnish = "Hallitus julkisti maanantaina uuden suunnitelman ilmanlaadun parantamiseksi pääkaupungissa. "
        + "Tehtaiden täytyy asentaa nykyaikaiset suodattimet vuoden loppuun mennessä.";
    assertEquals("fi", Languages.decide(List.of("fi"), finnish, Optional.of("en")));
    assertEquals("en", Languages.decide(List.of("zh-CN"), finnish, Optional.of("en")));
    assertEquals("und", Languages.decide(List.of("zh-CN"), finnish, Optional.of("ja")));
  }

  @Test
  void junkDeclarationsAreSkipped() {
    for (String junk : List.of("", " ", "x", "undefined", "{{lang}}", "*", "und", "null", "en-", "-en", "e n",
        "1234", "en_US,fr", "zxx")) {
      assertEquals(Optional.empty(), Languages.normalize(junk), junk);
    }
    assertEquals("zh-Hans", Languages.decide(List.of("{{lang}}", "*", "x"), SIMPLIFIED, Optional.of("")));
  }

  @Test
  void tagsAreNormalised() {
    assertEquals(Optional.of("zh-CN"), Languages.normalize("zh_CN"));
    assertEquals(Optional.of("en-US"), Languages.normalize("EN-us"));
    assertEquals(Optional.of("zh-Hant-TW"), Languages.normalize("zh-hant-tw"));
    assertEquals(Optional.of("es-419"), Languages.normalize(" es-419 "));
    assertEquals(Optional.of("en-US"), Languages.normalize("en_US.UTF-8"));
    assertEquals(Optional.of("he"), Languages.normalize("iw"));
    assertEquals(Optional.of("zh-Hans"), Languages.normalize("zh-CHS"));
    assertEquals(Optional.of("sr-Latn-RS"), Languages.normalize("sr-latn-rs"));
    assertEquals(Optional.of("de-CH-x-phonebk"), Languages.normalize("de-ch-x-Phonebk"));
  }

  @Test
  void chineseScriptsOfTags() {
    assertEquals("Hans", Languages.chineseScript("zh-CN"));
    assertEquals("Hant", Languages.chineseScript("zh-HK"));
    assertEquals("Hans", Languages.chineseScript("zh-Hans-HK"));
    assertEquals("", Languages.chineseScript("zh"));
  }

  @Test
  void aHugePageIsReadOnlyAsFarAsTheSample() {
    // An English tail far past the sample does not change what a Chinese opening says.
    // (Its cost is measured by the ingest benchmark, not here: a timed test only measures the
    // machine it runs on.)
    String huge = SIMPLIFIED.repeat(40) + ENGLISH.repeat(2000);
    assertEquals(Optional.of("zh-Hans"), Languages.detect(huge));
  }
}
