"""The Spark route on local[2] against a batch run of the same files: the same task records
(same ids, same source.path, same values), the same documents, the same errors.

Run from the repository root (scripts/test does):
    PLAN2JSON_BINARY=.build/release/plan2json python3 -m pytest integrations/spark
"""

import glob
import hashlib
import json
import os
import subprocess
import sys
from decimal import Decimal

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from plan2json_spark import (  # noqa: E402
    DOCUMENT_SCHEMA,
    ERROR_SCHEMA,
    TASK_SCHEMA,
    convert,
    display_path,
    to_json_line,
)
from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql.types import (  # noqa: E402
    ArrayType,
    BooleanType,
    DecimalType,
    LongType,
    MapType,
    StringType,
    StructType,
)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("PLAN2JSON_BINARY", os.path.join(ROOT, ".build", "release", "plan2json"))


def fixture_files():
    """Every fixture input, every encoding variant (GB18030, Big5, UTF-16, BOMs, CRLF) and the
    unreadable files, relative to the root; byte-identical copies once (a batch reports the
    second copy as a duplicate instead of converting it)."""
    paths = sorted(glob.glob("fixtures/*/*/input.*", root_dir=ROOT))
    paths += sorted(glob.glob("fixtures/encodings/*/*.txt", root_dir=ROOT))
    paths += sorted(glob.glob("fixtures/errors/*", root_dir=ROOT))
    seen, files = set(), []
    for path in paths:
        with open(os.path.join(ROOT, path), "rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()
        if digest not in seen:
            seen.add(digest)
            files.append(path)
    return files


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line, parse_float=Decimal, parse_int=Decimal) for line in handle if line.strip()]


def coerce(value, kind):
    """A JSON value as Spark holds it in `kind`, for comparing with `Row.asDict(recursive=True)`."""
    if value is None:
        return None
    if isinstance(kind, StructType):
        return {field.name: coerce(value.get(field.name), field.dataType) for field in kind.fields}
    if isinstance(kind, ArrayType):
        return [coerce(item, kind.elementType) for item in value]
    if isinstance(kind, MapType):
        return {key: coerce(item, kind.valueType) for key, item in value.items()}
    if isinstance(kind, DecimalType):
        return Decimal(value)
    if isinstance(kind, LongType):
        return int(value)
    if isinstance(kind, BooleanType):
        return bool(value)
    assert isinstance(kind, StringType), kind
    return value


