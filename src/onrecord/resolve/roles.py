"""Role mentions: every description the text gives an entity, with its offsets and a normalised role.

Four shapes, read from the dependency parse around each mention of a resolved entity:

* premodifier: "Former President Donald Trump", "Kremlin spokesperson Dmitry Peskov";
* apposition: "Dmitry Peskov, the Kremlin spokesperson"; "his Ukrainian counterpart, Volodymyr Zelensky";
* predicate: "Peskov, who is Putin's spokesman"; "Ana Ruiz is the mayor of Springfield"; a clause of running
  for office: "Donald Trump, currently seeking the Republican nomination";
* nominal: a role noun the speaker resolution linked to the person ("the Ukrainian leader").

Each description is normalised to an office, an organisation or country and a qualifier with the words of
``data/role_terms.tsv``; descriptions naming no office there ("a father of three") give no role mention.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Token

from ..nlp import doc_text
from ..types import Entity, EntityKind, RoleMention, Span

_PREMOD_DEPS = {"compound", "amod", "nmod", "npadvmod", "punct", "poss", "case", "prep", "pobj"}
_EDGE_SKIP = {"det", "punct", "cc", "prep", "case"}
_ORG_ENTS = {"ORG", "GPE", "NORP", "LOC", "FAC", "PERSON"}


@dataclass(frozen=True)
class RoleTerms:
    """The words of ``data/role_terms.tsv``: offices (word tuple -> normalised form, class), qualifiers, seek verbs."""

    offices: dict[tuple[str, ...], tuple[str, str]]
    qualifiers: dict[str, str]
    seek: frozenset[str]
    adjectives: dict[str, str]  # "presidential" -> "president": the office a candidacy is for
    past: frozenset[str] = frozenset()  # words that put a title in the time spoken of ("administration", "under")
    seats: frozenset[str] = frozenset()  # offices one person holds at a time per jurisdiction ("governor")
    stages: dict[str, str] = dataclasses.field(default_factory=dict)  # "presumptive" -> presumptive, "likely" -> doubt

    @functools.cached_property
    def longest(self) -> int:
        return max(len(k) for k in self.offices)

    def office_class(self, office: str | None) -> str | None:
        """``head``, ``office`` or ``position`` for a normalised office."""
        return next((cls for norm, cls in self.offices.values() if norm == office), None)


@functools.lru_cache(maxsize=1)
def load_role_terms() -> RoleTerms:
    """Read ``data/role_terms.tsv`` once."""
    text = resources.files("onrecord").joinpath("data/role_terms.tsv").read_text("utf-8")
    offices, qualifiers, seek, adjectives, past, seats, stages = {}, {}, set(), {}, set(), set(), {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        words, kind, norm, cls = line.split("\t")
        if kind == "office":
            offices[tuple(words.split())] = (norm, cls)
        elif kind == "qualifier":
            qualifiers[words] = norm
        elif kind == "seek":
            seek.add(words)
        elif kind == "adjective":
            adjectives[words] = norm
        elif kind == "past":
            past.add(words)
        elif kind == "seat":
            seats.add(norm)
        elif kind == "stage":
            stages[words] = norm
    return RoleTerms(offices, qualifiers, frozenset(seek), adjectives, frozenset(past), frozenset(seats), stages)


# ---------------------------------------------------------------- normalising one description


def _words(tokens: list[Token]) -> list[tuple[str, Token]]:
    """Lower-case words of a description, hyphenated tokens split ("ex-President" -> "ex-", "president")."""
    out: list[tuple[str, Token]] = []
    for t in tokens:
        if t.is_punct and t.text not in ("-",):
            continue
        low = t.lower_
        if "-" in low.strip("-") and len(low) > 1:
            first, _, rest = low.partition("-")
            out += [(first + "-", t), (rest, t)] if first in ("ex", "then") else [(first, t), ("-" + rest, t)]
        else:
            out.append((low, t))
    return out


def normalise_role(tokens: list[Token], terms: RoleTerms | None = None) -> tuple[str | None, str | None, str | None]:
    """(office, org, qualifier) of a description's tokens; office None when it names none.

    The office is the longest phrase of ``role_terms.tsv`` (by word or lemma), the one at the description's
    head when there are several; the organisation the proper nouns and nationality words that are neither
    office nor qualifier ("Kremlin", "Republican"), or the object of "of" ("mayor of Springfield").
    """
    terms = terms or load_role_terms()
    words = _words(tokens)
    found: list[tuple[int, int, str]] = []  # (start, end, office) in words
    i = 0
    while i < len(words):
        for n in range(min(terms.longest, len(words) - i), 0, -1):
            key = tuple(w for w, _ in words[i : i + n])
            lemma_key = key[:-1] + (words[i + n - 1][1].lemma_.lower(),)
            hit = terms.offices.get(key) or terms.offices.get(lemma_key)
            if hit:
                found.append((i, i + n, hit[0]))
                i += n - 1
                break
        i += 1
    if not found:
        qualifier = next((terms.qualifiers[w] for w, _ in words if w in terms.qualifiers), None)
        return None, None, qualifier
    heads = {t.i for t in tokens if t.head.i not in {x.i for x in tokens} or t.head.i == t.i}
    at_head = [f for f in found if any(words[k][1].i in heads for k in range(f[0], f[1]))]
    start, end, office = (at_head or found)[-1]
    office_tokens = {words[k][1].i for k in range(start, end)}
    qualifier = None
    first_office, last_office = min(office_tokens), max(office_tokens)
    for w, t in words:
        q = terms.qualifiers.get(w) or terms.qualifiers.get(w.strip("-"))
        # the qualifier of the office, not of another word: "former rival New Jersey Gov." is no former governor;
        # "President-elect", "Secretary-designate": joined to the office after it by a hyphen
        # "former Maryland Gov.": only the office's place (proper nouns) between the qualifier and the office
        place_between = t.i < first_office - 1 and all(
            x.pos_ == "PROPN" or x.ent_type_ in ("GPE", "NORP") for x in t.doc[t.i + 1 : first_office])
        scoped = (t.head.i in office_tokens or t.i == first_office - 1 or t.i == first_office - 2 and t.nbor().text in ("-", "–")
                  or t.i == last_office + 2 and t.nbor(-1).text in ("-", "–") or place_between)
        if q and t.i not in office_tokens and qualifier is None and (scoped or q == "candidate"):
            qualifier = q
    return office, _organisation(tokens, office_tokens, terms), qualifier


def _organisation(tokens: list[Token], office_tokens: set[int], terms: RoleTerms) -> str | None:
    """The organisation or country of a description: capitalised words outside office and qualifier."""
    for t in tokens:  # "mayor of Springfield", "president of the United States"
        if t.i in office_tokens and t.lower_ != "of":
            for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "at", "for")):
                objs = [c for c in prep.children if c.dep_ == "pobj" and c.text[:1].isupper() and c.i not in office_tokens]
                if objs:
                    sub = [x for x in objs[0].subtree if x.dep_ not in ("det", "punct")]
                    return _clean(" ".join(x.text for x in sub))
    groups: list[list[Token]] = []
    for t in tokens:
        capital = t.text[:1].isupper() and not t.is_punct
        named = t.ent_type_ in _ORG_ENTS or t.pos_ == "PROPN" or (capital and t.pos_ == "ADJ")
        skip = t.i in office_tokens or t.lower_ in terms.qualifiers or t.lower_ in terms.adjectives and t.pos_ == "ADJ" or t.lower_ in ("the", "a", "an")
        if skip or not (named and capital):
            if groups and groups[-1]:
                groups.append([])
            continue
        if not groups:
            groups.append([])
        groups[-1].append(t)
    groups = [g for g in groups if g]
    return _clean(" ".join(t.text for t in groups[0])) if groups else None


def _clean(text: str) -> str | None:
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    text = text.replace(" ’s", "").replace(" 's", "").strip()
    return text or None


# ---------------------------------------------------------------- finding descriptions


#: conjunctions of clauses about another time or a condition: "once Obama is former president Obama"
_OTHER_TIME = {"once", "if", "when", "while", "unless", "until", "after", "before", "whether"}


def _in_other_time(token: Token) -> bool:
    """Whether the clause the name is in is conditional or about another time (its verb has such a marker)."""
    node = token
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ in _OTHER_TIME for c in node.children):
            return True
        if node.head.i == node.i or node.dep_ in ("ccomp", "ROOT"):
            return False
        node = node.head
    return False


def _hypothetical(tokens: list[Token]) -> bool:
    """Whether a name (with its premodifiers) stands for someone the text imagines: "a President Trump"."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for t in tokens for c in t.children)


