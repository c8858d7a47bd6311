"""Batch de-identification: streaming JSONL in, spans or anonymized text out (DESIGN §2).

``jsonl`` holds the contract of ``tilbake deid detect`` / ``anonymize --input``; corpus runs
(``tilbake deid batch``, docs/batch.md) build on it:

    sources   JSONL/Parquet files or directories, read as a stream; bad records named by position
    work      a chunk of documents -> output lines + label counts (the same in every process)
    parts     one output part per input file, checkpointed, resumable
    runner    the run: chunks through a process pool, in order, into the parts
    spark     the same as pandas UDFs on a Spark DataFrame, and the CLI's --engine spark
"""
