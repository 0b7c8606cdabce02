"""Attributions for annotators: brat standoff and doccano JSONL, written and read back.

Annotators correct onrecord's output in brat or doccano; reading their files back gives article
dicts of the output schema (spans, type, cue lemma, speaker), ready for training or re-import.

brat follows PolNeAR's conventions (``Source``, ``Cue``, ``Content`` text-bound annotations and an
``Attribution`` event on the cue), so a brat export can be read by any PolNeAR reader. Discontinuous
spans are brat fragments (``start end;start end``). The attribution's type and kind (speech, writing,
thought, evidence, intention, act) are brat attributes; the speaker, cue lemma and confidence go in an
``AnnotatorNotes`` line as ``key=value`` pairs.

doccano's "sequence labeling with relations" JSONL has one entity per span fragment (labels
``SOURCE``, ``CUE``, ``CONTENT``) and relations from the attribution's first cue fragment (its hub)
to every other part; the attribution's other fields ride along in ``attributions`` on the line (its kind as
``attribution_kind``: ``kind`` there is the speaker's).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..serialize import SCHEMA_VERSION, text_sha256
from ..types import AttributionKind

_SAFE = re.compile(r"[^\w.-]+")
KINDS = tuple(k.value for k in AttributionKind)

ANNOTATION_CONF = """# onrecord attributions (PolNeAR-style labels)
[entities]
Source
Cue
Content

[relations]
<OVERLAP>	Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]
Attribution	Source?:Source, Cue?:Cue, Content:Content

[attributes]
Type	Arg:Attribution, Value:direct|indirect|mixed
Kind	Arg:Attribution, Value:speech|writing|thought|evidence|intention|act
"""

VISUAL_CONF = """[labels]
Source | Source | Src
Cue | Cue
Content | Content | Cnt
Attribution | Attribution | Attr

[drawing]
Source	bgColor:#8fb2ff
Cue	bgColor:#ffd36b
Content	bgColor:#b7e4a7
Attribution	bgColor:#e0e0e0
"""

_NOTE_KEYS = ("speaker", "kind", "entity", "cue_lemma", "confidence", "origin", "said_on")


def file_stem(article_id: str) -> str:
    """A file name for an article id (ids may hold '/', spaces, …).

    Example:
        >>> file_stem("wire/2016 09 01")
        'wire_2016_09_01'
    """
    return _SAFE.sub("_", article_id).strip("_") or "article"


def _fragments(pairs) -> str:
    return ";".join(f"{s} {e}" for s, e in pairs)


def _one_line(text: str) -> str:
    return text.replace("\n", " ").replace("\r", " ")


# ---------------------------------------------------------------- brat


def brat_ann(article: dict[str, Any]) -> str:
    """The ``.ann`` standoff of one article dict (``serialize.article_to_dict`` shape)."""
    text = article["text"]
    lines: list[str] = []
    t = e = a = n = 0
    for attribution in article["attributions"]:
        roles = []
        for label, key in (("Source", "source"), ("Cue", "cue"), ("Content", "content")):
            pairs = attribution[key]
            if not pairs:
                continue
            t += 1
            lines.append(f"T{t}\t{label} {_fragments(pairs)}\t{_one_line(' '.join(text[s:e_] for s, e_ in pairs))}")
            roles.append(f"{label}:T{t}")
        trigger = (attribution["cue"] or attribution["content"])[0]
        t += 1
        lines.append(f"T{t}\tAttribution {trigger[0]} {trigger[1]}\t{_one_line(text[trigger[0]:trigger[1]])}")
        e += 1
        lines.append(f"E{e}\tAttribution:T{t} " + " ".join(roles))
        a += 1
        lines.append(f"A{a}\tType E{e} {attribution['type']}")
        a += 1
        lines.append(f"A{a}\tKind E{e} {attribution.get('kind', 'speech')}")
        speaker = attribution.get("speaker") or {}
        note = {
            "speaker": speaker.get("name"),
            "kind": speaker.get("kind"),
            "entity": speaker.get("entity"),
            "cue_lemma": attribution["cue_lemma"],
            "confidence": attribution["confidence"],
            "origin": attribution.get("origin"),
            "said_on": attribution.get("said_on"),
        }
        n += 1
        lines.append(f"#{n}\tAnnotatorNotes E{e}\t" + "; ".join(f"{k}={_one_line(str(v)).replace(';', ',')}" for k, v in note.items() if v is not None))
    return "\n".join(lines) + ("\n" if lines else "")


def write_brat(articles: Iterable[dict[str, Any]], folder: Path) -> int:
    """Write ``<stem>.txt`` + ``<stem>.ann`` per article, brat's config files and ``meta.jsonl``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "annotation.conf").write_text(ANNOTATION_CONF, "utf-8")
    (folder / "visual.conf").write_text(VISUAL_CONF, "utf-8")
    count = 0
    used: set[str] = set()
    with open(folder / "meta.jsonl", "w", encoding="utf-8") as meta:
        for article in articles:
            stem = file_stem(article["id"])
            while stem in used:
                stem += "_"
            used.add(stem)
            # newline="" keeps the text byte for byte, so offsets stay right on every platform
            with open(folder / f"{stem}.txt", "w", encoding="utf-8", newline="") as f:
                f.write(article["text"])
            (folder / f"{stem}.ann").write_text(brat_ann(article), "utf-8")
            fields = {k: article.get(k) for k in ("id", "title", "published", "url", "outlet", "author", "text_sha256")}
            meta.write(json.dumps({"file": stem, **fields}, ensure_ascii=False) + "\n")
            count += 1
    return count


