#!/usr/bin/env bash
# Throughput and memory of ringkas, measured against a floor in the same invocation.
#
#   scripts/bench.sh PATH [RUNS]
#
# PATH is a folder of *.txt/*.md files (one document each) or a .jsonl file (one document a
# line, field `text`). Each of RUNS rounds (default 5) runs, back to back on the same files:
#   wordfreq     examples/wordfreq.rs: read, lowercase and count every word, one thread
#   ringkas -j1  the whole pipeline to JSON Lines, one worker thread
#   ringkas -j2  the same with two
# and the script prints median wall time, MB/s, documents/s, CPU seconds and peak RSS for each,
# the ratios that matter on a noisy machine (ringkas -j2 / wordfreq, -j2 / -j1), and then the
# whole-process rate for one document on stdin (start-up included).
# Needs GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: scripts/bench.sh PATH [RUNS]}
runs=${2:-5}
single_runs=${SINGLE_RUNS:-300}

cargo build --release --quiet --bin ringkas --example wordfreq
ringkas=$PWD/target/release/ringkas
wordfreq=$PWD/target/release/examples/wordfreq
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [[ -d $target ]]; then
    read -r bytes docs < <(find "$target" -type f \( -iname '*.txt' -o -iname '*.md' \) \
        -not -path '*/.*' -printf '%s\n' | awk '{s += $1; n++} END {print s + 0, n + 0}')
    input_args=("$target")
    one=$(find "$target" -type f \( -iname '*.txt' -o -iname '*.md' \) -not -path '*/.*' \
        | sort | sed -n 1p)
    one_args=()
else
    bytes=$(stat -c %s "$target")
    docs=$(wc -l < "$target")
    input_args=(--input jsonl "$target")
    one=$tmp/one.jsonl
    head -n 1 "$target" > "$one"
    one_args=(--input jsonl)
fi

# One timed run: appends "wall rss_kb cpu" to $tmp/$name. The wall time is of the command
# alone (bash's `time`, millisecond steps); peak RSS and CPU seconds come from a second run of
# the same command under GNU time, whose own start-up would otherwise be counted in the wall
# time of a run of a tenth of a second.
measure() {
    local name=$1
    shift
    local wall
    wall=$( { TIMEFORMAT=%3R; time "$@" > "$tmp/$name.out" 2> /dev/null; } 2>&1 )
    /usr/bin/time -f '%M %U %S' -o "$tmp/time" "$@" > /dev/null
    awk -v w="$wall" '{print w, $1, $2 + $3}' "$tmp/time" >> "$tmp/$name"
}

for ((i = 1; i <= runs; i++)); do
    measure wordfreq "$wordfreq" "$target"
    measure j1 "$ringkas" "${input_args[@]}" -f jsonl -q -j 1
    measure j2 "$ringkas" "${input_args[@]}" -f jsonl -q -j 2
done
if ! cmp -s "$tmp/j1.out" "$tmp/j2.out"; then
    echo "bench: -j 1 and -j 2 gave different output" >&2
    exit 1
fi

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
col() { awk -v c="$2" '{print $c}' "$tmp/$1" | median; }

mb=$(awk -v b="$bytes" 'BEGIN {printf "%.2f", b / 1e6}')
echo "input: $target: $docs documents, $mb MB; $runs runs each, medians; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-12s %8s %8s %10s %8s %9s\n' run wall_s MB/s docs/s cpu_s peak_MB
for name in wordfreq j1 j2; do
    wall=$(col "$name" 1)
    cpu=$(col "$name" 3)
    rss=$(awk '{print $2}' "$tmp/$name" | sort -n | tail -n 1)
    label=$name
    [[ $name == j* ]] && label="ringkas -${name}"
    awk -v l="$label" -v w="$wall" -v b="$bytes" -v d="$docs" -v c="$cpu" -v r="$rss" 'BEGIN {
        printf "%-12s %8.3f %8.2f %10.0f %8.2f %9.1f\n", l, w, b / 1e6 / w, d / w, c, r / 1024 }'
done
awk -v base="$(col wordfreq 1)" -v j1="$(col j1 1)" -v j2="$(col j2 1)" 'BEGIN {
    printf "ratio ringkas -j2 / wordfreq (throughput): %.2f\n", base / j2
    printf "speed-up ringkas -j1 -> -j2: %.2f\n", j1 / j2 }'

# One document on stdin, whole processes, start-up included.
start=$(date +%s.%N)
for ((i = 0; i < single_runs; i++)); do
    "$ringkas" "${one_args[@]}" -f jsonl -q < "$one" > /dev/null
done
end=$(date +%s.%N)
awk -v n="$single_runs" -v s="$start" -v e="$end" -v f="$one" 'BEGIN {
    printf "one document on stdin (%s): %d runs in %.2f s = %.0f runs/s\n", f, n, e - s, n / (e - s) }'
