"""The one serializer: JSON Schema validity and lossless round trips."""
from __future__ import annotations

import json

import pytest

from onrecord.errors import SchemaError
from onrecord.serialize import article_from_dict, article_to_dict, validate_article_dict


@pytest.fixture(scope="module")
def example_articles(rules_nlp, examples_dir):
    from onrecord.ingest import iter_articles
    from onrecord.pipeline import analyze_raws
    from onrecord.types import Article

    return [a for a in analyze_raws(iter_articles([examples_dir]), rules_nlp) if isinstance(a, Article)]


def test_examples_produce_attributions(example_articles):
    assert len(example_articles) >= 4
    assert sum(len(a.attributions) for a in example_articles) >= 20


def test_every_output_line_validates_against_the_schema(example_articles):
    for article in example_articles:
        validate_article_dict(json.loads(json.dumps(article_to_dict(article))))


def test_round_trip_is_lossless(example_articles):
    for article in example_articles:
        d = json.loads(json.dumps(article_to_dict(article)))
        assert article_from_dict(d) == article


def test_schema_rejects_bad_offsets(example_articles):
    d = article_to_dict(example_articles[0])
    d["attributions"][0]["cue"] = [[5]]
    with pytest.raises(SchemaError):
        validate_article_dict(d)


def test_schema_rejects_unknown_speaker_kind(example_articles):
    d = article_to_dict(example_articles[0])
    d["entities"][0]["kind"] = "robot"
    with pytest.raises(SchemaError):
        validate_article_dict(d)


def test_warnings_round_trip_and_validate(example_articles):
    import dataclasses

    warned = dataclasses.replace(example_articles[0], warnings=("[E011] the extracted body has 19 words on a page that shows 499",))
    d = json.loads(json.dumps(article_to_dict(warned)))
    assert d["warnings"] == list(warned.warnings)
    validate_article_dict(d)
    assert article_from_dict(d) == warned
    assert "warnings" not in article_to_dict(example_articles[0])  # only articles read with a warning carry the key