def _parse_note(note: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for part in note.split("; "):
        if "=" in part:
            key, value = part.split("=", 1)
            if key in _NOTE_KEYS:
                out[key] = value
    return out


def _speaker(note: dict[str, Any], speakers: dict[tuple[str, str], str]) -> dict[str, Any] | None:
    if not note.get("speaker"):
        return None
    key = (note["speaker"], note.get("kind") or "unresolved")
    speakers.setdefault(key, f"e{len(speakers) + 1}")
    return {"id": speakers[key], "name": key[0], "kind": key[1]}


def _attribution(
    text: str, parts: dict[str, list[list[int]]], type_: str | None, kind: str | None, note: dict[str, Any], speakers
) -> dict[str, Any]:
    def joined(key: str) -> str:
        return " … ".join(text[s:e] for s, e in parts.get(key, []))

    confidence = note.get("confidence")
    return {
        "source": parts.get("source", []),
        "cue": parts.get("cue", []),
        "content": parts.get("content", []),
        "source_text": joined("source"),
        "cue_text": joined("cue"),
        "content_text": joined("content"),
        "speaker": _speaker(note, speakers),
        "type": type_ if type_ in ("direct", "indirect", "mixed") else "indirect",
        # an attribution an annotator added without a kind is speech, the commonest
        "kind": kind if kind in KINDS else "speech",
        "cue_lemma": note.get("cue_lemma") or (joined("cue").lower() or "unknown"),
        # an attribution an annotator added (no note) is as sure as a human is
        "confidence": float(confidence) if confidence is not None else 1.0,
        "origin": note.get("origin") if note.get("origin") in ("rules", "model") else "rules",
        "said_on": note.get("said_on"),
        "claim": None,
    }


def _entities(speakers: dict[tuple[str, str], str]) -> list[dict[str, Any]]:
    return [
        {"id": local, "name": name, "kind": kind, "aliases": [], "titles": [], "nationality": None, "mentions": []}
        for (name, kind), local in speakers.items()
    ]


def _article(meta: dict[str, Any], text: str, attributions: list, speakers) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "id": meta.get("id"),
        "title": meta.get("title"),
        "published": meta.get("published"),
        "url": meta.get("url"),
        "outlet": meta.get("outlet"),
        "author": meta.get("author"),
        "text_sha256": text_sha256(text),
        "text": text,
        "entities": _entities(speakers),
        "attributions": attributions,
        "time_expressions": [],
        "verification_notes": [],
    }


def _order(attribution: dict[str, Any]) -> tuple:
    first = (attribution["content"] or attribution["cue"] or [[0, 0]])[0]
    return tuple(first)


def read_brat_ann(text: str, ann: str) -> tuple[list[dict[str, Any]], dict[tuple[str, str], str]]:
    """Attributions (schema dicts, in text order) and speakers of one ``.ann`` over ``text``."""
    spans: dict[str, tuple[str, list[list[int]]]] = {}
    events: dict[str, list[tuple[str, str]]] = {}
    types: dict[str, str] = {}
    kinds: dict[str, str] = {}
    notes: dict[str, dict[str, Any]] = {}
    for line in ann.splitlines():
        if not line.strip():
            continue
        fields = line.split("\t")
        ident = fields[0]
        if ident.startswith("T"):
            label, _, offsets = fields[1].partition(" ")
            spans[ident] = (label, [[int(x) for x in frag.split()] for frag in offsets.split(";")])
        elif ident.startswith("E"):
            roles = [tuple(part.split(":", 1)) for part in fields[1].split()]
            events[ident] = [(role.rstrip("0123456789"), target) for role, target in roles[1:]]
        elif ident.startswith("A"):
            name, target, *value = fields[1].split()
            if name == "Type" and value:
                types[target] = value[0]
            elif name == "Kind" and value:
                kinds[target] = value[0]
        elif ident.startswith("#") and len(fields) >= 3:
            notes[fields[1].split()[-1]] = _parse_note(fields[2])
    speakers: dict[tuple[str, str], str] = {}
    out = []
    for ident, roles in events.items():
        parts: dict[str, list[list[int]]] = {}
        for role, target in roles:
            key = role.lower()
            if key in ("source", "cue", "content") and target in spans:
                parts.setdefault(key, []).extend(spans[target][1])
        for key in parts:
            parts[key].sort()
        if parts.get("content"):
            out.append(_attribution(text, parts, types.get(ident), kinds.get(ident), notes.get(ident, {}), speakers))
    out.sort(key=_order)
    return out, speakers


