#!/usr/bin/env python3
"""Builds the extraction dev set from checkouts of public repositories (stdlib only).

usage: devset.py DATA OUT

DATA holds git checkouts (see README.md):
  DATA/readability   github.com/mozilla/readability   test/test-pages/*/{source,expected}.html
  DATA/trafilatura   github.com/adbar/trafilatura     tests/eval/*.html + tests/evaldata.json
  DATA/gne           github.com/GeneralNewsExtractor/GeneralNewsExtractor  tests/**/*.html
                     (truth from hand-picked selectors in zh-truth.tsv, made by run.sh)
  DATA/cx-extractor-python  (optional) github.com/chrislinan/cx-extractor-python RawHtml/, Text/
OUT gets pages/ (one flat folder of .html), truth/ID.txt, snippets.json and groups.tsv
(ID, group, set). IDs are the page file names without .html.
"""
import html.parser
import json
import os
import re
import shutil
import sys

CJK = re.compile(r'[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]')
LATIN = re.compile(r'[A-Za-z]')
LETTER = re.compile(r'[^\W\d_]')
# Readability's synthetic unit-test pages hold a few lines; they say nothing about real pages.
MIN_TRUTH_CHARS = 250


class Text(html.parser.HTMLParser):
    SKIP = {'script', 'style', 'noscript', 'template', 'head', 'title'}
    BLOCK = {'p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th',
             'blockquote', 'pre', 'section', 'article', 'figure', 'figcaption', 'ul', 'ol',
             'table', 'dd', 'dt', 'hr'}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.out.append('\n')

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self.out.append('\n')

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def html_text(s):
    p = Text()
    p.feed(s)
    p.close()
    return re.sub(r'\n\s*\n+', '\n', ''.join(p.out)).strip()


def group(text, lang):
    letters = LETTER.findall(text)
    if not letters:
        return 'other'
    cjk = sum(1 for c in letters if CJK.match(c))
    if cjk > 0.3 * len(letters):
        return 'zh' if not (lang or '').startswith('ja') and not re.search(r'[\u3040-\u30ff]', text) else 'ja'
    latin = sum(1 for c in letters if LATIN.match(c))
    if (lang is None or lang.lower().startswith('en')) and latin > 0.97 * len(letters):
        return 'en'
    return 'other'


def main():
    data, out = sys.argv[1], sys.argv[2]
    pages = os.path.join(out, 'pages')
    truth = os.path.join(out, 'truth')
    for d in (pages, truth):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    groups = []
    skipped = 0
    rdb = os.path.join(data, 'readability', 'test', 'test-pages')
    for name in sorted(os.listdir(rdb)):
        d = os.path.join(rdb, name)
        if not os.path.isfile(os.path.join(d, 'expected.html')):
            continue
        with open(os.path.join(d, 'expected.html'), encoding='utf-8') as f:
            text = html_text(f.read())
        meta = {}
        if os.path.isfile(os.path.join(d, 'expected-metadata.json')):
            with open(os.path.join(d, 'expected-metadata.json'), encoding='utf-8') as f:
                meta = json.load(f)
        if len(text) < MIN_TRUTH_CHARS:
            skipped += 1
            continue
        pid = 'rdb-' + re.sub(r'[^A-Za-z0-9_-]', '_', name)
        shutil.copyfile(os.path.join(d, 'source.html'), os.path.join(pages, pid + '.html'))
        with open(os.path.join(truth, pid + '.txt'), 'w', encoding='utf-8') as f:
            f.write(text)
        groups.append((pid, group(text, meta.get('lang')), 'readability'))

    # trafilatura: snippets that must and must not be in the body.
    traf = os.path.join(data, 'trafilatura', 'tests')
    with open(os.path.join(traf, 'evaldata.json'), encoding='utf-8') as f:
        evaldata = json.load(f)
    snippets = {}
    for url, v in sorted(evaldata.items()):
        src = os.path.join(traf, 'eval', v['file'])
        if not os.path.isfile(src) or not v.get('with'):
            continue
        base = re.sub(r'[^A-Za-z0-9_-]', '_', v['file'].rsplit('.', 1)[0])[:80]
        pid = 'traf-' + base
        if pid in snippets:
            continue
        shutil.copyfile(src, os.path.join(pages, pid + '.html'))
        snippets[pid] = {'with': v['with'], 'without': v.get('without', []), 'url': url}
        with open(src, 'rb') as f:
            head = f.read(20000).decode('utf-8', 'replace')
        m = re.search(r'<html[^>]*\slang=["\']?([A-Za-z-]+)', head, re.I)
        lang = m.group(1).lower() if m else None
        g = group(' '.join(v['with']), lang)
        if g == 'en' and lang is None and re.search(r'[äöüßéèàç]', ' '.join(v['with'] + v.get('without', []))):
            g = 'other'
        groups.append((pid, g, 'trafilatura'))
    with open(os.path.join(out, 'snippets.json'), 'w', encoding='utf-8') as f:
        json.dump(snippets, f, ensure_ascii=False, indent=0)

    # GNE pages: truth texts made from zh-truth.tsv by the dev harness (run.sh), copied here.
    gne_truth = os.path.join(out, 'gne-truth')
    if os.path.isdir(gne_truth):
        for t in sorted(os.listdir(gne_truth)):
            pid = 'gne-' + t[:-4]
            rel = t[:-4].replace('_', '/', 1) + '.html'
            shutil.copyfile(os.path.join(data, 'gne', 'tests', rel), os.path.join(pages, pid + '.html'))
            with open(os.path.join(gne_truth, t), encoding='utf-8') as f:
                text = re.sub(r'\n\s*\n+', '\n', f.read()).strip()
            with open(os.path.join(truth, pid + '.txt'), 'w', encoding='utf-8') as f:
                f.write(text)
            groups.append((pid, group(text, 'zh'), 'gne'))

    # Optional: cx-extractor-python's 74 NetEase (163.com) pages of 2015, GBK with an empty
    # charset declaration; its Text/ is CxExtractor's own output (with lists of related news at
    # the end of some), so its F1 is a check, not a measure.
    cx = os.path.join(data, 'cx-extractor-python')
    if os.path.isdir(cx):
        for name in sorted(os.listdir(os.path.join(cx, 'RawHtml'))):
            n = name.rsplit('.', 1)[0]
            txt = os.path.join(cx, 'Text', n + '.txt')
            if not os.path.isfile(txt):
                continue
            with open(txt, 'rb') as f:
                text = f.read().decode('gb18030', 'replace')
            pid = 'cx-' + n
            shutil.copyfile(os.path.join(cx, 'RawHtml', name), os.path.join(pages, pid + '.html'))
            with open(os.path.join(truth, pid + '.txt'), 'w', encoding='utf-8') as f:
                f.write(re.sub(r'\n\s*\n+', '\n', text).strip())
            groups.append((pid, 'zh', 'cx'))

    with open(os.path.join(out, 'groups.tsv'), 'w', encoding='utf-8') as f:
        for g in groups:
            f.write('\t'.join(g) + '\n')
    print(f'dev set: {len(groups)} pages ({skipped} synthetic readability pages under '
          f'{MIN_TRUTH_CHARS} characters left out) in {out}', file=sys.stderr)


if __name__ == '__main__':
    main()
