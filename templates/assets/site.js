/*
 * samizdat: the small helpers of every page (the search page has its own scripts). A plain
 * script, no modules, nothing from the network: it runs from file://, and every page works
 * without it (the controls it drives stay hidden then).
 *
 *  - list pages: the "go to page" box (page paths follow from the number, see Pagination.java);
 *  - article pages: the 简/繁 switch, which converts the page's text character by character
 *    with the site's own tables (assets/zh-script.js) and is remembered;
 *  - the tags index: the filter box.
 */
(function () {
  'use strict';

  var STORE = 'samizdat-script';

  function pagePath(n) {
    return 'page/' + Math.floor(n / 1000) + '/' + n + '.html';
  }

  // ------------------------------------------------------------------ jump to a page

  function setUpJump(form) {
    var base = form.getAttribute('data-base');
    var front = form.getAttribute('data-front');
    var known = parseInt(form.getAttribute('data-known'), 10) || 0;
    var max = parseInt(form.getAttribute('data-max'), 10) || 0;
    var input = form.querySelector('input');
    if (max) {
      input.max = String(max);
    }
    form.hidden = false;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var n = parseInt(input.value, 10);
      if (!(n >= 1)) {
        return;
      }
      if (max) {
        location.href = base + pagePath(Math.min(n, max));
      } else if (n <= known) {
        location.href = base + pagePath(n);
      } else {
        // Only the front page knows how many pages there are now.
        location.href = front + '#page=' + n;
      }
    });
    var m = /^#page=(\d+)$/.exec(location.hash);
    if (max && m) {
      var wanted = parseInt(m[1], 10);
      if (wanted >= 1 && wanted <= max) {
        location.replace(base + pagePath(wanted));
      }
    }
  }

  // ------------------------------------------------------------------ Traditional / Simplified

  var tables = null;
  var waiting = [];

  /**
   * Loads assets/zh-script.js, the build's two character tables (see ChineseScript.java):
   * samizdatScript(t2sPairs, s2tPairs), each a string of character pairs.
   */
  function withTables(src, done) {
    if (tables) {
      done(tables);
      return;
    }
    waiting.push(done);
    if (waiting.length > 1) {
      return;
    }
    window.samizdatScript = function (t2sPairs, s2tPairs) {
      tables = { hans: table(t2sPairs), hant: table(s2tPairs) };
    };
    var s = document.createElement('script');
    s.src = src;
    s.onload = s.onerror = function () {
      var list = waiting;
      waiting = [];
      list.forEach(function (f) {
        f(tables);
      });
    };
    document.head.appendChild(s);
  }

  function table(pairs) {
    var map = {};
    var cps = Array.from(pairs);
    for (var i = 0; i + 1 < cps.length; i += 2) {
      map[cps[i]] = cps[i + 1];
    }
    return map;
  }

  function convert(text, table) {
    var out = '';
    var changed = false;
    for (var ch of text) {
      var to = table[ch];
      if (to) {
        out += to;
        changed = true;
      } else {
        out += ch;
      }
    }
    return changed ? out : text;
  }

  function textNodes(roots) {
    var nodes = [];
    var skip = { acceptNode: function (n) {
      return n.parentElement && n.parentElement.closest('.script-switch, .url, code, pre')
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    } };
    roots.forEach(function (root) {
      var walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, skip);
      for (var n = walk.nextNode(); n; n = walk.nextNode()) {
        nodes.push(n);
      }
    });
    return nodes;
  }

  function setUpScriptSwitch(box) {
    var own = box.getAttribute('data-own');
    var src = box.getAttribute('data-tables');
    var roots = Array.prototype.slice.call(document.querySelectorAll('.article, .related, .article-nav'));
    var originals = null;
    var originalTitle = document.title;
    var buttons = Array.prototype.slice.call(box.querySelectorAll('button'));
    function mark(script) {
      buttons.forEach(function (b) {
        b.setAttribute('aria-pressed', String(b.getAttribute('data-script') === script));
      });
      document.documentElement.setAttribute('data-script', script);
    }
    function show(script) {
      if (script === own) {
        if (originals) {
          originals.forEach(function (o) {
            o[0].nodeValue = o[1];
          });
        }
        document.title = originalTitle;
        mark(script);
        return;
      }
      withTables(src, function (t) {
        if (!t) {
          return;
        }
        if (!originals) {
          originals = textNodes(roots).map(function (n) {
            return [n, n.nodeValue];
          });
        }
        originals.forEach(function (o) {
          o[0].nodeValue = convert(o[1], t[script]);
        });
        document.title = convert(originalTitle, t[script]);
        mark(script);
      });
    }
    buttons.forEach(function (b) {
      b.addEventListener('click', function () {
        var script = b.getAttribute('data-script');
        try {
          localStorage.setItem(STORE, script);
        } catch (e) {
          // storage refused (private mode): the switch still works on this page
        }
        show(script);
      });
    });
    box.hidden = false;
    var saved = null;
    try {
      saved = localStorage.getItem(STORE);
    } catch (e) {
      saved = null;
    }
    if (saved === 'hans' || saved === 'hant') {
      show(saved);
    } else {
      mark(own);
    }
  }

  // ------------------------------------------------------------------ tag filter

  function setUpTagFilter(form) {
    var input = form.querySelector('input');
    var none = form.querySelector('.tag-filter-none');
    var items = Array.prototype.slice.call(document.querySelectorAll('.tag-group li[data-k]'));
    var groups = Array.prototype.slice.call(document.querySelectorAll('.tag-group'));
    var letters = document.querySelector('.tag-letters');
    var src = (document.querySelector('link[rel="stylesheet"]').getAttribute('href') || '')
      .replace(/site\.css$/, 'zh-script.js');
    var fold = null;
    function norm(s) {
      s = s.normalize('NFKC').toLowerCase();
      return fold ? convert(s, fold) : s;
    }
    function apply() {
      var q = norm(input.value.trim());
      var shown = 0;
      var seen = {};
      items.forEach(function (li) {
        var k = norm(li.getAttribute('data-k'));
        var hit = !q || k.indexOf(q) >= 0;
        li.hidden = !hit;
        // a tag is in "most used" and in its letter: count it once
        if (hit && !seen[k]) {
          seen[k] = true;
          shown++;
        }
      });
      groups.forEach(function (g) {
        g.hidden = !g.querySelector('li:not([hidden])');
      });
      if (letters) {
        letters.hidden = !!q;
      }
      none.hidden = shown > 0;
      document.body.setAttribute('data-tags-shown', String(shown));
    }
    input.addEventListener('input', function () {
      if (!fold && /[^\x00-\x7f]/.test(input.value)) {
        withTables(src, function (t) {
          fold = t ? t.hans : null;
          apply();
        });
      }
      apply();
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
    });
    form.hidden = false;
  }

  function boot() {
    Array.prototype.forEach.call(document.querySelectorAll('form.jump'), setUpJump);
    var box = document.querySelector('.script-switch');
    if (box) {
      setUpScriptSwitch(box);
    }
    var filter = document.querySelector('form.tag-filter');
    if (filter) {
      setUpTagFilter(filter);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', boot);
  } else {
    boot();
  }
}());