def keys_outside(value, kind, where=""):
    """Keys of a JSON record that its Spark schema has no column for (they would be lost)."""
    if isinstance(kind, StructType) and isinstance(value, dict):
        names = {field.name: field.dataType for field in kind.fields}
        for key, item in value.items():
            if key not in names:
                yield f"{where}.{key}"
            else:
                yield from keys_outside(item, names[key], f"{where}.{key}")
    elif isinstance(kind, ArrayType) and isinstance(value, list):
        for item in value:
            yield from keys_outside(item, kind.elementType, f"{where}[]")
    elif isinstance(kind, MapType) and isinstance(value, dict):
        for item in value.values():
            yield from keys_outside(item, kind.valueType, f"{where}{{}}")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    assert os.access(BINARY, os.X_OK), f"no plan2json binary at {BINARY} (scripts/test builds it)"
    # Spark resolves the relative paths against the JVM's working folder, which is this one.
    assert os.path.realpath(os.getcwd()) == os.path.realpath(ROOT), "run from the repository root"
    files = fixture_files()
    batch = tmp_path_factory.mktemp("batch")
    completed = subprocess.run(
        [BINARY, "convert", *files, "-o", str(batch), "--quiet", "--fail-on", "never"], cwd=ROOT
    )
    assert completed.returncode == 0
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("plan2json-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    result = convert(spark, files, binary=BINARY)
    collected = {
        "tasks": [row.asDict(recursive=True) for row in result.tasks.collect()],
        "documents": [row.asDict(recursive=True) for row in result.documents.collect()],
        "errors": [row.asDict(recursive=True) for row in result.errors.collect()],
        "schemas": (result.tasks.schema, result.documents.schema, result.errors.schema),
    }
    result.unpersist()
    yield files, read_jsonl(batch / "records.jsonl"), read_jsonl(batch / "errors.jsonl"), collected
    spark.stop()


def test_the_corpus_covers_every_encoding(runs):
    files, records, _, _ = runs
    encodings = {record["source"]["encoding"] for record in records if record["type"] == "document"}
    assert {"utf-8", "gb18030", "big5", "utf-16le", "utf-16be"} <= encodings
    assert len(files) >= 40


def test_task_records_equal_the_batch_record_for_record(runs):
    _, records, _, spark = runs
    batch_tasks = [record for record in records if record["type"] == "task"]
    assert len(batch_tasks) > 1000
    missing = sorted({key for record in batch_tasks for key in keys_outside(record, TASK_SCHEMA)})
    assert missing == [], "keys of records.jsonl with no Spark column"
    expected = {record["id"]: coerce(record, TASK_SCHEMA) for record in batch_tasks}
    actual = {row["id"]: row for row in spark["tasks"]}
    assert len(actual) == len(spark["tasks"]), "a task id appears twice"
    assert sorted(actual) == sorted(expected)
    assert sorted((row["source"]["path"], row["seq"]) for row in spark["tasks"]) == sorted(
        (record["source"]["path"], record["seq"]) for record in expected.values()
    )
    different = [task_id for task_id in expected if actual[task_id] != expected[task_id]]
    assert different == [], f"{len(different)} task(s) differ, first {different[:1]}"


def test_documents_equal_the_batch(runs):
    _, records, _, spark = runs
    batch_documents = [record for record in records if record["type"] == "document"]
    missing = sorted({key for record in batch_documents for key in keys_outside(record, DOCUMENT_SCHEMA)})
    assert missing == []
    expected = {record["source"]["path"]: coerce(record, DOCUMENT_SCHEMA) for record in batch_documents}
    actual = {row["source"]["path"]: row for row in spark["documents"]}
    assert len(actual) == len(spark["documents"])
    assert actual == expected


def test_damaged_files_are_error_rows_with_their_paths(runs):
    _, records, errors, spark = runs
    schema = records[0]["schema"]  # the records' own schema version
    expected = {error["path"]: coerce({"type": "error", "schema": schema, **error}, ERROR_SCHEMA) for error in errors}
    actual = {row["path"]: row for row in spark["errors"]}
    assert actual == expected
    assert actual["fixtures/errors/random.bin"]["code"] == "ingest.format.binary"
    assert actual["fixtures/errors/report.pdf"]["code"] == "ingest.format.binary"
    assert actual["fixtures/errors/empty.txt"]["code"] == "ingest.decode.empty"


def test_schemas_are_fixed_whatever_the_documents(runs):
    _, _, _, spark = runs
    assert spark["schemas"] == (TASK_SCHEMA, DOCUMENT_SCHEMA, ERROR_SCHEMA)


def test_paths_are_named_as_given():
    cwd = os.getcwd()
    assert display_path(f"file:{cwd}/downloads/a/b.txt", ["downloads/"]) == "downloads/a/b.txt"
    assert display_path(f"file://{cwd}/downloads/a%20b.txt", ["downloads"]) == "downloads/a b.txt"
    assert display_path(f"file:{cwd}/x.txt", [f"{cwd}/x.txt"]) == f"{cwd}/x.txt"
    assert display_path("hdfs://nn/data/x.txt", ["/data"]) == "hdfs://nn/data/x.txt"
    line = json.loads(to_json_line("下载/计划.txt", bytearray(b"\xb9\xa4\xd7\xf7")))
    assert line == {"path": "下载/计划.txt", "content_base64": "uaTX9w=="}


def test_convert_py_writes_tasks_documents_and_errors(runs, tmp_path, capsys, monkeypatch):
    """The spark-submit entry point, in this session (it stops the session: keep this test last)."""
    import importlib.util

    _, records, _, _ = runs
    files = [
        "fixtures/html/seed002-items-gbk/input.html",
        "fixtures/text/seed-003/input.txt",
        "fixtures/errors/report.pdf",
    ]
    tasks = sum(1 for record in records if record["type"] == "task" and record["source"]["path"] in files)
    assert tasks > 0
    spec = importlib.util.spec_from_file_location("convert_script", os.path.join(ROOT, "integrations/spark/convert.py"))
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    out = tmp_path / "out"
    monkeypatch.setattr(sys, "argv", ["convert.py", *files, str(out), "--binary", BINARY])
    script.main()
    summary = capsys.readouterr().err
    assert f"plan2json-spark: 2 document(s), {tasks} tasks, 1 error(s) in " in summary
    for name in ("tasks", "documents", "errors"):
        assert (out / name / "_SUCCESS").exists()
        assert list((out / name).glob("*.parquet"))
