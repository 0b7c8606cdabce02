"""Token features for the learned attribution model (cue tagger and per-cue role tagger).

Everything is computed from the parse the pinned spaCy pipeline gives (tags, dependencies,
lemmas, entities, sentences), from the parser's contextual vectors turned into word classes
(:mod:`onrecord.attribution.clusters`) and from the quotation finder. Features are strings
``name=value`` as python-crfsuite takes them. Per-document facts are computed once
(:class:`DocFacts`); the role features of a token depend on one cue (its syntactic relation to
the cue's head, its direction and distance, whether it shares the cue's quotation), so linking
is learned from the parse rather than guessed by distance (:mod:`onrecord.attribution.role_features`).
"""
from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, ORTH, POS, TAG
from spacy.tokens import Doc

from .clusters import doc_clusters
from .quotes import doc_quotes

#: bumped when the feature functions change meaning; a model runs only with the version it was
#: trained with (3: the role window ends one sentence after the cue's, not two)
FEATURE_VERSION = 3

#: dependency labels of children worth announcing on a token (clausal and argument structure)
_CHILD_DEPS = frozenset(
    {"ccomp", "xcomp", "nsubj", "nsubjpass", "dobj", "dative", "prep", "advcl", "mark", "parataxis", "agent", "acl", "relcl", "attr", "oprd", "pobj"}
)
_QUOTE_CHARS = frozenset("\"“”„‘’'«»`")


def _kind(token) -> str:
    """What kind of thing a subject is: a pronoun, a named entity type, or a common noun."""
    if token.pos_ == "PRON":
        return "PRON"
    if token.ent_type_:
        return token.ent_type_
    return token.pos_


def _shape(word: str) -> str:
    if word.isalpha():
        if word.isupper() and len(word) > 1:
            return "XX"
        if word[0].isupper():
            return "Xx"
        return "x"
    if word.isdigit():
        return "d"
    if all(ch in _QUOTE_CHARS for ch in word):
        return "Q"
    if not any(ch.isalnum() for ch in word):
        return "P"
    return "m"


@dataclass
class DocFacts:
    """Per-token facts of one parsed document, computed once and shared by both taggers."""

    doc: Doc
    words: list[str]
    lemmas: list[str]
    tags: list[str]
    deps: list[str]
    heads: list[int]
    sent_of: list[int]  # sentence index of each token
    sents: list[tuple[int, int]]  # token ranges of sentences
    quote_of: list[int]  # index of the quotation holding the token (-1: none)
    quotes: list[tuple[int, int]]  # token ranges of quotations (marks included)
    classes: list[str]  # word class of each token ("-": no classes)
    shapes: list[str]  # the shape of each token's text (_shape)
    ents: list[str]  # the entity type of each token ("": none)
    kinds: list[str] = field(default_factory=list)  # what kind of thing each token is as a subject (_kind)

    @property
    def n(self) -> int:
        return len(self.words)

    @functools.cached_property
    def children(self) -> list[list[int]]:
        """Per token, its syntactic children in document order (as ``Token.children`` gives them)."""
        out: list[list[int]] = [[] for _ in range(self.n)]
        for i, h in enumerate(self.heads):
            if h != i:
                out[h].append(i)
        return out

    @functools.cached_property
    def chains(self) -> dict[int, list[int]]:
        """Token -> its chain of syntactic heads (:func:`_ancestors`), filled as the role features ask."""
        return {}

    @functools.cached_property
    def static(self) -> list[list[str]]:
        """Per token, its features for both taggers that depend on nothing else: word, tag, dependency,
        shape, whether quoted, then its entity type and word class where it has them (strings for
        training and :func:`cue_features`; prediction reads their weight rows, ``cue_scores``)."""
        out = []
        for w, tag, dep, shape, quote, ent, cls in zip(self.words, self.tags, self.deps, self.shapes, self.quote_of, self.ents, self.classes):
            f = ["w=" + w, "t=" + tag, "d=" + dep, "s=" + shape, "q=" + ("1" if quote >= 0 else "0")]
            if ent:
                f.append("e=" + ent)
            if cls != "-":
                f.append("c=" + cls)
            out.append(f)
        return out

    @functools.cached_property
    def role_static(self) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
        """Per token, the role features that do not depend on the cue, as ready strings: its
        lemma, its neighbours' classes (``None`` where the token has no class or no neighbour)
        and its neighbours' words. :func:`role_features` drops the neighbours at a window's edges."""
        words, classes, n = self.words, self.classes, self.n
        out = []
        for i in range(n):
            has_class = classes[i] != "-"
            out.append(
                (
                    "l=" + self.lemmas[i],
                    "c-1=" + classes[i - 1] if has_class and i > 0 else None,
                    "c+1=" + classes[i + 1] if has_class and i + 1 < n else None,
                    "w-1=" + words[i - 1] if i > 0 else None,
                    "w+1=" + words[i + 1] if i + 1 < n else None,
                )
            )
        return out


