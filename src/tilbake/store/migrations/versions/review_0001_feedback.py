"""Review items, their corrections, FeedbackEvents, retention settings and versioned user rules
(owned by the review area).

Revision ID: review_0001
Revises: lifecycle_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "review_0001"
down_revision: str | None = "lifecycle_0001"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def _org_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["organization_id"], ["organizations.id"], ondelete="CASCADE",
                                   name=f"fk_{table}_organization_id_organizations")


def upgrade() -> None:
    op.create_table(
        "review_items",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("organization_id", sa.Integer, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("suggestion_id", sa.Integer, nullable=True),
        sa.Column("field", sa.String(32), nullable=True),
        sa.Column("export_batch_id", sa.String(64), nullable=True),
        sa.Column("document_type", sa.String(64), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("doc_hash", sa.String(64), nullable=False),
        sa.Column("detected", sa.JSON, nullable=False),
        sa.Column("explanations", sa.JSON, nullable=False),
        sa.Column("rules_version", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("acceptance", sa.JSON, nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("reviewed_at", _TS, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_review_items"),
        _org_fk("review_items"),
        sa.ForeignKeyConstraint(["suggestion_id"], ["suggestions.id"], ondelete="CASCADE",
                                name="fk_review_items_suggestion_id_suggestions"),
    )
    op.create_index("ix_review_items_org_status", "review_items", ["organization_id", "status", "created_at"])
    op.create_index("ix_review_items_suggestion", "review_items", ["suggestion_id"])
    op.create_table(
        "review_corrections",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("item_id", sa.String(32), nullable=False),
        sa.Column("group_no", sa.Integer, nullable=False),
        sa.Column("action", sa.String(24), nullable=False),
        sa.Column("original", sa.JSON, nullable=True),
        sa.Column("updated", sa.JSON, nullable=True),
        sa.Column("undone", sa.Boolean, nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_review_corrections"),
        sa.ForeignKeyConstraint(["item_id"], ["review_items.id"], ondelete="CASCADE",
                                name="fk_review_corrections_item_id_review_items"),
    )
    op.create_index("ix_review_corrections_item", "review_corrections", ["item_id", "group_no"])
    op.create_table(
        "feedback_events",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("organization_id", sa.Integer, nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("item_id", sa.String(32), nullable=True),
        sa.Column("group_no", sa.Integer, nullable=False),
        sa.Column("doc_hash", sa.String(64), nullable=False),
        sa.Column("document_type", sa.String(64), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("action", sa.String(24), nullable=False),
        sa.Column("original_label", sa.String(16), nullable=True),
        sa.Column("original_start", sa.Integer, nullable=True),
        sa.Column("original_end", sa.Integer, nullable=True),
        sa.Column("original_confidence", sa.Float, nullable=True),
        sa.Column("updated_label", sa.String(16), nullable=True),
        sa.Column("updated_start", sa.Integer, nullable=True),
        sa.Column("updated_end", sa.Integer, nullable=True),
        sa.Column("updated_confidence", sa.Float, nullable=True),
        sa.Column("entity_hash", sa.String(64), nullable=False),
        sa.Column("entity_shape", sa.String(200), nullable=False),
        sa.Column("entity_pattern", sa.String(200), nullable=False),
        sa.Column("entity_length", sa.Integer, nullable=False),
        sa.Column("entity_text", sa.String(200), nullable=True),
        sa.Column("context", sa.String(200), nullable=False),
        sa.Column("cue", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_feedback_events"),
        _org_fk("feedback_events"),
    )
    op.create_index("ix_feedback_events_org_created", "feedback_events", ["organization_id", "created_at"])
    op.create_index("ix_feedback_events_item", "feedback_events", ["item_id", "group_no"])
    op.create_table(
        "review_settings",
        sa.Column("organization_id", sa.Integer, nullable=False),
        sa.Column("max_events", sa.Integer, nullable=False),
        sa.Column("max_days", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("organization_id", name="pk_review_settings"),
        _org_fk("review_settings"),
    )
    op.create_table(
        "rules_versions",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("organization_id", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("rules", sa.JSON, nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.Column("replay", sa.JSON, nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_rules_versions"),
        _org_fk("rules_versions"),
        sa.UniqueConstraint("organization_id", "version", name="uq_rules_versions_org_version"),
    )


def downgrade() -> None:
    for table in ("rules_versions", "review_settings", "feedback_events", "review_corrections",
                  "review_items"):
        op.drop_table(table)
