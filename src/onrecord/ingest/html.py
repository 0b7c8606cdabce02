"""HTML pages: trafilatura keeps the article body (navigation, footers and ads dropped) and its metadata.

Used for ``.html``/``.htm`` files, for records that carry ``html`` instead of ``text``, and for the
HTML responses of WARC files.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import BadDate, BadHtml, InputError
from ..types import RawArticle, Skipped
from .text import read_file_bytes
from .validate import check_text, decode_utf8, parse_published


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """What trafilatura found in one page."""

    text: str
    title: str | None = None
    published: dt.date | None = None
    author: str | None = None
    url: str | None = None
    sitename: str | None = None


def extract_html(html: str, url: str | None = None) -> HtmlArticle:
    """The article body and metadata (title, date, author, url, site name) of an HTML page.

    Trafilatura is tried precision-first; a page where that finds nothing (short pages fall under
    its minimum size) is tried again favouring recall before it is declared empty.

    Raises:
        BadHtml: no article text could be extracted.

    Example:
        >>> page = ("<html><body><article><h1>Bridge to reopen</h1><p>The mayor said the bridge "
        ...         "would reopen on Friday after repairs.</p></article></body></html>")
        >>> extract_html(page).text
        'Bridge to reopen\\nThe mayor said the bridge would reopen on Friday after repairs.'
    """
    import trafilatura  # heavy: imported when the first page is read

    document = None
    for favor_recall in (False, True):
        try:
            document = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False, favor_recall=favor_recall
            )
        except (ValueError, TypeError, LookupError, AssertionError) as error:
            # lxml and trafilatura raise these on markup they cannot build a tree from
            raise BadHtml(f"HTML could not be parsed ({type(error).__name__}: {error})") from None
        if document is not None and (document.text or "").strip():
            break
    if document is None or not (document.text or "").strip():
        raise BadHtml("no article text could be extracted from the HTML")
    try:
        published = parse_published(document.date)
    except BadDate:  # trafilatura normalises dates; an odd one is no reason to lose the article
        published = None
    return HtmlArticle(
        text=document.text,
        title=_clean(document.title),
        published=published,
        author=_clean(document.author),
        url=_clean(document.url) or url,
        sitename=_clean(document.sitename) or _clean(document.hostname),
    )


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def read_html(path: Path, article_id: str, published: dt.date | None, max_bytes: int) -> Iterator[RawArticle | Skipped]:
    """The one article of an HTML file; the page's own date wins over ``published``.

    Example:
        >>> from pathlib import Path
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "bridge.html"
        >>> _ = p.write_text("<html><body><p>The mayor said the bridge would reopen on Friday.</p></body></html>")
        >>> next(read_html(p, "bridge", None, 100_000)).text
        'The mayor said the bridge would reopen on Friday.'
    """
    origin = str(path)
    try:
        page = extract_html(decode_utf8(read_file_bytes(path, max_bytes)))
        check_text(page.text, max_bytes=max_bytes, what="extracted text")
    except InputError as error:
        yield Skipped(origin, error.code, error.message)
        return
    yield raw_from_page(page, article_id, origin, published)


def raw_from_page(page: HtmlArticle, article_id: str, origin: str, published: dt.date | None) -> RawArticle:
    """A :class:`RawArticle` from an extracted page (its date first, then the default ``published``)."""
    return RawArticle(
        id=article_id,
        text=page.text,
        title=page.title,
        published=page.published or published,
        url=page.url,
        outlet=page.sitename,
        author=page.author,
        origin=origin,
    )