def _modal(verb: Token) -> bool:
    """Whether a "be" is modal or infinitive ("would be president", "wants to be president"): not a description of now."""
    return any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in verb.children)


def _plural_head(tokens: list[Token]) -> bool:
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return bool(heads) and heads[-1].tag_ in ("NNS", "NNPS")


def _span_of(doc: Doc, tokens: list[Token]) -> Span | None:
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].dep_ in _EDGE_SKIP or tokens[0].is_punct or (tokens[0].dep_ == "poss" and tokens[0].pos_ == "PRON")):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in ("cc", "case")):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return Span.of(doc_text(doc), tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


def _premodifiers(doc: Doc, first: int, last: int) -> list[Token]:
    """Words in front of a name that hang on it ("Former President", "Kremlin spokesperson", "Secretary of State")."""
    j = first
    while j > 0:
        t = doc[j - 1]
        # "Speaker of the House Paul Ryan": an article inside an "of" phrase belongs to the description
        inner_det = t.dep_ == "det" and t.head.dep_ == "pobj" and t.head.i < first
        if not inner_det and t.dep_ not in _PREMOD_DEPS or t.ent_type_ == "PERSON" and t.dep_ != "poss" or "\n" in t.text_with_ws:
            break
        j -= 1
    run = set(range(j, first))

    def reaches_name(t: Token) -> bool:
        for _ in range(len(run) + 1):
            if first <= t.head.i <= last:
                return True
            if t.head.i not in run or t.head.i == t.i:
                return False
            t = t.head
        return False

    out: list[Token] = []
    for i in range(first - 1, j - 1, -1):  # the words next to the name that all hang on it
        if not reaches_name(doc[i]):
            break
        out.insert(0, doc[i])
    while out and out[0].is_punct:
        out = out[1:]
    # "Then-Secretary of State", "Ex-President": a qualifier joined by a hyphen the parser hangs elsewhere
    k = out[0].i if out else first
    if k >= 2 and doc[k - 1].text in ("-", "–") and not doc[k - 2].whitespace_ and not doc[k - 1].whitespace_:
        if doc[k - 2].lower_ in load_role_terms().qualifiers or doc[k - 2].lower_ + "-" in load_role_terms().qualifiers:
            out = [doc[k - 2], doc[k - 1], *out]
    return out


def _clause_tokens(head: Token, name_tokens: set[int]) -> list[Token]:
    """A description's tokens: its subtree without relative clauses, appositions or the name itself."""
    out: list[Token] = []
    stop = {c.i for c in head.children if c.dep_ in ("relcl", "acl", "appos", "conj", "cc") or c.i in name_tokens}
    for t in head.subtree:
        node, cut = t, False
        while node.i != head.i:  # a description is a noun phrase: no coordinated nouns, no clauses inside it
            if node.i in stop or node.i in name_tokens or node.pos_ in ("VERB", "AUX"):
                cut = True
                break
            node = node.head
        if not cut:
            out.append(t)
    return out


def _appositions(root: Token, name_tokens: set[int]) -> list[list[Token]]:
    found = [_clause_tokens(c, name_tokens) for c in root.children if c.dep_ == "appos" and c.ent_type_ != "PERSON" and c.pos_ in ("NOUN", "PROPN")]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.ent_type_ != "PERSON":
        head = root.head  # "his Ukrainian counterpart, Volodymyr Zelensky": the role is the head
        found.append([t for t in _clause_tokens(head, name_tokens) if t.i <= head.i or t.head.i == head.i and t.dep_ == "prep"])
    return found


def _predicates(root: Token, name_tokens: set[int], terms: RoleTerms) -> list[tuple[list[Token], str | None]]:
    """Predicate descriptions: "X, who is Putin's spokesman", "X is the mayor of Y", "X, seeking the … nomination".

    Returns token lists, each with the qualifier the clause itself gives ("candidate" for running for office).
    """
    out: list[tuple[list[Token], str | None]] = []
    verbs = [c for c in root.children if c.dep_ in ("relcl", "acl")]
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ == "be":
        verbs.append(root.head)
    for verb in verbs:
        if verb.lemma_ == "be":
            if _modal(verb):
                continue
            then = "then" if verb.tag_ == "VBD" else None  # "who was mayor of Shelbyville": the office at the time spoken of
            out += [(_clause_tokens(c, name_tokens), then) for c in verb.children if c.dep_ in ("attr", "acomp") and c.pos_ in ("NOUN", "PROPN")]
        elif verb.lemma_ in terms.seek and verb.tag_ == "VBG":
            tokens = [t for t in verb.subtree if t.i not in name_tokens and t.dep_ != "punct" or t.i == verb.i]
            out.append((tokens, "candidate"))
    return out


def _candidacy(tokens: list[Token], terms: RoleTerms) -> tuple[str | None, str | None]:
    """(office, org) of a clause of running for office: "seeking the Republican nomination" -> (None, "Republican");
    "running for mayor of Springfield" -> ("mayor", "Springfield"); "seeking the presidential nomination" -> president."""
    objects = [t for t in tokens if t.dep_ in ("dobj", "pobj")]
    described = list(objects[0].subtree) if objects else tokens
    office, org, _ = normalise_role(described, terms)
    if office is None:
        office = _adjective_office(described, terms)
    if org is None:
        org = _organisation(described, set(), terms)
    return office, org


def _adjective_office(tokens: list[Token], terms: RoleTerms) -> str | None:
    """The office a candidacy adjective names: "presidential" -> president, "vice presidential" -> vice president."""
    for n, t in enumerate(tokens):
        if t.lower_ in terms.adjectives:
            before = tokens[n - 1].lower_ if n else ""
            return "vice " + terms.adjectives[t.lower_] if before in ("vice", "vice-") else terms.adjectives[t.lower_]
    return None


def extract_role_mentions(doc: Doc, entities: tuple[Entity, ...], published: dt.date | None = None) -> tuple[RoleMention, ...]:
    """Every description of a person or organisation of ``entities`` found around its mentions in ``doc``.

    Example:
        >>> doc = nlp("Former President Donald Trump, currently seeking the Republican nomination, spoke.")  # doctest: +SKIP
        >>> [(r.shape, r.office, r.qualifier) for r in doc._.roles]  # doctest: +SKIP
        [('premodifier', 'president', 'former'), ('predicate', None, 'candidate')]
    """
    terms = load_role_terms()
    out: dict[tuple[str, int, int], RoleMention] = {}

    def add(entity: Entity, tokens: list[Token], shape: str, qualifier: str | None = None) -> None:
        span = _span_of(doc, tokens)
        if span is None:
            return
        kept = [t for t in tokens if span.start <= t.idx < span.end]
        if entity.kind is EntityKind.PERSON and _plural_head(kept):
            return  # "At least four Democrat senators", "three economists": a group the person belongs to, no role
        office, org = None, None
        if qualifier != "candidate":
            given = qualifier
            office, org, qualifier = normalise_role(kept, terms)
            qualifier = given or qualifier  # "then" of a past-tense predicate
        if qualifier == "candidate" and shape != "predicate" and _adjective_office(kept, terms):
            office = _adjective_office(kept, terms)  # "Republican presidential hopeful Sen. Ted Cruz": runs for president
            org = org or _organisation(kept, set(), terms)
        if qualifier == "candidate" and (shape == "predicate" or office is None):
            # "seeking the Republican nomination", "the Democratic presidential nominee", "a candidate for mayor"
            office, org = _candidacy(kept, terms)
        elif office is None:
            return
        key = (entity.id, span.start, span.end)
        if key not in out:
            out[key] = RoleMention(entity.id, span, shape, office, org, qualifier, published)

    for entity in entities:
        if entity.kind not in (EntityKind.PERSON, EntityKind.ORGANISATION):
            continue
        for mention in entity.mentions:
            tokens = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
            if tokens is None or not len(tokens):
                continue
            if mention.form == "nominal":
                add(entity, list(tokens), "nominal")
                continue
            if mention.form not in ("name", "surname", "org"):
                continue
            name_tokens = set(range(tokens.start, tokens.end))
            root = tokens.root
            if _in_other_time(root):
                continue
            premods = _premodifiers(doc, tokens.start, tokens.end - 1)
            if _hypothetical([*premods, *tokens]):
                continue
            if premods:
                add(entity, premods, "premodifier")
            for found in _appositions(root, name_tokens):
                add(entity, found, "apposition")
            for found, qualifier in _predicates(root, name_tokens, terms):
                add(entity, found, "predicate", qualifier)
    return tuple(sorted(out.values(), key=lambda r: (r.span.start, r.entity_id)))
