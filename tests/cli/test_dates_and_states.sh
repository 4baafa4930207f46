# Dates say what happened: old friends are not new connections (--known-since,
# a past --met-on), a weekday for something that happened is the last one, an
# entry dated in the future does not settle a hello, and day 0 is due, not late.
. "$(dirname "$0")/lib.sh"

# ROLO_TODAY 2026-11-24 is a Tuesday.
run add "Olga Old" --met "worked together 2019-2023" --every 30d --known-since 2019-03-01
expect_rc 0
expect_out "added #1 Olga Old, connected since 2019-03-01"
run add "Nina New" --every 30d
expect_out "added #2 Nina New, connected since 2026-11-24"
run add "Paul Past" --met-on 2025-06-01 --every 30d
expect_out "added #3 Paul Past, connected since 2025-06-01"
run due --format tsv
expect_out_has "$(printf '2\tNina New\thello\tdue\tdue today\t2026-11-24')"
expect_out_lacks "$(printf 'Olga Old\thello')"
expect_out_lacks "$(printf 'Paul Past\thello')"
run add "Zed" --known-since 2020-01-01 --not-connected
expect_rc 2
run edit nina --known-since 2018-05-01
expect_rc 0
run due --format tsv
expect_out_lacks "$(printf 'Nina New\thello')"

# A weekday for something that happened is the most recent one.
run log olga "coffee" --kind coffee --on wednesday
expect_out "logged coffee with #1 Olga Old on 2026-11-18"
run add "Wes Wednesday" --met-on wed --connected
expect_out "added #4 Wes Wednesday, connected since 2026-11-18"
run log olga "plan" --next friday
expect_out "logged note with #1 Olga Old on 2026-11-24, next step 2026-11-27"

# An entry dated in the future warns and does not settle a hello.
run add "Hugo Hello" --connected -q
expect_out "5"
run log hugo "hello, planned" --kind message --on 2026-11-30
expect_rc 0
expect_err "rolo: warning: --on 2026-11-30 is in the future: logged, but it counts only from that day"
run due --format tsv
expect_out_has "$(printf '5\tHugo Hello\thello\tdue')"
run --today 2026-11-30 due --format tsv
expect_out_lacks "$(printf 'Hugo Hello\thello')"

# Without a cadence of their own, a tag's or [defaults].every (unset by default), none is due.
run show hugo
expect_out_has "  cadence    none: never due for a check-in"
run show olga
expect_out_has "  cadence    every 30d"

finish
