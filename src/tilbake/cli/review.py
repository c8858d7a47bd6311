"""`tilbake feedback ...` and `tilbake rules ...`: the PII feedback loop from the command line.

feedback: summary, retention, prune, delete-all (confirmed), export (anonymised | raw).
rules:    propose (with replay), apply, history, rollback: the organization's versioned user rules.
Each command parses, makes one service call and renders.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from tilbake.cli.common import echo_json, services

feedback_app = typer.Typer(help="Reviewers' PII feedback: summary, retention, deletion, export.",
                           no_args_is_help=True)
rules_app = typer.Typer(help="The organization's user rules, learned from feedback: propose, apply, "
                        "history, rollback.", no_args_is_help=True)

Org = Annotated[str, typer.Option("--org", help="organization name (tilbake org list)")]
AsJson = Annotated[bool, typer.Option("--json", help="print JSON instead of a table")]


def register(app: typer.Typer) -> None:
    app.add_typer(feedback_app, name="feedback")
    app.add_typer(rules_app, name="rules")


@feedback_app.command()
def summary(org: Org, top: Annotated[int, typer.Option(help="groups per list")] = 10) -> None:
    """Top false positives and missed patterns (repeated corrections counted together)."""
    with services() as built:
        echo_json(built.review.summary(built.local(org).org_id, top))


@feedback_app.command()
def retention(
    org: Org,
    max_events: Annotated[int | None, typer.Option(help="keep at most this many events")] = None,
    max_days: Annotated[int | None, typer.Option(help="keep events at most this many days")] = None,
) -> None:
    """Show the retention, or set it (both values; prunes at once)."""
    from tilbake.review.retention import Retention

    with services() as built:
        org_id = built.local(org).org_id
        now = built.review.retention(org_id)
        if max_events is not None or max_days is not None:
            wanted = Retention(now.max_events if max_events is None else max_events,
                               now.max_days if max_days is None else max_days)
            now = built.review.set_retention(org_id, wanted)
    echo_json(now.as_dict())


@feedback_app.command()
def prune(org: Org) -> None:
    """Delete the events the retention no longer keeps (also done on every write)."""
    with services() as built:
        pruned = built.review.prune(built.local(org).org_id)
    typer.echo(f"pruned {pruned['by_age']} event(s) by age and {pruned['by_count']} by count")


@feedback_app.command("delete-all")
def delete_all(org: Org, yes: Annotated[bool, typer.Option("--yes", help="do not ask")] = False) -> None:
    """Delete ALL feedback data of the organization: every event and review item."""
    confirm = yes or typer.confirm(f"Delete all feedback data of {org!r}?", default=False)
    with services() as built:
        counts = built.review.delete_all(built.local(org).org_id, confirm=confirm)
    typer.echo(f"deleted {counts['events_deleted']} event(s) and {counts['items_deleted']} review item(s)")


@feedback_app.command("export")
def export(
    org: Org,
    output: Annotated[Path, typer.Option("--output", "-o", help="folder for the two files")],
    mode: Annotated[str, typer.Option(help="anonymised (keyed ids, no contexts) or raw")] = "anonymised",
) -> None:
    """Write feedback-summary.json and feedback-events.jsonl for the maintainer."""
    with services() as built:
        written = built.review.export_feedback(built.local(org).org_id, output, mode)
    typer.echo(f"{written['events']} event(s), {written['mode']}:\n" + "\n".join(written["files"]))


def _proposal_line(p: dict[str, Any]) -> str:
    changes = ", ".join(f"{label} R {v['recall'][0]}->{v['recall'][1]} P {v['precision'][0]}->"
                        f"{v['precision'][1]}" for label, v in p["replay"]["per_label"].items())
    flag = "" if p["applied_by_default"] else "  LOWERS RECALL: not applied by default"
    return f"{p['id']}  {p['kind']:<7} {p['entry']}  x{p['evidence']}  [{changes}]{flag}"


@rules_app.command()
def propose(org: Org, min_count: Annotated[int, typer.Option(help="repeats needed")] = 2,
            as_json: AsJson = False) -> None:
    """Proposals from the feedback, each replayed on the reviewed documents (nothing is applied)."""
    with services() as built:
        shown = built.rules.propose(built.local(org).org_id, min_count)
    if as_json:
        echo_json(shown)
        return
    typer.echo(f"rules {shown['rules_version']}, {shown['reviewed_documents']} reviewed document(s)")
    typer.echo("\n".join(_proposal_line(p) for p in shown["proposals"]) or "no proposals")


@rules_app.command()
def apply(
    org: Org,
    ids: Annotated[list[str] | None, typer.Option("--id", help="only this proposal (repeatable)")] = None,
    include_recall_lowering: Annotated[bool, typer.Option(help="allow named proposals that lower recall")
                                       ] = False,
    min_count: Annotated[int, typer.Option(help="repeats needed")] = 2,
) -> None:
    """Apply proposals (default: every one that lowers no recall) as a new rules version."""
    with services() as built:
        rules = built.rules.apply(built.local(org).org_id, ids or (),
                                  include_recall_lowering=include_recall_lowering, min_count=min_count)
    echo_json(rules)


@rules_app.command()
def history(org: Org) -> None:
    """Every rules version of the organization, newest first."""
    with services() as built:
        rows = built.rules.history(built.local(org).org_id)
    typer.echo("\n".join(f"{r['version']}  {str(r['created_at'])[:19]}  {r['note']}" for r in rows)
               or "no rules versions yet (the built-in rules are in force)")


@rules_app.command()
def rollback(org: Org, to: Annotated[int | None, typer.Option(help="version number (0: built-in)")] = None
             ) -> None:
    """Go back to an earlier version's rules (as a new version; the default is the one before)."""
    with services() as built:
        echo_json(built.rules.rollback(built.local(org).org_id, to))
