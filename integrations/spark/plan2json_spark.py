"""plan2json on Spark: documents in, DataFrames of task records, documents and errors out.

    from plan2json_spark import convert
    result = convert(spark, ["downloads/"], binary=".build/release/plan2json")
    result.tasks.select("id", "title", "lead_units").show()

Each partition of `sc.binaryFiles(...)` is piped, as JSON Lines `{"path", "content_base64"}`,
through one `plan2json convert --input-jsonl -` process, which converts the documents one at a
time (raw bytes, so GB18030, Big5 and UTF-16 files arrive intact) and writes their records,
and an `{"type":"error"}` line for a document it cannot convert, in input order. The lines are
parsed with the fixed schemas below, so every run has the same columns whatever the documents'
headers.

Executors need: Python (the driver's minor version, as for any PySpark job) and the plan2json
binary's shared libraries — libxml2, ICU (libicu72 on Debian 12) and libsqlite3, plus the Swift
runtime unless the binary is built with `swift build -c release --static-swift-stdlib`. The
binary itself is shipped with `SparkContext.addFile` (default), or give `ship_binary=False` and
a `binary` path that exists on every executor.
"""

import base64
import json
import os
import shutil
import stat
import subprocess
import threading
from urllib.parse import unquote, urlparse

from pyspark import SparkFiles, StorageLevel
from pyspark.sql import functions as F
from pyspark.sql.types import (
    ArrayType,
    MapType,
    BooleanType,
    DecimalType,
    LongType,
    StringType,
    StructField,
    StructType,
)

# ---------------------------------------------------------------------------------------------
# The record schemas (SPEC §3), written once. `fields` (printed header -> cleaned text) is the
# only part whose keys come from the documents: a map, one fixed type whatever the headers.
FIELDS_TYPE = MapType(StringType(), StringType())
# Exact decimals (7.44万 = 74400): 28 integer digits, 10 after the point.
NUMBER_TYPE = DecimalType(38, 10)
# ---------------------------------------------------------------------------------------------


def _struct(*fields):
    return StructType([StructField(name, kind, True) for name, kind in fields])


_STRING = StringType()
_STRINGS = ArrayType(StringType())
_TIME_FIELDS = [
    ("type", _STRING),
    ("grain", _STRING),
    ("ref", _STRING),
    ("start", _STRING),
    ("end", _STRING),
    ("ambiguous", BooleanType()),
]
# A time; a set of times (v1.1) lists its parts, one level deep.
TIME_TYPE = _struct(*_TIME_FIELDS, ("parts", ArrayType(_struct(*_TIME_FIELDS))))
SECTION_TYPE = ArrayType(_struct(("marker", _STRING), ("title", _STRING)))
WARNINGS_TYPE = ArrayType(_struct(("code", _STRING), ("message", _STRING), ("line", LongType())))
QUANTITY_TYPE = _struct(
    ("text", _STRING),
    ("value", NUMBER_TYPE),
    ("min", NUMBER_TYPE),
    ("max", NUMBER_TYPE),
    ("unit", _STRING),
    ("cmp", _STRING),
    ("per", _STRINGS),
    ("currency", _STRING),
    ("target", BooleanType()),
    ("field", _STRING),
)

TASK_SCHEMA = _struct(
    ("type", _STRING),
    ("schema", _STRING),
    ("id", _STRING),
    ("doc_id", _STRING),
    ("seq", LongType()),
    ("number", _STRING),
    ("section", SECTION_TYPE),
    ("title", _STRING),
    ("target", _STRING),
    ("measures", _STRING),
    ("milestones", ArrayType(_struct(("when", TIME_TYPE), ("text", _STRING)))),
    ("leaders", _STRINGS),
    ("lead_units", _STRINGS),
    ("support_units", _STRINGS),
    ("quantities", ArrayType(QUANTITY_TYPE)),
    ("fields", FIELDS_TYPE),
    ("source", _struct(("path", _STRING), ("line_start", LongType()), ("line_end", LongType()))),
    (
        "original",
        _struct(
            ("section", SECTION_TYPE),
            ("title", _STRING),
            ("target", _STRING),
            ("measures", _STRING),
            ("milestones", _STRINGS),
            ("leaders", _STRINGS),
            ("lead_units", _STRINGS),
            ("support_units", _STRINGS),
            ("fields", FIELDS_TYPE),
        ),
    ),
    ("warnings", WARNINGS_TYPE),
)

