"""Frozen dataclasses at the seams between stages.

Every item carries character offsets into its article's text (Python ``str``
indices, end exclusive), so a user can go from any record back to the words it
came from.
"""
from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field, replace


class AttributionType(str, enum.Enum):
    """How the content is reported."""

    DIRECT = "direct"  # the content is a verbatim quotation
    INDIRECT = "indirect"  # paraphrase, no quotation marks
    MIXED = "mixed"  # paraphrase with a quoted fragment


class AttributionKind(str, enum.Enum):
    """What an attribution reports (cue lexicon ``data/cues.tsv`` plus the parse)."""

    SPEECH = "speech"  # said, told, asked, "according to"
    WRITING = "writing"  # wrote, tweeted, posted, a statement, a report
    THOUGHT = "thought"  # believes, thinks, expects
    EVIDENCE = "evidence"  # a poll shows, a study found
    INTENTION = "intention"  # plans, decided, vowed to
    ACT = "act"  # a speech act on a thing, its words not reported: denied wrongdoing, cited sources


QUOTE_KINDS = frozenset({AttributionKind.SPEECH, AttributionKind.WRITING})  # what journalists call quotes


class EntityKind(str, enum.Enum):
    PERSON = "person"
    ORGANISATION = "organisation"
    GROUP = "group"  # "analysts", "both sides", "local authorities"
    UNRESOLVED = "unresolved"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of an article: ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets {self.start}:{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text length does not match offsets {self.start}:{self.end}")

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    def as_pair(self) -> list[int]:
        return [self.start, self.end]

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as read from input, before any NLP."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    origin: str | None = None  # file (and line or record) it came from
    warnings: tuple[str, ...] = ()  # coded messages about the input ("[E011] …"); the article is still read


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not become an article, and why."""

    origin: str
    code: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: [{self.code}] {self.reason}"


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in the text where an entity is referred to."""

    span: Span
    form: str  # "name", "surname", "title", "pronoun", "nominal", "org"


@dataclass(frozen=True, slots=True)
class Entity:
    """A speaker (or potential speaker) of one article, after resolution."""

    id: str
    name: str  # canonical: the longest name form found
    kind: EntityKind
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()  # "President", "Kremlin spokesperson"
    nationality: str | None = None  # "Russian", "Ukrainian"
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Speaker:
    """The resolved speaker of one attribution (a reference to an Entity)."""

    id: str
    name: str
    kind: EntityKind


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number asserted in a claim, normalised."""

    span: Span
    value: float | None  # the number, or the lower bound of a vague one ("hundreds" -> 200)
    unit: str | None = None  # "times", "people", "attacks", "hours"
    qualifier: str | None = None  # "nearly", "about", "at least", "more than"
    upper: float | None = None  # for ranges
    what: str | None = None  # "injured", "attacks"


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression normalised against the publication date (TIMEX3)."""

    span: Span
    type: str  # DATE, TIME, DURATION, SET
    value: str | None  # TIMEX3 value: "2025-04-21", "2025-W17", "P2Y", "2025-04-21TNI"
    mod: str | None = None  # TIMEX3 mod: START, MORE_THAN, APPROX …
    note: str | None = None  # why a value is missing or uncertain


#: what a claim's verification status can be: the one list the API's models and filter and the search page use
VERIFICATION_STATUSES = ("unverified", "verified", "disputed")


@dataclass(frozen=True, slots=True)
class Verification:
    status: str  # one of VERIFICATION_STATUSES
    by: tuple[str, ...] = ()  # "BBC", "Reuters"
    evidence: Span | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """What an attribution asserts and how: stance, certainty, verification, numbers, times."""

    stance: str  # states, claims, alleges, denies, …
    certainty: str  # certain, probable, possible, unknown
    negated: bool = False
    hedges: tuple[Span, ...] = ()
    verification: Verification | None = None
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    flags: tuple[str, ...] = ()  # "no-publication-date", "date-after-publication"


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said what: source, cue and content spans, resolved speaker, and how sure we are."""

    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]
    type: AttributionType
    cue_lemma: str
    confidence: float
    speaker: Speaker | None = None
    origin: str = "rules"  # "rules" or "model"
    said_on: str | None = None  # TIMEX3 date value of the speech act, when the text gives it
    #: where the statement's date comes from: "text" (said_on), "published" (the text gives none: it is filed under the
    #: publication date), None (neither)
    said_on_source: str | None = None
    claim: Claim | None = None
    kind: AttributionKind = AttributionKind.SPEECH

    @property
    def content_text(self) -> str:
        return " … ".join(s.text for s in self.content)

    @property
    def is_quote(self) -> bool:
        """Whether journalists would call it a quote: it reports speech or writing (``QUOTE_KINDS``)."""
        return self.kind in QUOTE_KINDS


@dataclass(frozen=True, slots=True)
class RoleMention:
    """A description the text gives an entity ("Former President", "the Kremlin spokesperson"), normalised.

    ``span`` is the description as written; ``office`` its position (``data/role_terms.tsv``: "president",
    "spokesperson"), ``org`` the organisation or country it is held in ("Kremlin", "Republican"),
    ``qualifier`` how it is held ("former", "acting", "elect", "interim", "deputy", "candidate", "then").
    ``shape`` is how the text attaches it: apposition, premodifier, predicate or nominal (docs/roles.md).
    """

    entity_id: str  # the article's entity ("e1")
    span: Span
    shape: str
    office: str | None
    org: str | None = None
    qualifier: str | None = None
    date: dt.date | None = None  # the article's publication date


@dataclass(frozen=True, slots=True)
class Article:
    """One analysed article: the text, its speakers and its attributions."""

    id: str
    text: str
    text_sha256: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    entities: tuple[Entity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    time_expressions: tuple[TimeExpression, ...] = ()
    verification_notes: tuple[Span, ...] = ()
    roles: tuple[RoleMention, ...] = ()  # descriptions of the entities (resolve/roles.py)
    warnings: tuple[str, ...] = ()  # coded messages from reading the input ("[E011] …")
    schema_version: str = field(default="1.0")

    @property
    def quotes(self) -> tuple[Attribution, ...]:
        """The attributions journalists call quotes: those reporting speech or writing, in text order.

        Example:
            >>> text = "“We will win,” she said. She believes the vote is close."
            >>> said = Attribution((), (Span.of(text, 15, 23),), (Span.of(text, 0, 14),), AttributionType.DIRECT, "say", 0.9)
            >>> thinks = Attribution((), (Span.of(text, 29, 37),), (Span.of(text, 38, 55),), AttributionType.INDIRECT, "believe",
            ...                      0.8, kind=AttributionKind.THOUGHT)
            >>> article = Article("a1", text, "0" * 64, attributions=(said, thinks))
            >>> [a.content_text for a in article.quotes]
            ['“We will win,”']
            >>> [a.kind.value for a in article.of_kinds("thought").attributions]
            ['thought']
        """
        return tuple(a for a in self.attributions if a.is_quote)

    def of_kinds(self, *kinds: AttributionKind | str) -> "Article":
        """The same article keeping only the attributions of these kinds (``analyze --kind``)."""
        wanted = {AttributionKind(k) for k in kinds}
        return replace(self, attributions=tuple(a for a in self.attributions if a.kind in wanted))
