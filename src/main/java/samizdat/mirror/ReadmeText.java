package samizdat.mirror;

/** The plain-text note at the root of a USB copy, for a reader who has never heard of samizdat. */
final class ReadmeText {
  private ReadmeText() {}

  static String render(ArchiveInfo archive) {
    String about = archive.describe();
    return String.join("\n",
        archive.title(),
        "=".repeat(Math.min(72, Math.max(3, archive.title().length()))),
        about.isEmpty() ? "" : about + "\n",
        "HOW TO READ",
        "Open the file index.html in this folder with any web browser (double-click it).",
        "Everything works offline: no internet connection is needed, nothing is loaded",
        "from the network.",
        "",
        "如何阅读：用任何浏览器打开本文件夹中的 index.html（双击即可）。",
        "无需联网，所有内容都在本地。",
        "",
        "HOW TO CHECK THIS COPY",
        "samizdat-manifest.json lists every file of the archive with its size and SHA-256",
        "checksum. To check that nothing was changed, damaged or added since the copy was",
        "made, run:",
        "",
        "    samizdat verify <this folder>",
        "",
        "or compare checksums by hand (e.g. `sha256sum index.html` on Linux,",
        "`shasum -a 256 index.html` on macOS, `certutil -hashfile index.html SHA256` on",
        "Windows) with the \"sha256\" values in samizdat-manifest.json.",
        "",
        "如何校验：samizdat-manifest.json 列出了每个文件的大小和 SHA-256 校验值，",
        "可用 samizdat verify 命令或 sha256sum 等工具核对。",
        "",
        "You may copy this folder freely. Copy all of it, including samizdat-manifest.json,",
        "so the next reader can check it too.",
        "");
  }
}
