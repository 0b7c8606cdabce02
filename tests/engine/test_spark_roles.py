"""Role mentions on the Spark engine's path: executors write them inside ``article_json``, the driver loads
the Parquet ``articles`` table through the store's write API and runs the global resolution, so the store
ends with the role history the local engine builds (docs/roles.md). No Spark or Java needed: the table is
written here with pyarrow, as the executors write it."""
from __future__ import annotations

import datetime as dt

import pytest

from onrecord.types import RawArticle

#: hand-written: the same mayor described in three articles of one month, once as "former"
TEXTS = [
    "Mayor Ana Ruiz said on Monday that the harbour bridge would reopen in May.",
    "The city will pay for the repairs, Mayor Ana Ruiz told reporters on Tuesday.",
    "Former Mayor Ana Ruiz said the council had not been warned about the damage.",
]


def _analysed(nlp):
    from onrecord.pipeline import analyze_raws

    raws = [RawArticle(id=f"r{n}", text=text, published=dt.date(2025, 4, 1 + n), outlet=f"Outlet {n}") for n, text in enumerate(TEXTS)]
    return list(analyze_raws(raws, nlp))


def _write_articles_table(folder, articles) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    from onrecord.engine.spark_tables import COLUMNS, article_row

    names = [name for name, _ in COLUMNS["articles"]]
    rows = [dict(zip(names, article_row(0, n, f"in.jsonl:{n}", a))) for n, a in enumerate(articles)]
    (folder / "articles").mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist(rows), folder / "articles" / "part-00000.parquet")


def test_spark_load_stage_stores_role_mentions_and_the_history_of_the_local_engine(rules_nlp, tmp_path):
    from onrecord.engine.corpus import IngestReport
    from onrecord.engine.spark_parquet import load_tables
    from onrecord.store import Store

    articles = _analysed(rules_nlp)
    assert all(a.roles for a in articles)  # the fixture has role mentions to carry
    _write_articles_table(tmp_path / "tables", articles)
    with Store.open(str(tmp_path / "spark.db")) as spark_store:
        load_tables(tmp_path / "tables", spark_store, IngestReport())
        spark_store.resolve_entities()  # the global stage of ingest_on_spark
        spark_history = spark_store.role_history("Ana Ruiz")
        spark_dump = spark_store.dump()
    with Store.open(str(tmp_path / "local.db")) as local_store:
        local_store.add_articles(articles)
        local_history = local_store.role_history("Ana Ruiz")
        local_dump = local_store.dump()
    assert {(r.office, r.qualifier, r.articles) for r in spark_history.roles} == {("mayor", None, 2), ("mayor", "former", 1)}
    assert spark_history.roles == local_history.roles
    assert [a["roles"] for a in spark_dump["articles"]] == [a["roles"] for a in local_dump["articles"]]
