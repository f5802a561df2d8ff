#!/usr/bin/env bash
# What a change to extraction does to pages that have no ground truth: ingests one folder of
# saved pages with two jars (`--profile generic`) and prints, page by page, the metadata fields
# that differ and the body lines each side has that the other lacks.
#
#   bench/extract/diff.sh OLD.jar NEW.jar PAGES [WORK]
#
# OLD.jar: e.g. a jar built from the commit before the change (git worktree, ./mvnw package);
# NEW.jar: target/samizdat.jar. WORK (default bench/work/extract-diff, ignored by git) gets
# old/ and new/ content folders. Runs through the release launcher, so with ingest's JVM options.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
old=${1:?usage: diff.sh OLD.jar NEW.jar PAGES [WORK]}
new=${2:?usage: diff.sh OLD.jar NEW.jar PAGES [WORK]}
pages=${3:?usage: diff.sh OLD.jar NEW.jar PAGES [WORK]}
work=${4:-$repo/bench/work/extract-diff}
mkdir -p "$work"
for side in old new; do
  jar=$old
  [ "$side" = new ] && jar=$new
  rm -rf "${work:?}/$side"
  SAMIZDAT_JAR=$jar SAMIZDAT_JVM_DIR="$repo/src/main/jvm" "$repo/src/main/dist/bin/samizdat" \
    ingest --quiet --content "$work/$side" --profile generic "$pages" \
    >"$work/$side.stdout" 2>"$work/$side.stderr" || true
done
diff "$work/old.stderr" "$work/new.stderr" >&2 || true
python3 - "$work" <<'EOF'
import difflib, json, os, sys

work = sys.argv[1]


def ids(side):
    found = {}
    for line in open(os.path.join(work, side + '.stdout'), encoding='utf-8'):
        parts = line.split()
        if len(parts) == 3:
            found[os.path.basename(parts[2])] = parts[1]
    return found


old, new = ids('old'), ids('new')
for page in sorted(set(old) | set(new)):
    if page not in old or page not in new:
        print('==', page, 'only in', 'old' if page in old else 'new')
        continue
    base = {s: os.path.join(work, s, 'articles', i) for s, i in (('old', old[page]), ('new', new[page]))}
    meta = {s: json.load(open(b + '.json', encoding='utf-8')) for s, b in base.items()}
    body = {s: open(b + '.md', encoding='utf-8').read().split('\n') for s, b in base.items()}
    lines = []
    for field in ('title', 'published', 'authors', 'language'):
        if meta['old'].get(field) != meta['new'].get(field):
            lines.append('   %s: %r -> %r' % (field, meta['old'].get(field), meta['new'].get(field)))
    for d in difflib.unified_diff(body['old'], body['new'], lineterm='', n=0):
        if d[:1] in '+-' and not d.startswith(('+++', '---')) and d[1:].strip():
            lines.append('   ' + d[:160])
    if lines:
        print('==', page)
        print('\n'.join(lines))
EOF
