"""The tense of the clause a time expression sits in: it says which way a relative date points.

"The mayor resigned on Thursday" is the Thursday before publication, "the mayor will resign on
Thursday" the one after. The governing verb is the first verb above the expression in the parse;
its tag and morphology (spaCy: ``Tense=Past``, ``VerbForm=Part``), its auxiliaries (will, would,
modals, have) and a few heads that announce plans ("due", "scheduled", "expected to") decide.

Documented defaults where the text gives no tense (``tense_of`` → None): a weekday is taken as the
one before publication (news mostly reports what happened), a month or a month and day without a
year as the nearest one to the publication date, one ahead counting twice its distance since news
mostly reports the past ("payable Nov. 20" in an article of 2 November is the coming 20 November; "in
October" in an article of 8 January is the October before, "the Oct. 23 shooting" in May last October),
and the month of publication as itself ("sales in October" written in October). A date after
"for", "by", "until" or "through" is a target or a deadline, whatever the verb's tense ("has called a strike for
1 July"; after a verb that moves or grants a deadline it lies ahead: "postponed until Tuesday"), and a date that modifies a noun or an adjective rather than the clause ("payable Dec. 7",
"the Jan. 14 deadline", "Wednesday's ruling") is the date of that thing: both take the default.
"""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .lexicon import timex_lexicon

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "’ll"}
_FUTURE_HEADS = {"due", "schedule", "scheduled", "set", "expect", "expected", "plan", "planned", "go", "going", "intend", "aim", "poise", "poised",
                 "slate", "slated", "upcoming", "prepare", "hope", "forecast", "predict"}  # "forecasts the cold to return over the weekend"
#: Participles that announce a plan when they follow their noun ("a summit set for April", "talks scheduled in May").
_PLAN_PARTICIPLES = {"scheduled", "planned", "slated", "expected", "due", "set"}
#: Present-tense verbs that report rather than schedule ("says on Monday" is not about next Monday).
_REPORTING = {"say", "tell", "report", "claim", "state", "write", "add", "note", "confirm", "deny", "show", "suggest", "believe", "think", "know",
              # stative verbs: "the figures cover January to March" is not about next year
              "remain", "cover", "include", "contain", "mean", "involve", "represent", "reflect", "account", "span", "mark", "follow"}


def tense_of(span: SpacySpan) -> str | None:
    """"FUTURE", "PAST" or None (no tense in the text) for the clause around ``span``.

    Example:
        >>> from onrecord.nlp import load_base
        >>> doc = load_base()("The talks ended on Monday.")
        >>> tense_of(doc[4:5])
        'PAST'
    """
    root, head = span.root, span.root.head
    clause = _relative_clause_verb(span)
    if clause is not None:
        return _tense_of_verb(clause)
    if root.dep_ in ("poss", "compound", "nmod", "amod"):
        return None  # "Wednesday's ruling", "the Aug. 7 bombings": the day of a thing, not of the clause (even a present one)
    before = [t.lower_ for t in span.doc[max(0, span.start - 3) : span.start]]
    if before in (["as", "soon", "as"], ["as", "early", "as"]):
        return "FUTURE"  # "could come as early as Tuesday": the earliest of what lies ahead
    if head.lower_ == "since" and head.i < span.start:
        return "PAST"  # "since Monday", "the change since year-end": since points back, whatever the verb
    if _past_verb_tagged_adjective(span):
        return "PAST"
    if is_future(span):
        return "FUTURE"
    until = next((t for t in (head, head.head) if t.lower_ in ("until", "till") and t.i < span.start), None)  # "until 9 a.m. Tuesday"
    if until is not None and until.head.lemma_ in timex_lexicon()["deadline_verbs"]:
        return "FUTURE"  # a deadline moved or granted: "postponed until Tuesday", "gave them until 9 a.m. Tuesday"
    if head.dep_ == "prep" and head.lower_ in ("for", "by", "until", "till", "through", "to") and head.i < span.start:
        return None  # a target or deadline ("called a strike for 1 July", "extended to Nov. 20"): the verb's tense says nothing of it
    if root.dep_ in ("compound", "nmod", "poss", "amod") or (root.dep_ in ("npadvmod", "pobj") and _modifies_a_noun(root)):
        return None  # the date of a thing, not of the clause's event: "payable Dec. 7", "the Jan. 14 deadline"
    verb = _governing_verb(span)
    if verb is None:
        return None
    verb = _host_of_absolute(verb)
    if _past_in_present_form(verb):
        return "PAST"
    for token in (verb, *[c for c in verb.children if c.dep_ in ("aux", "auxpass")]):
        if "Past" in token.morph.get("Tense") and token.tag_ != "VBN" or token.tag_ == "VBD":
            return "PAST"
        if token.lemma_ == "have" and token is not verb:
            return "PAST"  # perfect: "has closed on Monday"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "advcl") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return "PAST"  # "statements made Friday" (not "before the case is heard in May": a present passive)
    return None


