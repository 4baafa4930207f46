# zsh completion for rolo: the bash completion beside this file (rolo.bash),
# through zsh's bashcompinit. Source it from ~/.zshrc, after compinit:
#   source /usr/local/share/rolo/completions/rolo.zsh
autoload -U +X bashcompinit && bashcompinit
source "${${(%):-%x}:A:h}/rolo.bash"
