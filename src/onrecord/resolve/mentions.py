"""People named in an article, grouped into entities with their titles, roles and nationality.

"Russian President Vladimir Putin" … "President Putin" … "Putin" become one entity
named "Vladimir Putin" with title "President" and nationality "Russian"; appositions
("his Ukrainian counterpart, Volodymyr Zelensky") add roles.
"""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..nlp import doc_text
from ..types import EntityKind, Mention, Span
from .lexicon import RoleLexicon
from .name_gender import gender_of_first_name
from .names import TITLE_MODIFIERS
from .person_spans import NAME_PARTICLES, ORG_LABELS, POSSESSIVE, credit_or_heading, is_heading, person_spans

__all__ = ["ORG_LABELS", "EntityBuilder", "NameMention", "find_name_mentions", "fold", "group_people", "is_heading", "one_letter_apart"]


@functools.lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A name word as names are matched within an article: lowercase, accents dropped ("Honoré-Paul" and
    "Honore-Paul", one person spelt both ways in one story).

    Example:
        >>> fold("Honoré-Paul") == fold("Honore-Paul")
        True
    """
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


def one_letter_apart(a: str, b: str) -> bool:
    """Two folded surnames of five letters or more that differ in one letter past the first: one name
    misspelt once in a story ("Houser" said, then "Hauser" said).

    Example:
        >>> one_letter_apart("houser", "hauser"), one_letter_apart("clark", "clarke")
        (True, False)
    """
    return len(a) == len(b) >= 5 and a[0] == b[0] and sum(x != y for x, y in zip(a, b)) == 1


@dataclass
class EntityBuilder:
    """A mutable entity while an article is being resolved."""

    kind: EntityKind
    names: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    nationality: str | None = None
    gender: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    id: str = ""

    @property
    def name(self) -> str:
        if not self.names:
            return "unknown"
        return max(self.names, key=lambda n: (len(n.split()), len(n)))

    def surnames(self) -> set[str]:
        """The last word of each name, folded (:func:`fold`)."""
        return {fold(n.split()[-1]) for n in self.names}

    def first_names(self) -> set[str]:
        """The first word of each name of several words, folded (:func:`fold`)."""
        return {fold(n.split()[0]).rstrip(".") for n in self.names if len(n.split()) > 1}

    def add_name(self, name: str) -> None:
        if name not in self.names:
            self.names.append(name)

    def add_title(self, title: str) -> None:
        if title and title.lower() not in {t.lower() for t in self.titles}:
            self.titles.append(title)

    def last_offset(self, before: int) -> int:
        """Offset of the latest mention that starts before ``before`` (-1 if none)."""
        return max((m.span.start for m in self.mentions if m.span.start < before), default=-1)


@dataclass
class NameMention:
    """One person name in the text, with the words around it that describe the person."""

    span: Span  # the name itself, honorifics and possessive 's excluded
    name: str
    root: Token
    titles: list[str]
    nationality: str | None
    gender: str | None
    in_quote: bool
    is_subject: bool


def _strip_name(doc: Doc, ent: SpacySpan, lex: RoleLexicon) -> tuple[int, int, list[Token]]:
    """Token range of the bare name inside an entity span, and the honorifics taken off its front."""
    start, end = ent.start, ent.end
    while start < end - 1 and doc[start].pos_ == "ADP":  # "Among Latinos": a sentence-initial preposition the NER took in
        start += 1
    honorifics = []
    while start < end - 1 and (doc[start].lower_ in lex.honorifics or _joins_honorifics(doc, start, lex)):
        honorifics.append(doc[start])
        start += 1
    # "Taking Archie", "-President": a verb or a dash the NER took in front of a name
    while start < end - 1 and (doc[start].tag_ in _VERB_TAGS or not doc[start].text[:1].isalpha()):
        start += 1
    # "Meghan cry", "Obama Says": the name ends at its first verb or lower-case word (particles apart)
    for i in range(start + 1, end):
        t = doc[i]
        if t.text in (":", "|"):  # "Lena Okafor: Ships wait …": a label's colon ends the name
            end = i
            break
        if t.tag_ in _VERB_TAGS or (t.text[:1].islower() and t.lower_ not in NAME_PARTICLES and t.text not in POSSESSIVE and not t.is_punct):
            end = i
            break
    while end > start + 1 and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end, honorifics


_VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"}


def _joins_honorifics(doc: Doc, i: int, lex: RoleLexicon) -> bool:
    """"Vice-President": the hyphen between two honorific words."""
    return doc[i].text in ("-", "–") and i > 0 and doc[i - 1].lower_ in lex.honorifics and i + 1 < len(doc) and doc[i + 1].lower_ in lex.honorifics


DEMONYM_ENDINGS = ("ian", "ese", "ish", "ean", "an", "i", "ic")


def _is_nationality(token: Token, lex: RoleLexicon) -> bool:
    """"Russian", "Ukrainian", "Ostravan": a capitalised demonym before a role or name."""
    if not token.text[:1].isupper() or token.lower_ in lex.affiliations:
        return False
    if token.lower_ in lex.demonyms:
        return True
    return token.pos_ in ("ADJ", "PROPN") and token.lower_.endswith(DEMONYM_ENDINGS)


def _premodifiers(doc: Doc, start: int, root: Token) -> list[Token]:
    """Words in front of a name that describe the person: "Kremlin spokesperson", "Former President"."""
    out: list[Token] = []
    if root.dep_ == "compound" and root.head.pos_ == "NOUN":
        return out  # "700 Clinton supporters": the name describes something else
    j = start - 1
    while j >= 0:
        t = doc[j]
        if t.dep_ in ("compound", "amod", "nmod") and (t.head.i >= start or t.head in out) and t.ent_type_ != "PERSON":
            out.insert(0, t)
            j -= 1
        else:
            break
    return out


def _names_a_role(tokens: list[Token], lex: RoleLexicon) -> bool:
    return any(t.lower_ in lex.roles or t.lemma_.lower() in lex.roles or t.lower_ in lex.honorifics for t in tokens)


def _describe(tokens: list[Token], lex: RoleLexicon) -> tuple[str, str | None]:
    """Split describing words into a title (as written) and a nationality; words that name no
    role or title ("four classified", "700") give no title."""
    if not _names_a_role(tokens, lex):
        return "", next((t.text for t in tokens if _is_nationality(t, lex)), None)
    nationality = None
    kept = []
    for t in tokens:
        if nationality is None and _is_nationality(t, lex):
            nationality = t.text
        else:
            kept.append(t)
    title = "".join(t.text_with_ws if n + 1 < len(kept) and kept[n + 1].i == t.i + 1 else t.text + " " for n, t in enumerate(kept))
    return title.strip(), nationality


def _apposition_role(ent_root: Token) -> list[Token]:
    """Words of an apposition describing the person ("the party's leader", "his Ukrainian counterpart")."""
    if ent_root.dep_ == "appos" and ent_root.head.pos_ == "NOUN":
        head = ent_root.head
        skip = set(range(ent_root.left_edge.i, ent_root.right_edge.i + 1))
        return [t for t in head.subtree if t.i not in skip and t.dep_ not in ("det", "punct", "relcl", "acl") and not (t.dep_ == "poss" and t.pos_ == "PRON") and t.i <= head.i]
    for child in ent_root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            toks = [t for t in child.subtree if t.dep_ not in ("det", "punct") and not (t.dep_ == "poss" and t.pos_ == "PRON")]
            toks = [t for t in toks if t.i <= child.i or t.head.i == child.i and t.dep_ == "prep"]
            return [t for t in toks if t.i <= child.right_edge.i][:8]
    return []


def _given_name_before(words: list[Token], lex: RoleLexicon) -> bool:
    """"Wayne King", "Gayle King": a surname that is also a role word, after a given name that is no title."""
    return any(gender_of_first_name(w.text) and w.lower_ not in lex.roles and w.lower_ not in lex.honorifics
               and w.lower_ not in TITLE_MODIFIERS for w in words[:-1])


def find_name_mentions(doc: Doc, lex: RoleLexicon, inside_quote: list[bool]) -> list[NameMention]:
    """Every person name in the doc, with the titles, roles and nationality written around it."""
    spans = person_spans(doc, lex)
    out = []
    for s, e in spans:
        ent = doc[s:e]
        start, end, honorifics = _strip_name(doc, ent, lex)
        words = [t for t in doc[start:end] if not t.is_punct or t.text == "."]
        if not words or not any(w.text[:1].isupper() for w in words) or credit_or_heading(doc, s, e):
            continue
        if all(w.lower_ in lex.honorifics or w.lower_ in lex.roles for w in words) or (words[-1].lower_ in lex.roles and not _given_name_before(words, lex)):
            continue  # "President" alone, "Managing Director": a title, not a name ("Wayne King" is one)
        if len(words) == 1 and (words[0].lower_ in lex.groups or words[0].tag_ == "NNPS"):  # "Latinos", "Lady Sings": no person
            continue
        name = doc[start:end].text
        root = doc[start:end].root
        pre = honorifics if honorifics else []
        pre = _premodifiers(doc, start - len(honorifics), root) + pre
        title, nationality = _describe(pre, lex)
        role, role_nat = _describe(_apposition_role(root), lex)
        gender = None
        for t in pre:
            gender = gender or lex.gender_of_title(t.text)
        if gender is None and len(name.split()) > 1:
            gender = gender_of_first_name(name.split()[0])
        span = Span.of(doc_text(doc), doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        out.append(
            NameMention(
                span=span,
                name=name,
                root=root,
                titles=[x for x in (title, role) if x],
                nationality=nationality or role_nat,
                gender=gender,
                in_quote=inside_quote[start],
                is_subject=root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ in ("appos", "compound") and root.head.dep_ in ("nsubj", "nsubjpass")),
            )
        )
    return out


def _compatible(builder: EntityBuilder, words: list[str]) -> bool:
    first = fold(words[0]).rstrip(".")
    firsts = builder.first_names()
    if not firsts:
        return True
    # "Abu Hatab" ~ "Walid Abu Hatab", "Van der Berg" ~ "Jan van der Berg": a surname of several words
    tail = " " + " ".join(words).lower()
    if any((" " + n.lower()).endswith(tail) and len(n.split()) > len(words) for n in builder.names):
        return True
    # "Vladimir V. Putin" ~ "Vladimir Putin"; "V. Putin" ~ "Vladimir Putin"
    return any(f == first or (len(first) == 1 and f.startswith(first)) or (len(f) == 1 and first.startswith(f)) for f in firsts)


def _surname_referent(candidates: list[EntityBuilder]) -> EntityBuilder:
    """"Meadows" after "Rep. Mark Meadows" and "Debbie Meadows, his wife": news style names a second
    bearer of a surname in full each time, so a bare surname is the person it already stood for, else
    the bearer introduced first, not the one named last."""
    known = [p for p in candidates if any(m.form == "surname" for m in p.mentions)]
    if known:
        return max(known, key=lambda p: max(m.span.start for m in p.mentions if m.form == "surname"))
    return min(candidates, key=lambda p: min(m.span.start for m in p.mentions))


def group_people(mentions: list[NameMention]) -> list[EntityBuilder]:
    """Cluster name mentions into people: surnames join the longest compatible full name."""
    people: list[EntityBuilder] = []
    for m in mentions:
        words = m.name.split()
        target, alias = None, False
        if len(words) > 1:
            candidates = [p for p in people if fold(words[-1]) in p.surnames() and _compatible(p, words)]
        else:
            key = fold(words[0])
            candidates = [p for p in people if key in p.surnames() or key in p.first_names()]
            # "Camille Etienne Gbedey … Etienne said": the first word of a double surname, when one person has it
            inner = [p for p in people if any(key in n.lower().split()[1:-1] for n in p.names if len(n.split()) >= 3)]
            candidates = candidates or (inner if len(inner) == 1 else [])
            # "Trevor Houser said … Hauser said": a surname misspelt once, when it fits one full name only
            misspelt = [p for p in people if any(len(n.split()) > 1 for n in p.names) and any(one_letter_apart(key, s) for s in p.surnames())]
            alias = not candidates and len(misspelt) == 1
            candidates = misspelt if alias else candidates
        if candidates and len(words) > 1:
            target = max(candidates, key=lambda p: p.last_offset(m.span.start))
        elif candidates:
            target = _surname_referent(candidates)
        if target is None:
            target = EntityBuilder(EntityKind.PERSON)
            people.append(target)
        if len(words) > 1 or not alias:
            target.add_name(m.name)  # a misspelling is no name of the person
        for title in m.titles:
            target.add_title(title)
        target.nationality = target.nationality or m.nationality
        target.gender = target.gender or m.gender
        target.mentions.append(Mention(m.span, "name" if len(words) > 1 else "surname"))
    # "Demi", "Colton": a person known by a given name alone has that name's usual gender
    for p in people:
        if p.gender is None and all(len(n.split()) == 1 for n in p.names):
            p.gender = gender_of_first_name(p.names[0])
    # a surname seen before its full name ("Putin … Vladimir Putin") joins the one full name it fits
    for single in [p for p in people if all(len(n.split()) == 1 for n in p.names)]:
        fuller = [p for p in people if p is not single and fold(single.names[0]) in p.surnames()]
        if len(fuller) == 1:
            full = fuller[0]
            full.mentions.extend(single.mentions)
            for t in single.titles:
                full.add_title(t)
            full.gender = full.gender or single.gender
            full.nationality = full.nationality or single.nationality
            people.remove(single)
    return people
