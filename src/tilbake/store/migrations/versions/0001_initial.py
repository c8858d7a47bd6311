"""Organizations, API tokens, suggestion types and suggestions.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "organizations",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_organizations"),
        sa.UniqueConstraint("name", name="uq_organizations_name"),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("organization_id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("revoked_at", _TS, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_api_tokens"),
        sa.ForeignKeyConstraint(["organization_id"], ["organizations.id"], ondelete="CASCADE",
                                name="fk_api_tokens_organization_id_organizations"),
        sa.UniqueConstraint("token_hash", name="uq_api_tokens_token_hash"),
    )
    op.create_table(
        "suggestion_types",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("organization_id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("description", sa.String(500), nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_suggestion_types"),
        sa.ForeignKeyConstraint(["organization_id"], ["organizations.id"], ondelete="CASCADE",
                                name="fk_suggestion_types_organization_id_organizations"),
        sa.UniqueConstraint("organization_id", "name", name="uq_suggestion_types_org_name"),
    )
    op.create_table(
        "suggestions",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("public_id", sa.String(64), nullable=False),
        sa.Column("organization_id", sa.Integer, nullable=False),
        sa.Column("suggestion_type", sa.String(64), nullable=False),
        sa.Column("original_suggestion", sa.Text, nullable=False),
        sa.Column("context_data", sa.JSON, nullable=True),
        sa.Column("confidence_score", sa.Float, nullable=True),
        sa.Column("model_name", sa.String(200), nullable=True),
        sa.Column("model_version", sa.String(200), nullable=True),
        sa.Column("encounter_id", sa.String(200), nullable=True),
        sa.Column("session_id", sa.String(200), nullable=True),
        sa.Column("template_id", sa.String(200), nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("accepted", sa.Boolean, nullable=True),
        sa.Column("user_correction", sa.Text, nullable=True),
        sa.Column("correction_type", sa.String(16), nullable=True),
        sa.Column("user_rating", sa.Integer, nullable=True),
        sa.Column("feedback_notes", sa.Text, nullable=True),
        sa.Column("time_to_decision", sa.Integer, nullable=True),
        sa.Column("decided_at", _TS, nullable=True),
        sa.Column("export_batch_id", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_suggestions"),
        sa.ForeignKeyConstraint(["organization_id"], ["organizations.id"], ondelete="CASCADE",
                                name="fk_suggestions_organization_id_organizations"),
        sa.UniqueConstraint("organization_id", "public_id", name="uq_suggestions_org_public_id"),
    )
    op.create_index("ix_suggestions_org_created", "suggestions", ["organization_id", "created_at"])
    op.create_index(
        "ix_suggestions_org_pending", "suggestions", ["organization_id", "export_batch_id", "suggestion_type"]
    )


def downgrade() -> None:
    op.drop_table("suggestions")
    op.drop_table("suggestion_types")
    op.drop_table("api_tokens")
    op.drop_table("organizations")
