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
* ``mononym``: a one-word name that no article spells out more fully ("Madonna") is one person.
* ``acronym``: "FBI" and "Federal Bureau of Investigation".

A shared surname is not enough (issue 16): a one-word name has a group per article, and joins a fuller
name from ``alias`` or ``surname`` only when the contexts agree, an outlet in common or dates within 30
days, and its own article names nobody else with it ("Etienne" beside "Camille Etienne Gbedey");
generic nominals ("officials", "the hospital") never join across articles (``resolve/generic.py``).

Organisations and metonyms stay distinct and are *linked* instead: "the Kremlin" and "Moscow" point to
Russia (``data/metonyms.tsv``), a person titled "Kremlin spokesperson" is affiliated with the Kremlin,
and an organisation with a person's name ("Trump" tagged as an organisation) points to that person.
The result depends only on the groups and decisions, never on the order articles arrived in.
"""
from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable

from .generic import base_norm, context_agreement, is_generic_nominal
from .groups import Cluster, Decision, Link, Merge, NameGroup, Resolution
from .links import find_links
from .names import _without_initials, entity_key, load_metonyms, normalise_name, strip_titles, surname

__all__ = ["Cluster", "Decision", "Link", "Merge", "NameGroup", "Resolution", "entity_key", "load_metonyms",
           "normalise_name", "resolve_groups", "strip_titles", "surname"]

#: a surname alone joins a person only when that person has at least this share of the articles naming
#: anyone with the surname
SURNAME_DOMINANCE = 0.75
#: the same for a short form used as an alias of several entities
ALIAS_DOMINANCE = 0.8

_ACRONYM_STOP = {"of", "the", "and", "for", "on", "in", "de", "du", "la", "al", "&"}


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
    return Resolution(tuple(clusters), tuple(merges), tuple(find_links(by_pk)))
