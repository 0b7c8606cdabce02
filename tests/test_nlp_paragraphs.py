"""The paragraph component: a token after a line break starts a sentence, whatever the breaks look like."""
from __future__ import annotations

import pytest
from spacy.lang.en import English

from onrecord.nlp import mark_paragraph_starts

TEXTS = [
    "Headline Without A Stop\nThe body starts here. It goes on.",
    "\nA text that opens with a break.\n\nTwo breaks, then more.\n",
    "Spaces before a break  \n  and after it.\n \n“A quote,” she said.\r\nWindows lines too.",
    "One line, no break at all.",
    "Trailing break\n",
]


def _token_by_token(doc) -> list[int]:
    """The rule read token by token: after a token whose text holds a line break, a token that is not space."""
    return [t.i for t in doc[1:] if "\n" in doc[t.i - 1].text_with_ws and not t.is_space]


@pytest.mark.parametrize("text", TEXTS)
def test_mark_paragraph_starts_marks_every_token_after_a_line_break(text):
    nlp = English()
    doc = mark_paragraph_starts(nlp.make_doc(text))
    marked = [t.i for t in doc[1:] if t.is_sent_start]
    assert marked == _token_by_token(doc)
    assert ("\n" in text.rstrip()) == bool(marked)
