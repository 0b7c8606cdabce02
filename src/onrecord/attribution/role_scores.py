"""The role tagger's state scores of a batch's cue windows, without building its feature strings (issue 15).

As :mod:`onrecord.attribution.cue_scores` does for the cue tagger: the features
:func:`~onrecord.attribution.role_features.role_features` spells as strings (about 20 a token of each
cue's window) become columns of weight rows over every window's tokens, in the order ``role_features``
lists them, the zero row where a token lacks one, added from zero in that order: bit for bit the same
scores (``tests/attribution/test_role_scores.py``). The relation of each token to its cue comes from the
same function (:func:`~onrecord.attribution.role_features.relation_codes`). A change to ``role_features``
must be made here too (the test fails until it is).
"""
from __future__ import annotations

import numpy as np

from .crf import LinearChainCRF
from .features import DocFacts
from .role_features import _BUCKETED, _LEFT, _RIGHT, cue_head, near_quotes, relation_codes
from .weight_rows import Coded, TemplateRows, pair_rows, spelled, static_columns

_DIRECTIONS = ["L", "c", "R"]


def _templates(crf: LinearChainCRF) -> dict[str, TemplateRows]:
    found = getattr(crf, "_role_templates", None)
    if found is None:
        named = {key: spelled(key) for key in ("r", "r|dir", "r|cl", "cl", "cl|dir", "pr", "nr", "l", "r|c", "c-1", "c+1", "w-1", "w+1")}
        found = crf._role_templates = {key: TemplateRows(crf, name) for key, name in named.items()}  # type: ignore[attr-defined]
    return found


def role_state_scores(batch: list[DocFacts], cues: list[tuple[int, int, int, int, int]], crf: LinearChainCRF) -> list[np.ndarray]:
    """Per cue ``(document, start, end, lo, hi)`` of ``batch``'s documents, the window ``lo:hi``'s tokens ×
    labels state scores for the role tagger ``crf``: each token's features those :func:`role_features` gives."""
    if not cues:
        return []
    t = _templates(crf)
    unknown = crf.unknown
    row = lambda attribute: int(crf.attribute_rows([attribute])[0])  # noqa: E731
    offsets = np.cumsum([0] + [f.n for f in batch]).tolist()
    sent_offsets = np.cumsum([0] + [len(f.sents) for f in batch]).tolist()
    quote_offsets = np.cumsum([0] + [len(f.quotes) for f in batch]).tolist()

    def joined(name: str) -> list:
        return [x for f in batch for x in getattr(f, name)]

    words, lemmas, classes, tags, deps, shapes, ents = (Coded(joined(name)) for name in ("words", "lemmas", "classes", "tags", "deps", "shapes", "ents"))
    sent_of = np.concatenate([np.array(f.sent_of, dtype=np.int64) + so for f, so in zip(batch, sent_offsets)])
    quote_of = np.concatenate([np.where(np.array(f.quote_of, dtype=np.int64) >= 0, np.array(f.quote_of, dtype=np.int64) + qo, -1)
                               for f, qo in zip(batch, quote_offsets)]) if offsets[-1] else np.zeros(0, dtype=np.int64)
    has_class = np.array([c != "-" for c in classes.names], dtype=bool)[classes.code]
    static_rows = static_columns(crf, words, tags, deps, shapes, quote_of >= 0, ents, classes)

    # every window's tokens one after another: batch token, window, position in the window
    heads, spans, codes, near = [], [], [], []
    for w, (k, start, end, lo, hi) in enumerate(cues):
        facts, at = batch[k], offsets[k]
        h = cue_head(facts, start, end)
        heads.append(h + at)
        spans.append((start + at, end + at, lo + at, hi + at))
        codes += relation_codes(facts, h, lo, hi)
        cue_quote = facts.quote_of[h]
        near += [(w, q + quote_offsets[k]) for q in near_quotes(facts, start, end, cue_quote)]
    span = np.array(spans, dtype=np.int64)
    lengths = span[:, 3] - span[:, 2]
    window = np.repeat(np.arange(len(cues)), lengths)
    first = np.cumsum(lengths) - lengths
    k = np.arange(int(lengths.sum())) - first[window]
    g = span[window, 2] + k
    last = k == lengths[window] - 1
    start, end = span[window, 0], span[window, 1]
    cue_h = np.array(heads, dtype=np.int64)[window]
    coded = Coded(codes + ["<w>", "</w>"])
    code = coded.code[: len(codes)]
    begin_code, end_code = coded.code[-2:]

    blocks: list[np.ndarray] = [static_rows[g]]

    def col(values: np.ndarray) -> None:
        blocks.append(values[:, None])

    in_cue, left = (g >= start) & (g < end), g < start
    direction = np.where(in_cue, 1, np.where(left, 0, 2))
    dirs = Coded(_DIRECTIONS)
    left_rows = crf.attribute_rows(["pos=" + p for p in _LEFT])
    right_rows = crf.attribute_rows(["pos=" + p for p in _RIGHT])
    col(np.where(in_cue, row("pos=cue"), np.where(left, left_rows[np.minimum(start - g, _BUCKETED - 1)], right_rows[np.minimum(g - end + 1, _BUCKETED - 1)])))
    offset = np.clip(sent_of[g] - sent_of[cue_h], -2, 3) + 2
    col(crf.attribute_rows(["so=" + str(so) for so in range(-2, 4)])[offset])
    col(coded.rows_by_code(t["r"])[code])
    col(pair_rows(t["r|dir"], coded, code, dirs, direction))
    col(pair_rows(t["r|cl"], coded, code, lemmas, lemmas.code[cue_h]))
    col(lemmas.rows(t["cl"])[cue_h])
    col(pair_rows(t["cl|dir"], lemmas, lemmas.code[cue_h], dirs, direction))
    index = np.arange(len(code))
    col(coded.rows_by_code(t["pr"])[np.where(k > 0, code[np.maximum(index - 1, 0)], begin_code)])
    col(coded.rows_by_code(t["nr"])[np.where(~last, code[np.minimum(index + 1, len(code) - 1)], end_code)])
    col(lemmas.rows(t["l"])[g])
    classed = has_class[g]
    col(np.where(classed, pair_rows(t["r|c"], coded, code, classes, classes.code[g]), unknown))
    before, after = np.maximum(g - 1, 0), np.minimum(g + 1, len(has_class) - 1)
    col(np.where(classed & (k > 0), classes.rows(t["c-1"])[before], unknown))
    col(np.where(classed & ~last, classes.rows(t["c+1"])[after], unknown))
    q = quote_of[g]
    same = (q >= 0) & (q == quote_of[cue_h])
    pairs = np.array([w * (quote_offsets[-1] + 1) + qn for w, qn in near], dtype=np.int64)
    is_near = (q >= 0) & ~same & np.isin(window * (quote_offsets[-1] + 1) + q, pairs)
    col(np.where(q < 0, unknown, np.where(same, row("qsame"), np.where(is_near, row("qnear"), row("qother")))))
    col(np.where(is_near, crf.attribute_rows(["qnear|so=" + str(so) for so in range(-2, 4)])[offset], unknown))
    col(np.where(k > 0, words.rows(t["w-1"])[before], unknown))
    col(np.where(~last, words.rows(t["w+1"])[after], unknown))
    scores = crf.state_rows(np.concatenate(blocks, axis=1))
    return np.split(scores, np.cumsum(lengths)[:-1].tolist())
