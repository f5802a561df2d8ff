#!/usr/bin/env python3
"""Scores extracted bodies against the dev set (stdlib only).

usage: score.py DEVSET RUN [SECONDS] [--list]

DEVSET is what devset.py made; RUN holds stdout.txt (lines "ingested|updated|unchanged|duplicate
ID SOURCE", as `samizdat ingest` or the dev harness print them) and articles/ID.md. Pages never
listed count as refused. Markdown syntax is stripped to text before scoring.

Body F1: 4-gram shingles (multisets) of word tokens, each CJK character one token; precision,
recall and F1 per page, macro-averaged over the pages of a group. "all" counts refused pages as 0,
"accepted" averages only the pages that were accepted. trafilatura pages have snippets instead:
the share of "with" snippets found and of "without" snippets absent.
"""
import collections
import json
import os
import re
import sys

TOKEN = re.compile(r'[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_]+')


def strip_markdown(md):
    lines = []
    in_code = False
    for line in md.split('\n'):
        if line.startswith('```'):
            in_code = not in_code
            continue
        if in_code:
            lines.append(line)
            continue
        if re.match(r'^\s*\|?\s*:?-{3,}', line) or line.strip() == '* * *':
            continue
        line = re.sub(r'!\[([^\]]*)\]\([^)]*\)', ' ', line)
        line = re.sub(r'\[((?:[^\]\\]|\\.)*)\]\((?:[^()]|\([^)]*\))*\)', r'\1', line)
        line = re.sub(r'^\s*(#{1,6}\s|>\s?|[-+*]\s|\d+\.\s)+', '', line)
        line = line.replace('**', '').replace('|', ' ')
        line = re.sub(r'(?<!\\)\*', '', line)
        line = re.sub(r'\\(.)', r'\1', line)
        line = line.rstrip('\\')
        lines.append(line)
    return '\n'.join(lines)


def tokens(text):
    return TOKEN.findall(text.lower())


def shingles(toks, n=4):
    if len(toks) < n:
        return collections.Counter([tuple(toks)]) if toks else collections.Counter()
    return collections.Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def prf(pred, truth):
    p, t = shingles(tokens(pred)), shingles(tokens(truth))
    if not p and not t:
        return 1.0, 1.0, 1.0
    if not p or not t:
        return 0.0, 0.0, 0.0
    common = sum((p & t).values())
    prec = common / sum(p.values())
    rec = common / sum(t.values())
    f1 = 0.0 if common == 0 else 2 * prec * rec / (prec + rec)
    return prec, rec, f1


def squeeze(s):
    return re.sub(r'\s+', '', s).lower()


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    listing = '--list' in sys.argv
    devset, run = args[0], args[1]
    seconds = float(args[2]) if len(args) > 2 else None
    groups = {}
    with open(os.path.join(devset, 'groups.tsv'), encoding='utf-8') as f:
        for line in f:
            pid, g, s = line.rstrip('\n').split('\t')
            groups[pid] = (g, s)
    with open(os.path.join(devset, 'snippets.json'), encoding='utf-8') as f:
        snippets = json.load(f)
    accepted = {}
    with open(os.path.join(run, 'stdout.txt'), encoding='utf-8') as f:
        for line in f:
            m = re.match(r'^(ingested|updated|unchanged|duplicate) (\S+) (.+)$', line.rstrip('\n'))
            if m:
                pid = os.path.basename(m.group(3))
                pid = re.sub(r'\.html?$', '', pid)
                accepted[pid] = m.group(2)

    rows = collections.defaultdict(list)
    snip = collections.defaultdict(list)
    per_page = []
    for pid, (g, s) in sorted(groups.items()):
        text = None
        if pid in accepted:
            path = os.path.join(run, 'articles', accepted[pid] + '.md')
            if os.path.isfile(path):
                with open(path, encoding='utf-8') as f:
                    text = strip_markdown(f.read())
        key = (s if s != 'gne' else 'gne') + ':' + g
        if s == 'trafilatura':
            v = snippets[pid]
            body = squeeze(text or '')
            w = sum(1 for x in v['with'] if squeeze(x) in body) / len(v['with'])
            wo = (sum(1 for x in v['without'] if squeeze(x) not in body) / len(v['without'])
                  if v['without'] else 1.0)
            snip[key].append((text is not None, w, wo))
            per_page.append((pid, key, text is not None, w, wo))
            continue
        with open(os.path.join(devset, 'truth', pid + '.txt'), encoding='utf-8') as f:
            truth = f.read()
        p, r, f1 = prf(text, truth) if text is not None else (0.0, 0.0, 0.0)
        rows[key].append((text is not None, p, r, f1))
        per_page.append((pid, key, text is not None, p, r, f1))

    def mean(xs):
        return sum(xs) / len(xs) if xs else float('nan')

    print(f'{"group":24} {"pages":>5} {"accept":>7} {"F1":>6} {"P":>6} {"R":>6}   {"F1 acc":>6} {"P acc":>6} {"R acc":>6}')
    for key in sorted(rows):
        rs = rows[key]
        acc = [x for x in rs if x[0]]
        print(f'{key:24} {len(rs):5} {100 * len(acc) / len(rs):6.1f}% '
              f'{mean([x[3] for x in rs]):6.3f} {mean([x[1] for x in rs]):6.3f} {mean([x[2] for x in rs]):6.3f}   '
              f'{mean([x[3] for x in acc]):6.3f} {mean([x[1] for x in acc]):6.3f} {mean([x[2] for x in acc]):6.3f}')
    print(f'\n{"snippet group":24} {"pages":>5} {"accept":>7} {"with":>6} {"without":>8}  (with/without over accepted pages)')
    for key in sorted(snip):
        rs = snip[key]
        acc = [x for x in rs if x[0]]
        print(f'{key:24} {len(rs):5} {100 * len(acc) / len(rs):6.1f}% {mean([x[1] for x in acc]):6.3f} {mean([x[2] for x in acc]):8.3f}')
    total = len(groups)
    if seconds:
        print(f'\n{total} pages in {seconds:.2f} s: {total / seconds:.0f} pages/s (JVM start included)')
    if listing:
        print()
        for row in sorted(per_page, key=lambda r: (r[1], r[-1] if len(r) == 6 else r[3])):
            print('\t'.join(str(round(x, 3)) if isinstance(x, float) else str(x) for x in row))


if __name__ == '__main__':
    main()
