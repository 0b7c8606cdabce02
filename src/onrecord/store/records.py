"""What the store's read API returns: frozen dataclasses, each with ``to_dict()`` for JSON (ISO dates).

These are the seam for the CLI, the REST API (``onrecord.serve``) and the Spark engine: none of them
sees a row or a SQL statement.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


_AS_IS = (str, int, float, type(None))


def _jsonable(value: Any) -> Any:
    # most values are strings and numbers: tested first, since a page of quotes holds thousands of them
    if isinstance(value, _AS_IS):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value):
        return value.to_dict()
    return value


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


class _Record:
    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict (dates as ``YYYY-MM-DD``, tuples as lists)."""
        return {name: _jsonable(getattr(self, name)) for name in _field_names(type(self))}


@dataclass(frozen=True, slots=True)
class Page(_Record, Generic[T]):
    """One page of a listing: ``total`` matches in all pages, ``items`` on this one."""

    total: int
    items: tuple[T, ...]


@dataclass(frozen=True, slots=True)
class AddResult(_Record):
    """What storing one article did: ``created`` is false when the same text was there already."""

    id: str
    created: bool
    attributions: int


@dataclass(frozen=True, slots=True)
class ArticleSummary(_Record):
    id: str
    title: str | None
    published: dt.date | None
    outlet: str | None
    url: str | None
    attributions: int


@dataclass(frozen=True, slots=True)
class SpeakerRef(_Record):
    """A cross-article entity as a quote's speaker (``id`` is the entity key, e.g. ``vladimir-putin``)."""

    id: str
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class Quote(_Record):
    """One stored attribution with where and when it appeared."""

    article_id: str
    article_title: str | None
    published: dt.date | None
    outlet: str | None
    index: int  # position in the article's attributions (``#attr-N`` in the web UI)
    speaker: SpeakerRef | None
    source_text: str
    cue_text: str
    content_text: str
    content: tuple[tuple[int, int], ...]
    type: str
    kind: str  # speech, writing, thought, evidence, intention, act (speech and writing are quotes)
    cue_lemma: str
    confidence: float
    stance: str | None
    said_on: str | None
    certainty: str | None = None
    verification: str | None = None

    @property
    def day(self) -> dt.date | None:
        """When it was said: ``said_on`` when the text gives a date, else the publication date."""
        if self.said_on and len(self.said_on) >= 10:
            try:
                return dt.date.fromisoformat(self.said_on[:10])
            except ValueError:
                pass
        return self.published


@dataclass(frozen=True, slots=True)
class SpeakerSummary(_Record):
    """A speaker across the corpus: how often quoted, in how many articles, first and last seen, where."""

    id: str
    name: str
    kind: str
    quotes: int
    articles: int
    first_seen: dt.date | None
    last_seen: dt.date | None
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Role(_Record):
    """A title or role an entity held, with the first and last publication dates it was seen on."""

    title: str
    first_seen: dt.date | None
    last_seen: dt.date | None
    articles: int = 1


@dataclass(frozen=True, slots=True)
class MergeRecord(_Record):
    """Why one name joined an entity (``onrecord entities split`` undoes it)."""

    id: int
    name: str
    into: str
    rule: str
    evidence: str
    manual: bool


@dataclass(frozen=True, slots=True)
class LinkRecord(_Record):
    """A relation of one of the entity's names to another entity or referent."""

    name: str
    relation: str
    target: str
    target_id: str | None
    evidence: str


@dataclass(frozen=True, slots=True)
class SpeakerDetail(_Record):
    """Everything about one cross-article entity."""

    id: str
    name: str
    kind: str
    quotes: int
    articles: int
    first_seen: dt.date | None
    last_seen: dt.date | None
    outlets: tuple[str, ...]
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    names: tuple[str, ...]  # the name groups (spellings) that make up the entity
    merges: tuple[MergeRecord, ...]
    links: tuple[LinkRecord, ...]
    nationalities: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StatementPoint:
    """One statement on a speaker's timeline (a tuple: ``day, article_id, index, text``)."""

    day: dt.date | None
    article_id: str
    index: int
    text: str

    def __iter__(self):
        return iter((self.day, self.article_id, self.index, self.text))


@dataclass(frozen=True, slots=True)
class ResolutionReport(_Record):
    """What a cross-article resolution changed."""

    groups: int
    entities: int
    merges: int
    links: int
    changed_groups: int
    seconds: float


@dataclass(frozen=True, slots=True)
class StoreStats(_Record):
    articles: int
    attributions: int
    entities: int
    speakers: int
    claims: int
    unresolved_groups: int


@dataclass(frozen=True, slots=True)
class RelatedStatement(_Record):
    """A statement in another article about the same thing, and how it relates (``onrecord.corpus.relations``)."""

    relation: str  # corroborates / contradicts / related
    score: float  # content-word overlap with the statement asked about, 0–1
    reasons: tuple[str, ...]  # the evidence, one readable sentence each
    shared_words: tuple[str, ...]
    stance: str | None  # the stance compared: the stored claim's, else the cue lemma's in data/stance.tsv
    quote: Quote


@dataclass(frozen=True, slots=True)
class RelatedStatements(_Record):
    """One stored attribution and the related statements of other articles, best overlap first."""

    statement: Quote
    stance: str | None
    candidates: int  # statements the full-text index proposed before re-ranking
    items: tuple[RelatedStatement, ...]
