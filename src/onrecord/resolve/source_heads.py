"""What the head of a source phrase stands for: the noun a relative pronoun refers to ("a string of Tory MPs
who said", "the ruling in Fresno, which found"), whether a definite organisation noun refers back to one
named before, and whether organisation nouns name one body or several."""
from __future__ import annotations

from spacy.tokens import Token

from ..attribution.cues import load_cue_lexicon
from ..types import EntityKind
from .lexicon import finding_nouns, load_role_lexicon

#: nouns that count or gather people ("a string of Tory MPs who said"): "who" is the people
_COLLECTIVE_HEADS = {"string", "number", "group", "handful", "couple", "series", "lot", "dozen", "dozens", "host", "pair", "crowd", "bunch", "majority", "minority", "score", "scores"}
#: prepositions that place people ("Republicans in the state who …"): "who" is not the place
_PLACING_PREPS = {"in", "at", "from", "across", "around", "on", "throughout"}
#: "the MP for Newcastle Central, who": a place or a body is not what "who" stands for
_PLACE_ENTS = {"GPE", "LOC", "FAC", "ORG"}


def personal_antecedent(noun: Token, pronoun: Token | None = None) -> Token:
    """What "who" stands for when the parser hung the clause on the wrong noun: the people counted
    ("a string of MPs who") or placed ("Republicans in the state who"), not the count or the place;
    the body or person right before ``pronoun`` rather than a thing ("a fall-out between the cabinet
    and the health team who advised") or the other side of "between" ("a row between the cabinet and
    the board who")."""
    nearest = _noun_right_before(pronoun, noun)
    if nearest is not None and (_between_sides(noun, nearest) or not _can_be_people(noun) and _can_be_people(nearest)):
        return nearest
    if noun.lemma_.lower() in _COLLECTIVE_HEADS:
        of = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        if of:
            return of[0]
    if _names_people(noun):
        return noun  # "under fire from activist tech workers who have demanded": the people, not the place
    if noun.dep_ == "pobj" and (noun.head.lower_ in _PLACING_PREPS or noun.ent_type_ in _PLACE_ENTS) and noun.ent_type_ != "PERSON":
        prep = noun.head
        before = noun.doc[prep.i - 1] if prep.i > 0 else prep
        for people in (before, prep.head):  # the phrase hangs on the noun or, misparsed, on the verb
            if people.pos_ in ("NOUN", "PROPN"):
                return people
    return noun


def _noun_right_before(pronoun: Token | None, noun: Token) -> Token | None:
    """The head of the noun phrase that ends right before ``pronoun``, inside ``noun``'s phrase."""
    if pronoun is None or pronoun.i == 0:
        return None
    last = pronoun.doc[pronoun.i - 1]
    head = last if last.pos_ in ("NOUN", "PROPN") and last.dep_ != "compound" else None
    inside = head is not None and head.i != noun.i and noun.left_edge.i <= head.i <= noun.right_edge.i
    return head if inside and head.right_edge.i == last.i else None


def _between_sides(noun: Token, nearest: Token) -> bool:
    """"between A and B who": the relative clause is B's."""
    return nearest.dep_ == "conj" and nearest.head.i == noun.i and noun.head.lower_ in ("between", "among")


def _can_be_people(noun: Token) -> bool:
    """A person, a body or a people noun: what "who" can stand for."""
    return noun.ent_type_ in ("PERSON", "ORG", "NORP") or _names_people(noun) or noun.lemma_.lower() in load_role_lexicon().orgs


def _names_people(noun: Token) -> bool:
    """A role or people noun of ``data/roles.tsv`` ("officials", "residents"), or a plural common noun
    with no name tag ("baggage handlers"): "who" is people, and places are rarely plural ("in the state")."""
    if noun.tag_ == "NNS" and not noun.ent_type_:
        return True
    lex = load_role_lexicon()
    return any(w in lex.groups or w in lex.roles or w in lex.person_nouns for w in (noun.lower_, noun.lemma_.lower()))


#: "we" outside a quotation is the writer (or the writer's newsroom), not someone the article quotes
FIRST_PERSON = {"we", "us", "our"}
#: prepositions that give what something is about ("a story about her shoes which said"): "which" is not the topic
_TOPIC_PREPS = {"about", "on", "regarding", "concerning", "over"}
#: prepositions that place a thing ("signs in some locations that say"): "that" is the thing, not the place
_PLACE_PREPS = {"in", "at", "across", "around", "inside", "outside", "near"}


