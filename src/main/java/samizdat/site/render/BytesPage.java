package samizdat.site.render;

/** A file whose bytes are known up front (small generated scripts); its fingerprint is theirs. */
public record BytesPage(RenderContext context, String path, String kind, byte[] bytes) implements Page {
  @Override
  public byte[] fingerprint() {
    return context.fingerprint().add(kind).add(bytes).done();
  }

  @Override
  public byte[] render() {
    return bytes.clone();
  }
}
