"""Role-tagger features: what the tokens around one cue are to it (source, content or neither).

A token's role features pair its cue-independent facts (:class:`~onrecord.attribution.features.DocFacts`,
computed once per document) with its relation to the cue: the path to the cue's head in the parse, its
direction and distance, whether it shares the cue's quotation or lies in a quotation next to it.
Split from :mod:`onrecord.attribution.features` (the per-document facts and the cue tagger's features).
"""
from __future__ import annotations

from .features import DocFacts


def _bucket(n: int) -> str:
    """Distance buckets: exact up to 3, then coarser."""
    if n <= 3:
        return str(n)
    if n <= 5:
        return "4-5"
    if n <= 10:
        return "6-10"
    if n <= 20:
        return "11-20"
    return "21+"


def cue_head(facts: DocFacts, start: int, end: int) -> int:
    """The syntactic head of a cue span: its first token whose head lies outside the span."""
    heads = facts.heads
    for i in range(start, end):
        h = heads[i]
        if h == i or not start <= h < end:
            return i
    return start


def role_window(facts: DocFacts, start: int, end: int) -> tuple[int, int]:
    """Tokens the role tagger labels for the cue ``start:end``.

    The cue's sentence, the one before and the one after, widened to whole quotations so a
    quotation that runs over several sentences is never cut. (A second sentence after the cue
    held the source or content of 1 of 2,192 PolNeAR dev attributions beyond what this window
    holds, and made the window a quarter longer.)
    """
    k = facts.sent_of[start]
    lo = facts.sents[max(k - 1, 0)][0]
    hi = facts.sents[min(k + 1, len(facts.sents) - 1)][1]
    q = facts.quote_of[lo]
    if q >= 0:
        lo = min(lo, facts.quotes[q][0])
    q = facts.quote_of[hi - 1]
    if q >= 0:
        hi = max(hi, facts.quotes[q][1])
    # a cap keeps pathological unclosed quotations cheap
    return max(lo, start - 150), min(hi, end + 250)


def _ancestors(heads: list[int], i: int) -> list[int]:
    chain = [i]
    while heads[i] != i and len(chain) < 60:
        i = heads[i]
        chain.append(i)
    return chain


def _relation(facts: DocFacts, i: int, h: int, h_chain: dict[int, int], h_list: list[int]) -> tuple[str, int]:
    """How token ``i`` relates to the cue head ``h`` in the parse: a short code and a depth."""
    deps, heads = facts.deps, facts.heads
    if i == h:
        return "self", 0
    if facts.sent_of[i] != facts.sent_of[h]:
        return "far", 0
    chain = facts.chains.get(i)
    if chain is None:
        chain = facts.chains[i] = _ancestors(heads, i)
    for up, a in enumerate(chain):
        down = h_chain.get(a)
        if down is None:
            continue
        if a == h:  # i is inside the cue head's subtree
            child = chain[up - 1]
            grand = deps[chain[up - 2]] if up >= 2 else "-"
            return "sub:" + deps[child] + (">" + grand if deps[child] in ("prep", "agent") else ""), up
        if a == i:  # i governs the cue
            return "anc:" + deps[h_list[down - 1]], down
        return "lca:" + deps[chain[up - 1]] + "/" + deps[h_list[down - 1]], up
    return "none", 0


#: position features by distance from the cue, built once (a window reaches 150 tokens left, 250 right of its cue)
_BUCKETED = 256
_LEFT = ["L" + _bucket(d) for d in range(_BUCKETED)]
_RIGHT = ["R" + _bucket(d) for d in range(_BUCKETED)]
_SENTENCE_OFFSET = {so: "so=" + str(so) for so in range(-2, 4)}


def relation_codes(facts: DocFacts, h: int, lo: int, hi: int) -> list[str]:
    """How each token of ``lo:hi`` relates to the cue head ``h`` in the parse (:func:`_relation`'s code)."""
    h_list = _ancestors(facts.heads, h)
    h_chain = {a: k for k, a in enumerate(h_list)}
    sent_of, cue_sent = facts.sent_of, facts.sent_of[h]
    # a token of another sentence is "far" (what _relation says), without the call
    return ["far" if sent_of[i] != cue_sent else _relation(facts, i, h, h_chain, h_list)[0] for i in range(lo, hi)]


def near_quotes(facts: DocFacts, start: int, end: int, cue_quote: int) -> set[int]:
    """The quotations right before or right after the cue ``start:end`` (a few tokens away), its likeliest content."""
    return {q for q in facts.quote_of[max(start - 3, 0) : min(end + 3, facts.n)] if q >= 0 and q != cue_quote}


def role_features(facts: DocFacts, start: int, end: int, lo: int, hi: int) -> list[list[str]]:
    """Features of tokens ``lo:hi`` for labelling source and content of the cue ``start:end``."""
    h = cue_head(facts, start, end)
    lemmas, classes = facts.lemmas, facts.classes
    cue_lemma = lemmas[h]
    cue_sent = facts.sent_of[h]
    cue_quote = facts.quote_of[h]
    static, token_static, sent_of, quote_of = facts.role_static, facts.static, facts.sent_of, facts.quote_of
    near = near_quotes(facts, start, end, cue_quote)
    codes = relation_codes(facts, h, lo, hi)
    cue_const = "cl=" + cue_lemma
    by_dir = {d: "cl|dir=" + cue_lemma + "|" + d for d in ("L", "c", "R")}
    out = []
    last = hi - lo - 1
    for k, i in enumerate(range(lo, hi)):
        code = codes[k]
        lemma_f, c_left, c_right, w_left, w_right = static[i]
        if start <= i < end:
            pos = "cue"
        elif i < start:
            pos = _LEFT[start - i] if start - i < _BUCKETED else "L" + _bucket(start - i)
        else:
            pos = _RIGHT[i - end + 1] if i - end + 1 < _BUCKETED else "R" + _bucket(i - end + 1)
        so = _SENTENCE_OFFSET[min(max(sent_of[i] - cue_sent, -2), 3)]
        f = token_static[i] + [
            "pos=" + pos,
            so,
            "r=" + code,
            "r|dir=" + code + "|" + pos[0],
            "r|cl=" + code + "|" + cue_lemma,
            cue_const,
            by_dir[pos[0]],
            "pr=" + (codes[k - 1] if k else "<w>"),
            "nr=" + (codes[k + 1] if k < last else "</w>"),
            lemma_f,
        ]
        if classes[i] != "-":
            f.append("r|c=" + code + "|" + classes[i])
            # the neighbours' classes mark clause edges, where content boundaries fall
            if k:
                f.append(c_left)
            if k < last:
                f.append(c_right)
        q = quote_of[i]
        if q >= 0:
            if q == cue_quote:
                f.append("qsame")
            elif q in near:
                f.append("qnear")
                f.append("qnear|" + so)
            else:
                f.append("qother")
        if k:
            f.append(w_left)
        if k < last:
            f.append(w_right)
        out.append(f)
    return out