def speaking_antecedent(noun: Token) -> Token:
    """What "which"/"that" stands for when the parser hung the clause on the last noun: not a place ("the
    ruling in Fresno, which had found") nor a topic ("a story about her shoes which said"), but the noun
    they describe."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        if noun.ent_type_ in ("GPE", "LOC", "FAC") or noun.head.lower_ in _TOPIC_PREPS or noun.head.lower_ in _PLACE_PREPS:
            return noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ in _PLACE_PREPS and noun.head.head.pos_ == "VERB":
        # "hung signs in some locations that say": the object placed, not the place
        placed = [c for c in noun.head.head.children if c.dep_ == "dobj" and c.i < noun.head.i]
        if placed:
            return placed[0]
    return noun


def org_or_group(tokens, head: Token) -> EntityKind:
    """"The union" is an organisation; "many big unions", "Schools", "police and the Davis administration"
    are several: a group ("police" is plural only in form)."""
    plural = head.tag_ in ("NNS", "NNPS") and head.lower_ != head.lemma_.lower()
    joined = any(c.dep_ == "conj" and tokens.start <= c.i < tokens.end for c in head.children)
    return EntityKind.GROUP if plural or joined else EntityKind.ORGANISATION


def refers_back(tokens, head: Token) -> bool:
    """Whether a definite organisation noun can only mean one named before ("the agency", "the state
    agency"): a name in it or a phrase after its head ("The independent Sage group of science advisers",
    "The agency in charge of the grid") describes an organisation of its own."""
    if any(t.pos_ == "PROPN" and t.i != head.i for t in tokens):
        return False
    return not any(c.dep_ in ("prep", "relcl", "acl") and tokens.start <= c.i < tokens.end for c in head.children)


def describes_its_own(tokens, head: Token) -> bool:
    """Whether a definite role noun says whose role it is ("The British Labour Party's chancellor of the
    Exchequer", "the president of the union"): a named owner or a phrase after the head make it someone
    the article need not have named, not the person spoken of last."""
    inside = [c for c in head.children if tokens.start <= c.i < tokens.end]
    return any(c.dep_ == "prep" or c.dep_ == "poss" and c.pos_ == "PROPN" or c.dep_ == "poss" and any(t.pos_ == "PROPN" for t in c.subtree) for c in inside)


def subject_inside(doc, tokens, cue):
    """A source whose words are no one phrase (its root a comma: "the defeats of Carter in 1980, Walter
    Mondale in 1984, …, Democrats began to think"): the cue verb's subject inside it ("Democrats"), not the
    names before it. Any other source as it is."""
    if not tokens.root.is_punct or not cue:
        return tokens
    cue_tokens = doc.char_span(cue[0].start, cue[0].end, alignment_mode="expand")
    verbs = [t for t in cue_tokens or () if t.pos_ in ("VERB", "AUX")]
    subjects = [c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and tokens.start <= c.i < tokens.end]
    if not subjects:
        return tokens
    subject = subjects[0]
    return doc[max(subject.left_edge.i, tokens.start) : min(subject.right_edge.i + 1, tokens.end)]


def said_of_people(head: Token) -> bool:
    """Whether a noun has a relative clause opened by "who"/"whom", which only people take ("loggers who stayed")."""
    return any(c.dep_ == "relcl" and any(t.lower_ in ("who", "whom") and t.tag_ in ("WP", "WP$") for t in c.children) for c in head.children)


def speaks_as_people(head: Token, things: frozenset[str]) -> bool:
    """Whether a plural noun is the subject of a verb only people are the subject of (cue class "speech",
    ``data/cues.tsv``): "The loggers told investigators", "Residents claimed"; not a document or a thing
    ("Reports said", "the signs say")."""
    verb = head.head
    entry = load_cue_lexicon().entry(verb.lemma_.lower(), "VERB") if head.dep_ == "nsubj" and verb.pos_ == "VERB" else None
    lemma = head.lemma_.lower()
    return entry is not None and entry.cls == "speech" and lemma not in finding_nouns() and lemma not in things and head.lower_ not in things
