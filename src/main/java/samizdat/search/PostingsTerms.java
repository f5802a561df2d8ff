package samizdat.search;

/** A segment's terms, numbered 0 to size - 1, with their encoded postings (see {@link Postings}). */
interface PostingsTerms {
  int size();

  String term(int id);

  /** Length of the term's encoded postings, in bytes (ASCII characters). */
  int length(int id);

  /** Appends the term's encoded postings, using {@code scratch} to copy them in bulk. */
  char[] appendTo(int id, StringBuilder out, char[] scratch);
}
