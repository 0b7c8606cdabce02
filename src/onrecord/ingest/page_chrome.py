"""Page chrome left in trafilatura's article body: dropped before the text reaches the analysis.

Trafilatura already removes navigation, footers and the blocks its markup rules recognise. What it
keeps and a reader does not count as article text falls in a few classes, handled in this order:

1. Structure (trafilatura's XML body): headings (``<head>``, where headlines such as "Obama Says …"
   come from: the title is kept apart, in ``RawArticle.title``), blocks whose text is the page's
   title, a photo caption of the page (``<figcaption>``, an element whose class names a caption;
   not an image's ``alt``, which some pages fill with the lede) or one of its links ("Read: …", related-story lists).
2. Blocks and lines matched by the patterns of ``data/page_chrome.tsv`` (share buttons, paywall and
   newsletter blurbs, copyright and credit lines, bylines and datelines, captions, widget labels).

Nothing here knows an outlet.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

#: Blocks of trafilatura's XML body that carry text of their own.
_BLOCKS = ("p", "head", "item", "quote", "cell")
#: Link and caption texts shorter than this are too generic to identify a block ("Home", "News").
_MIN_MATCH_WORDS = 3
#: Lines of at most this many words with no sentence end are labels when they open the body.
_LABEL_WORDS = 4
#: A headline of at least this many words is cut out of a line it was run into.
_INLINE_TITLE_WORDS = 4
#: "short" patterns only apply to lines of at most this many words.
_SHORT_LINE_WORDS = 60
#: A label before a link ("Read: …", "VIDEO: …").
_LABEL = re.compile(r"^[\w’' -]{1,25}:\s+")


@dataclass(frozen=True, slots=True)
class ChromePattern:
    """One row of ``data/page_chrome.tsv``."""

    kind: str  # share, copyright, credit, subscribe, byline, caption, widget, label
    how: str  # line, short, prefix, run
    regex: re.Pattern[str]


@functools.cache
def chrome_patterns() -> tuple[ChromePattern, ...]:
    """The patterns of ``data/page_chrome.tsv``, compiled once."""
    text = resources.files("onrecord").joinpath("data/page_chrome.tsv").read_text("utf-8")
    patterns = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, how, expression = line.split("\t")
        if how not in ("line", "short", "prefix", "run"):
            raise ValueError(f"page_chrome.tsv: unknown 'how' {how!r} in {line!r}")
        patterns.append(ChromePattern(kind, how, re.compile(expression, re.IGNORECASE)))
    return tuple(patterns)


def normalise(text: str) -> str:
    """Lowercased, with runs of white space made one space: how block texts are compared."""
    return " ".join(text.split()).lower()


def page_side_texts(tree) -> tuple[frozenset[str], frozenset[str]]:
    """The caption texts and link texts of a parsed HTML page (``lxml.html``), normalised.

    Only texts of at least three words count, so a link "Home" or a caption "AP" identifies nothing.
    """
    captions, links = set(), set()
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag == "a":
            links.add(normalise(element.text_content()))
        elif tag == "figcaption" or "caption" in (element.get("class") or "").lower():
            captions.add(normalise(element.text_content()))
    return _telling(captions), _telling(links)


def _telling(texts: set[str]) -> frozenset[str]:
    return frozenset(t for t in texts if len(t.split()) >= _MIN_MATCH_WORDS)


def drop_chrome_blocks(body, title: str | None, captions: frozenset[str], links: frozenset[str]) -> None:
    """Remove, in place, the headings and the title, caption and link blocks of trafilatura's XML body."""
    titles = {normalise(t) for t in title_variants(title)}
    doomed = []
    for element in body.iter(*_BLOCKS):
        if element.tag in ("quote", "item") and element.find(".//p") is not None:
            continue  # its paragraphs are judged one by one
        text = normalise("".join(element.itertext()))
        unlabelled = _LABEL.sub("", text)
        if text in titles or _is_caption(text, captions) or _is_link(text, unlabelled, links) or _is_short_chrome(text):
            doomed.append(element)
        elif element.tag == "head" and not _is_question(text):
            doomed.append(element)
    for element in doomed:
        _remove(element)


