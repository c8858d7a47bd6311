"""Build step: the de-identification engine's hot modules compiled with mypyc, when that works here.

The compiled modules are the same Python sources, built to C: the pattern part runs ~1.7x faster.
Where no C compiler is found (or with ``TILBAKE_PURE=1``) the install is pure Python and behaves the
same. ``_compiled.json`` beside the package records a hash of each compiled source, so that
``tilbake.deid`` never runs a compiled module older than its ``.py`` (editable installs; see
``tilbake/deid/_compiled.py``).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

SRC = Path(__file__).resolve().parent / "src"
# the pattern part and the engine around it; everything they call natively must be in this group
COMPILED = sorted(
    [*(p for p in (SRC / "tilbake/deid/detect/recognizers").glob("*.py")),
     SRC / "tilbake/deid/detect/overlap.py", SRC / "tilbake/deid/detect/engine.py", SRC / "tilbake/deid/rewrite/operators.py",
     SRC / "tilbake/deid/rewrite/apply.py"])
RECORD = "tilbake/deid/_compiled.json"


def _module(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


class OptionalMypycBuild(build_ext):
    """Compiles the modules of COMPILED with mypyc; on any failure, installs them as plain Python."""

    def finalize_options(self) -> None:
        extensions: list[Extension] = []
        if os.environ.get("TILBAKE_PURE") != "1":
            try:
                from mypyc.build import mypycify

                extensions = mypycify([str(p) for p in COMPILED], opt_level="3",
                                      target_dir=str(Path("build") / "mypyc"))
            except (Exception, SystemExit) as exc:  # mypyc refused the sources (it exits): stay pure
                self.warn(f"tilbake: no compiled modules ({type(exc).__name__}: {exc})")
        self.distribution.ext_modules = extensions
        super().finalize_options()

    def run(self) -> None:
        if not self.extensions:
            return
        try:
            super().run()
        except (Exception, SystemExit) as exc:  # no compiler or no Python headers: stay pure, say so
            self.warn(f"tilbake: no compiled modules ({type(exc).__name__}: {exc})")
            for ext in self.extensions:  # all or nothing: never a compiled module without its group
                for root in (self.build_lib, *([str(SRC)] if self.inplace else [])):
                    Path(root, self.get_ext_filename(self.get_ext_fullname(ext.name))).unlink(missing_ok=True)
            return
        record = {_module(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in COMPILED}
        for root in {self.build_lib, *([str(SRC)] if self.inplace else [])}:
            target = Path(root) / RECORD
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n")


# one placeholder, so that setuptools knows the package has extensions and runs build_ext; the real
# list comes from mypyc inside the command (not here: pip imports this file several times)
setup(ext_modules=[Extension("tilbake.deid._placeholder", sources=[])],
      cmdclass={"build_ext": OptionalMypycBuild})
