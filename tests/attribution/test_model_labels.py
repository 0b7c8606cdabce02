"""Gold spans to token labels and back (train/labels.py, attribution/bio.py), on hand-built Docs."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab

from onrecord.attribution.bio import spans_of
from onrecord.train.data import GoldAttribution
from onrecord.train.labels import TokenAttribution, align, char_to_tokens, role_labels

WORDS = ["“", "Rates", "will", "fall", ",", "”", "the", "governor", "said", "on", "Friday", "."]
SPACES = [False, True, True, False, False, True, True, True, True, True, False, False]


def _doc() -> Doc:
    return Doc(Vocab(), words=WORDS, spaces=SPACES)


def test_content_loses_its_quotation_marks_and_comma_but_keeps_its_words():
    doc = _doc()
    text = doc.text
    content = (0, text.index("the") - 1)  # “Rates will fall,”
    tokens = char_to_tokens(doc, [t.idx for t in doc], [content])
    assert [doc[i].text for i in tokens] == ["Rates", "will", "fall"]


def test_a_colon_cue_is_kept_although_it_is_only_punctuation():
    doc = Doc(Vocab(), words=["He", "added", ":", "no"], spaces=[True, False, True, False])
    colon = doc.text.index(":")
    assert char_to_tokens(doc, [t.idx for t in doc], [(colon, colon + 1)], keep_punct_only=True) == (2,)
    assert char_to_tokens(doc, [t.idx for t in doc], [(colon, colon + 1)]) == ()


def test_align_and_role_labels_mark_source_and_content_around_the_cue():
    doc = _doc()
    text = doc.text
    gold = GoldAttribution(
        source=((text.index("the"), text.index("governor") + len("governor")),),
        cue=((text.index("said"), text.index("said") + 4),),
        content=((0, text.index("the")),),
    )
    (attr,) = align(doc, [gold])
    assert attr.cue == (8,)
    labels = role_labels(0, len(doc), attr)
    assert labels[1:4] == ["B-CON", "I-CON", "I-CON"]
    assert labels[6:8] == ["B-SRC", "I-SRC"]
    assert labels[8] == "O"  # the cue itself
    assert spans_of(labels, "CON") == [(1, 4)]
    assert spans_of(labels, "SRC") == [(6, 8)]


@given(st.lists(st.sampled_from(["O", "CON", "SRC"]), min_size=1, max_size=40))
def test_spans_of_recovers_every_run_that_role_labels_wrote(roles):
    content = tuple(i for i, r in enumerate(roles) if r == "CON")
    source = tuple(i for i, r in enumerate(roles) if r == "SRC")
    labels = role_labels(0, len(roles), TokenAttribution(source, (), content))
    covered = [i for a, b in spans_of(labels, "CON") for i in range(a, b)]
    assert tuple(covered) == content
    for a, b in spans_of(labels, "CON"):  # runs are maximal
        assert a == 0 or roles[a - 1] != "CON"
        assert b == len(roles) or roles[b] != "CON"
