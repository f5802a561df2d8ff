// Benchmark content generator for samizdat: writes a content folder (articles/<id>.json + .md,
// media/) in the content contract of samizdat.content, with realistic Chinese news-like articles.
//
// Usage (Java 11+ runs this single file directly, no dependencies):
//   java bench/build/GenerateContent.java N OUTDIR [seed]           fresh archive of N articles
//   java bench/build/GenerateContent.java --append M OUTDIR [seed]  add M articles newer than all
//
// Same arguments give byte-identical files. The JSON is written by hand in exactly the layout that
// samizdat.content.ContentJson writes (GeneratedContentTest checks this byte for byte), so that a
// build reading it sees what a real ingest would have produced.

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

public final class GenerateContent {
  static final LocalDate ARCHIVE_START = LocalDate.of(2020, 1, 1);
  static final int ARCHIVE_DAYS = 5 * 365 + 1; // 2020-01-01 .. 2024-12-31
  static final long FIRST_NUMBER = 1_300_000;
  static final long LAST_NUMBER = 2_050_000;
  static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  public static void main(String[] args) throws Exception {
    try {
      if (args.length >= 2 && args[0].equals("--append")) {
        int m = parseCount(args[1]);
        if (args.length < 3 || args.length > 4) usage();
        long seed = args.length == 4 ? Long.parseLong(args[3]) : 1;
        long t0 = System.nanoTime();
        int written = new GenerateContent(Path.of(args[2]), seed).append(m);
        System.err.printf(Locale.ROOT, "appended %d articles to %s in %.1f s%n", written, args[2],
            (System.nanoTime() - t0) / 1e9);
      } else if (args.length == 2 || args.length == 3) {
        int n = parseCount(args[0]);
        long seed = args.length == 3 ? Long.parseLong(args[2]) : 1;
        long t0 = System.nanoTime();
        new GenerateContent(Path.of(args[1]), seed).generate(n);
        System.err.printf(Locale.ROOT, "generated %d articles in %s in %.1f s%n", n, args[1],
            (System.nanoTime() - t0) / 1e9);
      } else {
        usage();
      }
    } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
      System.err.println("GenerateContent: " + e.getMessage());
      System.exit(1);
    }
  }

  static int parseCount(String s) {
    try {
      int n = Integer.parseInt(s.replace("_", ""));
      if (n < 1) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a positive article count: " + s);
    }
  }

  static void usage() {
    System.err.println("usage: java GenerateContent.java N OUTDIR [seed]\n"
        + "       java GenerateContent.java --append M OUTDIR [seed]");
    System.exit(2);
  }

  // ---------------------------------------------------------------------------------------------

  /** What the generator needs to know about an article to link to it from a later one. */
  record Known(int index, String id, String title, String url, LocalDate day, List<String> tags) {}

  final Path out;
  final long seed;
  final Vocabulary vocab;
  final List<Known> known = new ArrayList<>();
  /** Tag -> indexes (into known) of articles with that tag, oldest first. */
  final Map<String, List<Integer>> byTag = new HashMap<>();
  final Set<String> mediaWritten = new HashSet<>();

  GenerateContent(Path out, long seed) {
    this.out = out;
    this.seed = seed;
    this.vocab = new Vocabulary(seed);
  }

  void generate(int n) throws IOException {
    Path articles = out.resolve("articles");
    if (Files.isDirectory(articles)) {
      try (Stream<Path> s = Files.list(articles)) {
        if (s.findAny().isPresent()) {
          throw new IllegalArgumentException(articles + ": already has articles; use an empty folder "
              + "or --append");
        }
      }
    }
    Files.createDirectories(articles);
    TagSampler tags = new TagSampler(vocab, n);
    SplittableRandom seq = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
    double step = (double) (LAST_NUMBER - FIRST_NUMBER) / n;
    int maxJump = Math.max(1, (int) Math.round(2 * step) - 1);
    long number = FIRST_NUMBER;
    for (int i = 0; i < n; i++) {
      LocalDate day = ARCHIVE_START.plusDays((long) i * ARCHIVE_DAYS / n);
      number += 1 + seq.nextInt(maxJump);
      writeArticle(i, day, number, tags);
      if ((i + 1) % 10_000 == 0) System.err.printf("  %d articles%n", i + 1);
    }
  }

  int append(int m) throws IOException {
    Path articles = out.resolve("articles");
    if (!Files.isDirectory(articles)) {
      throw new IllegalArgumentException(articles + ": no such folder; generate an archive first");
    }
    List<Path> jsons;
    try (Stream<Path> s = Files.list(articles)) {
      jsons = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    if (jsons.isEmpty()) throw new IllegalArgumentException(articles + ": holds no articles");
    // Read back what the archive holds; ids are YYYYMMDD-NNNNNNN so the sorted order is by day.
    TreeMap<String, Known> existing = new TreeMap<>();
    LocalDate lastDay = ARCHIVE_START;
    long lastNumber = FIRST_NUMBER;
    Pattern idPattern = Pattern.compile("(\\d{8})-(\\d{7})");
    for (Path p : jsons) {
      Map<String, Object> o = MiniJson.parseObject(Files.readString(p, StandardCharsets.UTF_8), p);
      String id = (String) o.get("id");
      Matcher idm = idPattern.matcher(id);
      if (!idm.matches()) {
        throw new IllegalArgumentException(p + ": id \"" + id + "\" is not YYYYMMDD-NNNNNNN");
      }
      LocalDate day = LocalDate.parse(idm.group(1), BASIC);
      long num = Long.parseLong(idm.group(2));
      if (day.isAfter(lastDay)) lastDay = day;
      lastNumber = Math.max(lastNumber, num);
      @SuppressWarnings("unchecked")
      List<String> t = (List<String>) o.get("tags");
      existing.put(id, new Known(0, id, (String) o.get("title"), (String) o.get("url"), day, t));
    }
    for (Known k : existing.values()) remember(new Known(known.size(), k.id(), k.title(), k.url(),
        k.day(), k.tags()));
    int base = known.size();
    TagSampler tags = new TagSampler(vocab, base + m);
    SplittableRandom seq = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 31L * base + 5);
    long number = lastNumber;
    for (int k = 0; k < m; k++) {
      // About 20 articles a day, starting the day after the newest one.
      LocalDate day = lastDay.plusDays(1 + k / 20);
      number += 1 + seq.nextInt(60);
      writeArticle(base + k, day, number, tags);
    }
    return m;
  }

  void remember(Known k) {
    known.add(k);
    for (String t : k.tags()) byTag.computeIfAbsent(t, x -> new ArrayList<>()).add(k.index());
  }

  // ---------------------------------------------------------------------------------------------

  static final String[] CATEGORIES = {"cnnews", "cnnews", "cnnews", "headline", "ssgc", "ssgc",
      "comments", "ccpdope", "bannedvideo", "itnews", "worldnews", "hotnews"};
  static final String[] SOURCES = {"看中国", "大纪元", "自由亚洲电台", "美国之音", "新唐人", "法广",
      "德国之声", "BBC中文网", "禁闻网", "希望之声", "中国数字时代", "联合早报", "端传媒", "RFI",
      "美国之音中文网", "偲睿洞察"};
  static final String[] LINK_SITES = {"https://www.rfa.org/mandarin/", "https://www.voachinese.com/a/",
      "https://www.bbc.com/zhongwen/simp/", "https://twitter.com/", "https://www.ntdtv.com/gb/",
      "https://www.epochtimes.com/gb/", "https://chinadigitaltimes.net/chinese/",
      "https://www.youtube.com/watch?v="};

  void writeArticle(int index, LocalDate day, long number, TagSampler tagSampler) throws IOException {
    SplittableRandom r = new SplittableRandom(mix(seed, index));
    String ymd = day.format(BASIC);
    String id = ymd + "-" + number;
    String category = CATEGORIES[r.nextInt(CATEGORIES.length)];
    String url = "https://www.bannedbook.org/bnews/" + category + "/" + ymd + "/" + number + ".html";
    String title = vocab.headline(r);
    boolean undated = r.nextInt(100) < 3;
    String language = r.nextInt(10) == 0 ? "zh-TW" : "zh-CN";
    String source = r.nextInt(100) < 85 ? SOURCES[r.nextInt(SOURCES.length)] : null;

    // Tags: 1-8, Zipf over the tag vocabulary, de-duplicated ignoring case.
    int tagCount = 1 + Math.min(7, (int) Math.floor(-Math.log(1 - r.nextDouble()) * 3.2));
    LinkedHashSet<String> tagSet = new LinkedHashSet<>();
    Set<String> lower = new HashSet<>();
    for (int t = 0; t < tagCount * 3 && tagSet.size() < tagCount; t++) {
      String tag = tagSampler.sample(r);
      if (lower.add(tag.toLowerCase(Locale.ROOT))) tagSet.add(tag);
    }
    List<String> tags = new ArrayList<>(tagSet);

    // The source page's own related list: older articles of the archive (mostly sharing a tag)
    // and articles that are not in the archive.
    List<String[]> related = new ArrayList<>();
    int relatedCount = r.nextInt(100) < 25 ? 0 : 1 + r.nextInt(5);
    Set<String> relatedUrls = new HashSet<>();
    for (int k = 0; k < relatedCount * 2 && related.size() < relatedCount; k++) {
      Optional<Known> target = r.nextInt(100) < 65 ? pickOlder(r, tags) : Optional.empty();
      String[] link = target.map(t -> new String[] {t.title(), t.url()})
          .orElseGet(() -> new String[] {vocab.headline(r), outsideUrl(r)});
      if (link[1] != null && relatedUrls.add(link[1])) related.add(link);
    }

    // Body, with its images.
    List<String[]> images = new ArrayList<>(); // file or null, originalUrl, alt, caption
    String body = body(r, day, images);

    String raw = sha256Hex((seed + "/" + id).getBytes(StandardCharsets.UTF_8));
    String ingested = day.plusDays(1 + r.nextInt(3)) + "T"
        + String.format(Locale.ROOT, "%02d:%02d:%02dZ", r.nextInt(24), r.nextInt(60), r.nextInt(60));

    StringBuilder j = new StringBuilder(1024);
    j.append("{\n");
    field(j, "id", id).append(",\n");
    field(j, "title", title).append(",\n");
    field(j, "url", url).append(",\n");
    field(j, "site", "www.bannedbook.org").append(",\n");
    field(j, "language", language).append(",\n");
    field(j, "published", undated ? null : day.toString()).append(",\n");
    j.append("  \"authors\" : [ ],\n");
    field(j, "source", source).append(",\n");
    j.append("  \"tags\" : ");
    if (tags.isEmpty()) {
      j.append("[ ]");
    } else {
      j.append("[\n");
      for (int k = 0; k < tags.size(); k++) {
        j.append("    ");
        str(j, tags.get(k)).append(k + 1 < tags.size() ? ",\n" : "\n");
      }
      j.append("  ]");
    }
    j.append(",\n  \"image\" : null");
    j.append(",\n  \"related\" : ");
    objects(j, related, new String[] {"title", "url"});
    j.append(",\n  \"images\" : ");
    objects(j, images, new String[] {"file", "originalUrl", "alt", "caption"});
    j.append(",\n  \"translations\" : [ ],\n");
    field(j, "profile", "bannedbook").append(",\n");
    field(j, "rawSha256", raw).append(",\n");
    field(j, "firstIngested", ingested).append("\n}\n");

    Path dir = out.resolve("articles");
    writeFile(dir.resolve(id + ".md"), body.getBytes(StandardCharsets.UTF_8));
    writeFile(dir.resolve(id + ".json"), j.toString().getBytes(StandardCharsets.UTF_8));
    remember(new Known(index, id, title, url, day, tags));
  }

  Optional<Known> pickOlder(SplittableRandom r, List<String> tags) {
    if (known.isEmpty()) return Optional.empty();
    if (r.nextInt(100) < 70) {
      // A recent article sharing one of our tags.
      String tag = tags.get(r.nextInt(tags.size()));
      List<Integer> with = byTag.get(tag);
      if (with != null && !with.isEmpty()) {
        int from = Math.max(0, with.size() - 50);
        return Optional.of(known.get(with.get(from + r.nextInt(with.size() - from))));
      }
    }
    int from = Math.max(0, known.size() - 3000);
    return Optional.of(known.get(from + r.nextInt(known.size() - from)));
  }

  /** A bannedbook URL dated before the archive starts, so never one of ours. */
  static String outsideUrl(SplittableRandom r) {
    LocalDate d = ARCHIVE_START.minusDays(1 + r.nextInt(6 * 365));
    long n = 1_000_000 + r.nextInt(299_999);
    return "https://www.bannedbook.org/bnews/" + CATEGORIES[r.nextInt(CATEGORIES.length)] + "/"
        + d.format(BASIC) + "/" + n + ".html";
  }

  String body(SplittableRandom r, LocalDate day, List<String[]> images) throws IOException {
    // Sizes in UTF-8 bytes: log-normal around 2.8 KB, clipped to 1-8 KB.
    double g = r.nextDouble() + r.nextDouble() + r.nextDouble() - 1.5; // ~N(0, 0.5)
    int target = (int) Math.max(1200, Math.min(7600, Math.exp(Math.log(2800) + g * 1.1)));
    StringBuilder b = new StringBuilder(target);
    if (r.nextInt(100) < 30) {
      b.append("（").append(SOURCES[r.nextInt(SOURCES.length)]).append("记者")
          .append(vocab.person(r)).append(r.nextBoolean() ? "综合报道）" : "报道）");
    }
    int paragraph = 0;
    boolean listDone = r.nextInt(100) >= 25;
    boolean imagesDone = r.nextInt(100) >= 15;
    boolean quoteDone = r.nextInt(100) >= 10;
    int links = r.nextInt(100) < 30 ? 1 + r.nextInt(2) : 0;
    while (bytes(b) < target - 60) {
      if (paragraph > 0 || b.length() > 0) b.append("\n\n");
      paragraph++;
      if (paragraph > 2 && r.nextInt(100) < 12 && bytes(b) < target - 300) {
        b.append("## ").append(vocab.phrase(r, 2, 4)).append("\n\n");
      }
      if (!imagesDone && paragraph == 2) {
        imagesDone = true;
        int count = 1 + r.nextInt(2);
        for (int k = 0; k < count; k++) {
          String alt = r.nextInt(3) == 0 ? "" : vocab.phrase(r, 1, 3);
          String caption = r.nextBoolean() ? vocab.phrase(r, 3, 7) : "";
          String original = "https://img.bannedbook.org/uploads/" + day.getYear() + "/"
              + String.format(Locale.ROOT, "%02d", day.getMonthValue()) + "/"
              + Long.toHexString(r.nextLong() & 0xffffffffffL) + ".jpg";
          if (r.nextInt(100) < 5) {
            images.add(new String[] {null, original, alt, caption}); // could not be fetched
            continue;
          }
          String file = writeMedia(r);
          images.add(new String[] {file, original, alt, caption});
          b.append("![").append(alt).append("](../media/").append(file).append(")\n\n");
          if (!caption.isEmpty()) b.append(caption).append("\n\n");
        }
      }
      if (!listDone && paragraph >= 3) {
        listDone = true;
        boolean ordered = r.nextBoolean();
        int items = 3 + r.nextInt(3);
        for (int k = 0; k < items; k++) {
          b.append(ordered ? (k + 1) + ". " : "- ").append(vocab.sentence(r, 1, 3)).append('\n');
        }
        b.append('\n');
      }
      if (!quoteDone && paragraph >= 2) {
        quoteDone = true;
        b.append("> ").append(vocab.sentence(r, 2, 5)).append("\n\n");
      }
      int sentences = 2 + r.nextInt(5);
      for (int s = 0; s < sentences && bytes(b) < target; s++) {
        String sentence = vocab.sentence(r, 2, 7);
        if (r.nextInt(100) < 8) {
          b.append("**").append(sentence, 0, sentence.length() - 1).append("**")
              .append(sentence.charAt(sentence.length() - 1));
        } else if (links > 0 && r.nextInt(100) < 15) {
          links--;
          String site = LINK_SITES[r.nextInt(LINK_SITES.length)];
          b.append(sentence, 0, sentence.length() - 1).append("（[").append(vocab.phrase(r, 1, 3))
              .append("](").append(site).append(Long.toString(r.nextLong() & 0xfffffffffL, 36))
              .append(")）").append(sentence.charAt(sentence.length() - 1));
        } else {
          b.append(sentence);
        }
      }
    }
    if (r.nextInt(100) < 40) b.append("\n\n（责任编辑：").append(vocab.person(r)).append("）");
    b.append('\n');
    return b.toString();
  }

  static int bytes(StringBuilder b) {
    int n = 0;
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    return n;
  }

  /** A small real PNG (solid colour square), named by the SHA-256 of its bytes like ingest does. */
  String writeMedia(SplittableRandom r) throws IOException {
    int size = 8 + r.nextInt(25);
    byte[] png = Png.solid(size, size, r.nextInt(256), r.nextInt(256), r.nextInt(256));
    String name = sha256Hex(png) + ".png";
    if (mediaWritten.add(name)) {
      Path file = out.resolve("media").resolve(name);
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        writeFile(file, png);
      }
    }
    return name;
  }

  static void writeFile(Path file, byte[] bytes) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  // JSON in ContentJson's layout ---------------------------------------------------------------

  static StringBuilder field(StringBuilder j, String name, String value) {
    j.append("  \"").append(name).append("\" : ");
    return value == null ? j.append("null") : str(j, value);
  }

  static void objects(StringBuilder j, List<String[]> rows, String[] names) {
    if (rows.isEmpty()) {
      j.append("[ ]");
      return;
    }
    j.append("[\n");
    for (int k = 0; k < rows.size(); k++) {
      j.append("    {\n");
      String[] row = rows.get(k);
      for (int f = 0; f < names.length; f++) {
        j.append("      \"").append(names[f]).append("\" : ");
        if (row[f] == null) j.append("null"); else str(j, row[f]);
        j.append(f + 1 < names.length ? ",\n" : "\n");
      }
      j.append(k + 1 < rows.size() ? "    },\n" : "    }\n");
    }
    j.append("  ]");
  }

  static StringBuilder str(StringBuilder j, String s) {
    j.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> j.append("\\\"");
        case '\\' -> j.append("\\\\");
        case '\n' -> j.append("\\n");
        case '\t' -> j.append("\\t");
        case '\r' -> j.append("\\r");
        case '\b' -> j.append("\\b");
        case '\f' -> j.append("\\f");
        default -> {
          if (c < 0x20) j.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
          else j.append(c);
        }
      }
    }
    return j.append('"');
  }

  static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static String sha256Hex(byte[] bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
      StringBuilder s = new StringBuilder(64);
      for (byte x : d) s.append(String.format(Locale.ROOT, "%02x", x & 0xff));
      return s.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Words, names and the tag list, all derived from the seed. */
  static final class Vocabulary {
    // Real news words first (they are the most frequent), then words made of common characters.
    static final String NEWS_WORDS = "中国 政府 中共 当局 表示 报道 记者 美国 经济 官员 民众 社会 问题 "
        + "国际 政策 发展 人权 抗议 警方 香港 台湾 北京 上海 疫情 病毒 自由 媒体 网络 审查 公司 企业 市场 "
        + "投资 银行 房地产 失业 工人 学生 大学 教授 专家 分析 认为 指出 透露 消息 事件 调查 法院 律师 "
        + "判决 逮捕 拘留 维权 上访 村民 农民 土地 拆迁 环境 污染 安全 军队 解放军 导弹 战争 和平 外交 "
        + "制裁 贸易 关税 科技 芯片 人工智能 互联网 手机 平台 视频 微博 微信 网友 评论 批评 支持 反对 "
        + "宣传 官方 中央 地方 省委 书记 主席 总理 部长 会议 人大 政协 代表 选举 民主 宪法 法律 制度 改革 "
        + "开放 历史 文化 宗教 信仰 教会 法轮功 新疆 西藏 维吾尔 少数民族 边境 移民 难民 家属 儿童 医院 "
        + "医生 疫苗 封控 清零 核酸 隔离 死亡 失踪 释放 判刑 监狱 酷刑 腐败 贪官 落马 纪委 双规 股市 "
        + "人民币 美元 出口 进口 增长 下降 数据 统计 报告 显示 目前 今年 去年 近日 日前 周一 周二 周三 "
        + "周四 周五 周末 上午 下午 晚上 此前 随后 同时 但是 因为 所以 如果 已经 正在 可能 必须 继续 "
        + "开始 结束 发生 出现 进行 提出 要求 决定 宣布 发布 公布 声明 回应 否认 承认 强调 呼吁 警告 "
        + "威胁 压力 风险 危机 冲突 合作 关系 盟友 对手 领导人 团队 组织 机构 部门 系统 项目 计划 方案 "
        + "资金 成本 价格 收入 工资 债务 地方政府 基础设施 高铁 航空 能源 石油 天然气 电力 粮食 农业";
    static final String COMMON_CHARS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对"
        + "成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
        + "二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全"
        + "表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者"
        + "最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接"
        + "知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规"
        + "热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清美再采转更单风切打白教速花带安场"
        + "身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记"
        + "需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习"
        + "响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养"
        + "易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";
    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田"
        + "董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭廖范汪陆金石贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷"
        + "黎史龙陶贺顾毛郝龚邵万钱严覃武莫孔向汤";
    static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉建国志文斌宇浩"
        + "凯健俊帆帅旭宁龙林欣晨博睿晓东海波春燕雪梅兰云飞峰鸿祎子涵思琪梓轩雨泽嘉怡佳子墨若曦家豪";
    static final String PLACES = "北京 上海 广州 深圳 武汉 成都 重庆 香港 台湾 台北 新疆 西藏 内蒙古 "
        + "乌鲁木齐 拉萨 南京 杭州 天津 西安 郑州 长沙 沈阳 哈尔滨 昆明 贵阳 南宁 福州 厦门 济南 青岛 "
        + "石家庄 太原 合肥 南昌 兰州 西宁 银川 海口 澳门 华盛顿 纽约 伦敦 巴黎 柏林 东京 首尔 莫斯科 "
        + "乌克兰 以色列 加沙 伊朗 朝鲜 日本 韩国 越南 菲律宾 新加坡 印度 澳大利亚 加拿大 欧盟 联合国";
    static final String LATIN = "Sora ChatGPT OpenAI TikTok Apple Tesla Huawei iPhone NBA WHO G20 BBC "
        + "CNN Reuters Twitter Google Microsoft Nvidia Meta YouTube Telegram VPN GDP CPI WTO NATO "
        + "COVID-19 Biden Trump Musk Blinken Putin Zelensky Pelosi Xi Jinping Li Qiang AP AFP "
        + "Bloomberg Netflix Amazon Samsung TSMC Alibaba Tencent ByteDance Baidu Weibo WeChat";
    static final String[] HEAD_TAGS = ("中共 中国 美国 习近平 香港 台湾 新冠 人权 经济 中美关系 俄乌战争 "
        + "言论自由 疫情 新疆 网络审查 房地产 失业 维权 腐败 李强 民主 抗议 台海 军事 外交 法轮功 西藏 "
        + "拆迁 上访 股市 人民币 制裁 科技 芯片 人工智能 ChatGPT TikTok 拜登 特朗普 普京 泽连斯基 日本 "
        + "韩国 朝鲜 俄罗斯 乌克兰 以色列 欧盟 联合国 大外宣 清零 封控 疫苗 教育 宗教 环境 农民工 "
        + "中共病毒 禁闻 COVID-19 Sora").split(" ");

    final String[] words; // by frequency rank
    final double[] wordCdf;
    final String[] places = PLACES.split(" ");
    final String[] latin = LATIN.split(" ");
    final List<String> tags = new ArrayList<>();
    final Set<String> tagKeys = new HashSet<>();
    final SplittableRandom tagRandom;

    Vocabulary(long seed) {
      SplittableRandom r = new SplittableRandom(seed * 31 + 7);
      LinkedHashSet<String> w = new LinkedHashSet<>(Arrays.asList(NEWS_WORDS.split(" ")));
      while (w.size() < 4000) {
        int len = r.nextInt(10) < 7 ? 2 : r.nextInt(3) == 0 ? 4 : 3;
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < len; k++) {
          // Squared draw: low-index (frequent) characters are picked more often.
          double x = r.nextDouble();
          s.append(COMMON_CHARS.charAt((int) (x * x * COMMON_CHARS.length())));
        }
        w.add(s.toString());
      }
      words = w.toArray(String[]::new);
      wordCdf = zipfCdf(words.length, 0.85);
      tagRandom = new SplittableRandom(seed * 131 + 3);
      for (String t : HEAD_TAGS) addTag(t);
    }

    /** Extends the tag list (in rank order) to at least {@code n} tags; same seed, same list. */
    void ensureTags(int n) {
      SplittableRandom r = tagRandom;
      while (tags.size() < n) {
        int kind = r.nextInt(100);
        String tag;
        if (kind < 60) {
          tag = person(r);
        } else if (kind < 75) {
          tag = (r.nextBoolean() ? places[r.nextInt(places.length)] : word(r)) + word(r);
        } else if (kind < 85) {
          tag = word(r) + (r.nextBoolean() ? "事件" : r.nextBoolean() ? "案" : "问题");
        } else if (kind < 88 && tags.size() < 400) {
          tag = latin[r.nextInt(latin.length)];
        } else {
          tag = latinWord(r) + (r.nextInt(4) == 0 ? " " + latinWord(r) : "");
        }
        addTag(tag);
      }
    }

    void addTag(String t) {
      if (tagKeys.add(t.toLowerCase(Locale.ROOT))) tags.add(t);
    }

    String word(SplittableRandom r) {
      return words[draw(wordCdf, r)];
    }

    String person(SplittableRandom r) {
      StringBuilder s = new StringBuilder();
      s.append(SURNAMES.charAt(r.nextInt(SURNAMES.length())));
      int given = r.nextInt(10) < 7 ? 2 : 1;
      for (int k = 0; k < given; k++) s.append(GIVEN.charAt(r.nextInt(GIVEN.length())));
      return s.toString();
    }

    static String latinWord(SplittableRandom r) {
      String[] syl = {"ka", "lo", "mi", "ran", "te", "vo", "su", "ne", "dar", "bel", "xi", "zhou",
          "an", "li", "to", "gra", "pe", "win", "son", "mar", "ley", "chen"};
      StringBuilder s = new StringBuilder();
      int n = 2 + r.nextInt(2);
      for (int k = 0; k < n; k++) s.append(syl[r.nextInt(syl.length)]);
      s.setCharAt(0, Character.toUpperCase(s.charAt(0)));
      return s.toString();
    }

    /** 1-4 words glued together, as in a heading or a link text. */
    String phrase(SplittableRandom r, int min, int max) {
      StringBuilder s = new StringBuilder();
      int n = min + r.nextInt(max - min + 1);
      for (int k = 0; k < n; k++) s.append(token(r));
      return s.toString().replace("  ", " ");
    }

    String token(SplittableRandom r) {
      int x = r.nextInt(100);
      if (x < 4) return person(r);
      if (x < 7) return places[r.nextInt(places.length)];
      if (x < 9) return " " + latin[r.nextInt(latin.length)] + " ";
      if (x < 11) return number(r);
      return word(r);
    }

    static String number(SplittableRandom r) {
      return switch (r.nextInt(6)) {
        case 0 -> (2015 + r.nextInt(10)) + "年";
        case 1 -> (1 + r.nextInt(12)) + "月" + (1 + r.nextInt(28)) + "日";
        case 2 -> r.nextInt(100) + "." + r.nextInt(10) + "%";
        case 3 -> (1 + r.nextInt(999)) + "亿元";
        case 4 -> (2 + r.nextInt(5000)) + "人";
        default -> String.valueOf(1 + r.nextInt(100));
      };
    }

    /** Clauses of words separated by full-width commas, ending in a full stop. */
    String sentence(SplittableRandom r, int minClauses, int maxClauses) {
      StringBuilder s = new StringBuilder();
      int clauses = minClauses + r.nextInt(maxClauses - minClauses + 1);
      for (int c = 0; c < clauses; c++) {
        if (c > 0) s.append('，');
        boolean quote = r.nextInt(100) < 5;
        if (quote) s.append('“');
        s.append(phrase(r, 2, 5).strip());
        if (quote) s.append('”');
      }
      int end = r.nextInt(100);
      s.append(end < 90 ? '。' : end < 95 ? '！' : '？');
      return s.toString();
    }

    String headline(SplittableRandom r) {
      StringBuilder s = new StringBuilder();
      int kind = r.nextInt(10);
      if (kind < 3) s.append(person(r));
      else if (kind < 5) s.append(places[r.nextInt(places.length)]);
      else if (kind < 6) s.append(latin[r.nextInt(latin.length)]);
      s.append(phrase(r, 2, 4).strip());
      if (r.nextInt(10) < 3) s.append('：').append(phrase(r, 2, 3).strip());
      if (r.nextInt(10) < 2) s.append("“").append(word(r)).append(word(r)).append("”");
      if (r.nextInt(20) == 0) s.append("（视频）");
      return s.toString();
    }
  }

  /** Zipf-distributed draws over the first n tags of the vocabulary (s = 1). */
  static final class TagSampler {
    final List<String> tags;
    final double[] cdf;

    TagSampler(Vocabulary v, int articles) {
      int n = Math.max(200, articles / 2 + 500);
      v.ensureTags(n);
      tags = v.tags.subList(0, n);
      cdf = zipfCdf(n, 1.0);
    }

    String sample(SplittableRandom r) {
      return tags.get(draw(cdf, r));
    }
  }

  static double[] zipfCdf(int n, double s) {
    double[] c = new double[n];
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += 1 / Math.pow(k + 1, s);
      c[k] = sum;
    }
    for (int k = 0; k < n; k++) c[k] /= sum;
    return c;
  }

  static int draw(double[] cdf, SplittableRandom r) {
    int i = Arrays.binarySearch(cdf, r.nextDouble());
    return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
  }

  // ---------------------------------------------------------------------------------------------

  static final class Png {
    static byte[] solid(int w, int h, int red, int green, int blue) {
      byte[] raw = new byte[h * (1 + 3 * w)];
      for (int y = 0; y < h; y++) {
        int o = y * (1 + 3 * w);
        raw[o] = 0; // filter: none
        for (int x = 0; x < w; x++) {
          raw[o + 1 + 3 * x] = (byte) red;
          raw[o + 2 + 3 * x] = (byte) green;
          raw[o + 3 + 3 * x] = (byte) blue;
        }
      }
      Deflater d = new Deflater(9);
      d.setInput(raw);
      d.finish();
      byte[] buf = new byte[raw.length + 64];
      int len = d.deflate(buf);
      d.end();
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      byte[] ihdr = new byte[13];
      putInt(ihdr, 0, w);
      putInt(ihdr, 4, h);
      ihdr[8] = 8; // bit depth
      ihdr[9] = 2; // truecolour
      chunk(out, "IHDR", ihdr);
      chunk(out, "IDAT", Arrays.copyOf(buf, len));
      chunk(out, "IEND", new byte[0]);
      return out.toByteArray();
    }

    static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) {
      byte[] len = new byte[4];
      putInt(len, 0, data.length);
      out.writeBytes(len);
      byte[] t = type.getBytes(StandardCharsets.US_ASCII);
      out.writeBytes(t);
      out.writeBytes(data);
      CRC32 crc = new CRC32();
      crc.update(t);
      crc.update(data);
      byte[] c = new byte[4];
      putInt(c, 0, (int) crc.getValue());
      out.writeBytes(c);
    }

    static void putInt(byte[] b, int o, int v) {
      b[o] = (byte) (v >>> 24);
      b[o + 1] = (byte) (v >>> 16);
      b[o + 2] = (byte) (v >>> 8);
      b[o + 3] = (byte) v;
    }
  }

  /** Just enough JSON reading for content metadata (objects, arrays, strings, null, numbers). */
  static final class MiniJson {
    final String s;
    final Path file;
    int i;

    MiniJson(String s, Path file) {
      this.s = s;
      this.file = file;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String text, Path file) {
      MiniJson p = new MiniJson(text, file);
      Object v = p.value();
      p.ws();
      if (!(v instanceof Map) || p.i != text.length()) throw p.fail("not one JSON object");
      return (Map<String, Object>) v;
    }

    Object value() {
      ws();
      if (i >= s.length()) throw fail("unexpected end");
      char c = s.charAt(i);
      if (c == '{') {
        i++;
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        ws();
        if (peek('}')) return m;
        do {
          ws();
          String k = string();
          ws();
          expect(':');
          m.put(k, value());
          ws();
        } while (take(','));
        expect('}');
        return m;
      }
      if (c == '[') {
        i++;
        List<Object> l = new ArrayList<>();
        ws();
        if (peek(']')) return l;
        do {
          l.add(value());
          ws();
        } while (take(','));
        expect(']');
        return l;
      }
      if (c == '"') return string();
      if (s.startsWith("null", i)) {
        i += 4;
        return null;
      }
      if (s.startsWith("true", i)) {
        i += 4;
        return Boolean.TRUE;
      }
      if (s.startsWith("false", i)) {
        i += 5;
        return Boolean.FALSE;
      }
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
      if (start == i) throw fail("unexpected '" + c + "'");
      return Double.parseDouble(s.substring(start, i));
    }

    String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (true) {
        if (i >= s.length()) throw fail("unterminated string");
        char c = s.charAt(i++);
        if (c == '"') return b.toString();
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> b.append(e);
        }
      }
    }

    void ws() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    boolean peek(char c) {
      if (i < s.length() && s.charAt(i) == c) {
        i++;
        return true;
      }
      return false;
    }

    boolean take(char c) {
      return peek(c);
    }

    void expect(char c) {
      if (!peek(c)) throw fail("expected '" + c + "'");
    }

    IllegalArgumentException fail(String problem) {
      return new IllegalArgumentException(file + ": invalid JSON at offset " + i + ": " + problem);
    }
  }
}
