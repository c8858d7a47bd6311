"""`tilbake merge` and `tilbake dataset ...`: the maintainer's side, over the merge service.

    tilbake merge klinikk-a=a.zip klinikk-b=b.zip --into data/ [--cap-practice N] [--cap-type N]
    tilbake dataset status|recipe|export|revoke|mark-trained DIR ...

A file tool: no database, the de-identification engine for the leak gate. Exit 2 when an input was
rejected (the others are merged), with a message naming the file and the check.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from tilbake.cli.common import echo_json, failing_cleanly

dataset_app = typer.Typer(help="Inspect, revoke from, and train on a merged dataset.", no_args_is_help=True)
DatasetDir = Annotated[Path, typer.Argument(help="the dataset directory (tilbake merge --into)")]
NoModel = Annotated[bool, typer.Option("--no-model", help="leak gate with the rules only (faster)")]


def register(app: typer.Typer) -> None:
    app.command("merge")(merge)
    app.add_typer(dataset_app, name="dataset")


def _inputs(specs: list[str], practice: str | None) -> list[Any]:
    from tilbake.errors import InputError
    from tilbake.merge.service import Input

    out = []
    for spec in specs:
        label, sep, path = spec.partition("=")
        if not sep:
            label, path = practice or "", spec
        if not label.strip():
            raise InputError(f"name the practice of {path}: PRACTICE={path}, or --practice")
        out.append(Input(Path(path), label))
    return out


def merge(
    bundles: Annotated[
        list[str], typer.Argument(help="bundle zips/folders or legacy files, as PRACTICE=PATH")
    ],
    into: Annotated[Path, typer.Option("--into", help="the dataset directory (created if missing)")],
    practice: Annotated[
        str | None, typer.Option(help="practice of every PATH given without PRACTICE=")
    ] = None,
    cap_practice: Annotated[
        int | None, typer.Option(min=1, help="at most N rows per practice and format")
    ] = None,
    cap_type: Annotated[
        int | None, typer.Option(min=1, help="at most N rows per suggestion type and format")
    ] = None,
    legacy_consent: Annotated[str | None, typer.Option(help="consent reference for legacy files")] = None,
    no_model: NoModel = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Verify bundles, re-scan them for leaks, deduplicate, and merge them into a dataset."""
    from tilbake.merge.caps import Caps
    from tilbake.wiring import merge_service

    with failing_cleanly():
        result = merge_service(model=not no_model).merge(
            _inputs(bundles, practice), into, caps=Caps(cap_practice, cap_type), legacy_consent=legacy_consent
        )
    if as_json:
        echo_json(result)
    for entry in [] if as_json else result["entries"]:
        if entry["event"] == "merged":
            typer.echo(
                f"merged {entry['file']}: added {entry['added']}, duplicates {entry['duplicates']}, "
                f"quarantined {entry['quarantined']}, capped {entry['capped']}"
            )
        elif entry["event"] == "skipped":
            typer.echo(f"skipped {entry['file']}: {entry['reason']}")
        else:
            typer.echo(f"error: {entry['check']}", err=True)
    if result["rejected"]:
        raise typer.Exit(2)


@dataset_app.command()
def status(
    dataset: DatasetDir,
    threshold: Annotated[int, typer.Option(min=1)] = 100,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """New examples since the last training run, against a threshold, by type."""
    from tilbake.wiring import merge_service

    with failing_cleanly():
        report = merge_service().status(dataset, threshold)
    if as_json:
        echo_json(report)
        return
    verdict = "ready to train" if report["ready"] else "not yet"
    typer.echo(
        f"{report['new_examples']} new SFT+DPO examples since {report['last_training'] or 'the start'}"
        f" (threshold {threshold}): {verdict}"
    )
    for fmt, by_type in report["new_by_format_and_type"].items():
        typer.echo(f"  {fmt}: " + (", ".join(f"{t} {n}" for t, n in by_type.items()) or "none"))


@dataset_app.command("mark-trained")
def mark_trained(dataset: DatasetDir, note: Annotated[str, typer.Option()] = "") -> None:
    """Record that a model was trained on the dataset as it is now (status counts from here)."""
    from tilbake.wiring import merge_service

    with failing_cleanly():
        mark = merge_service().mark_trained(dataset, note)
    typer.echo(f"training run recorded at {mark['at']}")


@dataset_app.command()
def recipe(
    dataset: DatasetDir,
    out: Annotated[Path, typer.Option("--out")],
    base_model: Annotated[str, typer.Option()] = "NbAiLab/nb-llama-3.2-1B",
    method: Annotated[str, typer.Option(help="dpo or kto, after SFT")] = "dpo",
) -> None:
    """Write a TRL training script and config (SFT, then DPO or KTO; LoRA via peft)."""
    from tilbake.merge.recipe import write

    with failing_cleanly():
        files = write(dataset, out, base_model, method)
    typer.echo("wrote " + ", ".join(str(f) for f in files))


@dataset_app.command("export")
def export_layout(
    dataset: DatasetDir,
    out: Annotated[Path, typer.Option("--out")],
    layout: Annotated[str, typer.Option(help="chiroclick")] = "chiroclick",
) -> None:
    """Write the dataset in another trainer's file layout."""
    from tilbake.merge.layout import export

    with failing_cleanly():
        counts = export(dataset, out, layout)
    typer.echo(", ".join(f"{name} {n}" for name, n in counts.items()))


@dataset_app.command()
def revoke(
    dataset: DatasetDir,
    bundle_id: Annotated[str, typer.Argument(help="the bundle's export id")],
    reason: Annotated[str, typer.Option(help="why (logged)")] = "consent withdrawn",
) -> None:
    """Remove a bundle's rows from the dataset and from every later build."""
    from tilbake.wiring import merge_service

    with failing_cleanly():
        entry = merge_service().revoke(dataset, bundle_id, reason)
    typer.echo(f"revoked {bundle_id}: removed {entry['removed']}")
    for other, added in entry.get("restored", {}).items():  # rows held as duplicates of it, back in
        typer.echo(f"  restored from {other}: {added}")
