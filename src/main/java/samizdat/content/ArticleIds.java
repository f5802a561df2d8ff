package samizdat.content;

import java.util.regex.Pattern;

/** What an article id may look like: ASCII {@code [a-z0-9._-]}, 1 to 80 characters, no leading dot. */
public final class ArticleIds {
  private static final Pattern VALID = Pattern.compile("[a-z0-9_-][a-z0-9._-]{0,79}");

  private ArticleIds() {}

  /** True when {@code id} is safe as a file name on every file system we write to. */
  public static boolean isValid(String id) {
    return VALID.matcher(id).matches();
  }
}
