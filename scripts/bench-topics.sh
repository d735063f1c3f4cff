#!/usr/bin/env bash
# Time and peak memory of `ringkas topics` (issue 17), and its agreement with known categories.
#
#   scripts/bench-topics.sh [GOLD.jsonl] [N]
#
# GOLD defaults to eval/data/indosum-train.jsonl (records with `id`, `text`, `category`),
# N to 100000. The script runs, with the release build, on the shared 2-core machine:
#   1. the GOLD articles as one JSON Lines file, --topics 6 and without --topics;
#   2. a folder of N .txt documents made under $TMPDIR by repeating the GOLD articles with
#      small changes (each copy drops one sentence in turn and gets a number appended, so no
#      two files are equal), --topics 6 and without --topics.
# For each it prints wall seconds, CPU seconds and peak RSS (GNU time, Debian package `time`),
# and for step 1 the NMI / ARI of topics_eval.py. The generated folder is deleted at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

gold=${1:-eval/data/indosum-train.jsonl}
n=${2:-100000}
eval_py=${EVAL:-../shared/tools/topics_eval.py}

cargo build --release --quiet --bin ringkas
ringkas=$PWD/target/release/ringkas
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$gold" "$tmp/in.jsonl" <<'PY'
import json, sys
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in open(sys.argv[1], encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            out.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
PY

measure() { # label, command...
    local label=$1
    shift
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" > "$tmp/out" 2> /dev/null
    awk -v l="$label" '{printf "%-34s %7.2f s wall %7.2f s CPU %8.1f MB peak RSS\n", l, $1, $2 + $3, $4 / 1024}' "$tmp/time"
}

docs=$(wc -l < "$tmp/in.jsonl")
measure "$docs articles, --topics 6" "$ringkas" topics -q --input jsonl -f jsonl -t 6 "$tmp/in.jsonl"
measure "$docs articles, K chosen" "$ringkas" topics -q --input jsonl -f jsonl "$tmp/in.jsonl"
if [[ -f $eval_py ]]; then
    echo "agreement with the categories of $gold:"
    printf '  --topics 6: '
    python3 "$eval_py" --gold "$gold" --label category \
        --cmd "$ringkas topics -q --input jsonl -f jsonl --topics 6 {input_file}"
    printf '  K chosen:   '
    python3 "$eval_py" --gold "$gold" --label category \
        --cmd "$ringkas topics -q --input jsonl -f jsonl {input_file}"
fi

python3 - "$tmp/in.jsonl" "$tmp/folder" "$n" <<'PY'
import json, os, re, sys
src, folder, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts = [json.loads(l)["text"] for l in open(src, encoding="utf-8") if l.strip()]
os.makedirs(folder)
for i in range(n):
    text = texts[i % len(texts)]
    copy = i // len(texts)
    sentences = re.split(r"(?<=[.!?])\s+", text)
    if copy and len(sentences) > 2:
        del sentences[copy % len(sentences)]
    sub = os.path.join(folder, f"{i // 1000:03d}")
    os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, f"{i:06d}.txt"), "w", encoding="utf-8") as f:
        f.write(" ".join(sentences) + f" ({copy})\n")
PY
bytes=$(du -sb "$tmp/folder" | cut -f1)
echo "folder of $n documents, $((bytes / 1000000)) MB:"
measure "$n documents, --topics 6" "$ringkas" topics -q -f jsonl -t 6 "$tmp/folder"
measure "$n documents, K chosen" "$ringkas" topics -q -f jsonl "$tmp/folder"
