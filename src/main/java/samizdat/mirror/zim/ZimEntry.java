package samizdat.mirror.zim;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/** One entry of a ZIM file to write: an item with content, or a redirect to another entry. */
sealed interface ZimEntry permits ZimEntry.Item, ZimEntry.Redirect {
  /** 'C' content, 'M' metadata, 'W' well-known, 'X' search and listing indexes. */
  char namespace();

  /** The path inside its namespace, e.g. {@code a/2024/0/x.html} or {@code Title}. */
  String path();

  /** The key entries are sorted by: the namespace byte, then the path's UTF-8 bytes. */
  default byte[] sortKey() {
    byte[] p = path().getBytes(StandardCharsets.UTF_8);
    byte[] key = new byte[p.length + 1];
    key[0] = (byte) namespace();
    System.arraycopy(p, 0, key, 1, p.length);
    return key;
  }

  /** An item; its title is found when its content is read (see {@link ZimWriter.Titles}). */
  record Item(char namespace, String path, String mimeType, Content content) implements ZimEntry {}

  /** A redirect to {@code targetPath} in {@code targetNamespace}. */
  record Redirect(char namespace, String path, String title, char targetNamespace, String targetPath)
      implements ZimEntry {}

  /** The bytes of an item. */
  sealed interface Content permits FileContent, BytesContent, LateContent {
    long size();
  }

  /** A file of {@code size} bytes, read when its cluster is written. */
  record FileContent(Path file, long size) implements Content {}

  /** Bytes known up front. */
  record BytesContent(byte[] bytes) implements Content {
    public BytesContent {
      bytes = bytes.clone();
    }

    @Override
    public long size() {
      return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BytesContent b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "BytesContent[" + bytes.length + " bytes]";
    }
  }

  /** Bytes of a known size made only when written: the title listings, which need every title. */
  record LateContent(long size, Supplier<byte[]> bytes) implements Content {}
}
