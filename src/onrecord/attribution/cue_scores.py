"""The cue tagger's state scores of a whole document, without building its feature strings (issue 15).

:func:`~onrecord.attribution.features.cue_features` spells every token's features as strings (about 25
a token), which training needs and which the CRF then turns back into weight rows. For prediction,
:func:`cue_state_scores` finds the same rows straight from the document's facts: each feature template
becomes a column of row numbers over all tokens (a value's row looked up once, then cached per tagger),
the columns stand in the order ``cue_features`` lists the features, a feature a token lacks is the
tagger's zero row, and the rows are added from zero in that order (:meth:`LinearChainCRF.state_rows`),
as crfsuite adds them. So the scores are bit for bit those of the strings; ``tests/attribution/
test_cue_scores.py`` checks it on hand-written articles. A change to ``cue_features`` must be made here too
(the test fails until it is).
"""
from __future__ import annotations

import numpy as np

from .crf import LinearChainCRF
from .features import _CHILD_DEPS, _CLAUSE_DEPS, _NEIGHBOURS, _QUOTED_COMPLEMENT_DEPS, _SUBJECT_DEPS, DocFacts
from .weight_rows import Coded, TemplateRows, pair_rows, ragged, spelled, static_columns

def _templates(crf: LinearChainCRF) -> dict[str, TemplateRows]:
    found = getattr(crf, "_cue_templates", None)
    if found is not None:
        return found
    named = {key: spelled(key) for key in ("l", "l|d", "l|t", "hl", "hd", "hl|d", "c|d", "hc", "cd", "l|cd", "cw", "subj", "l|subj",
                                           "poss", "cq", "lex", "lex|d")}
    named["suf"] = lambda v: "suf=" + v[-3:]
    for k, w_k, l_k, t_k, c_k in _NEIGHBOURS:
        named[w_k] = lambda v, p=w_k: p + v
        named[l_k] = lambda v, p=l_k: p + v
        named[t_k] = lambda v, p=t_k: p + v
        if c_k is not None:
            named[c_k] = lambda v, p=c_k: p + v
    found = {key: TemplateRows(crf, name) for key, name in named.items()}
    crf._cue_templates = found  # type: ignore[attr-defined]
    return found


def cue_state_scores(facts: list[DocFacts], crf: LinearChainCRF) -> list[np.ndarray]:
    """Per document, the tokens × labels state scores of all its tokens for the cue tagger ``crf``, each
    token's features those :func:`cue_features` gives it within its own sentence (the documents of a
    batch in one pass: what one gets does not depend on the others)."""
    sizes = [f.n for f in facts]
    rows = _template_rows(facts, crf) if sum(sizes) else np.zeros((0, 1), dtype=np.int64)
    return np.split(crf.state_rows(rows), np.cumsum(sizes)[:-1].tolist()) if facts else []


