/**
 * Pages from the site model: each {@code PageRenderer} lists its pages (articles, lists, tags,
 * archive, feed, search index, static files), {@code Templates} and {@code MustachePage} fill the
 * Mustache templates, {@code MarkdownRenderer} turns article bodies into HTML, and {@code
 * OutputWriter} renders and writes only pages whose inputs changed, then removes files of pages
 * that no longer exist.
 */
package samizdat.site.render;
