"""What the check sets (mercury.py, fundus.py, wcxb.py) share: the ingest's ids, the metadata checks,
the body and metadata tally, the command line. Stdlib only."""
import datetime
import html
import json
import os
import re
import sys

import score


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


def score_pages(truth, run, verbose, expected=lambda t: t, label=lambda page, t: page, low=0.9,
                each=lambda t, text: None):
    """Body F1 (a refused page counts 0) and title, author and date matches of an ingest of the
    pages of `truth`, printed; with `verbose` each refusal, metadata miss and body under `low`.
    `expected(t)` gives the metadata to check, `label` names a page in the lines, `each` sees every
    stored body's text."""
    ids = ingested(run)
    stats = {k: [0, 0] for k in ('title', 'author', 'date')}
    f1s, rows = [], []
    refused = 0
    for page, t in sorted(truth.items()):
        if page not in ids:
            refused += 1
            f1s.append(0.0)
            if verbose:
                print('REFUSED', label(page, t))
            continue
        meta, md = article(run, ids[page])
        text = score.strip_markdown(md)
        p, r, f1 = score.prf(text, t['body'])
        f1s.append(f1)
        rows.append((f1, p, r, label(page, t)))
        each(t, text)
        for k, (ok, got) in metadata_checks(expected(t), meta).items():
            stats[k][0] += ok
            stats[k][1] += 1
            if verbose and not ok:
                print(f'{k.upper()} {page} | {t.get(k)} | {got}')

    def mean(xs):
        return sum(xs) / len(xs) if xs else float('nan')

    if verbose:
        for f1, p, r, name in sorted(rows):
            if f1 < low:
                print(f'BODY {name} F1 {f1:.3f} P {p:.3f} R {r:.3f}')
    print(f'{len(truth)} pages, {refused} refused')
    print(f'body F1 {mean(f1s):.3f} (refused as 0); over accepted pages F1 {mean([x[0] for x in rows]):.3f}, '
          f'P {mean([x[1] for x in rows]):.3f}, R {mean([x[2] for x in rows]):.3f}')
    return stats


def print_stats(stats):
    for k, (a, b) in stats.items():
        print(f'{k}: {a} of {b}')


def main(prepare, run_score, usage):
    if len(sys.argv) >= 4 and sys.argv[1] == 'prepare':
        prepare(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 4 and sys.argv[1] == 'score':
        run_score(sys.argv[2], sys.argv[3], '-v' in sys.argv)
    else:
        sys.exit(usage)
