"""The Spark engine's executor-side code without Spark: table rows, shard reading, partition analysis."""
from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))
from spark_corpus import make_records  # noqa: E402

from onrecord.engine.base import EngineSettings  # noqa: E402
from onrecord.engine.spark_parquet import list_shards  # noqa: E402
from onrecord.engine.spark_tables import COLUMNS, article_row, attribution_rows, entity_rows, skipped_row  # noqa: E402
from onrecord.engine.spark_worker import analyze_partition, read_shard, read_shards  # noqa: E402
from onrecord.serialize import article_from_dict  # noqa: E402
from onrecord.types import Article, RawArticle, Skipped  # noqa: E402


@pytest.fixture(scope="module")
def analysed(rules_nlp) -> list[Article]:
    from onrecord.pipeline import analyze_raws

    raws = [RawArticle(id=r["id"], text=r["text"], published=dt.date(2025, 3, 14)) for r in make_records(12)]
    return list(analyze_raws(raws, rules_nlp))


def _columns(table: str) -> list[str]:
    return [name for name, _ in COLUMNS[table]]


def test_article_row_rebuilds_the_exact_article(analysed):
    for n, article in enumerate(analysed):
        row = dict(zip(_columns("articles"), article_row(0, n, f"in.jsonl:{n}", article)))
        assert row["text_sha256"] == article.text_sha256
        assert row["n_attributions"] == len(article.attributions)
        assert article_from_dict(json.loads(row["article_json"]), text=row["text"]) == article


def test_attribution_rows_point_into_the_text(analysed):
    article = next(a for a in analysed if len(a.attributions) >= 3)
    rows = [dict(zip(_columns("attributions"), r)) for r in attribution_rows(article_row(0, 0, None, article)[-1])]
    assert [r["index"] for r in rows] == list(range(len(article.attributions)))
    for row, attribution in zip(rows, article.attributions):
        assert [article.text[s:e] for s, e in row["content"]] == [s.text for s in attribution.content]
        assert row["cue_lemma"] == attribution.cue_lemma
        assert row["speaker_name"] == (attribution.speaker.name if attribution.speaker else None)


def test_attribution_rows_carry_the_kind():
    from tests.store.articles import build_article

    article = build_article("k", [("Ana Ruiz", "Ana Ruiz", "said", "the bridge would reopen"),
                                  ("Ana Ruiz", "Ana Ruiz", "wrote", "the repairs were done"),
                                  ("Ana Ruiz", "Ana Ruiz", "expects", "traffic to return")], kinds={1: "writing", 2: "thought"})
    rows = [dict(zip(_columns("attributions"), r)) for r in attribution_rows(article_row(0, 0, None, article)[-1])]
    assert [r["kind"] for r in rows] == ["speech", "writing", "thought"]
    loaded = article_from_dict(json.loads(article_row(0, 0, None, article)[-1]), text=article.text)
    assert loaded == article and [a.kind.value for a in loaded.attributions] == ["speech", "writing", "thought"]


def test_entity_rows_keep_aliases_and_mention_counts(analysed):
    article = next(a for a in analysed if a.entities)
    rows = [dict(zip(_columns("entities"), r)) for r in entity_rows(article_row(0, 0, None, article)[-1])]
    assert [r["name"] for r in rows] == [e.name for e in article.entities]
    assert [r["n_mentions"] for r in rows] == [len(e.mentions) for e in article.entities]
    assert [tuple(r["aliases"]) for r in rows] == [e.aliases for e in article.entities]


def test_rows_have_one_value_per_column(analysed):
    article = analysed[0]
    assert len(article_row(0, 0, None, article)) == len(COLUMNS["articles"])
    assert all(len(r) == len(COLUMNS["attributions"]) for r in attribution_rows(article_row(0, 0, None, article)[-1]))
    assert all(len(r) == len(COLUMNS["entities"]) for r in entity_rows(article_row(0, 0, None, article)[-1]))
    assert len(skipped_row(1, 2, Skipped("x.txt", "E001", "empty"))) == len(COLUMNS["skipped"])


def test_spark_schemas_name_the_same_columns():
    pytest.importorskip("pyspark")
    from onrecord.engine.spark_tables import TABLES, spark_schema

    for table in TABLES:
        assert spark_schema(table).fieldNames() == _columns(table)


