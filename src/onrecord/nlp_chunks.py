"""Texts over spaCy's ``nlp.max_length`` (1,000,000 characters by default), parsed in parts and analysed whole.

spaCy's limit protects the parser and NER from the memory a very long text needs; attribution,
speaker resolution and claims read the whole article. So a long text is cut into chunks at paragraph
breaks (at line breaks, then sentence ends, then spaces, for one giant paragraph), each chunk is
tokenised, tagged, parsed and NER-tagged on its own, the parsed chunks are joined back into one
``Doc`` whose text is exactly the article's (:meth:`spacy.tokens.Doc.from_docs`), and the document
components (onrecord's, after the parser) run once on that ``Doc``: offsets are the article's,
and a surname in the last chunk joins the full name given in the first.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc

from .nlp import make_doc

#: The largest chunk parsed at once; well under spaCy's default limit, a size its parser handles in a few seconds.
CHUNK_CHARS = 100_000

#: Components that work sentence by sentence (they run on each chunk); every other onrecord component,
#: and all that follow it, reads the whole document and runs once on the joined ``Doc``.
SENTENCE_LEVEL_FACTORIES = frozenset({"onrecord_paragraphs"})

#: Where a chunk may end, best first: after a blank line, a line break, a sentence end, a space.
_CUTS = (
    re.compile(r"\n[ \t\r\f\v]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'”’»)\]]*\s+"),
    re.compile(r"\s+"),
)


def split_chunks(text: str, size: int) -> list[str]:
    """``text`` cut into consecutive parts of at most ``size`` characters that join back to ``text``.

    Each part ends at the last paragraph break that fits, else the last line break, sentence end
    or space; a run of ``size`` characters without any of them is cut where it must.

    Example:
        >>> split_chunks("First paragraph.\\n\\nSecond one here.\\n\\nThird.", 30)
        ['First paragraph.\\n\\n', 'Second one here.\\n\\nThird.']
    """
    if size < 1:
        raise ValueError(f"size must be positive, not {size}")
    chunks, start = [], 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = next((last.end() for pattern in _CUTS if (last := _last_match(pattern, window)) is not None), size)
        chunks.append(text[start : start + cut])
        start += cut
    if start < len(text) or not chunks:
        chunks.append(text[start:])
    return chunks


def _last_match(pattern: re.Pattern[str], window: str) -> re.Match[str] | None:
    last = None
    for match in pattern.finditer(window):
        if match.end() > 0:  # a cut must leave something in the chunk
            last = match
    return last


def chunk_size(nlp: Language) -> int:
    """The chunk length for ``nlp``: :data:`CHUNK_CHARS`, or half its ``max_length`` when that is lower."""
    return max(1, min(CHUNK_CHARS, nlp.max_length // 2))


def run_pipeline(nlp: Language, text: str, published: dt.date | None = None, outlet: str | None = None) -> Doc:
    """``nlp`` run on ``text``, whatever its length: a text over ``nlp.max_length`` is parsed in chunks.

    Example:
        >>> from onrecord.nlp import load_parser
        >>> nlp = load_parser()
        >>> nlp.max_length = 60
        >>> text = "The mayor spoke.\\n\\n" * 5  # 90 characters: five chunks of one paragraph
        >>> doc = run_pipeline(nlp, text)
        >>> doc.text == text, len(list(doc.sents))
        (True, 5)
    """
    if len(text) <= nlp.max_length:
        return nlp(make_doc(nlp, text, published, outlet))
    parse, whole = split_components(nlp)
    docs = list(nlp.pipe(split_chunks(text, chunk_size(nlp)), disable=whole))
    # each chunk's Doc extensions (``._.``) are per chunk; the joined Doc gets its own
    doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["user_data"])
    if doc.text != text:  # from_docs keeps every character; a change would shift every offset
        raise RuntimeError("the joined chunks do not give back the text")
    doc._.published = published
    doc._.outlet = outlet
    for name in whole:
        doc = nlp.get_pipe(name)(doc)
    return doc


def split_components(nlp: Language) -> tuple[list[str], list[str]]:
    """The names of ``nlp``'s components that run per chunk, and those that read the whole ``Doc`` (in order)."""
    names = list(nlp.pipe_names)
    factories = nlp.pipe_factories
    first_whole = next(
        (i for i, name in enumerate(names) if factories[name].startswith("onrecord") and factories[name] not in SENTENCE_LEVEL_FACTORIES),
        len(names),
    )
    return names[:first_whole], names[first_whole:]
