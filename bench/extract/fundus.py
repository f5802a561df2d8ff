#!/usr/bin/env python3
"""Body, title, author and date check on fundus's publisher test pages (stdlib only).

usage: fundus.py prepare FUNDUS OUT    pages and expectations from a checkout of
                                       github.com/flairNLP/fundus (MIT)
       fundus.py score OUT RUN [-v]    RUN: an ingest of OUT/pages (stdout.txt, articles/)

fundus keeps, for each of its publishers (news sites of 40 countries), saved pages
(tests/resources/parser/test_data/CC/Publisher_YYYY_MM_DD.html.gz, one for each version of the
publisher's parser, in date order) and what that hand-written parser extracts from each
(Publisher.json, one entry a version): title, authors, publishing date and the body as summary,
then sections of headlines and paragraphs. They are one extractor's answers, not ground truth:
its summary is the page's dek, which samizdat leaves to the description, so recall has a ceiling
below 1 on pages with one. A miss is a page to read.
"""
import glob
import gzip
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import checkset  # noqa: E402


def body_text(body):
    parts = list(body.get('summary', []))
    for section in body.get('sections', []):
        parts += section.get('headline', []) + section.get('paragraphs', [])
    return '\n\n'.join(parts)


def prepare(fundus, out):
    root = os.path.join(fundus, 'tests', 'resources', 'parser', 'test_data')
    pages = os.path.join(out, 'pages')
    os.makedirs(pages, exist_ok=True)
    truth = {}
    for case in sorted(glob.glob(os.path.join(root, '*', '*.json'))):
        country = os.path.basename(os.path.dirname(case))
        publisher = os.path.basename(case)[:-len('.json')]
        with open(case, encoding='utf-8') as fh:
            versions = list(json.load(fh).values())
        saved = sorted(glob.glob(os.path.join(os.path.dirname(case), publisher + '_*.html.gz')))
        if len(saved) != len(versions):
            print(f'{case}: {len(saved)} pages for {len(versions)} versions, left out', file=sys.stderr)
            continue
        for path, expected in zip(saved, versions):
            name = country + '-' + os.path.basename(path)[:-len('.html.gz')] + '.html'
            with gzip.open(path, 'rb') as fh, open(os.path.join(pages, name), 'wb') as w:
                w.write(fh.read())
            t = {'body': body_text(expected.get('body') or {})}
            if expected.get('title'):
                t['title'] = expected['title']
            if expected.get('authors'):
                t['author'] = ', '.join(expected['authors'])
            if expected.get('publishing_date'):
                t['date'] = expected['publishing_date']
            truth[name] = t
    checkset.write_truth(out, truth)


def run_score(out, run, verbose):
    # Every page has a title to compare; fundus leaves out authors and dates it cannot read.
    stats = checkset.score_pages(checkset.read_truth(out), run, verbose, expected=lambda t: {'title': '', **t})
    checkset.print_stats(stats)


if __name__ == '__main__':
    checkset.main(prepare, run_score, __doc__)
