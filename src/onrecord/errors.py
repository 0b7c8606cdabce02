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


class ShortBody(OnrecordError):
    """A warning, not a failure: the article text read from a page is implausibly short for the page
    (a photo caption or a teaser where the article is loaded by a script). The article is kept and
    carries the message in ``warnings``."""

    code = "E011"


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
