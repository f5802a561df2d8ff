package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class PageMetadataTest {
  private static final LocalDate TODAY = LocalDate.of(2024, 3, 8);
  private static final String BASE = "https://www.example.com/news/world/story.html";

  private static PageMetadata read(String html) {
    return PageMetadata.read(Jsoup.parse(html, BASE), TODAY);
  }

  private static Document real(String name) {
    // gmw is shared with GenericBodyTest and lives beside its other pages.
    String dir = name.equals("readability-gmw.html") ? "ingest/generic/" : "ingest/meta/";
    return Jsoup.parse(new String(Fixtures.bytes(dir + name), StandardCharsets.UTF_8),
        "http://fakehost/test/page.html");
  }

  @Test
  void nytimesLikeHeadWithAuthorArrayAndTags() {
    PageMetadata m = read("""
        <html lang="en"><head>
        <title>Sudan Sanctions Lifted by U.S. - The New York Times</title>
        <meta property="og:site_name" content="The New York Times">
        <meta property="og:title" content="U.S. Lifts Sudan Sanctions (og)">
        <meta property="og:type" content="article">
        <meta property="og:image" content="https://static01.nyt.com/images/2017/01/14/sudan.jpg">
        <meta property="og:description" content="For the first time since the 1990s…">
        <meta name="description" content="Plain meta description">
        <meta name="byl" content="By Jeffrey Gettleman">
        <meta property="article:published_time" content="2017-01-13T18:23:09.000Z">
        <meta property="article:tag" content="Sudan">
        <meta property="article:tag" content="Embargoes and Sanctions">
        <meta name="news_keywords" content="sudan, Embargoes and Sanctions, Obama">
        <script type="application/ld+json">{"@context":"http://schema.org",
          "@type":"NewsArticle","headline":"United States to Lift Sudan Sanctions",
          "datePublished":"2017-01-13T23:30:00+08:00","inLanguage":"en",
          "author":[{"@type":"Person","name":"Jeffrey Gettleman","url":"https://www.nytimes.com/by/jeffrey-gettleman"},
                    {"@type":"Person","name":"Somini Sengupta"}],
          "publisher":{"@type":"Organization","name":"The New York Times"}}</script>
        </head><body><h1>United States to Lift Sudan Sanctions</h1></body></html>""");
    assertEquals(Optional.of("United States to Lift Sudan Sanctions"), m.headline());
    assertEquals(Optional.of("Sudan Sanctions Lifted by U.S. - The New York Times"), m.documentTitle());
    assertEquals(Optional.of("The New York Times"), m.siteName());
    // The date as written in the page's zone, not converted to UTC or the reader's zone.
    assertEquals(Optional.of(LocalDate.of(2017, 1, 13)), m.published());
    assertEquals(List.of("Jeffrey Gettleman", "Somini Sengupta"), m.authors());
    assertEquals(List.of("en"), m.declaredLanguages());
    assertEquals(List.of("Sudan", "Embargoes and Sanctions", "Obama"), m.tags());
    assertEquals(Optional.of("https://static01.nyt.com/images/2017/01/14/sudan.jpg"), m.image());
    assertEquals(Optional.of("newsarticle"), m.type());
    assertEquals(Optional.of("For the first time since the 1990s…"), m.description());
    assertEquals(Optional.empty(), m.structuredBody());
  }

  @Test
  void bbcLikeReportageWithImageObjectAndOrganisationAuthor() {
    PageMetadata m = read("""
        <!DOCTYPE html><html lang="en-GB"><head><title>Storm Ciarán: Thousands without power - BBC News</title>
        <meta property="og:site_name" content="BBC News">
        <meta property="og:type" content="article">
        <script type="application/ld+json">{"@context":"http://schema.org","@type":"ReportageNewsArticle",
          "url":"https://www.bbc.co.uk/news/uk-67284001",
          "publisher":{"@type":"NewsMediaOrganization","name":"BBC News","logo":{"@type":"ImageObject","url":"https://www.bbc.co.uk/news/special/logo.png"}},
          "datePublished":"2023-11-02T10:12:45.000Z","dateModified":"2023-11-02T18:00:00.000Z",
          "headline":"Storm Ciarán: Thousands without power",
          "image":{"@type":"ImageObject","width":1024,"height":576,"url":"/news/images/storm.jpg"},
          "thumbnailUrl":"https://ichef.bbci.co.uk/news/thumb.jpg",
          "author":{"@type":"NewsMediaOrganization","name":"BBC News"},
          "mainEntityOfPage":{"@type":"WebPage","@id":"https://www.bbc.co.uk/news/uk-67284001","name":"Storm Ciarán: Thousands without power"}}
        </script></head><body></body></html>""");
    assertEquals(Optional.of("Storm Ciarán: Thousands without power"), m.headline());
    assertEquals(Optional.of(LocalDate.of(2023, 11, 2)), m.published());
    assertEquals(List.of("BBC News"), m.authors());
    assertEquals(Optional.of("reportagenewsarticle"), m.type());
    // ImageObject.url, relative, resolved against the page.
    assertEquals(Optional.of("https://www.example.com/news/images/storm.jpg"), m.image());
    assertEquals(List.of("en-GB"), m.declaredLanguages());
  }

  @Test
  void guardianLikeArrayOfObjectsProfileUrlAuthorAndOneTagList() {
    PageMetadata m = read("""
        <html><head><title>Heatwave breaks records | Environment | The Guardian</title>
        <meta property="og:title" content="Heatwave breaks records across Europe">
        <meta property="article:author" content="https://www.theguardian.com/profile/damiancarrington">
        <meta name="author" content="Damian Carrington">
        <meta property="article:tag" content="Climate crisis,Environment,Heatwaves">
        <meta property="article:published_time" content="2023-07-18T14:00:02.000Z">
        <script type="application/ld+json">[
          {"@type":"Organization","@context":"https://schema.org","name":"The Guardian","url":"https://www.theguardian.com/"},
          {"@type":"WebPage","@context":"https://schema.org","name":"Heatwave | Environment | The Guardian","potentialAction":{"@type":"ViewAction"}}
        ]</script></head><body></body></html>""");
    // No article object: the WebPage's name is not a headline, the Organization no author.
    assertEquals(Optional.of("Heatwave breaks records across Europe"), m.headline());
    assertEquals(List.of("Damian Carrington"), m.authors());
    assertEquals(List.of("Climate crisis", "Environment", "Heatwaves"), m.tags());
    assertEquals(Optional.of("webpage"), m.type());
    assertEquals(Optional.of(LocalDate.of(2023, 7, 18)), m.published());
    assertEquals(Optional.empty(), m.siteName());
  }

  @Test
  void profileUrlIsNotAnAuthorNameAndByIsDropped() {
    PageMetadata m = read("""
        <head><meta property="article:author" content="https://www.facebook.com/someone">
        <meta property="article:author" content="By  Jane   Roe"></head>""");
    assertEquals(List.of("Jane Roe"), m.authors());
    PageMetadata micro = read("""
        <article><div itemprop="author" itemscope itemtype="https://schema.org/Person">
          <img src=a.jpg alt=""><span itemprop="name">Kim Lee</span><p>Kim writes about trade.</p></div>
        <p>by <a rel="author" href="/kim">Kim Lee</a>, <a rel="author" href="/other">Other Writer</a></p>
        </article>""");
    // itemprop=author is trusted before rel=author (which also marks other stories' authors).
    assertEquals(List.of("Kim Lee"), micro.authors());
    PageMetadata rel = read("<p><a rel=author href=/a>By Ann Bee</a> and <a rel='nofollow author'>ann bee</a>"
        + "<a rel=author href=/c>Cy Dee</a></p>");
    assertEquals(List.of("Ann Bee", "Cy Dee"), rel.authors());
  }

  /** guancha.cn's template leaves "name, email@gmail.com" in its author meta. */
  @Test
  void anEmailAddressIsNoNameAndAPlaceholderNoAuthor() {
    assertEquals(List.of(), read("<head><meta name=author content='name, email@gmail.com'></head>").authors());
    assertEquals(List.of("Jane Roe"),
        read("<head><meta name=author content='Jane Roe (jane.roe@paper.example)'></head>").authors());
    // The template's author does not hide the next source's real one.
    assertEquals(List.of("Kim Lee"), read("<head><meta name=author content='Admin'>"
        + "<meta property=article:author content='Kim Lee'></head>").authors());
  }

  /** A CMS's default author is the site or its owner; the article's is in article:author. */
  @Test
  void aPublisherInAnAuthorFieldIsNoAuthorWhileAPersonIsNamed() {
    assertEquals(List.of("Emma Grey Ellis"), read("<head><meta name=author content='Cond&eacute; Nast'>"
        + "<meta property=og:site_name content=WIRED><meta property=article:author content='Emma Grey Ellis'>"
        + "</head>").authors());
    assertEquals(List.of("小暮ひさのり"), read("<head><meta name=author content='mediagene Inc.'>"
        + "<meta name=author content='小暮ひさのり'></head>").authors());
    assertEquals(List.of("Jane Roe"), read("<head><meta property=og:site_name content='ABC News'>"
        + "<meta name=author content='ABC News'></head><body><a rel=author href=/jr>Jane Roe</a></body>").authors());
    // Two people in one field are two authors; a body with an "and" in its name is one.
    assertEquals(List.of("Felix Schröder", "Jörg Soldwisch, dpa"),
        read("<head><meta name=author content='Felix Schröder und Jörg Soldwisch, dpa'></head>").authors());
    assertEquals(List.of("Trine Juncher Jørgensen", "Tôrtia Reimer-Johansen"),
        read("<head><meta name=author content='Trine Juncher Jørgensen og Tôrtia Reimer-Johansen'></head>").authors());
    assertEquals(List.of("Bundesministerium für Wirtschaft und Klimaschutz"),
        read("<head><meta name=author content='Bundesministerium für Wirtschaft und Klimaschutz'></head>").authors());
    assertEquals(List.of("Martin Untersinger (avec Damien Leloup et Morgane Tual)"),
        read("<head><meta name=author content='Martin Untersinger (avec Damien Leloup et Morgane Tual)'></head>").authors());
    // One word with a dot is a login or a domain, no person: a person named elsewhere wins, and
    // with none the domain stays, as a publisher's name does.
    assertEquals(List.of("Denise Everheart"), read("<head><meta name=author content='andrew.keaveney'></head>"
        + "<body><a rel=author href=/de>Denise Everheart</a></body>").authors());
    assertEquals(List.of("STERN.de"), read("<head><meta name=author content='STERN.de'></head>").authors());
    // A labelled author link (PCWorld's author box): the label is no part of the name.
    assertEquals(List.of("Ashley Biancuzzo"), read("<head></head><body><div class=article-author-box><h3>"
        + "<a href=/author/abiancuzzo rel=author>Author: Ashley Biancuzzo</a>, Associate Editor</h3></div>"
        + "</body>").authors());
    // A template that did not fill the name in "{name}, USA TODAY" leaves the paper's name.
    assertEquals(List.of("Brian Truitt"), read("<head><meta property=og:site_name content='USA TODAY'>"
        + "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\","
        + "\"name\":\", USA TODAY\"}}</script><meta name=author content='Brian Truitt'></head>").authors());
    // No one else named: the publisher it is.
    assertEquals(List.of("ABC News"), read("<head><meta property=og:site_name content='ABC News'>"
        + "<meta name=author content='ABC News'></head>").authors());
    assertEquals(List.of(), read("<head><meta property=article:author content='/@timoreilly'></head>").authors());
    // The New York Times names its authors in a byline of its own.
    assertEquals(List.of("Marc Santora", "William K. Rashbaum", "Al Baker", "Adam Goldman"),
        read("<head><meta property=article:author content='https://www.nytimes.com/by/marc-santora'>"
            + "<meta name=byl content='By Marc Santora, William K. Rashbaum, Al Baker and Adam Goldman'></head>").authors());
  }

  /** Author links of the byline, not of the teasers and comments around the article. */
  @Test
  void itemAndLinkAuthorsOfTheBylineOnly() {
    String teasers = "<ul class=related><li><a href=/a>Another story</a> by <a rel=author href=/p/1>Sam Lo</a></li>"
        + "<li><a href=/b>A third story</a> by <a rel=author href=/p/2>Ann Bo</a></li></ul>";
    assertEquals(List.of("Marc Santora", "Al Baker"), read("<body><article><p class=byline>By <a rel=author href=/p/3>"
        + "Marc Santora</a> and <a rel=author href=/p/4>Al Baker</a> | Sept. 19, 2016</p><p>" + "Text. ".repeat(60)
        + "</p></article>" + teasers + "</body>").authors());
    assertEquals(List.of("Heiko Sauer"), read("<body><article><div class=meta><span itemprop=author>Heiko Sauer</span>"
        + "</div><p>Text.</p><div class=comment-list><div class=comment-author itemprop=author itemscope>"
        + "<span itemprop=name>link78</span></div></div></article></body>").authors());
    assertEquals(List.of(), read("<body><div id=comments><span itemprop=author>link78</span></div></body>").authors());
  }

  @Test
  void aljazeeraLikeTypeArrayAuthorStringsAndKeywordString() {
    PageMetadata m = read("""
        <html lang="en"><head><title>Gaza ceasefire talks resume | Israel-Palestine conflict News | Al Jazeera</title>
        <meta property="og:locale" content="en_US">
        <script type="application/ld+json">{"@context":"https://schema.org",
          "@type":["WebPage","NewsArticle","Article"],"headline":"Gaza ceasefire talks resume in Cairo",
          "keywords":"Israel-Palestine conflict, Gaza, Middle East, gaza",
          "author":["Al Jazeera Staff", "  Al Jazeera Staff "],"datePublished":"Thu, 07 Mar 2024 10:00:00 GMT",
          "inLanguage":"en-US","image":["https://www.aljazeera.com/wp-content/a.jpg","https://www.aljazeera.com/wp-content/b.jpg"]}
        </script></head></html>""");
    assertEquals(Optional.of("newsarticle"), m.type());
    assertEquals(List.of("Al Jazeera Staff"), m.authors());
    assertEquals(List.of("Israel-Palestine conflict", "Gaza", "Middle East"), m.tags());
    assertEquals(Optional.of(LocalDate.of(2024, 3, 7)), m.published());
    assertEquals(List.of("en", "en-US"), m.declaredLanguages());
    assertEquals(Optional.of("https://www.aljazeera.com/wp-content/a.jpg"), m.image());
  }

  @Test
  void yoastGraphFollowsReferencesAndKeepsSiteObjectsOut() {
    PageMetadata m = read("""
        <html lang="en-US"><head><title>Why we moved to Hugo - Example Blog</title>
        <meta property="og:site_name" content="Example Blog">
        <meta property="og:type" content="article">
        <script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org","@graph":[
          {"@type":"Article","@id":"https://blog.example.org/hugo/#article",
           "isPartOf":{"@id":"https://blog.example.org/hugo/"},
           "author":{"@id":"https://blog.example.org/#/schema/person/abc"},
           "headline":"Why we moved to Hugo","datePublished":"2022-05-03T09:00:00+00:00",
           "publisher":{"@id":"https://blog.example.org/#organization"},
           "image":{"@id":"https://blog.example.org/hugo/#primaryimage"},
           "keywords":["Hugo","static sites"],"articleSection":["Engineering"],"inLanguage":"en-US"},
          {"@type":"WebPage","@id":"https://blog.example.org/hugo/","url":"https://blog.example.org/hugo/",
           "name":"Why we moved to Hugo - Example Blog","datePublished":"2022-05-03T09:00:00+00:00",
           "breadcrumb":{"@id":"https://blog.example.org/hugo/#breadcrumb"},"inLanguage":"en-US"},
          {"@type":"ImageObject","@id":"https://blog.example.org/hugo/#primaryimage",
           "url":"https://blog.example.org/wp-content/uploads/hugo.png","width":1200,"height":630},
          {"@type":"BreadcrumbList","@id":"https://blog.example.org/hugo/#breadcrumb",
           "itemListElement":[{"@type":"ListItem","position":1,"name":"Home","item":"https://blog.example.org/"}]},
          {"@type":"WebSite","@id":"https://blog.example.org/#website","name":"Example Blog","inLanguage":"en-US"},
          {"@type":"Organization","@id":"https://blog.example.org/#organization","name":"Example Inc."},
          {"@type":"Person","@id":"https://blog.example.org/#/schema/person/abc","name":"Pat Smith",
           "image":{"@type":"ImageObject","url":"https://secure.gravatar.com/avatar/x"}}]}</script>
        </head><body><a href="/tag/hugo/" rel="tag">hugo</a><a href="/cat/web" rel="category tag">Web</a></body></html>""");
    assertEquals(Optional.of("Why we moved to Hugo"), m.headline());
    assertEquals(List.of("Pat Smith"), m.authors());
    assertEquals(Optional.of("Example Blog"), m.siteName());
    assertEquals(Optional.of("https://blog.example.org/wp-content/uploads/hugo.png"), m.image());
    assertEquals(List.of("Hugo", "static sites", "Web"), m.tags());
    assertEquals(Optional.of("article"), m.type());
    assertEquals(List.of("en-US"), m.declaredLanguages());
    assertEquals(Optional.of(LocalDate.of(2022, 5, 3)), m.published());
  }

  @Test
  void jsonLdThatLiesIsSkipped() {
    PageMetadata m = read("""
        <head><title>Real title – Example News</title>
        <meta property="og:site_name" content="Example News">
        <meta property="og:title" content="example news">
        <meta name="twitter:title" content="Real title">
        <meta property="article:published_time" content="2099-01-01T00:00:00Z">
        <meta name="pubdate" content="1970-01-01">
        <meta name="date" content="2024-03-06T08:00:00Z">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"   ","name":"Example News",
          "datePublished":"2024-03-10T00:00:00+08:00","author":{"@type":"Person","name":""}}</script>
        </head>""");
    // Empty headline, a name and og:title that are only the site name: twitter:title is next.
    assertEquals(Optional.of("Real title"), m.headline());
    // 2024-03-10 is after tomorrow, 2099 too, 1970 before 1990: meta date is the first plausible.
    assertEquals(Optional.of(LocalDate.of(2024, 3, 6)), m.published());
    assertEquals(List.of(), m.authors());
  }

  @Test
  void tomorrowIsStillPlausible() {
    PageMetadata m = read("<meta property=article:published_time content='2024-03-09T01:00:00+14:00'>");
    assertEquals(Optional.of(LocalDate.of(2024, 3, 9)), m.published());
  }

  @Test
  void brokenJsonLdBlockNextToAGoodOne() {
    PageMetadata m = read("""
        <head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Broken</script>
        <script type="application/ld+json">not json at all</script>
        <script type="application/ld+json; charset=utf-8">
        //<![CDATA[
        /* generated */ {"@context":"https://schema.org","@type":"NewsArticle",
          "headline":"Good &amp; proper", // comment
          "articleBody":"First  line.\\n\\nSecond	line.",
          "datePublished":"2021-06-01",}
        //]]>
        </script></head>""");
    assertEquals(Optional.of("Good & proper"), m.headline());
    assertEquals(Optional.of("First line. Second line."), m.structuredBody());
    assertEquals(Optional.of(LocalDate.of(2021, 6, 1)), m.published());
  }

  @Test
  void jsonLdReadLeniently() {
    PageMetadata m = read("""
        <script type="application/ld+json"><!--
        {'@type': "BlogPosting", headline: 'Single quotes',
         "description": "Raw
        line break",}; trailing junk
        --></script>
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Second article"}</script>""");
    assertEquals(Optional.of("Single quotes"), m.headline(), "the first article object");
    assertEquals(Optional.of("blogposting"), m.type());
    assertEquals(Optional.of("Raw line break"), m.description());
    PageMetadata escaped = read("<script type=application/ld+json>"
        + "{&quot;@type&quot;:&quot;NewsArticle&quot;,&quot;headline&quot;:&quot;Escaped&quot;}</script>");
    assertEquals(Optional.of("Escaped"), escaped.headline());
  }

  @Test
  void webPageWithArticleBodyIsTheArticleAndBodyIsPlainText() {
    PageMetadata m = read("""
        <script type="application/ld+json">{"@graph":[
          {"@type":"WebSite","name":"Daily Site","headline":"Not this"},
          {"@type":"WebPage","name":"The page headline","author":"Ed Itor",
           "articleBody":"<p>Para <b>one</b>.</p>\\n<p>Para   two.</p>","datePublished":"1712345678901"}]}</script>
        <time pubdate datetime="2024-02-01T00:00">Feb 1</time><time datetime="2023-01-01">x</time>""");
    assertEquals(Optional.of("The page headline"), m.headline());
    assertEquals(Optional.of("webpage"), m.type());
    assertEquals(Optional.of("Para one. Para two."), m.structuredBody());
    assertEquals(List.of("Ed Itor"), m.authors());
    assertEquals(Optional.of("Daily Site"), m.siteName());
    // Epoch milliseconds are not a date: the <time pubdate> is next; a plain <time> anywhere in
    // the page is not a publication date (ArticleFacts looks for one in the body).
    assertEquals(Optional.of(LocalDate.of(2024, 2, 1)), m.published());
  }

  @Test
  void dateSourcesInTrustOrder() {
    String tail = "<time datetime='2020-01-03'>x</time><time pubdate datetime='2020-01-04'>y</time>";
    assertEquals(Optional.of(LocalDate.of(2020, 1, 4)), read(tail).published(), "pubdate first");
    assertEquals(Optional.of(LocalDate.of(2020, 1, 5)),
        read("<meta name='DC.date.issued' content='5 January 2020'>" + tail).published());
    assertEquals(Optional.of(LocalDate.of(2020, 1, 6)),
        read("<meta name=date content=2020-01-05><span itemprop=datePublished content=2020-01-06>"
            + "Jan 6</span>" + tail).published());
    assertEquals(Optional.of(LocalDate.of(2020, 1, 7)),
        read("<meta itemprop=datePublished content=2020-01-06>"
            + "<meta property=og:published_time content='January 7, 2020'>").published());
    assertEquals(Optional.of(LocalDate.of(2020, 1, 9)),
        read("<meta property=article:published_time content='2020年1月9日 10:00'>"
            + "<meta property=og:published_time content='2020-01-08'>").published());
    assertEquals(Optional.empty(), read("<p>Published 2020-01-03</p>").published(),
        "text is not a source");
  }

  @Test
  void chinesePortalHead() {
    PageMetadata m = read("""
        <html><head><meta charset="utf-8">
        <title>美国宣布对华加征关税 中方回应_新浪新闻</title>
        <meta http-equiv="Content-Language" content="zh-CN">
        <meta name="keywords" content="关税,美国，中国、贸易,关税">
        <meta name="description" content="  美国宣布……  ">
        <meta name="author" content="新浪新闻">
        <meta name="publishdate" content="2024-03-07 08:30:00">
        <meta property="og:locale" content="zh_CN">
        <link rel="alternate" hreflang="zh-Hant" href="/zh-hant/news/2024/03/07/a.html">
        <link rel="alternate" hreflang="x-default" href="https://news.example.cn/a.html">
        <link rel="alternate" type="application/rss+xml" href="/rss.xml">
        <link rel="alternate" hreflang="zh_Hans" href="javascript:void(0)">
        <link rel="alternate" hreflang="en" href="https://en.example.cn/a.html">
        </head></html>""");
    assertEquals(Optional.empty(), m.headline());
    assertEquals(Optional.of("美国宣布对华加征关税 中方回应_新浪新闻"), m.documentTitle());
    // Meta keywords count only because nothing better names the tags.
    assertEquals(List.of("关税", "美国", "中国", "贸易"), m.tags());
    assertEquals(List.of("zh-CN"), m.declaredLanguages());
    assertEquals(Optional.of("美国宣布……"), m.description());
    assertEquals(Optional.of(LocalDate.of(2024, 3, 7)), m.published());
    assertEquals(List.of(
        new PageMetadata.Alternate("zh-Hant", "https://www.example.com/zh-hant/news/2024/03/07/a.html"),
        new PageMetadata.Alternate("en", "https://en.example.cn/a.html")), m.alternates());
  }

  @Test
  void metaKeywordsAreIgnoredWhenTheArticleHasTags() {
    PageMetadata m = read("<meta name=keywords content='news, breaking news, world'>"
        + "<meta property=article:tag content=Elections>");
    assertEquals(List.of("Elections"), m.tags());
  }

  @Test
  void languagesInTrustOrderValidAndOnce() {
    PageMetadata m = read("""
        <html lang=" zh-Hans "><head>
        <meta http-equiv="content-language" content="zh-CN, en">
        <meta name="language" content="Chinese">
        <meta name="content-language" content="ZH-cn">
        <script type="application/ld+json">{"@type":"NewsArticle","inLanguage":{"@type":"Language","name":"Chinese","alternateName":"zh-Hans"}}</script>
        <meta property="og:locale" content="zh_TW"></head></html>""");
    assertEquals(List.of("zh-Hans", "zh-CN", "en", "zh-TW"), m.declaredLanguages());
    assertEquals(List.of(), read("<html lang='x-default'><meta name=language content='*'>").declaredLanguages());
  }

  @Test
  void imageSourcesResolvedAgainstTheBaseAndHttpOnly() {
    PageMetadata base = read("<head><base href='https://cdn.example.net/assets/'>"
        + "<meta property=og:image content='img/lead.jpg'></head>");
    assertEquals(Optional.of("https://cdn.example.net/assets/img/lead.jpg"), base.image());
    PageMetadata protocolRelative = PageMetadata.read(Jsoup.parse(
        "<meta property=og:image content='//img.example.net/a.png'>", "file:///tmp/saved.html"), TODAY);
    assertEquals(Optional.of("https://img.example.net/a.png"), protocolRelative.image());
    PageMetadata twitter = read("<meta property=og:image content='data:image/png;base64,AAAA'>"
        + "<meta name=twitter:image content='https://pbs.example.com/t.jpg'>");
    assertEquals(Optional.of("https://pbs.example.com/t.jpg"), twitter.image());
    PageMetadata secure = read("<meta property=og:image:secure_url content='https://s.example.com/x.jpg'>");
    assertEquals(Optional.of("https://s.example.com/x.jpg"), secure.image());
  }

  @Test
  void typeFallsBackToOgTypeAndItempropHeadline() {
    PageMetadata m = read("<html><head><meta property=og:type content=Website>"
        + "<meta property='og:title twitter:title' content='  '></head>"
        + "<body><h1 itemprop=headline>  Micro   headline </h1></body></html>");
    assertEquals(Optional.of("website"), m.type());
    assertEquals(Optional.of("Micro headline"), m.headline());
  }

  @Test
  void emptyPageHasNothingAndListsAreImmutable() {
    PageMetadata m = read("<p>hello</p><svg><title>icon</title></svg>");
    assertEquals(new PageMetadata(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), Optional.empty()), m);
    PageMetadata tagged = read("<meta property=article:tag content=a>");
    assertThrows(UnsupportedOperationException.class, () -> tagged.tags().add("b"));
  }

  @Test
  void urlFromCanonicalOgOrSavedFromComment() {
    assertEquals(Optional.of("https://a.example/x"), url(
        Jsoup.parse("<link rel=canonical href='https://a.example/x'><meta property=og:url content='https://b/'>")));
    assertEquals(Optional.of("https://b.example/y"), url(
        Jsoup.parse("<meta property=og:url content='https://b.example/y'>")));
    assertEquals(Optional.of("https://c.example/z.html"), url(
        Jsoup.parse("<!-- saved from url=(0024)https://c.example/z.html -->\n<html><p>x</p></html>")));
    assertEquals(Optional.empty(), url(
        Jsoup.parse("<link rel=canonical href='javascript:x'><p>x</p>")));
    // Canonical wins over og:url wherever each stands; the first of each kind counts.
    assertEquals(Optional.of("https://a.example/first"), url(
        Jsoup.parse(
        "<meta property=og:url content='https://b.example/y'><p>x</p>"
            + "<link rel=canonical href='https://a.example/first'><link rel=canonical href='https://a.example/2'>")));
  }

  private static Optional<String> url(org.jsoup.nodes.Document page) {
    return PageMetadata.read(page, LocalDate.of(2026, 1, 1)).url();
  }

  @Test
  void datesInUrls() {
    assertEquals(Optional.of(LocalDate.of(2024, 3, 7)),
        Dates.dateFromUrl("https://www.bbc.com/news/2024/03/07/story", TODAY));
    assertEquals(Optional.of(LocalDate.of(2024, 3, 7)),
        Dates.dateFromUrl("https://www.bannedbook.org/bnews/x/20240307/2009999.html", TODAY));
    assertEquals(Optional.of(LocalDate.of(2024, 3, 7)),
        Dates.dateFromUrl("https://news.sina.com.cn/c/2024-03-07/doc-inakxyz.shtml", TODAY));
    assertEquals(Optional.of(LocalDate.of(2024, 3, 7)),
        Dates.dateFromUrl("http://world.people.com.cn/n1/2024/0307/c1002-40190000.html", TODAY));
    assertEquals(Optional.of(LocalDate.of(2024, 3, 7)),
        Dates.dateFromUrl("https://finance.example.cn/stock/doc-20240307abc.shtml", TODAY));
    assertEquals(Optional.of(LocalDate.of(2024, 3, 1)),
        Dates.dateFromUrl("https://ex.com/2024/3/1/slug", TODAY));
    // Not dates: a month only, a future day, an id, the query, the host.
    assertEquals(Optional.empty(), Dates.dateFromUrl("https://ex.com/2024/03/slug", TODAY));
    assertEquals(Optional.empty(), Dates.dateFromUrl("https://ex.com/2024/03/10/slug", TODAY));
    assertEquals(Optional.empty(), Dates.dateFromUrl("https://ex.com/a/12345678/x", TODAY));
    assertEquals(Optional.empty(), Dates.dateFromUrl("https://ex.com/a?d=2024-03-07", TODAY));
    assertEquals(Optional.empty(), Dates.dateFromUrl("https://20240307.ex.com/a", TODAY));
    assertEquals(Optional.empty(), Dates.dateFromUrl("https://ex.com/1989/12/31/old", TODAY));
    assertEquals(Optional.of(LocalDate.of(2024, 3, 7)),
        PageMetadata.dateFromUrl("https://ex.com/archive/2024/03/07/a"));
  }

  @Test
  void datesAsPagesWriteThem() {
    assertEquals(Optional.of(LocalDate.of(2024, 3, 7)), Dates.parse("2024-03-07T23:30:00+08:00"));
    assertEquals(Optional.of(LocalDate.of(2024, 3, 7)), Dates.parse("Thu, 07 Mar 2024 10:00:00 GMT"));
    assertEquals(Optional.of(LocalDate.of(2024, 3, 7)), Dates.parse("March 7th, 2024"));
    assertEquals(Optional.of(LocalDate.of(2024, 3, 7)), Dates.parse("Thu Mar 07 2024 10:00:00 GMT+0000"));
    assertEquals(Optional.of(LocalDate.of(2024, 3, 7)), Dates.parse("2024年3月7日"));
    assertEquals(Optional.of(LocalDate.of(2015, 8, 3)), Dates.parse("Mon Aug 03 12:45:00 EDT 2015"));
    assertEquals(Optional.empty(), Dates.parse("1709800000000"));
    assertEquals(Optional.empty(), Dates.parse("30 Feb 2024"));
    assertEquals(Optional.empty(), Dates.parse("Marching 7, 2024"));
    assertEquals(Optional.empty(), Dates.parse("2099-01-01", TODAY));
    assertEquals(Optional.of(LocalDate.of(2024, 3, 9)), Dates.parse("2024-03-09", TODAY));
  }

  @Test
  void realGitlabBlogPost() {
    PageMetadata m = PageMetadata.read(real("readability-gitlab-blog.html"), TODAY.plusYears(2));
    // Readability's expected metadata: title, byline "Dave Steer", lang en-us, 2024-06-25.
    assertEquals(Optional.of("3 surprising findings from our 2024 Global DevSecOps Survey"), m.headline());
    assertEquals(List.of("Dave Steer"), m.authors());
    assertEquals(List.of("en-us"), m.declaredLanguages());
    assertEquals(Optional.of(LocalDate.of(2024, 6, 25)), m.published());
    assertEquals(Optional.of("blogposting"), m.type());
    // The Organization block comes first; its name is the publisher's too.
    assertEquals(Optional.of("GitLab"), m.siteName());
    assertEquals(List.of("developer survey", "DevSecOps", "AI/ML", "security", "news"), m.tags());
    assertTrue(m.image().orElseThrow().startsWith("https://images.ctfassets.net/"));
  }

  @Test
  void realHeraldSunArticle() {
    PageMetadata m = PageMetadata.read(real("readability-herald-sun-1.html"), TODAY);
    assertEquals(Optional.of("Angry media won’t buckle over new surveillance laws"), m.headline());
    assertEquals(Optional.of("Angry media won’t buckle over new surveillance laws | Herald Sun"),
        m.documentTitle());
    assertEquals(List.of("Laurie Oakes"), m.authors());
    assertEquals(List.of("en-au"), m.declaredLanguages());
    assertEquals(Optional.empty(), m.published());
    assertEquals(Optional.of("HeraldSun"), m.siteName());
    assertEquals("mandatory data retention", m.tags().get(0));
  }

  @Test
  void realChinesePortalArticle() {
    PageMetadata m = PageMetadata.read(real("readability-gmw.html"), TODAY);
    assertEquals(Optional.empty(), m.headline());
    assertEquals(List.of("肖春芳"), m.authors());
    assertEquals(Optional.of(LocalDate.of(2017, 3, 10)), m.published());
    assertEquals(List.of("宇航员", "太空", "国际空间站", "一个", "1975年"), m.tags());
    assertEquals(List.of(), m.declaredLanguages());
    assertEquals(Optional.empty(), m.type());
  }
}
