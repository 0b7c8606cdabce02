"""Feature templates as columns of a CRF's weight rows (issue 15), shared by :mod:`~onrecord.attribution.cue_scores`
and :mod:`~onrecord.attribution.role_scores`: a token attribute of a batch as small codes (:class:`Coded`), a
template's values mapped to weight rows once and cached per tagger (:class:`TemplateRows`), pairs of values
(:func:`pair_rows`), and the static features every token has for both taggers (:func:`static_columns`).
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .crf import LinearChainCRF

#: a cache holds at most this many values before it starts again (a long-running process sees new words forever)
CACHE_LIMIT = 200_000


class TemplateRows(dict):
    """A feature template's values -> the tagger's row of the attribute they name (looked up on first sight)."""

    def __init__(self, crf: LinearChainCRF, name: Callable[[object], str]):
        super().__init__()
        self.ids, self.unknown, self.name = crf.attribute_id, crf.unknown, name

    def __missing__(self, key) -> int:
        if len(self) >= CACHE_LIMIT:
            self.clear()
        row = self[key] = self.ids.get(self.name(key), self.unknown)
        return row


def spelled(key: str) -> Callable[[object], str]:
    """How ``cue_features``/``role_features`` spell template ``key``'s feature: "l=said" for one value,
    "l|d=said|ROOT" for a pair (a key naming two parts with "|")."""
    if "|" in key:
        return lambda v: key + "=" + v[0] + "|" + v[1]
    return lambda v: key + "=" + v


class Coded:
    """One token attribute of a batch's documents as small codes: ``names[code[i]]`` is token ``i``'s value."""

    def __init__(self, values: list):
        index = {v: k for k, v in enumerate(dict.fromkeys(values))}
        self.names = list(index)
        self.code = np.fromiter(map(index.__getitem__, values), dtype=np.int64, count=len(values))

    def rows(self, template: TemplateRows) -> np.ndarray:
        """The template's row of each token's value (each distinct value looked up once)."""
        return self.rows_by_code(template)[self.code]

    def rows_by_code(self, template: TemplateRows) -> np.ndarray:
        """The template's row of each distinct value, by code."""
        return np.fromiter(map(template.__getitem__, self.names), dtype=np.int64, count=len(self.names))


def pair_rows(template: TemplateRows, a: Coded, a_code: np.ndarray, b: Coded, b_code: np.ndarray) -> np.ndarray:
    """The template's row of each token's pair of values (``a``'s and ``b``'s names at those codes)."""
    width = len(b.names)
    distinct, inverse = np.unique(a_code * width + b_code, return_inverse=True)
    keys = [(a.names[x // width], b.names[x % width]) for x in distinct.tolist()]
    return np.fromiter(map(template.__getitem__, keys), dtype=np.int64, count=len(keys))[inverse.reshape(-1)]


def ragged(flat: np.ndarray, counts: np.ndarray, unknown: int) -> np.ndarray:
    """Tokens × row numbers: token k's ``counts[k]`` rows of ``flat`` (in order), left-aligned, padded with the zero row."""
    n = len(counts)
    width = int(counts.max()) if n else 0
    out = np.full((n, max(width, 1)), unknown, dtype=np.int64)
    if width:
        which = np.repeat(np.arange(n), counts)
        out[which, np.arange(len(flat)) - np.repeat(np.cumsum(counts) - counts, counts)] = flat
    return out


def static_columns(crf: LinearChainCRF, words: Coded, tags: Coded, deps: Coded, shapes: Coded, quoted: np.ndarray, ents: Coded,
                   classes: Coded) -> np.ndarray:
    """Tokens × the rows of the features :attr:`DocFacts.static` spells (w, t, d, s, q, then e and c where present)."""
    found = getattr(crf, "_static_templates", None)
    if found is None:
        found = crf._static_templates = {p: TemplateRows(crf, lambda v, p=p: p + v) for p in ("w=", "t=", "d=", "s=", "e=", "c=")}  # type: ignore[attr-defined]
    unknown = crf.unknown
    has_ent = np.array([e != "" for e in ents.names], dtype=bool)[ents.code]
    has_class = np.array([c != "-" for c in classes.names], dtype=bool)[classes.code]
    columns = [
        words.rows(found["w="]),
        tags.rows(found["t="]),
        deps.rows(found["d="]),
        shapes.rows(found["s="]),
        np.where(quoted, crf.attribute_rows(["q=1"])[0], crf.attribute_rows(["q=0"])[0]),
        np.where(has_ent, ents.rows(found["e="]), unknown),
        np.where(has_class, classes.rows(found["c="]), unknown),
    ]
    return np.stack(columns, axis=1)
