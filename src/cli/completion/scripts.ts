/**
 * The completion scripts `apig completion SHELL` prints. Each one only passes the words on the command line to
 * `apig __complete -- WORDS... CURRENT` and shows what it prints: one `value<TAB>description` a line (bash shows
 * the value only), then `:files` or `:dirs` when the shell should complete a path itself, else `:plain`.
 */
import type { Shell } from './shells.js';

const SCRIPTS = {
  bash: `# bash completion for apig. Load it with \`source <(apig completion bash)\` (in ~/.bashrc for every
# shell), or save it as ~/.local/share/bash-completion/completions/apig, where bash-completion loads it when
# first needed.
# The candidates come from \`apig __complete\`, which reads the commands and the workspace (apig.yaml).
_apig_completion() {
  local cur=\${COMP_WORDS[COMP_CWORD]} line paths=
  local -a words=("\${COMP_WORDS[@]:1:COMP_CWORD-1}")
  # bash splits \`--format=json\` at the \`=\`: the value after it is the word to complete.
  if [[ $cur == = ]]; then
    words+=("=")
    cur=
  fi
  COMPREPLY=()
  while IFS= read -r line; do
    case $line in
      :files | :dirs) paths=\${line#:} ;;
      :*) ;;
      *) COMPREPLY+=("\${line%%$'\\t'*}") ;;
    esac
  done < <(apig __complete -- "\${words[@]}" "$cur" 2>/dev/null)
  if [[ -n $paths ]]; then
    compopt -o filenames 2>/dev/null
    local IFS=$'\\n'
    if [[ $paths == dirs ]]; then
      COMPREPLY+=($(compgen -d -- "$cur"))
    else
      COMPREPLY+=($(compgen -f -- "$cur"))
    fi
  fi
}
complete -F _apig_completion apig
`,
  zsh: `#compdef apig
# zsh completion for apig. Save it as _apig in a folder of $fpath (before compinit runs), or load it with
# \`source <(apig completion zsh)\` after compinit (in ~/.zshrc for every shell).
# The candidates come from \`apig __complete\`, which reads the commands and the workspace (apig.yaml).
_apig() {
  local line paths tab=$'\\t'
  local -a values
  local ret=1
  for line in "\${(@f)$(apig __complete -- "\${(@)words[2,CURRENT-1]}" "\${words[CURRENT]}" 2>/dev/null)}"; do
    case $line in
      (:files|:dirs) paths=\${line#:} ;;
      (:*|'') ;;
      (*\${tab}*) values+=("\${\${line%%\${tab}*}//:/\\\\:}:\${line#*\${tab}}") ;;
      (*) values+=("\${line//:/\\\\:}") ;;
    esac
  done
  (( \${#values} )) && _describe -t apig-values 'apig' values && ret=0
  if [[ -n $paths ]]; then
    [[ $PREFIX == --*=* ]] && compset -P '*='
    if [[ $paths == dirs ]]; then
      _files -/ && ret=0
    else
      _files && ret=0
    fi
  fi
  return ret
}
if [[ $funcstack[1] == _apig ]]; then
  _apig "$@"
else
  compdef _apig apig
fi
`,
  fish: `# fish completion for apig. Save it as ~/.config/fish/completions/apig.fish, or load it with
# \`apig completion fish | source\`.
# The candidates come from \`apig __complete\`, which reads the commands and the workspace (apig.yaml).
function __apig_complete
    set -l words (commandline -opc)
    set -e words[1]
    set -l current (commandline -ct)
    for line in (apig __complete -- $words "$current" 2>/dev/null)
        switch $line
            case :files
                # The files fish offers to a command it has no completions for (there is no such command):
                # also after \`--opt=\` and \`~/\`, which a glob of "$current"* misses.
                complete -C"__apig_files_only $current"
            case :dirs
                __fish_complete_directories "$current"
            case ':*'
            case '*'
                printf '%s\\n' $line
        end
    end
end
complete -c apig -f -a '(__apig_complete)'
`,
} as const satisfies Record<Shell, string>;

export function completionScript(shell: Shell): string {
  return SCRIPTS[shell];
}
