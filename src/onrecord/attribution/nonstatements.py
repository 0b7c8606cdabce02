"""Candidates that are no statement of their source, dropped after rules and model are merged.

Each is a class of error seen on real news, recognised from the parse, never from the page:

* a verb of action with only an object ("have not officially identified the man",
  ``data/act_verbs.tsv``); someone found in a state ("found him wounded"), a physical discovery;
* a verb of communication used in another sense: "called the police" (telephoned; "called it a
  mistake" and "called for talks" stay), "did not respond to requests for comment" (the content
  would be what was asked, not an answer);
* a request or question put *to* the subject: "Anyone with information is asked to call police",
  "Trudeau was asked what …": the subject is the addressee, not the speaker;
* the writer's own voice: "As we mentioned, …", the outlet's ("this newspaper understands", the
  article's own outlet by name: :mod:`.own_voice`), "it would be safe to say that …", "needless to say", "it remains difficult
  to predict how …", "it is worth emphasizing that …", "it should be noted that …", "That said, …"; the
  reader addressed in a condition, outside a quotation: "if you believe that its contents were not
  libellous, let us know", or as the one who would act ("a report card you'd be proud to show your
  parents", :mod:`.own_voice`);
* a source's request for anonymity: "who asked not to be named", "requested anonymity";
* a speech that was not made: its speaker is no one ("no-one could predict", "anyone who says") or it
  is a condition ("if they fail to tell their bosses"); "told to …" with no addressee, after a passive;
* "be" and an adjective with a conduct: "the Neanderthal were dedicated to making tools";
* a heading before a colon taken for a speaker: "Coronavirus: New York digs …", "ENERGY: Oil
  fell …" (a speaker before a colon is a name, an organisation, a source noun such as "Poll", a
  label in a transcript whose labels recur ("HOLT: … TRUMP: … HOLT: …"), or a label followed by
  someone talking: first or second person, a question, a command);
* events and states taken for statements ("has signed an agreement", "can expect a range of …",
  "were concerned about the expense"): :mod:`.events`;
* a related-article link left in a plain text: "WATCH: Sanders says Trump didn't cave", "READ MORE:
  Nova Scotia says …" (a related-link label in capitals opening the line; "UPDATE:" is no link).
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace
from importlib import resources

from spacy.tokens import Doc, Token

from ..nlp import doc_text
from ..types import Attribution, AttributionType
from .cue_rules import NOT_SPEAKERS, PERSONAL
from .cues import load_cue_lexicon
from .events import has_no_source_subject, is_event_not_statement
from .kinds import PERCEPTION, cue_word, load_kind_nouns, question_put_to_subject
from .own_voice import is_outlets_own_voice, is_the_readers_act
from .quotes import doc_quotes
from .syntax import has_to_infinitive, is_to_infinitive

#: verbs whose passive subject is the one addressed ("was asked", "is urged", "were told", "was informed")
ADDRESSEE_PASSIVES = {"ask", "urge", "tell", "advise", "encourage", "invite", "order", "call", "inform", "notify", "assure", "warn", "remind", "promise"}
#: predicates before "to say" that make the writer the speaker ("it is fair to say that")
WRITER_PREDICATES = {"safe", "fair", "needless", "hard", "difficult", "easy", "true", "suffice", "accurate", "enough", "worth", "impossible", "important"}
#: subjects of the predicate that leave the writer as the one speaking ("it is hard to predict", "needless to say")
IMPERSONAL = {"it", "this", "that"}
NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
#: verbs whose active use names the one addressed: without an object, "told to go" was said to the subject
ADDRESSEE_NEEDED = {"tell", "urge", "advise", "order", "instruct"}
#: sources that refer to no one: "anyone who knows", "no-one could predict"
NO_ONE = {"anyone", "anybody", "no one", "no-one", "noone", "nobody", "whoever"}
#: conjunctions that open a condition: "if they fail to tell"
CONDITION_MARKS = {"if", "unless"}



def _called_without_content(verb: Token) -> bool:
    # "called the sheriff's office asking questions": a participle is what the caller did, no content;
    # "For more information, call …": a phrase before the verb is no "called for"
    deps = {c.dep_ for c in verb.children if not (c.dep_ in ("ccomp", "xcomp", "oprd") and c.tag_ == "VBG")}
    # … and "call 212-… for more information" is no "called for" either: no object before "for"
    objects = [c.i for c in verb.children if c.dep_ == "dobj"]
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep" and c.i > verb.i and not any(o < c.i for o in objects)}
    return verb.lemma_.lower() == "call" and not deps & {"oprd", "ccomp", "xcomp", "attr", "acomp"} and "for" not in preps and "on" not in preps


def _responded_to_nothing(doc: Doc, verb: Token, a: Attribution) -> bool:
    """"did not respond to requests for comment": the content is only the "to" phrase."""
    if verb.lemma_.lower() not in ("respond", "reply") or not a.content:
        return False
    to = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"]
    if not to:
        return False
    start, end = to[0].idx, to[0].right_edge.idx + len(to[0].right_edge)
    return all(start <= s.start and s.end <= end + 1 for s in a.content)


@functools.lru_cache(maxsize=1)
def load_act_verbs() -> frozenset[str]:
    """``data/act_verbs.tsv``: verbs of action that report an act, not a statement, with an object."""
    text = resources.files("onrecord").joinpath("data/act_verbs.tsv").read_text("utf-8")
    return frozenset(line.split("\t")[0] for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _act_on_object(doc: Doc, verb: Token, a: Attribution) -> bool:
    """"Police have not officially identified the man": an act on an object, no content said."""
    if verb.lemma_.lower() not in load_act_verbs() or not a.content:
        return False
    span = doc.char_span(a.content[0].start, a.content[-1].end, alignment_mode="expand")
    if span is not None and span.root.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return True
    # "has pushed many of the centres to the brink": an object and no clause of the verb's after it (a
    # clause before it is the sentence before a colon, misparsed as its complement)
    deps = {c.dep_ for c in verb.children if c.i > verb.i}
    return "dobj" in deps and not deps & {"ccomp", "xcomp"}


def _event_perceived(verb: Token) -> bool:
    """"he would arrive to see Meghan crying": someone seen doing something (a participle with its own
    subject, no tense), an event perceived, not a thought; "saw that …" and "sees it as …" stay."""
    if verb.lemma_.lower() not in PERCEPTION:
        return False
    return any(
        c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VBG" and any(g.dep_ == "nsubj" for g in c.children)
        and not any(g.dep_ in ("aux", "mark") for g in c.children)
        for c in verb.children
    )


def _added_a_thing(verb: Token) -> bool:
    """"The ministry has added value added tax on luxury items": "add" with a noun object adds a thing;
    "added that …" and "he added, “…”" have none."""
    return verb.lemma_.lower() == "add" and not any(c.dep_ == "ccomp" for c in verb.children) and any(
        c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "NUM") and not any(g.dep_ in ("acl", "ccomp", "relcl") for g in c.children)
        for c in verb.children
    )  # "added the caveat that …" says it


#: verbs of discovering: with a person or thing found in a state, an event seen, not a finding
DISCOVERY = {"find", "discover"}


def _found_in_a_state(doc: Doc, verb: Token, a: Attribution) -> bool:
    """"they found him wounded and lying next to his shotgun", "officers found a man slumped between
    …", "agents found 475 pounds of cocaine concealed inside a vessel": someone or something found in
    a state (a participle with no tense of its own), a physical discovery; "tests found the pipe had
    not been attached" and "found that …" report a finding, and stay."""
    if verb.lemma_.lower() not in DISCOVERY or not a.content:
        return False
    if not a.source and verb.head.pos_ == "ADJ":
        return True  # "Unable to find transportation, Hajjaj …": what no one found, no finding
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and subjects[0].lemma_.lower() in load_kind_nouns():
        return False  # "the study found people exposed …": evidence
    span = doc.char_span(a.content[0].start, a.content[-1].end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    deps = {c.dep_ for c in root.children}
    if root.tag_ in ("VBN", "VBG"):
        return bool(deps & {"nsubj", "nsubjpass"}) and not deps & {"aux", "auxpass", "mark"}
    return root.pos_ in ("NOUN", "PROPN", "PRON") and any(c.dep_ == "acl" and c.tag_ in ("VBN", "VBG") for c in root.children)


def _addressee_passive(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma not in ADDRESSEE_PASSIVES:
        return False
    deps = {c.dep_ for c in verb.children}
    if "nsubjpass" in deps:
        return True
    if "auxpass" in deps:  # "someone who knows it and has been told to stay away": told, sharing the subject
        return True
    if deps & {"nsubj", "aux", "dobj", "dative"}:
        return False
    # "she had been plunged into a contract and told to read out notes": a verb that needs an
    # addressee, with none, is a passive whose subject was told
    return lemma in ADDRESSEE_NEEDED and verb.dep_ == "conj" and "xcomp" in deps


def _copula_property(doc: Doc, verb: Token, a: Attribution) -> bool:
    """"the Neanderthal were quite dedicated to making such tools": "be" and an adjective with no
    clause of its own after it ("is confident that …" has one) say what the subject is like; "the
    rezoning proved to be a central issue": "prove to be" is "turn out to be", no finding."""
    if verb.lemma_.lower() == "prove" and any(c.dep_ == "xcomp" and c.lemma_ == "be" and is_to_infinitive(c) for c in verb.children):
        return True
    if verb.lemma_.lower() != "be" or a.type is not AttributionType.INDIRECT or not a.content:
        return False
    span = doc.char_span(a.content[0].start, a.content[-1].end, alignment_mode="expand")
    # "concerned about the shift" is an attitude to something; "dedicated to making tools" a conduct
    return span is not None and span.root.pos_ == "VERB" and not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in span)


def _discourse_marker(verb: Token) -> bool:
    """"That said, the malware leaves files unencrypted": a connective opening the sentence, not a speech."""
    doc = verb.doc
    first = verb.i - 1
    return (first >= 0 and verb.lemma_.lower() == "say" and doc[first].lower_ in ("that", "this") and doc[first].tag_ == "DT"
            and (first == 0 or doc[first - 1].is_space or doc[first - 1].text in (".", "\n") or doc[first].is_sent_start)
            # "That said the government have argued …": the comma is often left out
            and verb.i + 1 < len(doc) and (doc[verb.i + 1].text == "," or verb.lower_ == "said"))


def _hypothetical(verb: Token) -> bool:
    """"No-one could predict", "if they fail to tell their bosses", "anyone who says": a speech verb
    whose speaker is no one, or in a condition, reports no statement that was made. An attitude
    ("no one expected …") is one ascribed to everyone and stays."""
    entry = load_cue_lexicon().entry(verb.lemma_.lower(), "VERB")
    if entry is None or entry.kind not in ("speech", "writing"):
        return False
    clause = verb
    while clause.dep_ in ("xcomp", "conj") and clause.head is not clause:
        clause = clause.head
    if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children):
        return True
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return False
    subject = subjects[0]
    if subject.lower_ in ("who", "that") and clause.dep_ == "relcl":
        subject = clause.head
    words = "".join(t.text_with_ws for t in subject.subtree if t.i <= subject.i).strip().lower()
    return subject.lower_ in NO_ONE or words in NO_ONE


