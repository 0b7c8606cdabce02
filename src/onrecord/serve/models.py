"""Pydantic models of the REST API: requests, and responses; the article models declare ``data/article.schema.json``.

The article models are the one declaration of the output record: ``python -m onrecord.serve.schema`` writes the
JSON Schema file from them (``tests/serve/test_models.py`` fails when the checked-in file differs), so
``/openapi.json`` documents the same records as ``onrecord analyze --jsonl``. The store-backed answers are built
from the store's records (``serve/shapes.py``): their fields are declared once, in ``store/records.py``; here only
what the API adds (types as clients see them, bounds, descriptions, defaults).
"""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..store import records
from ..store.roles import RoleHistory, RoleHistoryEntry
from ..store.roles_check import ArticleCheck, Evidence, RoleCheck
from ..types import VERIFICATION_STATUSES, Skipped
from .shapes import KIND_DESCRIPTION, AttributionKindName, IsoDate, Kind, Pair, Strict, api, response_model

#: a publication date given by a client: a date or an ISO 8601 timestamp (read by ingest.validate.parse_published)
PublishedInput = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")]


class TimeOut(Strict):
    span: Pair
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None = Field(description="TIMEX3 value, e.g. 2025-04-21, 2025-W17, P2Y, 2025-04-21TNI")
    mod: str | None = Field(None, description="TIMEX3 mod: START, END, MORE_THAN, LESS_THAN, APPROX …")
    note: str | None = None


class QuantityOut(Strict):
    span: Pair
    text: str
    value: float | None
    upper: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    what: str | None = None


class VerificationOut(Strict):
    status: Literal[VERIFICATION_STATUSES]
    by: list[str]
    evidence: Pair | None


class ClaimOut(Strict):
    stance: str
    certainty: Literal["certain", "probable", "possible", "unknown"]
    negated: bool
    hedges: list[Pair] = []
    verification: VerificationOut | None
    quantities: list[QuantityOut] = []
    times: list[TimeOut] = []
    flags: list[str] = []


SpeakerRef = response_model(records.SpeakerRef, "SpeakerRef", kind=api(Kind))


class AttributionOut(Strict):
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


class MentionOut(Strict):
    span: Pair
    text: str = ""
    form: str


class EntityOut(Strict):
    id: str
    name: str
    kind: Kind
    aliases: list[str] = []
    titles: list[str] = []
    nationality: str | None = None
    mentions: list[MentionOut] = []


class RoleMentionOut(Strict):
    """A description the text gives an entity (docs/roles.md): where it is, how it is attached, the role normalised."""

    entity: str = Field(description="the id of the entity described (an entry of `entities`)")
    span: Pair
    text: str
    shape: Literal["apposition", "premodifier", "predicate", "nominal"]
    office: str | None = Field(description="normalised office or position (data/role_terms.tsv): president, spokesperson")
    org: str | None = Field(description="organisation or country as written: Kremlin, Republican, United States")
    qualifier: Literal["former", "acting", "interim", "elect", "deputy", "candidate", "then"] | None
    date: IsoDate | None = Field(description="the article's publication date")


class ArticleOut(Strict):
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


# ------------------------------------------------------------------ store listings (built from the store's records)


#: what a listing adds to the store's page (``records.Page``): paging; not strict, as it always was
PAGING = {"limit": (int, ...), "offset": (int, ...), "next": (str | None, None)}
PAGE_DOC = "Paging of a listing: ``next`` is the URL of the following page, or null on the last one."
_TOTAL = api(ge=0, description="matches in all pages")


def _page(item: type[BaseModel], name: str) -> type[BaseModel]:
    return response_model(records.Page, name, base=BaseModel, extra=PAGING, total=_TOTAL, items=api(list[item]))


ArticleSummary = response_model(
    records.ArticleSummary, "ArticleSummary",
    outlet=api(default=None), url=api(default=None), attributions=api(ge=0, description="number of attributions"),
)
ArticleList = _page(ArticleSummary, "ArticleList")

QuoteOut = response_model(
    records.Quote, "QuoteOut", doc="One attribution from the store, with where and when it appeared.", nested={records.SpeakerRef: SpeakerRef},
    outlet=api(default=None),
    index=api(ge=0, description="position of the attribution in its article"),
    content=api(list[Pair], description="content offsets in the article text"),
    type=api(Literal["direct", "indirect", "mixed"]),
    kind=api(AttributionKindName, description=KIND_DESCRIPTION),
    confidence=api(ge=0, le=1),
    stance=api(default=None),
    said_on=api(IsoDate | None, default=None),
    verification=api(description="unverified / verified / disputed, when a note covers it"),
)
QuoteList = _page(QuoteOut, "QuoteList")

