"""HTML pages: trafilatura keeps the article body (navigation, footers and ads dropped) and its metadata.

Used for ``.html``/``.htm`` files, for records that carry ``html`` instead of ``text``, and for the
HTML responses of WARC files. What trafilatura leaves of the page's chrome (headings, captions, share
buttons, paywall blurbs …) is dropped by :mod:`.page_chrome`; the headline stays out of the text, in
``title``. A body implausibly short for its page gets an ``E011`` warning.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import BadDate, BadHtml, InputError, ShortBody
from ..types import RawArticle, Skipped
from .page_date import labelled_date
from .page_parts import drop_page_parts
from .page_chrome import drop_author_line, drop_chrome_blocks, drop_chrome_lines, drop_credits, drop_standfirst, normalise, page_credits, page_side_texts
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
    warnings: tuple[str, ...] = ()  # coded messages ("[E011] …")


#: A body under this many words may be a caption or a teaser rather than the article …
SHORT_BODY_WORDS = 80
#: … when the page around it shows at least this many times as many words.
SHORT_BODY_RATIO = 4


def extract_html(html: str, url: str | None = None) -> HtmlArticle:
    """The article body and metadata (title, date, author, url, site name) of an HTML page.

    Trafilatura reads the page without its dialogs and sidebars (:mod:`.page_parts`), with its default
    balance first; a page where that finds nothing (short pages fall under its minimum size) is tried
    again favouring recall, then whole, before it is declared empty.
    Its body then loses the page chrome it kept (:mod:`.page_chrome`): headings (the headline is
    ``title``, never text), captions, link lines, share buttons, paywall and newsletter blurbs,
    copyright and byline lines. When that leaves nothing, the page's summary (its description
    metadata) is the text, with an ``E011`` warning; a body under :data:`SHORT_BODY_WORDS` words on
    a page that shows :data:`SHORT_BODY_RATIO` times as many gets an ``E011`` warning too.

    Raises:
        BadHtml: no article text could be extracted.

    Example:
        >>> page = ("<html><body><article><h1>Bridge to reopen</h1><p>The mayor said the bridge "
        ...         "would reopen on Friday after repairs.</p><p>Share Facebook Twitter Email</p></article></body></html>")
        >>> extract_html(page).text
        'The mayor said the bridge would reopen on Friday after repairs.'
    """
    import trafilatura  # heavy: imported when the first page is read
    from trafilatura.utils import load_html
    from trafilatura.xml import xmltotxt

    html = rejoin_drop_caps(html)
    document = None
    # the page without its dialogs and sidebars first (another story, recent posts); the whole page when
    # that finds nothing, as on a page whose only text sits in a "widget"
    for whole_page, favor_recall in ((False, False), (False, True), (True, False), (True, True)):
        try:
            page = load_html(html)  # trafilatura copies it; the page's side texts are read from the whole page below
            if page is not None and not whole_page:
                drop_page_parts(page)
            document = trafilatura.bare_extraction(
                page if page is not None else html, url=url, with_metadata=True, include_comments=False, favor_recall=favor_recall
            )
        except (ValueError, TypeError, LookupError, AssertionError) as error:
            # lxml and trafilatura raise these on markup they cannot build a tree from
            raise BadHtml(f"HTML could not be parsed ({type(error).__name__}: {error})") from None
        if document is not None and (document.text or "").strip():
            break
    if document is None or not (document.text or "").strip():
        raise BadHtml("no article text could be extracted from the HTML")
    tree = load_html(html)
    captions, links = page_side_texts(tree) if tree is not None else (frozenset(), frozenset())
    drop_chrome_blocks(document.body, document.title, captions, links)
    text = drop_chrome_lines(xmltotxt(document.body, False), document.title)
    text = drop_standfirst(drop_credits(text, page_credits(tree) if tree is not None else frozenset()), document.description)
    text = drop_author_line(text, document.author)
    warnings = []
    if not text:  # all of it was chrome: a caption, a byline, a paywall notice
        summary = _clean(document.description)
        if summary is None or normalise(summary) in captions:
            raise BadHtml("no article text could be extracted from the HTML: what the page shows is page chrome (a caption, byline or notice); its body is probably loaded by a script")
        text = summary
        warnings.append(f"[{ShortBody.code}] the page's body holds only chrome (a caption, byline or notice); its summary is analysed instead, the article itself is probably loaded by a script")
    page_words = _page_words(tree)
    body_words = len(text.split())
    if not warnings and body_words < SHORT_BODY_WORDS and page_words >= SHORT_BODY_RATIO * body_words:
        warnings.append(f"[{ShortBody.code}] the extracted body has {body_words} words on a page that shows {page_words}: it may be a caption or a teaser rather than the article")
    try:
        published = parse_published(document.date)
    except BadDate:  # trafilatura normalises dates; an odd one is no reason to lose the article
        published = None
    published = labelled_date(tree) or published  # a page without date metadata: its "Written: …" label, not a guess
    return HtmlArticle(
        text=text,
        title=_clean(document.title),
        published=published,
        author=_byline(document.author, _meta_authors(tree)),
        url=_clean(document.url) or url,
        sitename=_outlet(document.sitename, document.title, document.hostname),
        warnings=tuple(warnings),
    )


#: a drop cap: one capital letter in its own element right before the paragraph it opens, whose text
#: (after any opening tags, such as a link) goes on in lower case: ``<span>T</span><p><a>urkey</a>``
_DROP_CAP = re.compile(r"<(span|div|strong|b)\b[^>]*>\s*([A-Z])\s*</\1>\s*(<p\b[^>]*>(?:\s*<(?!/)[^>]+>)*)(?=[a-z])")


def rejoin_drop_caps(html: str) -> str:
    """The page with each drop cap put back at the start of its paragraph, so that "Turkey" does not
    lose its "T" to an element of its own.

    Example:
        >>> rejoin_drop_caps('<span class="cap">T</span><p><a href="/t">urkey</a> and Poland</p>')
        '<p><a href="/t">Turkey</a> and Poland</p>'
    """
    return _DROP_CAP.sub(lambda m: m.group(3) + m.group(2), html)


def _page_words(tree) -> int:
    """The words a browser shows on the page (scripts, styles and templates left out)."""
    if tree is None:
        return 0
    texts = tree.xpath("//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template)]")
    return sum(len(str(piece).split()) for piece in texts)


def _outlet(sitename: str | None, title: str | None, hostname: str | None) -> str | None:
    """The outlet's name from the page's site name, without the tagline a bar or dash adds ("The Tico Times |
    Costa Rica News | Travel"); the host name when the site name is the article's title (syndicated pages),
    a web address ("News and Opinion on www.example.com") or no name at all."""
    name = _TAGLINE.split(_clean(sitename) or "")[0].strip()
    if not name or name.casefold() == (_clean(title) or "").casefold() or "www." in name.casefold() or len(name.split()) > 8:
        return _clean(hostname) or name or None
    return name


#: what separates a site's name from its tagline: a bar, or a dash between spaces
_TAGLINE = re.compile(r"\s+[|–—-]\s+")


def _byline(author: str | None, meta_authors: tuple[str, ...] = ()) -> str | None:
    """The page's author, or ``None`` when the field holds no byline: a credit with years (the author meta
    tag "Merit Designs Consulting Group, 2006-2020", a web designer's line, which trafilatura returns without
    its years) or a placeholder ("No Author", "Article by").

    Example:
        >>> _byline("Acme Web Studio", ("Acme Web Studio, 2006-2020",)), _byline("Maren Holt", ("Maren Holt",))
        (None, 'Maren Holt')
    """
    author = _clean(author)
    if author is None or _CREDIT_YEARS.search(author) or _PLACEHOLDER_AUTHOR.fullmatch(author):
        return None
    if any(_CREDIT_YEARS.search(meta) and normalise(author) in normalise(meta) for meta in meta_authors):
        return None
    return author


def _meta_authors(tree) -> tuple[str, ...]:
    """The contents of the page's author meta tags."""
    if tree is None:
        return ()
    return tuple(str(value) for value in tree.xpath("//meta[translate(@name, 'AUTHOR', 'author')='author']/@content"))


#: a year or a span of years in an author field: a credit or a copyright line, never a name
_CREDIT_YEARS = re.compile(r"\b(?:19|20)\d{2}\b")
#: what a template puts where the byline goes when an article has none
_PLACEHOLDER_AUTHOR = re.compile(r"(?:no|unknown|anonymous)(?: author)?|(?:article|posted|written|story) by|by|admin(?:istrator)?", re.IGNORECASE)


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
        warnings=page.warnings,
    )
