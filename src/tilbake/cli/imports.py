"""`tilbake import ...`: bring what a client already logged into tilbake, from its own database.

The source is only read (one read-only transaction); what was not imported is reported by table and
reason, as counts. Running it again imports only rows that were not there before.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import typer

from tilbake.cli.accounts import OrgOption
from tilbake.cli.common import echo_json, services

import_app = typer.Typer(help="Import what a client already logged (read-only on its database).",
                         no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(import_app, name="import")


def _print_report(report: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("table", "read", "imported", "already imported", "skipped", title="import")
    for name, counts in report["tables"].items():
        table.add_row(name, str(counts["read"]), str(counts["imported"]), str(counts["already_imported"]),
                      str(sum(counts["skipped"].values())))
    console = Console()
    console.print(table)
    for name, counts in report["tables"].items():
        for reason, n in counts["skipped"].items():
            console.print(f"skipped {n} of {name}: {reason}", highlight=False)
    for note in report["notes"]:
        console.print(f"note: {note}", highlight=False)


@import_app.command()
def chiroclick(
    database_url: Annotated[str, typer.Option(
        "--database-url", help="the client's PostgreSQL, e.g. postgresql://reader@host:5432/ehr "
        "(password from PGPASSWORD or ~/.pgpass)", envvar="TILBAKE_IMPORT_DATABASE_URL")],
    org: OrgOption,
    source_org: Annotated[str | None, typer.Option(
        "--source-org", help="the practice's organization_id in the source (when it holds several)")] = None,
    suggestions_type: Annotated[str | None, typer.Option(
        "--suggestions-type", help="suggestion type of ai_suggestions rows, if that table has no type column")
    ] = None,
    until: Annotated[datetime | None, typer.Option(
        help="only rows created before this time (ISO; naive times are UTC), e.g. when the panel "
        "began posting to tilbake")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the report as JSON")] = False,
) -> None:
    """Import the ai_feedback and ai_suggestions tables of the first client's database."""
    from rich.progress import Progress

    from tilbake.capture.imports.chiroclick import ImportOptions, import_chiroclick

    options = ImportOptions(source_org=source_org, suggestions_type=suggestions_type, until=until)
    with services() as built, Progress(transient=True, disable=as_json) as bar:
        task = bar.add_task("importing", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, total=total, advance=done)

        report = import_chiroclick(built.capture, built.local(org), database_url, options, progress)
    echo_json(report.as_dict()) if as_json else _print_report(report.as_dict())
