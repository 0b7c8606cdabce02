"""The quotation finder, on hand-written sentences in every quotation style."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord.attribution.quotes import find_quotes


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("She said “we will win” loudly.", ["“we will win”"]),
        ('She said "we will win" loudly.', ['"we will win"']),
        ("She said ‘we will win’ loudly.", ["‘we will win’"]),
        ("She said 'we will win' loudly.", ["'we will win'"]),
        ("Elle a dit «nous gagnerons» hier.", ["«nous gagnerons»"]),
        ("Er sagte „wir gewinnen“ gestern.", ["„wir gewinnen“"]),
        ("Er sagte »wir gewinnen« gestern.", ["»wir gewinnen«"]),
    ],
)
def test_find_quotes_every_style(text, expected):
    assert quoted(text) == expected


def test_find_quotes_apostrophes_are_not_quote_marks():
    text = "The mayor’s plan didn’t pass, and the leaders’ talks in the ’90s weren’t public. Rock ’n’ roll."
    assert quoted(text) == []


def test_find_quotes_straight_apostrophes_inside_a_straight_single_quote():
    text = "'It's the council's decision,' Ruiz said."
    assert quoted(text) == ["'It's the council's decision,'"]


def test_find_quotes_nested_quote_belongs_to_outer():
    text = "“They told us ‘wait’ for a year,” she said."
    assert quoted(text) == ["“They told us ‘wait’ for a year,”"]


def test_find_quotes_across_sentences():
    text = "“We were patient. We waited. Now we act,” he said."
    assert quoted(text) == ["“We were patient. We waited. Now we act,”"]


def test_find_quotes_across_paragraphs_with_repeated_opening_mark():
    text = "“First paragraph of the statement.\n“Second paragraph, still quoting.\n“Third and last.”\nNarration resumes."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert quotes[0].paragraphs == 3
    assert text[quotes[0].start : quotes[0].end].endswith("Third and last.”")


def test_find_quotes_unclosed_quote_stops_at_paragraph_end():
    text = "“This never closes\nA new paragraph without a quote mark."
    (quote,) = find_quotes(text)
    assert not quote.closed
    assert text[quote.start : quote.end] == "“This never closes"


def test_find_quotes_split_by_cue_gives_two_quotes():
    text = "“The bridge is safe,” the engineer said, “but it needs paint.”"
    assert quoted(text) == ["“The bridge is safe,”", "“but it needs paint.”"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n'\"“”‘’«»„")), max_size=80))
def test_find_quotes_spans_are_ordered_disjoint_and_in_bounds(text):
    quotes = find_quotes(text)
    last_end = 0
    for q in quotes:
        assert last_end <= q.start < q.end <= len(text)
        assert text.startswith(q.open_mark, q.start)
        last_end = q.end


def test_find_quotes_two_apostrophes_make_one_double_mark():
    # archive style: ''…'' with apostrophes inside the quotation that must not close it
    text = "''It's the mayor's plan,'' Ruiz said, ''and it's late.'' A so-called ''fix'' followed."
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["''It's the mayor's plan,''", "''and it's late.''", "''fix''"]
    assert [text[slice(*q.inner)] for q in quotes] == ["It's the mayor's plan,", "and it's late.", "fix"]
    assert {q.open_mark for q in quotes} == {"''"}


def test_find_quotes_two_single_marks_open_a_double_quotation():
    # wire text: ‘’…” (or ‘’…’’) for “…”, with apostrophes inside that must not close it
    text = "“If we blame each other, it lasts,” Shelby said. ‘’It’s not who wins ... we all lose.” Pelosi left."
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["“If we blame each other, it lasts,”", "‘’It’s not who wins ... we all lose.”"]
    assert quotes[1].open_mark == "‘’"


def test_find_quotes_two_apostrophes_over_paragraphs():
    text = "''The first part.\n''The second part,'' she said."
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == [text[: text.index(" she")]]
    assert quotes[0].paragraphs == 2


def test_find_quotes_over_paragraphs_separated_by_blank_lines():
    text = "“The first part.\n\n“The second part.\n\n“The third part,” she said. “Next.”\n\n“Unclosed.\n\nPlain text."
    quotes = find_quotes(text)
    assert [(text[q.start : q.end], q.paragraphs, q.closed) for q in quotes] == [
        ("“The first part.\n\n“The second part.\n\n“The third part,”", 3, True),
        ("“Next.”", 1, True),
        ("“Unclosed.", 1, False),
    ]
