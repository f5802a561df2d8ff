/**
 * Offline full-text search: turns {@link samizdat.search.SearchDocument}s into static JavaScript
 * index files (segments of term shards and document tables) that {@code templates/assets/search.js}
 * loads on demand with {@code <script>} tags, so search works from {@code file://}, a USB stick and
 * IPFS gateways. The tokeniser here and the one in search-terms.js must agree exactly.
 */
package samizdat.search;
