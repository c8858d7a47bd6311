"""The export area's tables, on the store's metadata; created by migration ``export_0001``.

    export_consents    who consented to which export, when, to what scope and statement
    export_batches     one row per export: status, bundle file, its sha256, the manifest
    export_quarantine  suggestions the leak gate kept out of a batch, with the reasons (for review)

A suggestion's ``export_batch_id`` points into ``export_batches``; rows of a batch revoked with
"exclude" keep pointing at it, which keeps them out of every later export.
"""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Column, DateTime, ForeignKey, Index, Integer, String, Table, Text

from tilbake.store.metadata import metadata

_TS = DateTime(timezone=True)

export_consents = Table(
    "export_consents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("organization_id", ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False),
    Column("given_by", String(200), nullable=False),  # the person, as they named themselves
    Column("token_id", Integer, nullable=True),  # the API token that carried it (NULL: local CLI)
    Column("channel", String(16), nullable=False),  # "api" or "cli"
    Column("given_at", _TS, nullable=False),
    Column("statement_version", Integer, nullable=False),
    Column("statement", Text, nullable=False),
    Column("scope", JSON, nullable=False),
)

export_batches = Table(
    "export_batches",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("organization_id", ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False),
    Column("consent_id", ForeignKey("export_consents.id"), nullable=False),
    Column("status", String(16), nullable=False),  # complete | revoked
    Column("created_at", _TS, nullable=False),
    Column("file_name", String(200), nullable=False),
    Column("size_bytes", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("suggestions", Integer, nullable=False),
    Column("manifest", JSON, nullable=False),
    Column("revoked_at", _TS, nullable=True),
    Column("revoked_rows", String(16), nullable=True),  # pending | excluded
    Index("ix_export_batches_org_created", "organization_id", "created_at"),
)

export_quarantine = Table(
    "export_quarantine",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("export_batch_id", ForeignKey("export_batches.id", ondelete="CASCADE"), nullable=False),
    Column("suggestion_id", ForeignKey("suggestions.id", ondelete="CASCADE"), nullable=False),
    Column("reasons", String(200), nullable=False),  # comma-separated labels, e.g. "FNR,PHONE"
    Index("ix_export_quarantine_batch", "export_batch_id"),
)
