# Keeping in touch beyond one cadence: tag cadences, ideal..maximum windows,
# losing touch (ls --stale, last, --sort) and the cron digest.
. "$(dirname "$0")/lib.sh"

cat >"$ROLO_CONFIG" <<'TOML'
[defaults]
every = "90d"
[every]
family = "14d"
"good friend" = "30d"
client = "4w..6w"
TOML
q() { "$ROLO" "$@" >/dev/null; }
cadence_of() { "$ROLO" show "$1" --format json | python3 -c 'import json,sys; c=json.load(sys.stdin)["cadence"]; print(c and c["every"] + " " + c["source"])'; }

# Precedence: own, else the shortest tag, else the default, else none.
q add "Own Every" --met-on 2025-01-01 --tag family --every 3w
q add "Two Tags" --met-on 2025-01-01 --tag "good friend" --tag family
q add "Client Only" --met-on 2025-01-01 --tag client
q add "No Tags" --met-on 2025-01-01
expect_true "own cadence wins" test "$(cadence_of own)" = "3w own"
expect_true "shortest tag wins" test "$(cadence_of "two tags")" = "2w tag family"
expect_true "a window from a tag" test "$(cadence_of client)" = "4w..6w tag client"
expect_true "the default" test "$(cadence_of "no tags")" = "90d default"
run show "two tags"
expect_out_has "cadence    every 2w, from tag family"
printf '[every]\nfamily = "14d"\n' >"$ROLO_CONFIG"
expect_true "no default, no cadence" test "$(cadence_of "no tags")" = "None"

# Windows: nothing before the ideal, `ideal` from it, `late` past the maximum.
printf '[every]\nclient = "4w..6w"\n' >"$ROLO_CONFIG"
q log client "quarterly review" --kind meeting --on 2026-10-01
run --today 2026-10-28 due -q
expect_out_lacks "3"
run --today 2026-10-29 due --format tsv
expect_out_has "$(printf '3\tClient Only\tcadence\tideal\tdue today\t2026-10-29')"
run --today 2026-11-12 due --format tsv
expect_out_has "$(printf '3\tClient Only\tcadence\tideal\t14 days late')"
run --today 2026-11-13 due --format tsv
expect_out_has "$(printf '3\tClient Only\tcadence\tlate\t15 days late')"
# Past the maximum, urgency grows faster: Client Only overtakes a plain cadence due earlier.
q edit "no tags" --every 27d
q log "no tags" "call" --kind call --on 2026-10-01
run --today 2026-11-12 due -q
expect_out "$(printf '1\n4\n3')"  # Own Every is overdue since 2025
# Lateness counts up to 30 days, so a year of neglect does not stay first forever.
run --today 2026-11-20 due -q
expect_out "$(printf '3\n1\n4')"
# --every takes windows too, and show/ls print them.
q edit own --every 1w..2w
run ls own --format tsv
expect_out_has "$(printf '\t1w..2w\t')"
run edit own --every 2w..1w
expect_rc 1
expect_err_has "bad cadence '2w..1w'"

# On a terminal table, late is red and ideal yellow; never with NO_COLOR; tsv has the state column.
q edit own --every 0
run --today 2026-11-12 --color always due --format table
expect_out_has $'\x1b[33m 3  Client Only'
expect_out_has $'\x1b[31m 4  No Tags'
NO_COLOR=1 run --today 2026-11-12 due --format table
expect_out_lacks $'\x1b['

# A config change changes due at once, without touching the database.
sum=$(md5sum <"$ROLO_DB")
run --today 2026-11-12 due -q
expect_out_has "3"
printf '[every]\nclient = "8w..10w"\n' >"$ROLO_CONFIG"
run --today 2026-11-12 due -q
expect_out_lacks "3"
expect_true "the database is unchanged" test "$(md5sum <"$ROLO_DB")" = "$sum"

# Losing touch: connected people with no interaction in that long, oldest (and never) first.
q add "Never Touched" --met-on 2025-01-01
q add "Not Connected" --not-connected
q add "Recent" --met-on 2025-01-01
q log recent "coffee" --kind coffee --on 2026-11-20
run ls --stale 45d -q  # never touched first (by name), then the oldest last touch
expect_out "$(printf '5\n1\n2\n3\n4')"
run ls --stale 45d --format tsv
expect_out_has "$(printf '3\tClient Only\t\t\t\tclient\t1\t\t2026-10-01')"
run ls --stale 30d --sort name -q
expect_out "$(printf '3\n5\n4\n1\n2')"
run ls --stale 3d -q
expect_out_has "7"
run ls --stale 3x
expect_rc 1
run ls --sort last -q
expect_out "$(printf '5\n6\n1\n2\n3\n4\n7')"
run ls --sort id -q
expect_out "$(printf '1\n2\n3\n4\n5\n6\n7')"
run ls --sort age
expect_rc 2

# The digest: a count line, then groups by reason.
printf '[every]\nclient = "4w..6w"\n' >"$ROLO_CONFIG"
q log recent "said I would send the deck" --kind call --on 2026-11-20 --next 2026-11-22
run due --digest
expect_rc 0
expect_out "$(cat <<'TEXT'
3 people to get in touch with on 2026-11-24.

follow-up (1)
  #7 Recent: late, said I would send the deck
      rolo draft followup 7

cadence (2)
  #3 Client Only: late, every 4w..6w, from tag client
      rolo draft checkin 3
  #4 No Tags: late, every 27d
      rolo draft checkin 4
TEXT
)"
run due --digest --tag nobody
expect_out "Nobody is due on 2026-11-24."

finish
