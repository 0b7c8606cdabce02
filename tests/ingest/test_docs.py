"""docs/input.md cannot drift: every file ending read and every input error code is documented."""
from __future__ import annotations

from pathlib import Path

import pytest

from onrecord import errors
from onrecord.ingest import SUFFIXES
from onrecord.ingest.records import DOCUMENT_FACTOR
from onrecord.ingest.validate import DEFAULT_MAX_BYTES, MIN_LANGUAGE_CONFIDENCE, MIN_LANGUAGE_LETTERS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "input.md").read_text("utf-8")
INPUT_ERRORS = sorted(
    {cls for cls in vars(errors).values() if isinstance(cls, type) and issubclass(cls, errors.InputError) and cls is not errors.InputError}
    | {errors.BadDate},
    key=lambda cls: cls.code,
)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_every_file_ending_is_documented(suffix):
    assert f"`{suffix}`" in DOC


@pytest.mark.parametrize("error", INPUT_ERRORS, ids=[cls.__name__ for cls in INPUT_ERRORS])
def test_every_input_error_code_is_in_the_table(error):
    assert f"| {error.code} | `{error.__name__}` |" in DOC


def test_the_documented_limits_are_the_real_ones():
    assert f"{DEFAULT_MAX_BYTES:,} by default" in DOC
    assert f"at least {MIN_LANGUAGE_LETTERS} letters" in DOC
    assert f"at least {MIN_LANGUAGE_CONFIDENCE:.2f}" in DOC
    assert f"{DOCUMENT_FACTOR} × `max_bytes`" in DOC
