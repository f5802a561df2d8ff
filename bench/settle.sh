# Sourced by the benchmark scripts: keeps one benchmark's clean-up out of the next one's timings.
#
# On ext4 without a journal (this VM) the inode allocator skips every inode freed recently, one
# buffer lookup each, and it starts from the same place for every new file: creating files soon
# after deleting tens of thousands costs up to ten times the kernel time (0.5 ms a file instead of
# 0.05 ms, and two writers then spin on the directory's lock). "Recently" is the kernel's
# RECENTCY_MIN, 60 s, plus RECENTCY_DIRTY, 300 s, while the freed inode's table block is dirty,
# which new files in the same block make it again (fs/ext4/ialloc.c). A profile of a 10,000-page
# ingest 350 s after deleting 150,000 files still spent 3.5 s of its 19 s of CPU in that search;
# at 377 s, 0.02 s. A benchmark that deletes the previous run's output, or runs right after one
# that did, would time that, not the tool.
#
#   settle_delete PATH...   deletes PATHs, flushes, and records the time of the deletion
#                           (SETTLE_KEEP=1 keeps them instead, for runs back to back: delete
#                           them by hand afterwards, then the next timed run waits again)
#   settle_wait             before a timed step: flushes, then waits out what is left of the
#                           window after the last recorded deletion (SETTLE_SECONDS, default 400)

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
  left=$(( ${SETTLE_SECONDS:-400} - age ))
  if [ "$left" -gt 0 ]; then
    echo "settle: files were deleted ${age} s ago; waiting ${left} s so that the file system's" \
      "recently-freed inodes do not slow the timed run (SETTLE_SECONDS=0 skips)" >&2
    sleep "$left"
  fi
}
