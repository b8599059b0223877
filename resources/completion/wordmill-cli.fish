# SPDX-License-Identifier: GPL-3.0-or-later
# fish completion for wordmill-cli, the command-line program of WordMill.
# Installed as /usr/share/fish/vendor_completions.d/wordmill-cli.fish.

# --merge adds up result files already counted: the counting options do not apply to it.
set -l counting 'not __fish_seen_argument -l merge'

complete -c wordmill-cli -l mode -x -n $counting -d 'Counting rules' \
    -a 'words\t"Unicode words, lowercased (default)" whitespace\t"Split at ASCII whitespace"'
complete -c wordmill-cli -l threads -x -n $counting \
    -d 'Worker threads (default: the number of cores)'
complete -c wordmill-cli -l chunk-size -x -n $counting \
    -d 'Bytes per unit of work, 1K to 1G (default 4M)' -a '64K 256K 1M 4M 16M 64M 256M 1G'
complete -c wordmill-cli -l top -x -d 'Print only the N most frequent words'
complete -c wordmill-cli -l format -x -d 'Output format' \
    -a 'tsv\t"word<TAB>count lines (default)" csv\t"RFC 4180 with a header line" json\t"An object with a words array"'
complete -c wordmill-cli -l sample -x -n $counting -d 'Count generated sample text' \
    -a '100M 1G 5G 10G'
complete -c wordmill-cli -l progress -n 'not __fish_seen_argument -l quiet' \
    -d 'Show progress on stderr (default when stderr is a terminal)'
complete -c wordmill-cli -l progress=json -d 'Progress as one JSON object per line on stderr'
complete -c wordmill-cli -s o -l output -r -F -d 'Write the result to FILE, whole or not at all'
complete -c wordmill-cli -l files0-from -r -F -d 'Read the paths from FILE, NUL-separated (- for stdin)'
complete -c wordmill-cli -l checkpoint -r -F -d 'Save the work done to FILE every few seconds, to resume it'
complete -c wordmill-cli -l checkpoint-interval -x -d 'With --checkpoint: seconds between checkpoints (default 5)'
complete -c wordmill-cli -l resume -r -F -d 'Continue the job saved in FILE by --checkpoint'
complete -c wordmill-cli -l quiet -n 'not __fish_seen_argument -l progress' \
    -d 'Show no progress'
complete -c wordmill-cli -l merge \
    -n 'not __fish_seen_argument -l mode -l threads -l chunk-size -l sample -l merge' \
    -d 'Read the paths as result files (TSV or JSON) and add up their counts'
complete -c wordmill-cli -l map -n 'not __fish_seen_argument -l merge -l reduce' \
    -d 'Hadoop Streaming mapper: count standard input, print partial counts'
complete -c wordmill-cli -l map-memory -x -n 'not __fish_seen_argument -l merge -l reduce' \
    -d 'With --map: memory for the counts before they are printed (default 64M)' \
    -a '16M 64M 256M 1G'
complete -c wordmill-cli -l reduce -n 'not __fish_seen_argument -l merge -l map -l mode' \
    -d 'Hadoop Streaming reducer: sum sorted word<TAB>count lines'
complete -c wordmill-cli -s h -l help -d 'Show the options and exit'
complete -c wordmill-cli -s v -l version -d 'Show the version and exit'
# Anything else is a file or folder to count (or, with --merge, a result file): fish offers
# files by default, so nothing more is needed.
