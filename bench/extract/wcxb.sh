#!/usr/bin/env bash
# Body, title, author and date check on WCXB's development pages of type "article": see wcxb.py and checkset.sh.
#
#   bench/extract/wcxb.sh WCXB [WORK] [-v]     WCXB: a checkout of github.com/Murrough-Foley/web-content-extraction-benchmark
exec "$(dirname "$0")/checkset.sh" wcxb "$@"
