package samizdat.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samizdat.io.Progress;

class VerifierTest {
  @TempDir Path tmp;
  Path stick;

  @BeforeEach
  void setUp() throws Exception {
    Path site = SiteFolders.write(tmp.resolve("site"), 6, 2000, 7);
    stick = tmp.resolve("stick");
    new UsbMirror("samizdat test", false, Progress.NONE).mirror(site, stick);
  }

  private Verifier.Report verify(Path dir) throws Exception {
    return new Verifier().verify(dir, Progress.NONE);
  }

  @Test
  void anIntactCopyIsOk() throws Exception {
    Verifier.Report r = verify(stick);

    assertTrue(r.ok(), r.problems().toString());
    assertEquals(r.manifest().fileCount(), r.checkedFiles());
    assertEquals(r.manifest().totalBytes(), r.checkedBytes());
    assertEquals(List.of(), r.unrelated());
  }

  @Test
  void aCopyMadeBySomeoneElseWithPlainFileCopyingIsOk() throws Exception {
    Path copy = tmp.resolve("second-hand");
    try (Stream<Path> files = Files.walk(stick)) {
      for (Path f : files.toList()) {
        Path to = copy.resolve(stick.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }

    assertTrue(verify(copy).ok());
  }

  @Test
  void missingChangedAndExtraFilesAreReported() throws Exception {
    Files.delete(stick.resolve("articles/2.html"));
    byte[] image = Files.readAllBytes(stick.resolve("media/3.jpg"));
    image[100] ^= 0x10;
    Files.write(stick.resolve("media/3.jpg"), image);
    Files.writeString(stick.resolve("index.html"), "defaced");
    Files.writeString(stick.resolve("articles/tracker.js"), "fetch('https://example.invalid')");
    Files.writeString(stick.resolve("holiday.jpg"), "a reader's own file");

    Verifier.Report r = verify(stick);

    assertEquals(List.of(
        new Verifier.Problem(Verifier.Problem.Kind.MISSING, "articles/2.html", "listed in the manifest, not on the copy"),
        new Verifier.Problem(Verifier.Problem.Kind.EXTRA, "articles/tracker.js", "not in the manifest, inside the archive's folders"),
        new Verifier.Problem(Verifier.Problem.Kind.CHANGED, "index.html", "7 bytes, the manifest says "
            + r.manifest().files().stream().filter(e -> e.path().equals("index.html")).findFirst().orElseThrow().size())),
        r.problems().subList(0, 3));
    Verifier.Problem media = r.problems().get(3);
    assertEquals(Verifier.Problem.Kind.CHANGED, media.kind());
    assertEquals("media/3.jpg", media.path());
    assertTrue(media.detail().startsWith("content differs from the manifest"), media.detail());
    assertEquals(4, r.problems().size());
    assertEquals(List.of("holiday.jpg"), r.unrelated());
  }

  @Test
  void noManifestOrABrokenOneIsAClearError() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    MirrorException none = assertThrows(MirrorException.class, () -> verify(plain));
    assertTrue(none.getMessage().contains("samizdat-manifest.json: missing"), none.getMessage());

    Files.writeString(stick.resolve(Manifest.FILE_NAME), "{\"format\": \"samizdat-manifest/1\", \"files\": [");
    MirrorException broken = assertThrows(MirrorException.class, () -> verify(stick));
    assertTrue(broken.getMessage().contains("not valid manifest JSON"), broken.getMessage());

    Files.writeString(stick.resolve(Manifest.FILE_NAME), "{\"format\": \"samizdat-manifest/1\", \"tool\": \"x\", \"fileCount\": 1, \"totalBytes\": 1,"
        + " \"archive\": {\"title\": \"t\"}, \"files\": [{\"path\": \"../../etc/passwd\", \"size\": 1, \"sha256\": \"" + "0".repeat(64) + "\"}]}");
    MirrorException escaping = assertThrows(MirrorException.class, () -> verify(stick));
    assertTrue(escaping.getMessage().contains("bad file entry \"../../etc/passwd\""), escaping.getMessage());

    String entry = "{\"path\": \"a.html\", \"size\": 1, \"sha256\": \"" + "0".repeat(63) + "%s\"}";
    Files.writeString(stick.resolve(Manifest.FILE_NAME), "{\"files\": [" + entry.formatted("0") + ", "
        + entry.formatted("F") + "], \"tool\": \"x\", \"format\": \"samizdat-manifest/1\"}");
    MirrorException upperCase = assertThrows(MirrorException.class, () -> verify(stick));
    assertTrue(upperCase.getMessage().contains("bad file entry \"a.html\""), upperCase.getMessage());

    Files.writeString(stick.resolve(Manifest.FILE_NAME), "{\"files\": [" + entry.formatted("0") + "]}");
    MirrorException notOurs = assertThrows(MirrorException.class, () -> verify(stick));
    assertTrue(notOurs.getMessage().contains("not a samizdat manifest"), notOurs.getMessage());
  }
}
