# rolo stats: the counts, and activity by month, kind and tag, in every format.
. "$(dirname "$0")/lib.sh"

run stats --format table
expect_rc 0
expect_out_has "people               0"
expect_true "stats on no database creates none" test ! -e "$ROLO_DB"

run add "Ada Lovelace" --tag client --every 30d --met-on 2026-08-01 -q
run add "Bob Byte" --tag client --tag friend --not-connected -q
run log ada "call" --kind call --on 2026-09-01 -q
run log ada "coffee" --kind coffee --on 2026-11-20 -q
run log bob "note" --kind message --on 2026-11-21 -q
run link ada bob
run stats
expect_rc 0
expect_out "$(printf 'people\tconnected\tarchived\tnever_contacted\tinteractions\tpast_30_days\tlast_on\tlinks\tintros_open\tdue_now\n2\t1\t0\t0\t3\t2\t2026-11-21\t1\t0\t0')"
run stats --format json
expect_out_has '"last_on": "2026-11-21"'
expect_out_has '"due_now": 0'
run --today 2026-12-31 stats --format json
expect_out_has '"due_now": 1'  # Ada's 30 days are up

run stats --by month --months 3 --format csv
expect_out "$(printf 'month,interactions,people\n2026-09,1,1\n2026-10,0,0\n2026-11,2,2')"
run stats --by kind
expect_out "$(printf 'kind\tinteractions\tpeople\ncall\t1\t1\ncoffee\t1\t1\nmessage\t1\t1')"
run stats --by tag -q
expect_out "$(printf 'client\nfriend')"
run stats --by tag
expect_out_has "$(printf 'client\t3\t2')"

run stats --by week
expect_rc 2
run stats --by month --months 0
expect_rc 2
run stats --months 3
expect_rc 2
expect_err_has "--months: goes with --by month"

finish
