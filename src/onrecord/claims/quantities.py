"""Numbers asserted in a claim, normalised: value, range, qualifier, unit and what they count.

"nearly 3,000 times" → 3000, nearly, times; "three people had been injured" → 3 people (what: injured);
"hundreds of drone and artillery attacks" → at least 200 attacks; "30-hour truce" → 30 hours (what: truce);
"between 20 and 30 soldiers" → 20–30 soldiers; "$2.3bn" → 2.3e9 USD; "40 per cent" → 40 percent.

The spans come from spaCy Matcher patterns; number words go through text2num; the vague plurals,
qualifiers, scales and currencies are data (``data/quantities.json``).
"""
from __future__ import annotations

import functools
import re

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.vocab import Vocab

from ..nlp import doc_text
from ..time import find_time_expressions
from ..types import Quantity, Span, TimeExpression
from .lexicons import quantity_lexicon

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
_SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|bn|b|tn|trn)$", re.I)
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.I)
_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
          "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
          "eighty", "ninety", "hundred", "thousand", "million", "billion", "trillion"}
_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
_PLURAL = {"century": "centuries", "person": "people"}


def _lex(key: str):
    return quantity_lexicon()[key]


def _is_num_text(text: str) -> bool:
    return bool(_DIGITS.match(text) or _SUFFIXED.match(text)) or text.lower() in _WORDS


def _is_num(t: Token) -> bool:
    return _is_num_text(t.text)


#: Lexeme flag slots (after the time classes' FLAG30-FLAG50): numbers, number-or-link, scale words, currency symbols.
_FLAGS = {"num": 55, "numcont": 56, "scale": 57, "cur": 58}


def _is_num_or_link(text: str) -> bool:
    return _is_num_text(text) or text in ("-", "and")


def _is_scale(text: str) -> bool:
    low = text.lower()
    return (low in _lex("scales") and low not in ("hundred", "thousand", "b")) or low in ("million", "billion", "trillion")


def _is_currency(text: str) -> bool:
    return text.lower() in ("$", "£", "€", "¥", "₹", "₽", "₴", "us$")


def _flag_getters():
    # module-level functions, so a vocab carrying these getters still pickles
    return {"num": _is_num_text, "numcont": _is_num_or_link, "scale": _is_scale, "cur": _is_currency}


def _register(vocab: Vocab) -> None:
    for name, getter in _flag_getters().items():
        vocab.add_flag(getter, flag_id=_FLAGS[name])
    if not Token.has_extension("qty_cur"):
        Token.set_extension("qty_cur", getter=lambda t: _is_currency(t.text))


@functools.lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> Matcher:
    _register(vocab)
    flag = lambda name: {f"FLAG{_FLAGS[name]}": True}  # noqa: E731
    matcher = Matcher(vocab, validate=False)  # flag attributes are not in the pattern schema
    body = [{**flag("cur"), "OP": "?"}, flag("num"), {**flag("numcont"), "OP": "*"}, {**flag("scale"), "OP": "?"}]
    prefixes: list[list[dict]] = [[]]
    for q in _lex("qualifiers"):
        prefixes.append([{"LOWER": w} for w in q.split()])
    patterns = []
    for prefix in prefixes:
        patterns.append(prefix + body)
        patterns.append(prefix + body + [{"LOWER": {"IN": ["%", "percent"]}}])
        patterns.append(prefix + body + [{"LOWER": "per"}, {"LOWER": "cent"}])
        for vague in _lex("vague"):
            patterns.append(prefix + [{"LOWER": w} for w in vague.split()])
    matcher.add("QUANTITY", patterns)
    return matcher


_VAGUE_HEADS = {"hundreds", "thousands", "dozens", "millions", "billions", "scores", "tens", "several", "few", "handful", "couple", "dozen"}


