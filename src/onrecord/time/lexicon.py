"""The time stage's linguistic data, loaded once from ``onrecord/data/timex.json`` (the file states its sources)."""
from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


@functools.lru_cache(maxsize=None)
def timex_lexicon() -> dict[str, Any]:
    """``data/timex.json``: weekday, month, unit, part-of-day, season and modifier words with TIMEX3 codes."""
    return json.loads(resources.files("onrecord").joinpath("data/timex.json").read_text("utf-8"))
