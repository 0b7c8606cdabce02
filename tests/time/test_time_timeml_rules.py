"""Where onrecord's own conventions gave way to TimeML's (issue 17, step 2), each on hand-written sentences.

Each rule is the one TimeBank and AQUAINT follow across their documents (docs/claims.md, "TimeML rules").
"""
from __future__ import annotations

import datetime as dt

import pytest

from onrecord.time import find_time_expressions

WEDNESDAY = dt.date(2031, 11, 5)


def _found(parse, text, published=WEDNESDAY):
    return [(t.span.text, t.type, t.value, t.mod) for t in find_time_expressions(parse(text), published)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The mill flooded on 4 May 2030. Three days later, the owners closed it.", ("Three days", "DURATION", "P3D", None)),
        ("The mill flooded in 2030; a year later it was sold.", ("a year", "DURATION", "P1Y", None)),
        ("A few days later, the harbour board approved the plan.", ("A few days", "DURATION", "PXD", None)),
        ("The ferry sank at dawn. Just over an hour later, the crew was found.", ("Just over an hour", "DURATION", "PT1H", "MORE_THAN")),
    ],
)
def test_time_n_units_later_is_a_duration_and_later_its_signal(parse, text, expected):
    assert expected in _found(parse, text)
    assert not any(t[0].endswith("later") for t in _found(parse, text))