def _writers_voice(verb: Token) -> bool:
    """"it would be safe to say", "needless to say", "it remains difficult to predict how …", "it is
    worth emphasizing that …", "it should be noted that …": no one but the writer speaks."""
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in IMPERSONAL for c in verb.children):
        return False
    if _impersonal_modal_passive(verb):
        return True
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    head = verb.head
    infinitive = is_to_infinitive(verb)
    if not infinitive and not (verb.tag_ == "VBG" and head.lower_ == "worth"):
        return False
    governor = head
    while True:  # "the mayor was careful to say", "Trump will find it difficult to repeat": someone speaks
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in IMPERSONAL for c in governor.children):
            return False
        if governor.dep_ not in ("acomp", "oprd", "attr", "xcomp", "ccomp", "conj") or governor.head is governor:
            break  # "conj": "it remains difficult to measure how much AI consumes, and even harder to predict …",
        # an adjective the parser coordinated with a verb stands for the main clause's predicate: its root
        governor = governor.sent.root if governor.dep_ == "conj" and governor.pos_ == "ADJ" and governor.head.pos_ != "ADJ" else governor.head
    words = {head.lower_, head.lemma_.lower()} | {w for c in head.children if c.dep_ in ("acomp", "attr", "amod") for w in (c.lower_, c.lemma_.lower())}
    return bool(words & WRITER_PREDICATES)


