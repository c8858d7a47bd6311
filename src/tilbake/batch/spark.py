"""Apache Spark: tilbake's engine as pandas UDFs, and ``tilbake deid batch --engine spark``.

    with_spans(df, "text")                      adds array<struct<start, end, label, score>>
    with_anonymized(df, "text", operator=...)   adds the rewritten text

Each UDF carries only the job's settings (and, for surrogates, the installation secret) to the
executors; an executor's Python worker builds the engine once (``work.engine_for`` is cached per
process, and Spark reuses its Python workers), then de-identifies batch after batch. The spans are
exactly those of the local engine, and the CLI face writes the same bytes as the process pool
(``work.render`` makes every line). Needs the ``spark`` extra (pyspark) and Java; docs/batch.md.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd  # the UDFs' type hints name it (pyspark reads them); pyspark needs it anyway

from tilbake.batch.parts import Part
from tilbake.batch.runner import CHUNK, Chunk, OnBad, OnProgress, Summary, prepare, write_all
from tilbake.batch.sources import Bad, Doc, as_doc, parse_line
from tilbake.batch.work import Done, Job, engine_for, render
from tilbake.deid.rewrite.operators import OperatorContext, get_operator
from tilbake.deid.rewrite.operators import anonymize as rewrite
from tilbake.errors import InputError

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame, SparkSession

SPANS_TYPE = "array<struct<start:int,end:int,label:string,score:double>>"
_RENDERED_TYPE = "struct<line:string,labels:array<string>,bad:string>"


def session(app_name: str = "tilbake") -> SparkSession:
    """The active Spark session (spark-submit's, Databricks'), else a local one on every core whose
    Python workers run this interpreter (unless PYSPARK_PYTHON says otherwise)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise InputError("--engine spark needs pyspark: pip install 'tilbake[spark]'") from None
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return SparkSession.builder.appName(app_name).getOrCreate()


def with_spans(df: DataFrame, text_col: str = "text", out_col: str = "spans", *, model: bool = True,
               rules_json: str | None = None) -> DataFrame:
    """``df`` with the PHI spans of ``text_col`` in ``out_col`` (null text: null spans)."""
    from pyspark.sql.functions import pandas_udf

    @pandas_udf(SPANS_TYPE)  # type: ignore[call-overload,misc]
    def spans(texts: pd.Series) -> pd.Series:
        engine = engine_for(model, rules_json)
        present = [t for t in texts if isinstance(t, str)]
        found = iter(engine.detect_many(present))
        return pd.Series([[s.as_dict() for s in next(found)] if isinstance(t, str) else None for t in texts])

    return df.withColumn(out_col, spans(df[text_col]))


def with_anonymized(df: DataFrame, text_col: str = "text", out_col: str | None = None, *,
                    operator: str = "tag", secret: bytes = b"", scope_col: str | None = None,
                    model: bool = True, rules_json: str | None = None) -> DataFrame:
    """``df`` with ``text_col`` rewritten by ``operator`` into ``out_col`` (default: in place).
    Surrogates are keyed by ``secret`` and consistent per value of ``scope_col`` (e.g. a patient id)."""
    from pyspark.sql.functions import lit, pandas_udf

    get_operator(operator)  # an unknown operator fails on the driver, before any task

    @pandas_udf("string")  # type: ignore[call-overload,misc]
    def rewritten(texts: pd.Series, scopes: pd.Series) -> pd.Series:
        engine = engine_for(model, rules_json)
        present = [t for t in texts if isinstance(t, str)]
        found = iter(engine.detect_many(present))
        return pd.Series([rewrite(t, next(found), operator, OperatorContext(secret, str(scope)))
                          if isinstance(t, str) else None for t, scope in zip(texts, scopes, strict=True)])

    scope: Column = df[scope_col] if scope_col is not None else lit("")
    return df.withColumn(out_col or text_col, rewritten(df[text_col], scope.cast("string")))


def run_spark(input_path: Path, out_dir: Path, job: Job, secret: bytes = b"", *, on_bad: OnBad | None = None,
              on_progress: OnProgress | None = None, chunk: int = CHUNK) -> Summary:
    """``tilbake deid batch --engine spark``: the same parts, checkpoints and bytes as ``run_batch``."""
    plan = prepare(input_path, out_dir, job, secret)
    return write_all(plan, _results(session(), plan, job, secret, chunk), on_bad, on_progress)


AHEAD = 2  # files rendered at once: the next file's tasks fill the cores the last tasks of one leave idle


