"""The per-article function: no article stops a batch."""
from __future__ import annotations

import pytest

from onrecord.errors import AnalysisFailed
from onrecord.pipeline import analyze_raws
from onrecord.types import Article, RawArticle, Skipped

GOOD = [
    RawArticle("a", "“The bridge will reopen in May,” Mayor Ana Ruiz said on Monday.", origin="a.txt"),
    RawArticle("c", "The council approved the budget, its chair, Tom Berg, told reporters.", origin="c.txt"),
]


def test_analyze_raws_skips_only_the_article_whose_analysis_raises(rules_nlp, fragile_analysis):
    boom = RawArticle("b", "BOOM, the minister said.", origin="b.txt")
    got = list(analyze_raws([GOOD[0], boom, GOOD[1]], rules_nlp, batch_size=16))
    assert [type(x) for x in got] == [Article, Skipped, Article]
    assert got[1].origin == "b.txt" and got[1].code == AnalysisFailed.code == "E061"
    assert "RuntimeError: a simulated bug" in got[1].reason
    assert [a.id for a in (got[0], got[2])] == ["a", "c"]


def test_analyze_raws_after_a_failed_batch_gives_the_same_articles_as_a_clean_run(rules_nlp, fragile_analysis):
    clean = list(analyze_raws(GOOD, rules_nlp))
    boom = RawArticle("b", "BOOM", origin="b.txt")
    got = [x for x in analyze_raws([GOOD[0], boom, GOOD[1]], rules_nlp) if isinstance(x, Article)]
    assert got == clean and clean[0].attributions


def test_analyze_raws_analyses_a_text_over_the_parser_limit_in_order_with_the_others(rules_nlp, monkeypatch):
    monkeypatch.setattr(rules_nlp, "max_length", 200)  # chunks of 100 characters: one paragraph each; tests/test_nlp_chunks.py checks chunked = whole
    long = RawArticle("long", "\n\n".join(r.text for r in GOOD * 3), origin="long.txt")
    assert len(long.text) > rules_nlp.max_length
    got = list(analyze_raws([GOOD[0], long, GOOD[1]], rules_nlp))  # E071 before
    assert [x.id for x in got] == ["a", "long", "c"] and all(isinstance(x, Article) for x in got)
    assert len(got[1].attributions) == 6


def test_analyze_raws_passes_skipped_inputs_through_in_order(rules_nlp):
    skipped = Skipped("bad.txt", "E002", "binary file")
    got = list(analyze_raws([skipped, GOOD[0]], rules_nlp))
    assert got[0] is skipped and isinstance(got[1], Article)


def test_the_python_api_raises_the_coded_error_of_a_failed_analysis(fragile_analysis):
    import onrecord
    from onrecord.errors import AnalysisFailed

    with pytest.raises(AnalysisFailed, match=r"\[E061\] analysis failed \(RuntimeError: a simulated bug\)"):
        onrecord.analyze("BOOM, the minister said.", model=None)


def test_analyze_reads_published_as_the_readers_do():
    """``analyze(published=...)`` parses dates in the one place the readers use: timestamps keep their day, junk is E020."""
    from onrecord.errors import BadDate
    from onrecord.pipeline import analyze

    article = analyze("Mayor Ana Ruiz said the bridge would reopen.", "2024-06-04T08:30:00Z", model=None)
    assert str(article.published) == "2024-06-04"
    with pytest.raises(BadDate, match="E020|published"):
        analyze("Mayor Ana Ruiz said the bridge would reopen.", "June 4th", model=None)


def test_load_nlp_takes_the_loaded_pipeline_out_of_the_garbage_collector_s_scans():
    import gc

    from onrecord.pipeline import _load_nlp
    from onrecord.spacy_model import base_model_name

    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    _load_nlp.__wrapped__(base_model_name(), None, 0.0)  # a fresh build, not the cached one
    assert gc.get_freeze_count() > 0


_BATCH = [
    "The harbour commissioner said on Tuesday that the new ferry terminal would open in the spring.",
    "“We have no plans to raise fares,” the transit director said. According to the auditor, the project is late.",
    "Nothing was said.",
    "In a statement, the union warned that drivers could strike before the holidays, a spokeswoman said on Friday.",
]


def test_the_component_labels_a_batch_as_it_labels_each_article_alone(nlp):
    batched = [doc._.attributions for doc in nlp.pipe(_BATCH, batch_size=3)]
    alone = [nlp(text)._.attributions for text in _BATCH]
    assert batched == alone
    assert sum(len(a) for a in alone) >= 4  # the texts hold attributions: the comparison is not of empty tuples
