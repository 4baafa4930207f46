# rolo graph: who knows whom, as links or as Graphviz DOT, whole or around someone.
. "$(dirname "$0")/lib.sh"

run graph
expect_rc 0
expect_out "$(printf 'a\ta_name\tb\tb_name\tstrength\tcontext')"
expect_true "graph on no database creates none" test ! -e "$ROLO_DB"

run add "Janet Mellor" --company "Mellor & Co" -q
run add "Clive Smith" --via janet -q
run add "Tomás Ortega" -q
run add "Far Away" -q
run link clive tomas --strength 5 --context 'worked together at "Acme"'
run link tomas far --strength 1
run graph
expect_out "$(printf 'a\ta_name\tb\tb_name\tstrength\tcontext
1\tJanet Mellor\t2\tClive Smith\t3\t
2\tClive Smith\t3\tTomás Ortega\t5\tworked together at "Acme"
3\tTomás Ortega\t4\tFar Away\t1\t')"

run graph clive --hops 1 --dot
expect_rc 0
expect_out 'graph rolo {
  node [shape=box, style=rounded];
  1 [label="Janet Mellor (Mellor & Co)"];
  2 [label="Clive Smith", style="rounded,bold"];
  3 [label="Tomás Ortega"];
  1 -- 2 [penwidth=3];
  2 -- 3 [penwidth=5, label="worked together at \"Acme\""];
}'
if command -v dot >/dev/null; then
    "$ROLO" graph --dot >"$TMP/graph.dot"
    expect_true "Graphviz reads the DOT" dot -Tsvg -o "$TMP/graph.svg" "$TMP/graph.dot"
fi

run rm far
run graph -q
expect_out "$(printf '1\n2')"  # an archived person's links are left out

run graph nobody
expect_rc 1
expect_err_has "nobody"
run graph clive --hops 0
expect_rc 2
run graph --hops 2
expect_rc 2
expect_err_has "--hops: goes with WHO"

finish
