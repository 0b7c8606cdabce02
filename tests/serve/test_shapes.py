"""The store's records are the one declaration of the store-backed answers: the response models are built from them."""
from __future__ import annotations

import dataclasses
import datetime as dt
import inspect

import pytest
from pydantic import BaseModel, ValidationError

from onrecord.serve import models
from onrecord.serve.shapes import api, record_fields, response_model
from onrecord.store import records, roles, roles_check


@pytest.mark.parametrize("record", list(models.RECORD_MODELS), ids=lambda r: r.__name__)
def test_each_response_model_has_its_records_fields_in_order(record):
    assert list(models.RECORD_MODELS[record].model_fields) == record_fields(record)


@pytest.mark.parametrize("page", models.PAGE_MODELS, ids=lambda m: m.__name__)
def test_each_listing_is_the_store_page_and_the_paging_fields(page):
    assert list(page.model_fields) == record_fields(records.Page) + list(models.PAGING)


def test_a_field_added_to_a_record_reaches_its_response_model():
    @dataclasses.dataclass(frozen=True)
    class Card:
        id: str
        seen: dt.date | None

    @dataclasses.dataclass(frozen=True)
    class CardWithTags:
        id: str
        seen: dt.date | None
        tags: tuple[str, ...] = ()

    assert list(response_model(Card, "CardOut").model_fields) == ["id", "seen"]
    widened = response_model(CardWithTags, "CardOut")
    assert list(widened.model_fields) == ["id", "seen", "tags"]
    schema = widened.model_json_schema()
    assert schema["properties"]["tags"]["type"] == "array" and schema["required"] == ["id", "seen"]
    assert widened(id="a", seen="2025-04-22").model_dump() == {"id": "a", "seen": "2025-04-22", "tags": []}
    with pytest.raises(ValidationError):  # a date is a YYYY-MM-DD string to the API
        widened(id="a", seen="22 April 2025")


def test_an_api_field_the_record_does_not_have_is_refused():
    with pytest.raises(TypeError, match="colour"):
        response_model(records.Role, "RoleOut", colour=api(description="only on the API side"))
    with pytest.raises(TypeError, match="title"):
        response_model(records.Role, "RoleOut", extra={"title": (str, ...)})


def test_the_api_adds_bounds_enumerations_and_descriptions_to_the_records_fields():
    schema = models.QuoteOut.model_json_schema()
    assert schema["additionalProperties"] is False
    assert schema["properties"]["index"]["minimum"] == 0
    assert set(schema["properties"]["type"]["enum"]) == {"direct", "indirect", "mixed"}
    assert schema["properties"]["published"]["anyOf"][0]["pattern"] == r"^\d{4}-\d{2}-\d{2}$"
    assert "said_on" not in schema["required"] and "article_title" in schema["required"]


def _store_records() -> list[type]:
    found = []
    for module in (records, roles, roles_check):
        found += [c for _, c in inspect.getmembers(module, inspect.isclass) if dataclasses.is_dataclass(c) and c.__module__ == module.__name__]
    return found


def test_no_hand_written_model_declares_a_store_record_again():
    built = set(models.RECORD_MODELS.values()) | set(models.PAGE_MODELS)
    written = [c for _, c in inspect.getmembers(models, inspect.isclass) if issubclass(c, BaseModel) and c not in built]
    shapes = {frozenset(record_fields(r)): r.__name__ for r in _store_records()}
    again = {c.__name__: shapes[frozenset(c.model_fields)] for c in written if frozenset(c.model_fields) in shapes}
    assert again == {}, "build these from the store's records with serve.shapes.response_model"


def test_the_check_sees_a_model_written_again():
    class ArticleSummaryAgain(BaseModel):
        id: str
        title: str | None
        published: str | None
        outlet: str | None
        url: str | None
        attributions: int

    shapes = {frozenset(record_fields(r)) for r in _store_records()}
    assert frozenset(ArticleSummaryAgain.model_fields) in shapes
