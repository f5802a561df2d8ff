package samizdat.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BodyTextsTest {

  @Test
  void keepsATextOnlyForAnArticleTheIndexExpectsAndHandsItOverOnce() {
    BodyTexts texts = new BodyTexts(1 << 20);
    texts.expect("a");
    assertTrue(texts.wanted("a"));
    assertFalse(texts.wanted("b"), "not expected: its index segment is unchanged");
    texts.offer("a", "正文");
    texts.offer("b", "other");
    assertFalse(texts.wanted("a"), "already kept");
    assertEquals(Optional.of("正文"), texts.take("a"));
    assertEquals(Optional.empty(), texts.take("a"));
    assertEquals(Optional.empty(), texts.take("b"));
    assertEquals(1, texts.given());
    assertEquals(0, texts.held());
    assertTrue(texts.readByIndex("a"), "still read by the index once taken: it writes the text file");
    assertFalse(texts.readByIndex("b"));
  }

  @Test
  void aTextOfferedAfterTheIndexReadTheBodyItselfIsDropped() {
    BodyTexts texts = new BodyTexts(1 << 20);
    texts.expect("a");
    assertEquals(Optional.empty(), texts.take("a"), "the index came first and parses the body");
    assertFalse(texts.wanted("a"));
    texts.offer("a", "late");
    assertEquals(0, texts.held(), "nothing left waiting for an index that has moved on");
  }

  @Test
  void stopsKeepingTextsOverItsBudgetUntilTheIndexTakesSome() {
    BodyTexts texts = new BodyTexts(10);
    for (String id : List.of("a", "b", "c")) {
      texts.expect(id);
    }
    texts.offer("a", "123456");
    assertEquals(12, texts.held());
    assertFalse(texts.wanted("b"), "over budget");
    texts.offer("b", "x");
    assertEquals(Optional.empty(), texts.take("b"));
    assertEquals(Optional.of("123456"), texts.take("a"));
    assertTrue(texts.wanted("c"));
  }

  @Test
  void ranksArticlesInTheIndexReadingOrderAndUnknownOnesLast() {
    BodyTexts texts = new BodyTexts(0);
    texts.order(List.of("z", "a", "m"));
    assertEquals(0, texts.rank("z"));
    assertEquals(2, texts.rank("m"));
    assertEquals(Integer.MAX_VALUE, texts.rank("new"));
  }
}
