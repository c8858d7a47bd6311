"""The lifecycle area's table: each organization's retention period for raw suggestion text (an
organization without a row has the default, ``retention.DEFAULT_TEXT_RETENTION_DAYS``)."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, ForeignKey, Integer, Table

from tilbake.store.metadata import metadata

text_retention = Table(
    "text_retention",
    metadata,
    Column("organization_id", ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True),
    Column("days", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
