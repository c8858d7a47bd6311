"""The detector loads its pipeline afresh every ``RENEW_AFTER`` strings read (issue 17): spaCy's hash
tables keep a slot for every word a memory zone freed, so a million-note run would grow without it.
A renewed pipeline must answer exactly as the first did, also while other threads read."""

from __future__ import annotations

from tests.threaded_reading import read_in_threads

from tilbake.deid.detect.ner import load_detector

NAMES = ["Kari Nordmann", "Ola Hansen fra Bodø", "Per Olsen", "Lise i Tromsø", "Anne Berg"]


def _texts(k: int, i: int, n: int = 10) -> list[str]:
    # new words in every text: each reading adds strings (and table slots) to the vocabulary
    return [f"Pasient {NAMES[(i + j + k) % 5]} ringte om ryggen {i}{j}{k}x. Ny time hos Zq{i}v{j}k{k}."
            for j in range(n)]


def test_the_pipeline_is_renewed_after_so_many_strings_and_answers_the_same():
    renewing, fresh = load_detector(), load_detector()
    renewing.RENEW_AFTER = 15
    first = renewing._nlp
    for i in range(4):
        assert renewing._entities(_texts(0, i)) == fresh._entities(_texts(0, i))
    # ten strings a reading: the count reaches 15 at the second reading and again at the fourth
    assert renewing.renewals == 2
    assert renewing._nlp is not first
    assert renewing._read_since_load == 0
    assert fresh.renewals == 0


def test_strings_the_memo_answers_do_not_count_towards_a_renewal():
    detector = load_detector()
    detector.RENEW_AFTER = 15
    for _ in range(5):
        detector._entities(_texts(1, 1))  # the same ten strings: read once, then from the memo
    assert detector.renewals == 0
    assert detector._read_since_load == 10


def test_threads_reading_while_the_pipeline_is_renewed_get_what_one_thread_gets():
    detector, fresh = load_detector(), load_detector()
    detector.RENEW_AFTER = 25
    rounds, threads = 6, 3
    alone = {(k, i): fresh._entities(_texts(k, i)) for k in range(threads) for i in range(rounds)}
    seen, errors = read_in_threads(lambda k, i: detector._entities(_texts(k, i)), threads, rounds)
    assert errors == []
    assert seen == alone
    assert detector.renewals == rounds * threads // 3  # ten strings a reading, renewed at 30
