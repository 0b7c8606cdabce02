"""Pydantic models of the REST API: requests, and responses; the article models declare ``data/article.schema.json``.

The article models are the one declaration of the output record: ``python -m onrecord.serve.schema`` writes the
JSON Schema file from them (``tests/serve/test_models.py`` fails when the checked-in file differs), so
``/openapi.json`` documents the same records as ``onrecord analyze --jsonl``. Store-backed listings add their
own small models below.
"""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..types import VERIFICATION_STATUSES

Offset = Annotated[int, Field(ge=0)]
Pair = tuple[Offset, Offset]
IsoDate = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
#: a publication date given by a client: a date or an ISO 8601 timestamp (read by ingest.validate.parse_published)
PublishedInput = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")]
Kind = Literal["person", "organisation", "group", "unresolved"]
#: what an attribution reports (``onrecord.types.AttributionKind``); speech and writing are quotes
AttributionKindName = Literal["speech", "writing", "thought", "evidence", "intention", "act"]
KIND_DESCRIPTION = "what the attribution reports; speech and writing are what journalists call quotes"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TimeOut(_Strict):
    span: Pair
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None = Field(description="TIMEX3 value, e.g. 2025-04-21, 2025-W17, P2Y, 2025-04-21TNI")
    mod: str | None = Field(None, description="TIMEX3 mod: START, END, MORE_THAN, LESS_THAN, APPROX …")
    note: str | None = None


class QuantityOut(_Strict):
    span: Pair
    text: str
    value: float | None
    upper: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    what: str | None = None


class VerificationOut(_Strict):
    status: Literal[VERIFICATION_STATUSES]
    by: list[str]
    evidence: Pair | None


class ClaimOut(_Strict):
    stance: str
    certainty: Literal["certain", "probable", "possible", "unknown"]
    negated: bool
    hedges: list[Pair] = []
    verification: VerificationOut | None
    quantities: list[QuantityOut] = []
    times: list[TimeOut] = []
    flags: list[str] = []


class SpeakerRef(_Strict):
    id: str
    name: str
    kind: Kind


class AttributionOut(_Strict):
    source: list[Pair] = Field(description="who: the source mention (empty when implicit)")
    cue: list[Pair] = Field(description="the words that attribute: said, according to, accused")
    content: list[Pair] = Field(description="what was said; several spans when a cue splits a quote")
    source_text: str = ""
    cue_text: str = ""
    content_text: str = ""
    speaker: SpeakerRef | None
    type: Literal["direct", "indirect", "mixed"]
    kind: AttributionKindName = Field("speech", description=KIND_DESCRIPTION)
    cue_lemma: str
    confidence: float = Field(ge=0, le=1)
    origin: Literal["rules", "model"] = "rules"
    said_on: IsoDate | None = None
    said_on_source: Literal["text", "published"] | None = Field(
        None,
        description="text: the text dates the speech act (said_on); published: it does not, the statement is filed under the publication date",
    )
    claim: ClaimOut | None = None


class MentionOut(_Strict):
    span: Pair
    text: str = ""
    form: str


class EntityOut(_Strict):
    id: str
    name: str
    kind: Kind
    aliases: list[str] = []
    titles: list[str] = []
    nationality: str | None = None
    mentions: list[MentionOut] = []


class RoleMentionOut(_Strict):
    """A description the text gives an entity (docs/roles.md): where it is, how it is attached, the role normalised."""

    entity: str = Field(description="the id of the entity described (an entry of `entities`)")
    span: Pair
    text: str
    shape: Literal["apposition", "premodifier", "predicate", "nominal"]
    office: str | None = Field(description="normalised office or position (data/role_terms.tsv): president, spokesperson")
    org: str | None = Field(description="organisation or country as written: Kremlin, Republican, United States")
    qualifier: Literal["former", "acting", "interim", "elect", "deputy", "candidate", "then"] | None
    date: IsoDate | None = Field(description="the article's publication date")


class ArticleOut(_Strict):
    """One analysed article: one line of `onrecord analyze --jsonl`. Offsets are Python str character offsets into `text`, end exclusive."""

    schema_version: str
    id: str = Field(min_length=1)
    title: str | None
    published: IsoDate | None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    text_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    text: str
    entities: list[EntityOut]
    attributions: list[AttributionOut]
    time_expressions: list[TimeOut] = []
    verification_notes: list[Pair] = []
    roles: list[RoleMentionOut] = []
    # as in article_to_dict, only an article read with warnings carries the key
    warnings: list[Annotated[str, Field(pattern=r"^\[E[0-9]{3}\] ")]] = Field(
        default=[],
        exclude_if=lambda value: not value,
        description="Coded messages from reading the input (e.g. [E011] a body implausibly short for its HTML page); present only when there are some.",
    )


# ------------------------------------------------------------------ store listings


class PageOut(BaseModel):
    """Paging of a listing: ``next`` is the URL of the following page, or null on the last one."""

    total: int = Field(ge=0, description="matches in all pages")
    limit: int
    offset: int
    next: str | None = None


class ArticleSummary(_Strict):
    id: str
    title: str | None
    published: IsoDate | None
    outlet: str | None = None
    url: str | None = None
    attributions: int = Field(ge=0, description="number of attributions")


class ArticleList(PageOut):
    items: list[ArticleSummary]


class QuoteOut(_Strict):
    """One attribution from the store, with where and when it appeared."""

    article_id: str
    article_title: str | None
    published: IsoDate | None
    outlet: str | None = None
    index: int = Field(ge=0, description="position of the attribution in its article")
    speaker: SpeakerRef | None
    source_text: str
    cue_text: str
    content_text: str
    content: list[Pair] = Field(description="content offsets in the article text")
    type: Literal["direct", "indirect", "mixed"]
    kind: AttributionKindName = Field(description=KIND_DESCRIPTION)
    cue_lemma: str
    confidence: float = Field(ge=0, le=1)
    stance: str | None = None
    certainty: str | None = None
    verification: str | None = Field(None, description="unverified / verified / disputed, when a note covers it")
    said_on: IsoDate | None = None


