package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class BodyScorerTest {
  private static Element first(String html) {
    return Jsoup.parseBodyFragment(html).body().child(0);
  }

  @Test
  void whatAReaderDoesNotSee() {
    assertTrue(BodyScorer.isHidden(first("<div hidden><p>x</p></div>")));
    assertTrue(BodyScorer.isHidden(first("<p aria-hidden=true>x</p>")));
    assertTrue(BodyScorer.isHidden(first("<div style='display: none'>x</div>")));
    assertTrue(BodyScorer.isHidden(first("<span class='skip-link screen-reader-text'>x</span>")));
    assertTrue(BodyScorer.isHidden(first("<div class='article-block sign-in-group hidden'><p>x</p></div>")));
    assertTrue(BodyScorer.isHidden(first("<div class='paywall-prompt' hidden><p>Log in</p></div>")));
    assertTrue(BodyScorer.isHidden(first("<div class=paywall hidden><span>no paragraph</span></div>")));
    assertTrue(BodyScorer.isHidden(first("<div popover><p>Save this article</p></div>")));
    assertTrue(BodyScorer.isHidden(first("<dialog><p>Follow this topic</p></dialog>")));
    assertTrue(BodyScorer.isHidden(first("<k-popover role=dialog><span>フォローする</span></k-popover>")));
    assertTrue(BodyScorer.isHidden(first("<div class=a11y role=alert aria-live=polite>Story | CBC News Loaded</div>")));
  }

  @Test
  void whatAReaderSeesOrASubscriberWould() {
    assertFalse(BodyScorer.isHidden(first("<div class='hidden md:block'><p>x</p></div>")));
    assertFalse(BodyScorer.isHidden(first("<div class='hidden-xs unhidden'><p>x</p></div>")));
    assertFalse(BodyScorer.isHidden(first("<div class='paywall' hidden><p>The rest of the story.</p></div>")));
    assertFalse(BodyScorer.isHidden(first("<div class='content paywall hidden'><p>The rest.</p></div>")));
    assertFalse(BodyScorer.isHidden(first("<dialog open><p>An open dialog</p></dialog>")));
    assertFalse(BodyScorer.isHidden(first("<div role=status><p>" + "A live blog's post. ".repeat(20)
        + "</p></div>")));
    // React's streamed rendering: its script shows the content at once.
    assertFalse(BodyScorer.isHidden(first("<div hidden id=\"S:1a\"><p>The story.</p></div>")));
    assertTrue(BodyScorer.isHidden(first("<div hidden id=\"Story:1\"><p>Not React's.</p></div>")));
  }
}
