"""The cue lexicon (``data/cues.tsv``) and the cue candidates it gives in a document."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.tokens import Doc
from spacy.vocab import Vocab


@dataclass(frozen=True, slots=True)
class CueEntry:
    lemma: str
    pos: str  # VERB or NOUN
    cls: str  # speech, attitude, evidence, action
    strength: float  # how reliably it attributes when it has a clausal complement
    kind: str = "speech"  # what it reports (types.AttributionKind value), from its FrameNet frame
    frame: str = ""  # the FrameNet frame the kind comes from


@dataclass(frozen=True)
class CueLexicon:
    verbs: dict[str, CueEntry]
    nouns: dict[str, CueEntry]

    def entry(self, lemma: str, pos: str) -> CueEntry | None:
        return (self.nouns if pos == "NOUN" else self.verbs).get(lemma)


@functools.lru_cache(maxsize=1)
def load_cue_lexicon() -> CueLexicon:
    """Read ``data/cues.tsv`` (lemma, pos, class, strength, kind, frame; ``#`` lines are comments)."""
    verbs: dict[str, CueEntry] = {}
    nouns: dict[str, CueEntry] = {}
    text = resources.files("onrecord").joinpath("data/cues.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, pos, cls, strength, kind, frame = line.split("\t")
        entry = CueEntry(lemma, pos, cls, float(strength), kind, frame)
        (nouns if pos == "NOUN" else verbs).setdefault(lemma, entry)
    return CueLexicon(verbs, nouns)


#: the labels of cue candidates
VERB_CUE, NOUN_CUE, ACCORDING_TO = "VERB_CUE", "NOUN_CUE", "ACCORDING_TO"


@functools.lru_cache(maxsize=4)
def _cue_ids(vocab: Vocab) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, int, int]:
    """The ids the cue tests compare with: verb lemmas, noun lemmas, the verb POS, NOUN, "according", "to"."""
    lexicon, strings = load_cue_lexicon(), vocab.strings
    verbs = np.array(sorted(strings.add(lemma) for lemma in lexicon.verbs), dtype=np.uint64)
    nouns = np.array(sorted(strings.add(lemma) for lemma in lexicon.nouns), dtype=np.uint64)
    verb_pos = np.array([strings["VERB"], strings["AUX"]], dtype=np.uint64)
    return verbs, nouns, verb_pos, strings["NOUN"], strings.add("according"), strings.add("to")


def find_cue_candidates(doc: Doc) -> list[tuple[str, int, int]]:
    """``(label, start, end)`` token ranges of every cue candidate in ``doc``, in order: a verb of the lexicon
    (POS VERB or AUX), a noun of the lexicon (POS NOUN), "according to". What a spaCy ``Matcher`` of those three
    patterns finds, in its order, tested on the document's columns at once (``tests/attribution/test_cues.py``
    holds that Matcher and compares them)."""
    if not len(doc):
        return []
    verbs, nouns, verb_pos, noun, according, to = _cue_ids(doc.vocab)
    columns = doc.to_array([LEMMA, POS, LOWER])
    lemma, pos, lower = columns[:, 0], columns[:, 1], columns[:, 2]
    found = [(i + 1, 0, VERB_CUE, i) for i in np.flatnonzero(np.isin(lemma, verbs) & np.isin(pos, verb_pos)).tolist()]
    found += [(i + 1, 1, NOUN_CUE, i) for i in np.flatnonzero(np.isin(lemma, nouns) & (pos == noun)).tolist()]
    found += [(i + 2, 2, ACCORDING_TO, i) for i in np.flatnonzero((lower[:-1] == according) & (lower[1:] == to)).tolist()]
    # the Matcher's order: by the token a match ends on, then by pattern
    return [(label, start, end) for end, _, label, start in sorted(found)]
