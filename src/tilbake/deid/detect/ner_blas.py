"""The model's matrix products on numpy's OpenBLAS with one thread, instead of thinc's BLIS.

thinc multiplies with cython-blis, which reaches about a third of what numpy's OpenBLAS does on one
core here (33 against 95 GFLOPS for the tok2vec layers' shapes: docs/benchmarks.md, "Where a note's
time goes"), and tok2vec's products are most of the model's time. OpenBLAS would use every core by
default, which on a shared machine or in a pool of workers costs more CPU than it saves (measured:
slower than BLIS), so the model's reading runs with OpenBLAS set to one thread (:func:`one_thread`),
restored afterwards. Where numpy's OpenBLAS cannot be found or told (another BLAS, another OS) the
model keeps BLIS: :func:`use_numpy_blas` says whether it switched.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

#: (setter, getter) symbol names of the OpenBLAS builds numpy ships or links
_SYMBOLS = (("scipy_openblas_set_num_threads64_", "scipy_openblas_get_num_threads64_"),
            ("scipy_openblas_set_num_threads", "scipy_openblas_get_num_threads"),
            ("openblas_set_num_threads64_", "openblas_get_num_threads64_"),
            ("openblas_set_num_threads", "openblas_get_num_threads"))
_FOUND: list[tuple[Any, Any] | None] = []


def _openblas() -> tuple[Any, Any] | None:
    """numpy's OpenBLAS thread setter and getter, looked up once, or None. They are looked up through
    numpy's own extension module (already loaded): a symbol is searched in a library and the
    libraries it links, so whichever OpenBLAS numpy was built with answers; nothing is read."""
    if _FOUND:
        return _FOUND[0]
    found = None
    try:
        import numpy

        core = getattr(numpy, "_core", None) or numpy.core
        lib = ctypes.CDLL(core._multiarray_umath.__file__)
        for setter, getter in _SYMBOLS:
            if hasattr(lib, setter) and hasattr(lib, getter):
                found = (getattr(lib, setter), getattr(lib, getter))
                break
    except (OSError, AttributeError):
        found = None
    _FOUND.append(found)
    return found


def use_numpy_blas(nlp: Any) -> bool:
    """Give every layer of ``nlp``'s pipes thinc's NumpyOps without BLIS (numpy's dot), if numpy's
    OpenBLAS can be held to one thread; False (nothing changed) otherwise."""
    if _openblas() is None:
        return False
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops
    return True


@contextmanager
def one_thread() -> Iterator[None]:
    """OpenBLAS with one thread inside the block, its former setting after."""
    found = _openblas()
    if found is None:
        yield
        return
    set_threads, get_threads = found
    before = get_threads()
    set_threads(1)
    try:
        yield
    finally:
        set_threads(before)
