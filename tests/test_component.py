"""The spaCy component: nlp.add_pipe("onrecord") on a plain spaCy pipeline."""
from __future__ import annotations

import spacy

import onrecord  # noqa: F401  (the entry point also registers the factory; the import makes it explicit)
from onrecord.nlp import BASE_MODEL
from onrecord.types import Attribution, Entity


def test_add_pipe_puts_results_on_the_doc():
    nlp = spacy.load(BASE_MODEL)
    nlp.add_pipe("onrecord", config={"model": None})
    doc = nlp("Union leader Grace Mbeki said the strike would begin on Monday.")
    assert isinstance(doc._.attributions, tuple) and doc._.attributions
    assert all(isinstance(a, Attribution) for a in doc._.attributions)
    assert all(isinstance(e, Entity) for e in doc._.speakers)
    (a,) = doc._.attributions
    assert a.speaker.name == "Grace Mbeki"
    assert a.content[0].text == "the strike would begin on Monday"


def test_doc_quotes_keeps_speech_and_writing():
    from dataclasses import replace

    from onrecord.types import AttributionKind

    nlp = spacy.load(BASE_MODEL)
    nlp.add_pipe("onrecord", config={"model": None})
    doc = nlp("Union leader Grace Mbeki said the strike would begin on Monday.")
    (said,) = doc._.attributions
    assert said.kind == AttributionKind.SPEECH and doc._.quotes == (said,)
    thought = replace(said, kind=AttributionKind.THOUGHT)
    written = replace(said, kind=AttributionKind.WRITING)
    doc._.attributions = (said, thought, written)
    assert doc._.quotes == (said, written)


def test_component_is_found_through_the_spacy_factories_entry_point():
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert "onrecord" in names


def test_min_confidence_filters_attributions():
    text = "Union leader Grace Mbeki said the strike would begin on Monday."
    every = spacy.load(BASE_MODEL)
    every.add_pipe("onrecord", config={"model": None, "min_confidence": 0.0})
    (found,) = every(text)._.attributions  # the rules find it, so the filter below has something to drop
    assert found.confidence < 0.99
    nlp = spacy.load(BASE_MODEL)
    nlp.add_pipe("onrecord", config={"model": None, "min_confidence": 0.99})
    doc = nlp(text)
    assert doc._.attributions == ()


def test_python_api_analyze_returns_an_article():
    article = onrecord.analyze("“We will appeal,” said Samuel Achebe, the defence lawyer.", "2024-05-02", model=None)
    assert isinstance(article, onrecord.Article)
    assert article.published.isoformat() == "2024-05-02"
    assert article.attributions[0].speaker.name == "Samuel Achebe"
    assert len(article.text_sha256) == 64


def test_a_spacy_user_can_add_only_the_attribution_component():
    nlp = spacy.load(BASE_MODEL)
    nlp.add_pipe("onrecord_attribution", config={"model": None})
    assert nlp.pipe_names[-1] == "onrecord_attribution"
    doc = nlp("Union leader Grace Mbeki said the strike would begin on Monday.")
    (a,) = doc._.attributions
    assert (a.cue_lemma, a.content[0].text) == ("say", "the strike would begin on Monday")
    assert a.speaker is None and a.claim is None  # speakers and claims are the later components' work
    assert doc._.speakers is None and doc._.time_expressions is None


def test_the_stage_components_in_order_give_what_the_convenience_component_gives():
    text = "“We will not back down,” union leader Grace Mbeki said on Monday. She added that 3,000 workers would strike."
    one = spacy.load(BASE_MODEL)
    one.add_pipe("onrecord", config={"model": None})
    three = spacy.load(BASE_MODEL)
    three.add_pipe("onrecord_attribution", config={"model": None})
    three.add_pipe("onrecord_speakers")
    three.add_pipe("onrecord_claims")
    expected, got = one(text), three(text)
    assert len(expected._.attributions) == 2
    assert got._.attributions == expected._.attributions
    assert got._.speakers == expected._.speakers and got._.time_expressions == expected._.time_expressions


def test_the_quotations_are_found_once_per_doc_and_kept_on_it(monkeypatch):
    import onrecord.attribution.quotes as quotes

    calls = []
    real = quotes.find_quotes

    def counted(text):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(quotes, "find_quotes", counted)
    nlp = spacy.load(BASE_MODEL)
    nlp.add_pipe("onrecord", config={"model": None})
    doc = nlp("“We will not back down,” said Grace Mbeki. “Never,” she added.")
    assert len(calls) == 1
    assert [doc.text[q.start : q.end] for q in doc._.quotations] == ["“We will not back down,”", "“Never,”"]
