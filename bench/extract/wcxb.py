#!/usr/bin/env python3
"""Body, title, author and date check on WCXB's development pages of type "article" (stdlib only).

usage: wcxb.py prepare WCXB OUT    pages and expectations from a checkout of
                                   github.com/Murrough-Foley/web-content-extraction-benchmark
                                   (CC-BY-4.0)
       wcxb.py score OUT RUN [-v]  RUN: an ingest of OUT/pages (stdout.txt, articles/)

WCXB (2025) keeps pages of 1,600 sites with a main text drafted by a language model and
reviewed by people, and snippets that must be in it ("with") and must not ("without"). Only its
development split is read, and of it only the pages its metadata.json calls articles (news,
blogs, guides, reviews): its test split is its authors' held-out set. Its texts are of a
different hand than the other sets' (captions, datelines and list items come and go), so a page
with a low F1 is a page to read, not a verdict.
"""
import gzip
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import checkset  # noqa: E402
import score  # noqa: E402


def prepare(wcxb, out):
    with open(os.path.join(wcxb, 'metadata.json'), encoding='utf-8') as fh:
        files = json.load(fh)['files']
    pages = os.path.join(out, 'pages')
    os.makedirs(pages, exist_ok=True)
    truth = {}
    for file_id, info in sorted(files.items()):
        if info.get('split') != 'dev' or info.get('page_type') != 'article':
            continue
        with open(os.path.join(wcxb, 'dev', 'ground-truth', file_id + '.json'), encoding='utf-8') as fh:
            expected = json.load(fh)['ground_truth']
        name = file_id + '.html'
        with gzip.open(os.path.join(wcxb, 'dev', 'html', file_id + '.html.gz'), 'rb') as fh, \
                open(os.path.join(pages, name), 'wb') as w:
            w.write(fh.read())
        t = {'body': expected.get('main_content') or '', 'site': info.get('domain', ''),
             'with': expected.get('with') or [], 'without': expected.get('without') or []}
        for key, field in (('title', 'title'), ('author', 'author'), ('date', 'publish_date')):
            if expected.get(field):
                t[key] = expected[field]
        truth[name] = t
    checkset.write_truth(out, truth)


def run_score(out, run, verbose):
    truth = checkset.read_truth(out)
    ids = checkset.ingested(run)
    stats = {k: [0, 0] for k in ('title', 'author', 'date')}
    f1s, rows = [], []
    refused = 0
    found = [0, 0]   # "with" snippets in the body, of all
    clean = [0, 0]   # "without" snippets absent from the body, of all
    for page, t in sorted(truth.items()):
        if page not in ids:
            refused += 1
            f1s.append(0.0)
            if verbose:
                print('REFUSED', page, t['site'])
            continue
        meta, md = checkset.article(run, ids[page])
        text = score.strip_markdown(md)
        p, r, f1 = score.prf(text, t['body'])
        f1s.append(f1)
        rows.append((f1, p, r, page, t['site']))
        letters = checkset.letters(text)
        for snippet in t['with']:
            found[0] += checkset.letters(snippet) in letters
            found[1] += 1
        for snippet in t['without']:
            clean[0] += checkset.letters(snippet) not in letters
            clean[1] += 1
        checks = checkset.metadata_checks(t, meta)
        for k, (ok, got) in checks.items():
            stats[k][0] += ok
            stats[k][1] += 1
            if verbose and not ok:
                print(f'{k.upper()} {page} | {t.get(k)} | {got}')

    def mean(xs):
        return sum(xs) / len(xs) if xs else float('nan')

    if verbose:
        for f1, p, r, page, site in sorted(rows):
            if f1 < 0.8:
                print(f'BODY {page} {site} F1 {f1:.3f} P {p:.3f} R {r:.3f}')
    print(f'{len(truth)} pages, {refused} refused')
    print(f'body F1 {mean(f1s):.3f} (refused as 0); over accepted pages F1 {mean([x[0] for x in rows]):.3f}, '
          f'P {mean([x[1] for x in rows]):.3f}, R {mean([x[2] for x in rows]):.3f}')
    print(f'"with" snippets found {found[0]} of {found[1]}, "without" snippets absent {clean[0]} of {clean[1]}')
    for k, (a, b) in stats.items():
        print(f'{k}: {a} of {b}')


if __name__ == '__main__':
    checkset.main(prepare, run_score, __doc__)
