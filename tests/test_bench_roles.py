"""``bench/roles.py`` (make bench): its switch really leaves the role mentions out, and the check timing runs."""
from __future__ import annotations

import datetime as dt

from onrecord.types import RawArticle

TEXTS = ["Mayor Ana Ruiz said the bridge would reopen.", "Governor Tom Berg said the road was safe.",
         "Senator Lena Okafor said the vote would pass.", "Mayor Ana Ruiz told reporters the budget was fixed."]


def test_bench_roles_switch_stores_none_without_and_some_with(tmp_path):
    from bench.roles import measure_check, measure_ingest

    raws = [RawArticle(id=f"b{n}", text=t, published=dt.date(2024, 5, 1 + n), origin=f"b{n}") for n, t in enumerate(TEXTS)]
    runs = measure_ingest(raws, 2, tmp_path)
    assert runs["without"]["role_mentions"] == 0 and runs["with"]["role_mentions"] >= len(TEXTS)
    assert runs["with"]["articles"] == runs["without"]["articles"] == len(TEXTS)
    check = measure_check(tmp_path / "roles-with.db", sample=3)
    assert check["checked"] == 3 and check["role_mentions"] >= 3 and check["p50_ms"] > 0
