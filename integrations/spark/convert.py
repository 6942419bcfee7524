"""Converts documents with plan2json on Spark and writes the records as Parquet (or JSON).

    spark-submit integrations/spark/convert.py downloads/ out/

writes out/tasks/, out/documents/ and out/errors/ (Parquet unless --format json) and prints a
summary line. The plan2json binary is taken from --binary, else $PLAN2JSON, else
.build/release/plan2json beside this repository, else `plan2json` on PATH; it is shipped to
the executors with SparkContext.addFile unless --no-ship (then it must exist on every executor
at the same path). See plan2json_spark.py for what the executors need installed.
"""

import argparse
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from plan2json_spark import convert  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402


def default_binary():
    if os.environ.get("PLAN2JSON"):
        return os.environ["PLAN2JSON"]
    repository = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    built = os.path.join(repository, ".build", "release", "plan2json")
    if os.path.isfile(built):
        return built
    return shutil.which("plan2json") or "plan2json"


def main():
    parser = argparse.ArgumentParser(description="Convert plan documents with plan2json on Spark.")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders or globs (any Hadoop file system)")
    parser.add_argument("output", metavar="OUT", help="output folder: tasks/, documents/, errors/ (replaced)")
    parser.add_argument("--binary", default=None, help="the plan2json executable")
    parser.add_argument("--no-ship", action="store_true", help="do not ship the binary; it exists on every executor")
    parser.add_argument("--format", choices=["parquet", "json"], default="parquet")
    parser.add_argument("--keep-script", action="store_true", help="keep the printed script (no conversion)")
    parser.add_argument("--partitions", type=int, default=None, help="plan2json processes to spread the documents over (default: the default parallelism)")
    arguments = parser.parse_args()

    binary = arguments.binary or default_binary()
    if not arguments.no_ship and not os.path.isfile(binary):
        parser.error(f"plan2json binary not found: {binary} (build it with `swift build -c release` or give --binary)")
    for path in arguments.inputs:
        if "://" not in path and not path.startswith("file:") and not any(c in path for c in "*?[{") and not os.path.exists(path):
            parser.error(f"{path}: no such file or folder")

    spark = SparkSession.builder.appName("plan2json").getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    started = time.monotonic()
    result = convert(
        spark,
        arguments.inputs,
        binary=binary,
        ship_binary=not arguments.no_ship,
        keep_script=arguments.keep_script,
        partitions=arguments.partitions,
    )
    counts = {}
    for name in ("documents", "tasks", "errors"):
        frame = getattr(result, name)
        frame.write.mode("overwrite").format(arguments.format).save(os.path.join(arguments.output, name))
        counts[name] = frame.count()
    result.unpersist()
    print(
        f"plan2json-spark: {counts['documents']} document(s), {counts['tasks']} tasks, "
        f"{counts['errors']} error(s) in {time.monotonic() - started:.2f} s → {arguments.output}",
        file=sys.stderr,
    )
    spark.stop()


if __name__ == "__main__":
    main()
