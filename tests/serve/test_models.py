"""The API's response models and ``article.schema.json`` describe the same records."""
from __future__ import annotations

import pytest

from onrecord.serialize import article_schema
from onrecord.serve import models

PAIRS = [
    (models.ArticleOut, None),
    (models.AttributionOut, "attribution"),
    (models.EntityOut, "entity"),
    (models.ClaimOut, "claim"),
    (models.QuantityOut, "quantity"),
    (models.TimeOut, "time"),
]


def _schema_part(name):
    schema = article_schema()
    return schema if name is None else schema["$defs"][name]


def _required(model) -> set[str]:
    return {name for name, field in model.model_fields.items() if field.is_required()}


@pytest.mark.parametrize(("model", "name"), PAIRS, ids=lambda x: getattr(x, "__name__", x))
def test_model_has_the_schema_fields(model, name):
    part = _schema_part(name)
    assert set(model.model_fields) == set(part["properties"])
    assert set(part["required"]) <= _required(model)


@pytest.mark.parametrize(("model", "name"), PAIRS, ids=lambda x: getattr(x, "__name__", x))
def test_model_requires_only_what_the_schema_requires(model, name):
    extra = _required(model) - set(_schema_part(name)["required"])
    # the API always sends the article text; the schema leaves it optional for text-less exports
    assert extra <= ({"text"} if model is models.ArticleOut else set())


def test_nested_models_match_their_schema_parts():
    schema = article_schema()
    claim = schema["$defs"]["claim"]["properties"]
    assert set(models.VerificationOut.model_fields) == set(claim["verification"]["properties"])
    speaker = schema["$defs"]["attribution"]["properties"]["speaker"]
    assert set(models.SpeakerRef.model_fields) == set(speaker["properties"])
    mention = schema["$defs"]["entity"]["properties"]["mentions"]["items"]
    assert set(models.MentionOut.model_fields) == set(mention["properties"])


@pytest.mark.parametrize(
    ("model", "field", "path"),
    [
        (models.AttributionOut, "type", ("attribution", "type")),
        (models.AttributionOut, "kind", ("attribution", "kind")),
        (models.QuoteOut, "kind", ("attribution", "kind")),
        (models.ClaimOut, "certainty", ("claim", "certainty")),
        (models.EntityOut, "kind", ("kind",)),
        (models.TimeOut, "type", ("time", "type")),
    ],
)
def test_enumerations_match(model, field, path):
    schema = article_schema()["$defs"]
    part = schema[path[0]]
    if len(path) > 1:
        part = part["properties"][path[1]]
    enum = set(part["enum"])
    prop = model.model_json_schema()["properties"][field]
    assert set(prop["enum"]) == enum
