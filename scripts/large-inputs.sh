#!/usr/bin/env bash
# Time and peak memory of ringkas on very large inputs, to check that both grow linearly with
# the input (issue 7). Not a test: run it by hand on a quiet machine, with a release build.
#
#   scripts/large-inputs.sh   # documents of 50, 100, 200 MB; 5-20 MB of distinct sentences;
#                             # lines of 5 and 10 MB without spaces
#   SIZES_MB="200" LINE_MB="10" DISTINCT_MB=" " scripts/large-inputs.sh
#
# For each input it prints wall time, peak RSS (`/usr/bin/time -v`), throughput and peak RSS
# divided by the input size. Linear means: doubling the input doubles the time, and the RSS
# ratio stays flat.
#
# Measured on the shared 2-core box (release build, `-f json -j 1`, CPU seconds), at commit
# 3e038d7 and, in brackets, again at b978291 after the analysis and scoring were made about
# twice as cheap (SIZES_MB=50 LINE_MB=10 DISTINCT_MB=5):
#   document (samples/ repeated)    50 MB:  3.2 s,  638 MB peak RSS   [1.3 s, 707 MB]
#                                  100 MB:  6.2 s, 1270 MB
#                                  200 MB: 12.6 s, 2534 MB   -> ~16 MB/s, peak RSS = 12.7 x input
#   distinct sentences (random       5 MB:  1.4 s,  233 MB            [0.2 s, 130 MB]
#   lexicon words, vocabulary       10 MB:  3.2 s,  456 MB
#   keeps growing)                  20 MB:  7.4 s,  911 MB   -> peak RSS = 45.5 x input (the
#                                  keyword phrase table: every bigram and trigram is new)
#   10 MB line without spaces      "aaaa" 0.2 s, 66 MB (6.6 x) [0.1 s, 55 MB]; "kata," 0.5 s,
#                                  228 MB (22.8 x) [0.4 s, 265 MB]; "Kata." 0.7 s, 228 MB
#                                  [0.6 s, 241 MB]; "a.a@" 1.2 s, 516 MB (51.6 x, a token every
#                                  2 bytes) [1.0 s, 530 MB]; "x.co/" 0.2 s, 46 MB [0.2 s, 55 MB];
#                                  5 MB lines take half the time and memory.
# Before the fixes on branch `robust`, 0.5 MB of "kata," took a minute (tokenizer), and 20 000
# distinct sentences took 19 s with --ratio 1 (sentence scoring and selection).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES_MB=${SIZES_MB:-"50 100 200"}
LINE_MB=${LINE_MB:-"5 10"}
DISTINCT_MB=${DISTINCT_MB:-"5 10 20"}
BIN=target/release/ringkas
cargo build --release --quiet

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One document: the bundled samples repeated, so sentences, names and headings look real.
seed="$work/seed.txt"
cat samples/* > "$seed"
make_document() { # SIZE_MB OUT
    yes "$(cat "$seed")" | head -c "$(($1 * 1024 * 1024))" > "$2" || true
}
# Distinct sentences of eight random lexicon words: a vocabulary that keeps growing, where
# scoring each sentence against the whole document used to be quadratic.
make_distinct() { # SIZE_MB OUT
    grep -v '^#' data/lexicon-id.txt | cut -d' ' -f1 | shuf -r -n "$(($1 * 1024 * 1024 / 7))" \
        | paste -d' ' - - - - - - - - | sed 's/$/./' | tr '\n' ' ' | head -c "$(($1 * 1024 * 1024))" > "$2" || true
}
# One line without whitespace: UNIT repeated.
make_line() { # SIZE_MB UNIT OUT
    yes "$2" | tr -d '\n' | head -c "$(($1 * 1024 * 1024))" > "$3" || true
}

measure() { # LABEL FILE
    local label=$1 file=$2 bytes log
    bytes=$(stat -c %s "$file")
    log="$work/time.log"
    /usr/bin/time -v "$BIN" -f json -j 1 "$file" > /dev/null 2> "$log"
    awk -v label="$label" -v bytes="$bytes" '
        /User time \(seconds\)/ { cpu += $NF }
        /System time \(seconds\)/ { cpu += $NF }
        /Elapsed \(wall clock\)/ { n = split($NF, t, ":"); wall = t[n] + 60 * t[n-1] + (n > 2 ? 3600 * t[n-2] : 0) }
        /Maximum resident set size/ { rss = $NF * 1024 }
        END {
            mb = bytes / 1048576
            printf "%-22s %7.1f MB %8.2f s %8.2f s %7.1f MB/s %8.1f MB %6.1f x\n",
                label, mb, wall, cpu, mb / (cpu > 0 ? cpu : 0.01), rss / 1048576, rss / bytes
        }' "$log"
}

printf '%-22s %10s %10s %10s %12s %11s %8s\n' input size wall cpu "MB/cpu-s" "peak RSS" RSS/input
for mb in $LINE_MB; do
    for unit in aaaa kata, Kata. a.a@ x.co/; do
        make_line "$mb" "$unit" "$work/line.txt"
        measure "line of \"$unit\"" "$work/line.txt"
    done
done
for mb in $DISTINCT_MB; do
    make_distinct "$mb" "$work/distinct.txt"
    measure "distinct sentences" "$work/distinct.txt"
done
for mb in $SIZES_MB; do
    make_document "$mb" "$work/doc.txt"
    measure "document" "$work/doc.txt"
    rm -f "$work/doc.txt"
done
