"""The error catalogue: every failure onrecord reports has a searchable code.

A bad article in a batch becomes a :class:`onrecord.types.Skipped` carrying the
code and message of one of these errors; the batch goes on.
"""
from __future__ import annotations


class OnrecordError(Exception):
    """Base class. ``code`` is stable and searchable, the message says what to do."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(OnrecordError):
    """Input that cannot become an article."""

    code = "E001"


class EmptyInput(InputError):
    code = "E001"


class BinaryInput(InputError):
    code = "E002"


class NotUtf8(InputError):
    code = "E003"


class NotEnglish(InputError):
    code = "E004"


class BadHtml(InputError):
    code = "E005"


class BadJson(InputError):
    code = "E006"


class TooLarge(InputError):
    code = "E007"


class UnsupportedInput(InputError):
    code = "E008"


class MissingFile(InputError):
    code = "E009"


class BadArchive(InputError):
    """Truncated or corrupt gzip / WARC."""

    code = "E010"


class BadDate(OnrecordError):
    code = "E020"


class ModelError(OnrecordError):
    """The spaCy pipeline or onrecord's model cannot be loaded."""

    code = "E030"


class StoreError(OnrecordError):
    code = "E040"


class EntityNotFound(StoreError):
    code = "E041"


class ArticleNotFound(StoreError):
    code = "E042"


class AttributionNotFound(StoreError):
    code = "E043"


class SchemaError(OnrecordError):
    """Output that does not match the published JSON Schema (a bug in onrecord)."""

    code = "E050"


class EngineUnavailable(OnrecordError):
    """An execution engine cannot start (PySpark not installed, no Java, cluster unreachable)."""

    code = "E065"


class ModelInstallFailed(ModelError):
    """``onrecord model install`` could not install the pinned spaCy pipeline (no pip, no network, a hash mismatch)."""

    code = "E080"


class StoreMissing(StoreError):
    """A command that only reads the store was given a SQLite file that does not exist."""

    code = "E081"


class MissingExtra(OnrecordError):
    """An optional feature whose extra is not installed (``pip install "onrecord[postgres]"``)."""

    code = "E082"
