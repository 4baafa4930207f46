# bash completion for rolo: commands, options, option values, people's names
# and file names. It reads rolo's own --help, so it always matches the rolo it
# runs. Install: copy to /usr/share/bash-completion/completions/rolo (cmake
# --install does), or `source` it from ~/.bashrc. zsh: see rolo.zsh.

# _rolo_options HELP: "NAME TYPE" for every option HELP lists; TYPE is a
# value's type (TEXT, INT, TEXT:{a,b}) or - for a flag.
_rolo_options() {
    awk '/^[A-Z][a-z]*:$/ { on = ($1 == "Options:"); next }
         on && /^  -/ {
             type = ($2 ~ /^(TEXT|INT|UINT|FLOAT)/) ? $2 : "-"
             n = split($1, names, ",")
             for (i = 1; i <= n; i++) print names[i], type
         }' <<<"$1"
}

# _rolo_positionals HELP: the name of each positional argument, in order.
_rolo_positionals() {
    awk '/^[A-Z][a-z]*:$/ { on = ($1 == "Positionals:"); next } on && /^  [A-Z]/ { print $1 }' <<<"$1"
}

# _rolo_people ROLO [GLOBAL OPTION...] -- PREFIX: the names of active people
# that start with PREFIX, in any case; else the one person whose name,
# company... holds it, accents aside, as rolo itself would find them (zoe, mellor).
# A name two people share is not offered: it would name neither.
_rolo_people() {
    local args=() prefix
    while [[ $1 != -- ]]; do args+=("$1"); shift; done
    prefix=$2
    # `ls PREFIX` narrows the list in SQL (to names, companies... holding it);
    # tsv escapes a backslash as two.
    "${args[@]}" ls ${prefix:+"$prefix"} --format tsv 2>/dev/null |
        awk -F'\t' -v prefix="$prefix" 'NR > 1 {
            gsub(/\\\\/, "\\", $2)
            only = $2
            if (index(tolower($2), tolower(prefix)) == 1 && !count[$2]++) names[++n] = $2
        }
        END {
            for (i = 1; i <= n; i++) if (count[names[i]] == 1) print names[i]
            if (!n && NR == 2) print only
        }'
}

# _rolo_tags ROLO [GLOBAL OPTION...]: the tags active people have.
_rolo_tags() {
    "$@" ls --format tsv 2>/dev/null |
        awk -F'\t' 'NR > 1 { n = split($6, tags, ";"); for (i = 1; i <= n; i++) if (!seen[tags[i]]++) print tags[i] }'
}

_rolo() {
    # Written for bash and for zsh's bashcompinit alike: no mapfile, no extglob.
    local IFS=$'\n'
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local rolo=("${COMP_WORDS[0]/#\~/$HOME}") root help="" options command="" positional=0 i word
    root=$("${rolo[@]}" --help 2>/dev/null) || return
    options=$(_rolo_options "$root")
    # Which command, which of its positional arguments is being typed, and the
    # global options (--db, --config) that say which database to read names from.
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == -* ]]; then
            if [[ $word != *=* ]] && grep -q "^$word [^-]" <<<"$options"; then
                case $word in --db | --config) rolo+=("$word" "${COMP_WORDS[i + 1]}") ;; esac
                ((i++))
            fi
        elif [[ -z $command ]]; then
            command=$word
            help=$("${rolo[@]}" "$command" --help 2>/dev/null) || return
            options+=$'\n'$(_rolo_options "$help")
        else
            ((positional++))
        fi
    done

    local type
    type=$(awk -v name="$prev" '$1 == name { print $2; exit }' <<<"$options")
    if [[ -n $type && $type != - ]]; then  # the value of an option
        if [[ $type == *:\{*\} ]]; then
            local choices=${type#*:\{}
            choices=${choices%\}}
            COMPREPLY=($(IFS=' ' compgen -W "${choices//,/ }" -- "$cur"))
        else
            case $prev in
            --db | --config | -o | --output | --check) COMPREPLY=($(compgen -f -- "$cur")) ;;
            --via | --with | --ask | --to) COMPREPLY=($(_rolo_people "${rolo[@]}" -- "$cur")) ;;
            --tag | --untag | --exclude-tag) COMPREPLY=($(compgen -W "$(_rolo_tags "${rolo[@]}")" -- "$cur")) ;;
            esac
        fi
        return
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(cut -d' ' -f1 <<<"$options" | sort -u)" -- "$cur"))
    elif [[ -z $command ]]; then
        COMPREPLY=($(compgen -W "$(awk '/^Subcommands:$/ { on = 1; next } on && NF { print $1 }' <<<"$root")" -- "$cur"))
    else
        # Past the last positional argument, more of the last (intro A B).
        local names name
        names=$(_rolo_positionals "$help")
        name=$(sed -n "$((positional + 1))p" <<<"$names")
        [[ -z $name ]] && name=$(tail -n 1 <<<"$names")
        case $name in
        WHO | OTHER | KEEP) COMPREPLY=($(_rolo_people "${rolo[@]}" -- "$cur")) ;;
        FILE) COMPREPLY=($(compgen -f -- "$cur")) ;;
        DIR) COMPREPLY=($(compgen -d -- "$cur")) ;;
        KIND) COMPREPLY=($(IFS=' ' compgen -W "$(awk '$1 == "KIND" { $1 = $2 = ""; print }' <<<"$help")" -- "$cur")) ;;
        esac
    fi
}

complete -o filenames -F _rolo rolo
