"""The claim stage's linguistic data, loaded once from ``onrecord/data`` (each file states its source)."""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any


def _data_text(name: str) -> str:
    return resources.files("onrecord").joinpath(f"data/{name}").read_text("utf-8")


@functools.lru_cache(maxsize=None)
def quantity_lexicon() -> dict[str, Any]:
    """``data/quantities.json``: qualifiers, vague numbers, scale words and currencies."""
    return json.loads(_data_text("quantities.json"))


@functools.lru_cache(maxsize=None)
def verification_patterns() -> dict[str, Any]:
    """``data/verification_patterns.json``: spaCy Matcher patterns for verification notes."""
    return json.loads(_data_text("verification_patterns.json"))


def _tsv_rows(name: str) -> list[list[str]]:
    rows = []
    for line in _data_text(name).splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@dataclass(frozen=True, slots=True)
class StanceEntry:
    """One cue word: its stance, the certainty it lends the content, and what negating it does."""

    lemma: str
    stance: str
    certainty: str
    negated_stance: str  # "none" voids the claim; a stance name flips it
    negated_certainty: str


@functools.lru_cache(maxsize=None)
def stance_lexicon() -> dict[str, StanceEntry]:
    """``data/stance.tsv`` keyed by cue lemma (multi-word cues joined by spaces)."""
    entries = {}
    for lemma, stance, certainty, neg_stance, neg_certainty, *_ in _tsv_rows("stance.tsv"):
        entries[lemma] = StanceEntry(lemma, stance, certainty, neg_stance, neg_certainty)
    return entries


@dataclass(frozen=True, slots=True)
class Hedge:
    """A hedge cue: words, the certainty it leaves, and its kind (modal, adverb, verb, adjective, passive)."""

    words: tuple[str, ...]
    certainty: str
    kind: str


@functools.lru_cache(maxsize=None)
def hedge_lexicon() -> tuple[Hedge, ...]:
    """``data/hedges.tsv``: longest cues first, so "may well" wins over "may"."""
    hedges = [Hedge(tuple(words.lower().split()), certainty, kind) for words, certainty, kind, *_ in _tsv_rows("hedges.tsv")]
    return tuple(sorted(hedges, key=lambda h: -len(h.words)))
