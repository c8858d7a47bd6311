"""The detectors' caches stay bounded whatever the corpus (issue 17: memory per batch worker flat).

A batch worker runs for a million notes; every word cache it fills must stop at a bound, or memory
grows with the corpus's vocabulary.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys

import pytest

import tilbake.deid
from tilbake.deid.detect import name_words
from tilbake.deid.detect.name_words import WORD_CACHE, zipf
from tilbake.deid.detect.recognizers import addresses, orgs
from tilbake.deid.detect.recognizers.name_context import _opens_name, breaks_name, never_in_name


def _deid_caches() -> list[tuple[str, object]]:
    for info in pkgutil.walk_packages(tilbake.deid.__path__, "tilbake.deid."):
        importlib.import_module(info.name)
    found = []
    for name, module in list(sys.modules.items()):
        if name.startswith("tilbake.deid") and module is not None:
            for attr, value in vars(module).items():
                if callable(getattr(value, "cache_info", None)) and getattr(value, "__module__", "") == name:
                    found.append((f"{name}.{attr}", value))
    return found


def test_the_package_has_caches_to_check():
    names = {name for name, _ in _deid_caches()}
    assert "tilbake.deid.detect.name_words.zipf" in names
    assert "tilbake.deid.detect.recognizers.name_context.never_in_name" in names


def test_every_cache_that_takes_arguments_has_a_bound():
    unbounded = [name for name, fn in _deid_caches()
                 if fn.cache_parameters()["maxsize"] is None  # type: ignore[attr-defined]
                 and inspect.signature(fn).parameters]  # type: ignore[arg-type]
    assert unbounded == []


@pytest.mark.parametrize("fn", [never_in_name, _opens_name, breaks_name, zipf])
def test_a_word_cache_stops_at_its_bound_after_many_new_words(fn):
    for i in range(WORD_CACHE + 500):
        fn(f"Ord{i}x")
    assert fn.cache_info().currsize <= WORD_CACHE


def test_wordfreq_keeps_no_more_words_than_zipf_does():
    import wordfreq

    zipf.cache_clear()
    for i in range(WORD_CACHE + 500):
        zipf(f"ordx{i}q")
    assert wordfreq.CACHE_SIZE <= WORD_CACHE
    assert len(wordfreq._wf_cache) <= WORD_CACHE  # (wordfreq's own dict: what it holds per process)


def test_the_recognizers_ask_wordfreq_through_the_cached_zipf():
    assert orgs._zipf is name_words.zipf
    assert addresses._zipf is name_words.zipf
    assert zipf("og") > 6 and zipf("xqzvk") == 0.0
