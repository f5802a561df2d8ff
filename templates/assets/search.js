/*
 * samizdat offline search. Loads the index written by samizdat.search.SearchIndex as <script>
 * files (fetch/XHR of file:// is blocked; <script src> is not), on demand: the manifest and the
 * Traditional->Simplified map first, then for a query one term shard per segment per term and
 * the document-table chunks of the results shown.
 *
 * Safety: the result DOM is built with createElement/textContent only; no regular expression is
 * built from query text; no eval, no inline script (works under script-src 'self').
 *
 * The tokeniser below must agree exactly with samizdat.search.Tokenizer (Java); the shared test
 * vectors in src/test/resources/samizdat/search/tokenizer-vectors.json check that.
 */
(function () {
  'use strict';

  var MAX_WORD = 32;
  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var DIGIT = [];
  for (var a = 0; a < ALPHABET.length; a++) {
    DIGIT[ALPHABET.charCodeAt(a)] = a;
  }
  /** Newest segments searched first, up to this many documents, for a quick first result list. */
  var FIRST_WAVE_DOCS = 1000;
  /**
   * A one-character CJK query reads 8 shards a segment: its first wave is a tenth as large, and
   * the rest waits this long for more typing first.
   */
  var EXPENSIVE_DELAY_MS = 250;
  var WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
  var WEIGHT = [1.0, 1.5, 2.0, 3.0];
  var QUOTES = '"\u201c\u201d\u300c\u300d\u300e\u300f\uff02';

  // ---------------------------------------------------------------- tokeniser (pure)

  function isCjk(cp) {
    return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3005 && cp <= 0x3007) ||
      (cp >= 0x3040 && cp <= 0x30FA) || (cp >= 0x30FC && cp <= 0x30FF) ||
      (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0x31F0 && cp <= 0x31FF) ||
      (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
      (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0x20000 && cp <= 0x323AF);
  }

  function isWordChar(cp) {
    return WORD_CHAR.test(String.fromCodePoint(cp));
  }

  function cpLength(cp) {
    return cp > 0xFFFF ? 2 : 1;
  }

  /** Tokeniser bound to a Traditional->Simplified map given as a string of code point pairs. */
  function Tokenizer(t2sPairs) {
    var map = new Map();
    var cps = Array.from(t2sPairs || '');
    for (var i = 0; i + 1 < cps.length; i += 2) {
      map.set(cps[i].codePointAt(0), cps[i + 1]);
    }
    this.map = map;
  }

  Tokenizer.prototype.simplify = function (s) {
    if (this.map.size === 0) {
      return s;
    }
    var out = '';
    for (var i = 0; i < s.length;) {
      var cp = s.codePointAt(i);
      var len = cpLength(cp);
      var mapped = this.map.get(cp);
      out += mapped === undefined ? s.slice(i, i + len) : mapped;
      i += len;
    }
    return out;
  };

  Tokenizer.prototype.normalize = function (s) {
    return this.simplify(String(s).normalize('NFKC').toLowerCase());
  };

  /**
   * Normalises code point by code point, remembering where each normalised UTF-16 unit came
   * from, so matches in normalised text can be highlighted in the original.
   */
  Tokenizer.prototype.normalizeWithOffsets = function (s) {
    var text = '';
    var from = [];
    for (var i = 0; i < s.length;) {
      var cp = s.codePointAt(i);
      var len = cpLength(cp);
      var n = this.normalize(s.slice(i, i + len));
      for (var k = 0; k < n.length; k++) {
        from.push(i);
      }
      text += n;
      i += len;
    }
    from.push(s.length);
    return { text: text, from: from };
  };

  function units(n) {
    var out = [];
    var start = -1;
    var startCjk = false;
    var count = 0;
    for (var i = 0; i <= n.length;) {
      var cp = i < n.length ? n.codePointAt(i) : -1;
      var kind = cp < 0 ? 0 : isCjk(cp) ? 2 : isWordChar(cp) ? 1 : 0;
      if (start >= 0 && (kind === 0 || (kind === 2) !== startCjk)) {
        if (startCjk || count <= MAX_WORD) {
          out.push({ cjk: startCjk, text: n.slice(start, i) });
        }
        start = -1;
      }
      if (start < 0 && kind !== 0) {
        start = i;
        startCjk = kind === 2;
        count = 0;
      }
      count++;
      i += cp < 0 ? 1 : cpLength(cp);
    }
    return out;
  }

  function firstOf(u) {
    return u.cjk ? String.fromCodePoint(u.text.codePointAt(0)) : u.text;
  }

  function lastOf(u) {
    if (!u.cjk) {
      return u.text;
    }
    var cps = Array.from(u.text);
    return cps[cps.length - 1];
  }

  function bigrams(text) {
    var cps = Array.from(text);
    var out = [];
    for (var i = 0; i + 1 < cps.length; i++) {
      out.push(cps[i] + cps[i + 1]);
    }
    return { bigrams: out, last: cps[cps.length - 1], length: cps.length };
  }

  function unitTerms(u) {
    if (!u.cjk) {
      return [u.text];
    }
    var b = bigrams(u.text);
    return b.bigrams.concat([b.last]);
  }

  function hasPair(left, right) {
    return !left.cjk || !right.cjk;
  }

  function pair(left, right) {
    return lastOf(left) + ' ' + firstOf(right);
  }

  /** Every index term of text, in order: must equal Tokenizer.terms in Java. */
  Tokenizer.prototype.terms = function (text) {
    var out = [];
    var previous = null;
    units(this.normalize(text)).forEach(function (u) {
      if (previous !== null && hasPair(previous, u)) {
        out.push(pair(previous, u));
      }
      Array.prototype.push.apply(out, unitTerms(u));
      previous = u;
    });
    return out;
  };

  function shardKey(term) {
    var cp = term.codePointAt(0);
    if (isCjk(cp)) {
      return String.fromCodePoint(cp);
    }
    return Array.from(term).slice(0, 3).join('');
  }

  var CJK_BUCKETS = 8;

  function bucket(cp) {
    return Math.imul(cp, 0x9E3779B1 | 0) >>> 29;
  }

  /** Must equal Tokenizer.shardHashKey: what picks a term's shard (pair terms: all of it). */
  function shardHashKey(term) {
    if (term.indexOf(' ') >= 0) {
      return term;
    }
    var cp = term.codePointAt(0);
    if (!isCjk(cp)) {
      return shardKey(term);
    }
    var len = cpLength(cp);
    var next = len < term.length ? term.codePointAt(len) : 0;
    return term.slice(0, len) + String.fromCharCode(48 + bucket(next));
  }

  /** The shards a requirement reads: one, or for a one-character CJK prefix, one per bucket. */
  function shardsOf(req, shards) {
    if (req.prefix && isCjk(req.term.codePointAt(0))) {
      var out = {};
      var first = String.fromCodePoint(req.term.codePointAt(0));
      for (var b = 0; b < CJK_BUCKETS; b++) {
        out[hash(first + String.fromCharCode(48 + b)) & (shards - 1)] = true;
      }
      return Object.keys(out).map(Number);
    }
    return [hash(shardHashKey(req.term)) & (shards - 1)];
  }

  function hash(s) {
    var h = 0x811c9dc5 | 0;
    for (var i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h;
  }

  /**
   * Decodes a postings string into parallel typed arrays of document numbers and weights
   * (0-3). Each posting is one number (gap << 2 | weight) in 5-bit digits, low digits first;
   * digits 32-63 continue a number.
   */
  function decodePostings(s) {
    var docs = new Int32Array(s.length);
    var weights = new Uint8Array(s.length);
    var n = 0;
    var last = -1;
    var value = 0;
    var scale = 1;
    for (var i = 0; i < s.length; i++) {
      var d = DIGIT[s.charCodeAt(i)];
      if (d === undefined) {
        throw new Error('corrupt postings');
      }
      if (d >= 32) {
        value += (d - 32) * scale;
        scale *= 32;
      } else {
        value += d * scale;
        last = last + 1 + Math.floor(value / 4);
        docs[n] = last;
        weights[n] = value % 4;
        n++;
        value = 0;
        scale = 1;
      }
    }
    return { docs: docs.subarray(0, n), weights: weights.subarray(0, n) };
  }

  // ---------------------------------------------------------------- query parser (pure)

  /**
   * Parses a query into requirements, each {term, prefix, negate, phrase}: a document matches
   * when it has every non-negated requirement (a term, or any term starting with the prefix) and
   * none of the negated ones. Words in "quotes" (or 「」, “”) form a phrase: adjacency across words
   * and scripts is required through pair terms, inside CJK runs through overlapping bigrams.
   * Also returns the normalised needles to highlight.
   */
  Tokenizer.prototype.parseQuery = function (raw) {
    var parts = [];
    var buf = '';
    var inQuote = false;
    var s = String(raw);
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i);
      if (QUOTES.indexOf(c) >= 0) {
        if (buf.trim()) {
          parts.push({ text: buf, phrase: inQuote });
        }
        buf = '';
        inQuote = !inQuote;
      } else {
        buf += c;
      }
    }
    if (buf.trim()) {
      parts.push({ text: buf, phrase: inQuote });
    }
    var trailingSpace = /\s$/.test(s);
    var reqs = [];
    var needles = [];
    var seen = {};
    var self = this;
    function add(term, prefix, negate, phrase) {
      var key = (negate ? '-' : '+') + (prefix ? '*' : '=') + term;
      if (!seen[key]) {
        seen[key] = true;
        reqs.push({ term: term, prefix: prefix, negate: negate, phrase: phrase });
      }
    }
    parts.forEach(function (part, partIndex) {
      if (part.phrase) {
        var us = units(self.normalize(part.text));
        us.forEach(function (u, k) {
          if (k > 0 && hasPair(us[k - 1], u)) {
            add(pair(us[k - 1], u), false, false, true);
          }
          self.unitRequirements(u, false).forEach(function (r) {
            add(r.term, r.prefix, false, true);
          });
        });
        var n = self.normalize(part.text).trim();
        if (n) {
          needles.push({ text: n, prefix: true });
        }
        us.forEach(function (u) {
          needles.push({ text: u.text, prefix: u.cjk });
        });
        return;
      }
      var words = part.text.split(/\s+/).filter(Boolean);
      words.forEach(function (word, w) {
        var negate = word.length > 1 && (word.charAt(0) === '-' || word.charAt(0) === '\u2212');
        var body = negate ? word.slice(1) : word;
        var isLast = partIndex === parts.length - 1 && w === words.length - 1 && !trailingSpace;
        var us = units(self.normalize(body));
        us.forEach(function (u, k) {
          var typing = isLast && !negate && k === us.length - 1;
          self.unitRequirements(u, typing).forEach(function (r) {
            add(r.term, r.prefix, negate, false);
          });
          if (!negate) {
            needles.push({ text: u.text, prefix: u.cjk || typing });
          }
        });
      });
    });
    return { requirements: reqs, needles: needles };
  };

  /**
   * Requirements for one query unit: a word (matched as a prefix while being typed, from three
   * characters on), a single CJK character (any term starting with it), or a CJK run's bigrams.
   */
  Tokenizer.prototype.unitRequirements = function (u, typing) {
    if (!u.cjk) {
      return [{ term: u.text, prefix: typing && Array.from(u.text).length >= 3 }];
    }
    var b = bigrams(u.text);
    if (b.length === 1) {
      return [{ term: u.text, prefix: true }];
    }
    return b.bigrams.map(function (t) {
      return { term: t, prefix: false };
    });
  };

  /**
   * Ranges [start, end) of the original text to highlight for these needles, matched in
   * normalised text with indexOf (never a regular expression built from the query). Word
   * needles match at word boundaries (a prefix needle may end inside a word).
   */
  Tokenizer.prototype.highlightRanges = function (original, needles) {
    var norm = this.normalizeWithOffsets(original);
    var text = norm.text;
    var marks = [];
    needles.forEach(function (needle) {
      var n = needle.text;
      if (!n) {
        return;
      }
      var wordy = !isCjk(n.codePointAt(0));
      for (var at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + 1)) {
        var end = at + n.length;
        if (wordy) {
          var before = at > 0 ? text.codePointAt(at - 1) : -1;
          if (at > 0 && text.charCodeAt(at - 1) >= 0xDC00 && text.charCodeAt(at - 1) <= 0xDFFF && at > 1) {
            before = text.codePointAt(at - 2);
          }
          var after = end < text.length ? text.codePointAt(end) : -1;
          if ((before >= 0 && isWordChar(before) && !isCjk(before)) ||
              (!needle.prefix && after >= 0 && isWordChar(after) && !isCjk(after))) {
            continue;
          }
        }
        marks.push([norm.from[at], norm.from[end] !== undefined ? norm.from[end] : original.length]);
      }
    });
    marks.sort(function (x, y) {
      return x[0] - y[0] || y[1] - x[1];
    });
    var merged = [];
    marks.forEach(function (m) {
      var top = merged[merged.length - 1];
      if (top && m[0] <= top[1]) {
        top[1] = Math.max(top[1], m[1]);
      } else {
        merged.push([m[0], Math.max(m[1], m[0] + 1)]);
      }
    });
    return merged;
  };

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
    core: {
      Tokenizer: Tokenizer,
      units: units,
      shardKey: shardKey,
      shardHashKey: shardHashKey,
      hash: hash,
      decodePostings: decodePostings
    },
    index: index
  };

  // The page itself (form, results, snippets) is search-ui.js, loaded after this file.
  window.samizdatSearch.base = base;
}());