def _template_rows(batch: list[DocFacts], crf: LinearChainCRF) -> np.ndarray:
    """Tokens of all ``batch``'s documents (one after another) × their cue features' row numbers, in order."""
    t = _templates(crf)
    unknown = crf.unknown
    n = sum(f.n for f in batch)
    lexicon = batch[0].lexicon  # type: ignore[attr-defined]  # one model's: the same for every document

    def joined(name: str) -> list:
        return [x for f in batch for x in getattr(f, name)]

    words, lemmas, tags, deps, classes = (Coded(joined(name)) for name in ("words", "lemmas", "tags", "deps", "classes"))
    offsets = np.cumsum([0] + [f.n for f in batch])[:-1].tolist()
    heads = np.concatenate([np.array(f.heads, dtype=np.int64) + at for f, at in zip(batch, offsets)])
    blocks: list[np.ndarray] = []

    def col(values: np.ndarray) -> None:
        blocks.append(values[:, None])

    quoted = np.array(joined("quote_of"), dtype=np.int64) >= 0
    # the token's own features (DocFacts.static): w, t, d, s, q, then e and c where present
    blocks.append(static_columns(crf, words, tags, deps, Coded(joined("shapes")), quoted, Coded(joined("ents")), classes))
    lemma_rows = lemmas.rows(t["l"])
    col(lemma_rows)
    col(pair_rows(t["l|d"], lemmas, lemmas.code, deps, deps.code))
    col(pair_rows(t["l|t"], lemmas, lemmas.code, tags, tags.code))
    col(lemmas.rows(t["hl"])[heads])
    col(deps.rows(t["hd"])[heads])
    col(words.rows(t["suf"]))
    lex = Coded([lexicon.get(lemma) or "" for lemma in lemmas.names])  # each lemma's class in the cue lexicon ("": none)
    lex_code = lex.code[lemmas.code]
    has_lex = np.array([c != "" for c in lex.names], dtype=bool)[lex_code]
    col(np.where(has_lex, lex.rows(t["lex"])[lemmas.code], unknown))
    col(np.where(has_lex, pair_rows(t["lex|d"], lex, lex_code, deps, deps.code), unknown))
    col(pair_rows(t["hl|d"], lemmas, lemmas.code[heads], deps, deps.code))
    has_class = np.array([c != "-" for c in classes.names], dtype=bool)[classes.code]
    col(np.where(has_class, pair_rows(t["c|d"], classes, classes.code, deps, deps.code), unknown))
    col(np.where(has_class, classes.rows(t["hc"])[heads], unknown))
    blocks.append(ragged(*_children_rows(t, unknown, heads, words, lemmas, deps, Coded(joined("kinds")), quoted), unknown))
    hq = quoted[heads]
    is_clause = np.array([d in _CLAUSE_DEPS for d in deps.names], dtype=bool)[deps.code]
    col(np.where(is_clause, np.where(hq, crf.attribute_rows(["hq=1"])[0], crf.attribute_rows(["hq=0"])[0]), unknown))
    # sentence bounds of each token: the neighbour and quotation features stop at them
    bounds = [np.array(f.sents, dtype=np.int64).reshape(-1, 2)[f.sent_of] + at for f, at in zip(batch, offsets)]
    start, end = np.concatenate(bounds).T
    index = np.arange(n)
    for side, sign in (("qL=", -1), ("qR=", 1)):
        found = np.full(n, unknown, dtype=np.int64)
        for k in (3, 2, 1):  # the nearest wins: written last
            j = index + sign * k
            inside = (j >= start) & (j < end)
            near = inside & quoted[np.clip(j, 0, n - 1)]
            found = np.where(near, crf.attribute_rows([side + str(k)])[0], found)
        col(np.where(quoted, unknown, found))
    for k, w_k, l_k, t_k, c_k in _NEIGHBOURS:
        j = index + k
        inside = (j >= start) & (j < end)
        at = np.clip(j, 0, n - 1)
        col(np.where(inside, words.rows(t[w_k])[at], crf.attribute_rows([w_k + "<s>"])[0]))
        col(np.where(inside, lemmas.rows(t[l_k])[at], unknown))
        col(np.where(inside, tags.rows(t[t_k])[at], unknown))
        if c_k is not None:
            col(np.where(inside & has_class[at], classes.rows(t[c_k])[at], unknown))
    col(np.where(index == start, crf.attribute_rows(["BOS"])[0], unknown))
    col(np.where(index == end - 1, crf.attribute_rows(["EOS"])[0], unknown))
    return np.concatenate(blocks, axis=1)


def _children_rows(t: dict[str, TemplateRows], unknown: int, heads: np.ndarray, words: Coded, lemmas: Coded, deps: Coded, kinds: Coded,
                   quoted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The features ``cue_features`` reads from each token's children, as row numbers: all tokens' rows one
    after another (each token's in its children's order, each child's in ``cue_features``' order), and
    how many each token has."""
    n = len(heads)
    child = np.nonzero(heads != np.arange(n))[0]  # every token but the roots, in document order
    head = heads[child]
    dep = deps.code[child]

    def where_dep(names) -> np.ndarray:
        return np.array([d in names for d in deps.names], dtype=bool)[dep]

    argument = where_dep(_CHILD_DEPS)
    subject = argument & where_dep(_SUBJECT_DEPS)
    slots = np.stack(
        [
            np.where(argument, deps.rows(t["cd"])[child], unknown),
            np.where(argument, pair_rows(t["l|cd"], lemmas, lemmas.code[head], deps, dep), unknown),
            np.where(argument & where_dep({"prep", "mark", "agent"}), words.rows(t["cw"])[child], unknown),
            np.where(subject, kinds.rows(t["subj"])[child], unknown),
            np.where(subject, pair_rows(t["l|subj"], lemmas, lemmas.code[head], kinds, kinds.code[child]), unknown),
            np.where(~argument & where_dep({"poss"}), kinds.rows(t["poss"])[child], unknown),
            np.where(quoted[child] & where_dep(_QUOTED_COMPLEMENT_DEPS), deps.rows(t["cq"])[child], unknown),
        ],
        axis=1,
    )
    # each head's children in document order (a stable sort keeps it), each child's slots in order; absent ones out
    order = np.argsort(head, kind="stable")
    flat, owner = slots[order].reshape(-1), np.repeat(head[order], slots.shape[1])
    present = flat != unknown
    return flat[present], np.bincount(owner[present], minlength=n)
