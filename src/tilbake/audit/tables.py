"""The audit area's table; created by migration ``audit_0001``.

``organization_id`` has no foreign key on purpose: the trail of an organization, its deletion
included, outlives the organization. No column holds clinical text: an event names its actor (an API
token id or the local user of the CLI), the action, the kind and id of the object, and a count.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, String, Table

from tilbake.store.metadata import metadata

audit_events = Table(
    "audit_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("organization_id", Integer, nullable=True),
    Column("actor", String(100), nullable=False),  # "token:<id>" or "cli:<local user>"
    Column("action", String(32), nullable=False),  # created, downloaded, revoked, deleted, pruned, updated
    Column("object_type", String(32), nullable=False),  # export, token, organization, suggestion, ...
    Column("object_id", String(200), nullable=True),
    Column("count", Integer, nullable=True),  # rows the action touched, where it counts any
    Index("ix_audit_events_org_id", "organization_id", "id"),
)
