package samizdat.mirror.ipfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import samizdat.io.Progress;

/**
 * Root CIDs and CAR contents against frozen vectors.
 *
 * <p>How the expected values were computed (once, then frozen here): bench/mirror/ipfs-vectors.mjs
 * builds the same fixture folders (see {@link Fixtures}) with the npm reference implementation
 * {@code ipfs-unixfs-importer} 17.1.1 using kubo's {@code ipfs add -r --cid-version=1} settings
 * (CIDv1, raw leaves, fixed 256 KiB chunks, balanced layout with 174 links, single chunk reduced to
 * the leaf, folders over 256 KiB of link names and CIDs as HAMT shards) and counts the blocks
 * reachable from the root. Our CARs were also parsed with
 * {@code @ipld/car}'s CarReader (same roots and block counts, every block re-hashed OK).
 */
class CarExportTest {

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "empty-directory, bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354, 1",
      "zero-byte-file, bafybeid76eyswbhp3f7zrgvkelbpsyoqoa4qzprhraibj6y7cvi7oh2bzq, 2",
      "one-full-chunk, bafybeichyqlfb5n4t5jpxtj7ahvytx3upmxzoullhqqn4a3coazsgwkuly, 2",
      "one-chunk-plus-one-byte, bafybeifhngqtw5djtm2eg3dndnqkafr7yyjpcjujih5bk34oex7bwu7niu, 4",
      "two-level-tree, bafybeie4jtmjmtet5nbr7meqaoctyfs4hhqtnwkisuwma5adm6og6qc434, 355",
      "nested-non-ascii, bafybeib6tuiulpmr5ofarlq3okpceb56dqgosgntlwbwyrxtduanqzvcyq, 18",
      "flat-below-shard-threshold, bafybeidp37nhhno7a56oxofdgh5lkk5xqfdcivbriv76lpm6uzqrxed35m, 4855",
      "sharded-above-threshold, bafybeigep2k6b5ktoqf7kbm2dm7l7xvu2famhke5rb5lwwruny5ca7p3ke, 5283",
  })
  void rootCidAndBlocksMatchTheReferenceImplementation(String fixture, String root, int blocks)
      throws IOException {
    Path site = Fixtures.write(tmp, fixture);
    Path car = tmp.resolve(fixture + ".car");

    CarExport.Result result = CarExport.export(site, car, Progress.NONE);

    assertEquals(root, result.rootCid());
    assertEquals(blocks, result.blockCount());
    ParsedCar parsed = ParsedCar.read(car);
    assertEquals(root, parsed.root());
    assertEquals(blocks, parsed.blocks().size(), "blocks in the CAR");
    assertEquals(Files.size(car), result.carBytes());
    assertEquals(root, CarExport.rootCid(site));
  }

  @Test
  void carIsByteIdenticalOnEveryRunAndLeavesNoTemporaryFile() throws IOException {
    Path site = Fixtures.write(tmp, "nested-non-ascii");
    Path out = Files.createDirectories(tmp.resolve("out"));
    CarExport.export(site, out.resolve("a.car"), Progress.NONE);
    CarExport.export(site, out.resolve("b.car"), Progress.NONE);

    assertArrayEquals(Files.readAllBytes(out.resolve("a.car")), Files.readAllBytes(out.resolve("b.car")));
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(2, files.count());
    }
  }

  @Test
  void everyBlockHashesToItsCidAndEveryLinkIsInTheCar() throws IOException {
    Path site = Fixtures.write(tmp, "nested-non-ascii");
    Path car = tmp.resolve("site.car");
    CarExport.export(site, car, Progress.NONE);

    ParsedCar parsed = ParsedCar.read(car);
    Set<String> cids = new HashSet<>();
    for (ParsedCar.Block b : parsed.blocks()) {
      assertTrue(cids.add(b.cid()), "block written twice: " + b.cid());
    }
    // same1.txt and same2.txt share one block; Ａ.txt and 😀.txt too.
    assertEquals(18, cids.size());
    assertTrue(cids.contains(parsed.root()));
  }

  @Test
  void hiddenFilesAreSkippedLikeIpfsAddAndReported() throws IOException {
    Path site = Fixtures.write(tmp, "zero-byte-file");
    Files.writeString(site.resolve(".DS_Store"), "junk");

    CarExport.Result result = CarExport.export(site, tmp.resolve("x.car"), Progress.NONE);

    assertEquals("bafybeid76eyswbhp3f7zrgvkelbpsyoqoa4qzprhraibj6y7cvi7oh2bzq", result.rootCid());
    assertEquals(1, result.warnings().size());
    assertTrue(result.warnings().get(0).startsWith(".DS_Store: hidden"), result.warnings().get(0));
  }

  @Test
  void aFailedExportLeavesThePreviousCarUntouched() throws IOException {
    Path car = tmp.resolve("site.car");
    Files.writeString(car, "previous");

    assertThrows(IOException.class, () -> CarExport.export(tmp.resolve("missing"), car, Progress.NONE));

    assertEquals("previous", Files.readString(car));
    try (Stream<Path> files = Files.list(tmp)) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".part")));
    }
  }

  @Test
  void theCarMustNotGoInsideTheExportedFolder() throws IOException {
    Path site = Fixtures.write(tmp, "zero-byte-file");

    IOException e = assertThrows(IOException.class,
        () -> CarExport.export(site, site.resolve("site.car"), Progress.NONE));

    assertTrue(e.getMessage().contains("site.car: must be outside the exported folder"), e.getMessage());
  }

  /** A minimal independent CARv1 reader: header root, then blocks re-hashed against their CIDs. */
  record ParsedCar(String root, List<Block> blocks) {
    record Block(String cid, int length) {}

    static ParsedCar read(Path car) throws IOException {
      ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(car));
      int headerLength = (int) varint(in);
      byte[] header = new byte[headerLength];
      in.get(header);
      // {"roots":[tag42(bytes(0x00 + cid))],"version":1}: the root CID starts at offset 13.
      assertEquals((byte) 0xa2, header[0]);
      byte[] rootBytes = java.util.Arrays.copyOfRange(header, 13, 13 + Cid.LENGTH);
      String root = Cid.of(rootBytes[1] & 0xff, java.util.Arrays.copyOfRange(rootBytes, 4, 36)).toString();
      List<Block> blocks = new ArrayList<>();
      while (in.hasRemaining()) {
        int length = (int) varint(in);
        byte[] cid = new byte[Cid.LENGTH];
        in.get(cid);
        byte[] data = new byte[length - Cid.LENGTH];
        in.get(data);
        byte[] digest = java.util.Arrays.copyOfRange(cid, 4, 36);
        assertArrayEquals(digest, sha256(data), "block hash");
        blocks.add(new Block(Cid.of(cid[1] & 0xff, digest).toString(), data.length));
      }
      return new ParsedCar(root, blocks);
    }

    private static long varint(ByteBuffer in) {
      long value = 0;
      for (int shift = 0; ; shift += 7) {
        int b = in.get() & 0xff;
        value |= (long) (b & 0x7f) << shift;
        if (b < 0x80) {
          return value;
        }
      }
    }

    private static byte[] sha256(byte[] data) {
      try {
        return MessageDigest.getInstance("SHA-256").digest(data);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new AssertionError(e);
      }
    }
  }
}