def find_quantities(doc: Doc, within: tuple[Span, ...], times: tuple[TimeExpression, ...] | None = None) -> list[Quantity]:
    """The quantities inside the character spans ``within`` (a claim's content), in text order.

    Calendar expressions (dates, clock times) are not quantities; durations are ("30-hour truce").

    Example:
        >>> from onrecord.nlp import load_base
        >>> doc = load_base()("Officials said nearly 3,000 people had fled.")
        >>> q, = find_quantities(doc, (Span.of(doc.text, 0, len(doc.text)),))
        >>> (q.value, q.qualifier, q.unit, q.what)
        (3000.0, 'nearly', 'people', 'fled')
    """
    if not within:
        return []
    if times is None:  # the ones the claims stage found, else found here
        times = doc._.time_expressions if doc._.time_expressions is not None else tuple(find_time_expressions(doc, None))
    blocked = [(t.span.start, t.span.end) for t in times if t.type != "DURATION"]
    matcher = _matcher(doc.vocab)
    spans = []
    for part in within:
        region = doc.char_span(part.start, part.end, alignment_mode="expand")
        if region is None:
            continue
        for window_start, window_end in _windows(region):
            for _, start, end in matcher(doc[window_start:window_end]):
                for span in _split_at_digit_and(_strip_links(doc[window_start + start : window_start + end])):
                    if any(s.start <= span.start_char and span.end_char <= s.end for s in within) \
                            and not any(b0 < span.end_char and span.start_char < b1 for b0, b1 in blocked) and not _ordinal_or_name(span):
                        spans.append(span)
    spans = _longest(spans)
    spans = _merge_ranges(doc, spans)
    out = []
    for span, upper_span in spans:
        q = _quantity(doc, span, upper_span)
        if q is not None:
            out.append(q)
    return out


def _windows(region: SpacySpan) -> list[tuple[int, int]]:
    """Token windows (doc indices) around numbers and vague amounts inside ``region``."""
    windows: list[list[int]] = []
    for t in region:
        if _is_num(t) or t.lower_ in _VAGUE_HEADS or t.text in ("$", "£", "€", "¥"):
            start, end = max(region.start, t.i - 5), min(region.end, t.i + 6)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], end)
            else:
                windows.append([start, end])
    return [(s, e) for s, e in windows]


def _split_at_digit_and(span: SpacySpan | None) -> list[SpacySpan]:
    """"20 and 30" are two numbers (a range when "between" precedes), "two hundred and five" is one."""
    if span is None:
        return []
    doc = span.doc
    for t in span:
        if t.lower_ == "and" and t.i > span.start and _DIGITS.match(doc[t.i - 1].text) and t.i + 1 < span.end and _DIGITS.match(doc[t.i + 1].text):
            return [doc[span.start : t.i], *_split_at_digit_and(doc[t.i + 1 : span.end])]
    return [span]


def _strip_links(span: SpacySpan) -> SpacySpan | None:
    """Drop a trailing "and"/"-" the number pattern may have swallowed, and "one another"/"one of"."""
    end = span.end
    while end > span.start and span.doc[end - 1].text in ("-", "and"):
        end -= 1
    if end == span.start:
        return None
    last = span.doc[end - 1]
    if last.lower_ == "one" and last.i + 1 < len(span.doc) and span.doc[last.i + 1].lower_ in ("another", "of"):
        return None
    return span.doc[span.start : end]


def _ordinal_or_name(span: SpacySpan) -> bool:
    last = span[-1]
    if _ORDINAL.match(last.text):
        return True
    if last.i + 1 < len(span.doc) and span.doc[last.i + 1].text in ("-", "–") and last.i + 2 < len(span.doc) and span.doc[last.i + 2].lower_ == "old":
        return True  # ages
    return False


def _longest(spans: list[SpacySpan]) -> list[SpacySpan]:
    chosen, taken = [], set()
    for span in sorted(spans, key=lambda s: (len(s), -s.start), reverse=True):
        if not taken & set(range(span.start, span.end)):
            chosen.append(span)
            taken |= set(range(span.start, span.end))
    return sorted(chosen, key=lambda s: s.start)


