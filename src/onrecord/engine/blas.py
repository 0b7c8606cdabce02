"""One BLAS thread for a process that analyses articles.

onrecord's only BLAS call is the word-class lookup (:func:`onrecord.attribution.clusters.nearest`, one
``tokens × 96 × 800`` float32 product per document). OpenBLAS splits it over every core, and on a busy
machine, or beside other analysis workers, the threads wait on each other: measured on PolNeAR dev on a
loaded 2-core machine, the CRF model took 5.4 s of CPU with OpenBLAS's default threads and 4.0 s with one
(the spaCy parse does not use OpenBLAS: thinc multiplies with blis). Setting ``OPENBLAS_NUM_THREADS``
works only before numpy is imported, and ``import onrecord`` imports it, so the loaded library is asked
directly, as ``threadpoolctl`` does. The product of each row is computed alike whatever the thread count,
so the classes, and the output, do not change.
"""
from __future__ import annotations

import ctypes
import sys

#: the setter's names across OpenBLAS builds (numpy's wheels ship scipy-openblas, 64-bit integers)
_SETTERS = [f"{prefix}_set_num_threads{suffix}" for prefix in ("scipy_openblas", "openblas") for suffix in ("64_", "_64", "")]


def _loaded_openblas() -> list[str]:
    """Paths of the OpenBLAS libraries this process has loaded (Linux; elsewhere none)."""
    if not sys.platform.startswith("linux"):
        return []
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = {line.split()[-1] for line in maps if "openblas" in line.lower() and "/" in line}
    except OSError:
        return []
    return sorted(paths)


def limit_blas_threads(threads: int = 1) -> int:
    """Ask every loaded OpenBLAS to use at most ``threads`` threads; returns how many libraries were told.

    A no-op (0) where numpy uses another BLAS, or on a platform without ``/proc``.

    Example:
        >>> import numpy
        >>> limit_blas_threads(1) >= 0
        True
    """
    told = 0
    for path in _loaded_openblas():
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        for name in _SETTERS:
            setter = getattr(library, name, None)
            if setter is not None:
                setter(ctypes.c_int(threads))
                told += 1
                break
    return told
