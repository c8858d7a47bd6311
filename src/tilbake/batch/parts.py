"""Resumable output: one part file per input file, and a checkpoint of the rows behind it.

    OUT/notes-01.jsonl              a finished input file's output (moved into place when complete)
    OUT/notes-02.jsonl.part         the output being written, in input order
    OUT/.tilbake-batch/run.json     the settings of the run (a resume with others is refused)
    OUT/.tilbake-batch/notes-02.jsonl.json  the checkpoint: input position and part size behind it

The part is flushed and fsynced before its checkpoint is replaced (atomically), so after a kill the
checkpoint never claims more than the part holds; a resume cuts the part back to the checkpoint's
size and reads the input after the checkpoint's position: no line is lost or written twice.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson

from tilbake.errors import InputError

STATE = ".tilbake-batch"
BAD_KEPT = 100  # bad records remembered per file for the summary (all are counted)


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def open_run(out_dir: Path, settings: dict[str, Any]) -> Path:
    """The run's state directory, made on the first run; a resume must have the same settings."""
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"--output {out_dir} is a file; give a directory for the output parts")
    state = out_dir / STATE
    state.mkdir(parents=True, exist_ok=True)
    recorded = state / "run.json"
    if recorded.exists():
        before = orjson.loads(recorded.read_bytes())
        if before != settings:
            changed = sorted(k for k in settings.keys() | before.keys() if settings.get(k) != before.get(k))
            raise InputError(f"--output {out_dir} holds a run with other settings ({', '.join(changed)}): "
                             "resume with the same ones or choose a new --output")
    else:
        _write_atomically(recorded, orjson.dumps(settings, option=orjson.OPT_SORT_KEYS))
    return state


@dataclass
class Checkpoint:
    position: int = 0  # input line/row up to which the part is complete
    size: int = 0  # bytes of the part at that point
    docs: int = 0
    bad: int = 0
    labels: Counter[str] = field(default_factory=Counter)
    bad_seen: list[tuple[int, str]] = field(default_factory=list)
    done: bool = False

    def as_bytes(self) -> bytes:
        return orjson.dumps({"position": self.position, "size": self.size, "docs": self.docs,
                             "bad": self.bad, "labels": dict(self.labels),
                             "bad_seen": self.bad_seen, "done": self.done})

    @classmethod
    def parse(cls, data: bytes) -> Checkpoint:
        d = orjson.loads(data)
        return cls(d["position"], d["size"], d["docs"], d["bad"], Counter(d["labels"]),
                   [tuple(b) for b in d["bad_seen"]], d["done"])


class Part:
    """The output of one input file: appended chunk by chunk, checkpointed after each."""

    def __init__(self, state: Path, final: Path) -> None:
        self.final = final
        self.part = final.with_name(final.name + ".part")
        self._ckpt = state / (str(final.relative_to(state.parent)).replace(os.sep, "__") + ".json")
        self.checkpoint = Checkpoint.parse(self._ckpt.read_bytes()) if self._ckpt.exists() else Checkpoint()
        self._out: IO[bytes] | None = None

    def open(self) -> None:
        """Cut the part back to what the checkpoint vouches for and append from there."""
        if self.checkpoint.done:
            return
        if not self.part.exists() or self.part.stat().st_size < self.checkpoint.size:
            self.checkpoint = Checkpoint()  # the part is gone or short: this file starts over
        self.final.parent.mkdir(parents=True, exist_ok=True)
        self._out = self.part.open("ab")
        self._out.truncate(self.checkpoint.size)
        self._out.seek(self.checkpoint.size)

    def append(self, lines: list[bytes], position: int, docs: int, labels: Counter[str],
               bad: list[tuple[int, str]]) -> None:
        assert self._out is not None
        self._out.writelines(lines)
        self._out.flush()
        os.fsync(self._out.fileno())
        c = self.checkpoint
        c.position, c.size, c.docs, c.bad = position, self._out.tell(), c.docs + docs, c.bad + len(bad)
        c.labels.update(labels)
        c.bad_seen.extend(bad[: max(0, BAD_KEPT - len(c.bad_seen))])
        _write_atomically(self._ckpt, c.as_bytes())

    def finish(self) -> None:
        """Mark the file done, then move its part into place (a resume completes either step)."""
        if self._out is not None:
            self._out.close()
            self._out = None
        if not self.checkpoint.done:
            self.checkpoint.done = True
            _write_atomically(self._ckpt, self.checkpoint.as_bytes())
        if self.part.exists():
            os.replace(self.part, self.final)
