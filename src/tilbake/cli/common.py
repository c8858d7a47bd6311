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

import typer

from tilbake.errors import ConfigError, InputError, ModelError, TilbakeError
from tilbake.wiring import Services


def exit_code(exc: BaseException) -> int:
    return 2 if isinstance(exc, InputError | ConfigError | ModelError | OSError) else 1


@contextmanager
def failing_cleanly() -> Iterator[None]:
    """Turn tilbake's errors (and OS errors on files) into a one-line message and an exit code."""
    try:
        yield
    except (TilbakeError, OSError) as exc:
        problem = exc if isinstance(exc, TilbakeError) else f"{exc.strerror or type(exc).__name__}" + (
            f": {exc.filename}" if exc.filename else "")
        typer.echo(f"error: {problem}", err=True)
        raise typer.Exit(exit_code(exc)) from None


@contextmanager
def services() -> Iterator[Services]:
    """The wiring root from the environment, closed afterwards, with errors handled as above."""
    with failing_cleanly(), Services.from_env() as built:
        yield built


def echo_json(data: Any) -> None:
    typer.echo(json.dumps(data, default=str, ensure_ascii=False, indent=2))
