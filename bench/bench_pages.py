"""The pages' costs: a sign-in (one argon2id verify and a session row), the Treningsdata page (the
export preview and history), its sample (the export's anonymizer, row builders and leak gate on a few
suggestions; the first call also loads the NER model), over the real app on SQLite with demo data.

    python bench/bench_pages.py              # 500 demo suggestions, 20 repetitions
    python bench/bench_pages.py --count 5000 --repeat 10

Prints the median and the slowest of each, in milliseconds (TestClient in-process: no network).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from fastapi.testclient import TestClient  # noqa: E402

from tilbake.config import Settings  # noqa: E402
from tilbake.tooling.demo import run_demo  # noqa: E402
from tilbake.web import create_app  # noqa: E402
from tilbake.wiring import Services  # noqa: E402

TRAINING = "/innstillinger/ai/treningsdata"


def timed(call, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        out.append(1000 * (time.perf_counter() - start))
    return out


def report(name: str, ms: list[float]) -> None:
    print(f"{name:<34} median {statistics.median(ms):8.1f} ms   slowest {max(ms):8.1f} ms   (n={len(ms)})")


def sign_in(app, username: str, password: str, client: TestClient | None = None) -> float:
    """One sign-in by a fresh browser (its form first, untimed); the POST's milliseconds."""
    client = client or TestClient(app)
    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/logg-inn").text).group(1)
    start = time.perf_counter()
    answer = client.post("/logg-inn", follow_redirects=False,
                         data={"username": username, "password": password, "csrf": csrf})
    assert answer.status_code == 303, answer.status_code
    return 1000 * (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        services = Services(Settings.from_env({"TILBAKE_DATA_DIR": data}))
        demo = run_demo(services, n=args.count)
        app = create_app(services)
        signins = [sign_in(app, demo.admin, demo.password) for _ in range(args.repeat)]
        report("sign-in (argon2id + session)", signins)
        with TestClient(app) as client:
            sign_in(app, demo.admin, demo.password, client)
            report(f"Treningsdata page ({args.count} rows)",
                   timed(lambda: client.get(TRAINING).raise_for_status(), args.repeat))
            report("sample, first (loads the model)", timed(lambda: client.get(f"{TRAINING}/eksempel"), 1))
            report("sample, warm", timed(lambda: client.get(f"{TRAINING}/eksempel").raise_for_status(),
                                         args.repeat))


if __name__ == "__main__":
    main()
