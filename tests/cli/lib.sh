# Shared harness for rolo's end-to-end tests: each test script sources this,
# runs the built binary ($ROLO) on a private temporary database with today
# frozen, and checks stdout, stderr and the exit code of every run.
set -u
: "${ROLO:?set ROLO to the rolo binary}"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export HOME="$TMP/home"
export ROLO_DB="$TMP/rolo.db"
export ROLO_CONFIG="$TMP/config.toml"
export ROLO_TODAY=2026-11-24
unset ROLO_FORMAT XDG_DATA_HOME XDG_CONFIG_HOME VISUAL EDITOR NO_COLOR
mkdir -p "$HOME"

passed=0
failed=0

# run ARGS...: runs rolo; sets $out, $err and $rc. Stdin is empty unless piped in.
run() {
    "$ROLO" "$@" >"$TMP/stdout" 2>"$TMP/stderr"
    rc=$?
    out=$(cat "$TMP/stdout")
    err=$(cat "$TMP/stderr")
}

_report() {  # _report OK DESCRIPTION DETAIL
    local where="${BASH_SOURCE[2]##*/}:${BASH_LINENO[1]}"
    if [ "$1" = 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'FAIL %s: %s\n%s\n  stdout: %s\n  stderr: %s\n' "$where" "$2" "$3" "$out" "$err"
    fi
}

expect_rc() {  # expect_rc CODE
    [ "$rc" = "$1" ]
    _report $((! $?)) "exit code $1" "  got exit code $rc"
}

expect_out() {  # expect_out EXACT
    [ "$out" = "$1" ]
    _report $((! $?)) "stdout is exactly" "  expected: $1"
}

expect_out_has() {  # expect_out_has TEXT
    case "$out" in *"$1"*) _report 1 "" "" ;; *) _report 0 "stdout contains" "  missing: $1" ;; esac
}

expect_out_lacks() {  # expect_out_lacks TEXT
    case "$out" in *"$1"*) _report 0 "stdout lacks" "  present: $1" ;; *) _report 1 "" "" ;; esac
}

expect_err() {  # expect_err EXACT
    [ "$err" = "$1" ]
    _report $((! $?)) "stderr is exactly" "  expected: $1"
}

expect_err_has() {  # expect_err_has TEXT
    case "$err" in *"$1"*) _report 1 "" "" ;; *) _report 0 "stderr contains" "  missing: $1" ;; esac
}

expect_true() {  # expect_true DESCRIPTION COMMAND...
    local what=$1
    shift
    "$@"
    _report $((! $?)) "$what" "  command: $*"
}

finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" = 0 ]
}

# complete_bash FILE WORD...: what the bash completion in FILE offers for the last word, one per line.
complete_bash() {
    bash -c 'source "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _rolo; printf "%s\n" "${COMPREPLY[@]}"' "$@"
}

# zsh_completes FPATH_DIR LINE EXPECTED: whether an interactive zsh, with
# FPATH_DIR first in fpath and compinit run, shows EXPECTED after LINE and a tab
# (zsh's own completion system autoloads _rolo); $out is what it showed. The
# terminal is zsh/zpty's.
zsh_completes() {
    out=$(timeout 30 zsh -f -c '
        zmodload zsh/zpty || exit
        zpty shell zsh -f -i
        zpty -w shell "fpath=(${(q)1} \$fpath); autoload -U compinit; compinit -u -d ${(q)4}/zcompdump; print rea""dy"
        zpty -r -m shell screen "*ready*"
        zpty -w -n shell "$2"
        screen=""
        for i in {1..100}; do
            zpty -r -t shell chunk && screen+=$chunk
            [[ $screen == *"$3"* ]] && break
            sleep 0.1
        done
        zpty -d shell
        print -r -- "${screen//[^[:print:]]/}"' zsh "$1" "$2"$'\t' "$3" "$TMP" 2>&1)
    case "$out" in *"$3"*) return 0 ;; *) return 1 ;; esac
}

# zip_dir DIR ZIP: a zip of the files in DIR, as LinkedIn lays them out (no folder inside).
zip_dir() {
    python3 - "$1" "$2" <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
    for name in sorted(os.listdir(sys.argv[1])):
        z.write(os.path.join(sys.argv[1], name), name)
PY
}
