"""Batch de-identification: streaming JSONL in, spans or anonymized text out (DESIGN §2).

``jsonl`` holds the contract of ``tilbake deid detect`` / ``anonymize --input``; corpus-scale runs
(Parquet, directories, a process pool, Spark) grow here on the same core.
"""
