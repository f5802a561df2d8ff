/*
 * samizdat offline search. Loads the index written by samizdat.search.SearchIndex as <script>
 * files (fetch/XHR of file:// is blocked; <script src> is not), on demand: the manifest and the
 * Traditional->Simplified map first, then for a query one term shard per segment per term and
 * the document-table chunks of the results shown.
 *
 * Safety: the result DOM is built with createElement/textContent only; no regular expression is
 * built from query text; no eval, no inline script (works under script-src 'self').
 *
 * The tokeniser, query parser and postings decoder are search-terms.js, loaded before this file.
 */
(function () {
  'use strict';

  var terms = window.samizdatTerms;
  var Tokenizer = terms.Tokenizer;
  var isCjk = terms.isCjk;
  var shardKey = terms.shardKey;
  var shardsOf = terms.shardsOf;
  var decodePostings = terms.decodePostings;
  /** Newest segments searched first, up to this many documents, for a quick first result list. */
  var FIRST_WAVE_DOCS = 1000;
  /**
   * A one-character CJK query reads 8 shards a segment: its first wave is a tenth as large, and
   * the rest waits this long for more typing first.
   */
  var EXPENSIVE_DELAY_MS = 250;
  var WEIGHT = [1.0, 1.5, 2.0, 3.0];

  // ---------------------------------------------------------------- index loading

  function Index(base, doc) {
    this.base = base;
    this.doc = doc;
    this.manifestData = null;
    this.tokenizer = null;
    this.shards = {};
    this.chunks = {};
    this.pending = {};
    this.loaded = [];
    this.decoded = {};
  }

  Index.prototype.load = function (path) {
    var self = this;
    if (!this.pending[path]) {
      this.pending[path] = new Promise(function (resolve) {
        var el = self.doc.createElement('script');
        el.src = self.base + path;
        el.async = true;
        el.onload = function () {
          self.loaded.push(path);
          resolve(true);
        };
        el.onerror = function () {
          resolve(false);
        };
        self.doc.head.appendChild(el);
      });
    }
    return this.pending[path];
  };

  Index.prototype.start = function () {
    var self = this;
    if (!this.ready) {
      this.ready = Promise.all([this.load('search/manifest.js'), this.load('search/t2s.js')])
        .then(function (ok) {
          if (!ok[0] || !self.manifestData) {
            throw new Error('The search index is missing (search/manifest.js did not load).');
          }
          if (!self.tokenizer) {
            self.tokenizer = new Tokenizer('');
          }
          return self;
        });
    }
    return this.ready;
  };

  Index.prototype.shardPath = function (segment, n) {
    return 'search/' + segment + '/t' + Math.floor(n / this.manifestData.dir) + '/' + n + '.js';
  };

  Index.prototype.chunkPath = function (segment, c) {
    return 'search/' + segment + '/d' + Math.floor(c / this.manifestData.dir) + '/' + c + '.js';
  };


  /**
   * Postings of a requirement in one segment: {docs: Int32Array (ascending), w: Float32Array
   * (weight factor), size}; a prefix requirement takes each document's best matching term.
   * Decoded once and kept while the page lives (typing a longer word reuses them).
   */
  Index.prototype.postings = function (segment, req) {
    var key = segment.id + '\u0000' + (req.prefix ? '*' : '=') + req.term;
    if (this.decoded[key]) {
      return this.decoded[key];
    }
    var self = this;
    var parts = [];
    var skey = shardKey(req.term);
    var rest = req.term.slice(skey.length);
    var cjk = isCjk(req.term.codePointAt(0));
    shardsOf(req, segment.shards).forEach(function (n) {
      var shard = self.shards[segment.id + '/' + n] || {};
      var group = Object.prototype.hasOwnProperty.call(shard, skey) ? shard[skey] : '';
      // Entries are "suffix,postings;" with suffix = term minus the shard key (see SearchIndex).
      for (var at = 0; at < group.length;) {
        var comma = group.indexOf(',', at);
        var semi = group.indexOf(';', comma);
        if (comma - at === rest.length && group.startsWith(rest, at)) {
          parts.push({ p: decodePostings(group.slice(comma + 1, semi)), factor: 1 });
          if (!req.prefix) {
            break;
          }
        } else if (req.prefix && group.startsWith(rest, at)) {
          // Pair terms live in other shards (see shardHashKey); a CJK character's own term (a
          // run's last character) and its bigrams cover every occurrence.
          if (group.slice(at, comma).indexOf(' ') < 0) {
            parts.push({ p: decodePostings(group.slice(comma + 1, semi)), factor: cjk ? 1 : 0.6 });
          }
        }
        at = semi + 1;
      }
    });
    var result;
    if (parts.length === 1) {
      var p = parts[0].p;
      var w = new Float32Array(p.docs.length);
      for (var i = 0; i < w.length; i++) {
        w[i] = WEIGHT[p.weights[i]] * parts[0].factor;
      }
      result = { docs: p.docs, w: w, size: p.docs.length };
    } else {
      // Several terms (a prefix): best weight per document, through a dense array.
      var best = new Float32Array(segment.docs);
      var count = 0;
      parts.forEach(function (part) {
        for (var k = 0; k < part.p.docs.length; k++) {
          var d = part.p.docs[k];
          var v = WEIGHT[part.p.weights[k]] * part.factor;
          if (best[d] === 0) {
            count++;
          }
          if (best[d] < v) {
            best[d] = v;
          }
        }
      });
      var docs = new Int32Array(count);
      var ws = new Float32Array(count);
      for (var d2 = 0, j = 0; d2 < best.length; d2++) {
        if (best[d2] > 0) {
          docs[j] = d2;
          ws[j++] = best[d2];
        }
      }
      result = { docs: docs, w: ws, size: count, dense: best };
    }
    this.decoded[key] = result;
    return result;
  };

  /** A requirement's weights by document number in a segment (0: absent). */
  function denseOf(p, size) {
    if (!p.dense) {
      p.dense = new Float32Array(size);
      for (var i = 0; i < p.size; i++) {
        p.dense[p.docs[i]] = p.w[i];
      }
    }
    return p.dense;
  }

  /** The year of document doc of a segment (from the manifest's year runs; 0: undated), or ''. */
  function yearOf(seg, doc) {
    var years = seg.years || [];
    var year = '';
    for (var i = 0; i < years.length && years[i][1] <= doc; i++) {
      year = years[i][0] ? String(years[i][0]) : '';
    }
    return year;
  }

  /** Loads the shards these requirements need in these segments. */
  Index.prototype.loadShards = function (segments, reqs) {
    var self = this;
    var loads = [];
    segments.forEach(function (seg) {
      var wanted = {};
      reqs.forEach(function (r) {
        shardsOf(r, seg.shards).forEach(function (n) {
          wanted[n] = true;
        });
      });
      Object.keys(wanted).forEach(function (n) {
        loads.push(self.load(self.shardPath(seg.id, Number(n))));
      });
    });
    return Promise.all(loads);
  };

  /**
   * Runs a query. options: {sort: 'relevance'|'newest', year: '2024'|'', tag: '', isCurrent:
   * function () -> false once the reader has typed on}. The newest segments (about
   * FIRST_WAVE_DOCS documents) are searched first and handed to onPartial (when given) with
   * partial: true, so a first result list shows while older segments load; then, once the
   * promise onPartial returns has settled, every segment.
   * Resolves to {total, hits: [{segment, doc, score}], years: {year: count}, needles, empty,
   * partial: false}, or null when isCurrent said the query was abandoned.
   */
  Index.prototype.search = function (raw, options, onPartial) {
    var self = this;
    options = options || {};
    return this.start().then(function () {
      var parsed = self.tokenizer.parseQuery(raw);
      var reqs = parsed.requirements.slice();
      var positive = reqs.filter(function (r) { return !r.negate; });
      if (positive.length === 0) {
        return { total: 0, hits: [], years: {}, needles: [], empty: true, partial: false };
      }
      if (options.tag) {
        reqs.push({ term: '#' + self.tokenizer.normalize(options.tag).trim(), prefix: false, negate: false, filter: true });
      }
      var segments = self.manifestData.segments;
      var expensive = reqs.some(function (r) { return r.prefix && isCjk(r.term.codePointAt(0)); });
      var wave = expensive ? FIRST_WAVE_DOCS / 10 : FIRST_WAVE_DOCS;
      var first = [];
      var docs = 0;
      while (first.length < segments.length && (first.length === 0 || docs < wave)) {
        docs += segments[first.length].docs;
        first.push(segments[first.length]);
      }
      var current = options.isCurrent || function () { return true; };
      return self.loadShards(first, reqs).then(function () {
        if (first.length === segments.length) {
          return self.evaluate(reqs, parsed.needles, options, segments, false);
        }
        // The older segments load once the first list is shown: their scripts would otherwise
        // queue ahead of the first list's document chunks.
        var shown = onPartial ? onPartial(self.evaluate(reqs, parsed.needles, options, first, true)) : null;
        return Promise.resolve(shown).then(function () {
          return new Promise(function (resolve) {
            setTimeout(resolve, expensive ? EXPENSIVE_DELAY_MS : 0);
          });
        }).then(function () {
          if (!current()) {
            return null;
          }
          return self.loadShards(segments.slice(first.length), reqs).then(function () {
            return current() ? self.evaluate(reqs, parsed.needles, options, segments, false) : null;
          });
        });
      });
    });
  };

  Index.prototype.evaluate = function (reqs, needles, options, segments, partial) {
    var self = this;
    var total = 0;
    var df = reqs.map(function () { return 0; });
    var perSegment = segments.map(function (seg) {
      total += seg.docs;
      return reqs.map(function (r, i) {
        var p = self.postings(seg, r);
        df[i] += p.size;
        return p;
      });
    });
    var idf = df.map(function (n) {
      return Math.log(1 + (total - n + 0.5) / (n + 0.5));
    });
    var hits = [];
    var years = {};
    segments.forEach(function (seg, s) {
      var lists = perSegment[s];
      var order = reqs.map(function (r, i) { return i; })
        .filter(function (i) { return !reqs[i].negate; })
        .sort(function (x, y) { return lists[x].size - lists[y].size; });
      var lead = order[0];
      var shortest = lists[lead];
      if (shortest.size === 0) {
        return;
      }
      var others = [];
      for (var k = 0; k < reqs.length; k++) {
        if (k !== lead) {
          others.push({ dense: denseOf(lists[k], seg.docs), negate: reqs[k].negate,
            factor: reqs[k].filter ? 0 : idf[k] * (reqs[k].phrase ? 1.2 : 1) });
        }
      }
      var leadFactor = reqs[lead].filter ? 0 : idf[lead] * (reqs[lead].phrase ? 1.2 : 1);
      var segHits = [];
      for (var i = 0; i < shortest.size; i++) {
        var doc = shortest.docs[i];
        var score = shortest.w[i] * leadFactor;
        var ok = true;
        for (var o = 0; o < others.length; o++) {
          var has = others[o].dense[doc];
          if (others[o].negate ? has > 0 : has === 0) {
            ok = false;
            break;
          }
          score += has * others[o].factor;
        }
        if (ok) {
          segHits.push({ segment: seg, doc: doc, score: score });
        }
      }
      // Newest first inside the segment; count hits per year.
      segHits.reverse();
      var kept = segHits;
      if (seg.years && seg.years.length) {
        kept = [];
        segHits.forEach(function (h) {
          var y = yearOf(seg, h.doc);
          years[y] = (years[y] || 0) + 1;
          if (!options.year || String(options.year) === y) {
            kept.push(h);
          }
        });
      } else if (segHits.length) {
        years[''] = (years[''] || 0) + segHits.length;
        if (options.year) {
          kept = [];
        }
      }
      Array.prototype.push.apply(hits, kept);
    });
    if (options.sort !== 'newest') {
      hits.forEach(function (h, i) { h.rank = i; });
      hits.sort(function (x, y) { return y.score - x.score || x.rank - y.rank; });
    }
    return { total: hits.length, hits: hits, years: years, needles: needles, empty: false, partial: partial };
  };

  /** Loads the document-table chunks of these hits; resolves to their rows {title, date, tags, href, excerpt}. */
  Index.prototype.describe = function (hits) {
    var self = this;
    var chunk = this.manifestData.chunk;
    var paths = {};
    hits.forEach(function (h) {
      paths[self.chunkPath(h.segment.id, Math.floor(h.doc / chunk))] = true;
    });
    return Promise.all(Object.keys(paths).map(function (p) { return self.load(p); })).then(function () {
      return hits.map(function (h) {
        var rows = self.chunks[h.segment.id + '/' + Math.floor(h.doc / chunk)] || [];
        var row = rows[h.doc % chunk];
        if (!row) {
          return null;
        }
        return { title: row[0], date: row[1], tags: row[2], href: row[3], excerpt: row[4], score: h.score };
      });
    });
  };

  // ---------------------------------------------------------------- wiring

  var script = document.currentScript;
  var base = script ? new URL('../', script.src).href : '';
  var index = new Index(base, document);

  window.samizdatSearch = {
    manifest: function (m) {
      index.manifestData = m;
    },
    t2s: function (pairs) {
      index.tokenizer = new Tokenizer(pairs);
    },
    shard: function (segment, n, terms) {
      index.shards[segment + '/' + n] = terms;
    },
    docs: function (segment, c, rows) {
      index.chunks[segment + '/' + c] = rows;
    },
    /** For tests and benchmarks: the pure parts and the loaded index. */
    core: terms,
    index: index
  };

  // The page itself (form, results, snippets) is search-ui.js, loaded after this file.
  window.samizdatSearch.base = base;
}());
