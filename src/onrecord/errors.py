"""The error catalogue: every failure onrecord reports has a searchable code.

A bad article in a batch becomes a :class:`onrecord.types.Skipped` carrying the
code and message of one of these errors; the batch goes on. Each class also carries the HTTP status the web app
answers it with (``http_status``), so the server takes codes and statuses from here and nowhere else.
"""
from __future__ import annotations


class OnrecordError(Exception):
    """Base class. ``code`` is stable and searchable, the message says what to do."""

    code = "E000"
    http_status = 500

    def __init__(self, message: str, *, headers: dict[str, str] | None = None):
        super().__init__(f"[{self.code}] {message}")
        self.message = message
        self.headers = headers  # extra HTTP headers when the web app answers this error (Retry-After …)


class InputError(OnrecordError):
    """Input that cannot become an article."""

    code = "E001"
    http_status = 422


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
    http_status = 413


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
    http_status = 422


class ModelError(OnrecordError):
    """The spaCy pipeline or onrecord's model cannot be loaded."""

    code = "E030"
    http_status = 503


class StoreError(OnrecordError):
    code = "E040"


class EntityNotFound(StoreError):
    code = "E041"
    http_status = 404


class ArticleNotFound(StoreError):
    code = "E042"
    http_status = 404


class AttributionNotFound(StoreError):
    code = "E043"
    http_status = 404


class SchemaError(OnrecordError):
    """Output that does not match the published JSON Schema (a bug in onrecord)."""

    code = "E050"


class AnalysisFailed(OnrecordError):
    """One article's analysis raised (a bug in onrecord): that article is skipped, the batch goes on."""

    code = "E061"


class EngineUnavailable(OnrecordError):
    """An execution engine cannot start (PySpark not installed, no Java, cluster unreachable)."""

    code = "E065"
    http_status = 503


class UnknownKind(OnrecordError):
    """A filter names an attribution kind that does not exist (kinds: speech, writing, thought, evidence, intention, act)."""

    code = "E066"
    http_status = 422


class TextTooLong(InputError):
    """Reserved, no longer raised: a text over the pipeline's ``max_length`` is parsed in chunks (:mod:`onrecord.nlp_chunks`)."""

    code = "E071"


# ------------------------------------------------ the web app: requests that cannot be served


class RequestError(OnrecordError):
    """A malformed request: not JSON, a field of the wrong type, a missing field, an unknown parameter …"""

    code = "E072"
    http_status = 422


class CrossOriginRefused(RequestError):
    """A write whose ``Origin`` names another site."""

    code = "E070"
    http_status = 403


class UnsupportedMediaType(RequestError):
    code = "E073"
    http_status = 415


class TokenRequired(RequestError):
    """A write without the server's bearer token."""

    code = "E074"
    http_status = 401


class Busy(OnrecordError):
    """Too many analyses waiting; retry shortly."""

    code = "E075"
    http_status = 503


class AnalysisWorkerLost(Busy):
    """An analysis worker process of the web server died (killed, out of memory …); it is started again: retry."""

    code = "E091"
    http_status = 503


class NoStore(OnrecordError):
    """A store endpoint on a server started with ``--no-store``."""

    code = "E076"
    http_status = 404


class RouteNotFound(RequestError):
    """No page or endpoint at this path."""

    code = "E077"
    http_status = 404


class MethodNotAllowed(RequestError):
    code = "E078"
    http_status = 405


class InternalError(OnrecordError):
    """An unexpected exception in the web app (a bug in onrecord): answered 500 with this code, never a bare 500."""

    code = "E079"
    http_status = 500


def error_class(code: str) -> type[OnrecordError]:
    """The catalogue's class for ``code`` (the most general one when several share it), else ``OnrecordError``.

    Example:
        >>> error_class("E042").__name__, error_class("E042").http_status
        ('ArticleNotFound', 404)
    """
    pending: list[type[OnrecordError]] = [OnrecordError]
    while pending:
        cls = pending.pop(0)
        if cls.code == code:
            return cls
        pending.extend(cls.__subclasses__())
    return OnrecordError


class ModelInstallFailed(ModelError):
    """``onrecord model install`` could not install the pinned spaCy pipeline (no pip, no network, a hash mismatch)."""

    code = "E080"


class StoreMissing(StoreError):
    """A command that only reads the store was given a SQLite file that does not exist."""

    code = "E081"


class MissingExtra(OnrecordError):
    """An optional feature whose extra is not installed (``pip install "onrecord[postgres]"``)."""

    code = "E082"
    http_status = 503


class BadWindow(OnrecordError):
    """A role check's window that is not a whole number of days from 0 to 3650 (``--window-days``)."""

    code = "E093"
    http_status = 422


class AmbiguousSpeaker(StoreError):
    """A speaker name that fits several stored entities (``onrecord roles NAME``): give one of their ids."""

    code = "E094"
    http_status = 409


class BadRoleTable(OnrecordError):
    """A user role table (``--roles-csv``) that cannot be read: a missing column, a bad date."""

    code = "E095"
    http_status = 422
