"""The outlet's own voice (issue 16): "Kaieteur News learnt that …" in a Kaieteur News article, "this
newspaper understands …", "this reporter was told …". The outlet reporting what it found out is the
article itself speaking, not a source it quotes; such candidates are no statement of a source.
"The Post has learned" in another outlet's article stays (PolNeAR annotates it as an attribution).
The writer speaking to the reader is the article's voice too: "a report card you'd be proud to show
your parents" is what the reader might do, no one's statement; so is a question put to "you", outside a
quotation: "do you know who your city councilperson is?", an interviewer's "What artist would you most
like to show?" (the answer, not the question, is the statement)."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..nlp import doc_text
from ..types import Attribution
from .kinds import cue_word
from .quotes import doc_quotes

#: "this newspaper", "this reporter": a demonstrative and a word for the outlet or its writer
_THIS_OUTLET = re.compile(
    r"(?:this|our) (?:news)?(?:paper|publication|reporter|writer|correspondent|journalist|website|site|"
    r"station|outlet|news outlet|media house|newsroom|news agency|newspaper)",
    re.IGNORECASE,
)
#: an outlet's name must be this long (letters) to be matched against the site's host ("Kaieteur News")
_MIN_NAME_LETTERS = 5


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def is_outlets_own_voice(doc: Doc, a: Attribution) -> bool:
    """Whether ``a``'s source, outside any quotation, is the outlet that published the article."""
    if len(a.source) != 1 or not a.cue:
        return False
    source = " ".join(a.source[0].text.split())
    if any(q.start <= a.source[0].start < q.end for q in doc_quotes(doc)):
        return False
    if _THIS_OUTLET.fullmatch(source):
        return True
    outlet = getattr(doc._, "outlet", None)
    if not outlet:
        return False
    name, site = _letters(re.sub(r"^the\s+", "", source, flags=re.IGNORECASE)), _site(outlet)
    return len(name) >= _MIN_NAME_LETTERS and name in site and len(name) >= _SHARE_OF_SITE * len(site)


#: the name must make up this share of the site's name ("Kaieteur News" of "kaieteurnewsonline", not
#: "Times" of "japantimes")
_SHARE_OF_SITE = 0.6


def _site(outlet: str) -> str:
    """The letters of the site's name: the longest label of a host ("cache.reuters.com" -> "reuters",
    "guardian.co.tt" -> "guardian"), or the outlet's name as given ("Kaieteur News")."""
    host = re.sub(r"^(?:https?://)?", "", outlet.strip().lower()).split("/")[0]
    if " " in host or "." not in host:
        return _letters(host)
    return _letters(max(host.split("."), key=len))


#: how the cue climbs to the clause whose subject it shares ("proud to show": show -> proud -> be)
_SHARED_SUBJECT_DEPS = {"xcomp", "acomp", "conj"}


def is_the_readers_act(doc: Doc, a: Attribution) -> bool:
    """Whether ``a`` has no source and its cue shares the subject "you" of the clause above it, outside a
    quotation: "the kind of report card you'd be proud to show your parents" addresses the reader."""
    if not a.cue or any(q.start <= a.cue[0].start < q.end for q in doc_quotes(doc)):
        return False
    if _question_to_you(doc, a):
        return True
    if a.source:
        return False
    token = cue_word(doc, a)
    for _ in range(4):
        if token is None:
            return False
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0].lower_ == "you"
        if token.dep_ not in _SHARED_SUBJECT_DEPS or token.head is token:
            return _word_before(doc, token.left_edge.i) == "you"  # "you’d be proud", the subject misparsed
        token = token.head
    return False


#: the end of the sentence after a cue
_SENTENCE_END = re.compile(r"[.!?\n]")


def _question_to_you(doc: Doc, a: Attribution) -> bool:
    """"do you know who …?": the source is "you" and the cue's sentence ends with a question mark."""
    if len(a.source) != 1 or a.source[0].text.strip().lower() != "you":
        return False
    text = doc_text(doc)
    end = _SENTENCE_END.search(text, a.cue[-1].end)
    return end is not None and end.group() == "?"


#: the auxiliaries between a subject and its verb ("you’d be", "you will be")
_AUXILIARIES = {"’d", "'d", "would", "will", "’ll", "'ll", "could", "might", "should", "can", "may"}


def _word_before(doc: Doc, i: int) -> str:
    """The word before token ``i``, past auxiliaries, lowercased."""
    i -= 1
    while i >= 0 and doc[i].lower_ in _AUXILIARIES:
        i -= 1
    return doc[i].lower_ if i >= 0 else ""

