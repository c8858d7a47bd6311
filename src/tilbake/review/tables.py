"""The review area's tables, on the store's metadata; created by migration ``review_0001``.

    review_items        a document the engine processed and a reviewer looks at (its text stays here,
                        in the organization's own database, like the suggestion it may come from)
    review_corrections  the reviewer's corrections of an item, in order, offsets only (undo marks them)
    feedback_events     one FeedbackEvent per corrected entity (DESIGN §2): never raw PII, pruned
                        by the organization's retention
    review_settings     per-organization retention (events, days)
    rules_versions      per-organization user rules, versioned; the newest is what the engine uses
"""

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
)

from tilbake.store.metadata import metadata

_TS = DateTime(timezone=True)

review_items = Table(
    "review_items",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("organization_id", ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False),
    Column("source", String(16), nullable=False),  # submitted | quarantine | sample | quiet
    Column("suggestion_id", ForeignKey("suggestions.id", ondelete="CASCADE"), nullable=True),
    Column("field", String(32), nullable=True),  # which free-text field of the suggestion
    Column("export_batch_id", String(64), nullable=True),  # the export whose gate held it back
    Column("document_type", String(64), nullable=False),
    Column("language", String(8), nullable=False),
    Column("text", Text, nullable=False),
    Column("doc_hash", String(64), nullable=False),  # keyed: equal texts share it, nothing else leaks
    Column("detected", JSON, nullable=False),  # the engine's spans when the item was made
    Column("explanations", JSON, nullable=False),  # analyze(): why each candidate was kept or dropped
    Column("rules_version", String(64), nullable=False),
    Column("status", String(16), nullable=False),  # open | reviewed
    Column("acceptance", JSON, nullable=True),  # on completion: {label: [accepted, detected]}
    Column("created_at", _TS, nullable=False),
    Column("reviewed_at", _TS, nullable=True),
    Index("ix_review_items_org_status", "organization_id", "status", "created_at"),
    Index("ix_review_items_suggestion", "suggestion_id"),
)

review_corrections = Table(
    "review_corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("item_id", ForeignKey("review_items.id", ondelete="CASCADE"), nullable=False),
    Column("group_no", Integer, nullable=False),  # one request ("all like this" too) is one group
    Column("action", String(24), nullable=False),
    Column("original", JSON, nullable=True),  # {label, start, end, confidence}
    Column("updated", JSON, nullable=True),
    Column("undone", Boolean, nullable=False),
    Column("created_at", _TS, nullable=False),
    Index("ix_review_corrections_item", "item_id", "group_no"),
)

feedback_events = Table(
    "feedback_events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("organization_id", ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", _TS, nullable=False),
    Column("source", String(16), nullable=False),
    Column("item_id", String(32), nullable=True),  # for undo; no foreign key: events outlive items
    Column("group_no", Integer, nullable=False),
    Column("doc_hash", String(64), nullable=False),
    Column("document_type", String(64), nullable=False),
    Column("language", String(8), nullable=False),
    Column("action", String(24), nullable=False),
    Column("original_label", String(16), nullable=True),
    Column("original_start", Integer, nullable=True),
    Column("original_end", Integer, nullable=True),
    Column("original_confidence", Float, nullable=True),
    Column("updated_label", String(16), nullable=True),
    Column("updated_start", Integer, nullable=True),
    Column("updated_end", Integer, nullable=True),
    Column("updated_confidence", Float, nullable=True),
    Column("entity_hash", String(64), nullable=False),  # HMAC of the entity text, installation secret
    Column("entity_shape", String(200), nullable=False),  # "Xxxx Xxxxx", "dd.dd.dddd"
    Column("entity_pattern", String(200), nullable=False),  # the shape with runs folded: "Xx Xx"
    Column("entity_length", Integer, nullable=False),
    Column("entity_text", String(200), nullable=True),  # only what a reviewer marked as not PII
    Column("context", String(200), nullable=False),  # at most 200 chars, every entity masked
    Column("cue", String(100), nullable=False),  # the words right before the entity, lower case
    Index("ix_feedback_events_org_created", "organization_id", "created_at"),
    Index("ix_feedback_events_item", "item_id", "group_no"),
)

review_settings = Table(
    "review_settings",
    metadata,
    Column("organization_id", ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True),
    Column("max_events", Integer, nullable=False),
    Column("max_days", Integer, nullable=False),
)

rules_versions = Table(
    "rules_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("organization_id", ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("rules", JSON, nullable=False),  # Rules.to_dict()
    Column("note", String(200), nullable=False),  # "applied 3 proposals", "rollback to v2"
    Column("replay", JSON, nullable=True),  # the replay figures shown before applying
    Column("created_at", _TS, nullable=False),
    UniqueConstraint("organization_id", "version", name="uq_rules_versions_org_version"),
)
