"""`tilbake audit list`: the audit trail (who created, downloaded, revoked, deleted or pruned what)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from tilbake.cli.common import echo_json, services

audit_app = typer.Typer(help="The audit trail: actions on exports, tokens and data, without text.",
                        no_args_is_help=True)


def _line(e: dict[str, Any]) -> str:
    count = f"  count {e['count']}" if e["count"] is not None else ""
    return (f"{e['at']:%Y-%m-%d %H:%M:%S}  org {e['organization_id']}  {e['actor']:<20}  {e['action']:<10}  "
            f"{e['object_type']} {e['object_id'] or ''}{count}")


@audit_app.command("list")
def audit_list(
    org: Annotated[str | None, typer.Option("--org", help="only this organization (default: all)")] = None,
    limit: Annotated[int, typer.Option(min=1, max=500, help="how many events, newest first")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON instead of lines")] = False,
) -> None:
    """List audit events, newest first."""
    with services() as built:
        page = built.audit.list(built.local(org).org_id if org else None, limit=limit)
    if as_json:
        echo_json(page)
    else:
        typer.echo("\n".join(_line(e) for e in page["events"]) or "no audit events yet")


def register(app: typer.Typer) -> None:
    app.add_typer(audit_app, name="audit")
