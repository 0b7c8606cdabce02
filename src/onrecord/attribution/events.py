"""Events and states taken for statements, dropped with the other non-statements (:mod:`.nonstatements`).

Classes seen on real news pages, recognised from the parse and the data files, never from the page:

* a verb of business or another event, never of saying or thinking (``data/event_verbs.tsv``): "Iberojet
  has signed an interline agreement with …", "The course structure allows the staff to …";
* "offer" with a thing as its object: "the airline will offer its flights with a single ticket" (a
  business offer; "offered no explanation" offers words, a noun of ``data/kind_nouns.tsv`` or of the cue
  lexicon, and "offered to resign" a commitment: both stay);
* "see" of something undergone, not judged: "the partnership has seen its cadets trained abroad", "it
  would see all but essential workplaces closed" (a participle or a noun with one, no clause with a
  tense; "saw that …" and "sees it as …" stay);
* "expect" after "can/could/may" with only a noun phrase: "Participants can expect a range of
  activities" (what they will find there, no belief; "analysts expect a cut" and "expects to release"
  stay);
* "be" and an adjective of attitude with only a noun phrase: "They were concerned about the expense
  of the venture" (a state of mind about a thing, nothing held true; "were concerned that …" and
  "is angry about what he calls …" stay);
* a thought "about" or "of" a lone pronoun: "Some AI researchers are thinking about it" (a topic held
  in mind, nothing held true; "thought about it and said …" keeps its other cue);
* a parenthetical "it seems": "the mayor did, it seems, read the report" (the writer's impression; "it
  seems that …" is left to the other checks). With a subject and a to-infinitive, "seem" and "appear"
  keep the attribution but not its source (:func:`is_raised_subject`, used by :mod:`.nonstatements`):
  "I seem to always come back to …" is an impression about "I", not I's statement.
"""
from __future__ import annotations

import functools
from importlib import resources

from spacy.tokens import Doc, Token

from ..nlp import doc_text
from ..types import Attribution
from .cues import load_cue_lexicon
from .kinds import cue_word, load_kind_nouns
from .syntax import has_to_infinitive, is_expletive_source

#: modals that make "expect" a prospect for the subject, not a belief: "visitors can expect …"
PROSPECT_MODALS = {"can", "could", "may", "might"}
#: raising verbs: "X seems to …" is an impression of X, never X's statement
RAISING = {"seem", "appear"}
#: quotation marks: a quotation in the content is someone's words whatever the verb
_QUOTE_MARKS = set("“”\"«»„")


@functools.lru_cache(maxsize=1)
def load_event_verbs() -> frozenset[str]:
    """``data/event_verbs.tsv``: verbs of business and other events, never of saying or thinking."""
    text = resources.files("onrecord").joinpath("data/event_verbs.tsv").read_text("utf-8")
    return frozenset(line.split("\t")[0] for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _content_span(doc: Doc, a: Attribution):
    if not a.content:
        return None
    span = doc.char_span(a.content[0].start, a.content[-1].end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def quoted_content(doc: Doc, a: Attribution) -> bool:
    """A quotation mark inside the content or right at its edges: someone's words, whatever the verb or source."""
    text = doc_text(doc)
    return any(ch in _QUOTE_MARKS for s in a.content for ch in text[max(0, s.start - 1) : s.end + 1])


def _tensed_clause(token: Token) -> bool:
    """A clause with its own subject and a tense: "that prices rose", "the staff had been trained"."""
    deps = {c.dep_ for c in token.children}
    finite = token.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "mark") and c.lower_ != "to" for c in token.children)
    return bool(deps & {"nsubj", "nsubjpass", "expl"}) and finite


def _business_event(doc: Doc, verb: Token, a: Attribution) -> bool:
    """"has signed an interline agreement", "allows the staff to …": an event verb without a quotation."""
    if verb.lemma_.lower() not in load_event_verbs() or quoted_content(doc, a):
        return False
    return not any(c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) for c in verb.children)


def _offered_a_thing(doc: Doc, verb: Token, a: Attribution) -> bool:
    """"will offer its flights": an offer of goods or services, no words (an offer of words stays)."""
    if verb.lemma_.lower() != "offer" or quoted_content(doc, a) or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    if not objects:
        return False
    if any(c.dep_ in ("acl", "ccomp") for c in objects[0].children):
        return False  # "offered no proof that Clinton had a role": a claim offered
    lemma = objects[0].lemma_.lower()
    return lemma not in load_kind_nouns() and load_cue_lexicon().entry(lemma, "NOUN") is None


