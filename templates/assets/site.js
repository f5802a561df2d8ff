/*
 * samizdat: the small helpers of every page (the search page has its own scripts). A plain
 * script, no modules, nothing from the network: it runs from file://, and every page works
 * without it (the controls it drives stay hidden then).
 *
 *  - list pages: the "go to page" box (page paths follow from the number, see Pagination.java);
 *  - article pages: the 简/繁 switch, which converts the page's text character by character
 *    with the site's own Traditional/Simplified table (search/t2s.js) and is remembered;
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
   * Loads search/t2s.js (it calls samizdatSearch.t2s(pairs): Traditional, Simplified, ...) and
   * builds both directions. Simplified to Traditional is one-to-many; the first Traditional form
   * in the table is taken, except for the common characters below, whose usual form differs.
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
    var hook = window.samizdatSearch = window.samizdatSearch || {};
    hook.t2s = function (pairs) {
      var t2s = {};
      var s2t = {};
      var cps = Array.from(pairs);
      for (var i = 0; i + 1 < cps.length; i += 2) {
        t2s[cps[i]] = cps[i + 1];
        if (!s2t[cps[i + 1]]) {
          s2t[cps[i + 1]] = cps[i];
        }
      }
      var usual = Array.from(PREFERRED);
      for (var k = 0; k + 1 < usual.length; k += 2) {
        if (usual[k] === usual[k + 1]) {
          delete s2t[usual[k]];
        } else {
          s2t[usual[k]] = usual[k + 1];
        }
      }
      tables = { hans: t2s, hant: s2t };
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

  /** Simplified character, its usual Traditional form (the same: leave it as it is). */
  var PREFERRED = '发發后後里裡干幹面面只只台台系系制制表表回回向向出出才才了了克克胡胡家家致致' +
    '冬冬周周蒙蒙御御秋秋症症千千谷谷借借卷卷松松划劃征征历歷复復准準冲衝尽盡范範钟鐘云雲斗鬥' +
    '余餘朴樸丑醜采採舍捨几幾术術夸誇叶葉团團苏蘇占占党黨咸鹹涂塗汇匯须須吁籲凶兇扑撲签簽当當' +
    '坛壇弥彌摆擺闲閒伙夥游遊仆僕价價愿願恶惡尸屍杰傑于於么麼着著获獲脏髒尝嘗适適赞讚证證板板' +
    '别別蔑蔑致致辟闢郁鬱志志注注折折困困奸奸哗嘩向向';

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
    roots.forEach(function (root) {
      var walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (var n = walk.nextNode(); n; n = walk.nextNode()) {
        nodes.push(n);
      }
    });
    return nodes;
  }

  function setUpScriptSwitch(box) {
    var own = box.getAttribute('data-own');
    var src = box.getAttribute('data-t2s');
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
      .replace(/assets\/site\.css$/, 'search/t2s.js');
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
