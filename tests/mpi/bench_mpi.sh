#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# wordmill-mpi with 1 and 2 ranks (one worker thread each) against wordmill-cli with 1 and 2
# workers on the same ~400 MB (the King James Bible concatenated), in both modes: MB/s (median
# of REPETITIONS runs, wall time of the whole mpirun), each rank's peak RSS and the all-to-all
# time (from --progress=json's last line), and the ratios. Run it on a quiet machine.
#   bash tests/mpi/bench_mpi.sh BUILD_DIR [REPETITIONS]
set -euo pipefail
build=${1:?usage: bench_mpi.sh BUILD_DIR [REPETITIONS]}
repetitions=${2:-3}
cli=$build/app/cli/wordmill-cli
mpi=$build/app/mpi/wordmill-mpi
corpus=$(dirname "$0")/../../../shared/corpus/kjvbible.txt
mpirun=(mpirun --oversubscribe)
[ "$(id -u)" -ne 0 ] || mpirun+=(--allow-run-as-root)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
input=$dir/bible-x93.txt
for _ in $(seq 93); do cat "$corpus"; done >"$input"
bytes=$(stat -c %s "$input")
cat "$input" >/dev/null # in the page cache for every run

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# Runs "$@" REPETITIONS times; prints the median wall seconds and keeps the last stderr in $dir/err.
timed() {
    for _ in $(seq "$repetitions"); do
        local start end
        start=$(date +%s.%N)
        "$@" >"$dir/out" 2>"$dir/err"
        end=$(date +%s.%N)
        awk -v s="$start" -v e="$end" 'BEGIN { print e - s }'
    done | median
}
rss_of() { # the ranks' peak RSS in MiB, from the last JSON line
    tail -n 1 "$dir/err" | python3 -c 'import json,sys; o=json.loads(sys.stdin.read()); print(" ".join("%d" % (r["peakRssBytes"] // 1048576) for r in o["ranks"]))'
}
alltoall_of() {
    tail -n 1 "$dir/err" | python3 -c 'import json,sys; print("%.3f" % json.loads(sys.stdin.read())["allToAllSeconds"])'
}

echo "input: $(( bytes / 1000000 )) MB ($input), median of $repetitions runs, $(nproc) CPUs"
for mode in whitespace words; do
    echo
    echo "mode $mode"
    printf '%-30s %8s %8s %10s %14s %12s\n' run seconds MB/s "vs cli 1" "peak RSS MiB" "all-to-all s"
    cli1=$(timed "$cli" --quiet --mode "$mode" --threads 1 "$input")
    cp "$dir/out" "$dir/expected"
    row() { # name seconds [rss] [alltoall]
        awk -v name="$1" -v t="$2" -v b="$bytes" -v base="$cli1" -v rss="${3:--}" -v a="${4:--}" \
            'BEGIN { printf "%-30s %8.2f %8.0f %9.2fx %14s %12s\n", name, t, b / t / 1e6, base / t, rss, a }'
    }
    row "wordmill-cli --threads 1" "$cli1"
    cli2=$(timed "$cli" --quiet --mode "$mode" --threads 2 "$input")
    row "wordmill-cli --threads 2" "$cli2"
    for ranks in 1 2; do
        seconds=$(timed "${mpirun[@]}" -np "$ranks" "$mpi" --progress=json --mode "$mode" --threads 1 "$input")
        cmp -s "$dir/out" "$dir/expected" || { echo "wordmill-mpi -np $ranks: output differs" >&2; exit 1; }
        row "wordmill-mpi -np $ranks (1 thread)" "$seconds" "$(rss_of)" "$(alltoall_of)"
        eval "mpi$ranks=$seconds"
    done
    awk -v one="$mpi1" -v two="$mpi2" 'BEGIN { printf "2 ranks / 1 rank: %.2fx (target 1.7x)\n", one / two }'
done
