"""Analysed articles built by hand (no NLP), so store tests control every span, speaker and claim.

The sentences are written for these tests.
"""
from __future__ import annotations

import datetime as dt

from onrecord.pipeline import text_sha256
from onrecord.types import (
    Article,
    Attribution,
    AttributionKind,
    AttributionType,
    Claim,
    Entity,
    EntityKind,
    Mention,
    Span,
    Speaker,
    TimeExpression,
    Verification,
)


def _find(text: str, phrase: str, after: int = 0) -> Span:
    start = text.index(phrase, after)
    return Span.of(text, start, start + len(phrase))


def build_article(
    id: str,
    sentences: list[tuple[str, str, str, str]],
    *,
    published: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    speakers: dict[str, dict] | None = None,
    claims: dict[int, Claim] | None = None,
    said_on: dict[int, str] | None = None,
    quoted: bool = False,
    kinds: dict[int, str] | None = None,
) -> Article:
    """An article whose text is ``sentences`` joined, each ``(speaker name, source words, cue, content)``.

    ``speakers`` gives an entity's kind, aliases, titles and nationality by name (person by default);
    ``kinds`` the attribution kind of sentence ``i`` (speech by default).
    Each sentence reads ``<source> <cue> that <content>.`` (or with the content in quotation marks).
    """
    speakers = speakers or {}
    parts = []
    for _, source, cue, content in sentences:
        parts.append(f"“{content},” {source} {cue}." if quoted else f"{source} {cue} that {content}.")
    text = " ".join(parts)
    entity_ids: dict[str, str] = {}
    mentions: dict[str, list[Mention]] = {}
    attributions = []
    at = 0
    for i, (name, source, cue, content) in enumerate(sentences):
        sentence_start = text.index(parts[i], at)
        at = sentence_start + len(parts[i])
        s, c, q = (_find(text, x, sentence_start) for x in (source, cue, content))
        local = entity_ids.setdefault(name, f"e{len(entity_ids) + 1}")
        kind = EntityKind(speakers.get(name, {}).get("kind", "person"))
        mentions.setdefault(name, []).append(Mention(s, "name"))
        attributions.append(
            Attribution(
                source=(s,),
                cue=(c,),
                content=(q,),
                type=AttributionType.DIRECT if quoted else AttributionType.INDIRECT,
                cue_lemma=cue.lower(),
                confidence=round(0.5 + 0.05 * (i % 9), 3),
                speaker=Speaker(local, name, kind),
                said_on=(said_on or {}).get(i),
                claim=(claims or {}).get(i),
                kind=AttributionKind((kinds or {}).get(i, "speech")),
            )
        )
    entities = tuple(
        Entity(
            id=local,
            name=name,
            kind=EntityKind(speakers.get(name, {}).get("kind", "person")),
            aliases=tuple(speakers.get(name, {}).get("aliases", ())),
            titles=tuple(speakers.get(name, {}).get("titles", ())),
            nationality=speakers.get(name, {}).get("nationality"),
            mentions=tuple(mentions[name]),
        )
        for name, local in entity_ids.items()
    )
    return Article(
        id=id,
        text=text,
        text_sha256=text_sha256(text),
        title=title,
        published=dt.date.fromisoformat(published) if published else None,
        outlet=outlet,
        entities=entities,
        attributions=tuple(attributions),
    )


def claim(stance: str, certainty: str = "certain", status: str | None = None, by: tuple[str, ...] = ()) -> Claim:
    return Claim(stance=stance, certainty=certainty, verification=Verification(status, by) if status else None)


def with_times(article: Article, phrase: str, value: str) -> Article:
    """The article with one normalised time expression (to check it survives the store)."""
    from dataclasses import replace

    return replace(article, time_expressions=(TimeExpression(_find(article.text, phrase), "DATE", value),))


def with_quantity(article: Article, index: int, phrase: str, value: float, unit: str, qualifier: str | None = None) -> Article:
    """The article with one quantity in the claim of attribution ``index`` (its span found by ``phrase``)."""
    from dataclasses import replace

    from onrecord.types import Quantity

    attributions = list(article.attributions)
    old = attributions[index]
    quantity = Quantity(_find(article.text, phrase, old.content[0].start), value, unit, qualifier)
    attributions[index] = replace(old, claim=replace(old.claim or claim("states"), quantities=(quantity,)))
    return replace(article, attributions=tuple(attributions))


def related_corpus() -> list[Article]:
    """Six outlets on one invented river-pollution story, and one unrelated article (for ``Store.related``).

    r1#0 is the allegation; r2 denies it, r3 confirms it (another speaker), r4 is the same councillor again,
    r5 and r6 give numbers that cannot agree, r7 is about something else.
    """
    lind = {"Mara Lind": {"titles": ["Councillor"]}}
    return [
        build_article("r1", [("Mara Lind", "Councillor Mara Lind", "alleged", "the Tarsk chemical plant dumped waste into the Orvel river last spring"),
                             ("Mara Lind", "Lind", "added", "the Tarsk chemical plant dumped waste into the Orvel river twice")],
                      published="2025-05-02", outlet="Harbour Times", speakers=lind, claims={0: claim("alleges"), 1: claim("states")}),
        build_article("r2", [("Jonas Brek", "the plant director Jonas Brek", "denied", "the Tarsk chemical plant had dumped any waste into the Orvel river")],
                      published="2025-05-03", outlet="Velmora Daily", claims={0: claim("denies")}),
        build_article("r3", [("Hanna Voss", "inspector Hanna Voss", "confirmed", "the Tarsk chemical plant dumped waste into the Orvel river in April")],
                      published="2025-05-06", outlet="River Post", claims={0: claim("confirms")}),
        build_article("r4", [("Mara Lind", "Mara Lind", "repeated", "the Tarsk chemical plant dumped waste into the Orvel river")],
                      published="2025-05-09", outlet="Harbour Times", speakers=lind, claims={0: claim("reiterates")}),
        with_quantity(
            build_article("r5", [("Anton Feld", "the fisheries officer Anton Feld", "said", "the Tarsk plant released nearly 3,000 tonnes of sludge into the Orvel river")],
                          published="2025-05-10", outlet="River Post", claims={0: claim("states")}),
            0, "nearly 3,000", 3000.0, "tonnes", "nearly"),
        with_quantity(
            build_article("r6", [("Jonas Brek", "Jonas Brek", "said", "the Tarsk plant released 500 tonnes of sludge into the Orvel river")],
                          published="2025-05-11", outlet="Velmora Daily", claims={0: claim("states")}),
            0, "500", 500.0, "tonnes"),
        build_article("r7", [("Ilse Marr", "the harbour master Ilse Marr", "said", "the ferry timetable to the northern islands would change in June")],
                      published="2025-05-12", outlet="Harbour Times", claims={0: claim("states")}),
    ]
