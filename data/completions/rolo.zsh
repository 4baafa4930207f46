#compdef rolo
# zsh completion for rolo: the bash completion (rolo.bash) through zsh's
# bashcompinit, so that one script knows rolo's commands, options, values and
# people. Installed as _rolo in zsh's vendor-completions (cmake --install and
# the Debian package do), compinit finds it on its own; else source this file
# from ~/.zshrc after compinit.
autoload -U +X bashcompinit && bashcompinit
# rolo.bash is beside this file in the source tree and in share/rolo/completions;
# from share/zsh/vendor-completions it is in share/rolo/completions.
() {
    local here=${1:A:h} candidate
    for candidate in $here/rolo.bash $here/../../rolo/completions/rolo.bash; do
        [[ -f $candidate ]] && { source $candidate; return }
    done
} ${functions_source[_rolo]:-${(%):-%x}}
# Autoloaded, this file is the body of _rolo, run at the first completion:
# rolo.bash has just redefined _rolo and rolo's completion, so complete with them.
[[ $zsh_eval_context[-1] == file ]] || ${=_comps[rolo]}
