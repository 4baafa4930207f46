#!/bin/sh
# Drafts a message and puts it on the clipboard, so it can be pasted into
# LinkedIn or a mail client. Refuses (exit 1) when the lint finds a problem.
# Usage: draft-to-clipboard.sh KIND WHO [rolo draft options...]
set -eu
message=$(rolo draft "$@" --strict)
if command -v wl-copy >/dev/null; then
    printf '%s\n' "$message" | wl-copy
elif command -v xclip >/dev/null; then
    printf '%s\n' "$message" | xclip -selection clipboard
else
    printf '%s\n' "$message"
fi
