"""Exports started from the page run in a thread of this process, so the page can show progress.

A job knows only counts, its state and, when done, the export's id: no text. The registry keeps the
newest ``KEEP`` jobs (older ones are forgotten; their exports stay in the history). With several
server workers a poll may reach another process, which answers 404: run the pages with one worker
(``tilbake serve`` does) or use the API from scripts.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tilbake.errors import NotFoundError, TilbakeError

log = logging.getLogger("tilbake.web.pages")
KEEP = 50


@dataclass
class Job:
    id: str
    org_id: int
    total: int
    done: int = 0
    state: str = "running"  # running | complete | failed
    export: dict[str, Any] | None = None
    message: str = ""

    @property
    def percent(self) -> int:
        return 100 if self.state != "running" else min(99, 100 * self.done // max(self.total, 1))


class ExportJobs:
    def __init__(self) -> None:
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()

    def start(self, org_id: int, total: int, run: Callable[[Callable[[int], None]], dict[str, Any]]) -> Job:
        """Run ``run(progress)`` in a thread; ``progress(n)`` adds n suggestions read."""
        job = Job(secrets.token_urlsafe(16), org_id, total)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP:
                self._jobs.popitem(last=False)
        threading.Thread(target=self._run, args=(job, run), name="tilbake-export", daemon=True).start()
        return job

    @staticmethod
    def _run(job: Job, run: Callable[[Callable[[int], None]], dict[str, Any]]) -> None:
        def progress(n: int) -> None:
            job.done += n

        try:
            job.export = run(progress)
            job.state = "complete"
        except TilbakeError as exc:  # our messages name problems, never text
            job.message, job.state = str(exc), "failed"
        except Exception as exc:  # noqa: BLE001 - a thread has no one else to tell
            log.error("export from the page failed: %s", type(exc).__name__)
            job.message, job.state = "the export could not be built; nothing was exported", "failed"

    def get(self, org_id: int, job_id: str) -> Job:
        job = self._jobs.get(job_id)
        if job is None or job.org_id != org_id:
            raise NotFoundError("no such export job in this organization")
        return job
