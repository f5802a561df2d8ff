/*
 * samizdat search page: the form, the result list, snippets and suggestions. search.js (loaded
 * first) holds the index and the tokeniser and exposes them as window.samizdatSearch; this file
 * only draws. Plain scripts, no modules: it must run from file://.
 *
 * Snippets: the index keeps the first lines of each article; for the results on screen the page
 * also loads each article's whole text (<article>.text.js beside the article page, written by the
 * site build) and cuts up to two fragments around the words found. Until that text has loaded, or
 * when it cannot be, the snippet comes from the first lines.
 *
 * Labels come from data-l-* attributes of #search-app (the site's --lang); English when absent.
 * Safety: the DOM is built with createElement/textContent only.
 */
(function () {
  'use strict';

  var PAGE_SIZE = 10;
  var SNIPPET = 72;
  var FRAGMENTS = 2;
  var search = window.samizdatSearch;
  var terms = window.samizdatTerms;
  var DEFAULTS = {
    results: '{n} results', result: '1 result',
    soFar: '{n}+ results so far, searching older articles\u2026',
    none: 'No results for \u201c{q}\u201d.', 'try': 'Try:', fewer: 'fewer words', closeTags: 'tags',
    typeWord: 'Type a word to search: Chinese, Latin letters or digits.', failed: 'Search failed:',
    tag: 'Tag:', removeTag: 'Remove this filter', onlyTag: 'Only results tagged {tag}',
    prev: '\u2190 Previous', next: 'Next \u2192', allYears: 'All years', allTags: 'All tags',
    byDate: 'By date'
  };

  function labels(app) {
    var out = {};
    Object.keys(DEFAULTS).forEach(function (k) {
      var attr = 'data-l-' + k.replace(/[A-Z]/g, function (c) { return '-' + c.toLowerCase(); });
      var v = app.getAttribute(attr);
      out[k] = v ? v : DEFAULTS[k];
    });
    return out;
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) {
      return Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : m;
    });
  }

  function el(doc, name, className, text) {
    var e = doc.createElement(name);
    if (className) {
      e.className = className;
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  /** Appends text to parent with the given ranges wrapped in <mark>. */
  function appendHighlighted(doc, parent, text, ranges) {
    var at = 0;
    ranges.forEach(function (r) {
      if (r[0] > at) {
        parent.appendChild(doc.createTextNode(text.slice(at, r[0])));
      }
      parent.appendChild(el(doc, 'mark', '', text.slice(r[0], r[1])));
      at = r[1];
    });
    if (at < text.length) {
      parent.appendChild(doc.createTextNode(text.slice(at)));
    }
  }

  // The whole texts of articles (<article>.text.js calls samizdatText(id, text)).
  var texts = {};
  window.samizdatText = function (id, text) {
    texts[id] = text;
  };
  var tagList = null;
  window.samizdatTags = function (tags) {
    tagList = tags;
  };

  function App(doc, win, index, root) {
    this.doc = doc;
    this.win = win;
    this.index = index;
    this.root = root;
    this.seq = 0;
    this.state = { q: '', sort: 'relevance', year: '', tag: '', page: 1 };
  }

  App.prototype.readUrl = function () {
    var p = new URLSearchParams(this.win.location.search);
    this.state.q = p.get('q') || '';
    this.state.sort = p.get('sort') === 'newest' ? 'newest' : 'relevance';
    this.state.year = /^\d{1,4}$/.test(p.get('year') || '') ? p.get('year') : '';
    this.state.tag = p.get('tag') || '';
    var page = parseInt(p.get('page') || '1', 10);
    this.state.page = page > 0 ? page : 1;
  };

  App.prototype.writeUrl = function () {
    var qs = this.query(this.state);
    try {
      this.win.history.replaceState(null, '', qs ? '?' + qs : this.win.location.pathname);
    } catch (e) {
      // Some browsers refuse replaceState on file:// URLs; the search still works.
    }
  };

  /** The query string of a search state. */
  App.prototype.query = function (st) {
    var p = new URLSearchParams();
    if (st.q) {
      p.set('q', st.q);
    }
    if (st.sort === 'newest') {
      p.set('sort', 'newest');
    }
    if (st.year) {
      p.set('year', st.year);
    }
    if (st.tag) {
      p.set('tag', st.tag);
    }
    if (st.page > 1) {
      p.set('page', String(st.page));
    }
    return p.toString();
  };

  App.prototype.init = function () {
    var self = this;
    var d = this.doc;
    var app = d.getElementById('search-app');
    this.L = labels(app);
    // The site build writes article texts and the tag list; a page without them does without.
    this.hasTexts = app.getAttribute('data-texts') === 'true';
    this.hasTags = app.getAttribute('data-tag-list') === 'true';
    this.input = d.getElementById('search-q');
    this.sortSelect = d.getElementById('search-sort');
    this.yearSelect = d.getElementById('search-year');
    this.tagBox = d.getElementById('search-tag');
    this.status = d.getElementById('search-status');
    this.suggest = d.getElementById('search-suggest') || el(d, 'div');
    this.list = d.getElementById('search-results');
    this.pager = d.getElementById('search-pages');
    this.facets = d.getElementById('search-facets');
    app.hidden = false;
    this.readUrl();
    this.input.value = this.state.q;
    this.sortSelect.value = this.state.sort;
    var header = d.querySelector('.site-header input[name="q"]');
    if (header) {
      header.value = this.state.q;
    }
    d.getElementById('search-form').addEventListener('submit', function (e) {
      e.preventDefault();
      self.update({ q: self.input.value, page: 1 });
    });
    // Search as the reader types, but not on the Latin letters of an unfinished IME composition
    // (pinyin); compositionend delivers the characters.
    this.input.addEventListener('input', function (e) {
      if (!e.isComposing) {
        self.typed();
      }
    });
    this.input.addEventListener('compositionend', function () {
      self.typed();
    });
    this.sortSelect.addEventListener('change', function () {
      self.update({ sort: self.sortSelect.value, page: 1 });
    });
    this.yearSelect.addEventListener('change', function () {
      self.update({ year: self.yearSelect.value, page: 1 });
    });
    this.index.start().then(function (index) {
      var years = {};
      index.manifestData.segments.forEach(function (s) {
        (s.years || []).forEach(function (y) {
          if (y[0]) {
            years[y[0]] = true;
          }
        });
      });
      Object.keys(years).sort().reverse().forEach(function (y) {
        self.yearSelect.appendChild(el(d, 'option', '', y)).value = y;
      });
      self.yearSelect.value = self.state.year;
      self.run();
    }, function (err) {
      self.status.textContent = err.message;
    });
  };

  App.prototype.update = function (change) {
    Object.keys(change).forEach(function (k) {
      this.state[k] = change[k];
    }, this);
    if (change.q !== undefined) {
      this.input.value = this.state.q;
    }
    this.writeUrl();
    this.run();
  };

  /**
   * A keystroke. The first one searches at once; keystrokes that arrive while a search has not
   * shown its first result list yet only mark the query dirty, and the newest query runs as soon
   * as that list is shown. So fast typing costs at most one search in flight, and no fixed
   * debounce delay sits between typing and the first results.
   */
  App.prototype.typed = function () {
    this.state.q = this.input.value;
    this.state.page = 1;
    this.writeUrl();
    if (this.busy) {
      this.again = true;
    } else {
      this.run();
    }
  };

  /** The current search has shown something (or failed): run the query typed meanwhile, if any. */
  App.prototype.idle = function (seq) {
    if (seq !== this.seq || !this.busy) {
      return;
    }
    this.busy = false;
    if (this.again) {
      this.again = false;
      this.run();
    }
  };

  App.prototype.run = function () {
    var self = this;
    var seq = ++this.seq;
    var st = this.state;
    // The query this run searches: keystrokes during the run change this.state.q (the next run's).
    var q = st.q;
    this.again = false;
    this.renderTagFilter();
    this.suggest.textContent = '';
    if (!q.trim()) {
      this.busy = false;
      this.clear('', q);
      return Promise.resolve();
    }
    this.busy = true;
    var started = Date.now();
    var finished = false;
    var show = function (r) {
      var pages = Math.max(1, Math.ceil(r.total / PAGE_SIZE));
      var page = Math.min(st.page, pages);
      var shown = r.hits.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
      return self.index.describe(shown).then(function (rows) {
        if (seq !== self.seq || (r.partial && finished)) {
          return;
        }
        self.render(r, rows, page, r.partial ? pages + 1 : pages, Date.now() - started, q);
        if (!r.partial) {
          self.loadTexts(rows, r.needles, seq);
          if (r.total === 0) {
            self.suggestions(seq, q);
          }
        }
        self.idle(seq);
      });
    };
    var options = {
      sort: st.sort, year: st.year, tag: st.tag,
      isCurrent: function () { return seq === self.seq; }
    };
    return this.index.search(q, options, function (partial) {
      // The newest articles' results, shown while older segments load; an empty partial list
      // would only flash "no results", so it waits for the rest.
      if (seq === self.seq && partial.total > 0) {
        return show(partial).catch(function () {});
      }
      return null;
    }).then(function (r) {
      if (r === null || seq !== self.seq) {
        return null;
      }
      finished = true;
      if (r.empty) {
        self.clear(self.L.typeWord, q);
        self.idle(seq);
        return null;
      }
      return show(r);
    }).catch(function (err) {
      if (seq === self.seq) {
        self.clear(self.L.failed + ' ' + err.message, q);
        self.idle(seq);
      }
    });
  };

  App.prototype.clear = function (message, q) {
    this.status.textContent = message;
    this.list.textContent = '';
    this.pager.textContent = '';
    this.facets.textContent = '';
    this.doc.body.setAttribute('data-search-state', 'idle');
    this.doc.body.setAttribute('data-search-query', q);
  };

  App.prototype.renderTagFilter = function () {
    var self = this;
    var d = this.doc;
    this.tagBox.textContent = '';
    if (!this.state.tag) {
      return;
    }
    this.tagBox.appendChild(d.createTextNode(this.L.tag + ' '));
    var chip = el(d, 'button', 'search-chip', this.state.tag + ' \u00d7');
    chip.type = 'button';
    chip.title = this.L.removeTag;
    chip.addEventListener('click', function () {
      self.update({ tag: '', page: 1 });
    });
    this.tagBox.appendChild(chip);
  };

  App.prototype.render = function (r, rows, page, pages, ms, q) {
    var self = this;
    var d = this.doc;
    var tk = this.index.tokenizer;
    if (r.partial) {
      this.status.textContent = fill(this.L.soFar, { n: r.total });
    } else {
      this.status.textContent = r.total === 0 ? fill(this.L.none, { q: q })
        : (r.total === 1 ? this.L.result : fill(this.L.results, { n: r.total })) + ' (' + ms + ' ms)';
    }
    this.list.textContent = '';
    rows.forEach(function (row) {
      if (!row) {
        return;
      }
      var li = el(d, 'li', 'search-result');
      var h = el(d, 'h2', 'search-title');
      var a = el(d, 'a');
      a.href = self.root + row.href;
      appendHighlighted(d, a, row.title, tk.highlightRanges(row.title, r.needles));
      h.appendChild(a);
      li.appendChild(h);
      var meta = el(d, 'p', 'search-meta');
      if (row.date) {
        var time = el(d, 'time', '', row.date);
        time.dateTime = row.date;
        meta.appendChild(time);
      }
      row.tags.forEach(function (tag) {
        var ranges = tk.highlightRanges(tag, r.needles);
        var b = el(d, 'button', 'search-chip' + (ranges.length ? ' search-chip-hit' : ''));
        appendHighlighted(d, b, tag, ranges);
        b.type = 'button';
        b.title = fill(self.L.onlyTag, { tag: tag });
        b.addEventListener('click', function () {
          self.update({ tag: tag, page: 1 });
        });
        meta.appendChild(b);
      });
      li.appendChild(meta);
      var p = el(d, 'p', 'search-snippet');
      self.drawSnippet(p, row.excerpt, r.needles);
      li.appendChild(p);
      li.samizdatRow = row;
      self.list.appendChild(li);
    });
    this.renderYears(r.years);
    this.renderPager(page, pages);
    if (r.partial) {
      d.body.setAttribute('data-search-state', 'partial');
    } else {
      d.body.setAttribute('data-search-state', 'done');
      d.body.setAttribute('data-search-query', q);
    }
  };

  App.prototype.drawSnippet = function (p, text, needles) {
    var d = this.doc;
    var tk = this.index.tokenizer;
    p.textContent = '';
    var parts = terms.fragments(text, tk.highlightRanges(text.replace(/\s+/g, ' '), needles), SNIPPET, FRAGMENTS);
    parts.forEach(function (part, i) {
      if (i > 0) {
        p.appendChild(d.createTextNode(' '));
      }
      appendHighlighted(d, p, part.text, part.ranges);
    });
  };

  /** Loads the whole texts of the results shown and redraws their snippets from them. */
  App.prototype.loadTexts = function (rows, needles, seq) {
    var self = this;
    var items = Array.prototype.slice.call(this.list.children);
    var loads = items.map(function (li) {
      var row = li.samizdatRow;
      if (!row || !self.hasTexts || !/\.html$/.test(row.href)) {
        return Promise.resolve();
      }
      var path = row.href.replace(/\.html$/, '.text.js');
      return self.index.load(path).then(function () {
        var id = path.replace(/^.*\//, '').replace(/\.text\.js$/, '');
        if (seq === self.seq && typeof texts[id] === 'string') {
          self.drawSnippet(li.querySelector('.search-snippet'), texts[id], needles);
        }
      });
    });
    return Promise.all(loads).then(function () {
      if (seq === self.seq) {
        self.doc.body.setAttribute('data-snippets', 'full');
      }
    });
  };

  /**
   * Nothing found: offer the query with one word left out (those that find something) and the
   * tags closest to the words typed (from tags/tags.js, loaded only now).
   */
  App.prototype.suggestions = function (seq, q) {
    var self = this;
    var d = this.doc;
    var words = q.trim().split(/\s+/).filter(function (w) { return w; });
    var tries = [];
    if (words.length > 1) {
      words.forEach(function (w, i) {
        var rest = words.slice(0, i).concat(words.slice(i + 1)).join(' ');
        tries.push(self.index.search(rest, { sort: 'relevance', year: self.state.year, tag: self.state.tag,
          isCurrent: function () { return seq === self.seq; } }, function () { return null; })
          .then(function (r) { return r && r.total > 0 ? { q: rest, n: r.total } : null; }, function () { return null; }));
      });
    }
    var tagsLoaded = tagList === null && this.hasTags ? this.index.load('tags/tags.js') : Promise.resolve();
    Promise.all([Promise.all(tries), tagsLoaded]).then(function (got) {
      if (seq !== self.seq) {
        return;
      }
      var fewer = got[0].filter(function (x) { return x; });
      var close = terms.closestTags(self.index.tokenizer, q, tagList || [], 8);
      self.suggest.textContent = '';
      self.suggest.appendChild(el(d, 'span', 'search-suggest-label', self.L['try'] + ' '));
      if (!fewer.length && !close.length) {
        // nothing close: the ways to browse
        [[self.L.allTags, 'tags/index.html'], [self.L.byDate, 'archive/index.html']].forEach(function (b) {
          var a = el(d, 'a', 'search-suggest-browse', b[0]);
          a.href = self.root + b[1];
          self.suggest.appendChild(a);
        });
        d.body.setAttribute('data-suggestions', '0');
        return;
      }
      fewer.forEach(function (f) {
        var a = el(d, 'a', 'search-suggest-query', f.q);
        a.href = '?' + self.query({ q: f.q, sort: self.state.sort, year: self.state.year, tag: self.state.tag, page: 1 });
        a.title = self.L.fewer;
        a.addEventListener('click', function (e) {
          e.preventDefault();
          self.update({ q: f.q, page: 1 });
        });
        self.suggest.appendChild(a);
        self.suggest.appendChild(el(d, 'span', 'count', String(f.n)));
        self.suggest.appendChild(d.createTextNode(' '));
      });
      if (close.length) {
        self.suggest.appendChild(el(d, 'span', 'search-suggest-label', self.L.closeTags + ': '));
        close.forEach(function (t) {
          var a = el(d, 'a', 'search-suggest-tag', t[0]);
          a.href = self.root + t[1];
          self.suggest.appendChild(a);
          self.suggest.appendChild(d.createTextNode(' '));
        });
      }
      d.body.setAttribute('data-suggestions', String(fewer.length + close.length));
    });
  };

  App.prototype.renderYears = function (years) {
    var self = this;
    Array.prototype.forEach.call(this.yearSelect.options, function (o) {
      if (o.value) {
        var n = years[o.value] || 0;
        o.textContent = o.value + ' (' + n + ')';
      }
    });
    this.yearSelect.value = self.state.year;
  };

  App.prototype.renderPager = function (page, pages) {
    var self = this;
    var d = this.doc;
    this.pager.textContent = '';
    if (pages <= 1) {
      return;
    }
    var go = function (label, target, enabled) {
      var b = el(d, 'button', 'search-page', label);
      b.type = 'button';
      b.disabled = !enabled;
      b.addEventListener('click', function () {
        self.update({ page: target });
        self.win.scrollTo(0, 0);
      });
      self.pager.appendChild(b);
    };
    go(this.L.prev, page - 1, page > 1);
    this.pager.appendChild(el(d, 'span', 'search-page-of', ' ' + page + ' / ' + pages + ' '));
    go(this.L.next, page + 1, page < pages);
  };

  function boot() {
    if (document.getElementById('search-app')) {
      new App(document, window, search.index, search.base).init();
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', boot);
  } else {
    boot();
  }
}());
