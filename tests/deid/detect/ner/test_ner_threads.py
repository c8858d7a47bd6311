"""The web server reads with one detector from several threads (a page's sample while an export runs).
Each reading closes a spaCy memory zone that frees the strings it added; without a lock around the
reading, another thread's strings were freed under it (OverflowError in the export thread, which then
failed and the page never offered the download)."""

from __future__ import annotations

from tests.threaded_reading import read_in_threads

from tilbake.deid.detect.ner import load_detector

NAMES = ["Kari Nordmann", "Ola Hansen fra Bodø", "Per Olsen", "Lise i Tromsø", "Anne Berg"]


def _texts(k: int, i: int) -> list[str]:
    # new words in every text, so each reading adds strings its memory zone frees again
    return [f"Pasient {NAMES[(i + j + k) % 5]} ringte om ryggen {i}{j}{k}x{k * i}. Ny time hos Zq{i}v{j}k{k}."
            for j in range(20)]


def test_threads_reading_at_once_get_what_one_thread_gets():
    detector = load_detector()
    rounds, threads = 150, 3
    fresh = load_detector()  # alone: no other thread near it
    alone = {(k, i): fresh._entities(_texts(k, i)) for k in range(threads) for i in range(0, rounds, 37)}

    def read(k: int, i: int) -> list:
        detector.forget()  # every round goes to the model, not the memo
        return detector._entities(_texts(k, i))

    seen, errors = read_in_threads(read, threads, rounds)
    assert errors == []
    assert len(seen) == rounds * threads
    assert {key: seen[key] for key in alone} == alone
