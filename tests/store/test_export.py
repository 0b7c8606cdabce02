"""Exports: JSONL equals the analysis, CSV and Parquet tables, brat and doccano round trips for annotators."""
from __future__ import annotations

import csv
import json

import pytest

from onrecord.serialize import article_from_dict, article_to_dict, validate_article_dict
from onrecord.store.annotation import read_brat, read_doccano, read_doccano_record
from onrecord.store.export import export

from .articles import claim

SPEAKERS = {"Ana Ruiz": {"aliases": ["Ruiz"], "titles": ["Mayor"]}, "city council": {"kind": "organisation"}}


@pytest.fixture
def articles(make_article):
    return [
        make_article("bridge/1", [("Ana Ruiz", "Mayor Ana Ruiz", "said", "the bridge would stay closed until May"),
                                  ("city council", "the city council", "announced", "repairs would start on Monday")],
                     published="2025-04-22", outlet="Brackwater Post", speakers=SPEAKERS, claims={0: claim("states", "probable")},
                     said_on={1: "2025-04-21"}, kinds={1: "intention"}),
        make_article("bridge 2", [("Ana Ruiz", "Ruiz", "wrote", "nobody wants to see this bridge closed"),
                                  ("Tomas Vidal", "Tomas Vidal", "said", "half of his customers cross it daily")],
                     published="2025-04-23", speakers=SPEAKERS, quoted=True, kinds={0: "writing"}),
    ]


@pytest.fixture
def filled(store, articles):
    store.add_articles(articles)
    return store


def _comparable(attribution: dict) -> dict:
    speaker = attribution["speaker"]
    keep = ("source", "cue", "content", "type", "kind", "cue_lemma", "confidence", "said_on", "origin", "content_text")
    return {**{k: attribution[k] for k in keep}, "speaker": (speaker["name"], speaker["kind"]) if speaker else None}


def test_jsonl_export_is_the_analysis_output(filled, articles, tmp_path):
    assert export(filled, "jsonl", tmp_path / "out.jsonl") == 2
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    assert lines == [article_to_dict(a) for a in articles]
    for line in lines:
        validate_article_dict(line)
        article_from_dict(line)


def test_csv_export_has_one_row_per_attribution_with_entity_ids(filled, tmp_path):
    export(filled, "csv", tmp_path / "out.csv")
    rows = list(csv.DictReader(open(tmp_path / "out.csv", encoding="utf-8")))
    assert len(rows) == 4
    ana = [r for r in rows if r["speaker_name"] == "Ana Ruiz"]
    assert {r["entity"] for r in ana} == {"ana-ruiz"} and {r["article_id"] for r in ana} == {"bridge/1", "bridge 2"}
    assert json.loads(rows[0]["content"]) == filled.article("bridge/1")["attributions"][0]["content"]
    assert rows[0]["stance"] == "states" and rows[0]["certainty"] == "probable"
    assert [r["kind"] for r in rows] == ["speech", "intention", "writing", "speech"]


def test_parquet_export_writes_three_tables(filled, tmp_path):
    import pyarrow.parquet as pq

    export(filled, "parquet", tmp_path / "pq")
    articles = pq.read_table(tmp_path / "pq/articles.parquet").to_pylist()
    attributions = pq.read_table(tmp_path / "pq/attributions.parquet").to_pylist()
    entities = pq.read_table(tmp_path / "pq/entities.parquet").to_pylist()
    assert [a["id"] for a in articles] == ["bridge/1", "bridge 2"]
    assert len(attributions) == 4 and len(entities) == 4
    text = {a["id"]: a["text"] for a in articles}
    for row in attributions:
        assert " … ".join(text[row["article_id"]][s:e] for s, e in row["content"]) == row["content_text"]
    assert {e["entity"] for e in entities if e["name"] == "Ana Ruiz"} == {"ana-ruiz"}
    assert [row["kind"] for row in attributions] == ["speech", "intention", "writing", "speech"]


