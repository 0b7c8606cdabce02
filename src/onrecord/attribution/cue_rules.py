"""Cue rules: start from a cue (a reporting, attitude or evidence verb, a noun such as
"claim", "according to", or a speaker's colon) and take its complement as the content and
its subject as the source."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import CueLexicon, load_cue_lexicon
from .syntax import (
    CLAUSE_DEPS,
    CONTENT_PREPS,
    OBJECT_CUES,
    OBJECT_PREPS,
    SUBJECT_DEPS,
    Candidate,
    cue_tokens,
    find_source,
    has_to_infinitive,
    is_to_infinitive,
    minus,
    subtree_range,
    trim,
)

WEAK_RULES = {"verb-object", "verb-prep"}

def _content_of_verb(verb: Token, entry_lemma: str) -> tuple[list[tuple[int, int]], str] | None:
    """The content of a verb cue and the rule that found it."""
    doc = verb.doc
    # "The Tories believe A; they say B": a clause before a semicolon is a sentence of its own
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and not _pro_form(c)
               and not (c.i < verb.i and any(t.text == ";" for t in doc[c.right_edge.i + 1 : verb.i]))]
    split = _object_then_verb(verb)
    if split is not None:
        return [split], "verb-clause"
    if clauses:
        # a clause after the cue is its complement; one before it as well is the parser's reading of
        # the sentence the cue closes ("…, without meaning a word of it, told Tracy she was …")
        clauses = [c for c in clauses if c.i > verb.i] or clauses
        clause = max(clauses, key=lambda c: c.right_edge.i - c.left_edge.i)
        joined = _one_clause_split(verb, clauses)
        if joined is not None:
            return [joined], "verb-clause"
        if clause.pos_ == "ADJ" and not any(c.dep_ in ("dobj", "dative") for c in verb.children):
            return None  # "competitions that once seemed so promising": a verb and an adjective, no content
        if _finite_without_subject(clause):
            return None  # "X's retirement — revealed 30 hours before — has roiled …": the sentence's own verb
        start, end = subtree_range(clause)
        if start < verb.i < end:
            # "a declaration that Amnesty said could amount to a war crime": the clause's subject is the
            # relative pronoun before the cue; what was said is the clause after it
            start = verb.i + 1
        # "urged the union to return": keep the object that is the complement's subject
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < clause.i and clause.dep_ == "xcomp"]
        if objects and entry_lemma in OBJECT_CUES:
            start = min(start, objects[0].left_edge.i)
        return [(start, end)], "verb-clause"
    if verb.dep_ == "parataxis" or (verb.dep_ == "advcl" and _as_without_complement(verb)):
        # "Russia, he said, is ready" / "As X reiterated, Ukraine's conditions …"
        head_range = subtree_range(verb.head)
        parts = minus(head_range, subtree_range(verb))
        return [p for p in (trim(doc, *p) for p in parts) if p[1] > p[0]], "verb-parenthetical"
    if verb.dep_ in ("acl", "amod") or (verb.dep_ == "conj" and verb.head.dep_ in ("acl", "amod")):
        return None  # "the truce proposed by Putin": a participle modifying a noun, not a statement
    if entry_lemma in OBJECT_CUES:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        if objects and objects[0].i < verb.i and objects[0].lower_ in ("that", "which", "whom"):
            return None  # "the interview that some … must have feared": a relative pronoun, the writer's noun
        if objects and objects[0].i < verb.i and objects[0].lower_ == "what":
            return _free_relative_content(verb)
        if objects:
            start, end = subtree_range(objects[0])
            for child in verb.rights:
                if child.dep_ == "prep" and child.lower_ in OBJECT_PREPS and child.i >= end:
                    end = child.right_edge.i + 1
            return [(start, end)], "verb-object"
        preps = [c for c in verb.rights if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS]
        if preps:  # "accused of", "warned of", "called for"
            return [(preps[0].i, preps[0].right_edge.i + 1)], "verb-prep"
    return None


def _object_then_verb(verb: Token) -> tuple[int, int] | None:
    """"says data from the institute, STATIN, show that …": the parser takes the reported clause's
    subject for the cue's object and its verb for a clause of the cue (finite, no subject, no
    conjunction, right after the object); what was said is both."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.pos_ in ("NOUN", "PROPN")]
    if len(objects) != 1 or any(c.dep_ in CLAUSE_DEPS for c in verb.children):
        return None
    doc = verb.doc
    after = objects[0].right_edge.i + 1
    while after < len(doc) and doc[after].text == ",":
        after += 1
    nxt = doc[after] if after < len(doc) else None
    if nxt is None or nxt.head != verb or nxt.dep_ != "advcl" or nxt.tag_ not in ("VBP", "VBZ", "VBD"):
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" for c in nxt.children):
        return None
    return objects[0].left_edge.i, nxt.right_edge.i + 1


