"""Where the person names of an article are: the NER's PERSON spans with what the small model gets
wrong put right (names it tagged an organisation, names it missed, things it took for people), and
lines that are headlines, bylines or photo credits rather than sentences."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..nlp import doc_text
from .lexicon import RoleLexicon
from .name_gender import gender_of_first_name, is_given_name

NAME_LABELS = {"PERSON"}
ORG_LABELS = {"ORG", "GPE", "NORP", "FAC"}
POSSESSIVE = {"'s", "’s", "'", "’"}
#: lower-case words inside names ("Ludwig van Beethoven", "Bill de Blasio")
NAME_PARTICLES = {"van", "von", "der", "den", "de", "des", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "bin", "ibn", "al", "el", "y", "ter", "ten", "st.", "mc"}


def person_spans(doc: Doc, lex: RoleLexicon) -> list[tuple[int, int]]:
    """Token ranges of person names: NER PERSON spans, plus the names the small NER model
    mislabels (an ORG/GPE span that starts with a known given name, follows a role word, or
    repeats a person's name) and honorific + proper noun chains ("President Zelensky")."""
    ents = doc.ents  # spaCy builds this tuple on every access: once per document, not once per name
    words = _EntityWords(ents)
    spans = [(e.start, e.end) for e in ents if e.label_ in NAME_LABELS and not _no_person(doc, e, lex, words)]
    # "Raquel Montoya-Lewis" … "Montoya-Lewis" (tagged an organisation): a name without its first word
    known = {doc[s:e].text.lower() for s, e in spans} | {doc[e - 1].lower_ for s, e in spans} | {doc[s + 1 : e].text.lower() for s, e in spans if e - s > 1}
    person_words = {doc[e - 1].lower_ for s, e in spans}
    for ent in ents:
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
        if not all(t.pos_ == "PROPN" or t.text in ("-", "‑") or t.lower_ in NAME_PARTICLES for t in ent):
            continue
        # "Wet'suwet'en Hereditary Chief Na'moks": the name after a title inside an organisation's span
        at = next((i for i in range(ent.end - 2, ent.start - 1, -1) if _is_title_word(doc[i], lex)), None)
        if at is not None and ent.end - at <= 3 and all(t.text[:1].isupper() and t.lower_ not in lex.orgs and not _is_title_word(t, lex) for t in doc[at + 1 : ent.end]):
            spans.append((at + 1, ent.end))
            continue
        before = doc[ent.start - 1] if ent.start > 0 else None
        if (
            ent[0].lower_ in lex.first_names and len(ent) > 1
            # "Laurence des Cars, the museum's director, said": a given name of known gender, speaking
            or _named_speaker(ent, lex)
            or (before is not None and before.dep_ == "compound" and (before.lower_ in lex.roles or before.lower_ in lex.honorifics))
            or ent.text.lower() in known
            # "state epidemiologist Anders Tegnell" (tagged an organisation) … "Tegnell said": a given name of
            # known gender and a surname the text uses alone for a person after it (a full name after the
            # surname is more often a relative: "Jones scored … brother of Seth Jones")
            or (len(ent) in (2, 3) and ent[-1].lower_ in person_words and ent[-1].lower_ not in lex.orgs and gender_of_first_name(ent[0].text)
                and not any(e <= ent.start and doc[e - 1].lower_ == ent[-1].lower_ for s, e in spans))
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
        if j >= len(doc) or j in covered or doc[j].pos_ != "PROPN" or doc[j].ent_type_ in _NOT_NAMES or t.ent_type_ in _NOT_NAMES:
            continue
        end = j + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and end not in covered and doc[end].ent_type_ != "GPE":
            end += 1
        spans.append((t.i, end))
        covered.update(range(t.i, end))
    return sorted(set(spans))


#: entity types a title word never starts a name in ("Lady Sings the Blues", "Prince Edward Island")
_NOT_NAMES = {"GPE", "DATE", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE"}


def _named_speaker(ent: SpacySpan, lex: RoleLexicon) -> bool:
    """An organisation span of two to four words that starts with a given name, of either gender
    ("Laurence des Cars, the museum's president, said"), and is described by an apposition naming a role
    ("Gustavo Faleiros, an editor at …, said"; not "Amnesty International, the rights group")."""
    if not 2 <= len(ent) <= 4 or ent[-1].lower_ in lex.orgs or not is_given_name(ent[0].text) or not ent[0].is_title:
        return False
    appos = [c for c in ent.root.children if c.dep_ == "appos"]
    return any(a.lemma_.lower() in lex.roles or a.lower_ in lex.roles for a in appos)


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


class _EntityWords:
    """What the document's entities say about single words, read once per document: places, the surnames
    of full names, and how often a text is tagged an organisation or a person."""

    def __init__(self, ents):
        self.places = Counter(e.text.lower() for e in ents if e.label_ in ("GPE", "LOC", "FAC"))
        self.surnames = {_last_word(e).lower_ for e in ents if e.label_ == "PERSON" and len(e) > 1}  # "Damon Green’s" → green
        self.as_org = Counter(e.text for e in ents if e.label_ == "ORG")
        self.as_person = Counter(e.text for e in ents if e.label_ == "PERSON")


def _no_person(doc: Doc, ent: SpacySpan, lex: RoleLexicon, words_of_ents: _EntityWords) -> bool:
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
    if word.tag_ in ("NNS", "NNPS") or word.lemma_.lower() in lex.orgs or word.lower_ in lex.orgs or word.lower_ in lex.groups:  # "Schools are …"
        return True
    if ent.start > 0 and doc[ent.start - 1].lower_ == "the":
        return True
    known = words_of_ents
    if _opening_word(doc, word) and word.lower_ not in known.surnames and not is_given_name(word.text):
        return True
    # "Facebook": tagged an organisation more often than a person
    as_org = known.as_org[word.text] > known.as_person[word.text]
    # "Surrey": a place elsewhere in the text, unless a given name of known gender tagged a person more often
    # ("Demi", once a place; "Surrey" is no given name, whatever the tags)
    as_place = known.places[word.lower_] and (known.places[word.lower_] >= known.as_person[word.text] or gender_of_first_name(word.text) is None)
    return (as_place or as_org) and word.lower_ not in known.surnames


def _opening_word(doc: Doc, word: Token) -> bool:
    """"Anywho, that was the moment …": a word that opens its sentence before a comma and stands nowhere
    else in the text is a discourse marker, not a person; a person named by one word is named again
    ("Ujiri, meanwhile, …" … "Ujiri said"), or by a given name the caller checks."""
    first = next((t for t in word.sent if not (t.is_punct or t.is_space)), None)
    if first is None or first.i != word.i or word.i + 1 >= len(doc) or doc[word.i + 1].text != ",":
        return False
    return sum(t.lower_ == word.lower_ for t in doc) == 1


def _last_word(ent: SpacySpan) -> Token:
    words = [t for t in ent if t.text not in POSSESSIVE and not t.is_punct]
    return words[-1] if words else ent[-1]


def credit_or_heading(doc: Doc, start: int, end: int) -> bool:
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
