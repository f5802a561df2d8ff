#!/usr/bin/env python3
"""Metadata and body-start check on Mercury parser's fixtures (stdlib only).

usage: mercury.py prepare PARSER OUT    pages and expectations from a checkout of
                                        github.com/postlight/parser (MIT/Apache-2.0)
       mercury.py score OUT RUN [-v]    RUN: an ingest of OUT/pages (stdout.txt, articles/)

Mercury's custom-extractor tests (src/extractors/custom/*/index.test.js) state, for a saved page
in fixtures/, the title, author, date_published and the first words of the body that Mercury's
site rules extract. They are one extractor's answers, not ground truth: a miss is a page to read.
The fixtures were saved with <meta value=...> for content=; prepare turns them back.
"""
import html
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import checkset  # noqa: E402
import score  # noqa: E402

STR = r"""(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`)"""
FIELDS = [('title', r"assert\.equal\(\s*title,\s*"), ('author', r"assert\.equal\(\s*author,\s*"),
          ('date', r"assert\.equal\(\s*(?:new Date\()?date_published\)?,\s*"),
          ('first', r"assert\.equal\(\s*(?:first13|text),\s*")]


def value(m):
    return re.sub(r"\\(.)", r"\1", next(g for g in m.groups() if g is not None))


def prepare(parser, out):
    git = ['git', '-C', parser]
    files = subprocess.run(git + ['ls-files', 'src/extractors/custom'], capture_output=True,
                           text=True, check=True).stdout.split()
    truth = {}
    for f in sorted(files):
        if not f.endswith('index.test.js'):
            continue
        with open(os.path.join(parser, f), encoding='utf-8') as fh:
            js = fh.read()
        for part in re.split(r"readFileSync\(\s*'\./fixtures/", js)[1:]:
            fixture = part[:part.index("'")]
            expected = {}
            for key, pat in FIELDS:
                m = re.search(pat + STR, part)
                if m:
                    expected[key] = value(m)
            if expected and fixture not in truth:
                truth[fixture] = expected
    pages = os.path.join(out, 'pages')
    os.makedirs(pages, exist_ok=True)
    for fixture in truth:
        with open(os.path.join(parser, 'fixtures', fixture), 'rb') as fh:
            s = fh.read().decode('utf-8', 'surrogateescape')
        s = re.sub(r'<meta\b[^>]*>', lambda m: m.group(0) if re.search(r'\scontent\s*=', m.group(0), re.I)
                   else re.sub(r'(\s)value(\s*=)', r'\1content\2', m.group(0), count=1, flags=re.I),
                   s, flags=re.I)
        with open(os.path.join(pages, fixture), 'wb') as fh:
            fh.write(s.encode('utf-8', 'surrogateescape'))
    checkset.write_truth(out, truth)


def run_score(out, run, verbose):
    truth = checkset.read_truth(out)
    ids = checkset.ingested(run)
    stats = {k: [0, 0] for k in ('title', 'author', 'date', 'first', 'first near the top')}
    refused = 0
    for fixture, t in sorted(truth.items()):
        if fixture not in ids:
            refused += 1
            if verbose:
                print('REFUSED', fixture)
            continue
        meta, md = checkset.article(run, ids[fixture])
        toks = score.tokens(score.strip_markdown(md))
        checks = checkset.metadata_checks(t, meta)
        if 'first' in t:
            exp = score.tokens(html.unescape(t['first']))[:8]
            pos = next((i for i in range(len(toks) - len(exp) + 1) if toks[i:i + len(exp)] == exp), -1)
            checks['first'] = (pos >= 0, ' '.join(toks[:20]))
            checks['first near the top'] = (0 <= pos <= 15, ' '.join(toks[:20]))
        for k, (ok, got) in checks.items():
            stats[k][0] += ok
            stats[k][1] += 1
            if verbose and not ok and k != 'first near the top':
                print(f'{k.upper()} {fixture} | {t[k]} | {got}')
    print(f'{len(truth)} pages, {refused} refused')
    for k, (a, b) in stats.items():
        print(f'{k}: {a} of {b}')


if __name__ == '__main__':
    checkset.main(prepare, run_score, __doc__)