def _one_clause_split(verb: Token, clauses: list[Token]) -> tuple[int, int] | None:
    """"said Velázquez's push to approve the rezoning last year incensed her": the parser makes the
    subject's infinitive and the verb two clauses of the cue, one right after the other with nothing
    between; what was said is both. None unless there are exactly two such clauses after the cue."""
    after = sorted((c for c in clauses if c.i > verb.i and c.dep_ == "ccomp"), key=lambda c: c.i)
    if len(after) != 2 or after[0].right_edge.i + 1 != after[1].left_edge.i:
        return None
    first, second = after
    if _attitude_then_its_clause(first, second):
        return first.left_edge.i, second.right_edge.i + 1
    # the first is a subject with its infinitive ("push to approve …"), the second a verb with no subject
    # of its own and no cue ("… but said “…”" is a second statement)
    if not (is_to_infinitive(first) and any(c.dep_ in SUBJECT_DEPS for c in first.children)):
        return None
    if any(c.dep_ in SUBJECT_DEPS | {"mark"} for c in second.children) or load_cue_lexicon().entry(second.lemma_.lower(), "VERB") is not None:
        return None
    return first.left_edge.i, second.right_edge.i + 1


def _attitude_then_its_clause(first: Token, second: Token) -> bool:
    """"told the minister that they were concerned Level 3 would not be enough": a "that" clause
    ending in an attitude with no complement ("concerned", "worried") and the clause it is about, which
    the parser made a second clause of the cue; what was said is both."""
    marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in first.children)
    bare = first.tag_ in ("VBN", "JJ") or any(c.dep_ == "acomp" and c.right_edge.i == c.i for c in first.children)
    unfinished = not any(c.dep_ in ("ccomp", "xcomp", "prep", "dobj") for c in first.children)
    own_subject = any(c.dep_ in SUBJECT_DEPS for c in second.children) and not any(c.dep_ == "mark" for c in second.children)
    return marked and bare and unfinished and own_subject


def _free_relative_content(verb: Token) -> tuple[list[tuple[int, int]], str] | None:
    """"what he called the Covid “crisis”": the name given is the content; "what I can confirm is that
    the arrest …" (a pseudo-cleft): the clause after "is"; any other "what X said" names no content."""
    named = [c for c in verb.rights if c.dep_ == "oprd"]
    if named:
        return [subtree_range(named[0])], "verb-object"
    if verb.dep_ == "csubj" and verb.head.lemma_ == "be":
        said = [c for c in verb.head.rights if c.dep_ in ("ccomp", "attr")]
        if said:
            return [subtree_range(said[0])], "verb-clause"
    return None


#: dependents that give a verb its own complement: "as the Sixers maintain positive play", "as
#: temperatures felt as though winter had come" say something of their own, unlike "As X reiterated,"
_OWN_COMPLEMENTS = {"dobj", "ccomp", "xcomp", "acomp", "attr", "oprd", "dative"}


def _as_without_complement(verb: Token) -> bool:
    """"As X reiterated, Ukraine's conditions …": an "as" clause whose verb has no complement of its
    own, so that what it reports is the sentence around it. An adverbial clause right after the verb
    is one ("felt as though …"); after a comma it is the sentence going on ("ready, as Lavrov said
    in an interview, to resume talks")."""
    children = list(verb.children)
    if not any(c.lower_ == "as" and c.dep_ == "mark" for c in children):
        return False
    doc = verb.doc
    return not any(
        (c.dep_ in _OWN_COMPLEMENTS and not _names_no_content(verb, c) and not _pro_form(c))
        or (c.dep_ == "advcl" and c.i > verb.i and not any(t.text == "," for t in doc[verb.i : c.left_edge.i]))
        for c in children
    )


#: verbs whose object is the one addressed: "As she told the chamber, …" reports the sentence around it
_ADDRESSEE_OBJECT = {"tell", "inform", "remind", "assure", "brief", "warn", "advise", "write"}


def _names_no_content(verb: Token, child: Token) -> bool:
    """An object that is no content of the verb's own: the one addressed ("told reporters") or a
    pronoun standing for the sentence around it ("As the minister put it, …")."""
    if child.dep_ not in ("dobj", "dative"):
        return False
    return child.lower_ in ("it", "this", "so") or verb.lemma_.lower() in _ADDRESSEE_OBJECT