class QuoteList(PageOut):
    items: list[QuoteOut]


class RelatedOut(_Strict):
    """A statement in another article and how it relates to the one asked about, with the evidence."""

    relation: Literal["corroborates", "contradicts", "related"]
    score: float = Field(ge=0, le=1, description="content-word overlap (weighted Dice)")
    reasons: list[str] = Field(description="why: shared words, polarity, numbers, same speaker …")
    shared_words: list[str]
    stance: str | None = Field(None, description="the stance compared: the stored claim's, else the cue lemma's")
    quote: QuoteOut


class RelatedList(_Strict):
    """One attribution and the related statements of other articles, best overlap first."""

    statement: QuoteOut
    stance: str | None = None
    candidates: int = Field(ge=0, description="statements the full-text index proposed before re-ranking")
    items: list[RelatedOut]


class SpeakerSummary(_Strict):
    id: str
    name: str
    kind: Kind
    quotes: int = Field(ge=0, description="attributions to this speaker")
    articles: int = Field(ge=0)
    first_seen: IsoDate | None = None
    last_seen: IsoDate | None = None
    outlets: list[str] = []


class SpeakerList(PageOut):
    items: list[SpeakerSummary]


class RoleOut(_Strict):
    """A title or role, with the first and last publication dates it was seen on."""

    title: str
    first_seen: IsoDate | None = None
    last_seen: IsoDate | None = None
    articles: int = 1


class MergeOut(_Strict):
    """Why one spelling joined this speaker (``onrecord entities split`` undoes it)."""

    id: int
    name: str
    into: str
    rule: str
    evidence: str
    manual: bool


class LinkOut(_Strict):
    """A relation of one of the speaker's names to another entity ("the Kremlin" speaks for Russia)."""

    name: str
    relation: str
    target: str
    target_id: str | None
    evidence: str


class SpeakerDetail(SpeakerSummary):
    aliases: list[str] = []
    roles: list[RoleOut] = []
    names: list[str] = Field([], description="the spellings that make up this speaker")
    merges: list[MergeOut] = []
    links: list[LinkOut] = []
    nationalities: list[str] = []


class RoleHistoryEntryOut(_Strict):
    """One office (with its qualifier) the stored articles give a speaker, with when and how often."""

    office: str | None
    qualifier: str | None
    orgs: list[str] = Field([], description="organisations or countries given with it, most frequent first")
    first_seen: IsoDate | None = None
    last_seen: IsoDate | None = None
    articles: int = Field(ge=0)
    outlets: int = Field(ge=0)
    example: str = Field(description="one description as written")


class RoleHistoryOut(_Strict):
    id: str
    name: str
    roles: list[RoleHistoryEntryOut]


class RoleEvidenceOut(_Strict):
    """A role mention of another article: where, when, and the sentence that says it."""

    article_id: str
    outlet: str | None = None
    day: IsoDate | None = None
    text: str
    holds: str = Field(description="how it has the speaker hold the office: current, former, candidate, elect, deputy, then")
    sentence: str
    start: int
    end: int


class RoleCheckOut(_Strict):
    """One role mention of the article against the store's articles of the window."""

    entity: str
    text: str
    start: int
    end: int
    office: str | None = None
    org: str | None = None
    qualifier: str | None = None
    status: Literal["agrees", "new", "conflicts"]
    reason: str = Field(description="a statement about the texts, e.g. '5 of 5 articles between … call Donald Trump president'")
    supporting: int = Field(ge=0)
    opposing: int = Field(ge=0)
    considered: int = Field(ge=0)
    since: IsoDate | None = None
    until: IsoDate | None = None
    evidence: list[RoleEvidenceOut] = []
    table: list[str] = Field([], description="what a user's role table says about it (CLI --roles-csv)")


class ArticleCheckOut(_Strict):
    article_id: str
    published: IsoDate | None = None
    window_days: int
    checks: list[RoleCheckOut]


class IngestResult(_Strict):
    id: str
    created: bool = Field(description="false when the same text was already stored")
    attributions: int


class SkippedOut(_Strict):
    origin: str = Field(description="the input (file, record) that was skipped")
    code: str = Field(description="its error code (onrecord.errors)")
    reason: str


class IngestOut(BaseModel):
    stored: list[IngestResult]
    skipped: list[SkippedOut] = Field(default_factory=list, description="articles whose analysis failed, with their codes")


# ------------------------------------------------------------------ requests


class AnalyzeRequest(BaseModel):
    """Text or HTML of one article; ``published`` resolves relative dates ("on Monday")."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"text": "“We will rebuild the bridge,” Mayor Ana Ruiz said on Monday.", "published": "2024-03-05"}]
        },
    )

    text: str | None = Field(None, description="plain article text")
    html: str | None = Field(None, description="an HTML page; body text and metadata are extracted")
    published: PublishedInput | None = Field(None, description="publication date, YYYY-MM-DD or an ISO 8601 timestamp, when the input has none")
    id: str | None = Field(None, min_length=1, max_length=200, description="the id to report (default: 'text')")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)


class ErrorOut(BaseModel):
    """Every error answer: ``{"detail": what is wrong and what to do, "code": "E…"}`` (codes: ``onrecord.errors``)."""

    detail: str
    code: str = Field(description="the error's code in onrecord.errors (E001 empty input, E072 malformed request …)")