def title_variants(title: str | None) -> tuple[str, ...]:
    """The page title, and its headline alone when it reads "Headline - Site name"."""
    if not title or not title.strip():
        return ()
    variants = [title.strip()]
    if re.search(r"\s[-|–—]\s", title):
        variants.append(re.split(r"\s[-|–—]\s", title)[0].strip())
    return tuple(variants)


def _is_caption(text: str, captions: frozenset[str]) -> bool:
    return bool(text) and len(text.split()) >= _MIN_MATCH_WORDS and any(text == c or (text in c and len(text) > 0.8 * len(c)) for c in captions)


def _is_link(text: str, unlabelled: str, links: frozenset[str]) -> bool:
    """A block that is one of the page's links, perhaps labelled ("Read: …") or dated ("… - May 2")."""
    if text in links or unlabelled in links:
        return True
    if not text or len(text.split()) > _SHORT_LINE_WORDS:
        return False
    return any(len(link) >= 0.7 * len(text) and link in text for link in links)


def _is_short_chrome(text: str) -> bool:
    """A whole block a "short" pattern describes (a paywall notice set as one paragraph with line breaks)."""
    if len(text.split()) > _SHORT_LINE_WORDS:
        return False
    return any(p.how == "short" and p.regex.search(text) for p in chrome_patterns())


def _is_question(text: str) -> bool:
    """An interviewer's question set as a heading (Q&A articles): content, unlike a section heading."""
    return text.endswith("?") and len(text.split()) >= 4