def _impersonal_modal_passive(verb: Token) -> bool:
    """"It should be noted that …", "Trump, it must be said, …": a cue verb in the passive with "it" as
    subject and a modal ("It was reported that …" names no one but reports someone's words, and stays)."""
    return (verb.tag_ == "VBN" and load_cue_lexicon().entry(verb.lemma_.lower(), "VERB") is not None
            and any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children)
            and any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children))


def _colon_label_is_no_speaker(doc: Doc, a: Attribution, labels: list[str]) -> bool:
    if a.cue_lemma != ":" or not a.source:
        return False
    span = doc.char_span(a.source[0].start, a.source[-1].end, alignment_mode="expand")
    if span is None:
        return False
    label = span.text.strip()
    if label.lower() in NOT_SPEAKERS:
        return True
    if any(t.ent_type_ in NAME_ENTS for t in span) or span.root.lemma_.lower() in load_kind_nouns():
        return False
    if label.isupper() and any(labels.count(x) > 1 for x in labels if x.isupper()):
        return False  # a transcript: its speakers come back
    return not _speaks(doc, a)


def _speaks(doc: Doc, a: Attribution) -> bool:
    """What follows the label is someone talking: in the first or second person, a question or a
    command ("We never agreed", "Then read it again"), not a heading's third-person narrative."""
    for s in a.content:
        span = doc.char_span(s.start, s.end, alignment_mode="expand")
        if span is None:
            continue
        if "?" in span.text or any(t.lower_ in PERSONAL for t in span):
            return True
        inside = [c for c in span.root.children if span.start <= c.i < span.end]
        if span.root.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in inside):
            return True
    return False


