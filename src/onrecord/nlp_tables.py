"""spaCy's attribute ruler and rule lemmatizer, answered once per distinct token instead of once per token.

In the pinned English pipeline the two rule components cost a fifth of the bare parse (PolNeAR dev: 3.5 s and
3.0 s of 30 s, ``bench.profile_stages``): the attribute ruler's ``Matcher`` tests 180 patterns on every token, and
the lemmatizer runs its rules in Python per token. Both answers are pure functions of a few token attributes,
and a news corpus repeats its tokens, so onrecord computes each answer once and keeps it:

* :class:`TabledAttributeRuler` — a one-token pattern's verdict depends only on the token's ``TAG``, ``LOWER``,
  ``DEP`` and ``IS_SPACE``; the patterns are evaluated once per distinct combination. Patterns over more tokens
  stay with a ``Matcher`` of their own. For each token the attributes of every matching pattern are applied in
  pattern order, later patterns winning, as :class:`spacy.pipeline.AttributeRuler` applies them.
* :class:`TabledLemmatizer` — a lemma depends only on ``(ORTH, POS, MORPH)`` (the key of spaCy's own cache,
  which caches only part of its answers); unset lemmas are looked up by that key and written in one array.

Outputs are those of spaCy's components, token for token (``tests/test_nlp_tables.py`` compares them on
hand-written and generated text; ``bench.before_after same`` compares whole outputs). A pattern using anything
else (another attribute, another predicate, extension attributes) makes the ruler fall back to spaCy's own call.
"""
from __future__ import annotations

import re

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: the token attributes a tabled one-token pattern may test, in the column order of the key
_KEY_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_KEY_IDS = [TAG, LOWER, DEP, IS_SPACE]
_PREDICATES = ("IN", "NOT_IN", "REGEX")
#: a table holds at most this many keys and starts afresh when full: a long-running server meets new words
#: without end (names, numbers, addresses), and a table that only grew would grow with them
TABLE_LIMIT = 250_000


class TabledAttributeRuler(AttributeRuler):
    """:class:`spacy.pipeline.AttributeRuler` with its patterns' token tests answered once per distinct token key."""

    def __call__(self, doc: Doc) -> Doc:
        patterns = self._patterns()
        if patterns is None or not len(doc):
            return super().__call__(doc)
        keys = doc.to_array(_KEY_IDS)
        rows, inverse = np.unique(keys, axis=0, return_inverse=True)
        verdicts = [patterns.verdict(tuple(row.tolist()), self.vocab.strings) for row in rows]
        per_token = [verdicts[row] for row in inverse.reshape(-1).tolist()]
        hits = self._longer_hits(patterns, per_token)
        merged: dict[tuple[int, ...], dict] = self.__dict__.setdefault("_onrecord_merged", {})
        for i, (ids, _) in enumerate(per_token):
            if i in hits:
                ids = tuple(sorted(ids + tuple(hits[i])))
            if not ids:
                continue
            attrs = merged.get(ids)
            if attrs is None:
                attrs = merged[ids] = self._merged(ids)
            set_token_attrs(doc[i], attrs)
        return doc

    def _longer_hits(self, patterns: "_TokenTests", per_token: list) -> dict[int, list[int]]:
        """``{token: [pattern ids]}`` of the patterns over several tokens that match, at the token they set."""
        hits: dict[int, list[int]] = {}
        for start, (_, positions) in enumerate(per_token):
            for attr_id, alternative, length in patterns.starting(positions):
                end = start + length
                if end <= len(per_token) and all(
                    (attr_id, alternative, j) in per_token[start + j][1] for j in range(1, length)
                ):
                    hits.setdefault(range(start, end)[self.indices[attr_id]], []).append(attr_id)
        return hits

    def _merged(self, ids: tuple[int, ...]) -> dict:
        """The attributes patterns ``ids`` set, applied in order: a later pattern's value wins."""
        merged: dict = {}
        for attr_id in ids:
            merged.update(self.attrs[attr_id])
        return merged

    def _patterns(self) -> "_TokenTests | None":
        """The patterns as token tests, rebuilt when patterns were added; None when one cannot be tabled."""
        state = self.__dict__.get("_onrecord_patterns")
        if state is None or state[0] != len(self.attrs):
            state = (len(self.attrs), _TokenTests.of(self))
            self.__dict__["_onrecord_patterns"] = state
            self.__dict__["_onrecord_merged"] = {}
        return state[1]