def _pro_form(clause: Token) -> bool:
    """"as he had promised to do", "as they are known to do (so)": "do" standing for the sentence around
    it, no content of its own."""
    return clause.lemma_.lower() == "do" and all(
        (c.dep_ == "aux" and c.lower_ == "to") or (c.dep_ == "advmod" and c.lower_ == "so") for c in clause.children
    ) and any(c.lower_ == "to" for c in clause.children)


def _finite_without_subject(clause: Token) -> bool:
    """A reported clause has a subject; a finite verb without one after the cue is the verb the cue
    interrupts, misparsed as its complement."""
    if clause.dep_ != "ccomp" or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark") for c in clause.children):
        return False
    return clause.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in clause.children)


def candidates_from_verbs(doc: Doc, lexicon: CueLexicon, starts: list[int]) -> list[Candidate]:
    out = []
    for i in starts:
        verb = doc[i]
        entry = lexicon.entry(verb.lemma_.lower(), "VERB")
        if entry is None:
            continue
        inverted = _inverted_after_clause(verb) if entry.cls == "speech" else None
        if inverted is not None:
            out.append(Candidate(cue_tokens(verb), inverted[0], inverted[1], entry.lemma, "verb-parenthetical", entry.strength))
            continue
        found = _content_of_verb(verb, entry.lemma)
        if found is None:
            continue
        content, rule = found
        if rule in WEAK_RULES and entry.cls in ("evidence", "dual") and _inanimate_subject(verb):
            continue  # "the remarks suggest a tentative opening": an inference, not a statement
        content = [r for r in (trim(doc, s, e, keep_quotes=True) for s, e in content) if r[1] > r[0]]
        if not content:
            continue
        source = None if _raised_passive(verb) else find_source(verb)
        if verb.dep_ == "relcl":
            source = _relative_source(verb)
        split = _object_then_verb(verb.head) if verb.dep_ == "advcl" else None
        if split is not None and split[1] == verb.right_edge.i + 1:
            source = trim(doc, split[0], verb.i)  # "says data … show that": the data show it
        content, source = _split_at_last_comma(doc, verb, content, source)
        if source is None:
            source = _coordinated_subject(verb)
        out.append(Candidate(cue_tokens(verb), content, source, entry.lemma, rule, entry.strength))
    return out


def _split_at_last_comma(doc: Doc, verb: Token, content: list[tuple[int, int]], source: tuple[int, int] | None):
    """"AMO found 475 pounds of cocaine … in Las Croabas, Customs and Border Protection announced
    Tuesday": the parser made the end of the reported clause the cue's subject. When the content
    ends where the source begins and a name follows the source's last comma, the name is the source
    and what comes before that comma the rest of the content."""
    if source is None or len(content) != 1 or content[0][1] > source[0] + 1 or source[1] != verb.i:
        return content, source
    commas = [t.i for t in doc[source[0] : source[1]] if t.text == ","]
    if not commas:
        return content, source
    tail = doc[commas[-1] + 1 : source[1]]
    if not tail or not tail[0].is_title or any(t.pos_ in ("VERB", "AUX", "PRON") for t in tail) or not any(t.pos_ in ("PROPN", "NOUN") for t in tail):
        return content, source
    return [trim(doc, content[0][0], commas[-1])], (tail.start, tail.end)


