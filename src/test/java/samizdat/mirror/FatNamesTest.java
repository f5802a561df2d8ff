package samizdat.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FatNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"index.html", "文章 一.html", "a.b.c", "con-tact.html", "COM10.txt", "😀.txt", "x y"})
  void storableNames(String name) {
    assertEquals("", FatNames.nameProblem(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a:b", "a?b", "a*b", "a<b", "a>b", "a|b", "a\"b", "a\\b", "a\tb", "trailing.",
      "trailing ", "CON", "con.html", "Lpt1.txt", "aux"})
  void unstorableNames(String name) {
    assertTrue(!FatNames.nameProblem(name).isEmpty(), name);
  }

  @Test
  void tooLongNamesHugeFilesAndCaseClashesAreProblems() {
    Map<String, Long> files = new LinkedHashMap<>();
    files.put("a/" + "x".repeat(256) + ".html", 1L);
    files.put("video.mp4", 4L * 1024 * 1024 * 1024);
    files.put("News/a.html", 1L);
    files.put("news/b.html", 1L);
    files.put("Straße.html", 1L);
    files.put("STRASSE.html", 1L);
    files.put("ok.html", (1L << 32) - 1);

    List<String> problems = FatNames.problems(files);

    assertEquals(4, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("longer than 255"), problems.get(0));
    assertTrue(problems.get(1).startsWith("video.mp4: 4294967296 bytes"), problems.get(1));
    assertTrue(problems.get(2).contains("folder news has the same name as News"), problems.get(2));
    assertTrue(problems.get(3).contains("STRASSE.html: same name as Straße.html"), problems.get(3));
  }

  @Test
  void eachFileBelowABadOrClashingFolderIsNamedWhereverTheFolderFirstAppears() {
    Map<String, Long> files = new java.util.TreeMap<>();
    files.put("a/News/1.html", 1L);
    files.put("a/News/deep/2.html", 1L);
    files.put("a/b.html", 1L);
    files.put("a/news/3.html", 1L);
    files.put("a/news/deep/4.html", 1L);
    files.put("x:y/1.html", 1L);
    files.put("x:y/z/2.html", 1L);
    files.put("\u212a/1.html", 1L); // the Kelvin sign, which is "k" on a case-insensitive stick
    files.put("k/2.html", 1L);

    assertEquals(List.of(
        "a/news/3.html: folder a/news has the same name as a/News on a case-insensitive stick",
        "a/news/deep/4.html: folder a/news has the same name as a/News on a case-insensitive stick",
        "x:y/1.html: has ':', which FAT/exFAT cannot store",
        "x:y/z/2.html: has ':', which FAT/exFAT cannot store",
        "\u212a/1.html: folder \u212a has the same name as k on a case-insensitive stick"),
        FatNames.problems(files));
  }
}
