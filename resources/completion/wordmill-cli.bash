# SPDX-License-Identifier: GPL-3.0-or-later
# bash completion for wordmill-cli, the command-line program of WordMill.
# Installed as /usr/share/bash-completion/completions/wordmill-cli; works without the
# bash-completion package too (source this file).

_wordmill_cli()
{
    local cur prev split=false
    if declare -F _init_completion >/dev/null 2>&1; then
        local words cword
        # -s splits "--opt=value" into prev=--opt and cur=value.
        _init_completion -s || return
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=
        ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
        # With '=' in COMP_WORDBREAKS (the default), "--mode=wo" arrives as three words:
        # "--mode" "=" "wo", or two ("--mode" "=") right after the '='.
        if [[ $cur == = ]]; then
            cur=
            split=true
        elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
            prev=${COMP_WORDS[COMP_CWORD - 2]}
            split=true
        elif [[ $cur == --*=* ]]; then
            # '=' is not a word break here: the completions replace the whole word.
            prev=${cur%%=*}
            cur=${cur#*=}
            split=true
        fi
    fi

    local prefix=
    [[ ${COMP_WORDS[COMP_CWORD]} == --*=* ]] && prefix=${COMP_WORDS[COMP_CWORD]%%=*}=

    local values=
    case $prev in
        --mode) values='words whitespace' ;;
        --format) values='tsv csv json' ;;
        --chunk-size) values='64K 256K 1M 4M 16M 64M 256M 1G' ;;
        --sample) values='100M 1G 5G 10G' ;;
        --map-memory) values='16M 64M 256M 1G' ;;
        --threads) values=$(getconf _NPROCESSORS_ONLN 2>/dev/null) || return ;;
        --top) return ;; # any whole number
    esac
    if [[ -n $values ]]; then
        local IFS=$'\n'
        COMPREPLY=($(compgen -P "$prefix" -W "${values// /$'\n'}" -- "$cur"))
        return
    fi
    # An '=' after an option that takes no value: nothing to offer.
    $split && return

    # After "--" every word is a path.
    local i end_of_options=false
    for ((i = 1; i < COMP_CWORD; i++)); do
        if [[ ${COMP_WORDS[i]} == -- ]]; then
            end_of_options=true
            break
        fi
    done

    if [[ $cur == -* ]] && ! $end_of_options; then
        local options='--mode --threads --chunk-size --top --format --sample --progress
            --progress=json --quiet --merge --map --map-memory --reduce --output --files0-from
            --checkpoint --checkpoint-interval --resume --help --version -h -v -o'
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return
    fi

    # Files and folders to count (or, with --merge, result files).
    if declare -F _filedir >/dev/null 2>&1; then
        _filedir
    else
        compopt -o filenames 2>/dev/null
        local IFS=$'\n'
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
} &&
    complete -F _wordmill_cli wordmill-cli

# ex: filetype=sh
