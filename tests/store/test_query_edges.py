"""Query edge cases found by the API fuzzer (tests/serve/test_fuzz_api.py)."""
from __future__ import annotations

import warnings

import pytest
from sqlalchemy.exc import SAWarning

from .articles import claim


@pytest.mark.parametrize("stance", ["", "\x00"])
def test_an_empty_stance_filter_joins_claims_to_their_attributions(store, make_article, stance):
    # "?stance=" once counted over attributions x claims (a cartesian product, SQLAlchemy's SAWarning)
    store.add_articles([
        make_article("e1", [("Ana Ruiz", "Ana Ruiz", "said", "the bridge would reopen in May"),
                            ("Tom Berg", "Tom Berg", "said", "the budget would pass")],
                     published="2025-03-01", claims={0: claim("states"), 1: claim("warns")}),
    ])
    with warnings.catch_warnings():
        warnings.simplefilter("error", SAWarning)
        page = store.quotes(stance=stance, since=None)
        dated = store.quotes(stance=stance, q="bridge")
    assert page.total == len(page.items) == 0 and dated.total == 0