def _remove(element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():  # loose text after the block stays, as a paragraph of its own
        paragraph = element.makeelement("p")
        paragraph.text = tail
        paragraph.tail = "\n"
        element.addnext(paragraph)
    parent.remove(element)


def drop_chrome_lines(text: str, title: str | None = None) -> str:
    """The text without the lines ``data/page_chrome.tsv`` describes and the labels above its first sentence.

    Transcript labels are cut off the lines they start; share-button runs, dated bylines and the page's
    headline (``title``, when a page runs it into a paragraph) are cut out of a line, which breaks there.

    Example:
        >>> drop_chrome_lines("Share Facebook Twitter WhatsApp\\nThe mayor said the bridge would reopen.\\n© 2024 Gazette")
        'The mayor said the bridge would reopen.'
    """
    headlines = [_words_pattern(t) for t in title_variants(title) if len(t.split()) >= _INLINE_TITLE_WORDS]
    kept = []
    for line in text.splitlines():
        pieces = [line]
        for headline in headlines:
            pieces = [part for piece in pieces for part in headline.split(piece)]
        for piece in pieces:
            kept.extend(clean_line(piece).splitlines())
    while len(kept) > 1 and _is_label(kept[0]):  # "News", "PETER CHRISTOPHER", "WASHINGTON —" above the first sentence
        kept.pop(0)
    return "\n".join(kept)


def _words_pattern(text: str) -> re.Pattern[str]:
    """Finds ``text`` inside a line whatever its case and white space."""
    return re.compile(r"\s+".join(map(re.escape, text.split())), re.IGNORECASE)


def _is_label(line: str) -> bool:
    """A kicker, byline or dateline line: a few words with no sentence end."""
    return len(line.split()) <= _LABEL_WORDS and not line.rstrip().endswith((".", "!", "?", '"', "”", "’", "'", ":"))


def clean_line(line: str) -> str:
    """One line of extracted text, stripped, or ``""`` when it is chrome.

    Where a share-button run or a dated byline is cut out of a line, the line breaks there: what
    stood on either side are separate pieces (a subtitle before a byline is no part of the sentence
    after it), each cleaned on its own.

    Example:
        >>> clean_line("'Not fit for purpose' By Maren Holt - May 4, 2022 Share Facebook Twitter Email The minister said so.")
        "'Not fit for purpose'\\nThe minister said so."
    """
    patterns = chrome_patterns()
    pieces = [line]
    for pattern in patterns:
        if pattern.how == "run":
            pieces = [part for piece in pieces for part in pattern.regex.split(piece)]
    return "\n".join(kept for kept in map(_clean_piece, pieces) if kept)


def _clean_piece(line: str) -> str:
    line = line.strip()
    patterns = chrome_patterns()
    for pattern in patterns:
        if pattern.how == "prefix":
            line = pattern.regex.sub("", line, count=1).strip()
    # list items come as "- item"; the bullet is no part of what the patterns describe
    bare = re.sub(r"^[-–•*]\s+", "", line)
    short = len(bare.split()) <= _SHORT_LINE_WORDS
    for pattern in patterns:
        if pattern.how == "line" and pattern.regex.fullmatch(bare):
            return ""
        if pattern.how == "short" and short and pattern.regex.search(bare):
            return ""
    return line


#: A photo credit after a caption is a name of at most this many words ("NICOLE DRAYTON", "AP Photo/Jane Roe").
_CREDIT_WORDS = 6


def page_credits(tree) -> frozenset[str]:
    """The photo and video credits of a parsed HTML page, normalised: the text of an element whose class
    names a credit ("By U.S. CUSTOMS AND BORDER PROTECTION" in a ``credit`` span), and a short line
    with no sentence end right after a caption ("NICOLE DRAYTON" after the photo's caption)."""
    credits = set()
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        css = (element.get("class") or "").lower()
        if "credit" in css:
            credits.add(normalise(element.text_content()))
        elif element.tag.lower() == "figcaption" or "caption" in css:
            after = element.getnext()
            if after is not None and isinstance(after.tag, str):
                text = normalise(after.text_content())
                if 0 < len(text.split()) <= _CREDIT_WORDS and not text.endswith((".", "!", "?")):
                    credits.add(text)
    return frozenset(c for c in credits if c)


def drop_credits(text: str, credits: frozenset[str]) -> str:
    """The text without lines that are one of the page's credits, and without a credit ending a line.

    Longer credits are tried first, whatever the set's order (which changes with Python's hash seed): a caption
    with its credit ("Agents found the boat. By Coast Guard") goes whole, before its credit alone is cut off it.

    Example:
        >>> drop_credits("Agents found the boat. By Coast Guard\\nJANE ROE\\nThe boat sank.", frozenset({"by coast guard", "jane roe"}))
        'Agents found the boat.\\nThe boat sank.'
    """
    if not credits:
        return text
    kept = []
    ordered = sorted(credits, key=lambda credit: (-len(credit), credit))
    for line in text.splitlines():
        for credit in ordered:
            cut = _words_pattern(credit).search(line)
            if cut is not None and not line[cut.end() :].strip() and (cut.start() == 0 or line[: cut.start()].rstrip().endswith((".", "!", "?", "”", '"'))):
                line = line[: cut.start()].rstrip()
        if line.strip():
            kept.append(line)
    return "\n".join(kept)


def drop_standfirst(text: str, description: str | None) -> str:
    """The text without a first line that is the page's summary set above the article (a standfirst):
    the page's description with no sentence end, where a lede paragraph ends with one.

    Example:
        >>> drop_standfirst("Fines are to rise for repeat offenders\\nThe minister said so.", "Fines are to rise for repeat offenders")
        'The minister said so.'
    """
    first, _, rest = text.partition("\n")
    if not description or not rest.strip() or normalise(first) != normalise(description):
        return text
    if first.rstrip().endswith((".", "!", "?", "”", '"', "’", "'")):
        return text
    return rest


#: An opening line naming the author is a byline when it has at most this many words.
_AUTHOR_LINE_WORDS = 20


def drop_author_line(text: str, author: str | None) -> str:
    """The text without a first line that is the rest of a byline: it names one of the page's authors (``author``,
    names joined by "; ") and has no sentence end, such as a second author with their job title.

    Example:
        >>> drop_author_line("& Maren Holt, Director of Research, Harbour Trust\\nThe council said so.", "Ann Roe; Maren Holt")
        'The council said so.'
    """
    first, _, rest = text.partition("\n")
    if not author or not rest.strip() or len(first.split()) > _AUTHOR_LINE_WORDS:
        return text
    if first.rstrip().endswith((".", "!", "?", "”", '"', "’", "'")):
        return text
    line = normalise(first)
    names = [normalise(name) for name in author.split(";")]
    return rest if any(len(name.split()) >= 2 and name in line for name in names) else text
