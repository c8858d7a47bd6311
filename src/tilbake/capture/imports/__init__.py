"""Capture from another channel: a client's own database, read once, stored as capture records.

An import reads its source in one read-only snapshot and stores through ``CaptureService.import_new``,
so imported records are validated, classified and deduplicated exactly like the API's (the source's
row id becomes the record's client id: a re-run finds it and stores nothing twice).
"""
