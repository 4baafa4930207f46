# fish completion for rolo: it asks the bash completion (rolo.bash), so that
# one script knows rolo's commands, options, values and people. Install: copy
# to ~/.config/fish/completions/ (cmake --install puts it in fish's
# vendor_completions.d); bash must be installed.
set -l here (status dirname)
# Beside this file in the source tree; under share/rolo once installed.
for candidate in $here/rolo.bash $here/../../rolo/completions/rolo.bash
    if test -f $candidate
        set -g __rolo_bash_completion (realpath $candidate)
        break
    end
end

function __rolo_complete
    set -q __rolo_bash_completion; or return
    bash -c 'source "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _rolo; printf "%s\n" "${COMPREPLY[@]}"' \
        $__rolo_bash_completion (commandline -opc) (commandline -ct) 2>/dev/null
end

complete -c rolo -f -a '(__rolo_complete)'