def _colon_labels(text: str) -> list[str]:
    return [m.group(1).strip() for m in re.finditer(r"(?m)^[\s\"“]*([^\W\d][^:\n]{0,40}):", text)]


#: a related-article link left in a plain text: "WATCH: Sanders says …", "READ MORE: Nova Scotia says …"
_LINK_LABEL = re.compile(r"[\s\"“]*([A-Z]+)(?: [A-Z]+)?:\s")
#: the related-link labels of ``data/page_chrome.tsv`` (its "widget" row); "UPDATE:" or "NOTE:" open
#: the article's own text
LINK_LABELS = {"watch", "read", "related", "video", "videos", "photos", "gallery", "listen", "more", "see"}


def _in_related_link(text: str, a: Attribution) -> bool:
    """The attribution sits on a line that a link label in capitals opens (WATCH, READ MORE, RELATED,
    VIDEO …): the headline of another article, not this one's text."""
    spans = a.content or a.cue
    if not spans:
        return False
    line_start = text.rfind("\n", 0, spans[0].start) + 1
    label = _LINK_LABEL.match(text, line_start)
    return label is not None and label.group(1).lower() in LINK_LABELS


def _reader_addressed(doc: Doc, a: Attribution) -> bool:
    """"If … you believe that its contents were not libellous, let us know": "you" in a condition,
    outside a quotation, is the reader the page speaks to (a site notice), no one who said anything."""
    if len(a.source) != 1 or not a.cue:
        return False
    if a.source[0].text.strip().lower() == "we" and _to_the_reader(doc, a):
        return True  # "We want to hear from you!": the page asking its readers
    if a.source[0].text.strip().lower() != "you":
        return False
    verb = cue_word(doc, a)
    clause = verb
    while clause is not None and clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    if clause is None or not any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children):
        return False
    cue = a.cue[0]
    return not any(q.start <= cue.start and cue.end <= q.end for q in doc_quotes(doc))


def _as_we_said(doc: Doc, a: Attribution) -> bool:
    """"As we mentioned, the biggest reason …", "as we reported last week": the writer recalling their
    own text, outside a quotation, not a source's statement."""
    if len(a.source) != 1 or a.source[0].text.strip().lower() != "we" or not a.cue:
        return False
    verb = cue_word(doc, a)
    if verb is None or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return False
    return not any(q.start <= a.cue[0].start < q.end for q in doc_quotes(doc))


def _to_the_reader(doc: Doc, a: Attribution) -> bool:
    """"We want to hear from you": "we" speaking to "you", neither inside a quotation."""
    spans = [*a.source, *a.cue, *a.content]
    if any(q.start <= s.start < q.end for q in doc_quotes(doc) for s in spans):
        return False
    text = doc_text(doc)
    return any(re.search(r"\byou(r|rs)?\b", text[s.start : s.end], re.IGNORECASE) for s in a.content)


