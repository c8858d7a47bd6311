"""What every command shares: one way from the error tree to exit codes, the wiring root, JSON output.

Exit codes: 2 for anything the user can fix (bad input, unknown names, conflicts, a bad setting, a
model folder that holds no model, a file that cannot be read or written), 1 for failures of the
system underneath (the database, building an export).
A message names the problem and never holds clinical text; no traceback reaches the user.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click
import typer

from tilbake.errors import ConfigError, InputError, ModelError, TilbakeError
from tilbake.wiring import Services

#: the services' field names as the CLI spells them: a message names the flag the user typed
CLI_FLAGS = {"consent.agree": "--agree", "consent.given_by": "--given-by", "mode": "--mode",
             "rows": "--rows", "types": "--type", "suggestion_types": "--type", "since": "--since",
             "until": "--until"}


def exit_code(exc: BaseException) -> int:
    return 2 if isinstance(exc, InputError | ConfigError | ModelError | OSError) else 1


def cli_message(exc: TilbakeError) -> str:
    """The error's message, with the API field it names replaced by the CLI flag."""
    text, field = str(exc), getattr(exc, "field", None)
    flag = CLI_FLAGS.get(field or "")
    if not flag or not field:
        return text
    return text.replace(field, flag, 1) if field in text else f"{flag}: {text}"


@contextmanager
def failing_cleanly() -> Iterator[None]:
    """Turn tilbake's errors (and OS errors on files) into a one-line message and an exit code; anything
    else into a one-line message naming only its class (exit 1): no traceback reaches the user."""
    try:
        yield
    except (click.exceptions.Exit, click.ClickException, click.Abort):
        raise
    except (TilbakeError, OSError) as exc:
        problem = cli_message(exc) if isinstance(exc, TilbakeError) else (
            f"{exc.strerror or type(exc).__name__}" + (f": {exc.filename}" if exc.filename else ""))
        typer.echo(f"error: {problem}", err=True)
        raise typer.Exit(exit_code(exc)) from None
    except Exception as exc:  # noqa: BLE001 - the message could quote data; the class cannot
        typer.echo(f"error: unexpected {type(exc).__name__} (a bug in tilbake; please report it)", err=True)
        raise typer.Exit(1) from None


@contextmanager
def services() -> Iterator[Services]:
    """The wiring root from the environment, closed afterwards, with errors handled as above."""
    with failing_cleanly(), Services.from_env() as built:
        yield built


def echo_json(data: Any) -> None:
    typer.echo(json.dumps(data, default=str, ensure_ascii=False, indent=2))
