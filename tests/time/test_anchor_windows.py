"""anchor_windows asks is_anchor once per distinct text and finds the windows a token-by-token scan finds."""
from __future__ import annotations

from onrecord.time.expressions import anchor_windows
from onrecord.time.patterns import is_anchor


def _token_by_token(doc, before: int = 6, after: int = 8) -> list[tuple[int, int]]:
    windows: list[list[int]] = []
    for token in doc:
        if is_anchor(token):
            start, end = max(0, token.i - before), min(len(doc), token.i + after + 1)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], end)
            else:
                windows.append([start, end])
    return [(s, e) for s, e in windows]


def test_anchor_windows_are_those_of_a_token_by_token_scan(parse):
    text = (
        "Talks ended on Monday. The union said the strike would start Monday, not Tuesday, and would last two weeks.\n"
        "A farmer sold two cows and some hay to an old friend, who paid in cash, as he had in 2019, in March 2020 "
        "and again last year. Nobody asked why. " * 3
    )
    doc = parse(text)
    asked: list[str] = []

    def counting(token) -> bool:
        asked.append(token.text)
        return is_anchor(token)

    found = anchor_windows(doc, counting)
    assert found == _token_by_token(doc) and len(found) >= 4
    assert len(asked) == len(set(asked)) == len({t.text for t in doc})  # once per distinct text
    assert anchor_windows(parse(""), is_anchor) == []
