"""Pull quotes: a paragraph that sets a speaker's words apart, signed with the speaker's name.

Online news pages (CBC, HuffPost Canada) repeat a striking sentence in a box between paragraphs,
followed by the name of whoever said it and no verb and no quotation marks::

    I'm not happy I have cancer, but I'm still thankful for what it's brought me. Morgan McNeely
    Governments need to act now or renters will knock on their doors. Matt Danison, Rentals.ca

Such a paragraph becomes a direct attribution whose content is the sentences before the name and
whose source is the name (no cue). A photo credit ("... on Oct. 29, 2015. Ben Nelms") has the same
shape; it is told apart because a pull quote's speaker is a person the article names elsewhere
(spaCy's PERSON entities), a photographer or an agency ("The Canadian Press") is not.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..nlp import doc_text
from ..types import Attribution, AttributionKind, AttributionType, Span

#: as sure as a floating quote: the shape is clear, who signs it is read from a bare name
PULL_QUOTE_CONFIDENCE = 0.6
MIN_WORDS = 5
#: the signature: a capitalised name of at most eight words after a sentence end, then perhaps
#: ", Organisation" (", Rentals.ca", ", University of Ottawa"), and nothing else on the line
_SIGNED = re.compile(
    r"[.!?…][”\"’']?[ \t]+(?P<name>(?:[A-Z][\w.'’-]*[ \t]+){1,7}[A-Z][\w'’-]*)"
    r"(?:,[ \t]+[A-Z][\w.&'’-]*(?:[ \t]+(?:of|the|and|for|&|[A-Z][\w.&'’-]*)){0,5})?[ \t]*$"
)

#: a title's abbreviation is no sentence end: "... filed by Cpl. Douglas Green" is not signed
_ABBREVIATION = re.compile(r"(?:^|\s)[A-Z][a-z]{0,3}\.$")


def _named_elsewhere(people: list, surname: str, start: int, end: int) -> bool:
    """A person named with this surname outside the paragraph [start, end) (entity spans may carry
    trailing blank lines)."""
    return any(e.text.split()[-1] == surname and not (start <= e.start_char < end) for e in people if e.text.split())


def find_pull_quotes(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """Attributions for the pull quotes of ``doc``: paragraphs of sentences signed by a person's
    name that no quote in ``found`` covers (a belief inside the paragraph does not stop it).

    Example: the paragraph "We will not close a single rink this winter. Mayor Ana Ruiz" in an
    article that names Ruiz elsewhere gives content "We will not close a single rink this winter."
    and source "Ana Ruiz".
    """
    text = doc_text(doc)
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    held = [s for a in found if a.is_quote for role in (a.content, a.source, a.cue) for s in role]
    out = []
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        match = _SIGNED.search(line)
        if match is None or any(s.start < end and start < s.end for s in held):
            continue
        body = line[: match.start() + 1].rstrip()
        lead = len(line) - len(line.lstrip())
        if len(body.split()) < MIN_WORDS or body.lstrip().startswith("(") or _ABBREVIATION.search(body):
            continue
        name_start, name_end = start + match.start("name"), start + match.end("name")
        if not _named_elsewhere(people, match.group("name").split()[-1], start, end):
            continue
        # the source is the person's name without the title before it, where the parser saw one
        person = next((e for e in people if name_start <= e.start_char and e.start_char + len(e.text.rstrip()) == name_end), None)
        source = Span.of(text, person.start_char, name_end) if person is not None else Span.of(text, name_start, name_end)
        close = match.start() + 1
        while close < len(line) and line[close] in "”\"’'":
            close += 1
        out.append(
            Attribution(
                source=(source,),
                cue=(),
                content=(Span.of(text, start + lead, start + close),),
                type=AttributionType.DIRECT,
                cue_lemma="",
                confidence=PULL_QUOTE_CONFIDENCE,
                origin="rules",
                kind=AttributionKind.SPEECH,
            )
        )
    return out