def read_brat(folder: Path) -> Iterator[dict[str, Any]]:
    """Article dicts from a brat folder (``meta.jsonl`` gives ids and metadata; else the file stem is the id)."""
    meta: dict[str, dict] = {}
    if (folder / "meta.jsonl").exists():
        for line in (folder / "meta.jsonl").read_text("utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                meta[record["file"]] = record
    for txt in sorted(folder.glob("*.txt")):
        with open(txt, encoding="utf-8", newline="") as f:
            text = f.read()
        ann_path = txt.with_suffix(".ann")
        ann = ann_path.read_text("utf-8") if ann_path.exists() else ""
        attributions, speakers = read_brat_ann(text, ann)
        yield _article(meta.get(txt.stem, {"id": txt.stem}), text, attributions, speakers)


# ---------------------------------------------------------------- doccano


def doccano_record(article: dict[str, Any]) -> dict[str, Any]:
    """One doccano JSONL line ("sequence labeling with relations") for an article dict."""
    entities: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    extra: list[dict[str, Any]] = []
    for attribution in article["attributions"]:
        ids: dict[str, list[int]] = {}
        for label, key in (("CUE", "cue"), ("SOURCE", "source"), ("CONTENT", "content")):
            for start, end in attribution[key]:
                entities.append({"id": len(entities) + 1, "label": label, "start_offset": start, "end_offset": end})
                ids.setdefault(key, []).append(len(entities))
        hub = (ids.get("cue") or ids["content"])[0]
        for key in ("source", "cue", "content"):
            for target in ids.get(key, []):
                if target != hub:
                    relations.append({"id": len(relations) + 1, "from_id": hub, "to_id": target, "type": key})
        speaker = attribution.get("speaker") or {}
        extra.append({
            "hub": hub,
            "type": attribution["type"],
            "attribution_kind": attribution.get("kind", "speech"),
            "speaker": speaker.get("name"),
            "kind": speaker.get("kind"),
            "entity": speaker.get("entity"),
            "cue_lemma": attribution["cue_lemma"],
            "confidence": attribution["confidence"],
            "origin": attribution.get("origin"),
            "said_on": attribution.get("said_on"),
        })
    meta = {k: article.get(k) for k in ("id", "title", "published", "url", "outlet", "author", "text_sha256")}
    return {"text": article["text"], "entities": entities, "relations": relations, "attributions": extra, "meta": meta}


def write_doccano(articles: Iterable[dict[str, Any]], path: Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(doccano_record(article), ensure_ascii=False) + "\n")
            count += 1
    return count


def read_doccano_record(record: dict[str, Any]) -> dict[str, Any]:
    """An article dict from one doccano line (as exported by doccano after annotation, or by onrecord)."""
    text = record["text"]
    spans = {e["id"]: e for e in record.get("entities", [])}
    extra = {x["hub"]: x for x in record.get("attributions", [])}
    parts_by_hub: dict[int, dict[str, list[list[int]]]] = {}
    key_of = {"SOURCE": "source", "CUE": "cue", "CONTENT": "content"}
    for ident, entity in spans.items():  # every cue (or a content with no cue) may be a hub
        if entity["label"] == "CUE":
            parts_by_hub.setdefault(ident, {})
    targeted = {r["to_id"] for r in record.get("relations", [])}
    for relation in record.get("relations", []):
        hub, target = relation["from_id"], relation["to_id"]
        if hub in spans and target in spans:
            parts_by_hub.setdefault(hub, {})
    for ident, entity in spans.items():  # a content on its own (no cue, no source) is an attribution too
        if entity["label"] == "CONTENT" and ident not in targeted:
            parts_by_hub.setdefault(ident, {})
    for relation in record.get("relations", []):
        hub, target = relation["from_id"], relation["to_id"]
        if hub in parts_by_hub and target in spans:
            entity = spans[target]
            parts_by_hub[hub].setdefault(key_of.get(entity["label"], relation["type"]), []).append([entity["start_offset"], entity["end_offset"]])
    speakers: dict[tuple[str, str], str] = {}
    attributions = []
    for hub, parts in parts_by_hub.items():
        entity = spans[hub]
        parts.setdefault(key_of[entity["label"]], []).append([entity["start_offset"], entity["end_offset"]])
        for key in parts:
            parts[key].sort()
        if not parts.get("content"):
            continue
        note = extra.get(hub, {})
        notes = {k: v for k, v in note.items() if v is not None}
        attributions.append(_attribution(text, parts, note.get("type"), note.get("attribution_kind"), notes, speakers))
    attributions.sort(key=_order)
    meta = record.get("meta") or {}
    return _article(meta if meta.get("id") else {**meta, "id": str(record.get("id", "doccano"))}, text, attributions, speakers)


def read_doccano(path: Path) -> Iterator[dict[str, Any]]:
    for line in Path(path).read_text("utf-8").splitlines():
        if line.strip():
            yield read_doccano_record(json.loads(line))
