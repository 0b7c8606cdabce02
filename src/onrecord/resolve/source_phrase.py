"""Source phrases as the speaker resolver reads them: which part of a source span names the speaker,
whether it can speak at all, and display names for organisations and groups."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..attribution.quotes import doc_quotes
from ..nlp import doc_text
from ..types import EntityKind, Span
from .lexicon import NON_REFERRING, RoleLexicon, writing_nouns
from .mentions import NameMention

_NO_SPEAKER_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}


def can_speak(tokens, head: Token, lex) -> bool:
    """False for sources no reader takes for a speaker: a date or time ("Wednesday", "about 3:00 pm"),
    "no one", a head naming a thing ("the Volcker Rule", "Video"), a verb phrase."""
    if head.ent_type_ in _NO_SPEAKER_ENTS or any(t.ent_type_ in ("DATE", "TIME") for t in tokens if t.dep_ == "ROOT" or t is head):
        return False
    text = " ".join(t.lower_ for t in tokens if not t.is_punct)
    if text in NON_REFERRING or (head.lower_ == "one" and any(t.lower_ == "no" for t in tokens)):
        return False
    if head.lemma_.lower() in lex.things or head.lower_ in lex.things:
        return False
    return head.pos_ in ("NOUN", "PROPN", "PRON", "X", "NUM") or head.tag_ in ("NN", "NNS", "NNP", "NNPS", "PRP")


def last_line(doc: Doc, span: Span) -> Span:
    """The part of a source after its last line break: text before it is page chrome or a heading."""
    text = span.text
    cut = text.rstrip().rfind("\n")
    if cut < 0:
        return span
    rest = text[cut + 1 :]
    lead = len(rest) - len(rest.lstrip())
    start = span.start + cut + 1 + lead
    return Span.of(doc_text(doc), start, span.end) if start < span.end else span


def without_answer_word(tokens):
    """"Yes - a few people have asked": an answer word and a dash before the source are not part of it."""
    start = tokens.start
    while start < tokens.end - 1 and (tokens.doc[start].pos_ == "INTJ" or tokens.doc[start].text in ("-", "–", "—")):
        start += 1
    return tokens.doc[start : tokens.end] if start > tokens.start and tokens.doc[start - 1].text in ("-", "–", "—") else tokens


def from_inner_determiner(tokens):
    """"WhatsApp Email Telegram A senior prison official": a noun phrase starts at its determiner,
    whatever proper nouns the page put in front of it."""
    for t in tokens[1:]:
        if t.tag_ == "DT" and t.lower_ in ("a", "an", "the") and t.head.i >= t.i and all(x.pos_ in ("PROPN", "NOUN", "X") and x.ent_type_ != "PERSON" for x in tokens[: t.i - tokens.start]):
            return tokens.doc[t.i : tokens.end]
    return tokens


#: "the driver, identified as Peter Lang": verbs whose "as" phrase gives the person's name
_NAMING_VERBS = {"identify", "name"}


def under_preposition(token: Token, tokens) -> bool:
    """Whether ``token`` hangs from the source's head through a preposition ("pubs around Cork", "The
    Briar in Douglas") or a
    clause ("Republicans, who control the Senate under Mitch McConnell")."""
    root = tokens.root.i
    if token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.lemma_ in _NAMING_VERBS:
        return False  # "The driver, identified as Peter Lang, said": the name is the speaker's
    while token.i != root and tokens.start <= token.i < tokens.end:
        # "of" after a capitalised title does not place ("Chief Financial Officer of Super Value Debra Symonette")
        place = token.head.head.pos_ in ("NOUN", "PRON") or token.head.head.pos_ == "PROPN" and token.head.lower_ != "of"
        if token.dep_ == "pobj" and token.head.dep_ == "prep" and place and token.head.head.ent_type_ != "PERSON":
            return True
        if token.dep_ in ("relcl", "acl", "advcl"):  # "Republicans, who control the Senate under McConnell"
            return True
        if token.head.i == token.i:
            break
        token = token.head
    return False


def possessive_after(doc: Doc, m: NameMention) -> bool:
    tok = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    return tok is not None and tok.end < len(doc) and doc[tok.end].tag_ == "POS"


def subtree_span(doc: Doc, token: Token, stop: Token) -> tuple[Span, ...]:
    end = stop.left_edge.i
    start = token.left_edge.i
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if end <= start:
        return ()
    return (Span.of(doc_text(doc), doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)),)


_DETERMINERS = re.compile(r"^(the|a|an|this|that|these|those)\s+", re.I)


def clean_name(text: str) -> str:
    """A display name for an organisation or group: no leading article, no possessive 's."""
    text = _DETERMINERS.sub("", text.strip())
    return re.sub(r"(’s|'s)$", "", text)


#: what follows a comma after the head of a source phrase and only describes it: "the Trust, which manages …",
#: "the Board, the public body that …", "a headteacher, who leads …", "the Board, set up in 1990"
_DESCRIBING_DEPS = {"relcl", "appos", "acl", "advcl", "parataxis"}


