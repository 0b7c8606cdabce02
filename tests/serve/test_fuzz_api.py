"""Property-based API tests generated from the app's own OpenAPI document (schemathesis), in-process, over SQLite.

Every operation gets ``ONRECORD_FUZZ_EXAMPLES`` valid and as many malformed generated requests (25 each in
``make test``, more in ``make fuzz``), with a fixed seed: no answer may be a 5xx, every status must be one the OpenAPI document lists for the
operation, and every body must match the documented response schema.
"""
from __future__ import annotations

import os

import pytest
import schemathesis
from schemathesis import GenerationMode
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance, status_code_conformance

from onrecord.serve import create_app

from .conftest import make_client

EXAMPLES = int(os.environ.get("ONRECORD_FUZZ_EXAMPLES", "25"))
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]

ARTICLES = [
    {"id": "bridge", "text": "“The bridge will reopen in May,” Mayor Ana Ruiz said on Monday.", "published": "2024-03-05"},
    {"id": "budget", "text": "The council approved the budget, its chair, Tom Berg, told reporters.", "published": "2024-03-06"},
]


@pytest.fixture(scope="module")
def fuzzed_app(tmp_path_factory):
    app = create_app(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}")
    with make_client(app) as client:
        for article in ARTICLES:
            assert client.post("/api/articles", json=article).status_code == 200
    return app


@pytest.fixture(scope="module")
def api_schema(fuzzed_app):
    return schemathesis.openapi.from_asgi("/openapi.json", fuzzed_app)


def _cases() -> list[tuple[str, str, GenerationMode]]:
    """Every operation with valid requests; with malformed ones too where it has something to get wrong
    (a body, a query parameter, a path parameter that is not any string)."""
    spec = create_app(None).openapi()  # cheap: no store, no spaCy
    cases = []
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            cases.append((method.upper(), path, GenerationMode.POSITIVE))
            params = operation.get("parameters", [])
            constrained = any(p["in"] == "query" or p.get("schema", {}).get("type") != "string" for p in params)
            if constrained or "requestBody" in operation:
                cases.append((method.upper(), path, GenerationMode.NEGATIVE))
    return cases


@pytest.mark.filterwarnings("error::sqlalchemy.exc.SAWarning")  # a query SQLAlchemy sees as a cartesian product
# schemathesis's own pytest integration does not run under this pytest; one hypothesis test per operation instead
@pytest.mark.parametrize(("method", "path", "mode"), _cases(), ids=lambda v: {"positive": "valid", "negative": "malformed"}.get(getattr(v, "value", v), v))
def test_every_operation_keeps_its_openapi_contract(api_schema, method, path, mode):
    """Valid requests and malformed ones (wrong types, missing fields, bodies that are not JSON …) alike."""
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,  # a fixed seed: the same requests on every run
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def keeps_the_contract(case):
        case.call_and_validate(checks=CHECKS)

    keeps_the_contract()
