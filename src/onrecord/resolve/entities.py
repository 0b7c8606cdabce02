"""Cross-article entity resolution: name groups from many articles become one entity per speaker.

Pure functions, no SQL: the store reads its name groups (one per distinct kind and normalised name,
with how many articles used them, the aliases and titles seen with them), calls :func:`resolve_groups`,
and writes the clusters, merges and links back (``onrecord.store.entities``).

Every merge has a rule and a sentence of evidence, and manual decisions win: a ``merge`` decision joins
two groups whatever the rules say, a ``split`` decision keeps two groups apart. Rules, strongest first:

* ``kind``: a group whose kind was unresolved joins the person or organisation of the same name.
* ``title``: "President Vladimir Putin" is "Vladimir Putin" with a title (roles.tsv words stripped).
* ``initials``: "Vladimir V. Putin" is "Vladimir Putin" with a middle initial, unless several
  different initials share the base ("George W. Bush", "George H. W. Bush").
* ``alias``: articles that spell out a name also use the short form ("Putin") as its alias.
* ``surname``: a surname alone joins the one person with that surname who dominates the corpus
  ("Clinton" → Hillary Clinton when she is named in ≥ 75% of the articles naming any Clinton).
* ``acronym``: "FBI" and "Federal Bureau of Investigation".

Organisations and metonyms stay distinct and are *linked* instead: "the Kremlin" and "Moscow" point to
Russia (``data/metonyms.tsv``), a person titled "Kremlin spokesperson" is affiliated with the Kremlin,
and an organisation with a person's name ("Trump" tagged as an organisation) points to that person.
The result depends only on the groups and decisions, never on the order articles arrived in.
"""
from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from .generic import base_norm, context_agreement, is_generic_nominal
from .lexicon import load_role_lexicon

#: a surname alone joins a person only when that person has at least this share of the articles naming
#: anyone with the surname
SURNAME_DOMINANCE = 0.75
#: the same for a short form used as an alias of several entities
ALIAS_DOMINANCE = 0.8

