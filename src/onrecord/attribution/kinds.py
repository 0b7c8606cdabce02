"""What an attribution reports: speech, writing, thought, evidence or intention.

The cue lexicon (``data/cues.tsv``, kind column, from each word's FrameNet frame) gives the kind
of a known cue word; the parse refines it and decides it for cue words the lexicon does not know:

* a quotation is speech or writing, whatever the verb beside it;
* the subject (or "according to" object) tells what kind of thing speaks: a document writes
  ("the statement said" -> writing), a study, poll or test finds ("Tests found …", "a poll shows")
  -> evidence (``data/kind_nouns.tsv``, from WordNet's noun classes); so does a clause as the subject
  of a verb that speaks or indicates ("Spending so much effort on it suggests that …"), and a thing that
  cannot speak ("the surge in complaints suggested …": :mod:`.inanimate`, after the kinds are assigned);
* a commitment or unknown verb whose only complement is an infinitive reports an intention
  ("vowed to fight", "plans to sell"); a noun cue of a plan or decision, likewise;
* a verb of speech or writing whose only content is a noun phrase reports a speech act on a thing,
  not what was said: "denied wrongdoing", "confirmed the wedding", "cited sources", "condemned the
  attacks" -> act (a quoted phrase, "called it “false”", "described him as …", "the claim that …"
  keep their kind); so does a speech verb negated or refused with no quotation ("did not say
  whether …", "declined to say why …"): nothing was said;
* an unknown cue whose content holds no words someone could have said (no quotation, no clause with
  a subject: "pleaded guilty to violating …", "is counting on public support") reports a deed: act;
* otherwise an unknown cue is speech (the default of :class:`~onrecord.types.AttributionKind`).
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace
from importlib import resources

from spacy.tokens import Doc, Token

from ..nlp import doc_text
from ..types import Attribution, AttributionKind, AttributionType
from .cues import load_cue_lexicon
from .syntax import SUBJECT_DEPS, has_to_infinitive

K = AttributionKind
#: FrameNet frames whose verbs commit the speaker to an act: with only an infinitive, an intention
COMMITMENT_FRAMES = {"Commitment", "Agree_or_refuse_to_act", "Desiring"}
#: perception verbs: in the passive the subject was observed ("were seen"), which is evidence
PERCEPTION = {"see", "hear", "notice", "observe", "spot", "watch"}


@functools.lru_cache(maxsize=1)
def load_kind_nouns() -> dict[str, AttributionKind]:
    """``data/kind_nouns.tsv``: noun lemma -> the kind of attribution it speaks with."""
    text = resources.files("onrecord").joinpath("data/kind_nouns.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, kind, _source = line.split("\t")
            out[lemma] = AttributionKind(kind)
    return out


@functools.lru_cache(maxsize=1)
def load_kind_verbs() -> dict[str, AttributionKind]:
    """``data/kind_verbs.tsv``: verbs outside the cue lexicon that the model may take as cues -> kind."""
    text = resources.files("onrecord").joinpath("data/kind_verbs.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, kind, _frame = line.split("\t")
            out[lemma] = AttributionKind(kind)
    return out


def cue_word(doc: Doc, a: Attribution) -> Token | None:
    """The cue's head word in ``doc``: the lexical verb of "has said", the noun of "in a statement"."""
    if not a.cue:
        return None
    span = doc.char_span(a.cue[0].start, a.cue[-1].end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    # "there’s growing fear": the noun, not the copula nor a participle before the noun
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX") and t.dep_ != "amod"]
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN")]
    if verbs and nouns and all(t.lemma_ == "be" for t in verbs):
        return nouns[0]
    if verbs:  # "has said", "said in a statement": the lexical verb, not the auxiliary
        return verbs[-1] if len(verbs) > 1 and verbs[0].pos_ == "AUX" else verbs[0]
    return nouns[0] if nouns else span.root


#: prepositions of a topic: "a story about her shoes which said" is the story speaking
_TOPIC_PREPS = {"about", "on", "regarding", "concerning", "over"}


def _subject(verb: Token) -> Token | None:
    for t in (verb, verb.head if verb.dep_ in ("conj", "xcomp") else None):
        if t is None:
            continue
        subjects = [c for c in t.children if c.dep_ in SUBJECT_DEPS]
        if subjects and subjects[0].lower_ in ("which", "that") and t.dep_ == "relcl":
            noun = t.head  # "a story about her eating avocados which said …": the story, not its topic
            return noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in _TOPIC_PREPS and noun.head.head.pos_ == "NOUN" else noun
        if subjects:
            return subjects[0]
    return None


def _clausal_subject(verb: Token) -> bool:
    """A clause, or a bare "this"/"that" standing for the sentence before, as the subject: a fact."""
    subject = _subject(verb)
    if subject is not None and subject.lower_ in ("this", "that") and not list(subject.children):
        return True  # "This suggests the Neanderthal were dedicated …": the writer's inference from a fact
    return subject is not None and subject.dep_ == "csubj"


def _noun_kind(token: Token | None) -> AttributionKind | None:
    """The kind a document, study or plan noun speaks with ("the statement", "tests", "a poll")."""
    if token is None or token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return None
    return load_kind_nouns().get(token.lemma_.lower())


def _counts_people(subject: Token | None) -> bool:
    """"A growing number are touting …": "number" in the singular counts whoever it is a number of."""
    return subject is not None and subject.lemma_.lower() == "number" and subject.tag_ == "NN"


def _only_infinitive(verb: Token) -> bool:
    """"vowed to fight", "plans to sell": the complement is an infinitive, with no that-clause."""
    deps = {c.dep_ for c in verb.children}
    return "xcomp" in deps and not deps & {"ccomp", "dobj"} and has_to_infinitive(verb)


#: what makes a noun-phrase content say something: a predicate ("called it a mistake", "described
#: him as …") or a clause on the noun ("the caveat that …", "a report saying …")
_SAYING_DEPS = {"oprd", "ccomp", "xcomp", "acl", "relcl", "appos"}
#: a quotation inside the content ("’" alone is an apostrophe: "the students’ actions")
_QUOTATION = re.compile(r"[“”\"«»„‘]|(?:^|\s)'\w")
_WH_WORDS = {"what", "who", "whom", "which"}


def _says(clause: Token) -> bool:
    """A clause on the content's noun that gives what was said: "the caveat that …", "a report saying
    …"; an infinitive ("a decision to impose …") or relative clause ("which council accepted") does not."""
    if clause.dep_ not in _SAYING_DEPS:
        return False
    if clause.dep_ in ("acl", "relcl"):
        first = clause.doc[clause.left_edge.i]
        return first.lower_ in ("that", "whether") or clause.tag_ == "VBG" and load_cue_lexicon().entry(clause.lemma_.lower(), "VERB") is not None
    return True


def _quoted(doc: Doc, a: Attribution) -> bool:
    """The content holds a quotation, or stands between quotation marks just outside its spans."""
    text = doc_text(doc)
    return any(_QUOTATION.search(text[max(0, s.start - 1) : s.end + 1]) for s in a.content)


def _reports_words(doc: Doc, a: Attribution) -> bool:
    """The content holds words someone could have said: a quotation, or a finite clause with its
    subject ("that the plant will close", "it won't include carbon pricing")."""
    if _quoted(doc, a) or _parenthetical(doc, a):
        return True
    for s in a.content:
        span = doc.char_span(s.start, s.end, alignment_mode="expand")
        root = span.root if span is not None else None
        if root is not None and root.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS | {"expl"} for c in root.children):
            return True
    return False