#: a relative clause that only asks for anonymity ("a resident who asked not to be identified", "an aide who
#: spoke on condition of anonymity because …"): no part of the speaker's name, with or without a comma
_ANONYMITY = re.compile(r"\b(?:anonymity|anonymously|not (?:to )?be (?:named|identified|quoted)|declined to (?:be named|give (?:his|her|their) (?:full )?name)|without being named)\b", re.I)


def _anonymity_clause_start(tokens) -> int | None:
    """The first token of a relative clause of the phrase's head that only asks for anonymity, else None."""
    root = tokens.root
    for clause in root.children:
        if clause.dep_ == "relcl" and clause.i > root.i and tokens.start <= clause.left_edge.i and clause.right_edge.i < tokens.end:
            if _ANONYMITY.search(tokens.doc[clause.left_edge.i : clause.right_edge.i + 1].text):
                return clause.left_edge.i
    return None


def phrase_name(tokens) -> str:
    """The display name of a source phrase that names no person: the phrase without what only describes
    its head after a comma (a relative clause, an apposition, a participle), and with its brackets closed
    ("the Employers' Association (UCEA" → "Employers' Association (UCEA)" when the text closes it, else
    "Employers' Association").

    Example:
        >>> from onrecord.nlp import load_parser
        >>> doc = load_parser()("The Riverside Tenants Trust, which manages the repair fund, complained.")
        >>> phrase_name(doc[0:10])
        'Riverside Tenants Trust'
    """
    doc, root = tokens.doc, tokens.root
    end = tokens.end
    anonymity = _anonymity_clause_start(tokens)
    if anonymity is not None:
        end = anonymity
    for t in doc[tokens.start : end]:
        if t.i <= root.i or t.i + 1 >= end:
            continue
        if t.text == "," and _describes(doc[t.i + 1], root):  # past the head: "X, which …", "X, known as …"
            end = t.i
            break
        if t.text in "([" and not any(c.text in ")]" for c in doc[t.i + 1 : end]):
            break
    start = tokens.start
    while start < root.i and doc[start].dep_ == "advmod" and doc[start].pos_ == "ADV":
        start += 1  # "Even customers who …": a focusing adverb is no part of the name
    return with_brackets_closed(doc, start, end)


def with_brackets_closed(doc: Doc, start: int, end: int) -> str:
    """The display name of tokens ``start:end`` with a bracket they leave open closed when the text closes
    it right after ("Tribunal of the World Bank (WB" + ")"), else cut before it.

    Example:
        >>> from onrecord.nlp import load_parser
        >>> doc = load_parser()("The Appeals Board of the Regional Bank (RB) found that the rules were broken.")
        >>> with_brackets_closed(doc, 0, 9)
        'Appeals Board of the Regional Bank (RB)'
    """
    for t in doc[start:end]:
        if t.text in "([" and not any(c.text in ")]" for c in doc[t.i + 1 : end]):
            if end < len(doc) and doc[end].text in ")]":  # the span stopped just before the closing bracket
                return clean_name(doc[start : end + 1].text)
            end = t.i
            break
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return clean_name(doc[start:end].text)


def _describes(token: Token, root: Token) -> bool:
    """Whether ``token`` (just after a comma) starts a phrase that only describes a word before the comma."""
    if token.lower_ in ("who", "which", "whose"):
        return True
    if token.ent_type_ == "PERSON":  # "the captain of the team, Jordan Stewart, …": the name, not a description
        return False
    comma = token.i - 1
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ in _DESCRIBING_DEPS and token.head.i < comma:
            return True
        token = token.head
    return False


def inside_quotes(doc: Doc) -> list[bool]:
    inside = [False] * len(doc)
    for q in doc_quotes(doc):
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None:
            inside[span.start : span.end] = [True] * len(span)
    return inside


def possessor(tokens, lex: RoleLexicon) -> Span | None:
    """The owner of a written source ("her statement", "the union's Friday release", "Trudeau's
    letter"): the one who speaks through it; None for any other source."""
    root = tokens.root
    if root.lemma_.lower() not in writing_nouns():
        return None
    owner = next((c for c in root.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    words = [t for t in owner.subtree if t.tag_ != "POS"]
    if not words:
        return None
    doc = tokens.doc
    return Span.of(doc_text(doc), words[0].idx, words[-1].idx + len(words[-1].text))


def possessed_kind(root: Token, lex: RoleLexicon) -> EntityKind:
    """What "X's office" / "X's lawyers" / "X's aide" is: an organisation, a group or a nominal."""
    if root.lemma_.lower() in lex.orgs or root.lower_ in lex.orgs:
        return EntityKind.ORGANISATION
    if root.tag_ in ("NNS", "NNPS") or root.lower_ in lex.groups:
        return EntityKind.GROUP
    return EntityKind.UNRESOLVED
