package samizdat.mirror;

/**
 * One file of a mirrored copy.
 *
 * @param path relative path with '/' separators, as in the site
 * @param size length in bytes
 * @param sha256 lowercase hex SHA-256 of the content
 */
public record ManifestEntry(String path, long size, String sha256) {}