_KIND_SUFFIX = {"person": "", "organisation": "~org", "group": "~group", "unresolved": "~unresolved"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_ACRONYM_STOP = {"of", "the", "and", "for", "on", "in", "de", "du", "la", "al", "&"}
_MODIFIERS = {"former", "then", "acting", "deputy", "vice", "chief", "first", "presidential", "us", "state", "foreign",
              "interior", "defense", "defence", "justice", "finance", "trade", "health", "press", "national", "security",
              "general", "republican", "democratic", "gop", "white", "house", "campaign", "sen", "rep", "gov", "lt",
              "sgt", "col", "gen", "adm", "rev", "prof", "supreme", "leader", "opposition", "majority", "minority"}
_DEMONYM_END = re.compile(r"(?:an|ian|ese|ish|i)$")


# ---------------------------------------------------------------- names


@functools.lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """The matching form of a name: case and accents folded, punctuation and a leading "the" dropped.

    Example:
        >>> normalise_name("the Kremlin's")
        'kremlin'
        >>> normalise_name("Vladimir V. Putin")
        'vladimir v putin'
        >>> normalise_name("Volodymyr Zelenskyy")
        'volodymyr zelenskyy'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"'s\b|s'$", "", text)  # possessives
    text = text.replace(".", "").replace("'", "")  # "U.S." -> "us", "O'Brien" -> "obrien"
    text = re.sub(r"[\W_]+", " ", text).strip()
    text = re.sub(r"^the\s+", "", text)
    return text[:300] or "unnamed"


def entity_key(kind: str, norm: str) -> str:
    """The public id of the entity anchored on this name group: stable and URL-safe.

    Example:
        >>> entity_key("person", "vladimir putin"), entity_key("organisation", "kremlin")
        ('vladimir-putin', 'kremlin~org')
    """
    return norm.replace(" ", "-") + _KIND_SUFFIX.get(kind, "~" + kind)


@functools.lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    lexicon = load_role_lexicon()
    words = {w.replace(".", "") for w in lexicon.honorifics} | set(lexicon.roles) | set(lexicon.affiliations)
    words |= set(lexicon.demonyms) | _MODIFIERS | {"prime", "minister", "secretary", "spokesperson"}
    return frozenset(words)


def strip_titles(tokens: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split leading title words off a person's name tokens: (titles, name).

    Example:
        >>> strip_titles("russian president vladimir putin".split())
        (('russian', 'president'), ('vladimir', 'putin'))
    """
    words = _title_words()
    i = 0
    while i < len(tokens) - 1:
        token = tokens[i]
        if token in words or (_DEMONYM_END.search(token) and tokens[i + 1] in words):
            i += 1
        else:
            break
    return tuple(tokens[:i]), tuple(tokens[i:])


def _without_initials(tokens: Sequence[str]) -> tuple[str, ...]:
    if len(tokens) < 3:
        return tuple(tokens)
    middle = [t for t in tokens[1:-1] if len(t) > 1]
    return (tokens[0], *middle, tokens[-1])


def surname(tokens: Sequence[str]) -> str | None:
    """The family name of a person's name tokens ("donald trump jr" -> "trump"); None for one token."""
    tokens = [t for t in tokens if t not in _SUFFIXES]
    return tokens[-1] if len(tokens) >= 2 else None


# ---------------------------------------------------------------- data in and out


@dataclass(frozen=True, slots=True)
class NameGroup:
    """Every article entity with one kind and normalised name, across the corpus."""

    pk: int
    kind: str
    norm: str
    name: str  # the most frequent spelling
    articles: int  # how many article entities use it
    aliases: tuple[tuple[str, int], ...] = ()  # normalised aliases seen with it, and how often
    titles: tuple[tuple[str, int], ...] = ()  # titles seen with it, and how often
    outlets: tuple[str, ...] = ()  # outlets of the articles using it
    days: tuple[int, ...] = ()  # sorted publication dates (ordinals) of the articles using it
    namesakes: tuple[str, ...] = ()  # one-word names: first names of other people its articles name with it


@dataclass(frozen=True, slots=True)
class Decision:
    """A user's decision: ``merge`` (must be one entity) or ``split`` (must not be)."""

    action: str
    a: int
    b: int
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Merge:
    """Group ``group`` joined the entity of group ``into`` by ``rule``, because of ``evidence``."""

    group: int
    into: int
    rule: str
    evidence: str
    manual: bool = False


@dataclass(frozen=True, slots=True)
class Cluster:
    """One cross-article entity: its groups, the anchor group naming it, its key, name and kind."""

    anchor: int
    members: tuple[int, ...]
    key: str
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class Link:
    """A relation between distinct entities: "the Kremlin" is a metonym of Russia; Peskov is affiliated with it."""

    group: int
    relation: str  # "metonym-of", "affiliated-with", "same-name-as"
    target: str
    target_group: int | None
    evidence: str


@dataclass(frozen=True, slots=True)
class Resolution:
    clusters: tuple[Cluster, ...]
    merges: tuple[Merge, ...]
    links: tuple[Link, ...]

    def cluster_of(self, pk: int) -> Cluster:
        for cluster in self.clusters:
            if pk in cluster.members:
                return cluster
        raise KeyError(pk)


# ---------------------------------------------------------------- union-find with cannot-links


class _Clusters:
    def __init__(self, pks: Iterable[int], apart: Iterable[tuple[int, int]]):
        self.parent = {pk: pk for pk in pks}
        self.members = {pk: {pk} for pk in self.parent}
        self.apart: dict[int, set[int]] = defaultdict(set)
        for a, b in apart:
            self.apart[a].add(b)
            self.apart[b].add(a)

    def find(self, pk: int) -> int:
        while self.parent[pk] != pk:
            self.parent[pk] = self.parent[self.parent[pk]]
            pk = self.parent[pk]
        return pk

    def allowed(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        small, other = sorted((self.members[ra], self.members[rb]), key=len)
        return not any(self.apart[x] & other for x in small)

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or not self.allowed(a, b):
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)
        return True


# ---------------------------------------------------------------- the rules


def _person_like(kind: str) -> bool:
    return kind in ("person", "unresolved")


def _structural_candidates(groups: dict[int, NameGroup]) -> list[tuple[int, int, str, str]]:
    """(group, into, rule, evidence) from the names alone: kind, title and initials rules."""
    by_key = {(g.kind, g.norm): g for g in groups.values()}
    out: list[tuple[int, int, str, str]] = []
    # kind: unresolved joins the one person or organisation of the same name
    for g in groups.values():
        if g.kind != "unresolved":
            continue
        targets = [by_key[(k, g.norm)] for k in ("person", "organisation", "group") if (k, g.norm) in by_key]
        if len(targets) == 1:
            t = targets[0]
            out.append((g.pk, t.pk, "kind", f"'{g.name}' (kind unknown in {g.articles} article(s)) has the name of the {t.kind} '{t.name}'"))
    # title and initials, for people
    initial_variants: dict[str, set[str]] = defaultdict(set)
    for g in groups.values():
        if _person_like(g.kind):
            _, core = strip_titles(g.norm.split())
            base = _without_initials(core)
            if base != core:
                initial_variants[" ".join(base)].add(" ".join(core))
    for g in groups.values():
        if not _person_like(g.kind):
            continue
        titles, core = strip_titles(g.norm.split())
        core_norm = " ".join(core)
        base_norm = " ".join(_without_initials(core))
        target = by_key.get(("person", core_norm)) if titles else None
        if target is not None and target.pk != g.pk:
            out.append((g.pk, target.pk, "title", f"'{g.name}' is '{target.name}' with the title '{' '.join(titles)}'"))
            continue
        if base_norm != core_norm and ("person", base_norm) in by_key:
            target = by_key[("person", base_norm)]
            if len(initial_variants[base_norm]) > 1:
                continue  # "george w bush" and "george h w bush": the initials tell people apart
            rule, what = ("title", f"the title '{' '.join(titles)}' and ") if titles else ("initials", "")
            out.append((g.pk, target.pk, rule, f"'{g.name}' is '{target.name}' with {what}a middle initial"))
    return out


def _alias_and_surname_candidates(groups: dict[int, NameGroup], state: _Clusters) -> list[tuple[int, int, str, str]]:
    """Short forms: aliases seen with fuller names, and surnames alone."""
    # where each normalised alias is used, by cluster
    alias_use: dict[str, Counter] = defaultdict(Counter)
    alias_target: dict[tuple[str, int], int] = {}
    for g in groups.values():
        for alias, count in g.aliases:
            root = state.find(g.pk)
            alias_use[alias][root] += count
            best = alias_target.get((alias, root))
            if best is None or groups[best].articles < g.articles:
                alias_target[(alias, root)] = g.pk
    # people by surname, by cluster
    surname_weight: dict[str, Counter] = defaultdict(Counter)
    surname_target: dict[tuple[str, int], int] = {}
    for g in groups.values():
        if g.kind != "person":
            continue
        _, core = strip_titles(g.norm.split())
        family = surname(core)
        if family:
            root = state.find(g.pk)
            surname_weight[family][root] += g.articles
            best = surname_target.get((family, root))
            if best is None or groups[best].articles < g.articles:
                surname_target[(family, root)] = g.pk

    out: list[tuple[int, int, str, str]] = []
    mononyms: dict[str, list[NameGroup]] = defaultdict(list)
    for g in groups.values():
        if is_generic_nominal(g.kind, g.name):
            continue  # "the hospital", "officials": never an alias of a name, never joined across articles
        own = state.find(g.pk)
        norm = base_norm(g.norm)
        uses = Counter({root: n for root, n in alias_use.get(norm, Counter()).items() if root != own})
        compatible = {root: n for root, n in uses.items() if _compatible(g.kind, groups[alias_target[(norm, root)]].kind)}
        if compatible:
            root, n = max(compatible.items(), key=lambda item: (item[1], -item[0]))
            total = sum(uses.values())
            t = groups[alias_target[(norm, root)]]
            context = _short_form_context(g, t)
            if n / total >= ALIAS_DOMINANCE and state.allowed(g.pk, root) and context is not None:
                others = f" (and {total - n} time(s) of other entities)" if total > n else ""
                out.append((g.pk, t.pk, "alias", f"'{g.name}' is an alias of '{t.name}' {n} time(s){others}{context}"))
                continue
        if not _person_like(g.kind):
            continue
        _, core = strip_titles(norm.split())
        if len(core) != 1:
            continue
        weights = Counter({root: n for root, n in surname_weight.get(core[0], Counter()).items() if root != own})
        if not weights:
            if g.kind == "person" and not uses:
                mononyms[norm].append(g)
            continue
        root, n = max(weights.items(), key=lambda item: (item[1], -item[0]))
        total = sum(weights.values())
        t = groups[surname_target[(core[0], root)]] if n / total >= SURNAME_DOMINANCE else None
        context = _short_form_context(g, t) if t is not None else None
        if t is not None and context is not None and state.allowed(g.pk, root):
            out.append((
                g.pk, t.pk, "surname",
                f"'{g.name}' alone: '{t.name}' is named in {n} of the {total} article(s) naming someone called {core[0].title()} ({n / total:.0%}){context}",
            ))
    # "Madonna", "Pelé": one name that no article spells out more fully is one person across articles
    for norm, same in mononyms.items():
        first, *rest = sorted(same, key=lambda g: g.pk)
        for g in rest:
            out.append((g.pk, first.pk, "mononym", f"'{g.name}' is never named more fully in any article ({len(same)} article group(s))"))
    return out


def _short_form_context(g: NameGroup, target: NameGroup) -> str | None:
    """A short form of a person's name ("King") joins a fuller one from other articles only when the
    contexts agree (an outlet in common, or dates within the window), or are unknown; the evidence
    sentence names the agreement. None keeps them apart: a shared surname is not enough."""
    if not _person_like(g.kind) or len(base_norm(g.norm).split()) > 1:
        return ""
    first = strip_titles(target.norm.split())[1][0]
    if g.namesakes and first not in g.namesakes:
        return None  # its own article names a "Camille Etienne Gbedey": that is the Etienne it quotes
    agreement = context_agreement(g.outlets, g.days, target.outlets, target.days)
    return None if agreement is None else (f"; {agreement}" if agreement else "")


def _compatible(kind: str, other: str) -> bool:
    return kind == other or "unresolved" in (kind, other)


def _acronym_candidates(groups: dict[int, NameGroup]) -> list[tuple[int, int, str, str]]:
    by_initials: dict[str, list[NameGroup]] = defaultdict(list)
    for g in groups.values():
        words = [w for w in g.norm.split() if w not in _ACRONYM_STOP]
        if g.kind == "organisation" and len(words) >= 2:
            by_initials["".join(w[0] for w in words)].append(g)
    out = []
    for g in groups.values():
        if g.kind in ("organisation", "unresolved") and " " not in g.norm and 2 <= len(g.norm) <= 6:
            targets = by_initials.get(g.norm, [])
            if len(targets) == 1:
                t = targets[0]
                out.append((g.pk, t.pk, "acronym", f"'{g.name}' is the acronym of '{t.name}'"))
    return out


# ---------------------------------------------------------------- links


@functools.lru_cache(maxsize=1)
def load_metonyms() -> dict[str, tuple[str, str]]:
    """``data/metonyms.tsv``: normalised place or building -> (what it stands for, why)."""
    text = resources.files("onrecord").joinpath("data/metonyms.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, target, note = line.split("\t")
            out[normalise_name(name)] = (target, note)
    return out


def _links(groups: dict[int, NameGroup]) -> list[Link]:
    metonyms = load_metonyms()
    lexicon = load_role_lexicon()
    # "the campaign", "police": common nouns, not an organisation one can name (but "the Kremlin" is one)
    generic = (lexicon.orgs | lexicon.groups) - set(metonyms)
    orgs = {g.norm: g for g in groups.values() if g.kind == "organisation" and len(g.norm) >= 3}
    named_orgs = {norm: g for norm, g in orgs.items() if norm not in generic and g.name[:1].isupper()}
    people = {g.norm: g for g in groups.values() if g.kind == "person"}
    out = []
    for g in groups.values():
        if g.kind in ("organisation", "group") and g.norm in people:
            # "Trump" tagged as an organisation (his campaign, his company): kept apart, pointed at the person
            person = people[g.norm]
            out.append(Link(g.pk, "same-name-as", person.name, person.pk,
                            f"'{g.name}' is a{'n' if g.kind[0] == 'o' else ''} {g.kind} in {g.articles} article(s) and a person elsewhere"))
        if g.kind in ("organisation", "unresolved") and g.norm in metonyms:
            target, note = metonyms[g.norm]
            target_group = orgs.get(normalise_name(target))
            out.append(Link(g.pk, "metonym-of", target, target_group.pk if target_group else None, f"{g.name}: {note} (data/metonyms.tsv)"))
        if g.kind != "person":
            continue
        seen = set()
        for title, count in g.titles:
            tokens = normalise_name(title).split()
            for n in range(min(4, len(tokens)), 0, -1):
                for i in range(len(tokens) - n + 1):
                    org = named_orgs.get(" ".join(tokens[i : i + n]))
                    if org is None or org.pk in seen or org.pk == g.pk or not _capitalised_in(org.name, title):
                        continue
                    seen.add(org.pk)
                    out.append(Link(g.pk, "affiliated-with", org.name, org.pk, f"title '{title}' ({count} article(s))"))
    return out


def _capitalised_in(name: str, title: str) -> bool:
    """Whether ``name`` appears in ``title`` as a proper name ("Kremlin spokesperson", not "times")."""
    at = title.casefold().find(name.casefold())
    return at >= 0 and title[at : at + 1].isupper()


# ---------------------------------------------------------------- the whole resolution


def _anchor(members: Iterable[int], groups: dict[int, NameGroup], variants: set[int]) -> NameGroup:
    def score(g: NameGroup):
        tokens = len(g.norm.split())
        return (g.kind != "unresolved", g.pk not in variants, g.kind != "person" or tokens >= 2, g.articles, -tokens, g.norm)

    # max by score; ties on everything but the name go to the alphabetically first name
    best = max((groups[pk] for pk in members), key=lambda g: score(g)[:-1])
    ties = [groups[pk] for pk in members if score(groups[pk])[:-1] == score(best)[:-1]]
    return min(ties, key=lambda g: g.norm)


def resolve_groups(groups: Iterable[NameGroup], decisions: Iterable[Decision] = ()) -> Resolution:
    """Cluster name groups into cross-article entities, recording why each group joined.

    Args:
        groups: every name group of the store.
        decisions: the user's merges and splits (applied first; splits also bind the rules).

    Example:
        >>> r = resolve_groups([NameGroup(1, "person", "vladimir putin", "Vladimir Putin", 9),
        ...                     NameGroup(2, "person", "putin", "Putin", 3),
        ...                     NameGroup(3, "person", "vladimir v putin", "Vladimir V. Putin", 1)])
        >>> [(c.key, c.members) for c in r.clusters]
        [('vladimir-putin', (1, 2, 3))]
        >>> sorted(m.rule for m in r.merges)
        ['initials', 'surname']
    """
    by_pk = {g.pk: g for g in groups}
    decisions = list(decisions)
    state = _Clusters(by_pk, [(d.a, d.b) for d in decisions if d.action == "split" and d.a in by_pk and d.b in by_pk])
    merges: list[Merge] = []
    attached: set[int] = set()  # a group attaches to a fuller name once; anchors never do

    def apply(candidates, manual=False) -> None:
        for pk, into, rule, evidence in sorted(candidates, key=lambda c: (by_pk[c[0]].norm, by_pk[c[1]].norm, c[2])):
            if pk in attached and not manual:
                continue
            if state.union(pk, into):
                attached.add(pk)
                merges.append(Merge(pk, into, rule, evidence, manual))

    apply(
        [(d.a, d.b, "manual", d.reason or "merged by hand") for d in decisions if d.action == "merge" and d.a in by_pk and d.b in by_pk],
        manual=True,
    )
    apply(_structural_candidates(by_pk))
    apply(_alias_and_surname_candidates(by_pk, state))
    apply(_acronym_candidates(by_pk))

    variants = {m.group for m in merges if m.rule in ("title", "initials", "kind")}
    clusters = []
    for members in state.members.values():
        anchor = _anchor(members, by_pk, variants)
        # the anchor is unresolved only when every member is
        clusters.append(Cluster(anchor.pk, tuple(sorted(members)), entity_key(anchor.kind, anchor.norm), anchor.name, anchor.kind))
    # a name kept to its article ("king @7dc96f5d") keys its entity plainly ("king") while no other entity shares it
    plain = Counter(entity_key(c.kind, base_norm(by_pk[c.anchor].norm)) for c in clusters)
    clusters = [
        dataclasses.replace(c, key=key) if key != c.key and plain[key] == 1 else c
        for c in clusters
        for key in [entity_key(c.kind, base_norm(by_pk[c.anchor].norm))]
    ]
    clusters.sort(key=lambda c: c.key)
    return Resolution(tuple(clusters), tuple(merges), tuple(_links(by_pk)))
