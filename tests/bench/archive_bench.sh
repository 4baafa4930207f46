#!/usr/bin/env bash
# Benchmark: `rolo import` of a LinkedIn archive (a zip) whose messages.csv
# holds 200,000 messages (the 2026 era: every field quoted, some text over
# several lines) between you and 2,000 connections, into a new database;
# into a database in use (made by `rolo init`, so in WAL mode, as most are);
# then re-importing the same archive (which adds nothing). All against the
# sqlite3 shell's `.import --csv` of the same messages.csv into a bare table
# of a new database file, alternating run by run. Prints medians and ratios.
# Usage: tests/bench/archive_bench.sh [path/to/rolo] [RUNS]
set -euo pipefail
rolo=$(realpath "${1:-build/apps/rolo/rolo}")
runs=${2:-5}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ROLO_CONFIG="$work/none.toml" ROLO_TODAY=2026-11-24
archive="$work/Basic_LinkedInDataExport_11-20-2026.zip"

python3 - "$work" "$archive" <<'PY'
import os, random, sys, zipfile
random.seed(13)
work, archive = sys.argv[1], sys.argv[2]
people = 2000
url = lambda i: f"https://www.linkedin.com/in/person-{i}"
with open(os.path.join(work, "Connections.csv"), "w", newline="") as out:
    out.write("Notes:\r\n\"Some emails are missing.\"\r\n\r\n")
    out.write("First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n")
    for i in range(people):
        out.write(f"Person,Number {i},{url(i)},,Company {i % 90},Engineer,{1 + i % 28:02d} Mar 2024\r\n")
with open(os.path.join(work, "Profile.csv"), "w", newline="") as out:
    out.write("First Name,Last Name,Headline\r\nAda,Quint,Founder\r\n")
words = "the a meeting next week slides robotics thanks great talk data project coffee Lisbon idea".split()
def q(text):
    return '"' + text.replace('"', '""') + '"'
with open(os.path.join(work, "messages.csv"), "w", newline="") as out:
    out.write(",".join(q(c) for c in ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
                                      "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER",
                                      "ATTACHMENTS", "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"]) + "\r\n")
    me = "https://www.linkedin.com/in/ada-quint"
    for n in range(200000):
        i = random.randrange(people)
        mine = n % 2 == 0
        text = " ".join(random.choice(words) for _ in range(random.randint(5, 40)))
        if n % 7 == 0:
            text += "\n\nBest,\nAda"
        date = f"20{20 + n % 6}-{1 + n % 12:02d}-{1 + n % 28:02d} {n % 24:02d}:{n % 60:02d}:{(n * 7) % 60:02d} UTC"
        row = [f"2-conv-{i}", "", "Ada Quint" if mine else f"Person Number {i}", me if mine else url(i),
               f"Person Number {i}" if mine else "Ada Quint", url(i) if mine else me, date, "", text, "INBOX", "",
               "No", "No"]
        out.write(",".join(q(c) for c in row) + "\r\n")
with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
    for name in ["Profile.csv", "Connections.csv", "messages.csv"]:
        z.write(os.path.join(work, name), name)
PY

import_new() {
    rm -f "$work/rolo.db" "$work/rolo.db-wal" "$work/rolo.db-shm"
    elapsed_us "$rolo" --db "$work/rolo.db" import "$archive"
}
import_existing() {
    rm -f "$work/used.db" "$work/used.db-wal" "$work/used.db-shm"
    "$rolo" --db "$work/used.db" init -q >/dev/null
    elapsed_us "$rolo" --db "$work/used.db" import "$archive"
}
reimport() {
    cp "$work/imported.db" "$work/again.db"
    rm -f "$work/again.db-wal" "$work/again.db-shm"
    elapsed_us "$rolo" --db "$work/again.db" import "$archive"
}
baseline() {
    rm -f "$work/bare.db"
    elapsed_us sqlite3 "$work/bare.db" ".import --csv $work/messages.csv messages"
}

"$rolo" --db "$work/imported.db" import "$archive" >"$work/summary.txt"
cat "$work/summary.txt"
first_us=() existing_us=() again_us=() sqlite_us=()
for _ in $(seq "$runs"); do
    first_us+=($(import_new))
    existing_us+=($(import_existing))
    again_us+=($(reimport))
    sqlite_us+=($(baseline))
done
first_ms=$(median_of_ms "${first_us[@]}")
existing_ms=$(median_of_ms "${existing_us[@]}")
again_ms=$(median_of_ms "${again_us[@]}")
sqlite_ms=$(median_of_ms "${sqlite_us[@]}")
echo "archive benchmark: 200000-message messages.csv in a zip, 2000 connections, median of $runs runs"
echo "  rolo import (new database)     ${first_ms} ms"
echo "  rolo import (database in use)  ${existing_ms} ms"
echo "  rolo import again (no change)  ${again_ms} ms"
echo "  sqlite3 .import (new file)     ${sqlite_ms} ms"
print_ratio "$first_ms" "$sqlite_ms" "target: within 2x"
print_ratio "$existing_ms" "$sqlite_ms" "into a database in use; target: within 2x"
print_ratio "$again_ms" "$sqlite_ms" "re-import; target: within 1.5x"
