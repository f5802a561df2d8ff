/**
 * The command line: {@link samizdat.cli.Main} parses it with picocli and hands each command
 * ({@code ingest}, {@code reingest}, {@code follow}, {@code profile}, {@code build},
 * {@code mirror usb|ipfs|zim}, {@code verify}) to its feature package. This is the only place that
 * prints: summaries to stdout, progress and the one-line errors to stderr ({@code
 * Console}), and the only place that turns failures into the documented exit codes
 * ({@link samizdat.cli.ExitCodes}); {@code Locks} takes the folder locks around a
 * command.
 */
package samizdat.cli;
