"""One BLAS thread for an analysing process, set on the OpenBLAS numpy has already loaded."""
from __future__ import annotations

import ctypes

import numpy  # noqa: F401  (loads OpenBLAS, as importing onrecord does)
import pytest

from onrecord.engine.blas import _loaded_openblas, limit_blas_threads


def openblas_threads() -> int | None:
    """The thread count the first loaded OpenBLAS reports (None: none loaded, or no getter known)."""
    for path in _loaded_openblas():
        library = ctypes.CDLL(path)
        for name in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_", "openblas_get_num_threads"):
            getter = getattr(library, name, None)
            if getter is not None:
                return getter()
    return None


def test_limit_blas_threads_leaves_openblas_one_thread_after_numpy_is_loaded():
    if openblas_threads() is None:
        pytest.skip("numpy uses no OpenBLAS this test can query here")
    assert limit_blas_threads(1) >= 1
    assert openblas_threads() == 1