def _relative_clause_verb(span: SpacySpan) -> Token | None:
    """"colleges where by 25 September 1,300 had reported cases": a date right after "where"/"when" (and its preposition)
    is in the clause that word opens, whose verb follows it, whatever the parser hung the date on (often the noun before)."""
    doc, i = span.doc, span.start - 1
    if i >= 0 and doc[i].pos_ == "ADP":
        i -= 1
    if i < 0 or doc[i].lower_ not in ("where", "when") or doc[i].tag_ != "WRB":
        return None
    verb = next((t for t in doc[span.end : span.sent.end] if t.pos_ in ("VERB", "AUX")), None)
    return verb.head if verb is not None and verb.dep_ in ("aux", "auxpass") and verb.head.pos_ in ("VERB", "AUX") else verb


def _tense_of_verb(verb: Token) -> str | None:
    """"PAST", "FUTURE" or None from one verb's own form and auxiliaries (will, would, modals; a past form; have)."""
    kids = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in _FUTURE_AUX or c.tag_ == "MD" for c in kids) and not any(c.lemma_ == "have" for c in kids):
        return "FUTURE"
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" or c.lemma_ == "have" for c in kids):
        return "PAST"
    return None


def _past_in_present_form(verb: Token) -> bool:
    """A verb whose past is its base form ("hurt", "cut", "set") tagged present beside a singular noun subject.

    "Weakness hurt the index on Friday" cannot be a present (that would be "hurts"): the tagger's VBP is the past.
    """
    if verb.tag_ != "VBP" or verb.lower_ != verb.lemma_.lower() or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return any(c.dep_ in ("nsubj", "csubj") and c.tag_ in ("NN", "NNP", "VBG") for c in verb.children)  # a gerund subject is singular too


def _date_of_the_plan(verb: Token, span: SpacySpan) -> bool:
    """"planned a demonstration on Saturday": a date after the planned thing is its date, ahead as in "planned to march on Saturday".

    Not "On Friday, the government planned to pay" (the date comes first: the day the plan was made or told).
    """
    return verb.lemma_ in ("plan", "schedule") and any(c.dep_ == "dobj" and verb.i < c.i < span.start for c in verb.children)


def _could_not(verb: Token, kids: list[Token]) -> bool:
    """"could not be reached Wednesday", "neither he nor his aides could be located": a past attempt that failed, no plan."""
    if not any(c.lower_ == "could" for c in kids):
        return False
    return any(c.dep_ == "neg" for c in verb.children) or any(
        c.dep_ in ("nsubj", "nsubjpass") and any(g.dep_ == "preconj" and g.lower_ == "neither" for g in c.children) for c in verb.children)


def _modifies_a_noun(token: Token) -> bool:
    head = token.head.head if token.dep_ == "pobj" else token.head
    return head.pos_ in ("ADJ", "NOUN", "PROPN") and head.dep_ not in ("ROOT",)


def _past_verb_tagged_adjective(span: SpacySpan) -> bool:
    """"Clinton, meantime, glossed over warnings on Thursday": a past verb the tagger read as an adverbial adjective (JJ, advmod).

    An "-ed" adjective cannot modify a clause as an adverb; it is the clause's own past verb (else the date would take
    the tense of whatever verb lies above it, here a modal of the reported warning).
    """
    token = span.root
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head == token:
            return False
        token = token.head
        if token.tag_ == "JJ" and token.dep_ == "advmod" and token.lower_.endswith("ed") and any(c.dep_ == "prep" for c in token.children):
            return True
    return False


