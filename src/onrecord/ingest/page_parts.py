"""Parts of a page that are never its article: removed from the parsed page before trafilatura reads it.

Trafilatura judges blocks by their text and markup density; a second story in a pop-up dialog, or a
sidebar's list of recent posts, reads like article text to it and is appended to the body. The page's
own markup says what these parts are:

1. Dialogs: an element with ``role="dialog"``/``"alertdialog"`` or ``aria-modal="true"`` (a pop-up
   holding another story, a sign-up form) is shown only when a reader clicks, over the article.
2. Sidebars: an ``<aside>``, or an element whose class names a sidebar or a widget (``sidebar``,
   ``sidebar_center``, ``widget``, ``widget_text``: the blocks blog themes put beside the article).

Nothing here knows an outlet. An element that holds the page's ``<article>`` or ``<main>`` is never
removed, so a theme that wraps the whole page in a "widget" keeps its story.
"""
from __future__ import annotations

import re

#: ARIA roles of an element that opens over the page.
_DIALOG_ROLES = frozenset({"dialog", "alertdialog"})
#: A class name that says the element is a sidebar or a widget beside the article.
_SIDE_CLASS = re.compile(r"^(?:sidebar|widget)$", re.IGNORECASE)


def drop_page_parts(tree) -> int:
    """Remove, in place, the dialogs and sidebars of a parsed HTML page (``lxml.html``); how many went.

    Example:
        >>> from lxml import html
        >>> page = html.fromstring('<html><body><article><p>The mayor spoke.</p></article>'
        ...                        '<div role="dialog"><p>Another story.</p></div></body></html>')
        >>> drop_page_parts(page), page.text_content()
        (1, 'The mayor spoke.')
    """
    doomed = [element for element in tree.iter() if isinstance(element.tag, str) and _is_side_part(element)]
    removed = 0
    for element in doomed:
        parent = element.getparent()
        if parent is None or _holds_story(element):
            continue
        if element.tail and element.tail.strip():  # text after the part belongs to its parent
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + element.tail
            else:
                parent.text = (parent.text or "") + element.tail
        parent.remove(element)
        removed += 1
    return removed


def _is_side_part(element) -> bool:
    if (element.get("role") or "").strip().lower() in _DIALOG_ROLES or (element.get("aria-modal") or "").strip().lower() == "true":
        return True
    if element.tag.lower() == "aside":
        return True
    return any(_SIDE_CLASS.match(name) for name in (element.get("class") or "").split())


def _holds_story(element) -> bool:
    """The element wraps the page's article (or is inside it): removing it would lose the story."""
    if element.xpath(".//article | .//main | .//*[@itemprop='articleBody']"):
        return True
    return bool(element.xpath("ancestor::article | ancestor::*[@itemprop='articleBody']"))
