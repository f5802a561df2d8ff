/**
 * The content folder: the only contract between {@code ingest} (which writes it) and {@code build}
 * (which reads it). {@link samizdat.content.ArticleMeta} is the JSON schema, {@link
 * samizdat.content.ContentStore} the layout on disk, {@link samizdat.content.ControlCharacters} what
 * text in it never holds.
 */
package samizdat.content;