def _host_of_absolute(verb: Token) -> Token:
    """The verb an absolute "with" clause hangs on: "will leave on Mondays, with the third departing from August 6" is future."""
    host = verb.head.head
    if verb.tag_ == "VBG" and verb.head.lower_ == "with" and host.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return host
    return verb


def _governing_verb(span: SpacySpan) -> Token | None:
    token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head == token:
            return None
        token = token.head
    return None


def _in_past_clause(word: Token) -> bool:
    """Whether the verb of the clause above ``word`` (a participle after its noun) is in a past tense."""
    for _ in range(8):
        if word.head == word:
            return False
        word = word.head
        if word.pos_ in ("VERB", "AUX"):
            return word.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in word.children)
    return False


def _pluperfect(word: Token) -> bool:
    """Whether a plan word stands in the pluperfect ("had been scheduled", "had been due"): a plan of the past."""
    for _ in range(3):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in _auxiliaries(word)):
            return True
        if word.head == word or not (word.pos_ in ("ADJ", "AUX") or word.lemma_ == "be" or word.dep_ == "acomp"):
            return False
        word = word.head
    return False


def _auxiliaries(verb: Token) -> list[Token]:
    """The auxiliaries of ``verb``, or of the verb it is conjoined to: "had ruled … and set" is "had set" (they share them)."""
    own = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if own or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return own
    shared = [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD" and any(c.tag_ == "MD" for c in shared) and verb.head.dep_ in ("ccomp", "xcomp") and verb.head.head.pos_ in ("VERB", "AUX"):
        # a past form cannot follow the head's modal: "had ruled that he must be returned … and set Friday" is conjoined to "ruled"
        return [c for c in verb.head.head.children if c.dep_ in ("aux", "auxpass")]
    return shared


def is_future(span: SpacySpan) -> bool:
    """Whether the clause around ``span`` speaks of the future ("will meet on Thursday", "votes on Wednesday")."""
    token = span.root
    below = token  # the word through which the expression reaches the verb
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head == token:
            break
        below, token = token, token.head
    token = _host_of_absolute(token)
    if token.tag_ == "VBN" and token.dep_ in ("acl", "advcl", "amod") and not any(c.dep_ in ("aux", "auxpass") for c in token.children):
        # a past participle clause dates its own event ("the decision, announced Wednesday, …") unless it announces
        # a plan ("a summit set for April", "the ruling expected in May"; "set" only with "for": "the record set in May")
        # and the clause it sits in is not past ("a service planned for Saturday was canceled": the Saturday before)
        plan = token.lower_ in _PLAN_PARTICIPLES and (token.lower_ != "set" or any(c.lower_ == "for" for c in token.children))
        return plan and not _in_past_clause(token)
    for verb in (token, token.head):
        kids = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        words = {c.lower_ for c in kids}
        perfect = any(c.lemma_ == "have" for c in kids)
        if words & _FUTURE_AUX or "would" in words:
            return True
        if any(c.tag_ == "MD" for c in kids) and not perfect and not _could_not(verb, kids):
            return True  # "should be finished by", "could reopen on"
        past = verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in kids)
        if verb.lemma_ in _FUTURE_HEADS or verb.lower_ in _FUTURE_HEADS:
            return not _pluperfect(verb) and (not past or verb.lower_ in ("due", "set") or _date_of_the_plan(verb, span))
        raiser = verb.head.head if verb.dep_ in ("relcl", "acl") and verb.head.dep_ == "dobj" else verb.head  # "forecasts the cold to return"
        if verb.tag_ == "VB" and "to" in words and raiser.lemma_ in _FUTURE_HEADS | {"be"}:
            return not _pluperfect(raiser)  # "is due to attend … on Thursday" (not "had been due to expire Friday")
        if past or perfect or _past_in_present_form(verb):
            return False
        if verb.tag_ == "VBG" and any(c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in kids):
            return True  # present progressive: "is meeting on Thursday"
        present = verb.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in kids)
        copula_of_other = verb.lemma_ == "be" and below.dep_ in ("acomp", "attr", "nsubj") and below is not span.root
        if present and verb is token and verb.lemma_ not in _REPORTING and not copula_of_other and not any(c.dep_ == "auxpass" for c in kids):
            return True  # scheduled present: "the strike starts on Monday", "the match is on Saturday" (not "is linked", "are worth")
        if verb.head == verb:
            break
    return False


