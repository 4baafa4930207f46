# Shell completions: bash (and zsh through bashcompinit, fish through bash,
# where those shells are installed) complete commands, options, option
# values, people's names and files, from rolo's own --help.
. "$(dirname "$0")/lib.sh"
completions="$ROLO_SOURCE_DIR/data/completions"

run add "Janet Mellor" -q
run add "Zoë Ångström" -q
run add "Gone Person" -q
run rm gone
cd "$TMP" && touch Connections.csv

expect_completion() {  # expect_completion EXPECTED WORD...
    local expected=$1
    shift
    out=$(complete_bash "$completions/rolo.bash" "$@")
    [ "$out" = "$expected" ]
    _report $((! $?)) "bash completes '$*'" "  expected: $expected"
}

expect_completion "import" "$ROLO" im
expect_completion "stats" "$ROLO" --db "$ROLO_DB" --format json st
expect_completion "--skip-bad" "$ROLO" import --sk
expect_completion "$(printf 'linkedin\nlinkedin-archive\ncsv\nvcard\njson\ngoogle\noutlook')" "$ROLO" import --from ""
expect_completion "json" "$ROLO" ls --format j
expect_completion "Connections.csv" "$ROLO" import Con
expect_completion "Janet Mellor" "$ROLO" show ja
expect_completion "Zoë Ångström" "$ROLO" log zo
expect_completion "Zoë Ångström" "$ROLO" log zoe  # the one person rolo would find
expect_completion "Janet Mellor" "$ROLO" show mellor
expect_completion "" "$ROLO" show go  # archived people are not offered
expect_completion "Janet Mellor" "$ROLO" draft checkin zoe --via J
expect_completion "$(printf 'intro-request\nintro-follow-up')" "$ROLO" draft intro-
expect_completion "Zoë Ångström" "$ROLO" link janet z
expect_completion "unlog" "$ROLO" unlo
expect_completion "Janet Mellor" "$ROLO" done ja
expect_completion "--todo-id" "$ROLO" done janet --todo
expect_completion "--todo" "$ROLO" log janet --todo
expect_completion "--amend" "$ROLO" log --am
expect_completion "Janet Mellor" "$ROLO" merge ja
expect_completion "Zoë Ångström" "$ROLO" merge janet zo
expect_completion "--dry-run" "$ROLO" merge --dr
expect_completion "" "$ROLO" --db "$TMP/other.db" show ja  # names come from the database given
# Option values from the database (tags) and from rolo (kinds).
run edit janet --tag client --tag vip -q
expect_completion "$(printf 'client\nvip')" "$ROLO" ls --tag ""
expect_completion "vip" "$ROLO" intro --suggest --exclude-tag v
expect_completion "coffee" "$ROLO" log janet --kind co
expect_completion "call" "$ROLO" history --kind ca
# A prefix two people share by name completes to neither.
run add "Sam Lee" -q
run add "Sam Lee" --force -q
expect_completion "" "$ROLO" show sa
out=$(complete_bash "$completions/rolo.bash" "$ROLO" "")
expect_true "every command is offered" test "$(printf '%s\n' "$out" | wc -l)" -eq \
    "$("$ROLO" --help | awk '/^Subcommands:/ {on=1; next} on && NF' | wc -l)"

export PATH="$(dirname "$ROLO"):$PATH"  # zsh completes the command rolo, not a path
if command -v zsh >/dev/null; then
    out=$(zsh -c 'autoload -U compinit && compinit -u -d "$1/zcompdump"; source "$2/rolo.zsh"
                  shift 2; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); compgen -F _rolo' \
        zsh "$TMP" "$completions" "$ROLO" show ja 2>&1)
    expect_true "zsh completes a name through bashcompinit" test "$out" = "Janet Mellor"
    # Installed as _rolo in a directory of fpath, compinit autoloads it at the first tab
    # (zsh keeps only matches that start with what was typed: "Ja", not "ja").
    mkdir -p "$TMP/vendor-completions" && ln -s "$completions/rolo.zsh" "$TMP/vendor-completions/_rolo"
    expect_true "zsh autoloads _rolo from fpath" \
        zsh_completes "$TMP/vendor-completions" "rolo show Ja" 'Janet\ Mellor'
fi
if command -v fish >/dev/null; then
    out=$(PATH="$(dirname "$ROLO"):$PATH" fish -c "source '$completions/rolo.fish'; complete -C 'rolo import --fr'" 2>&1)
    expect_true "fish completes an option through bash" test "$out" = "--from"
fi

finish