def test_partition_is_analysed_in_input_order_whatever_order_spark_hands_it(rules_nlp, analysed):
    from onrecord.engine import spark_worker

    spark_worker._PIPELINES[(None, 0.0)] = rules_nlp  # the worker cache, filled as a worker would
    raws = [RawArticle(id=a.id, text=a.text, published=a.published) for a in analysed[:5]]
    items = [(0, i, raw) for i, raw in enumerate(raws)] + [(1, 0, Skipped("bad.bin", "E002", "binary"))]
    out = list(analyze_partition(reversed(items), EngineSettings(model=None, batch_size=2)))
    assert [table for table, _ in out] == ["articles"] * 5 + ["skipped"]
    rebuilt = [article_from_dict(json.loads(row[-1]), text=row[13]) for _, row in out[:5]]
    assert rebuilt == analysed[:5]
    assert out[-1][1] == (1, 0, "bad.bin", "E002", "binary")


def test_partition_function_pickles_without_any_model():
    cloudpickle = pytest.importorskip("pyspark.cloudpickle")
    payload = cloudpickle.dumps(functools.partial(analyze_partition, settings=EngineSettings()))
    # a pickled spaCy pipeline would be tens of megabytes; the task carries only names and numbers
    assert len(payload) < 4096
    assert b"spacy" not in payload


def test_parquet_shard_rows_become_raw_articles(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    records = make_records(3)
    table = pa.table(
        {
            "id": [r["id"] for r in records] + ["empty"],
            "text": [r["text"] for r in records] + [""],
            "published": [r["published"] for r in records] + [None],
        }
    )
    path = tmp_path / "shard.parquet"
    pq.write_table(table, path)
    items = list(read_shard(str(path), published=dt.date(2020, 1, 1)))
    assert [i.id for i in items[:3]] == [r["id"] for r in records]
    assert items[0].published == dt.date.fromisoformat(records[0]["published"])
    assert isinstance(items[3], Skipped)


def test_shards_are_listed_in_the_order_the_readers_read_them(tmp_path):
    from onrecord.ingest import iter_articles

    for n, name in enumerate(("b/2.txt", "b/1.txt", "b.txt", "a/9.txt", "a/.draft.txt", ".cache/x.txt", "a-z.txt")):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"The council said on Monday that budget {n} was final.", "utf-8")
    single = tmp_path / "b/1.txt"
    shards = list_shards([tmp_path, single])
    assert shards == [item.origin for item in iter_articles([tmp_path, single])]
    assert shards[:3] == [str(tmp_path / "a/9.txt"), str(tmp_path / "a-z.txt"), str(tmp_path / "b/1.txt")]


def test_relative_shards_are_read_from_the_driver_folder_and_keep_their_spelling(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("“We will rebuild the bridge,” Mayor Ana Ruiz said.", "utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(b"")
    items = list(read_shards([(0, "in/a.txt"), (1, "in/b.txt")], base=str(tmp_path)))
    assert [(shard, record) for shard, record, _ in items] == [(0, 0), (1, 0)]
    raw, empty = items[0][2], items[1][2]
    assert isinstance(raw, RawArticle) and raw.origin == "in/a.txt" and raw.id == "a"
    assert isinstance(empty, Skipped) and empty.origin == "in/b.txt"


_ID_PARTS = st.sampled_from(["a", "b", "a-2", "a-3", "a-2-2", "b-2", "a-b", "2"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ID_PARTS, max_size=14))
def test_renumbering_only_the_clashing_ids_equals_the_readers_rule_on_all_ids(ids):
    from collections import Counter

    from onrecord.engine.spark_parquet import clashes_with, renumber
    from onrecord.ingest import unique_ids

    full = [raw.id for raw in unique_ids(RawArticle(id=i, text="") for i in ids)]
    duplicated = frozenset(i for i, n in Counter(ids).items() if n > 1)
    renames = renumber([((0, n), i) for n, i in enumerate(ids) if clashes_with(i, duplicated)])
    assert [renames.get((0, n), i) for n, i in enumerate(ids)] == full


_NAMES = st.text(alphabet="ab-_.1Z", min_size=1, max_size=4).filter(lambda n: n not in (".", ".."))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(_NAMES, min_size=1, max_size=3), min_size=1, max_size=8, unique_by=tuple))
def test_shard_order_is_the_readers_order_for_any_tree(tmp_path_factory, paths):
    from onrecord.ingest import iter_articles

    root = tmp_path_factory.mktemp("tree")
    for parts in paths:
        target = root.joinpath(*parts[:-1], parts[-1] + ".txt")
        if any(p.exists() and not p.is_dir() for p in target.parents if root in p.parents):
            continue  # a file already where this path needs a folder
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("The council said the budget was final.", "utf-8")
    assert list_shards([root]) == [item.origin for item in iter_articles([root])]