def doc_facts(doc: Doc, lexicon: Mapping[str, str], centroids: np.ndarray | None = None) -> DocFacts:
    """Collect the per-token facts of ``doc``.

    Args:
        doc: a document parsed by the pinned pipeline.
        lexicon: cue lemma -> class, from the model.
        centroids: the model's word-class centroids (``None``: no word-class features).
    """
    # one array of the token attributes instead of a Token object per token and attribute
    table = doc.to_array([ORTH, LOWER, LEMMA, TAG, DEP, HEAD, ENT_TYPE, IDX, POS])  # uint64: string hashes, HEAD's offsets wrapped
    strings = doc.vocab.strings

    def column(k: int) -> list[str]:
        # each distinct hash looked up once per document, the column then read through numpy
        distinct, inverse = np.unique(table[:, k], return_inverse=True)
        return np.array([strings[h] for h in distinct.tolist()] or [""], dtype=object)[inverse.reshape(-1)].tolist()

    orths = column(0)
    shape_of = {w: _shape(w) for w in dict.fromkeys(orths)}  # a text's shape, once per document
    shapes = [shape_of[w] for w in orths]
    words = column(1)
    lemmas = [lemma.lower() for lemma in column(2)]
    tags, deps, ents = column(3), column(4), column(6)
    n = len(words)
    heads = (table[:, 5].astype(np.int64) + np.arange(n)).tolist()
    sents, sent_of = [], [0] * n
    for k, s in enumerate(doc.sents):
        sents.append((s.start, s.end))
        sent_of[s.start : s.end] = [k] * (s.end - s.start)
    quote_of = [-1] * n
    quotes = []
    if n:
        starts = table[:, 7].tolist()
        for q in doc_quotes(doc):  # found once per doc, read by every stage
            a = bisect.bisect_right(starts, q.start) - 1
            b = bisect.bisect_left(starts, q.end)
            a = max(a, 0)
            if b <= a:
                continue
            quote_of[a:b] = [len(quotes)] * (b - a)
            quotes.append((a, b))
    classes = doc_clusters(doc, centroids)
    kinds = ["PRON" if pos == "PRON" else ent or pos for pos, ent in zip(column(8), ents)]
    facts = DocFacts(doc, words, lemmas, tags, deps, heads, sent_of, sents, quote_of, quotes, classes, shapes, ents, kinds)
    facts.lexicon = lexicon  # type: ignore[attr-defined]
    return facts


# ---------------------------------------------------------------- cue tagger


#: the neighbours the cue tagger reads: offset and the prefixes of their word, lemma, tag and class features
_NEIGHBOURS = tuple((k, f"w{k}=", f"l{k}=", f"t{k}=", f"c{k}=" if abs(k) == 1 else None) for k in (-2, -1, 1, 2))
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
_QUOTED_COMPLEMENT_DEPS = frozenset({"ccomp", "parataxis", "dobj", "xcomp", "advcl"})
_CLAUSE_DEPS = frozenset({"parataxis", "ccomp", "advcl", "conj"})


def cue_features(facts: DocFacts, start: int, end: int) -> list[list[str]]:
    """Features of tokens ``start:end`` (one sentence) for the cue tagger."""
    doc, words, lemmas, tags, deps, heads = facts.doc, facts.words, facts.lemmas, facts.tags, facts.deps, facts.heads
    classes, children, quote_of, static = facts.classes, facts.children, facts.quote_of, facts.static
    lexicon = facts.lexicon  # type: ignore[attr-defined]
    out = []
    for i in range(start, end):
        lemma, dep, head = lemmas[i], deps[i], heads[i]
        head_lemma = lemmas[head]
        f = list(static[i])
        add = f.append
        f += [
            "l=" + lemma,
            "l|d=" + lemma + "|" + dep,
            "l|t=" + lemma + "|" + tags[i],
            "hl=" + head_lemma,
            "hd=" + deps[head],
            "suf=" + words[i][-3:],
        ]
        cls = lexicon.get(lemma)
        if cls:
            add("lex=" + cls)
            add("lex|d=" + cls + "|" + dep)
        add("hl|d=" + head_lemma + "|" + dep)
        if classes[i] != "-":
            add("c|d=" + classes[i] + "|" + dep)
            add("hc=" + classes[head])
        for c in children[i]:
            cdep = deps[c]
            if cdep in _CHILD_DEPS:
                add("cd=" + cdep)
                add("l|cd=" + lemma + "|" + cdep)
                if cdep == "prep" or cdep == "mark" or cdep == "agent":
                    add("cw=" + words[c])
                if cdep in _SUBJECT_DEPS:
                    kind = _kind(doc[c])
                    add("subj=" + kind)
                    add("l|subj=" + lemma + "|" + kind)
            elif cdep == "poss":
                add("poss=" + _kind(doc[c]))
            if quote_of[c] >= 0 and cdep in _QUOTED_COMPLEMENT_DEPS:
                add("cq=" + cdep)
        if dep in _CLAUSE_DEPS:
            add("hq=" + ("1" if quote_of[head] >= 0 else "0"))
        if quote_of[i] < 0:
            for k in (1, 2, 3):
                if i - k >= start and quote_of[i - k] >= 0:
                    add("qL=" + str(k))
                    break
            for k in (1, 2, 3):
                if i + k < end and quote_of[i + k] >= 0:
                    add("qR=" + str(k))
                    break
        for k, w_k, l_k, t_k, c_k in _NEIGHBOURS:
            j = i + k
            if start <= j < end:
                add(w_k + words[j])
                add(l_k + lemmas[j])
                add(t_k + tags[j])
                if c_k is not None and classes[j] != "-":
                    add(c_k + classes[j])
            else:
                add(w_k + "<s>")
        if i == start:
            add("BOS")
        if i == end - 1:
            add("EOS")
        out.append(f)
    return out
