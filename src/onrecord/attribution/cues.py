"""The cue lexicon (``data/cues.tsv``) and the spaCy Matcher that finds cue candidates."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from spacy.matcher import Matcher
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


#: Matcher labels
VERB_CUE, NOUN_CUE, ACCORDING_TO = "VERB_CUE", "NOUN_CUE", "ACCORDING_TO"


@functools.lru_cache(maxsize=4)
def _cue_matcher(vocab: Vocab) -> Matcher:
    lexicon = load_cue_lexicon()
    matcher = Matcher(vocab)
    matcher.add(VERB_CUE, [[{"LEMMA": {"IN": sorted(lexicon.verbs)}, "POS": {"IN": ["VERB", "AUX"]}}]])
    matcher.add(NOUN_CUE, [[{"LEMMA": {"IN": sorted(lexicon.nouns)}, "POS": "NOUN"}]])
    matcher.add(ACCORDING_TO, [[{"LOWER": "according"}, {"LOWER": "to"}]])
    return matcher


def find_cue_candidates(doc: Doc) -> list[tuple[str, int, int]]:
    """``(label, start, end)`` token ranges of every cue candidate in ``doc``, in order."""
    matcher = _cue_matcher(doc.vocab)
    return [(doc.vocab.strings[label], start, end) for label, start, end in matcher(doc)]