def _parenthetical(doc: Doc, a: Attribution) -> bool:
    """"The Central Bank, he continued, intervenes …": a cue set off by commas inside its content
    interrupts a sentence someone said."""
    if len(a.content) < 2 or not a.cue or not a.content[0].end <= a.cue[0].start < a.cue[-1].end <= a.content[-1].start:
        return False
    text = doc_text(doc)
    return text[a.content[0].end : a.cue[0].start].lstrip().startswith(",") and text[a.cue[-1].end : a.content[-1].start].strip() == ","


#: verbs whose infinitive is a speech act not performed: "declined to say why", "refused to confirm"
REFUSALS = {"decline", "refuse"}


def _withheld(doc: Doc, verb: Token, a: Attribution) -> bool:
    """"did not say whether …", "has not said he would veto …", "declined to say why …": no words
    were said (a quotation beside the cue still was)."""
    if _quoted(doc, a):
        return False
    negated = any(c.dep_ == "neg" for c in verb.children)
    return negated or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in REFUSALS)


def _names_a_thing(doc: Doc, verb: Token, a: Attribution) -> bool:
    """The content is only the verb's object, a noun phrase with no quotation and no clause of its own."""
    if not a.content or _quoted(doc, a):
        return False
    span = doc.char_span(a.content[0].start, a.content[-1].end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if _misparsed_that_clause(span) or any(_clause_after_object(t, verb, root) for t in span):
        return False  # "says data from the institute show that …": a clause after the object
    if root.dep_ == "prep" and root.head == verb and all(c.dep_ in ("pobj", "pcomp") for c in root.children):
        return True  # "asked about the case", "called for more regulations", "accused of three counts"
    on_verb = root.head == verb or (root.dep_ == "pobj" and root.head.head == verb)
    if not on_verb or root.dep_ not in ("dobj", "pobj", "oprd") or root.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
        return False
    if len(span) == 1 and root.lower_ in _WH_WORDS:
        return True  # "what he calls a disgrace": the object is a relative word, nothing said
    if root.dep_ == "oprd" and any(c.dep_ == "dobj" and c.lower_ in _WH_WORDS for c in verb.children):
        return True  # "what they call workplace harassment, unfair treatment …": a name given, no quotation
    if any(_says(c) for c in root.children) or any(c.dep_ in _SAYING_DEPS for c in verb.children):
        return False
    return not any(t.dep_ == "prep" and t.lower_ == "as" for t in [*verb.children, *span])  # "described X as Y"


def _clause_after_object(t: Token, verb: Token, root: Token) -> bool:
    """A finite clause of the cue after its object, with no conjunction of its own ("says data … show
    that …"; not "cited the figure, further raising …", "write this because …")."""
    return t.head == verb and t.dep_ in ("ccomp", "advcl") and t.i > root.i and t.tag_ in ("VBP", "VBZ", "VBD") and not any(c.dep_ == "mark" for c in t.children)


def _misparsed_that_clause(span) -> bool:
    """"explained that added value to produce increases the demand": a "that" the tagger read as a
    determiner, then no noun but a clause (a verb or adjective after it, five words or more); "explained
    that decision" names a thing."""
    return len(span) >= 6 and span[0].lower_ == "that" and span[0].dep_ == "det" and span[1].tag_ not in ("NN", "NNS", "NNP", "NNPS", "JJ", "CD")


def _according_to_kind(doc: Doc, a: Attribution) -> AttributionKind:
    cue = doc.char_span(a.cue[0].start, a.cue[-1].end, alignment_mode="expand")
    if cue is not None and len(cue) >= 2:
        objects = [c for c in cue[-1].children if c.dep_ == "pobj"] or [c for c in cue[0].children if c.dep_ == "pobj"]
        if objects:
            return _noun_kind(objects[0]) or K.SPEECH
    return K.SPEECH


def question_put_to_subject(token: Token) -> bool:
    """"Asked about the tattoo, Tegnell laughed": a participle of "ask" with no subject of its own
    (the tagger often calls the participle opening a sentence a past tense, "Asked what …")."""
    opens = token.i == token.sent.start or token.doc[token.i - 1].is_space or "\n" in token.doc[token.i - 1].text_with_ws
    return token.lemma_.lower() == "ask" and (token.tag_ == "VBN" or token.tag_ == "VBD" and opens) and token.dep_ == "advcl" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children
    )


