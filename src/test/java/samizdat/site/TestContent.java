package samizdat.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import samizdat.content.Article;
import samizdat.content.ArticleMeta;
import samizdat.content.ContentStore;
import samizdat.content.ImageRef;
import samizdat.content.RelatedLink;

/**
 * Writes realistic-shaped content folders for tests (and, through {@link #main}, for timing runs):
 * Chinese and some English articles with Zipf-distributed tags, dates over a few years, the source
 * page's related lists (some pointing into the archive, some not), and images in content/media.
 * Deterministic for a seed.
 */
public final class TestContent {
  private static final String[] TAGS = {
    "中国", "美国", "香港", "台湾", "人权", "新冠", "经济", "习近平", "言论自由", "军事", "科技",
    "Sora", "OpenAI", "AI", "新疆", "西藏", "教育", "房地产", "外交", "俄罗斯", "乌克兰", "选举",
    "网络审查", "翻墙", "周鸿祎", "疫情", "股市", "能源", "环境", "法律", "宗教", "移民", "媒体",
    "C++", "c#", "Hong Kong", "六四", "維吾爾", "臺灣", "民主",
  };
  private static final String CHARS =
      "政府官员表示经济增长放缓市场投资者担心房地产危机蔓延地方债务问题严重人民生活压力加大"
      + "科技公司发布新模型人工智能视频生成引发关注安全专家警告审查制度限制言论自由记者被捕"
      + "美国总统会见盟友讨论贸易关税军事演习台湾海峡局势紧张香港法院判决民主派人士入狱"
      + "疫情期间封城措施导致工厂停工供应链中断学生毕业就业困难年轻人躺平网络流行语";

  private TestContent() {}

  /** Writes {@code n} articles (ids {@code a00000}...) into {@code content}. */
  public static void generate(Path content, int n, long seed) throws IOException {
    generate(content, 0, n, seed);
  }

  /** Writes articles {@code from} (inclusive) to {@code to} (exclusive). */
  public static void generate(Path content, int from, int to, long seed) throws IOException {
    ContentStore store = new ContentStore(content);
    Files.createDirectories(store.mediaDir());
    for (int i = from; i < to; i++) {
      store.write(article(store, i, seed));
    }
  }

  public static String id(int i) {
    return String.format("a%05d", i);
  }

  static Article article(ContentStore store, int i, long seed) throws IOException {
    Random r = new Random(seed * 1_000_003L + i);
    LocalDate date = LocalDate.of(2021, 1, 1).plusDays(i / 7);
    boolean english = i % 10 == 9;
    String title = english ? "Report " + i + ": " + words(r, 6) : sentence(r, 10 + r.nextInt(12));
    LinkedHashSet<String> tags = new LinkedHashSet<>();
    int tagCount = 1 + r.nextInt(4);
    for (int t = 0; t < tagCount; t++) {
      tags.add(TAGS[zipf(r, TAGS.length)]);
    }
    if (r.nextInt(5) == 0) {
      tags.add("专题" + r.nextInt(200)); // a long tail of rare tags
    }
    StringBuilder body = new StringBuilder();
    int paragraphs = 4 + r.nextInt(8);
    for (int p = 0; p < paragraphs; p++) {
      body.append(english ? words(r, 40 + r.nextInt(60)) + "." : sentence(r, 60 + r.nextInt(120)))
          .append("\n\n");
    }
    List<ImageRef> images = new ArrayList<>();
    if (i % 3 == 0) {
      String file = String.format("%064x.png", (long) i * 7919 + seed).substring(0, 40) + ".png";
      Path media = store.mediaDir().resolve(file);
      if (!Files.exists(media)) {
        Files.write(media, png());
      }
      body.insert(0, "![图片 " + i + "](" + Article.MEDIA_PREFIX + file + ")\n\n");
      images.add(new ImageRef(Optional.of(file), "https://img.example.org/" + file, "图片 " + i, ""));
    }
    List<RelatedLink> related = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      int target = r.nextInt(Math.max(1, i + 20));
      related.add(new RelatedLink("相关报道 " + target, "https://www.example.org/news/" + id(target) + ".html"));
    }
    ArticleMeta meta = new ArticleMeta(id(i), title,
        Optional.of("https://www.example.org/news/" + id(i) + ".html"), Optional.of("www.example.org"),
        english ? "en" : "zh-CN", i % 50 == 49 ? Optional.empty() : Optional.of(date),
        Optional.of(english ? "Example News" : "大纪元"), List.copyOf(tags), related, images,
        "test", "0".repeat(64), Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i));
    return new Article(meta, body.toString());
  }

  private static int zipf(Random r, int n) {
    double x = r.nextDouble();
    // inverse CDF of a rough Zipf(1) over n items
    double h = Math.log(n) + 0.5772;
    double target = x * h;
    double sum = 0;
    for (int k = 1; k <= n; k++) {
      sum += 1.0 / k;
      if (sum >= target) {
        return k - 1;
      }
    }
    return n - 1;
  }

  private static String sentence(Random r, int len) {
    StringBuilder sb = new StringBuilder(len + len / 15);
    for (int c = 0; c < len; c++) {
      sb.append(CHARS.charAt(r.nextInt(CHARS.length())));
      if (c % 17 == 16) {
        sb.append('，');
      }
    }
    return sb.append('。').toString();
  }

  private static String words(Random r, int count) {
    String[] w = {"government", "market", "model", "video", "censorship", "freedom", "court",
        "election", "trade", "military", "technology", "students", "protest", "reporters", "economy"};
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < count; k++) {
      if (k > 0) {
        sb.append(' ');
      }
      sb.append(w[r.nextInt(w.length)]);
    }
    return sb.toString();
  }

  /** A valid 1×1 PNG. */
  static byte[] png() {
    return java.util.Base64.getDecoder().decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
  }

  /** {@code java ... samizdat.site.TestContent DIR N}: writes N articles into DIR. */
  public static void main(String[] args) throws IOException {
    generate(Path.of(args[0]), Integer.parseInt(args[1]), 1);
    System.out.println("wrote " + args[1] + " articles to " + args[0]);
  }
}
