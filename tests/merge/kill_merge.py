"""Child process of the kill test: merges bundles, announcing each row file it writes, so the parent
can kill it in the middle of the merge."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tilbake.merge import merger
from tilbake.merge.service import Input
from tilbake.wiring import merge_service

real_batch = merger.Merger._batch


def slow_batch(self, *args, **kwargs):
    real_batch(self, *args, **kwargs)
    print("batch", flush=True)
    time.sleep(0.5)


merger.Merger._batch = slow_batch
into, *paths = sys.argv[1:]
merge_service(model=False).merge([Input(Path(p), f"practice-{i}") for i, p in enumerate(paths)], Path(into))
