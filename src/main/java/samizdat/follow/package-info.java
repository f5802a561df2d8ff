/**
 * {@code samizdat follow}: keeps an archive current from the feeds (RSS 2.0, RSS 1.0/RDF, Atom,
 * JSON Feed), sitemaps and listing pages of the sites it follows. {@link samizdat.follow.Follower}
 * runs one pass: it reads each source, finds the article links it has not stored yet, and hands
 * them to {@link samizdat.ingest.Ingester}, exactly as {@code samizdat ingest URL} would. What it
 * has fetched, the sources' validators (ETag, Last-Modified) and the failures waiting for a retry
 * are remembered in {@code CONTENT/follow/state.json}, so a copied content folder carries them.
 * {@link samizdat.follow.FollowList} reads {@code CONTENT/follow.txt}. Everything else is
 * internal: reading a source and what it leads to, telling a feed from a sitemap from a listing
 * page, queueing and ingesting the new links, robots.txt and each host's pace, the state file and
 * its lock.
 */
package samizdat.follow;