def _merge_ranges(doc: Doc, spans: list[SpacySpan]):
    """"between 20 and 30", "20 to 30", "from 5 to 10" → (first, second) pairs; others (span, None)."""
    out, i = [], 0
    while i < len(spans):
        span = spans[i]
        if i + 1 < len(spans):
            other = spans[i + 1]
            gap = [t.lower_ for t in doc[span.end : other.start]]
            before = doc[span.start - 1].lower_ if span.start else ""
            if (gap == ["and"] and (before == "between" or span[0].lower_ == "between")) or gap in (["to"], ["-"], ["–"]):
                out.append((doc[span.start - (before in ("between", "from")) : other.end], other))
                i += 2
                continue
        out.append((span, None))
        i += 1
    return out


def _number(tokens: list[Token]) -> float | None:
    from text_to_num import text2num

    words = [t.lower_ for t in tokens if t.lower_ not in ("-", "and")]
    if not words:
        return None
    scale = 1.0
    if words[-1] in _lex("scales") and len(words) > 1 and _DIGITS.match(words[-2].replace(",", "")):
        scale, words = float(_lex("scales")[words[-1]]), words[:-1]
    if len(words) == 1:
        m = _SUFFIXED.match(words[0])
        if m:
            return float(m.group(1)) * _lex("scales")[m.group(2).lower()]
        if _DIGITS.match(words[0]):
            return float(words[0].replace(",", "")) * scale
    if all(_DIGITS.match(w) for w in words):  # "20 - 30" handled as a range elsewhere
        return float(words[0].replace(",", "")) * scale
    try:
        return float(text2num(" ".join(words), "en")) * scale
    except ValueError:
        return None


def _quantity(doc: Doc, span: SpacySpan, upper_span: SpacySpan | None) -> Quantity | None:
    low = " ".join(t.lower_ for t in span)
    qualifier = None
    for q in sorted(_lex("qualifiers"), key=len, reverse=True):
        if low.startswith(q + " ") and not (q == "between"):
            qualifier, low = q, low[len(q) + 1 :]
            break
    body = [t for t in span if t.lower_ not in ("between", "from")][len(qualifier.split()) if qualifier else 0 :]
    if upper_span is not None:
        body = [t for t in body if t.i < upper_span.start and t.lower_ not in ("and", "to")]
    unit = None
    if any(t._.qty_cur for t in body):
        unit = _lex("currencies")[next(t for t in body if t._.qty_cur).lower_]
    vague = _lex("vague").get(" ".join(t.lower_ for t in body if not t._.qty_cur))
    hyphen_digits = [t for t in body if _DIGITS.match(t.text)]
    upper = None
    if vague is not None:
        value, vague_qualifier = float(vague[0]), vague[1]
        qualifier = qualifier or vague_qualifier
    else:
        if "-" in [t.text for t in body] and len(hyphen_digits) == 2 and upper_span is None:  # "20-30"
            value, upper = _number([hyphen_digits[0]]), _number([hyphen_digits[1]])
            after = body[body.index(hyphen_digits[1]) + 1 :]
            if value is not None and upper is not None and after and after[0].lower_ in _lex("scales"):
                value, upper = _shared_scale(value, upper, float(_lex("scales")[after[0].lower_]))  # "$5-10 billion"
        else:
            value = _number(_number_words(body))
        if value is None:
            return None
    if upper_span is not None:
        upper_tokens = _number_words(upper_span)
        upper = _number(upper_tokens)
        lower_words = [t for t in body if not t._.qty_cur]
        if (
            upper is not None
            and len(upper_tokens) > 1
            and upper_tokens[-1].lower_ in _lex("scales")
            and lower_words
            and lower_words[-1].lower_ not in _lex("scales")
        ):  # "between 5 and 10 billion", "2 to 3 million": the scale word belongs to both bounds
            bare = _number(upper_tokens[:-1])
            if bare:
                value, upper = _shared_scale(value, bare, float(_lex("scales")[upper_tokens[-1].lower_]))
    last = span[-1]
    if last.lower_ in ("%", "percent") or (last.lower_ == "cent" and span[-2].lower_ == "per"):
        unit = "percent"
    head, unit_token = _unit_token(doc, upper_span[-1] if upper_span is not None else last)
    if unit is None and unit_token is not None:
        unit = _lex("currencies").get(unit_token.lower_) or _unit_name(unit_token)
    what = _what(head)
    return Quantity(Span.of(doc_text(doc), span.start_char, span.end_char), value, unit, qualifier, upper, what)