def is_non_statement(doc: Doc, a: Attribution, labels: list[str] | None = None) -> bool:
    """Whether ``a`` is one of the non-statements of the module docstring."""
    if _in_related_link(doc_text(doc), a) or _reader_addressed(doc, a) or _as_we_said(doc, a) or is_outlets_own_voice(doc, a) or is_the_readers_act(doc, a):
        return True
    if a.cue_lemma == ":":
        return _colon_label_is_no_speaker(doc, a, labels if labels is not None else _colon_labels(doc_text(doc)))
    verb = cue_word(doc, a) if a.cue else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    if is_event_not_statement(doc, verb, a):  # "has signed an agreement", "can expect a range of …"
        return True
    cue = doc.char_span(a.cue[0].start, a.cue[-1].end, alignment_mode="expand")
    if any(_writers_voice(t) for t in cue or () if t.pos_ == "VERB"):  # "remains difficult to predict"
        return True
    return _act_on_object(doc, verb, a) or _added_a_thing(verb) or _event_perceived(verb) or _found_in_a_state(doc, verb, a) or _called_without_content(verb) or _responded_to_nothing(doc, verb, a) or _addressee_passive(verb) or _writers_voice(verb) or _discourse_marker(verb) or _hypothetical(verb) or _copula_property(doc, verb, a) or _anonymity_request(doc, a) or _addressee_only(doc, verb, a)


#: "who asked not to be named": a source's request for anonymity is how the article protects them, not a statement
_ANONYMITY = re.compile(r"^not to be (?:named|identified|quoted by name)\b|^anonymity\b", re.IGNORECASE)


def _anonymity_request(doc: Doc, a: Attribution) -> bool:
    return a.cue_lemma in ("ask", "request") and bool(a.content) and bool(_ANONYMITY.match(a.content[0].text.strip()))


def _addressee_only(doc: Doc, verb: Token, a: Attribution) -> bool:
    """"The UK Government has informed me as Governor": the one told, and no word of what or about what."""
    if verb.lemma_.lower() not in ADDRESSEE_NEEDED | {"inform", "notify", "brief"} or not a.content or a.type is not AttributionType.INDIRECT:
        return False
    span = doc.char_span(a.content[0].start, a.content[-1].end, alignment_mode="expand")
    told = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    # "informed the UK Government of this arrest": the topic, hung on the verb or on the one told
    said = [c for c in (*verb.children, *(g for t in told for g in t.children)) if c.dep_ in ("ccomp", "xcomp") or c.dep_ == "prep" and c.lower_ in ("of", "about", "on")]
    # a pronoun: "urged the county and the state, which …, to ensure …" has its request further on
    return span is not None and len(told) == 1 and told[0].pos_ == "PRON" and not said and span.root == told[0]


def _topic_subject(doc: Doc, a: Attribution) -> bool:
    """"The accused is alleged to have flung stones", "he is said to be ill": the subject of a passive
    report verb with an infinitive is what the report is about; whoever alleged it is not named."""
    verb = cue_word(doc, a) if a.cue and a.source else None
    if verb is None or verb.pos_ != "VERB" or not any(c.dep_ == "nsubjpass" for c in verb.children):
        return False
    return has_to_infinitive(verb)


def drop_non_statements(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions that are statements of their source (see the module docstring); a passive
    report's subject ("X is alleged to have …") is no source."""
    labels = _colon_labels(doc_text(doc))
    kept = [a for a in attributions if not is_non_statement(doc, a, labels)]
    return [replace(a, source=()) if _topic_subject(doc, a) or _asked_subject(doc, a) or has_no_source_subject(doc, a) else a for a in kept]


def _asked_subject(doc: Doc, a: Attribution) -> bool:
    """"Asked about her memoir, Billie Holiday replied": the subject was asked; who asked is not named."""
    verb = cue_word(doc, a) if a.cue and a.source else None
    # "Asked about the tattoo by newspaper GP": the agent asked, and stays the source
    return verb is not None and question_put_to_subject(verb) and not any(c.dep_ == "agent" for c in verb.children)
