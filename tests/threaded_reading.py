"""Readings of one detector from several threads at once, as the web server does (a page's sample while an
export runs): each thread's results by (thread, round), and the names of any exceptions raised."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


def read_in_threads(
    read: Callable[[int, int], Any], threads: int, rounds: int
) -> tuple[dict[tuple[int, int], Any], list[str]]:
    seen: dict[tuple[int, int], Any] = {}
    errors: list[str] = []

    def run(k: int) -> None:
        try:
            for i in range(rounds):
                seen[(k, i)] = read(k, i)
        except Exception as exc:  # noqa: BLE001 - what a failed reading raised is the finding
            errors.append(type(exc).__name__)

    workers = [threading.Thread(target=run, args=(k,)) for k in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(300)
    return seen, errors
