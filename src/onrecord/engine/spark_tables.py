"""The Parquet tables the Spark engine writes: rows built from the one serializer.

Four tables, one folder each under the output directory:

- ``articles``: one row per analysed article, with the complete ``article_to_dict`` output as
  ``article_json`` (so the store loader rebuilds the exact :class:`~onrecord.types.Article`), plus
  flat metadata columns for analysts;
- ``attributions``: one row per attribution (type, kind, speaker, cue, content, spans, claim as JSON);
- ``entities``: one row per speaker entity of an article (within-article resolution);
- ``skipped``: inputs that could not become articles, with the coded reason.

``shard`` and ``record`` number every input (which file, which record in it), so the store is
loaded in input order whatever order Spark's tasks finished in. Pure Python: the Spark schemas
are built on demand so this module imports without PySpark.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..serialize import article_to_dict
from ..types import Article, Skipped

TABLES = ("articles", "attributions", "entities", "skipped")

#: (column, Spark type name) for each table; "array<...>" types follow Spark's DDL.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("shard", "int"),
        ("record", "int"),
        ("origin", "string"),
        ("id", "string"),
        ("text_sha256", "string"),
        ("title", "string"),
        ("published", "string"),
        ("url", "string"),
        ("outlet", "string"),
        ("author", "string"),
        ("schema_version", "string"),
        ("n_attributions", "int"),
        ("n_entities", "int"),
        ("text", "string"),
        ("article_json", "string"),
    ),
    "attributions": (
        ("text_sha256", "string"),
        ("article_id", "string"),
        ("index", "int"),
        ("type", "string"),
        ("kind", "string"),  # speech, writing, thought, evidence, intention, act
        ("cue_lemma", "string"),
        ("confidence", "double"),
        ("origin", "string"),
        ("said_on", "string"),
        ("speaker_id", "string"),
        ("speaker_name", "string"),
        ("speaker_kind", "string"),
        ("source_text", "string"),
        ("cue_text", "string"),
        ("content_text", "string"),
        ("source", "array<array<int>>"),
        ("cue", "array<array<int>>"),
        ("content", "array<array<int>>"),
        ("claim_json", "string"),
    ),
    "entities": (
        ("text_sha256", "string"),
        ("article_id", "string"),
        ("entity_id", "string"),
        ("name", "string"),
        ("kind", "string"),
        ("aliases", "array<string>"),
        ("titles", "array<string>"),
        ("nationality", "string"),
        ("n_mentions", "int"),
        ("mentions_json", "string"),
    ),
    "skipped": (
        ("shard", "int"),
        ("record", "int"),
        ("origin", "string"),
        ("code", "string"),
        ("reason", "string"),
    ),
}


def ddl(table: str) -> str:
    """The Spark DDL schema string of a table (``"shard int, record int, …"``).

    Example:
        >>> ddl("skipped")
        'shard int, record int, origin string, code string, reason string'
    """
    return ", ".join(f"{name} {kind}" if name != "index" else f"`index` {kind}" for name, kind in COLUMNS[table])


def article_row(shard: int, record: int, origin: str | None, article: Article) -> tuple:
    """The ``articles`` row of an analysed article (text kept once, outside ``article_json``)."""
    d = article_to_dict(article, include_text=False)
    return (
        shard,
        record,
        origin,
        article.id,
        article.text_sha256,
        article.title,
        d["published"],
        article.url,
        article.outlet,
        article.author,
        article.schema_version,
        len(article.attributions),
        len(article.entities),
        article.text,
        json.dumps(d, ensure_ascii=False, sort_keys=True),
    )


def skipped_row(shard: int, record: int, skipped: Skipped) -> tuple:
    """The ``skipped`` row of an input that could not become an article."""
    return (shard, record, skipped.origin, skipped.code, skipped.reason)


def attribution_rows(article_json: str) -> Iterator[tuple]:
    """The ``attributions`` rows of one ``articles`` row, from its ``article_json``."""
    d: dict[str, Any] = json.loads(article_json)
    for i, a in enumerate(d["attributions"]):
        speaker = a.get("speaker") or {}
        yield (
            d["text_sha256"],
            d["id"],
            i,
            a["type"],
            a.get("kind", "speech"),
            a["cue_lemma"],
            float(a["confidence"]),
            a.get("origin"),
            a.get("said_on"),
            speaker.get("id"),
            speaker.get("name"),
            speaker.get("kind"),
            a["source_text"],
            a["cue_text"],
            a["content_text"],
            a["source"],
            a["cue"],
            a["content"],
            json.dumps(a["claim"], ensure_ascii=False, sort_keys=True) if a.get("claim") else None,
        )


def entity_rows(article_json: str) -> Iterator[tuple]:
    """The ``entities`` rows of one ``articles`` row, from its ``article_json``."""
    d: dict[str, Any] = json.loads(article_json)
    for e in d["entities"]:
        yield (
            d["text_sha256"],
            d["id"],
            e["id"],
            e["name"],
            e["kind"],
            list(e["aliases"]),
            list(e["titles"]),
            e.get("nationality"),
            len(e["mentions"]),
            json.dumps(e["mentions"], ensure_ascii=False),
        )


def spark_schema(table: str):
    """The PySpark ``StructType`` of a table (imports PySpark; needs no running Spark)."""
    from pyspark.sql import types as T

    scalars = {"int": T.IntegerType(), "string": T.StringType(), "double": T.DoubleType()}

    def parse(kind: str):
        if kind.startswith("array<"):
            return T.ArrayType(parse(kind[len("array<") : -1]), containsNull=True)
        return scalars[kind]

    return T.StructType([T.StructField(name, parse(kind), nullable=True) for name, kind in COLUMNS[table]])