def _results(spark: SparkSession, plan: list[tuple[Path, Part]], job: Job, secret: bytes, chunk: int
             ) -> Iterator[tuple[Chunk, Done]]:
    from pyspark import StorageLevel

    todo = [(source, part) for source, part in plan if not part.checkpoint.done]

    def rendered(i: int) -> DataFrame:
        # every partition of a file is rendered at once on the executors and kept in their block
        # stores (spilling to disk), then read back in order: toLocalIterator alone computes one
        # partition at a time
        source, part = todo[i]
        frame = _rendered(spark, source, job, secret, part.checkpoint.position)
        frame.persist(StorageLevel.MEMORY_AND_DISK).count()
        return frame

    with ThreadPoolExecutor(AHEAD) as ahead:  # Spark takes jobs from several threads at once
        coming = [ahead.submit(rendered, i) for i in range(min(AHEAD, len(todo)))]
        for i, (source, part) in enumerate(todo):
            frame = coming[i].result()
            if i + AHEAD < len(todo):
                coming.append(ahead.submit(rendered, i + AHEAD))
            part.open()
            try:
                yield from _chunked(frame, source, part, chunk)
            finally:
                frame.unpersist()


def _chunked(rendered: DataFrame, source: Path, part: Part, chunk: int) -> Iterator[tuple[Chunk, Done]]:
    done, bad, position = Done([], Counter(), 0), [], part.checkpoint.position
    for row in rendered.toLocalIterator(prefetchPartitions=True):
        position = row["position"]
        if row["bad"] is not None:
            bad.append((position, row["bad"]))
        elif row["line"] is not None:
            done.lines.append(row["line"].encode())
            done.labels.update(row["labels"])
            done.docs += 1
        if done.docs == chunk:
            yield Chunk(source, part, [], bad, position, 0.0, False), done
            done, bad = Done([], Counter(), 0), []
    yield Chunk(source, part, [], bad, position, 1.0, True), done


def _rendered(spark: SparkSession, source: Path, job: Job, secret: bytes, after: int) -> DataFrame:
    """position, line (the output JSONL line), labels and bad (a reason) per input record after
    ``after``, in input order (no shuffle: partitions keep the file's order)."""
    if source.suffix == ".parquet":
        frame = spark.read.parquet(str(source))
        have = frame.columns
        missing = [c for c in (job.id_column, job.text_column) if c not in have]
        if missing:
            raise InputError(f"--input {source}: no column {missing[0]!r} (columns: {', '.join(have)})")
        names = [c for c in dict.fromkeys((job.id_column, job.text_column, "patient_id")) if c in have]
        frame = frame.select(*names)
    else:
        names = ["raw"]
        frame = spark.read.text(str(source)).withColumnRenamed("value", "raw")
    # numbered in a projection first, then filtered (a filter does not move below it: the numbering
    # is not deterministic, so Spark keeps the order)
    frame = frame.select(_position(frame).alias("position"), *names).where(f"position > {after}")
    from pyspark.sql.functions import struct

    udf = _render_udf(job, secret, names)
    return frame.select("position", udf("position", struct(*names)).alias("out")).select("position", "out.*")


def _position(frame: DataFrame) -> Column:
    """Each record's 1-based number in the file, computed in the JVM: the records of the partitions
    before it (counted once) plus its number inside its partition, which monotonically_increasing_id
    keeps in its low 33 bits. Partitions of one file follow its byte order, as zipWithIndex assumes,
    without sending every record through a Python worker to number it."""
    from pyspark.sql.functions import array, element_at, lit, monotonically_increasing_id, spark_partition_id

    counts = dict(frame.groupBy(spark_partition_id().alias("p")).count().collect())
    offsets, total = [], 0
    for p in range(max(counts, default=-1) + 1):
        offsets.append(lit(total))
        total += counts.get(p, 0)
    offset = element_at(array(*offsets), spark_partition_id() + 1) if offsets else lit(0)
    return offset + monotonically_increasing_id().bitwiseAND((1 << 33) - 1) + 1


def _render_udf(job: Job, secret: bytes, names: list[str]) -> Any:
    from pyspark.sql.functions import pandas_udf

    columns = job.columns

    @pandas_udf(_RENDERED_TYPE)  # type: ignore[call-overload,misc]
    def rendered(positions: pd.Series, records: pd.DataFrame) -> pd.DataFrame:
        rows_in = zip(*(_plain(records[n]) for n in names), strict=True)
        items = [_item(int(p), dict(zip(names, row, strict=True)), columns)
                 for p, row in zip(positions, rows_in, strict=True)]
        docs = [i for i in items if isinstance(i, Doc)]
        out = iter(render(job, secret, docs))
        rows = []
        for item in items:
            if isinstance(item, Doc):
                line, labels = next(out)
                rows.append((line.decode(), labels, None))
            else:
                rows.append((None, [], item.reason if isinstance(item, Bad) else None))
        return pd.DataFrame(rows, columns=["line", "labels", "bad"])

    return rendered


def _item(position: int, record: dict[str, Any], columns: Any) -> Doc | Bad | None:
    if "raw" in record:
        return parse_line(record["raw"].encode(), position, columns)
    return as_doc(record, position, columns)


def _plain(values: pd.Series) -> list[Any]:
    """Python values as pyarrow would give them (numpy scalars unwrapped, missing values None)."""
    return [_scalar(v) for v in values]


def _scalar(value: Any) -> Any:
    if isinstance(value, str) or value is None:
        return value
    if pd.isna(value):
        return None
    return value.item() if hasattr(value, "item") else value