class _TokenTests:
    """Every pattern token as tests on attribute ids, indexed by the tag or lowercase form a test requires, so a
    token is tested only against what can match it. The verdict for a token key is cached: ``(ids of the
    one-token patterns it matches, in order; {(pattern id, alternative, position)} of longer patterns it fits)``."""

    def __init__(self) -> None:
        self.by_value: dict[tuple[str, int], list[tuple[int, int, int]]] = {}
        self.general: list[tuple[int, int, int]] = []
        self.tests: dict[tuple[int, int, int], list[tuple[str, str, object]]] = {}
        self.lengths: dict[tuple[int, int], int] = {}
        self.cache: dict[tuple[int, ...], tuple[tuple[int, ...], frozenset]] = {}

    @classmethod
    def of(cls, ruler: AttributeRuler) -> "_TokenTests | None":
        tests = cls()
        for attr_id, entry in enumerate(ruler.patterns):
            if "_" in ruler.attrs[attr_id]:
                return None
            for alternative, pattern in enumerate(entry["patterns"]):
                tests.lengths[(attr_id, alternative)] = len(pattern)
                for position, token_pattern in enumerate(pattern):
                    token_tests = _tests(token_pattern, ruler.vocab.strings)
                    if token_tests is None:
                        return None
                    tests.add((attr_id, alternative, position), token_tests)
        return tests

    def add(self, place: tuple[int, int, int], token_tests: list[tuple[str, str, object]]) -> None:
        self.tests[place] = token_tests
        for attr, predicate, operand in token_tests:
            if predicate == "==" and attr in ("TAG", "LOWER"):
                self.by_value.setdefault((attr, operand), []).append(place)
                return
        self.general.append(place)

    def verdict(self, key: tuple[int, ...], strings) -> tuple[tuple[int, ...], frozenset]:
        found = self.cache.get(key)
        if found is None:
            if len(self.cache) >= TABLE_LIMIT:
                self.cache.clear()
            values = dict(zip(_KEY_ATTRS, key))
            candidates = set(self.general)
            candidates.update(self.by_value.get(("TAG", values["TAG"]), ()))
            candidates.update(self.by_value.get(("LOWER", values["LOWER"]), ()))
            fits = [place for place in candidates if _matches(self.tests[place], values, strings)]
            single = sorted({attr_id for attr_id, alternative, _ in fits if self.lengths[(attr_id, alternative)] == 1})
            longer = frozenset(place for place in fits if self.lengths[place[:2]] > 1)
            found = self.cache[key] = (tuple(single), longer)
        return found

    def starting(self, positions: frozenset) -> list[tuple[int, int, int]]:
        """``(pattern id, alternative, length)`` of the longer patterns whose first token this token fits."""
        return [(attr_id, alternative, self.lengths[(attr_id, alternative)]) for attr_id, alternative, j in positions if j == 0]


def _tests(token_pattern: dict, strings) -> list[tuple[str, str, object]] | None:
    """A one-token pattern as ``(attribute, predicate, value)`` tests on ids, or None when it is out of reach."""
    tests = []
    for attr, value in token_pattern.items():
        if attr not in _KEY_ATTRS:
            return None
        if attr == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            tests.append((attr, "==", int(value)))
        elif isinstance(value, str):
            tests.append((attr, "==", strings.add(value) if value else 0))
        elif isinstance(value, dict) and len(value) == 1 and next(iter(value)) in _PREDICATES:
            predicate, operand = next(iter(value.items()))
            if predicate == "REGEX":
                tests.append((attr, predicate, re.compile(operand)))
            else:
                tests.append((attr, predicate, frozenset(strings.add(v) if v else 0 for v in operand)))
        else:
            return None
    return tests


