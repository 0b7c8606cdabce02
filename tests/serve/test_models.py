"""The API's article models are the one declaration of ``article.schema.json``: the file is generated from them."""
from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from onrecord.serialize import article_schema, article_to_dict, validate_article_dict
from onrecord.serve import models
from onrecord.serve.schema import DEF_NAMES, SCHEMA_FILE, build_article_schema, render_article_schema

TEXTS = [
    (
        "Former President Ana Ruiz said on Monday that the port would hire 300 workers by 2026. "
        "“We will rebuild the bridge,” Ruiz told reporters. These claims have not been independently verified.",
        "2025-04-22",
    ),
    ("The harbour authority, according to its spokesperson Iko Tan, believes fees could rise by about 5%.", None),
]


def test_schema_file_is_generated_from_the_models():
    # editing a model without `python -m onrecord.serve.schema` fails here
    assert SCHEMA_FILE.read_text("utf-8") == render_article_schema()


def test_serializer_validates_against_the_generated_schema():
    assert article_schema() == build_article_schema()


def test_schema_keeps_the_file_names_and_header():
    schema = build_article_schema()
    assert schema["$id"] == "https://onrecord.invalid/schema/article.schema.json"
    assert schema["title"] == "onrecord article"
    assert set(schema["$defs"]) == set(DEF_NAMES.values()) >= {"attribution", "entity", "claim", "quantity", "time", "role"}
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_leaves_the_text_optional_for_text_less_exports():
    assert "text" in models.ArticleOut.model_json_schema()["required"]
    assert "text" not in build_article_schema()["required"]


def _minimal_article() -> dict:
    return {
        "schema_version": "1.2",
        "id": "a",
        "title": None,
        "published": "2025-04-22",
        "text_sha256": "0" * 64,
        "text": "Former President Ana Ruiz spoke.",
        "entities": [{"id": "e1", "name": "Ana Ruiz", "kind": "person"}],
        "attributions": [],
        "roles": [
            {
                "entity": "e1",
                "span": [0, 16],
                "text": "Former President",
                "shape": "premodifier",
                "office": "president",
                "org": None,
                "qualifier": "former",
                "date": "2025-04-22",
            }
        ],
        "warnings": ["[E011] the extracted body has 5 words on a page that shows 499"],
    }


def test_minimal_article_validates():
    validate_article_dict(_minimal_article())


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("roles", 0, "qualifier"), "ex"),  # qualifiers are an enumeration
        (("roles", 0, "date"), "22 April 2025"),
        (("warnings", 0), "no code here"),  # warnings are coded
        (("text_sha256",), "xyz"),
        (("entities", 0, "kind"), "robot"),
    ],
)
def test_schema_keeps_the_constraints_of_the_hand_written_file(path, value):
    d = _minimal_article()
    node = d
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, build_article_schema())


@pytest.mark.parametrize("field", ["office", "org", "qualifier", "date"])
def test_role_fields_are_required_even_when_null(field):
    d = _minimal_article()
    del d["roles"][0][field]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, build_article_schema())


@pytest.mark.parametrize(("text", "published"), TEXTS)
def test_analysed_articles_validate_and_parse_as_models(text, published):
    from onrecord import analyze

    article = analyze(text, published, model=None)
    d = json.loads(json.dumps(article_to_dict(article)))
    assert d["attributions"], "the hand-written text has attributions"
    validate_article_dict(d)
    assert models.ArticleOut.model_validate(copy.deepcopy(d)).model_dump(mode="json") == d
    without_text = article_to_dict(article, include_text=False)
    validate_article_dict(json.loads(json.dumps(without_text)))