DOCUMENT_SCHEMA = _struct(
    ("type", _STRING),
    ("schema", _STRING),
    ("doc_id", _STRING),
    (
        "source",
        _struct(
            ("path", _STRING),
            ("bytes", LongType()),
            ("sha256", _STRING),
            ("encoding", _STRING),
            ("encoding_source", _STRING),
            ("format", _STRING),
        ),
    ),
    ("title", _STRING),
    ("issuer", _STRING),
    ("doc_number", _STRING),
    ("dates", _struct(("issued", _STRING), ("published", _STRING))),
    ("year", LongType()),
    ("script", _struct(("detected", _STRING), ("converted", LongType()))),
    ("columns", ArrayType(_struct(("header", _STRING), ("field", _STRING)))),
    (
        "sections",
        ArrayType(
            _struct(
                ("marker", _STRING),
                ("title", _STRING),
                ("declared", LongType()),
                ("found", LongType()),
                ("depth", LongType()),
                ("line", LongType()),
            )
        ),
    ),
    (
        "repairs",
        ArrayType(
            _struct(
                ("kind", _STRING),
                ("line", LongType()),
                ("before", _STRING),
                ("after", _STRING),
                ("certain", BooleanType()),
            )
        ),
    ),
    ("warnings", WARNINGS_TYPE),
)

# A document that could not be converted: the keys of errors.jsonl after `type` and `schema`.
ERROR_SCHEMA = _struct(
    ("type", _STRING),
    ("schema", _STRING),
    ("path", _STRING),
    ("sha256", _STRING),
    ("stage", _STRING),
    ("code", _STRING),
    ("message", _STRING),
)

SCHEMAS = {"task": TASK_SCHEMA, "document": DOCUMENT_SCHEMA, "error": ERROR_SCHEMA}


class Result:
    """The three DataFrames of one conversion. They share one persisted conversion: the
    documents are converted once, on the first action, not once per DataFrame."""

    def __init__(self, tasks, documents, errors, lines):
        self.tasks = tasks
        self.documents = documents
        self.errors = errors
        self._lines = lines

    def unpersist(self):
        self._lines.unpersist()


def to_json_line(path, content):
    """One document as a line of `plan2json convert --input-jsonl`."""
    encoded = base64.b64encode(bytes(content)).decode("ascii")
    return json.dumps({"path": path, "content_base64": encoded}, ensure_ascii=False)


def display_path(uri, inputs):
    """The path a record names: for a local file under one of the `inputs` as the user wrote
    them, that input joined with the rest (as `plan2json convert downloads/` names
    `downloads/a.txt`); any other file keeps Spark's URI (hdfs://..., s3a://...)."""
    parsed = urlparse(uri)
    if parsed.scheme not in ("", "file"):
        return uri
    local = unquote(parsed.path)
    for given in inputs:
        if urlparse(given).scheme not in ("", "file"):
            continue
        given_local = unquote(urlparse(given).path) if given.startswith("file:") else given
        root = os.path.abspath(given_local)
        if local == root:
            return given
        if local.startswith(root.rstrip("/") + "/"):
            rest = local[len(root.rstrip("/")) + 1 :]
            return given + rest if given.endswith("/") else given + "/" + rest
    return local


