"""`tilbake erase ...`: delete captured suggestions (one, an encounter's, a session's, all before a
date) or a whole organization. Each prints the count and the exports that held erased rows."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import typer

from tilbake.cli.accounts import OrgOption
from tilbake.cli.common import echo_json, services

erase_app = typer.Typer(help="Erase captured suggestions, or a whole organization.", no_args_is_help=True)
AsJson = Annotated[bool, typer.Option("--json", help="print JSON instead of lines")]


def register(app: typer.Typer) -> None:
    app.add_typer(erase_app, name="erase")


def _report(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        echo_json(result)
        return
    typer.echo(f"erased {result['deleted']} suggestions")
    holding = result["exports_holding"]
    if holding:
        typer.echo("exports made before that held erased rows (tell the maintainer to withdraw them):")
    for b in holding:
        period = b["period"] or {}
        typer.echo(f"  {b['id']}  {str(b['created_at'])[:10]}  {b['status']:<8}  sha256 {b['sha256']}  "
                   f"period {period.get('from')}..{period.get('to')}")


def _erase(org: str, as_json: bool, **criteria: Any) -> None:
    from tilbake.capture.repository import Selection

    with services() as built:
        result = built.erasure.erase(built.local(org).org_id, Selection(**criteria))
    _report(result, as_json)


@erase_app.command("suggestion")
def erase_suggestion(suggestion_id: Annotated[str, typer.Argument(help="the suggestion's id")],
                     org: OrgOption, as_json: AsJson = False) -> None:
    """Erase one suggestion and its decision."""
    _erase(org, as_json, public_id=suggestion_id)


@erase_app.command("encounter")
def erase_encounter(encounter_id: Annotated[str, typer.Argument(help="the client app's encounter id")],
                    org: OrgOption, as_json: AsJson = False) -> None:
    """Erase every suggestion of one encounter (e.g. a patient's visit)."""
    _erase(org, as_json, encounter_id=encounter_id)


@erase_app.command("session")
def erase_session(session_id: Annotated[str, typer.Argument(help="the client app's session id")],
                  org: OrgOption, as_json: AsJson = False) -> None:
    """Erase every suggestion of one session."""
    _erase(org, as_json, session_id=session_id)


@erase_app.command("before")
def erase_before(date: Annotated[datetime, typer.Argument(help="erase what was created before (ISO date)")],
                 org: OrgOption, as_json: AsJson = False) -> None:
    """Erase every suggestion created before a date."""
    _erase(org, as_json, before=date)


@erase_app.command("org")
def erase_org(
    name: Annotated[str, typer.Argument(help="the organization to delete")],
    confirm: Annotated[str, typer.Option(help="repeat the organization's name to confirm")] = "",
) -> None:
    """Delete an organization with all its suggestions, exports (bundles too), tokens and types."""
    with services() as built:
        result = built.erasure.delete_org(name, confirm=confirm)
    d = result["deleted"]
    typer.echo(f"organization {name!r} deleted: {d['suggestions']} suggestions, {d['exports']} exports, "
               f"{d['tokens']} tokens")
