# The README's first command ends in data/sample/demo.sh: keep it working.
. "$(dirname "$0")/lib.sh"

# As the README runs it: no ROLO_DATA_DIR, a rolo in a build tree.
out=$(cd "$ROLO_SOURCE_DIR" && env -u ROLO_DATA_DIR data/sample/demo.sh "$ROLO" 2>"$TMP/stderr")
rc=$?
err=$(cat "$TMP/stderr")
expect_rc 0
expect_err ""
expect_out_has "#1 Janet Mellor (Mellor & Co)"
expect_out_has "coffee at Stage Door; she is hiring a COO, asked for names  (next 2026-12-08)"
expect_out_has " 5  Zoë Ångström  Fjord Analytics"
expect_out_has "Tomás Ortega  follow-up  late"
expect_out_has "you → Priya Raman (call 54d ago) → Aiko Tanaka (strength 5)"
# The check-in says when you last spoke and asks about the topic, never the private summary.
expect_out_has "I hope you have been well since our coffee earlier this month. How are things going with your search for a COO?"
checkin=$(printf '%s\n' "$out" | awk '/^\$ rolo draft checkin janet/ {on=1; next} /^\$ / {on=0} on')
expect_true "the check-in is in the demo" test -n "$checkin"
expect_true "the check-in quotes no private summary" test -z "$(printf '%s' "$checkin" | grep -e 'Stage Door' -e 'she is')"
expect_out_has "never_contacted           2"
expect_out_has '3 -- 7 [penwidth=5];'

finish
