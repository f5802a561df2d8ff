# Sourced by the benchmark scripts: keeps one benchmark's clean-up out of the next one's timings.
#
# On ext4 without a journal (this VM) the inode allocator skips every inode freed in the last
# minute or so (six when its table block is still dirty), one lookup each. Creating files in the two
# minutes after deleting tens of thousands therefore costs about 0.5 ms of kernel time per file
# instead of 0.05 ms. Measured here with 3,000 files every 30 s: after deleting 30,000 files, slow
# up to 90 s and fast from 120 s; after deleting 100,000 (a build benchmark's clean-up), slow up to
# 135 s and fast from 165 s. A benchmark that deletes the previous run's output, or runs right after
# one that did, would time that, not the tool.
#
#   settle_delete PATH...   deletes PATHs, flushes, and records the time of the deletion
#                           (SETTLE_KEEP=1 keeps them instead, for runs back to back: delete
#                           them by hand afterwards, then the next timed run waits again)
#   settle_wait             before a timed step: flushes, then waits out what is left of the
#                           window after the last recorded deletion (SETTLE_SECONDS, default 200)

SETTLE_STAMP="${SETTLE_STAMP:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/work/.last-deletion}"

settle_delete() {
  local p deleted=0
  if [ "${SETTLE_KEEP:-0}" = 1 ]; then
    echo "settle: keeping $* (SETTLE_KEEP=1)" >&2
    return 0
  fi
  for p in "$@"; do
    if [ -e "$p" ]; then rm -rf "$p"; deleted=1; fi
  done
  if [ "$deleted" = 1 ]; then
    sync
    mkdir -p "$(dirname "$SETTLE_STAMP")"
    touch "$SETTLE_STAMP"
  fi
}

settle_wait() {
  sync
  [ -f "$SETTLE_STAMP" ] || return 0
  local age left
  age=$(( $(date +%s) - $(stat -c %Y "$SETTLE_STAMP") ))
  left=$(( ${SETTLE_SECONDS:-200} - age ))
  if [ "$left" -gt 0 ]; then
    echo "settle: files were deleted ${age} s ago; waiting ${left} s so that the file system's" \
      "recently-freed inodes do not slow the timed run (SETTLE_SECONDS=0 skips)" >&2
    sleep "$left"
  fi
}
