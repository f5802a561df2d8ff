package samizdat.mirror.ipfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * File CIDs, chunk by chunk. Expected values: bench/mirror/ipfs-vectors.mjs (ipfs-unixfs-importer
 * with kubo's --cid-version=1 settings), computed once and frozen; see {@link CarExportTest}.
 */
class UnixFsImporterTest {

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({
      // 0 bytes: one empty raw chunk, the well-known empty raw block
      "zero-byte-file, empty.txt, bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku, 0",
      // exactly one chunk: the file is its raw leaf, no dag-pb node
      "one-full-chunk, chunk.bin, bafkreia7utbblkyvyamt4ibyij6blfrpek5ibzlty3e76yegbdxur4os54, 262144",
      // two chunks: one dag-pb node, 262144 + 1
      "one-chunk-plus-one-byte, two.bin, bafybeidgbzm7nm523qgo23dbo2qxfldosypd5wlqx5cqpiqqmqkhqfcm6i, 262145",
      // exactly 174 chunks: a single full node
      "two-level-tree, full.bin, bafybeih2ry2rg4xcl4aqnzmimsyovy2yk2arqlltdabuld6d6ss3wgv4ki, 45613056",
      // 176 chunks: root over a full node and a node with 2 leaves
      "two-level-tree, over.bin, bafybeiafeu7ybcfpwoqmrhnhhmymgdbr4wlpw3lcvsw24xyr4ydcy77uoi, 45875300",
      "nested-non-ascii, 新闻/图片/照片.jpg, bafybeiayawj26z6huaxslitvjhjfps5pbhbvjokuimhmicnqufzqx2cn3e, 300000",
      "nested-non-ascii, 新闻/2024年/文章 一.html, bafkreihop5rwzz5rk55zc533jzjz4z6j5pttgjj7c23pyxztbtj7nixfxe, 5000",
  })
  void fileCidMatchesTheReferenceImplementation(String fixture, String file, String cid, long size)
      throws IOException {
    Path site = Fixtures.write(tmp, fixture);
    long[] read = {0};

    DagNode node = new UnixFsImporter(BlockSink.DISCARD).addFile(site.resolve(file), n -> read[0] += n);

    assertEquals(cid, node.cid().toString());
    assertEquals(size, node.contentSize());
    assertEquals(size, read[0]);
    assertEquals(size, Files.size(site.resolve(file)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "新闻, bafybeihaduvpsvgaihlskl3ci5nhs4rkexvqaqv27yki4mjk6qnumxtepi",
      "a, bafybeift6tabmlpxjvngulbzkhh23o7egx3p2xf5qo3kpeanbw3xx2spt4",
  })
  void subdirectoryCidMatchesTheReferenceImplementation(String dir, String cid) throws IOException {
    Path site = Fixtures.write(tmp, "nested-non-ascii");

    DagNode node = new UnixFsImporter(BlockSink.DISCARD).addTree(site.resolve(dir), n -> { }, w -> { });

    assertEquals(cid, node.cid().toString());
  }
}
