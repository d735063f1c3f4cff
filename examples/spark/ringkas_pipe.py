"""Score a JSON Lines corpus with ringkas on Spark, through RDD.pipe.

Each partition is piped, one record a line, through one ringkas process:

    ringkas --input jsonl --idf MODEL -f jsonl -q -j 1

which reads {"id": ..., "text": ...} records on stdin and writes one result record a line on
stdout, in the same order, with the id carried through. Scoring against a saved model (from
`ringkas idf build`, merged with `ringkas idf merge`) makes every record independent of how the
input is split, so the job's records are those of one ringkas run over the whole input.

    spark-submit examples/spark/ringkas_pipe.py INPUT... OUTPUT --model all.idf [--ringkas PATH]

INPUT: JSON Lines files or folders of them (taken in name order); OUTPUT: a new folder of part
files, whose concatenation in name order keeps the input order. The binary and the model must be readable at
the given paths on every executor (local mode, a shared file system, or ship them with
`spark-submit --files all.idf` and pass `--model all.idf`). `-j 1`: Spark already runs one
process per core.
"""

import argparse
import os
import shlex
import shutil

from pyspark import SparkContext


def main():
    parser = argparse.ArgumentParser(description="Score JSON Lines with ringkas on Spark.")
    parser.add_argument("input", nargs="+", help="JSON Lines files or local folders of them")
    parser.add_argument("output")
    parser.add_argument("--model", required=True, help="IDF model from `ringkas idf build`")
    parser.add_argument("--ringkas", default=shutil.which("ringkas") or "ringkas")
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--partitions", type=int, default=None)
    args = parser.parse_args()

    command = " ".join(shlex.quote(word) for word in [
        args.ringkas, "--input", "jsonl", "--text-field", args.text_field,
        "--idf", args.model, "-f", "jsonl", "-q", "-j", "1",
    ])
    sc = SparkContext(appName="ringkas")
    # Hadoop lists a folder in no particular order: name the files, sorted, so partitions (and
    # so the part files of the output) follow the input order.
    lines = sc.textFile(",".join(input_files(args.input)),
                        minPartitions=args.partitions or sc.defaultParallelism)
    # checkCode: a failed ringkas (exit 1: some records are errors; 2: bad model) fails the task.
    # Error records are ordinary output lines, so a job with bad lines still completes if
    # ringkas is wrapped to treat exit 1 as success; here every line is expected to be good.
    lines.pipe(command, checkCode=True).saveAsTextFile(args.output)
    sc.stop()


def input_files(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            files += sorted(os.path.join(path, name) for name in os.listdir(path)
                            if not name.startswith((".", "_")))
        else:
            files.append(path)
    return [os.path.abspath(f) for f in files]


if __name__ == "__main__":
    main()