def _coordinated_subject(verb: Token) -> tuple[int, int] | None:
    """"She played nice … and, without meaning a word of it, told Tracy …": the parser makes the first
    of two coordinated verbs a complement of the cue; their shared subject is the cue's."""
    first = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i and any(x.dep_ == "cc" for x in c.children)), None)
    if first is None or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    subject = next((c for c in first.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subtree_range(subject) if subject is not None else None


def _inverted_after_clause(verb: Token) -> tuple[list[tuple[int, int]], tuple[int, int]] | None:
    """"That is a problem for society at large, argued Palvetzian.": a cue closing the sentence after
    a comma with its speaker after it. The parser makes the cue a verb coordinated with the clause
    before it, or the root with that clause as its complement, and the speaker its object. The
    content is the clause before the comma, the source the name after the cue."""
    doc = verb.doc
    head = verb.head
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if verb.dep_ in ("conj", "dep") and head.i < verb.i and any(c.dep_ in SUBJECT_DEPS for c in head.children):
        start = head.left_edge.i
    elif verb.dep_ == "ROOT" and before:
        start = min(c.left_edge.i for c in before)
    else:
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in CLAUSE_DEPS and c.i > verb.i for c in verb.children):
        return None
    speakers = [c for c in verb.rights if c.dep_ in ("dobj", "nsubj", "attr")]
    if len(speakers) != 1:
        return None
    speaker = speakers[0]
    if not (speaker.pos_ == "PROPN" or speaker.pos_ == "NOUN" and any(c.dep_ == "det" for c in speaker.children)):
        return None
    source = subtree_range(speaker)
    if any(not t.is_punct for t in doc[source[1] : verb.sent.end]):
        return None  # the sentence goes on after the name: not a closing cue
    content = trim(doc, start, verb.i)
    return ([content], source) if content[1] > content[0] else None


def _raised_passive(verb: Token) -> bool:
    """"Lee … is expected to be arraigned", "she is said to have left": the subject of a passive cue
    with an infinitive after it is what is expected or said, not who expects or says it (PolNeAR
    gives "is expected" no source)."""
    children = list(verb.children)
    return (
        any(c.dep_ == "auxpass" for c in children)
        and not any(c.dep_ == "agent" for c in children)
        and has_to_infinitive(verb)
    )


def _inanimate_subject(verb: Token) -> bool:
    subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return bool(subj) and subj[0].pos_ == "NOUN" and subj[0].ent_type_ == ""


def _relative_source(verb: Token) -> tuple[int, int] | None:
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        return subtree_range(subjects[0])
    return None


def candidates_from_nouns(doc: Doc, lexicon: CueLexicon, starts: list[int]) -> list[Candidate]:
    """"Moscow's claim that …", "the allegation by X that …"."""
    out = []
    for i in starts:
        noun = doc[i]
        entry = lexicon.entry(noun.lemma_.lower(), "NOUN")
        if entry is None:
            continue
        clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children if m.dep_ == "mark")]
        if not clauses:
            continue
        content = trim(doc, *subtree_range(clauses[0]), keep_quotes=True)
        source = None
        for child in noun.children:
            if child.dep_ == "poss":
                source = trim(doc, *subtree_range(child))
                # drop the possessive 's
                if doc[source[1] - 1].tag_ == "POS":
                    source = (source[0], source[1] - 1)
            elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
                pobj = [c for c in child.children if c.dep_ == "pobj"]
                if pobj:
                    source = trim(doc, *subtree_range(pobj[0]))
        if source is None and noun.dep_ in ("dobj", "attr"):
            source = find_source(noun.head)
        out.append(Candidate([noun.i], [content], source, entry.lemma, "noun-clause", entry.strength * 0.9))
    return out


#: first- and second-person words: a line after a colon label that holds one is someone talking
PERSONAL = {"i", "we", "you", "me", "us", "my", "our", "your", "mine", "ours", "yours"}

#: labels that end in a colon at the start of a line without being speakers
NOT_SPEAKERS = {"note", "update", "photo", "video", "watch", "read", "related", "source", "sources", "editor", "correction"}


def _is_name_word(token: Token) -> bool:
    # transcripts write speakers in capitals, which the tagger often calls nouns
    return (token.pos_ == "PROPN" and token.text[:1].isupper()) or (token.is_upper and token.is_alpha and len(token) > 1)


def candidates_from_colons(doc: Doc) -> list[Candidate]:
    """A name and a colon at the start of a line: transcripts ("PENCE: Well, look …") and headlines
    ("Poll: Wealthy Voters Abandon …"). The content is the rest of the line."""
    out = []
    starts = [0] + [t.i + 1 for t in doc if "\n" in t.text_with_ws and t.i + 1 < len(doc)]
    for i in starts:
        j = i
        while j < len(doc) and (doc[j].is_quote or doc[j].is_space):
            j += 1
        k = j
        while k < len(doc) and k - j < 4 and _is_name_word(doc[k]):
            k += 1
        if k == j or k >= len(doc) or doc[k].text != ":" or doc[j].lower_ in NOT_SPEAKERS:
            continue
        end = k + 1
        while end < len(doc) and "\n" not in doc[end - 1].text_with_ws:
            end += 1
        content = trim(doc, k + 1, end, keep_quotes=True)
        if content[1] - content[0] < 2:
            continue
        # an interview answer or transcript line speaks in the first or second person: the label is
        # its speaker even where other attributions nest inside it ("Thomas Malone: … I think …")
        speaks = any(t.lower_ in PERSONAL for t in doc[content[0] : content[1]])
        out.append(Candidate([k], [content], (j, k), ":", "colon-speaker", 0.9 if speaks else 0.7))
    return out