def _matches(tests: list[tuple[str, str, object]], values: dict[str, int], strings) -> bool:
    """The Matcher's verdict on one token, from its attribute ids (sets and equality on ids, regex on the string)."""
    for attr, predicate, operand in tests:
        value = values[attr]
        if predicate == "==":
            ok = value == operand
        elif predicate == "IN":
            ok = value in operand
        elif predicate == "NOT_IN":
            ok = value not in operand
        else:
            ok = bool(operand.search(strings[value]))
        if not ok:
            return False
    return True


class _Members(list):
    """A list of words whose membership test is a set's: spaCy's rule lemmatizer asks ``form in index`` of lists
    of tens of thousands of words; only that test is asked of them."""

    def __init__(self, words) -> None:
        super().__init__(words)
        self._set = frozenset(self)

    def __contains__(self, word) -> bool:
        return word in self._set


class TabledLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer with every lemma looked up by ``(ORTH, POS, MORPH)`` once."""

    def initialize(self, get_examples=None, *, nlp=None, lookups=None) -> None:
        """spaCy's ``initialize``, then the word lists of ``lemma_index`` answer membership in constant time
        (on a copy of the tables: the lookups passed in are left as they are)."""
        if lookups is not None:
            copied = Lookups()
            for name in lookups.tables:
                table = lookups.get_table(name)
                entries = dict(table.items())
                if name == "lemma_index":
                    entries = {pos: _Members(words) for pos, words in entries.items()}
                copied.add_table(name, entries)
            lookups = copied
        super().initialize(get_examples, nlp=nlp, lookups=lookups)

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule" or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables()
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3].copy()
        todo = np.arange(len(doc)) if self.overwrite else np.flatnonzero(lemmas == 0)
        if not len(todo):
            return doc
        known = self.__dict__.setdefault("_onrecord_lemmas", {})
        strings = self.vocab.strings
        for i, key in zip(todo.tolist(), map(tuple, columns[todo, :3].tolist())):
            lemma = known.get(key)
            if lemma is None:
                if len(known) >= TABLE_LIMIT:
                    known.clear()
                    self.cache.clear()  # spaCy's own (orth, pos, morph) cache, filled by its rule_lemmatize
                lemma = known[key] = strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@Language.factory("onrecord_attribute_ruler", default_config={"validate": False})
def make_attribute_ruler(nlp: Language, name: str, validate: bool) -> TabledAttributeRuler:
    """The tabled attribute ruler, empty: :func:`table_rule_components` gives it the replaced ruler's patterns."""
    return TabledAttributeRuler(nlp.vocab, name, validate=validate)


@Language.factory("onrecord_lemmatizer", default_config={"overwrite": False})
def make_lemmatizer(nlp: Language, name: str, overwrite: bool) -> TabledLemmatizer:
    """The tabled rule lemmatizer, without tables: :func:`table_rule_components` gives it the replaced one's."""
    return TabledLemmatizer(nlp.vocab, None, name, mode="rule", overwrite=overwrite)


def table_rule_components(nlp: Language) -> Language:
    """Replace the pipeline's attribute ruler and English rule lemmatizer by their tabled forms, with their data.

    Components of another kind (a lookup lemmatizer, a custom ruler) are left as they are.
    """
    components = dict(nlp.pipeline)
    ruler = components.get("attribute_ruler")
    if type(ruler) is AttributeRuler:
        tabled = nlp.replace_pipe("attribute_ruler", "onrecord_attribute_ruler", config={"validate": ruler.validate})
        tabled.add_patterns(ruler.patterns)
    lemmatizer = components.get("lemmatizer")
    if type(lemmatizer) is EnglishLemmatizer and lemmatizer.mode == "rule":
        tabled = nlp.replace_pipe("lemmatizer", "onrecord_lemmatizer", config={"overwrite": lemmatizer.overwrite})
        tabled.initialize(lookups=lemmatizer.lookups)
    return nlp
