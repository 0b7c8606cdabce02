"""Shared pieces of the rules: the Candidate type and dependency-parse helpers
(subtrees, trimming, cue extent, finding a cue's source)."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .quotes import Quote

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
#: dependencies we climb through to find the subject of a cue that has none ("before adding, …")
CLIMB_DEPS = {"advcl", "xcomp", "conj", "pcomp", "prep", "dep", "parataxis"}
#: complements that carry reported content
CLAUSE_DEPS = {"ccomp", "xcomp"}
#: verbs whose object was written by someone else: "received messages stating …" are the messages' words
RECEIVING = {"receive", "get", "see", "read", "find", "encounter", "notice", "spot"}


def is_to_infinitive(token: Token) -> bool:
    """Whether ``token`` heads a to-infinitive ("to fight", "to have left")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def has_to_infinitive(verb: Token) -> bool:
    """Whether ``verb`` takes a to-infinitive complement ("vowed to fight", "is said to have left")."""
    return any(c.dep_ == "xcomp" and is_to_infinitive(c) for c in verb.children)
#: cues whose direct object (and its "of/for/about" phrase) is the content
OBJECT_CUES = {
    "accuse", "deny", "confirm", "announce", "criticize", "criticise", "praise", "blame", "reject",
    "dispute", "condemn", "endorse", "support", "oppose", "dismiss", "propose", "recommend", "demand",
    "predict", "promise", "pledge", "question", "reveal", "disclose", "acknowledge", "admit", "cite",
    "describe", "call", "mock", "tout", "warn", "urge", "ask", "threaten", "favor", "favour", "want",
    "expect", "fear", "doubt", "show", "find", "estimate", "forecast", "label", "brand", "quote", "echo",
    "repeat", "mention", "report", "concede", "hint", "signal", "suggest", "indicate",
}
OBJECT_PREPS = {"of", "for", "about", "over", "as", "on", "to"}
#: prepositions that introduce content when a cue has no object ("warned of", "called for")
CONTENT_PREPS = {"of", "for", "about", "against"}
#: pure-speech verbs that attach to an adjacent quotation even when the parse does not link them
@dataclass
class Candidate:
    """An attribution over token indices (end exclusive), before conversion to characters."""

    cue: list[int]
    content: list[tuple[int, int]]  # token ranges
    source: tuple[int, int] | None
    cue_lemma: str
    rule: str
    strength: float
    quotes: list[Quote] = field(default_factory=list)


# ----------------------------------------------------------------------------- helpers


def subtree_range(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def trim(doc: Doc, start: int, end: int, keep_quotes: bool = False) -> tuple[int, int]:
    """Drop punctuation and conjunctions at the edges of a token range."""

    def droppable(t: Token) -> bool:
        if keep_quotes and t.is_quote:
            return False
        return t.is_punct or t.is_space or (t.dep_ == "cc" and t.i in (start, end - 1))

    while start < end and droppable(doc[start]):
        start += 1
    while end > start and droppable(doc[end - 1]):
        end -= 1
    return start, end


def nearest_subject(verb: Token, start: int, end: int) -> tuple[int, int]:
    """A source range narrowed to the verb's nearest subject when it holds two subjects of the verb (a
    misparse: "The bypass links Millbrook, but the route favours lorries" is not said by the bypass)."""
    subjects = sorted((c for c in verb.children if c.dep_ in SUBJECT_DEPS and start <= c.i < end), key=lambda c: c.i)
    if len(subjects) < 2 or not _clause_between(verb.doc, subjects[-2].i, subjects[-1].i):
        return start, end  # "deputy minister Walt Natynczyk and Lisa Campbell weighed in": two speakers, one source
    near_start, near_end = trim(verb.doc, *subtree_range(subjects[-1]))
    return max(near_start, start), min(near_end, end)


#: subjects that name who acts ("Henry", "the council", "he"), not a relative or dummy word
_NAMING_PRONOUNS = {"i", "we", "he", "she", "they"}


def own_subject(verb: Token, start: int, end: int) -> tuple[int, int] | None:
    """"Anne said there was concern …, and Henry condemned his relatives": a source range before the
    verb's own subject, holding the subject of another verb, gives way to the verb's own subject."""
    doc = verb.doc
    # "after he suggested she stay home": a source inside the cue's complement is what was suggested
    in_complement = start > verb.i and _inside_complement(verb, start, end)
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and (0 if in_complement else end) <= c.i < verb.i]
    if not own or not (own[0].pos_ in ("PROPN", "NOUN") or own[0].lower_ in _NAMING_PRONOUNS):
        return None
    if in_complement:
        return trim(doc, *subtree_range(own[0]))
    other = [t for t in doc[start:end] if t.dep_ in SUBJECT_DEPS and t.head.i != verb.i and t.head.i < own[0].i]
    if not other or not _clause_between(doc, other[0].i, own[0].i):
        return None
    return trim(doc, *subtree_range(own[0]))


