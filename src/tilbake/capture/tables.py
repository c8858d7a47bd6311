"""The capture area's tables: each organization's own suggestion types, and the suggestions with the
clinician's decision on each."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from tilbake.store.metadata import metadata

suggestion_types = Table(
    "suggestion_types",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("organization_id", ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(64), nullable=False),
    Column("description", String(500), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("organization_id", "name", name="uq_suggestion_types_org_name"),
)

suggestions = Table(
    "suggestions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # the id clients see: their own (e.g. the ai_feedback row id) or a generated uuid4 hex
    Column("public_id", String(64), nullable=False),
    Column("organization_id", ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False),
    Column("suggestion_type", String(64), nullable=False),
    Column("original_suggestion", Text, nullable=False),
    Column("context_data", JSON, nullable=True),
    Column("confidence_score", Float, nullable=True),
    Column("model_name", String(200), nullable=True),
    Column("model_version", String(200), nullable=True),
    # opaque ids of the client app: stored, filtered on, never exported
    Column("encounter_id", String(200), nullable=True),
    Column("session_id", String(200), nullable=True),
    Column("template_id", String(200), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # the decision; all NULL until it arrives (decided_at marks it)
    Column("accepted", Boolean, nullable=True),
    Column("user_correction", Text, nullable=True),
    Column("correction_type", String(16), nullable=True),
    Column("user_rating", Integer, nullable=True),
    Column("feedback_notes", Text, nullable=True),
    Column("time_to_decision", Integer, nullable=True),
    Column("decided_at", DateTime(timezone=True), nullable=True),
    # set by the export helper when a row goes into an export batch; NULL = pending
    Column("export_batch_id", String(64), nullable=True),
    # set when retention removed the raw text (lifecycle/retention.py); such a row is never exported
    Column("text_pruned_at", DateTime(timezone=True), nullable=True),
    UniqueConstraint("organization_id", "public_id", name="uq_suggestions_org_public_id"),
    Index("ix_suggestions_org_created", "organization_id", "created_at"),
    Index("ix_suggestions_org_pending", "organization_id", "export_batch_id", "suggestion_type"),
    # the export reads pending rows in pages by id: without this, PostgreSQL with fresh statistics
    # sorts every pending row for every page (110 ms a page at 100k rows instead of under 1 ms)
    Index(
        "ix_suggestions_pending_id", "organization_id", "id",
        postgresql_where=text("export_batch_id IS NULL"), sqlite_where=text("export_batch_id IS NULL"),
    ),
)
