"""`tilbake deid ...`: detect, anonymize and explain PHI in Norwegian clinical text.

`detect` and `anonymize --input` stream JSONL (DESIGN §2): one input line `{"id", "text"}` at a time,
output in the same order. The output is written to a temporary file beside the target and moved into
place only when every line succeeded, so a bad line (exit 2, naming its line number) never leaves a
half-written or clobbered output.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import orjson
import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn, TransferSpeedColumn
from rich.table import Table

from tilbake.errors import InputError, TilbakeError

deid_app = typer.Typer(help="De-identify Norwegian clinical text.", no_args_is_help=True)
_err = Console(stderr=True)


def register(app: typer.Typer) -> None:
    app.add_typer(deid_app, name="deid")


def _engine(rules: Path | None, model: bool) -> Any:
    from tilbake.deid.engine import Deidentifier
    from tilbake.deid.rules import Rules

    loaded = None
    if rules is not None:
        try:
            loaded = Rules.from_dict(orjson.loads(rules.read_bytes()))
        except (OSError, orjson.JSONDecodeError) as exc:
            raise InputError(f"cannot read rules file {rules}: {type(exc).__name__}") from None
    return Deidentifier.default(loaded, model=model)


def read_records(stream: IO[bytes]) -> Iterator[tuple[int, Any, str, dict[str, Any]]]:
    """(line number, id, text, record) per non-blank line; a bad line raises InputError naming it."""
    for lineno, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        try:
            record = orjson.loads(raw)
        except orjson.JSONDecodeError:
            raise InputError(f"line {lineno}: not valid JSON") from None
        if not isinstance(record, dict):
            raise InputError(f"line {lineno}: expected a JSON object with 'id' and 'text'")
        if "id" not in record:
            raise InputError(f"line {lineno}: missing 'id'")
        if not isinstance(record.get("text"), str):
            raise InputError(f"line {lineno}: 'text' must be a string")
        yield lineno, record["id"], record["text"], record


_INPUT = typer.Option(..., "--input", "-i", help="JSONL file, one {\"id\", \"text\"} per line.")
_OUTPUT = typer.Option(None, "--output", "-o", help="JSONL file for {\"id\", \"spans\"} (default stdout).")
_RULES = typer.Option(None, "--rules", help="User rules JSON (allow, deny, context).")
_MODEL = typer.Option(True, "--model/--no-model", help="Run the shipped NER model with the rules (default).")
_TEXT = typer.Argument(None, help="Text to anonymize (default: stdin, unless --input is given).")
_INPUT2 = typer.Option(None, "--input", "-i", help="JSONL file, one {\"id\", \"text\"} per line.")
_OUTPUT2 = typer.Option(None, "--output", "-o", help="Where the JSONL output goes (default stdout).")
_OPERATOR = typer.Option("tag", "--operator", help="tag, role, age, redact or surrogate.")
_SCOPE = typer.Option(None, "--scope", help="Surrogate scope (default: each record's id).")
_TEXT2 = typer.Argument(..., help="The text to explain.")
_ALL_CANDIDATES = typer.Option(False, "--all", help="Also show candidates that were dropped.")


@contextlib.contextmanager
def _atomic_output(target: Path | None) -> Iterator[IO[bytes]]:
    """Write to a temporary file and move it over ``target`` only on success (stdout when None)."""
    if target is None or str(target) == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or Path("."))
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise


def _progress(path: Path) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), TransferSpeedColumn(),
                    TimeRemainingColumn(), console=_err, transient=True,
                    disable=not _err.is_terminal or path.stat().st_size < 1_000_000)


def _stream(input_path: Path, output: Path | None, engine: Any, render: Any, what: str) -> int:
    if not input_path.is_file():
        raise InputError(f"--input {input_path} is not a readable file")
    count = 0
    with input_path.open("rb") as src, _atomic_output(output) as out, _progress(input_path) as bar:
        task = bar.add_task(what, total=input_path.stat().st_size)
        records = read_records(src)
        batch: list[tuple[Any, str, dict[str, Any]]] = []

        def flush() -> None:
            texts = [text for _, text, _ in batch]
            for (rid, text, record), spans in zip(batch, engine.detect_many(texts), strict=True):
                out.write(orjson.dumps(render(rid, text, record, spans)) + b"\n")
            bar.update(task, completed=src.tell())
            batch.clear()

        for _, rid, text, record in records:
            batch.append((rid, text, record))
            count += 1
            if len(batch) == 64:
                flush()
        flush()
    return count


def _fail(exc: TilbakeError) -> typer.Exit:
    _err.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
    return typer.Exit(2)


def _spans_row(rid: Any, text: str, record: dict[str, Any], spans: Any) -> dict[str, Any]:
    return {"id": rid, "spans": [s.as_dict() for s in spans]}


@deid_app.command()
def detect(
    input: Path = _INPUT,
    output: Path = _OUTPUT,
    rules: Path = _RULES,
    model: bool = _MODEL,
) -> None:
    """Find PHI spans in every document of a JSONL file, streaming, in input order."""
    try:
        engine = _engine(rules, model)
        n = _stream(input, output, engine, _spans_row, "detect")
    except TilbakeError as exc:
        raise _fail(exc) from None
    _err.print(f"{n} documents", highlight=False)


@deid_app.command()
def anonymize(
    text: str = _TEXT,
    input: Path = _INPUT2,
    output: Path = _OUTPUT2,
    operator: str = _OPERATOR,
    scope: str = _SCOPE,
    rules: Path = _RULES,
    model: bool = _MODEL,
) -> None:
    """Rewrite PHI in plain text or a JSONL file with the chosen operator."""
    from tilbake.deid.operators import OperatorContext, get_operator
    from tilbake.deid.operators import anonymize as rewrite

    try:
        get_operator(operator)
        engine = _engine(rules, model)
        secret = b""
        if operator == "surrogate":
            from tilbake.config import Settings

            secret = Settings.from_env().secret()

        def render(rid: Any, body: str, record: dict[str, Any], spans: Any) -> dict[str, Any]:
            ctx = OperatorContext(secret, scope or str(record.get("patient_id", rid)))
            return {**record, "text": rewrite(body, spans, operator, ctx)}

        if input is not None:
            n = _stream(input, output, engine, render, "anonymize")
            _err.print(f"{n} documents", highlight=False)
            return
        body = text if text is not None else sys.stdin.read()
        ctx = OperatorContext(secret, scope or "")
        typer.echo(rewrite(body, engine.detect(body), operator, ctx))
    except TilbakeError as exc:
        raise _fail(exc) from None


@deid_app.command()
def explain(
    text: str = _TEXT2,
    rules: Path = _RULES,
    model: bool = _MODEL,
    all_candidates: bool = _ALL_CANDIDATES,
) -> None:
    """Show each span found in TEXT: label, recognizer, pattern, validation and context words."""
    try:
        engine = _engine(rules, model)
    except TilbakeError as exc:
        raise _fail(exc) from None
    table = Table("text", "label", "score", "source", "pattern", "check", "cues", "decision")
    for e in engine.analyze(text):
        if e.decision == "kept" or all_candidates:
            table.add_row(text[e.span.start:e.span.end], e.span.label.value, f"{e.span.score:.2f}", e.source,
                          e.pattern, e.check, ", ".join(e.cues), e.decision)
    Console().print(table)
