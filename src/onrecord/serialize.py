"""The one JSON serializer: Article <-> dict, checked against ``data/article.schema.json``."""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from importlib import resources
from typing import Any

from .errors import SchemaError
from .types import (
    Article,
    Attribution,
    AttributionKind,
    AttributionType,
    Claim,
    Entity,
    EntityKind,
    Mention,
    Quantity,
    RoleMention,
    Span,
    Speaker,
    TimeExpression,
    Verification,
)

SCHEMA_VERSION = "1.2"  # 1.1: claims (stance, certainty, verification, quantities, times), said_on; 1.2: roles


def text_sha256(text: str) -> str:
    """The article's identity for de-duplication: the SHA-256 of its UTF-8 text, in hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _pairs(spans) -> list[list[int]]:
    return [s.as_pair() for s in spans]


def _texts(spans) -> str:
    return " … ".join(s.text for s in spans)


def _span_dict(span: Span | None) -> list[int] | None:
    return span.as_pair() if span else None


def time_to_dict(t: TimeExpression) -> dict[str, Any]:
    return {"span": t.span.as_pair(), "text": t.span.text, "type": t.type, "value": t.value, "mod": t.mod, "note": t.note}


def quantity_to_dict(q: Quantity) -> dict[str, Any]:
    return {
        "span": q.span.as_pair(),
        "text": q.span.text,
        "value": q.value,
        "upper": q.upper,
        "unit": q.unit,
        "qualifier": q.qualifier,
        "what": q.what,
    }


def claim_to_dict(c: Claim) -> dict[str, Any]:
    v = c.verification
    return {
        "stance": c.stance,
        "certainty": c.certainty,
        "negated": c.negated,
        "hedges": _pairs(c.hedges),
        "verification": None
        if v is None
        else {"status": v.status, "by": list(v.by), "evidence": _span_dict(v.evidence)},
        "quantities": [quantity_to_dict(q) for q in c.quantities],
        "times": [time_to_dict(t) for t in c.times],
        "flags": list(c.flags),
    }


def attribution_to_dict(a: Attribution) -> dict[str, Any]:
    return {
        "source": _pairs(a.source),
        "cue": _pairs(a.cue),
        "content": _pairs(a.content),
        "source_text": _texts(a.source),
        "cue_text": _texts(a.cue),
        "content_text": _texts(a.content),
        "speaker": None
        if a.speaker is None
        else {"id": a.speaker.id, "name": a.speaker.name, "kind": a.speaker.kind.value},
        "type": a.type.value,
        "kind": a.kind.value,
        "cue_lemma": a.cue_lemma,
        "confidence": a.confidence,
        "origin": a.origin,
        "said_on": a.said_on,
        "said_on_source": a.said_on_source,
        "claim": claim_to_dict(a.claim) if a.claim else None,
    }


def entity_to_dict(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "kind": e.kind.value,
        "aliases": list(e.aliases),
        "titles": list(e.titles),
        "nationality": e.nationality,
        "mentions": [{"span": m.span.as_pair(), "text": m.span.text, "form": m.form} for m in e.mentions],
    }


def role_to_dict(r: RoleMention) -> dict[str, Any]:
    return {
        "entity": r.entity_id,
        "span": r.span.as_pair(),
        "text": r.span.text,
        "shape": r.shape,
        "office": r.office,
        "org": r.org,
        "qualifier": r.qualifier,
        "date": r.date.isoformat() if r.date else None,
    }


def role_from_dict(text: str, d: dict[str, Any]) -> RoleMention:
    return RoleMention(
        entity_id=d["entity"],
        span=Span.of(text, *d["span"]),
        shape=d["shape"],
        office=d.get("office"),
        org=d.get("org"),
        qualifier=d.get("qualifier"),
        date=dt.date.fromisoformat(d["date"]) if d.get("date") else None,
    )


def article_to_dict(article: Article, *, include_text: bool = True) -> dict[str, Any]:
    """The article as a JSON-ready dict (one line of ``onrecord analyze --jsonl``)."""
    out: dict[str, Any] = {
        "schema_version": article.schema_version,
        "id": article.id,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
        "outlet": article.outlet,
        "author": article.author,
        "text_sha256": article.text_sha256,
    }
    if include_text:
        out["text"] = article.text
    out["entities"] = [entity_to_dict(e) for e in article.entities]
    out["attributions"] = [attribution_to_dict(a) for a in article.attributions]
    out["time_expressions"] = [time_to_dict(t) for t in article.time_expressions]
    out["verification_notes"] = _pairs(article.verification_notes)
    out["roles"] = [role_to_dict(r) for r in article.roles]
    if article.warnings:  # only articles read with a warning carry the key
        out["warnings"] = list(article.warnings)
    return out


def dumps(article: Article) -> str:
    return json.dumps(article_to_dict(article), ensure_ascii=False)


# ---------------------------------------------------------------- reading back


def _spans(text: str, pairs) -> tuple[Span, ...]:
    return tuple(Span.of(text, s, e) for s, e in pairs or ())


def _time_from(text: str, d: dict) -> TimeExpression:
    return TimeExpression(Span.of(text, *d["span"]), d["type"], d.get("value"), d.get("mod"), d.get("note"))


def _claim_from(text: str, d: dict) -> Claim:
    v = d.get("verification")
    return Claim(
        stance=d["stance"],
        certainty=d["certainty"],
        negated=d.get("negated", False),
        hedges=_spans(text, d.get("hedges")),
        verification=None
        if not v
        else Verification(v["status"], tuple(v.get("by") or ()), Span.of(text, *v["evidence"]) if v.get("evidence") else None),
        quantities=tuple(
            Quantity(Span.of(text, *q["span"]), q.get("value"), q.get("unit"), q.get("qualifier"), q.get("upper"), q.get("what"))
            for q in d.get("quantities") or ()
        ),
        times=tuple(_time_from(text, t) for t in d.get("times") or ()),
        flags=tuple(d.get("flags") or ()),
    )


def article_from_dict(d: dict[str, Any], text: str | None = None) -> Article:
    """Rebuild an :class:`Article` from :func:`article_to_dict` output (``text`` if it was left out)."""
    text = d.get("text", text)
    if text is None:
        raise SchemaError("article_from_dict needs the article text")
    entities = tuple(
        Entity(
            id=e["id"],
            name=e["name"],
            kind=EntityKind(e["kind"]),
            aliases=tuple(e.get("aliases") or ()),
            titles=tuple(e.get("titles") or ()),
            nationality=e.get("nationality"),
            mentions=tuple(Mention(Span.of(text, *m["span"]), m["form"]) for m in e.get("mentions") or ()),
        )
        for e in d.get("entities") or ()
    )
    attributions = tuple(
        Attribution(
            source=_spans(text, a["source"]),
            cue=_spans(text, a["cue"]),
            content=_spans(text, a["content"]),
            type=AttributionType(a["type"]),
            kind=AttributionKind(a.get("kind", "speech")),
            cue_lemma=a["cue_lemma"],
            confidence=a["confidence"],
            speaker=None
            if not a.get("speaker")
            else Speaker(a["speaker"]["id"], a["speaker"]["name"], EntityKind(a["speaker"]["kind"])),
            origin=a.get("origin", "rules"),
            said_on=a.get("said_on"),
            said_on_source=a.get("said_on_source"),
            claim=_claim_from(text, a["claim"]) if a.get("claim") else None,
        )
        for a in d.get("attributions") or ()
    )
    return Article(
        id=d["id"],
        text=text,
        text_sha256=d["text_sha256"],
        title=d.get("title"),
        published=dt.date.fromisoformat(d["published"]) if d.get("published") else None,
        url=d.get("url"),
        outlet=d.get("outlet"),
        author=d.get("author"),
        entities=entities,
        attributions=attributions,
        time_expressions=tuple(_time_from(text, t) for t in d.get("time_expressions") or ()),
        verification_notes=_spans(text, d.get("verification_notes")),
        roles=tuple(role_from_dict(text, r) for r in d.get("roles") or ()),
        warnings=tuple(d.get("warnings") or ()),
        schema_version=d.get("schema_version", "1.0"),
    )


@functools.lru_cache(maxsize=1)
def article_schema() -> dict[str, Any]:
    """The published JSON Schema of one output line."""
    return json.loads(resources.files("onrecord").joinpath("data/article.schema.json").read_text("utf-8"))


def validate_article_dict(d: dict[str, Any]) -> None:
    """Raise :class:`SchemaError` when ``d`` does not match the JSON Schema."""
    import jsonschema

    try:
        jsonschema.validate(d, article_schema())
    except jsonschema.ValidationError as error:
        raise SchemaError(f"output does not match the schema at {list(error.absolute_path)}: {error.message}") from error
