"""Exporting a store: JSONL (the output schema), CSV (one row per attribution), Parquet tables, brat, doccano.

Parquet is a folder of three tables, the shape analysts load into pandas, DuckDB or Spark:

* ``articles.parquet``: id, title, published, url, outlet, author, text_sha256, text, attributions;
* ``attributions.parquet``: one row per attribution, with the article id and date, the local and
  cross-article speaker, its kind (speech, writing, thought, evidence, intention, act), spans as lists of ``[start, end]``, texts, claim columns and the claim JSON;
* ``entities.parquet``: one row per speaker of an article (article id, local id, cross-article
  entity id, name, kind, aliases, titles, nationality).
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .annotation import write_brat, write_doccano

FORMATS = ("jsonl", "csv", "parquet", "brat", "doccano")

ATTRIBUTION_FIELDS = [
    "article_id", "index", "published", "outlet", "title", "speaker_id", "speaker_name", "speaker_kind", "entity",
    "type", "kind", "cue_lemma", "confidence", "origin", "said_on", "stance", "certainty", "negated", "verification",
    "verified_by", "source", "cue", "content", "source_text", "cue_text", "content_text", "claim",
]


def attribution_rows(article: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Flat rows, one per attribution of an article dict read with ``entity_keys=True``."""
    for i, a in enumerate(article["attributions"]):
        speaker = a.get("speaker") or {}
        claim = a.get("claim") or {}
        verification = claim.get("verification") or {}
        yield {
            "article_id": article["id"],
            "index": i,
            "published": article["published"],
            "outlet": article["outlet"],
            "title": article["title"],
            "speaker_id": speaker.get("id"),
            "speaker_name": speaker.get("name"),
            "speaker_kind": speaker.get("kind"),
            "entity": speaker.get("entity"),
            "type": a["type"],
            "kind": a.get("kind", "speech"),
            "cue_lemma": a["cue_lemma"],
            "confidence": a["confidence"],
            "origin": a["origin"],
            "said_on": a["said_on"],
            "stance": claim.get("stance"),
            "certainty": claim.get("certainty"),
            "negated": claim.get("negated"),
            "verification": verification.get("status"),
            "verified_by": ", ".join(verification.get("by") or []) or None,
            "source": a["source"],
            "cue": a["cue"],
            "content": a["content"],
            "source_text": a["source_text"],
            "cue_text": a["cue_text"],
            "content_text": a["content_text"],
            "claim": json.dumps(a["claim"], ensure_ascii=False) if a.get("claim") else None,
        }


def entity_rows(article: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for e in article["entities"]:
        yield {
            "article_id": article["id"],
            "local_id": e["id"],
            "entity": e.get("entity"),
            "name": e["name"],
            "kind": e["kind"],
            "aliases": e["aliases"],
            "titles": e["titles"],
            "nationality": e["nationality"],
        }


def write_jsonl(articles: Iterable[dict[str, Any]], path: Path) -> int:
    """One article per line, exactly as ``onrecord analyze --jsonl`` writes it (local speaker ids)."""
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for article in articles:
            article = _strip_entity_keys(article)
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
            count += 1
    return count


def _strip_entity_keys(article: dict[str, Any]) -> dict[str, Any]:
    entities = [{k: v for k, v in e.items() if k != "entity"} for e in article["entities"]]
    attributions = [
        {**a, "speaker": {k: v for k, v in a["speaker"].items() if k != "entity"} if a.get("speaker") else None}
        for a in article["attributions"]
    ]
    return {**article, "entities": entities, "attributions": attributions}


def write_csv(articles: Iterable[dict[str, Any]], path: Path) -> int:
    """One row per attribution; spans as JSON lists."""
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=ATTRIBUTION_FIELDS)
        writer.writeheader()
        for article in articles:
            for row in attribution_rows(article):
                writer.writerow({k: json.dumps(v) if isinstance(v, list) else v for k, v in row.items()})
            count += 1
    return count


def _parquet_schemas():
    import pyarrow as pa

    spans = pa.list_(pa.list_(pa.int32()))
    strings = pa.list_(pa.string())
    return {
        "articles": pa.schema([
            ("id", pa.string()), ("title", pa.string()), ("published", pa.date32()), ("url", pa.string()),
            ("outlet", pa.string()), ("author", pa.string()), ("text_sha256", pa.string()), ("text", pa.string()),
            ("attributions", pa.int32()),
        ]),
        "attributions": pa.schema([
            ("article_id", pa.string()), ("index", pa.int32()), ("published", pa.date32()), ("outlet", pa.string()),
            ("title", pa.string()), ("speaker_id", pa.string()), ("speaker_name", pa.string()), ("speaker_kind", pa.string()),
            ("entity", pa.string()), ("type", pa.string()), ("kind", pa.string()), ("cue_lemma", pa.string()), ("confidence", pa.float64()),
            ("origin", pa.string()), ("said_on", pa.string()), ("stance", pa.string()), ("certainty", pa.string()),
            ("negated", pa.bool_()), ("verification", pa.string()), ("verified_by", pa.string()), ("source", spans),
            ("cue", spans), ("content", spans), ("source_text", pa.string()), ("cue_text", pa.string()),
            ("content_text", pa.string()), ("claim", pa.string()),
        ]),
        "entities": pa.schema([
            ("article_id", pa.string()), ("local_id", pa.string()), ("entity", pa.string()), ("name", pa.string()),
            ("kind", pa.string()), ("aliases", strings), ("titles", strings), ("nationality", pa.string()),
        ]),
    }


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def write_parquet(articles: Iterable[dict[str, Any]], folder: Path, batch: int = 500) -> int:
    """``articles.parquet``, ``attributions.parquet`` and ``entities.parquet`` under ``folder``."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        raise StoreError(f"the Parquet export needs pyarrow: pip install pyarrow ({error})") from None

    folder.mkdir(parents=True, exist_ok=True)
    schemas = _parquet_schemas()
    writers = {name: pq.ParquetWriter(folder / f"{name}.parquet", schema) for name, schema in schemas.items()}
    buffers: dict[str, list[dict]] = {name: [] for name in schemas}

    def flush(force: bool = False) -> None:
        for name, rows in buffers.items():
            if rows and (force or len(rows) >= batch):
                writers[name].write_table(pa.Table.from_pylist(rows, schema=schemas[name]))
                rows.clear()

    count = 0
    try:
        for article in articles:
            buffers["articles"].append({
                "id": article["id"], "title": article["title"], "published": _date(article["published"]), "url": article["url"],
                "outlet": article["outlet"], "author": article["author"], "text_sha256": article["text_sha256"],
                "text": article["text"], "attributions": len(article["attributions"]),
            })
            buffers["attributions"].extend({**row, "published": _date(row["published"])} for row in attribution_rows(article))
            buffers["entities"].extend(entity_rows(article))
            count += 1
            flush()
        flush(force=True)
    finally:
        for writer in writers.values():
            writer.close()
    return count


def export(store, fmt: str, out: Path) -> int:
    """Write every stored article to ``out`` in ``fmt``; returns the number of articles.

    Example:
        >>> export(Store.open("var/demo.db"), "brat", Path("var/brat"))  # doctest: +SKIP
        5
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    articles = store.iter_articles(entity_keys=True)
    writers = {"jsonl": write_jsonl, "csv": write_csv, "parquet": write_parquet, "brat": write_brat, "doccano": write_doccano}
    if fmt in ("jsonl", "csv", "doccano"):
        Path(out).parent.mkdir(parents=True, exist_ok=True)
    return writers[fmt](articles, Path(out))