def _inside_complement(verb: Token, start: int, end: int) -> bool:
    return any(c.dep_ in CLAUSE_DEPS and c.left_edge.i <= start and end <= c.right_edge.i + 1 for c in verb.children)


def _clause_between(doc: Doc, first: int, second: int) -> bool:
    """Whether a clause ends between two tokens: a finite verb, or a comma or semicolon before a contrasting
    conjunction (", but the route …"), rather than the "and" of two coordinated people."""
    between = doc[first + 1 : second]
    return any(t.tag_ in ("VBD", "VBZ", "VBP") or t.text in (",", ";") and t.i + 1 < second and doc[t.i + 1].lower_ in _CONTRAST for t in between)


_CONTRAST = {"but", "yet", "while", "whereas"}


def cue_tokens(verb: Token) -> list[int]:
    """The cue: the verb with its adjacent auxiliaries and negation before, and its particle after
    ("has suggested", "did not deny", "pointed out")."""
    doc = verb.doc
    tokens = [verb.i]
    i = verb.i - 1
    while i >= 0 and doc[i].head.i == verb.i and doc[i].dep_ in ("aux", "auxpass", "neg"):
        tokens.insert(0, i)
        i -= 1
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == tokens[-1] + 1:
            tokens.append(child.i)
    return tokens


def _subject_of(token: Token) -> tuple[int, int] | None:
    doc = token.doc
    # the parser sometimes hangs the subject on the auxiliary ("Putin has … signalled")
    children = list(token.children) + [g for c in token.children if c.dep_ in ("aux", "auxpass") for g in c.children]
    subjects = [c for c in children if c.dep_ in SUBJECT_DEPS]
    before = sorted((c for c in subjects if c.i < token.i), key=lambda c: c.i)
    if len(before) > 1 and _apposed_name(doc, before[-2], before[-1]):
        # "Managing Director of Carita Ltd, Rita Hilton says": the title and the name after its comma
        # parsed as two subjects; the source is both, and names her
        return trim(doc, before[-2].left_edge.i, before[-1].right_edge.i + 1)
    if len(before) > 1 and before[-2].right_edge.i + 1 == before[-1].left_edge.i and before[-1].pos_ == "PROPN" and before[-2].pos_ == "NOUN":
        # "Popular bar The Idle Hour said": a description and the name right after it, no comma, parsed
        # as two subjects; the source is both
        return trim(doc, before[-2].left_edge.i, before[-1].right_edge.i + 1)
    if len(before) > 1 and _clause_between(doc, before[-2].i, before[-1].i):
        # "The bypass links Millbrook, but the route favours lorries" parsed with two subjects: the nearer one
        # is the verb's; the other's subtree runs across the clause before it
        return trim(doc, *subtree_range(before[-1]))
    if before and len(subjects) > len(before):
        # "“The first I heard …,” said King, who resigned …": a word of the quotation hung on the verb as a
        # second subject; the inverted subject after the verb is the speaker
        return trim(doc, *subtree_range(min(subjects, key=lambda c: abs(c.i - token.i))))
    for child in children:
        if child.dep_ in SUBJECT_DEPS:
            return trim(doc, *subtree_range(child))
        if child.dep_ == "agent":  # passive: "was accused by X"
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj:
                return trim(doc, *subtree_range(pobj[0]))
    return None


def _apposed_name(doc: Doc, title: Token, name: Token) -> bool:
    """Two subjects of one verb that are a description and, right after its comma, a person's name."""
    start = name.left_edge.i
    return (
        title.right_edge.i + 1 == start - 1
        and doc[start - 1].text == ","
        and name.ent_type_ == "PERSON"
        and title.ent_type_ != "PERSON"
        and not _clause_between(doc, title.i, name.i)
    )


def _with_apposed_name(doc: Doc, source: tuple[int, int] | None) -> tuple[int, int] | None:
    """"A spokesperson for the authority, Carl Meyer, said": the parser often leaves the
    apposed name out of the subject; it belongs to the source."""
    if source is None:
        return None
    start, end = source
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ == "PERSON":
        j = end + 2  # past the comma and the name's first token
        while j < len(doc) and doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "I":
            j += 1
        if j < len(doc) and doc[j].text == ",":
            return start, j
    return source