#: words opening an embedded question: "explaining why …", "asked what …"
_QUESTION_OPENERS = {"why", "what", "how", "whether", "if", "where", "when", "who", "whom", "which"}


def _unnamed_question(doc: Doc, a: Attribution) -> bool:
    """No source and, as content, only an embedded question ("Explaining why he won't release …",
    "Asked what fascinates him, …"): the topic of words no one named is given, not the words."""
    if a.source or a.type is AttributionType.DIRECT or not a.content:
        return False
    span = doc.char_span(a.content[0].start, a.content[-1].end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].lower_ in _QUESTION_OPENERS


def _topic_question(doc: Doc, a: Attribution) -> bool:
    """The content is an embedded question after a preposition ("vote on what they want"): its topic."""
    if not a.content:
        return False
    span = doc.char_span(a.content[0].start, a.content[-1].end, alignment_mode="expand")
    return span is not None and span.start > 0 and span[0].lower_ in _QUESTION_OPENERS and doc[span.start - 1].pos_ == "ADP"


def _remembers_saying(verb: Token) -> bool:
    """"remembered telling", "recalls saying": a gerund of a speech verb (cue class speech) after the cue."""
    lexicon = load_cue_lexicon()
    return any(
        c.dep_ in ("xcomp", "ccomp", "dobj") and c.tag_ == "VBG" and (entry := lexicon.entry(c.lemma_.lower(), "VERB")) is not None and entry.cls == "speech"
        for c in verb.children
    )


