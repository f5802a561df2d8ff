#!/usr/bin/env bash
# Body, title, author and date check on fundus's publisher test pages: see fundus.py and checkset.sh.
#
#   bench/extract/fundus.sh FUNDUS [WORK] [-v]      FUNDUS: a checkout of github.com/flairNLP/fundus
exec "$(dirname "$0")/checkset.sh" fundus "$@"
