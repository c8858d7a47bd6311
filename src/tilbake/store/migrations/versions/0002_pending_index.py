"""A partial index for reading pending rows in pages by id (the export's snapshot).

Revision ID: 0002
Revises: export_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "export_0001"
branch_labels = None
depends_on = None

_PENDING = sa.text("export_batch_id IS NULL")


def upgrade() -> None:
    op.create_index(
        "ix_suggestions_pending_id",
        "suggestions",
        ["organization_id", "id"],
        postgresql_where=_PENDING,
        sqlite_where=_PENDING,
    )


def downgrade() -> None:
    op.drop_index("ix_suggestions_pending_id", table_name="suggestions")
