"""What the check sets (mercury.py, fundus.py, wcxb.py) share: the ingest's ids, the metadata checks, the
command line. Stdlib only."""
import datetime
import html
import json
import os
import re
import sys


def letters(s):
    return re.sub(r'[\W_]+', ' ', html.unescape(s).lower()).strip()


def names(s):
    return {w for w in letters(s).split() if w not in ('and', 'by')}


def write_truth(out, truth):
    with open(os.path.join(out, 'truth.json'), 'w', encoding='utf-8') as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=1)
    print(f'{len(truth)} pages in {os.path.join(out, "pages")}', file=sys.stderr)


def read_truth(out):
    with open(os.path.join(out, 'truth.json'), encoding='utf-8') as fh:
        return json.load(fh)


def ingested(run):
    """Article id by saved page's file name, from an ingest's stdout.txt."""
    ids = {}
    with open(os.path.join(run, 'stdout.txt'), encoding='utf-8') as fh:
        for line in fh:
            p = line.split()
            if len(p) >= 3 and p[0] in ('ingested', 'updated', 'unchanged', 'duplicate'):
                ids[os.path.basename(p[2])] = p[1]
    return ids


def article(run, article_id):
    """The stored metadata (dict) and Markdown body of one article."""
    base = os.path.join(run, 'articles', article_id)
    with open(base + '.json', encoding='utf-8') as fh:
        meta = json.load(fh)
    with open(base + '.md', encoding='utf-8') as fh:
        return meta, fh.read()


def metadata_checks(expected, meta):
    """{field: (matches, what was stored)} for the title, author and date that are expected."""
    checks = {}
    if 'title' in expected:
        checks['title'] = (letters(expected['title']) == letters(meta.get('title', '')), meta.get('title'))
    if 'author' in expected:
        checks['author'] = (names(expected['author']) == names(' '.join(meta.get('authors', []))),
                            meta.get('authors'))
    if 'date' in expected:
        got = meta.get('published')
        ok = got is not None and abs((datetime.date.fromisoformat(got[:10])
                                      - datetime.date.fromisoformat(expected['date'][:10])).days) <= 1
        checks['date'] = (ok, got)
    return checks


def main(prepare, run_score, usage):
    if len(sys.argv) >= 4 and sys.argv[1] == 'prepare':
        prepare(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 4 and sys.argv[1] == 'score':
        run_score(sys.argv[2], sys.argv[3], '-v' in sys.argv)
    else:
        sys.exit(usage)
