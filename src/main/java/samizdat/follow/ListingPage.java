package samizdat.follow;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import samizdat.ingest.SiteProfile;

/**
 * The article links and the next-page link of an HTML listing page (a section front, an archive
 * page). The profile's {@code listing} rules win where it has them; otherwise links are found
 * generically: links to the same site whose path looks like an article's (a date, an id, a page
 * file, a long slug), outside the page's navigation, header, footer and side bars. Stateless.
 */
final class ListingPage {
  private static final Set<String> CHROME_TAGS = Set.of("nav", "aside");
  private static final Set<String> OUTER_CHROME_TAGS = Set.of("header", "footer");
  private static final Set<String> CHROME_ROLES =
      Set.of("navigation", "complementary", "search", "menu", "menubar");
  private static final Pattern CHROME_CLASS = Pattern.compile(
      "(?i)(^|[-_\\s])(nav|navbar|navigation|menu|sidebar|breadcrumbs?|pagination|pager|widget|"
          + "share|social|related|popular|trending|ad|ads|advert)([-_\\s]|$)");
  private static final Pattern NOT_ARTICLE_PATH = Pattern.compile(
      "(?i)/(tags?|category|categories|author|authors|topics?|page|search|login|register|signup|"
          + "feed|rss|atom|comments?|wp-login\\.php|wp-admin|cdn-cgi|about|contact|privacy|terms)"
          + "(/|$)");
  private static final Pattern MEDIA = Pattern.compile(
      "(?i)\\.(jpe?g|png|gif|webp|svg|ico|pdf|mp3|mp4|m4a|webm|zip|rar|7z|gz|xml|json|css|js|txt)$");
  private static final Pattern DATE = Pattern.compile(
      "(^|[/_-])(19|20)\\d{2}([/_-]?)(0[1-9]|1[0-2])(\\3(0[1-9]|[12]\\d|3[01]))?([/_.-]|$)");
  private static final Pattern ID = Pattern.compile("(^|[^0-9])\\d{4,}([^0-9]|$)");
  private static final Pattern PAGE_FILE = Pattern.compile("(?i)\\.(s?html?|php|aspx?|jsp)$");
  private static final Pattern QUERY_ID = Pattern.compile("(?i)(^|&)(p|id|aid|article|story|"
      + "newsid|articleid|docid)=\\w*\\d{3,}");
  private static final Pattern NEXT_TEXT = Pattern.compile(
      "(?i)^(下一页|下一頁|下页|下頁|后一页|後一頁|next|next page|next ?»|older|older posts|older "
          + "entries|older articles|older stories|more stories|次へ|次のページ|다음)$");
  private static final Pattern ARROWS = Pattern.compile("[\\s»›>→«‹<←]+");

  private ListingPage() {}

  /** The links of {@code page} (parsed with its URL as base) as {@code profile} says to read them. */
  static Found read(Document page, String url, SiteProfile profile) {
    Found found = new Found(Found.Kind.LISTING);
    Optional<SiteProfile.Listing> rules = profile.listing();
    String host = Urls.host(url).orElse("");
    if (rules.flatMap(SiteProfile.Listing::links).isPresent()) {
      for (Element e : page.select(rules.get().links().get().evaluator())) {
        Elements anchors = e.is("a[href]") ? new Elements(e) : e.select("a[href]");
        for (Element a : anchors) {
          found.resolveInto(url, a.attr("href")).filter(u -> !u.equals(url))
              .ifPresent(found::articleResolved);
        }
      }
    } else {
      for (Element a : page.select("a[href]")) {
        Optional<String> u = found.resolveInto(url, a.attr("href"));
        if (u.isPresent() && !u.get().equals(url) && !inChrome(a)
            && Urls.sameSite(host, Urls.host(u.get()).orElse("")) && looksLikeArticle(u.get())) {
          found.articleResolved(u.get());
        }
      }
    }
    nextPage(page, url, rules.flatMap(SiteProfile.Listing::next)).ifPresent(n -> found.next(url, n));
    found.summarizeRefused();
    return found;
  }

  /** The href of the next (older) page's link. */
  private static Optional<String> nextPage(Document page, String url, Optional<SiteProfile.Rule> rule) {
    if (rule.isPresent()) {
      for (Element e : page.select(rule.get().evaluator())) {
        Element a = e.is("a[href]") ? e : e.selectFirst("a[href]");
        if (a != null && !a.attr("href").isBlank()) {
          return Optional.of(a.attr("href"));
        }
      }
      return Optional.empty();
    }
    Element rel = page.selectFirst("link[rel~=(?i)^next$][href], a[rel~=(?i)^next$][href]");
    if (rel != null) {
      return Optional.of(rel.attr("href"));
    }
    for (Element a : page.select("a[href]")) {
      String text = ARROWS.matcher(a.text()).replaceAll(" ").strip();
      if (text.isEmpty()) {
        text = a.attr("title").strip();
      }
      if (NEXT_TEXT.matcher(text).matches() && !a.attr("href").startsWith("#")) {
        return Optional.of(a.attr("href"));
      }
    }
    return Optional.empty();
  }

  /**
   * True for a link in the page's chrome: inside {@code nav}, {@code aside}, an element whose
   * role or class says navigation, menu, side bar, pagination, sharing or ads; or inside the
   * page's own {@code header} or {@code footer} (not an article's, inside {@code article} or
   * {@code main}).
   */
  static boolean inChrome(Element a) {
    boolean inContent = a.closest("article, main, [role=main]") != null;
    for (Element e = a.parent(); e != null; e = e.parent()) {
      String tag = e.normalName();
      if (CHROME_TAGS.contains(tag)
          || CHROME_ROLES.contains(e.attr("role").toLowerCase(Locale.ROOT))
          || CHROME_CLASS.matcher(e.className()).find()
          || CHROME_CLASS.matcher(e.id()).find()) {
        return true;
      }
      if (!inContent && (OUTER_CHROME_TAGS.contains(tag)
          || e.attr("role").equalsIgnoreCase("banner")
          || e.attr("role").equalsIgnoreCase("contentinfo"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True for a URL whose path looks like one article's: a date, a number of four digits or more,
   * a page file below the top folder, or a slug of three words or more; never a tag, category,
   * author, search or media URL.
   */
  static boolean looksLikeArticle(String url) {
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      return false;
    }
    String path = u.getPath() == null ? "" : u.getPath();
    String query = u.getRawQuery() == null ? "" : u.getRawQuery();
    if (NOT_ARTICLE_PATH.matcher(path).find() || MEDIA.matcher(path).find()
        || query.contains("replytocom")) {
      return false;
    }
    if (QUERY_ID.matcher(query).find()) {
      return true;
    }
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (trimmed.isEmpty()) {
      return false;
    }
    String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    int depth = (int) trimmed.chars().filter(c -> c == '/').count();
    if (DATE.matcher(path).find() || ID.matcher(last).find()) {
      return true;
    }
    if (PAGE_FILE.matcher(last).find() && depth >= 2 && !last.startsWith("index.")) {
      return true;
    }
    String slug = PAGE_FILE.matcher(last).replaceAll("");
    return slug.length() >= 16 && slug.split("[-_]+").length >= 3;
  }
}
