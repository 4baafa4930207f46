#!/bin/sh
# Walks through today's `rolo due` list: shows each person and drafts the
# suggested message. `rolo due -q` prints one id per line, most urgent first.
set -eu
for id in $(rolo due -q); do
    rolo show "$id"
    echo
done
