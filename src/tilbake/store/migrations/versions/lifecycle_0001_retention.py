"""Retention of raw suggestion text: each organization's period, and when a row's text was removed
(owned by the lifecycle area; the column is capture's).

Revision ID: lifecycle_0001
Revises: audit_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "lifecycle_0001"
down_revision: str | None = "audit_0001"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "text_retention",
        sa.Column("organization_id", sa.Integer, nullable=False),
        sa.Column("days", sa.Integer, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("organization_id", name="pk_text_retention"),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            ondelete="CASCADE",
            name="fk_text_retention_organization_id_organizations",
        ),
    )
    op.add_column("suggestions", sa.Column("text_pruned_at", _TS, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("suggestions") as batch:
        batch.drop_column("text_pruned_at")
    op.drop_table("text_retention")