def test_brat_round_trip(filled, articles, tmp_path):
    assert export(filled, "brat", tmp_path / "brat") == 2
    names = sorted(p.name for p in (tmp_path / "brat").iterdir())
    assert names == ["annotation.conf", "bridge_1.ann", "bridge_1.txt", "bridge_2.ann", "bridge_2.txt", "meta.jsonl", "visual.conf"]
    ann = (tmp_path / "brat/bridge_1.ann").read_text("utf-8")
    text = (tmp_path / "brat/bridge_1.txt").read_text("utf-8")
    for line in ann.splitlines():
        if line.startswith("T"):
            _, label_spans, span_text = line.split("\t")
            spans = [tuple(map(int, frag.split())) for frag in label_spans.split(" ", 1)[1].split(";")]
            assert " ".join(text[s:e] for s, e in spans) == span_text
    back = list(read_brat(tmp_path / "brat"))
    assert [b["id"] for b in back] == ["bridge/1", "bridge 2"]
    for original, again in zip(articles, back):
        expected = article_to_dict(original)
        assert [_comparable(a) for a in again["attributions"]] == [_comparable(a) for a in expected["attributions"]]
        validate_article_dict(again)


def test_brat_corrections_are_read_back(filled, tmp_path):
    export(filled, "brat", tmp_path / "brat")
    ann = tmp_path / "brat/bridge_2.ann"
    lines = ann.read_text("utf-8").splitlines()
    # an annotator deletes the second attribution (its T, E, A and note lines) and retypes the first
    first_event = [line for line in lines if line.startswith("E1\t")][0]
    keep = {part.split(":")[1] for part in first_event.split("\t")[1].split()}
    kept = [line for line in lines if line.split("\t")[0] in keep | {"E1", "A1", "#1"}]
    ann.write_text("\n".join(kept).replace("Type E1 direct", "Type E1 mixed") + "\n", "utf-8")
    corrected = {b["id"]: b for b in read_brat(tmp_path / "brat")}["bridge 2"]
    assert [a["type"] for a in corrected["attributions"]] == ["mixed"]
    assert corrected["attributions"][0]["speaker"]["name"] == "Ana Ruiz"


def test_brat_kind_corrections_are_read_back(filled, tmp_path):
    export(filled, "brat", tmp_path / "brat")
    assert "Kind\tArg:Attribution, Value:speech|writing|thought|evidence|intention" in (tmp_path / "brat/annotation.conf").read_text("utf-8")
    ann = tmp_path / "brat/bridge_1.ann"
    text = ann.read_text("utf-8")
    assert "Kind E1 speech" in text and "Kind E2 intention" in text
    ann.write_text(text.replace("Kind E2 intention", "Kind E2 speech"), "utf-8")  # an annotator's correction
    corrected = {b["id"]: b for b in read_brat(tmp_path / "brat")}["bridge/1"]
    assert [a["kind"] for a in corrected["attributions"]] == ["speech", "speech"]


def test_doccano_round_trip(filled, articles, tmp_path):
    export(filled, "doccano", tmp_path / "d.jsonl")
    records = [json.loads(line) for line in (tmp_path / "d.jsonl").read_text("utf-8").splitlines()]
    assert {e["label"] for e in records[0]["entities"]} == {"SOURCE", "CUE", "CONTENT"}
    back = list(read_doccano(tmp_path / "d.jsonl"))
    for original, again in zip(articles, back):
        expected = article_to_dict(original)
        assert [_comparable(a) for a in again["attributions"]] == [_comparable(a) for a in expected["attributions"]]
        validate_article_dict(again)


def test_doccano_attribution_added_by_an_annotator_is_read(tmp_path):
    text = "Officials said the road was safe."
    record = {"text": text, "entities": [
        {"id": 1, "label": "SOURCE", "start_offset": 0, "end_offset": 9},
        {"id": 2, "label": "CUE", "start_offset": 10, "end_offset": 14},
        {"id": 3, "label": "CONTENT", "start_offset": 15, "end_offset": 32}],
        "relations": [{"id": 1, "from_id": 2, "to_id": 1, "type": "source"}, {"id": 2, "from_id": 2, "to_id": 3, "type": "content"}],
        "meta": {"id": "road"}}
    (attribution,) = read_doccano_record(record)["attributions"]
    assert (attribution["source_text"], attribution["cue_text"], attribution["content_text"]) == ("Officials", "said", "the road was safe")
    assert attribution["kind"] == "speech"  # no kind given: speech
    assert attribution["confidence"] == 1.0
