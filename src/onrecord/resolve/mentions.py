"""People named in an article, grouped into entities with their titles, roles and nationality.

"Russian President Vladimir Putin" … "President Putin" … "Putin" become one entity
named "Vladimir Putin" with title "President" and nationality "Russian"; appositions
("his Ukrainian counterpart, Volodymyr Zelensky") add roles.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..nlp import doc_text
from ..types import EntityKind, Mention, Span
from .lexicon import RoleLexicon
from .name_gender import gender_of_first_name

NAME_LABELS = {"PERSON"}
ORG_LABELS = {"ORG", "GPE", "NORP", "FAC"}
POSSESSIVE = {"'s", "’s", "'", "’"}


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
        return {n.split()[-1].lower() for n in self.names}

    def first_names(self) -> set[str]:
        return {n.split()[0].lower().rstrip(".") for n in self.names if len(n.split()) > 1}

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
#: lower-case words inside names ("Ludwig van Beethoven", "Bill de Blasio")
NAME_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "bin", "ibn", "al", "el", "y", "ter", "ten", "st.", "mc"}


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


def _person_spans(doc: Doc, lex: RoleLexicon) -> list[tuple[int, int]]:
    """Token ranges of person names: NER PERSON spans, plus the names the small NER model
    mislabels (an ORG/GPE span that starts with a known given name, follows a role word, or
    repeats a person's name) and honorific + proper noun chains ("President Zelensky")."""
    spans = [(e.start, e.end) for e in doc.ents if e.label_ in NAME_LABELS and not _no_person(doc, e, lex)]
    # "Raquel Montoya-Lewis" … "Montoya-Lewis" (tagged an organisation): a name without its first word
    known = {doc[s:e].text.lower() for s, e in spans} | {doc[e - 1].lower_ for s, e in spans} | {doc[s + 1 : e].text.lower() for s, e in spans if e - s > 1}
    person_words = {doc[e - 1].lower_ for s, e in spans}
    for ent in doc.ents:
        if ent.label_ not in ORG_LABELS:
            continue
        # "Ministry of Finance Brian Manning": a person named at the end of an organisation's span, when
        # the surname is a person's elsewhere in the text ("Manning said") or the given name is a common
        # one (data/first_names.tsv); "New York City", "County Public Schools" stay organisations
        if (len(ent) > 2 and ent[-1].pos_ == "PROPN" and ent[-2].pos_ == "PROPN" and ent[-3].pos_ == "PROPN" and ent[-2].is_title
                and gender_of_first_name(ent[-2].text) and ent[-1].lower_ not in lex.orgs and ent[-2].lower_ not in lex.orgs
                and (ent[-1].lower_ in person_words or ent[-2].lower_ in lex.first_names)):
            spans.append((ent.end - 2, ent.end))
            continue
        if not all(t.pos_ == "PROPN" or t.text in ("-", "‑") for t in ent):
            continue
        # "Wet'suwet'en Hereditary Chief Na'moks": the name after a title inside an organisation's span
        at = next((i for i in range(ent.end - 2, ent.start - 1, -1) if _is_title_word(doc[i], lex)), None)
        if at is not None and ent.end - at <= 3 and all(t.text[:1].isupper() and t.lower_ not in lex.orgs and not _is_title_word(t, lex) for t in doc[at + 1 : ent.end]):
            spans.append((at + 1, ent.end))
            continue
        before = doc[ent.start - 1] if ent.start > 0 else None
        if (
            ent[0].lower_ in lex.first_names and len(ent) > 1
            or (before is not None and before.dep_ == "compound" and (before.lower_ in lex.roles or before.lower_ in lex.honorifics))
            or ent.text.lower() in known
        ):
            spans.append((ent.start, ent.end))
    covered = {i for s, e in spans for i in range(s, e)}
    spans += _untagged_names(doc, covered, lex)
    covered = {i for s, e in spans for i in range(s, e)}
    for t in doc:
        if t.lower_ not in lex.honorifics or not t.text[:1].isupper() or t.i in covered:
            continue
        j = t.i + 1
        while j < len(doc) and doc[j].lower_ in lex.honorifics:  # "Prime Minister", "Vice President"
            j += 1
        if j >= len(doc) or j in covered or doc[j].pos_ != "PROPN" or doc[j].ent_type_ in ("GPE", "DATE", "NORP"):
            continue
        end = j + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and end not in covered and doc[end].ent_type_ != "GPE":
            end += 1
        spans.append((t.i, end))
        covered.update(range(t.i, end))
    return sorted(set(spans))


def _is_title_word(token: Token, lex: RoleLexicon) -> bool:
    return token.text[:1].isupper() and (token.lower_ in lex.honorifics or token.lower_ in lex.roles)


def _untagged_names(doc: Doc, covered: set[int], lex: RoleLexicon) -> list[tuple[int, int]]:
    """Names the small NER model missed: a chain of capitalised proper nouns outside every entity that
    starts with a given name of known gender ("Carole Laurin") and is a subject or has an apposition
    ("Carole Laurin, a teacher, …"), not in a heading."""
    out = []
    i = 0
    while i < len(doc):
        t = doc[i]
        if i in covered or t.pos_ != "PROPN" or not t.is_title or t.ent_type_ or t.lower_ in lex.honorifics or gender_of_first_name(t.text) is None:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end not in covered and doc[end].pos_ == "PROPN" and doc[end].is_title and not doc[end].ent_type_:
            end += 1
        last = doc[end - 1]
        subject = last.dep_ in ("nsubj", "nsubjpass") or (end < len(doc) and doc[end].text == "," and any(c.dep_ == "appos" for c in last.children))
        if 2 <= end - i <= 3 and subject and last.lower_ not in lex.orgs and not is_heading(doc, i):
            out.append((i, end))
        i = end
    return out


def _no_person(doc: Doc, ent: SpacySpan, lex: RoleLexicon) -> bool:
    """A PERSON span a reader would not take for a person: "KTRK" (an all-capital call sign), "the
    Louvre", "Youssef Al-Najjar Hospital" (an institution), "Surrey" (a place elsewhere in the text),
    "Facebook" (tagged an organisation more often than a person), unless a full name ends with it."""
    words = [t for t in ent if not t.is_punct]
    if not words:
        return True
    last = words[-1]
    if len(words) > 1 and (last.lower_ in lex.orgs or last.lemma_.lower() in lex.orgs) and last.text[:1].isupper():
        return True
    if len(words) > 1:
        return False
    word = words[0]
    if word.is_upper and len(word.text) > 1:
        return True
    if ent.start > 0 and doc[ent.start - 1].lower_ == "the":
        return True
    places = {e.text.lower() for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")}
    surnames = {_last_word(e).lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}  # "Damon Green’s" → green
    # "Facebook": tagged an organisation more often than a person
    as_org = sum(e.label_ == "ORG" for e in doc.ents if e.text == word.text)
    as_person = sum(e.label_ == "PERSON" for e in doc.ents if e.text == word.text)
    return (word.lower_ in places or as_org > as_person) and word.lower_ not in surnames


def _last_word(ent: SpacySpan) -> Token:
    words = [t for t in ent if t.text not in POSSESSIVE and not t.is_punct]
    return words[-1] if words else ent[-1]


def _credit_or_heading(doc: Doc, start: int, end: int) -> bool:
    """A name in a photo credit ("Tijana Martin / The Canadian Press", "(Erin Kim/CBC)"), a byline
    ("By James Whittaker", "James Whittaker - May 4") or a headline: never a person of the article."""
    after = doc[end] if end < len(doc) else None
    before = doc[start - 1] if start > 0 else None
    if after is not None and after.text in ("/", "|") or before is not None and before.text in ("/", "|"):
        return True
    if any("/" in t.text or t.text == "|" for t in doc[start:end]):  # "Tijana Martin /", "Nackstrand/AFP"
        return True
    if before is not None and before.lower_ in ("by", "photo", "photograph", "credit", "reporter", "reporting") and (before.i == 0 or "\n" in doc[before.i - 1].text_with_ws or doc[before.i - 1].is_punct and doc[before.i - 1].text in (":", "(", "|")):
        return True
    return is_heading(doc, start)


def is_heading(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is on a line that is a headline, a byline or a label rather than a sentence:
    no closing punctuation, and either short or in title case ("Obama Says He Will Veto Bill")."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, doc[i].idx) + 1
    line_end = text.find("\n", doc[i].idx)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if not line or line[-1] in ".!?\"”’:;)…" or len(line) > 200:
        return False
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) <= 6:
        return line_start > 0 or line_end >= 0  # a short line in a text of several lines
    return sum(w[:1].isupper() for w in words) >= 0.75 * len(words)


def find_name_mentions(doc: Doc, lex: RoleLexicon, inside_quote: list[bool]) -> list[NameMention]:
    """Every person name in the doc, with the titles, roles and nationality written around it."""
    spans = _person_spans(doc, lex)
    out = []
    for s, e in spans:
        ent = doc[s:e]
        start, end, honorifics = _strip_name(doc, ent, lex)
        words = [t for t in doc[start:end] if not t.is_punct or t.text == "."]
        if not words or not any(w.text[:1].isupper() for w in words) or _credit_or_heading(doc, s, e):
            continue
        if all(w.lower_ in lex.honorifics or w.lower_ in lex.roles for w in words) or words[-1].lower_ in lex.roles:
            continue  # "President" alone, "Managing Director": a title, not a name
        if len(words) == 1 and words[0].lower_ in lex.groups:  # "Latinos", "Republicans": a group, not a person
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
    first = words[0].lower().rstrip(".")
    firsts = builder.first_names()
    if not firsts:
        return True
    # "Vladimir V. Putin" ~ "Vladimir Putin"; "V. Putin" ~ "Vladimir Putin"
    return any(f == first or (len(first) == 1 and f.startswith(first)) or (len(f) == 1 and first.startswith(f)) for f in firsts)


def group_people(mentions: list[NameMention]) -> list[EntityBuilder]:
    """Cluster name mentions into people: surnames join the longest compatible full name."""
    people: list[EntityBuilder] = []
    for m in mentions:
        words = m.name.split()
        target = None
        if len(words) > 1:
            candidates = [p for p in people if words[-1].lower() in p.surnames() and _compatible(p, words)]
        else:
            key = words[0].lower()
            candidates = [p for p in people if key in p.surnames() or key in p.first_names()]
        if candidates:
            target = max(candidates, key=lambda p: p.last_offset(m.span.start))
        if target is None:
            target = EntityBuilder(EntityKind.PERSON)
            people.append(target)
        target.add_name(m.name)
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
        fuller = [p for p in people if p is not single and single.names[0].lower() in p.surnames()]
        if len(fuller) == 1:
            full = fuller[0]
            full.mentions.extend(single.mentions)
            for t in single.titles:
                full.add_title(t)
            full.gender = full.gender or single.gender
            full.nationality = full.nationality or single.nationality
            people.remove(single)
    return people