def _resolve_binary(binary, shipped):
    if shipped:
        path = SparkFiles.get(os.path.basename(binary))
        mode = os.stat(path).st_mode
        if not mode & stat.S_IXUSR:
            os.chmod(path, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        return path
    found = shutil.which(binary)
    if found is None:
        raise RuntimeError(f"plan2json: {binary} is not an executable on this executor")
    return found


def _converter(binary, shipped, options):
    """The function each partition runs: its documents through one plan2json process."""

    def convert_partition(documents):
        executable = _resolve_binary(binary, shipped)
        command = [executable, "convert", "--input-jsonl", "-", "--quiet", "--fail-on", "never", *options]
        process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        failure = []

        def feed():
            try:
                for line in documents:
                    process.stdin.write(line.encode("utf-8") + b"\n")
            except BaseException as error:  # a broken pipe shows as the exit status below
                failure.append(error)
            finally:
                try:
                    process.stdin.close()
                except OSError:
                    pass

        stderr = []
        writer = threading.Thread(target=feed, daemon=True)
        reader = threading.Thread(target=lambda: stderr.append(process.stderr.read()), daemon=True)
        writer.start()
        reader.start()
        try:
            for line in process.stdout:
                yield line.decode("utf-8").rstrip("\n")
            status = process.wait()
        finally:
            if process.poll() is None:  # the consumer stopped early (take, limit)
                process.kill()
                process.wait()
        writer.join()
        reader.join()
        if status != 0 or failure:
            message = b"".join(stderr).decode("utf-8", "replace").strip()
            cause = f"; {failure[0]!r}" if failure else ""
            raise RuntimeError(f"plan2json exited with status {status}: {message}{cause}")

    return convert_partition


def convert(spark, paths, binary="plan2json", ship_binary=True, keep_script=False, partitions=None):
    """Converts the documents at `paths` (files, folders walked recursively, or globs; any
    Hadoop file system) and returns a `Result` with DataFrames `tasks`, `documents` and
    `errors` in the fixed schemas TASK_SCHEMA, DOCUMENT_SCHEMA and ERROR_SCHEMA.

    `binary` is the plan2json executable: a path on the driver shipped to the executors with
    `SparkContext.addFile` (`ship_binary=True`), or with `ship_binary=False` a path or command
    name valid on every executor. `partitions` (default: the default parallelism) is how many
    plan2json processes share the documents: Hadoop packs small files into a few splits (one,
    for a few megabytes), so the documents are spread over at least that many partitions.

    Folders are walked recursively (this sets `mapreduce.input.fileinputformat.input.dir.recursive`
    on the context's Hadoop configuration). Hadoop skips names starting with `.` (as
    `plan2json convert` does) and also with `_`. Paths are joined with commas for Hadoop, so a
    path may not hold a comma."""
    if isinstance(paths, str):
        paths = [paths]
    sc = spark.sparkContext
    if ship_binary:
        if not os.path.isfile(binary):
            raise FileNotFoundError(f"plan2json binary not found: {binary}")
        sc.addFile(os.path.abspath(binary))
    # This module, for the functions the executors run.
    sc.addPyFile(os.path.abspath(__file__))
    options = ["--keep-script"] if keep_script else []
    sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    partitions = partitions or sc.defaultParallelism
    files = sc.binaryFiles(",".join(paths), minPartitions=partitions)
    if files.getNumPartitions() < partitions:
        files = files.repartition(partitions)
    given = list(paths)
    lines = files.map(lambda item: to_json_line(display_path(item[0], given), item[1])).mapPartitions(
        _converter(binary, ship_binary, options)
    )
    raw = spark.createDataFrame(lines.map(lambda line: (line,)), "json string")
    raw = raw.select(F.get_json_object("json", "$.type").alias("type"), "json").persist(StorageLevel.MEMORY_AND_DISK)

    def frame(kind):
        parsed = raw.where(F.col("type") == kind).select(F.from_json("json", SCHEMAS[kind]).alias("record"))
        return parsed.select("record.*")

    return Result(frame("task"), frame("document"), frame("error"), raw)
