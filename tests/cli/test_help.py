"""Every CLI command and group has help text, and --help works for each (DESIGN §5.8)."""

import typer.main
from typer.testing import CliRunner

from tilbake.cli import app


def _walk(command, path=()):
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _walk(sub, (*path, name))


def test_every_command_has_help_and_answers_help():
    root = typer.main.get_command(app)
    runner = CliRunner()
    seen = 0
    for path, command in _walk(root):
        if path:
            assert (command.help or "").strip(), f"`tilbake {' '.join(path)}` has no help text"
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        seen += 1
    assert seen >= 2