def _undergone(doc: Doc, verb: Token, a: Attribution) -> bool:
    """"has seen its cadets being trained", "would see all workplaces closed": something undergone."""
    if verb.lemma_.lower() != "see" or any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return False
    span = _content_span(doc, a)
    if span is None or span[0].lower_ in ("that", "how", "what", "why", "whether", "if", "who"):
        return False
    root = span.root
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return False  # "workers were seen stacking crates": observed, evidence
    if root.tag_ in ("VBN", "VBG"):  # with a subject of its own: "its cadets being trained"
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children) and not _tensed_clause(root)
    return root.pos_ in ("NOUN", "PROPN", "PRON") and any(c.dep_ == "acl" and c.tag_ in ("VBN", "VBG") for c in root.children)


def _prospect(doc: Doc, verb: Token, a: Attribution) -> bool:
    """"Participants can expect a range of activities": what the subject will find, not a belief."""
    if verb.lemma_.lower() != "expect" or not any(c.dep_ == "aux" and c.lower_ in PROSPECT_MODALS for c in verb.children):
        return False
    span = _content_span(doc, a)
    return span is not None and span.root.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and not quoted_content(doc, a)


def _attitude_to_a_thing(doc: Doc, verb: Token, a: Attribution) -> bool:
    """"were concerned about the expense of the venture": an adjective's object, a noun phrase only."""
    if quoted_content(doc, a):
        return False
    span = _content_span(doc, a)
    if span is None or span[0].lower_ in ("what", "how", "why", "whether", "who", "that"):
        return False
    root = span.root
    if root.pos_ not in ("NOUN", "PROPN", "NUM") or root.dep_ != "pobj":
        return False
    adjective = root.head.head  # "concerned" (a participle or adjective after "be") of "concerned about"
    return adjective.dep_ == "acomp" and adjective.head.lemma_.lower() == "be" and verb in (adjective, adjective.head)


def is_event_not_statement(doc: Doc, verb: Token, a: Attribution) -> bool:
    """Whether the candidate with cue verb ``verb`` reports an event or state (module docstring)."""
    return _business_event(doc, verb, a) or _offered_a_thing(doc, verb, a) or _undergone(doc, verb, a) or _prospect(doc, verb, a) or _attitude_to_a_thing(doc, verb, a) or _raised(verb) or _thought_about_a_pronoun(doc, verb, a)


def _thought_about_a_pronoun(doc: Doc, verb: Token, a: Attribution) -> bool:
    """"are thinking about it": the content is a pronoun, the object of the cue's "about" or "of"."""
    span = _content_span(doc, a)
    if span is None or len(span) != 1 or span.root.pos_ != "PRON" or span.root.dep_ != "pobj" or quoted_content(doc, a):
        return False
    prep = span.root.head
    entry = load_cue_lexicon().entry(verb.lemma_.lower(), "VERB")
    return prep.lower_ in ("about", "of") and prep.head == verb and entry is not None and entry.kind == "thought"


def _raised(verb: Token) -> bool:
    """"the mayor did, it seems, read …": a parenthetical "it seems", the writer's impression."""
    if verb.lemma_.lower() not in RAISING or verb.dep_ == "ROOT":
        return False
    return any(c.lower_ == "it" for c in verb.children) and all(c.lower_ == "it" or c.is_punct for c in verb.children)


def is_raised_subject(verb: Token) -> bool:
    """"I seem to always come back to …", "The new plan seems to have worked": the subject of a raising
    verb with a to-infinitive is what the impression is about, no source of it; "appeared to blame the
    workers", with a cue verb after it, reports the subject's words."""
    if verb.lemma_.lower() not in RAISING or not has_to_infinitive(verb):
        return False
    cues = load_cue_lexicon()
    return not any(c.dep_ == "xcomp" and cues.entry(c.lemma_.lower(), "VERB") is not None for c in verb.children)


def has_no_source_subject(doc: Doc, a: Attribution) -> bool:
    """Whether ``a``'s source is a subject that holds nothing: the expletive of "there’s growing fear
    that …", or the subject of a raising verb ("I seem to always come back to …")."""
    if is_expletive_source(a.source):
        return True
    verb = cue_word(doc, a) if a.cue and a.source else None
    return verb is not None and is_raised_subject(verb)
