"""Role-tagger features: what depends on the cue, what does not, and the window's edges."""
from __future__ import annotations

import pytest

from onrecord.train.clusters import fit_clusters
from onrecord.attribution.features import doc_facts
from onrecord.attribution.role_features import role_features


@pytest.fixture(scope="module")
def facts():
    from onrecord.nlp import load_parser

    doc = load_parser()("The council voted on Tuesday. Its chair said the budget was balanced. Critics warned of cuts.")
    return doc_facts(doc, {"say": "speech", "warn": "speech"}, fit_clusters(doc.tensor, 4, seed=2))


def _index(facts, word):
    return facts.words.index(word)


def _named(features, prefix):
    return [f for f in features if f.startswith(prefix)]


def test_window_edges_drop_the_neighbours_outside_the_window(facts):
    said = _index(facts, "said")
    lo, hi = _index(facts, "its"), _index(facts, "critics") + 1
    rows = role_features(facts, said, said + 1, lo, hi)
    assert len(rows) == hi - lo
    # "its" has "." before it in the document, but the window starts at "its"
    assert _named(rows[0], "w-1=") == [] and _named(rows[0], "c-1=") == []
    assert _named(rows[0], "w+1=") == ["w+1=chair"]
    assert _named(rows[-1], "w+1=") == [] and _named(rows[-1], "c+1=") == []
    assert _named(rows[-1], "w-1=") == ["w-1=."]
    budget = _index(facts, "budget") - lo
    assert _named(rows[budget], "w-1=") == ["w-1=the"] and _named(rows[budget], "w+1=") == ["w+1=was"]
    assert _named(rows[budget], "c-1=") == ["c-1=" + facts.classes[lo + budget - 1]]


def test_two_cues_share_the_token_features_and_differ_in_the_cue_features(facts):
    said, warned = _index(facts, "said"), _index(facts, "warned")
    lo, hi = 0, facts.n
    by_said = role_features(facts, said, said + 1, lo, hi)
    by_warned = role_features(facts, warned, warned + 1, lo, hi)
    chair = _index(facts, "chair")
    for prefix in ("l=", "w-1=", "w+1=", "c-1=", "c+1=", "w=", "t="):
        assert _named(by_said[chair], prefix) == _named(by_warned[chair], prefix)
    assert "cl=say" in by_said[chair] and "cl=warn" in by_warned[chair]
    assert "pos=L1" in by_said[chair] and "pos=cue" not in by_said[chair]
    assert "pos=cue" in by_said[said] and "pos=cue" in by_warned[warned]
    # the subject of "said" relates to it in the parse; for "warned" it lies in another sentence
    assert "r=far" not in by_said[chair] and "r=far" in by_warned[chair]


def test_doc_facts_read_from_the_token_array_equal_the_tokens_own_attributes():
    """doc_facts reads one ``Doc.to_array`` table; every fact must equal what the Token objects say
    (heads before and after the token, lemmas lower-cased, entity types, a quotation's tokens)."""
    from onrecord.nlp import load_parser

    doc = load_parser()("“The Bridge will REOPEN in 2025,” Mayor Ana Ruiz of New York said, but engineers doubted it.")
    facts = doc_facts(doc, {})
    assert facts.words == [t.lower_ for t in doc]
    assert facts.lemmas == [t.lemma_.lower() for t in doc]
    assert facts.tags == [t.tag_ for t in doc] and facts.deps == [t.dep_ for t in doc]
    assert facts.heads == [t.head.i for t in doc]
    assert any(h < i for i, h in enumerate(facts.heads)) and any(h > i for i, h in enumerate(facts.heads))
    assert [f[3] for f in facts.static[:4]] == ["s=Q", "s=Xx", "s=Xx", "s=x"]
    assert [[f for f in row if f.startswith("e=")] for row in facts.static] == [["e=" + t.ent_type_] if t.ent_type_ else [] for t in doc]
    assert any(t.ent_type_ for t in doc)  # the comparison above covers entity types
    assert facts.quotes == [(0, 9)] and facts.quote_of[9] == -1
    assert facts.sents == [(s.start, s.end) for s in doc.sents]


def test_doc_facts_read_the_quotations_found_for_the_doc():
    """The features take ``doc._.quotations`` (found once per doc, read by every stage), not a search of their own."""
    from onrecord.attribution.quotes import doc_quotes
    from onrecord.nlp import load_parser

    doc = load_parser()("“We will not back down,” said Grace Mbeki. Officials said “talks could fail.”")
    found = doc_quotes(doc)
    assert len(found) == 2
    doc._.quotations = (found[1],)  # as if only the second quotation had been found
    facts = doc_facts(doc, {})
    assert len(facts.quotes) == 1 and facts.quote_of[0] == -1
    assert [facts.words[i] for i in range(*facts.quotes[0])] == ["“", "talks", "could", "fail", ".", "”"]