def classify_kind(doc: Doc, a: Attribution) -> AttributionKind:
    """The kind of one attribution of ``doc`` (see the module docstring).

    Example:
        >>> doc = load_nlp(None)("Tests found the flue pipe had not been attached.")  # doctest: +SKIP
        >>> classify_kind(doc, doc._.attributions[0]).value  # doctest: +SKIP
        'evidence'
    """
    if not a.cue:  # a floating quotation continues a quote
        return K.SPEECH
    if a.cue_lemma in ("according to", "accord"):  # the learned model's lemma of "according to" is "accord"
        return _according_to_kind(doc, a)
    if a.cue_lemma == ":":
        return K.SPEECH
    token = cue_word(doc, a)
    lexicon = load_cue_lexicon()
    if token is None:
        return K.SPEECH
    pos = "NOUN" if token.pos_ in ("NOUN", "PROPN") else "VERB"
    entry = lexicon.entry(token.lemma_.lower(), pos) or lexicon.entry(a.cue_lemma, pos)
    kind = AttributionKind(entry.kind) if entry is not None else None
    if kind is None and not any(c.dep_ == "prt" for c in token.children):  # "sign off" is no signing
        kind = load_kind_verbs().get(token.lemma_.lower())
    if pos == "NOUN":
        return kind or _noun_kind(token) or K.SPEECH
    if a.type is not AttributionType.DIRECT and (question_put_to_subject(token) or kind in (None, K.SPEECH, K.WRITING) and _unnamed_question(doc, a)):
        return K.ACT  # "considering which candidate to endorse" stays a thought  # "Asked if it was connected, Peters said": the unnamed asker's question, not the subject's words
    # "messages stating that …": the noun the participle hangs on, when it is the source ("hit out at the
    # decision saying …", misparsed, is not)
    noun = token.head if token.dep_ == "acl" and token.tag_ == "VBG" and any(s.start <= token.head.idx < s.end for s in a.source) else None
    subject_kind = _noun_kind(noun or _subject(token))
    if a.type is AttributionType.DIRECT:
        return K.WRITING if K.WRITING in (kind, subject_kind) else K.SPEECH
    if kind in (None, K.SPEECH, K.WRITING) and (_names_a_thing(doc, token, a) or _withheld(doc, token, a)):
        # "Figures from the agency revealed a surge of cases": data show something, no one speaks
        return K.EVIDENCE if subject_kind is K.EVIDENCE and not _counts_people(_subject(token)) else K.ACT
    if kind in (None, K.SPEECH) and subject_kind in (K.WRITING, K.EVIDENCE):
        return subject_kind
    if kind in (None, K.SPEECH) and entry is not None and entry.cls in ("dual", "evidence") and _clausal_subject(token):
        return K.EVIDENCE  # "Spending so much effort on a tool suggests that …": a fact indicates, no one speaks
    if kind in (None, K.SPEECH) and (entry is None or entry.frame in COMMITMENT_FRAMES) and _only_infinitive(token):
        return K.INTENTION
    if kind is K.THOUGHT and _remembers_saying(token):
        return K.SPEECH  # "“I can't be left alone,” she remembered telling Harry": what she said
    if kind is K.THOUGHT and token.lemma_.lower() in PERCEPTION and any(c.dep_ == "nsubjpass" for c in token.children):
        return K.EVIDENCE  # "workers were seen stacking coffins": observed, not thought
    if kind is K.WRITING and subject_kind is K.EVIDENCE:
        return K.EVIDENCE
    if kind is None and _topic_question(doc, a):
        return K.ACT  # "tenants will begin to vote on what they want …": what the vote is about, no words
    if kind is None and not _reports_words(doc, a):
        return K.ACT  # "pleaded guilty to violating …", "held up signs calling for …": a deed, no words
    return kind or K.SPEECH


def assign_kinds(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions with their ``kind`` set."""
    return [replace(a, kind=classify_kind(doc, a)) for a in attributions]
