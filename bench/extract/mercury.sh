#!/usr/bin/env bash
# Metadata and body-start check on Mercury parser's fixtures: see mercury.py and checkset.sh.
#
#   bench/extract/mercury.sh PARSER [WORK] [-v]     PARSER: a checkout of github.com/postlight/parser
exec "$(dirname "$0")/checkset.sh" mercury "$@"