def find_source(verb: Token) -> tuple[int, int] | None:
    """The subject of a cue, climbing to the governing verb when the cue has none
    ("before adding, “…”" takes the subject of the verb that "adding" depends on)."""
    return _name_before_cue(verb, _with_apposed_name(verb.doc, _find_subject(verb)))


def _name_before_cue(verb: Token, source: tuple[int, int] | None) -> tuple[int, int] | None:
    """"Asked about her memoir, Lady Sings the Blues, which was credited to her …, Billie Holiday
    replied": a name between the last comma and the cue is the speaker; the parser hung it on the
    title before it, which a relative clause or an apposition describes."""
    if source is None or source[1] != verb.i:
        return source
    doc = verb.doc
    commas = [t.i for t in doc[source[0] : source[1]] if t.text == ","]
    if not commas:
        return source
    tail = doc[commas[-1] + 1 : source[1]]
    described = any(t.dep_ in ("relcl", "appos") for t in doc[source[0] : commas[-1]])
    if described and 2 <= len(tail) <= 4 and all(t.pos_ == "PROPN" and t.is_title for t in tail):
        return tail.start, tail.end
    # "Speaking from a stage at the headquarters in Redmond, Washington, Chief Executive Satya Nadella
    # said": a participle opening the sentence is what the speaker did, the noun phrase after its
    # last comma the speaker
    if doc[source[0]].tag_ in ("VBG", "VBN") and 1 <= len(tail) <= 8 and any(t.pos_ in ("PROPN", "NOUN") for t in tail) and not any(t.pos_ in ("VERB", "AUX") for t in tail):
        return tail.start, tail.end
    return source


def _find_subject(verb: Token) -> tuple[int, int] | None:
    token = verb
    for _ in range(5):
        found = _subject_of(token)
        if found is not None:
            return found
        if token.head is token:
            return None
        if token.dep_ == "acl" and token.head.dep_ in ("dobj", "pobj"):
            if token.head.dep_ == "dobj" and token.head.head.lemma_.lower() in RECEIVING and token.head.left_edge.i < token.i:
                # "users reported receiving messages stating that …": the messages, not who got them
                return token.head.left_edge.i, token.i
            # "the ministry issued a statement saying …": the one who issued it
            token = token.head.head
            continue
        if token.dep_ not in CLIMB_DEPS:
            return None
        controller = _object_controller(token)
        if controller is not None:
            return controller
        own_clause = _bare_participle(token)
        token = token.head
        # a reported clause is not the speaker's: "X stated that Russia has …, before adding"
        while token.dep_ == "ccomp" and token.head is not token and not own_clause:
            token = token.head
    return None


def _object_controller(token: Token) -> tuple[int, int] | None:
    """"The man led employees to believe …", "urged voters to say …": the object of the verb an
    infinitive depends on is the infinitive's subject, not the verb's own subject."""
    if token.dep_ != "xcomp" or not is_to_infinitive(token):
        return None
    objects = [c for c in token.head.children if c.dep_ in ("dobj", "dative") and c.i < token.i and c.pos_ in ("NOUN", "PROPN", "PRON")]
    return trim(token.doc, *subtree_range(objects[0])) if objects else None


def _bare_participle(token: Token) -> bool:
    """"The owner said a man came in saying he …": a participle right after its verb, with no comma
    between, belongs to that verb's clause and subject (", adding that …" goes on the speaker's)."""
    head = token.head
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBG"
        and head.i < token.i
        and not any(t.is_punct for t in token.doc[head.i + 1 : token.i])
    )


def minus(outer: tuple[int, int], inner: tuple[int, int]) -> list[tuple[int, int]]:
    """``outer`` with ``inner`` cut out (0, 1 or 2 ranges)."""
    parts = [(outer[0], min(outer[1], inner[0])), (max(outer[0], inner[1]), outer[1])]
    return [(s, e) for s, e in parts if e > s]


#: a subject that stands for no one: "there’s growing fear that …"
_EXPLETIVES = {"there", "there's", "there’s"}


def is_expletive_source(source: tuple) -> bool:
    """Whether a source (spans with ``text``) is only the expletive "there": no one holds the fear of
    "there’s growing fear that …", and the attribution has no source."""
    return len(source) == 1 and " ".join(source[0].text.lower().split()) in _EXPLETIVES
