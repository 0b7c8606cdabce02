"""The data in and out of cross-article resolution: name groups and decisions in; clusters, merges and links out."""
from __future__ import annotations

from dataclasses import dataclass


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
