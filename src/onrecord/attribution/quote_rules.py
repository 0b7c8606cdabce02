"""Quote rules: start from a quotation and look for the cue beside it (“…,” he said /
said Peskov, “…” / she said: “…” / before adding, “…”), joining the parts of a quote split
by its cue."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..nlp import doc_text
from .cues import CueLexicon
from .quotes import Quote
from .syntax import Candidate, cue_tokens, find_source, trim

QUOTE_VERB_CLASSES = {"speech", "dual"}
PUNCT_BETWEEN = {",", ":", "—", "–", "-", ";"}
#: how far before a quotation its cue may stand, past an object and adverbials ("told reporters in
#: Atlanta on Thursday morning: “…”); a verb or a subject on the way stops the search
CUE_BEFORE_REACH = 10



def token_range(doc: Doc, start_char: int, end_char: int) -> tuple[int, int] | None:
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def _is_speech_verb(token: Token, lexicon: CueLexicon) -> bool:
    entry = lexicon.entry(token.lemma_.lower(), "VERB")
    return (
        entry is not None
        and token.pos_ in ("VERB", "AUX")
        and entry.cls in QUOTE_VERB_CLASSES
        and entry.strength >= 0.7
        and token.dep_ not in ("amod", "acl", "compound")
    )


def _is_scare_quote(doc: Doc, r: tuple[int, int]) -> bool:
    """A short quotation inside a noun phrase or clause ("a 30-hour “Easter truce”", "may “take a pass”")
    is a fragment, not a quote of its own."""
    words = [t for t in doc[r[0] : r[1]] if not t.is_punct]
    if len(words) > 4:
        return False
    before = doc[r[0] - 1] if r[0] > 0 else None
    return before is not None and not before.is_punct and before.text != "\n" and "\n" not in before.text


def _cue_after(doc: Doc, end: int, limit: int, lexicon: CueLexicon, owner: list[int]) -> Token | None:
    """A speech verb right after a quotation: “…,” Peskov said / “…,” said Peskov, the spokesman /
    “…,” Minister of Industry and Commerce, Senator the Hon. Aubyn Hill, told reporters."""
    seen_words = 0
    titled = True  # every word so far belongs to a title and a name
    i = end - 1
    stop = min(limit, end + 10)
    while i + 1 < stop:
        i += 1
        t = doc[i]
        if owner[i] >= 0 or t.text == "\n" or "\n" in t.text:
            return None
        if t.text == "(" and seen_words:
            # an affiliation after the name: Sen. Ana Ruiz (D-Ore.) said
            close = next((j for j in range(i + 1, min(len(doc), i + 8)) if doc[j].text == ")"), None)
            if close is None:
                return None
            stop = min(limit, stop + close - i + 1)
            i = close
            continue
        if _word_hyphen(doc, i) or _abbreviation_stop(doc, i):
            continue  # the hyphen of a name (“…,” Waller-Bridge said), the stop of "the Hon."
        if t.is_punct and t.text not in (",", "—", "–"):
            if seen_words:
                return None
            continue
        if _is_speech_verb(t, lexicon):
            return None if _reports_its_own(doc, end, t) else t
        if not seen_words and _inverted_quotative(doc, end, t):
            return t
        if t.pos_ in ("VERB",) and t.dep_ not in ("amod", "compound"):
            return None
        seen_words += 1
        titled = titled and (t.pos_ in TITLE_POS or t.text == ",")
        if titled and seen_words <= TITLED_REACH:
            stop = min(limit, max(stop, i + 3))  # a long title and name: reach on to its verb
        elif seen_words > 7:
            return None
    return None


def _inverted_quotative(doc: Doc, end: int, verb: Token) -> bool:
    """“…,” shared Mr. Scott. / “…,” enthused Ms. Lee: a past-tense verb right after a quotation
    that ends with a comma, followed by its named or pronoun subject and the end of the sentence,
    reports the quotation whatever the verb (English inverts only quotative verbs this way)."""
    closing = [x.text for x in doc[max(0, end - 3) : end]]
    if verb.tag_ != "VBD" or "," not in closing:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i and c.pos_ in ("PROPN", "PRON")]
    if len(subjects) != 1 or any(c.dep_ in ("dobj", "ccomp", "xcomp", "prt") and c.i > verb.i for c in verb.children):
        return False
    after = subjects[0].right_edge.i + 1
    return after >= len(doc) or doc[after].text in (".", ",", "!", "?") or "\n" in doc[after].text


#: the words of an official title and name ("Minister of Industry, Investment and Commerce, Senator
#: the Hon. Aubyn Hill"), and how many of them a quote's cue may stand behind
TITLE_POS = {"PROPN", "ADP", "DET", "CCONJ", "PUNCT"}
TITLED_REACH = 16


def _abbreviation_stop(doc: Doc, i: int) -> bool:
    """The full stop of a short capitalised abbreviation before a name ("the Hon. Aubyn Hill",
    "Dr. Ana Ruiz"): no space before it, a capitalised word after it."""
    prev, nxt = (doc[i - 1] if i else None), (doc[i + 1] if i + 1 < len(doc) else None)
    return (
        doc[i].text == "."
        and prev is not None
        and nxt is not None
        and not prev.whitespace_
        and prev.is_title
        and len(prev.text) <= 4
        and nxt.is_title
    )


def _reports_its_own(doc: Doc, end: int, cue: Token) -> bool:
    """“A.” While some critics say B, …: a quotation that ends its sentence is not the content of a
    cue in the next sentence that reports a clause of its own after it."""
    ends_sentence = any(doc[j].text in (".", "!", "?") for j in range(max(0, end - 2), end))
    return ends_sentence and any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children)


def _cue_before(doc: Doc, start: int, floor: int, lexicon: CueLexicon, owner: list[int]) -> Token | None:
    """A speech verb right before a quotation: she said: “…” / before adding, “…” / he told reporters, “…”."""
    i = start - 1
    while i >= floor and doc[i].is_punct and doc[i].text in PUNCT_BETWEEN:
        i -= 1
    # allow an object or adverbials between verb and quote ("told reporters", "said on Monday")
    j, steps = i, 0
    while j >= floor and steps < CUE_BEFORE_REACH:
        t = doc[j]
        title = _title_start(doc, j, owner)
        if title is not None:  # told “CBS This Morning” co-host Gayle King, “…”: a title in the object
            j, steps = title - 1, steps + 1
            continue
        if owner[j] >= 0 or "\n" in t.text:
            return None
        if _is_speech_verb(t, lexicon):
            return t
        if t.is_punct and t.text not in (",",) and not _word_hyphen(doc, j):
            return None
        # a subject, auxiliary or complementiser means a reported clause has begun: a mixed quote
        if t.pos_ == "VERB" or t.dep_ in ("nsubj", "nsubjpass", "aux", "mark", "expl"):
            return None
        j, steps = j - 1, steps + 1
    return None


def _word_hyphen(doc: Doc, j: int) -> bool:
    """The hyphen inside a word ("co-host", "Waller-Bridge"), with no space on either side."""
    return doc[j].text in ("-", "‑") and j > 0 and not doc[j - 1].whitespace_ and not doc[j].whitespace_


def _title_start(doc: Doc, j: int, owner: list[int]) -> int | None:
    """The first token of a short quotation that ends at ``j`` inside the writer's phrase (a title
    or a scare quote: told “CBS This Morning” co-host …), else ``None``."""
    if owner[j] < 0 or (j + 1 < len(doc) and owner[j + 1] == owner[j]):
        return None
    start = j
    while start > 0 and owner[start - 1] == owner[j]:
        start -= 1
    return start if _is_scare_quote(doc, (start, j + 1)) else None


def _continues_after_cue_sentence(doc: Doc, cue: Token, nxt: tuple[int, int]) -> bool:
    """“A,” said Ruiz, the mayor. “B.”: a quotation opening the sentence right after the cue's
    sentence goes on with the same quote."""
    # by punctuation rather than by the parser's sentences, which often give the next quote's
    # opening mark to the sentence before it
    ends = [t.i for t in doc[cue.i + 1 : nxt[0]] if t.text in (".", "!", "?")]
    return len(ends) == 1 and all(t.is_space for t in doc[ends[0] + 1 : nxt[0]])


def _has_own_cue(doc: Doc, r: tuple[int, int], cue: Token, lexicon: CueLexicon, owner: list[int]) -> bool:
    """Whether the quotation at ``r`` has a speech verb of its own, other than ``cue``."""
    if _cue_after(doc, r[1], len(doc), lexicon, owner) is not None:
        return True
    floor = doc[r[0]].sent.start if r[0] < len(doc) else r[0]
    before = _cue_before(doc, r[0], floor, lexicon, owner) if floor < r[0] else None
    return before is not None and before.i != cue.i


def _names_the_speaker(cue: Token, r: tuple[int, int]) -> bool:
    """“Parasite” director Bong Joon Ho said …: a quoted title inside the cue's subject describes the
    speaker; it is not what was said."""
    words = [t.i for t in cue.doc[r[0] : r[1]] if not t.is_punct]
    return bool(words) and any(
        s.dep_ in ("nsubj", "nsubjpass") and not r[0] <= s.i < r[1] and s.left_edge.i <= words[0] and words[-1] <= s.right_edge.i
        for s in cue.children
    )


def _ends_sentence(doc: Doc, q: Quote) -> bool:
    """She said: “A. B.” He added …: a quotation closed by a full stop ends its sentence, so a cue
    opening the next sentence is not its cue ("“A,” he said" closes with a comma)."""
    inner = doc_text(doc)[q.start : q.end - q.width].rstrip()
    return q.closed and inner.endswith(".") and not inner.endswith("...")


def candidates_from_quotes(doc: Doc, quotes: list[Quote], lexicon: CueLexicon) -> list[Candidate]:
    owner = [-1] * len(doc)
    ranges: list[tuple[int, int] | None] = []
    for n, q in enumerate(quotes):
        r = token_range(doc, q.start, q.end)
        ranges.append(r)
        if r:
            owner[r[0] : r[1]] = [n] * (r[1] - r[0])
    out: list[Candidate] = []
    used: set[int] = set()
    for n, (q, r) in enumerate(zip(quotes, ranges)):
        if r is None or n in used or _is_scare_quote(doc, r):
            continue
        next_start = ranges[n + 1][0] if n + 1 < len(ranges) and ranges[n + 1] else len(doc)
        # a title or scare quote before it is part of the writer's phrase, no quote of its own
        prev_end = next((p[1] for p in reversed(ranges[:n]) if p and not _is_scare_quote(doc, p)), 0)
        floor = max(prev_end, doc[r[0]].sent.start if r[0] < len(doc) else 0)
        before = doc[r[0] - 1] if r[0] > 0 else None
        embedded = before is not None and not before.is_punct and "\n" not in before.text_with_ws
        cue, rule = None, "quote-cue-after"
        cue_floor = max(floor, r[0] - 3) if embedded else floor
        if not embedded and not (_ends_sentence(doc, q) and _cue_before(doc, r[0], cue_floor, lexicon, owner)):
            cue = _cue_after(doc, r[1], next_start, lexicon, owner)
        if cue is None:
            cue = _cue_before(doc, r[0], cue_floor, lexicon, owner)
            rule = "quote-cue-before"
        if cue is None or _names_the_speaker(cue, r):
            continue
        parts, members = [r], [q]
        used.add(n)
        if rule == "quote-cue-after" and n + 1 < len(quotes) and ranges[n + 1]:
            # “A,” he said, “B.”: the second part joins when only the cue clause lies between
            nxt = ranges[n + 1]
            between = doc[cue.i + 1 : nxt[0]]
            gap_ok = all(t.is_punct or t.head.i == cue.i or t.head.head.i == cue.i for t in between) and len(between) <= 6
            same_line = "\n" not in doc[r[1] : nxt[0]].text
            # “A,” he said. “B.” in one paragraph is one quote; a quotation opening the next
            # paragraph is a floating quote of its own (attribution/floating.py)
            continues = _continues_after_cue_sentence(doc, cue, nxt) and "\n" not in doc[cue.i : nxt[0]].text
            if ((gap_ok and same_line) or continues) and not _has_own_cue(
                doc, nxt, cue, lexicon, owner
            ):
                parts.append(nxt)
                members.append(quotes[n + 1])
                used.add(n + 1)
        entry = lexicon.entry(cue.lemma_.lower(), "VERB")
        lemma, strength = (entry.lemma, max(entry.strength, 0.85)) if entry else (cue.lemma_.lower(), 0.85)
        source = find_source(cue)
        if source is not None and owner[source[0]] >= 0:
            source = None
        if rule == "quote-cue-after" and (source is None or source[0] > cue.i):
            source = _source_between(doc, r[1], cue) or source
        out.append(Candidate(cue_tokens(cue), parts, source, lemma, rule, strength, members))
    return out


def _source_between(doc: Doc, end: int, cue: Token) -> tuple[int, int] | None:
    """“…,” Minister of Trade, Senator Mark Lyle, told reporters: the parser often hangs a long
    title and name on the quotation; the words between the quotation and its cue are the speaker."""
    start, stop = trim(doc, end, cue.i)
    words = doc[start:stop]
    if not len(words) or not any(t.pos_ == "PROPN" for t in words):
        return None
    return (start, stop) if all(t.pos_ in TITLE_POS or _abbreviation_stop(doc, t.i) for t in words) else None

