/*
 * samizdat offline search, its pure half: the tokeniser, the query parser, shard keys, the
 * postings decoder, result snippets and tag suggestions, shared by search.js (which loads and
 * evaluates the index) and search-ui.js (the page). No DOM, no network: window.samizdatTerms holds what the others use.
 *
 * The tokeniser must agree exactly with samizdat.search.Tokenizer (Java); the shared test
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
  var WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
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

  // ---------------------------------------------------------------- snippets and tags (pure)

  function safeStart(text, i) {
    var c = text.charCodeAt(i);
    return c >= 0xDC00 && c <= 0xDFFF ? i + 1 : i;
  }

  function safeEnd(text, i) {
    var c = text.charCodeAt(i - 1);
    return i < text.length && c >= 0xD800 && c <= 0xDBFF ? i - 1 : i;
  }

  /**
   * Up to `count` fragments of `text` of about `size` characters, each a window around a match
   * (`ranges`, sorted) not shown by an earlier one, in text order, with the ranges shifted into
   * it; the first lines when nothing matches. Line breaks become spaces; a cut is marked "…".
   */
  function fragments(text, ranges, size, count) {
    text = text.replace(/\s+/g, ' ');
    var out = [];
    var covered = -1;
    for (var i = 0; i < Math.max(ranges.length, 1) && out.length < count; i++) {
      if (ranges.length && ranges[i][0] < covered) {
        continue;
      }
      // the first fragment starts at the beginning when its match fits there
      var start = out.length === 0 && (!ranges.length || ranges[i][1] <= size - 8) ? 0
        : safeStart(text, Math.max(0, ranges[i][0] - Math.floor(size / 3)));
      var end = safeEnd(text, Math.min(text.length, start + size));
      covered = end;
      var inside = ranges.filter(function (r) { return r[0] >= start && r[1] <= end; });
      var lead = start > 0 ? 1 : 0;
      out.push({
        text: (start > 0 ? '\u2026' : '') + text.slice(start, end) + (end < text.length ? '\u2026' : ''),
        ranges: inside.map(function (r) { return [r[0] - start + lead, r[1] - start + lead]; })
      });
    }
    return out;
  }

  /**
   * Tags sharing the most characters (CJK) or words (Latin) with the query, normalised the way
   * the index normalises (so 中國 finds 中国), most shared first, then most used.
   */
  function closestTags(tk, q, tags, limit) {
    var nq = tk.normalize ? tk.normalize(q) : q.toLowerCase();
    var chars = {};
    Array.from(nq.replace(/\s+/g, '')).forEach(function (c) { chars[c] = true; });
    var scored = [];
    tags.forEach(function (t) {
      var nt = tk.normalize ? tk.normalize(t[0]) : t[0].toLowerCase();
      var shared = 0;
      var seen = {};
      Array.from(nt.replace(/\s+/g, '')).forEach(function (c) {
        if (chars[c] && !seen[c]) {
          shared++;
          seen[c] = true;
        }
      });
      var whole = nt.length > 1 && (nq.indexOf(nt) >= 0 || nt.indexOf(nq) >= 0);
      if (whole || shared >= Math.min(2, Array.from(nt).length)) {
        scored.push([whole ? 1000 + shared : shared, t[2], t]);
      }
    });
    scored.sort(function (a, b) { return b[0] - a[0] || b[1] - a[1]; });
    return scored.slice(0, limit).map(function (s) { return s[2]; });
  }

  window.samizdatTerms = {
    Tokenizer: Tokenizer,
    isCjk: isCjk,
    units: units,
    shardKey: shardKey,
    shardHashKey: shardHashKey,
    shardsOf: shardsOf,
    hash: hash,
    decodePostings: decodePostings,
    fragments: fragments,
    closestTags: closestTags
  };
}());
