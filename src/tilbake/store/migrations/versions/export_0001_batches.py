"""Export batches, consents and the leak gate's quarantine list (owned by the export area).

Revision ID: export_0001
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "export_0001"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "export_consents",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("organization_id", sa.Integer, nullable=False),
        sa.Column("given_by", sa.String(200), nullable=False),
        sa.Column("token_id", sa.Integer, nullable=True),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("given_at", _TS, nullable=False),
        sa.Column("statement_version", sa.Integer, nullable=False),
        sa.Column("statement", sa.Text, nullable=False),
        sa.Column("scope", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_export_consents"),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            ondelete="CASCADE",
            name="fk_export_consents_organization_id_organizations",
        ),
    )
    op.create_table(
        "export_batches",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("organization_id", sa.Integer, nullable=False),
        sa.Column("consent_id", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("size_bytes", sa.BigInteger, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("suggestions", sa.Integer, nullable=False),
        sa.Column("manifest", sa.JSON, nullable=False),
        sa.Column("revoked_at", _TS, nullable=True),
        sa.Column("revoked_rows", sa.String(16), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_export_batches"),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            ondelete="CASCADE",
            name="fk_export_batches_organization_id_organizations",
        ),
        sa.ForeignKeyConstraint(
            ["consent_id"], ["export_consents.id"], name="fk_export_batches_consent_id_export_consents"
        ),
    )
    op.create_index("ix_export_batches_org_created", "export_batches", ["organization_id", "created_at"])
    op.create_table(
        "export_quarantine",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("export_batch_id", sa.String(64), nullable=False),
        sa.Column("suggestion_id", sa.Integer, nullable=False),
        sa.Column("reasons", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_export_quarantine"),
        sa.ForeignKeyConstraint(
            ["export_batch_id"],
            ["export_batches.id"],
            ondelete="CASCADE",
            name="fk_export_quarantine_export_batch_id_export_batches",
        ),
        sa.ForeignKeyConstraint(
            ["suggestion_id"],
            ["suggestions.id"],
            ondelete="CASCADE",
            name="fk_export_quarantine_suggestion_id_suggestions",
        ),
    )
    op.create_index("ix_export_quarantine_batch", "export_quarantine", ["export_batch_id"])


def downgrade() -> None:
    op.drop_table("export_quarantine")
    op.drop_table("export_batches")
    op.drop_table("export_consents")
