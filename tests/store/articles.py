"""Analysed articles built by hand (no NLP), so store tests control every span, speaker and claim.

The sentences are written for these tests.
"""
from __future__ import annotations

import datetime as dt

from onrecord.pipeline import text_sha256
from onrecord.types import (
    Article,
    Attribution,
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
) -> Article:
    """An article whose text is ``sentences`` joined, each ``(speaker name, source words, cue, content)``.

    ``speakers`` gives an entity's kind, aliases, titles and nationality by name (person by default).
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