RelatedOut = response_model(
    records.RelatedStatement, "RelatedOut", doc="A statement in another article and how it relates to the one asked about, with the evidence.",
    nested={records.Quote: QuoteOut},
    relation=api(Literal["corroborates", "contradicts", "related"]),
    score=api(ge=0, le=1, description="content-word overlap (weighted Dice)"),
    reasons=api(description="why: shared words, polarity, numbers, same speaker …"),
    stance=api(default=None, description="the stance compared: the stored claim's, else the cue lemma's"),
)
RelatedList = response_model(
    records.RelatedStatements, "RelatedList", doc="One attribution and the related statements of other articles, best overlap first.",
    nested={records.Quote: QuoteOut, records.RelatedStatement: RelatedOut},
    stance=api(default=None),
    candidates=api(ge=0, description="statements the full-text index proposed before re-ranking"),
)

#: the API side of the fields a speaker's summary and detail share
_SPEAKER = dict(
    kind=api(Kind),
    quotes=api(ge=0, description="attributions to this speaker"),
    articles=api(ge=0),
    first_seen=api(default=None),
    last_seen=api(default=None),
    outlets=api(default=[]),
)
SpeakerSummary = response_model(records.SpeakerSummary, "SpeakerSummary", **_SPEAKER)
SpeakerList = _page(SpeakerSummary, "SpeakerList")
RoleOut = response_model(
    records.Role, "RoleOut", doc="A title or role, with the first and last publication dates it was seen on.",
    first_seen=api(default=None), last_seen=api(default=None),
)
MergeOut = response_model(records.MergeRecord, "MergeOut", doc="Why one spelling joined this speaker (``onrecord entities split`` undoes it).")
LinkOut = response_model(records.LinkRecord, "LinkOut", doc='A relation of one of the speaker\'s names to another entity ("the Kremlin" speaks for Russia).')
SpeakerDetail = response_model(
    records.SpeakerDetail, "SpeakerDetail", nested={records.Role: RoleOut, records.MergeRecord: MergeOut, records.LinkRecord: LinkOut},
    **_SPEAKER,
    aliases=api(default=[]),
    roles=api(default=[]),
    names=api(default=[], description="the spellings that make up this speaker"),
    merges=api(default=[]),
    links=api(default=[]),
)

RoleHistoryEntryOut = response_model(
    RoleHistoryEntry, "RoleHistoryEntryOut", doc="One office (with its qualifier) the stored articles give a speaker, with when and how often.",
    orgs=api(default=[], description="organisations or countries given with it, most frequent first"),
    first_seen=api(default=None), last_seen=api(default=None),
    articles=api(ge=0), outlets=api(ge=0),
    example=api(description="one description as written"),
)
RoleHistoryOut = response_model(RoleHistory, "RoleHistoryOut", nested={RoleHistoryEntry: RoleHistoryEntryOut})

RoleEvidenceOut = response_model(
    Evidence, "RoleEvidenceOut", doc="A role mention of another article: where, when, and the sentence that says it.",
    outlet=api(default=None), day=api(default=None),
    holds=api(description="how it has the speaker hold the office: current, former, candidate, elect, deputy, then"),
)
RoleCheckOut = response_model(
    RoleCheck, "RoleCheckOut", doc="One role mention of the article against the store's articles of the window.", nested={Evidence: RoleEvidenceOut},
    office=api(default=None), org=api(default=None), qualifier=api(default=None),
    status=api(Literal["agrees", "new", "conflicts"]),
    reason=api(description="a statement about the texts, e.g. '5 of 5 articles between … call Donald Trump president'"),
    supporting=api(ge=0), opposing=api(ge=0), considered=api(ge=0),
    since=api(default=None), until=api(default=None),
    evidence=api(default=[]),
    table=api(default=[], description="what a user's role table says about it (CLI --roles-csv)"),
)
ArticleCheckOut = response_model(ArticleCheck, "ArticleCheckOut", nested={RoleCheck: RoleCheckOut}, published=api(default=None))

IngestResult = response_model(records.AddResult, "IngestResult", created=api(description="false when the same text was already stored"))
SkippedOut = response_model(
    Skipped, "SkippedOut",
    origin=api(description="the input (file, record) that was skipped"), code=api(description="its error code (onrecord.errors)"),
)


class IngestOut(BaseModel):
    stored: list[IngestResult]
    skipped: list[SkippedOut] = Field(default_factory=list, description="articles whose analysis failed, with their codes")


#: each store record the API answers, and the response model built from it (tests/serve/test_shapes.py)
RECORD_MODELS = {
    records.SpeakerRef: SpeakerRef, records.ArticleSummary: ArticleSummary, records.Quote: QuoteOut,
    records.RelatedStatement: RelatedOut, records.RelatedStatements: RelatedList, records.SpeakerSummary: SpeakerSummary,
    records.Role: RoleOut, records.MergeRecord: MergeOut, records.LinkRecord: LinkOut, records.SpeakerDetail: SpeakerDetail,
    RoleHistoryEntry: RoleHistoryEntryOut, RoleHistory: RoleHistoryOut, Evidence: RoleEvidenceOut, RoleCheck: RoleCheckOut,
    ArticleCheck: ArticleCheckOut, records.AddResult: IngestResult, Skipped: SkippedOut,
}
#: the listings: the store's ``Page`` with the API's paging fields
PAGE_MODELS = (ArticleList, QuoteList, SpeakerList)


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
