"""Gold attributions as token labels: BIO cue tags per sentence, source/content tags per cue.

Spans are aligned to spaCy tokens by overlap. Punctuation at a span's edges is dropped (the
shared scorer ignores it, and quotation marks and commas are annotated inconsistently), except
for cues made only of punctuation (a colon introducing a quote).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc

from .data import GoldAttribution

CUE_LABELS = ("O", "B-CUE", "I-CUE")
ROLE_LABELS = ("O", "B-SRC", "I-SRC", "B-CON", "I-CON")


@dataclass(frozen=True, slots=True)
class TokenAttribution:
    """A gold attribution as token index sets."""

    source: tuple[int, ...]
    cue: tuple[int, ...]
    content: tuple[int, ...]


def _is_word(token) -> bool:
    return any(ch.isalnum() for ch in token.text)


def char_to_tokens(doc: Doc, starts: list[int], spans, keep_punct_only: bool = False) -> tuple[int, ...]:
    """Token indices overlapping the character ranges, edge punctuation of each range dropped."""
    out: list[int] = []
    for s, e in spans:
        i = max(bisect.bisect_right(starts, s) - 1, 0)
        got = []
        while i < len(doc) and starts[i] < e:
            t = doc[i]
            if t.idx + len(t.text) > s and not t.is_space:
                got.append(i)
            i += 1
        words = [i for i in got if _is_word(doc[i])]
        if words:
            got = [i for i in got if words[0] <= i <= words[-1]]
        elif not keep_punct_only:
            got = []
        out.extend(got)
    return tuple(sorted(set(out)))


def align(doc: Doc, gold: list[GoldAttribution]) -> list[TokenAttribution]:
    """Token versions of the gold attributions of ``doc`` (those with a cue)."""
    starts = [t.idx for t in doc]
    out = []
    for g in gold:
        cue = char_to_tokens(doc, starts, g.cue, keep_punct_only=True)
        if not cue:
            continue
        # a cue is one contiguous stretch in PolNeAR; fill any gap the tokenisation left
        cue = tuple(range(cue[0], cue[-1] + 1))
        out.append(TokenAttribution(char_to_tokens(doc, starts, g.source), cue, char_to_tokens(doc, starts, g.content)))
    return out


def cue_labels(n: int, attrs: list[TokenAttribution]) -> list[str]:
    """BIO cue labels over the whole document."""
    labels = ["O"] * n
    for a in attrs:
        for k, i in enumerate(a.cue):
            if labels[i] == "O":
                labels[i] = "B-CUE" if k == 0 else "I-CUE"
    return labels


def role_labels(lo: int, hi: int, attr: TokenAttribution) -> list[str]:
    """BIO source/content labels of tokens ``lo:hi`` for one attribution (content wins a clash)."""
    labels = ["O"] * (hi - lo)
    for role, tokens in (("SRC", attr.source), ("CON", attr.content)):
        for i in tokens:
            if lo <= i < hi and i not in attr.cue:
                labels[i - lo] = role
    out = []
    prev = "O"
    for lab in labels:
        if lab == "O":
            out.append("O")
        else:
            out.append(("I-" if prev == lab else "B-") + lab)
        prev = lab
    return out