def _number_words(tokens) -> list[Token]:
    """The tokens of a number phrase that spell the number: no currency, no percent words."""
    return [t for t in tokens if not t._.qty_cur and t.lower_ not in ("%", "percent", "per", "cent")]


def _shared_scale(low: float, high: float, scale: float) -> tuple[float, float]:
    """Bounds of a range whose scale word is written once, after the upper bound: "5-10 billion" is
    5e9 to 1e10, but in "500 to 2 million" the lower bound is a plain 500.

    >>> _shared_scale(5, 10, 1e9)
    (5000000000.0, 10000000000.0)
    >>> _shared_scale(500, 2, 1e6)
    (500, 2000000.0)
    """
    return (low * scale if low <= high else low), high * scale


def _unit_token(doc: Doc, last: Token) -> tuple[Token, Token | None]:
    """The noun the number counts ("3,000 times", "hundreds of … attacks", "30-hour") and the phrase head."""
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.text in ("-", "–") and last.i + 2 < len(doc) and doc[last.i + 2].pos_ in ("NOUN", "PROPN"):
        return doc[last.i + 2], doc[last.i + 2]  # "30-hour truce": the measure noun
    if nxt is not None and nxt.lower_ == "of":
        objects = [c for c in nxt.children if c.dep_ == "pobj"]
        if objects:
            return last, _noun_phrase_head(objects[0])
    if last.dep_ in ("nummod", "quantmod", "amod", "compound") and last.head.i > last.i and last.head.pos_ in ("NOUN", "PROPN"):
        return last.head, last.head
    head = last
    while head.dep_ in ("quantmod", "nummod", "compound") and head.head != head and head.head.pos_ == "NUM":
        head = head.head
    if head.dep_ == "nummod" and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head, head.head
    if nxt is not None and nxt.pos_ in ("NOUN",) and nxt.tag_ == "NNS":
        return nxt, nxt
    return head, None


def _noun_phrase_head(token: Token) -> Token:
    """The last noun of a coordinated noun phrase: "drone and artillery attacks" → attacks."""
    best = token
    for t in token.doc[token.i : token.right_edge.i + 1]:
        if t.pos_ in ("ADP", "PUNCT", "VERB", "AUX", "PRON", "DET") and t.i > token.i:
            break
        if t.pos_ in ("NOUN", "PROPN"):
            best = t
    return best


def _unit_name(token: Token) -> str:
    low = token.lower_
    if low in _TIME_UNITS or (token.tag_ == "NN" and token.i > 0 and token.doc[token.i - 1].text in ("-", "–")):
        return _PLURAL.get(low, low if low.endswith("s") else low + "s")
    return low


def _what(head: Token) -> str | None:
    """What the quantity is about: the verb it is subject or object of, or the noun it measures."""
    if head.dep_ in ("compound", "amod", "nmod") and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head.text  # "30-hour truce" → truce
    if head.dep_ in ("nsubj", "nsubjpass", "dobj", "npadvmod", "attr", "oprd", "pobj", "advmod", "nummod", "appos"):
        governor = head.head
        if governor.dep_ == "prep" and governor.head.pos_ in ("VERB", "AUX"):
            governor = governor.head
        if governor.pos_ in ("VERB", "AUX", "ADJ"):
            return governor.text
        if governor.pos_ in ("NOUN", "PROPN") and governor != head:
            return governor.text
    return None
