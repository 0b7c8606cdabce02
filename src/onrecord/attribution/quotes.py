"""Quotation spans in raw text, in every common quotation style.

Handles “…”, "…", ‘…’, '…', «…», »…«, „…“, ''…'' and ‘’…” (two apostrophes or two single
marks standing for a double mark, as some wire and archive texts write it); quotes that run over several
sentences; quotes that run over several paragraphs (the opening mark repeated
at the start of each new paragraph, no closing mark until the end); and
apostrophes (don’t, Putin’s, leaders’, ’90s) that must never open or close a
quote.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..nlp import doc_text

#: opening mark -> closing marks it accepts
PAIRS: dict[str, str] = {
    "“": "”",
    "„": "“”",
    "«": "»",
    "»": "«",
    '"': '"',
    "‘": "’",
    "‚": "‘’",
    "'": "'",
    "''": "''",
    "‘’": "”",  # closes on ” or on a doubled ’’ or '' too (_can_close)
}
_MARKS = frozenset("".join(PAIRS) + "".join(PAIRS.values()))
#: where a mark may stand: two apostrophes first (one double mark), else any single mark character
_MARK_RE = re.compile("''|‘’|[" + re.escape("".join(sorted(_MARKS))) + "]")
DOUBLE_OPENERS = frozenset(["“", "„", "«", "»", '"', "''", "‘’"])
SINGLE_OPENERS = frozenset("‘‚'")
#: characters after which a mark is at the start of a stretch, so it opens rather than closes
_OPEN_CONTEXT = frozenset(" \t\n([{—–-/:;") | DOUBLE_OPENERS | SINGLE_OPENERS


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation, marks included: ``text[start:end]``. ``closed`` is False when the text
    ended (or a paragraph ended without a continuation) before a closing mark."""

    start: int
    end: int
    open_mark: str
    closed: bool = True
    paragraphs: int = 1

    @property
    def width(self) -> int:
        """Characters of one quotation mark (2 for ``''``)."""
        return len(self.open_mark)

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + self.width, self.end - self.width if self.closed else self.end


def _prev(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else " "


def _next(text: str, i: int) -> str:
    return text[i + 1] if i + 1 < len(text) else " "


def _can_open(text: str, i: int, mark: str) -> bool:
    """Whether ``mark`` (found by ``_MARK_RE`` at ``i``) opens a quotation."""
    before, after = _prev(text, i), _next(text, i + len(mark) - 1)
    if after.isspace():
        return False
    if mark in ("''", "‘’"):
        return before in _OPEN_CONTEXT and after not in "'’"
    if mark in "'‘":
        # an apostrophe eliding digits or letters ('90s, ’em) is not an opening mark
        if before.isalnum() or re.match(r"['‘](\d\d|em\b|til\b|cause\b|n\b)", text[i : i + 7]):
            return False
        return before in _OPEN_CONTEXT
    if mark == '"':
        return before in _OPEN_CONTEXT
    if mark == "»":  # »…« (German/Danish style) opens only where a word starts
        return before in _OPEN_CONTEXT and after.isalnum()
    return True


def _can_close(text: str, i: int, mark: str, open_mark: str) -> bool:
    """Whether ``mark`` (found by ``_MARK_RE`` at ``i``) closes a quotation opened by ``open_mark``."""
    before, after = _prev(text, i), _next(text, i + len(mark) - 1)
    if open_mark == "‘’":  # wire text: ‘’…” or ‘’…’’ (two single marks for a double one)
        return (mark in ("”", "''") or mark == "’" and after == "’") and not before.isspace()
    if open_mark == "''" or mark == "''":
        # ''…'' closes only on its own double mark, never on one apostrophe (it's, Obama's)
        return mark == "''" == open_mark and not before.isspace()
    if mark not in PAIRS[open_mark]:
        return False
    if mark in "'’":
        # don’t, Putin’s: a letter on both sides is an apostrophe, never a close
        if before.isalnum() and after.isalnum():
            return False
        if before.isspace():
            return False
    if mark == '"' and before.isspace() and not after.isspace():
        return False  # looks like the next opening mark
    return True


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _first_char(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def doc_quotes(doc: Doc) -> list[Quote]:
    """The quotations of a parsed ``doc``: found once, on first use, and kept as ``doc._.quotations``
    for every later stage (rules, the learned model, speaker resolution, floating quotes).

    Example:
        >>> from spacy.lang.en import English
        >>> [q.end for q in doc_quotes(English()("He said “yes.”"))]
        [14]
    """
    found = doc._.quotations
    if found is None:
        found = doc._.quotations = tuple(find_quotes(doc_text(doc)))
    return list(found)


def find_quotes(text: str) -> list[Quote]:
    """All top-level quotations of ``text``, in order.

    Quote marks nested inside a quotation (‘…’ inside “…”) belong to it and are not
    reported separately. The stages read a parsed doc's quotations through :func:`doc_quotes`,
    which calls this once per doc.

    Example:
        >>> [text[q.start:q.end] for text in ["He said “yes,” then ‘no’."] for q in find_quotes(text)]
        ['“yes,”', '‘no’']
    """
    quotes: list[Quote] = []
    paragraphs = _paragraphs(text)
    pending: tuple[int, str, int] | None = None  # (start, open mark, paragraphs so far) carried over a break
    for index, (p_start, p_end) in enumerate(paragraphs):
        if pending and not text[p_start:p_end].strip():
            continue  # a blank line inside a quote that goes on
        open_at, open_mark, n_paragraphs = (pending if pending else (None, "", 1))
        i = p_start
        if pending:
            # the carried quote goes on: skip the repeated opening mark of this paragraph
            i = _first_char(text, p_start, p_end) + len(open_mark)
            pending = None
        while (found := _MARK_RE.search(text, i, p_end)) is not None:
            i, mark = found.start(), found.group()
            if open_at is None:
                if mark in PAIRS and _can_open(text, i, mark):
                    open_at, open_mark, n_paragraphs = i, mark, 1
            elif _can_close(text, i, mark, open_mark):
                quotes.append(Quote(open_at, i + len(mark), open_mark, True, n_paragraphs))
                open_at = None
            i += len(mark)
        if open_at is not None:
            # the next paragraph with text (blank lines between paragraphs are common)
            nxt = next((p for p in paragraphs[index + 1 :] if text[p[0] : p[1]].strip()), None)
            if nxt and text.startswith(open_mark, _first_char(text, *nxt)):
                pending = (open_at, open_mark, n_paragraphs + 1)
            else:
                end = p_end
                while end > open_at and text[end - 1].isspace():
                    end -= 1
                quotes.append(Quote(open_at, end, open_mark, False, n_paragraphs))
    return quotes


def quote_index(quotes: list[Quote], length: int) -> list[int]:
    """For each character offset, the index of the quote containing it, or -1."""
    owner = [-1] * length
    for n, q in enumerate(quotes):
        owner[q.start : q.end] = [n] * (q.end - q.start)
    return owner
