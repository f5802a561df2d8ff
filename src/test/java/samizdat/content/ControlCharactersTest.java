package samizdat.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {
  @Test
  void controlsGoWhiteSpaceAndTextStay() {
    assertEquals("a\tb\nc\rd", ControlCharacters.strip("a\tb\nc\rd\u0000\u0001\u000b\f\u001b\u001f"));
    assertEquals("新闻 news", ControlCharacters.strip("\u007f新\u0080闻\u009f news\ufffe\uffff"));
    String clean = "标题 – “quoted” \u00a0 \ufffd \ud83d\ude00";
    assertSame(clean, ControlCharacters.strip(clean), "a string without controls is returned as it is");
    assertTrue(ControlCharacters.isControl('\u0085'));
    assertFalse(ControlCharacters.isControl('\u00a0'));
    assertFalse(ControlCharacters.isControl(' '));
  }
}
