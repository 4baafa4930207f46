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
expect_out_has "I was thinking of you and of our last conversation"
expect_out_has "never_contacted           2"
expect_out_has '3 -- 7 [penwidth=5];'

finish
