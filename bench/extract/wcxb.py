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
    found = [0, 0]   # "with" snippets in the body, of all
    clean = [0, 0]   # "without" snippets absent from the body, of all

    def snippets(t, text):
        letters = checkset.letters(text)
        for snippet in t['with']:
            found[0] += checkset.letters(snippet) in letters
            found[1] += 1
        for snippet in t['without']:
            clean[0] += checkset.letters(snippet) not in letters
            clean[1] += 1

    stats = checkset.score_pages(checkset.read_truth(out), run, verbose, label=lambda page, t: page + ' ' + t['site'],
                                 low=0.8, each=snippets)
    print(f'"with" snippets found {found[0]} of {found[1]}, "without" snippets absent {clean[0]} of {clean[1]}')
    checkset.print_stats(stats)


if __name__ == '__main__':
    checkset.main(prepare, run_score, __doc__)
