"""The outlet's own voice (issue 16): "Kaieteur News learnt that …" in a Kaieteur News article, "this
newspaper understands …", "this reporter was told …". The outlet reporting what it found out is the
article itself speaking, not a source it quotes; such candidates are no statement of a source.
"The Post has learned" in another outlet's article stays (PolNeAR annotates it as an attribution)."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..types import Attribution
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
