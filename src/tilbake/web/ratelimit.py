"""A limit on failed authentication: a client that keeps guessing tokens is told to wait (HTTP 429).

Per client address and process, in memory: ``LIMIT`` failures within ``WINDOW`` seconds block the
address until the oldest of them leaves the window. Successful requests are never counted, so a
practice's clients are only slowed by their own wrong tokens. The table of addresses is bounded.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque

LIMIT, WINDOW, MAX_CLIENTS = 20, 60.0, 10_000


class FailedAuthLimiter:
    def __init__(self, limit: int = LIMIT, window: float = WINDOW, max_clients: int = MAX_CLIENTS) -> None:
        self.limit, self.window, self.max_clients = limit, window, max_clients
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def _recent(self, client: str, now: float) -> deque[float]:
        times = self._failures.get(client)
        if times is None:
            return deque()
        while times and times[0] <= now - self.window:
            times.popleft()
        if not times:
            del self._failures[client]
        return times

    def wait(self, client: str) -> float:
        """Seconds ``client`` must wait before trying again (0: it may go on)."""
        now = time.monotonic()
        with self._lock:
            times = self._recent(client, now)
            return times[0] + self.window - now if len(times) >= self.limit else 0.0

    def failed(self, client: str) -> None:
        now = time.monotonic()
        with self._lock:
            times = self._failures.setdefault(client, deque(maxlen=self.limit))
            times.append(now)
            self._failures.move_to_end(client)
            while len(self._failures) > self.max_clients:
                self._failures.popitem(last=False)
