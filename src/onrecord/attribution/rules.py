"""Rule-based attribution extraction over the dependency parse.

Two families of rules:

* **quote rules** start from a quotation and look for the cue beside it
  (“…,” he said / said Peskov, “…” / she said: “…” / before adding, “…”), joining
  the parts of a quote split by its cue;
* **cue rules** start from a cue (a reporting, attitude or evidence verb, a noun such
  as "claim", or "according to") and take its complement as the content and its
  subject as the source, climbing to the governing verb when the source is implicit.

Both produce :class:`Candidate` objects over token indices; :func:`to_attribution`
turns them into character-offset :class:`~onrecord.types.Attribution` objects.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..nlp import doc_text
from ..types import Attribution, AttributionType, Span
from .cues import ACCORDING_TO, NOUN_CUE, VERB_CUE, CueLexicon, find_cue_candidates, load_cue_lexicon
from .quotes import Quote, find_quotes

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
#: dependencies we climb through to find the subject of a cue that has none ("before adding, …")
CLIMB_DEPS = {"advcl", "xcomp", "conj", "pcomp", "prep", "dep", "parataxis"}
#: complements that carry reported content
CLAUSE_DEPS = {"ccomp", "xcomp"}
#: cues whose direct object (and its "of/for/about" phrase) is the content
OBJECT_CUES = {
    "accuse", "deny", "confirm", "announce", "criticize", "criticise", "praise", "blame", "reject",
    "dispute", "condemn", "endorse", "support", "oppose", "dismiss", "propose", "recommend", "demand",
    "predict", "promise", "pledge", "question", "reveal", "disclose", "acknowledge", "admit", "cite",
    "describe", "call", "mock", "tout", "warn", "urge", "ask", "threaten", "favor", "favour", "want",
    "expect", "fear", "doubt", "show", "find", "estimate", "forecast", "label", "brand", "quote", "echo",
    "repeat", "mention", "report", "concede", "hint", "signal", "suggest", "indicate",
}
OBJECT_PREPS = {"of", "for", "about", "over", "as", "on", "to"}
#: prepositions that introduce content when a cue has no object ("warned of", "called for")
CONTENT_PREPS = {"of", "for", "about", "against"}
#: pure-speech verbs that attach to an adjacent quotation even when the parse does not link them
QUOTE_VERB_CLASSES = {"speech", "dual"}
PUNCT_BETWEEN = {",", ":", "—", "–", "-", ";"}


@dataclass
class Candidate:
    """An attribution over token indices (end exclusive), before conversion to characters."""

    cue: list[int]
    content: list[tuple[int, int]]  # token ranges
    source: tuple[int, int] | None
    cue_lemma: str
    rule: str
    strength: float
    quotes: list[Quote] = field(default_factory=list)


# ----------------------------------------------------------------------------- helpers


def _subtree_range(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def _trim(doc: Doc, start: int, end: int, keep_quotes: bool = False) -> tuple[int, int]:
    """Drop punctuation and conjunctions at the edges of a token range."""

    def droppable(t: Token) -> bool:
        if keep_quotes and t.is_quote:
            return False
        return t.is_punct or t.is_space or (t.dep_ == "cc" and t.i in (start, end - 1))

    while start < end and droppable(doc[start]):
        start += 1
    while end > start and droppable(doc[end - 1]):
        end -= 1
    return start, end


def cue_tokens(verb: Token) -> list[int]:
    """The cue: the verb with its adjacent auxiliaries and negation before, and its particle after
    ("has suggested", "did not deny", "pointed out")."""
    doc = verb.doc
    tokens = [verb.i]
    i = verb.i - 1
    while i >= 0 and doc[i].head.i == verb.i and doc[i].dep_ in ("aux", "auxpass", "neg"):
        tokens.insert(0, i)
        i -= 1
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == tokens[-1] + 1:
            tokens.append(child.i)
    return tokens


def _subject_of(token: Token) -> tuple[int, int] | None:
    doc = token.doc
    # the parser sometimes hangs the subject on the auxiliary ("Putin has … signalled")
    for child in list(token.children) + [g for c in token.children if c.dep_ in ("aux", "auxpass") for g in c.children]:
        if child.dep_ in SUBJECT_DEPS:
            return _trim(doc, *_subtree_range(child))
        if child.dep_ == "agent":  # passive: "was accused by X"
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj:
                return _trim(doc, *_subtree_range(pobj[0]))
    return None


def _with_apposed_name(doc: Doc, source: tuple[int, int] | None) -> tuple[int, int] | None:
    """"A spokesperson for the authority, Carl Meyer, said": the parser often leaves the
    apposed name out of the subject; it belongs to the source."""
    if source is None:
        return None
    start, end = source
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ == "PERSON":
        j = end + 2  # past the comma and the name's first token
        while j < len(doc) and doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "I":
            j += 1
        if j < len(doc) and doc[j].text == ",":
            return start, j
    return source


def find_source(verb: Token) -> tuple[int, int] | None:
    """The subject of a cue, climbing to the governing verb when the cue has none
    ("before adding, “…”" takes the subject of the verb that "adding" depends on)."""
    return _with_apposed_name(verb.doc, _find_subject(verb))


def _find_subject(verb: Token) -> tuple[int, int] | None:
    token = verb
    for _ in range(5):
        found = _subject_of(token)
        if found is not None:
            return found
        if token.head is token:
            return None
        if token.dep_ == "acl" and token.head.dep_ in ("dobj", "pobj"):
            # "the ministry issued a statement saying …": the one who issued it
            token = token.head.head
            continue
        if token.dep_ not in CLIMB_DEPS:
            return None
        token = token.head
        # a reported clause is not the speaker's: "X stated that Russia has …, before adding"
        while token.dep_ == "ccomp" and token.head is not token:
            token = token.head
    return None


def _minus(outer: tuple[int, int], inner: tuple[int, int]) -> list[tuple[int, int]]:
    """``outer`` with ``inner`` cut out (0, 1 or 2 ranges)."""
    parts = [(outer[0], min(outer[1], inner[0])), (max(outer[0], inner[1]), outer[1])]
    return [(s, e) for s, e in parts if e > s]


# ----------------------------------------------------------------------------- cue rules


def _content_of_verb(verb: Token, entry_lemma: str) -> tuple[list[tuple[int, int]], str] | None:
    """The content of a verb cue and the rule that found it."""
    doc = verb.doc
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS]
    if clauses:
        clause = max(clauses, key=lambda c: c.right_edge.i - c.left_edge.i)
        start, end = _subtree_range(clause)
        # "urged the union to return": keep the object that is the complement's subject
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < clause.i and clause.dep_ == "xcomp"]
        if objects and entry_lemma in OBJECT_CUES:
            start = min(start, objects[0].left_edge.i)
        return [(start, end)], "verb-clause"
    if verb.dep_ == "parataxis" or (verb.dep_ == "advcl" and any(c.lower_ == "as" and c.dep_ == "mark" for c in verb.children)):
        # "Russia, he said, is ready" / "As X reiterated, Ukraine's conditions …"
        head_range = _subtree_range(verb.head)
        parts = _minus(head_range, _subtree_range(verb))
        return [p for p in (_trim(doc, *p) for p in parts) if p[1] > p[0]], "verb-parenthetical"
    if verb.dep_ in ("acl", "amod") or (verb.dep_ == "conj" and verb.head.dep_ in ("acl", "amod")):
        return None  # "the truce proposed by Putin": a participle modifying a noun, not a statement
    if entry_lemma in OBJECT_CUES:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        if objects:
            start, end = _subtree_range(objects[0])
            for child in verb.rights:
                if child.dep_ == "prep" and child.lower_ in OBJECT_PREPS and child.i >= end:
                    end = child.right_edge.i + 1
            return [(start, end)], "verb-object"
        preps = [c for c in verb.rights if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS]
        if preps:  # "accused of", "warned of", "called for"
            return [(preps[0].i, preps[0].right_edge.i + 1)], "verb-prep"
    return None


def candidates_from_verbs(doc: Doc, lexicon: CueLexicon, starts: list[int]) -> list[Candidate]:
    out = []
    for i in starts:
        verb = doc[i]
        entry = lexicon.entry(verb.lemma_.lower(), "VERB")
        if entry is None:
            continue
        found = _content_of_verb(verb, entry.lemma)
        if found is None:
            continue
        content, rule = found
        if rule in WEAK_RULES and entry.cls in ("evidence", "dual") and _inanimate_subject(verb):
            continue  # "the remarks suggest a tentative opening": an inference, not a statement
        content = [r for r in (_trim(doc, s, e, keep_quotes=True) for s, e in content) if r[1] > r[0]]
        if not content:
            continue
        source = find_source(verb)
        if verb.dep_ == "relcl":
            source = _relative_source(verb)
        out.append(Candidate(cue_tokens(verb), content, source, entry.lemma, rule, entry.strength))
    return out


def _inanimate_subject(verb: Token) -> bool:
    subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return bool(subj) and subj[0].pos_ == "NOUN" and subj[0].ent_type_ == ""


def _relative_source(verb: Token) -> tuple[int, int] | None:
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        return _subtree_range(subjects[0])
    return None


def candidates_from_nouns(doc: Doc, lexicon: CueLexicon, starts: list[int]) -> list[Candidate]:
    """"Moscow's claim that …", "the allegation by X that …"."""
    out = []
    for i in starts:
        noun = doc[i]
        entry = lexicon.entry(noun.lemma_.lower(), "NOUN")
        if entry is None:
            continue
        clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children if m.dep_ == "mark")]
        if not clauses:
            continue
        content = _trim(doc, *_subtree_range(clauses[0]), keep_quotes=True)
        source = None
        for child in noun.children:
            if child.dep_ == "poss":
                source = _trim(doc, *_subtree_range(child))
                # drop the possessive 's
                if doc[source[1] - 1].tag_ == "POS":
                    source = (source[0], source[1] - 1)
            elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
                pobj = [c for c in child.children if c.dep_ == "pobj"]
                if pobj:
                    source = _trim(doc, *_subtree_range(pobj[0]))
        if source is None and noun.dep_ in ("dobj", "attr"):
            source = find_source(noun.head)
        out.append(Candidate([noun.i], [content], source, entry.lemma, "noun-clause", entry.strength * 0.9))
    return out


def candidates_from_according(doc: Doc, starts: list[int]) -> list[Candidate]:
    """"According to X, CONTENT" and "CONTENT, according to X"."""
    out = []
    for i in starts:
        according, to = doc[i], doc[i + 1]
        pobj = [c for c in to.children if c.dep_ == "pobj"] or [c for c in according.children if c.dep_ == "pobj"]
        if not pobj:
            continue
        source = _trim(doc, *_subtree_range(pobj[0]))
        phrase = (i, max(source[1], i + 2))
        head = according.head
        while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and head.head is not head:
            head = head.head
        sent = according.sent
        clause = _subtree_range(head) if head.dep_ != "ROOT" else (sent.start, sent.end)
        parts = [p for p in (_trim(doc, *p, keep_quotes=True) for p in _minus(clause, phrase)) if p[1] > p[0]]
        if not parts:
            continue
        out.append(Candidate([i, i + 1], parts, source, "according to", "according-to", 0.9))
    return out


# ----------------------------------------------------------------------------- quote rules


def _token_range(doc: Doc, start_char: int, end_char: int) -> tuple[int, int] | None:
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
    """A speech verb right after a quotation: “…,” Peskov said / “…,” said Peskov, the spokesman."""
    seen_words = 0
    for i in range(end, min(limit, end + 10)):
        t = doc[i]
        if owner[i] >= 0 or t.text == "\n" or "\n" in t.text:
            return None
        if t.is_punct and t.text not in (",", "—", "–"):
            if seen_words:
                return None
            continue
        if _is_speech_verb(t, lexicon):
            return t
        if t.pos_ in ("VERB",) and t.dep_ not in ("amod", "compound"):
            return None
        seen_words += 1
        if seen_words > 7:
            return None
    return None


def _cue_before(doc: Doc, start: int, floor: int, lexicon: CueLexicon, owner: list[int]) -> Token | None:
    """A speech verb right before a quotation: she said: “…” / before adding, “…” / he told reporters, “…”."""
    i = start - 1
    while i >= floor and doc[i].is_punct and doc[i].text in PUNCT_BETWEEN:
        i -= 1
    # allow a short object or adverbial between verb and quote ("told reporters", "said on Monday")
    for j in range(i, max(floor - 1, i - 6), -1):
        t = doc[j]
        if owner[j] >= 0 or "\n" in t.text:
            return None
        if _is_speech_verb(t, lexicon):
            return t
        if t.is_punct and t.text not in (",",):
            return None
        # a subject, auxiliary or complementiser means a reported clause has begun: a mixed quote
        if t.pos_ == "VERB" or t.dep_ in ("nsubj", "nsubjpass", "aux", "mark", "expl"):
            return None
    return None


def candidates_from_quotes(doc: Doc, quotes: list[Quote], lexicon: CueLexicon) -> list[Candidate]:
    owner = [-1] * len(doc)
    ranges: list[tuple[int, int] | None] = []
    for n, q in enumerate(quotes):
        r = _token_range(doc, q.start, q.end)
        ranges.append(r)
        if r:
            owner[r[0] : r[1]] = [n] * (r[1] - r[0])
    out: list[Candidate] = []
    used: set[int] = set()
    for n, (q, r) in enumerate(zip(quotes, ranges)):
        if r is None or n in used or _is_scare_quote(doc, r):
            continue
        next_start = ranges[n + 1][0] if n + 1 < len(ranges) and ranges[n + 1] else len(doc)
        prev_end = ranges[n - 1][1] if n > 0 and ranges[n - 1] else 0
        floor = max(prev_end, doc[r[0]].sent.start if r[0] < len(doc) else 0)
        before = doc[r[0] - 1] if r[0] > 0 else None
        embedded = before is not None and not before.is_punct and "\n" not in before.text_with_ws
        cue, rule = None, "quote-cue-after"
        if not embedded:
            cue = _cue_after(doc, r[1], next_start, lexicon, owner)
        if cue is None:
            cue = _cue_before(doc, r[0], max(floor, r[0] - 3) if embedded else floor, lexicon, owner)
            rule = "quote-cue-before"
        if cue is None:
            continue
        parts, members = [r], [q]
        used.add(n)
        if rule == "quote-cue-after" and n + 1 < len(quotes) and ranges[n + 1]:
            # “A,” he said, “B.”: the second part joins when only the cue clause lies between
            nxt = ranges[n + 1]
            between = doc[cue.i + 1 : nxt[0]]
            gap_ok = all(t.is_punct or t.head.i == cue.i or t.head.head.i == cue.i for t in between) and len(between) <= 6
            if gap_ok and "\n" not in doc[r[1] : nxt[0]].text and _cue_after(doc, nxt[1], len(doc), lexicon, owner) is None:
                parts.append(nxt)
                members.append(quotes[n + 1])
                used.add(n + 1)
        entry = lexicon.entry(cue.lemma_.lower(), "VERB")
        source = find_source(cue)
        if source is not None and owner[source[0]] >= 0:
            source = None
        out.append(Candidate(cue_tokens(cue), parts, source, entry.lemma, rule, max(entry.strength, 0.85), members))
    return out


# ----------------------------------------------------------------------------- assembly


def _char_span(doc: Doc, start: int, end: int) -> Span:
    return Span.of(doc_text(doc), doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))


def attribution_type(text: str, content: list[Span], quotes: list[Quote]) -> AttributionType:
    """direct when the content is (almost) all quotation, mixed when it holds a quoted fragment."""
    covered = total = 0
    any_quote = False
    for span in content:
        for q in quotes:
            lo, hi = max(span.start, q.start), min(span.end, q.end)
            if hi > lo:
                any_quote = True
                covered += sum(1 for c in text[lo:hi] if c.isalnum())
        total += sum(1 for c in span.text if c.isalnum())
    if not any_quote:
        return AttributionType.INDIRECT
    return AttributionType.DIRECT if total and covered / total >= 0.9 else AttributionType.MIXED


#: confidence multipliers per rule, before calibration
RULE_WEIGHT = {
    "quote-cue-after": 1.0,
    "quote-cue-before": 0.95,
    "verb-clause": 0.9,
    "verb-parenthetical": 0.85,
    "verb-object": 0.6,
    "verb-prep": 0.5,
    "noun-clause": 0.8,
    "according-to": 1.0,
}


def _snap_to_quotes(text: str, span: Span, quotes: list[Quote]) -> Span:
    """Extend a content span that cuts a quotation off just before its closing mark."""
    start, end = span.start, span.end
    for q in quotes:
        if start <= q.start < end < q.end and not text[end : q.end - 1].strip(" ,.;:!?"):
            end = q.end
        if q.start < start < q.end <= end and not text[q.start + 1 : start].strip():
            start = q.start
    return span if (start, end) == (span.start, span.end) else Span.of(text, start, end)


def to_attribution(doc: Doc, c: Candidate, quotes: list[Quote]) -> Attribution:
    text = doc_text(doc)
    content = [_snap_to_quotes(text, _char_span(doc, s, e), quotes) for s, e in c.content]
    if c.quotes:  # snap to the quotation marks themselves
        content = [Span.of(doc_text(doc), q.start, q.end) for q in c.quotes]
    source = (_char_span(doc, *c.source),) if c.source and c.source[1] > c.source[0] else ()
    cue = tuple(_char_span(doc, i, i + 1) for i in c.cue)
    cue = _merge_adjacent(doc_text(doc), cue)
    confidence = max(0.0, min(1.0, c.strength * RULE_WEIGHT.get(c.rule, 0.7)))
    return Attribution(
        source=source,
        cue=cue,
        content=tuple(content),
        type=attribution_type(doc_text(doc), content, quotes),
        cue_lemma=c.cue_lemma,
        confidence=confidence,
        origin="rules",
    )


def _merge_adjacent(text: str, spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """Join cue tokens separated only by spaces into one span ("has suggested")."""
    merged: list[Span] = []
    for s in spans:
        if merged and not text[merged[-1].end : s.start].strip():
            merged[-1] = Span.of(text, merged[-1].start, s.end)
        else:
            merged.append(s)
    return tuple(merged)


def _inside_quotes(doc: Doc, quotes: list[Quote]) -> list[bool]:
    inside = [False] * len(doc)
    for q in quotes:
        r = _token_range(doc, q.start + 1, max(q.start + 1, q.end - 1))
        if r:
            inside[r[0] : r[1]] = [True] * (r[1] - r[0])
    return inside


def _cut_at_coordinated_cues(doc: Doc, candidates: list[Candidate]) -> None:
    """"X stated that A, before adding, “B”": A ends where the same speaker's next cue begins."""
    for a in candidates:
        if a.source is None:
            continue
        for b in candidates:
            if b is a or b.source != a.source:
                continue
            if not (b.rule.startswith("quote") or doc[b.cue[-1]].dep_ in ("advcl", "conj")):
                continue
            cue = b.cue[0]
            for k, (start, end) in enumerate(a.content):
                if start < cue < end:
                    x = doc[cue]
                    while x.head.i != x.i and x.head.left_edge.i > start and x.dep_ in ("pcomp", "prep", "advcl", "conj", "xcomp"):
                        x = x.head
                    cut = min(x.left_edge.i, cue)
                    a.content[k] = _trim(doc, start, cut, keep_quotes=True)
            a.content = [r for r in a.content if r[1] > r[0]]


WEAK_RULES = {"verb-object", "verb-prep"}


def _drop_nested_weak(candidates: list[Candidate]) -> list[Candidate]:
    """An object-only cue inside another attribution's content ("suggested he may take a pass on
    supporting future initiatives") is part of that content, not a statement of its own."""
    spans = [(s, e) for c in candidates if c.rule not in WEAK_RULES for s, e in c.content]
    return [c for c in candidates if c.rule not in WEAK_RULES or not any(s <= c.cue[0] < e for s, e in spans)]


def extract_rule_candidates(doc: Doc) -> tuple[list[Candidate], list[Quote]]:
    """All rule candidates of a parsed doc, quote rules first."""
    lexicon = load_cue_lexicon()
    quotes = find_quotes(doc_text(doc))
    inside = _inside_quotes(doc, quotes)
    found = [(label, s, e) for label, s, e in find_cue_candidates(doc) if not inside[s]]
    verb_starts = [s for label, s, _ in found if label == VERB_CUE]
    noun_starts = [s for label, s, _ in found if label == NOUN_CUE]
    according = [s for label, s, _ in found if label == ACCORDING_TO]
    from_quotes = candidates_from_quotes(doc, quotes, lexicon)
    quote_cues = {c.cue[-1] for c in from_quotes}
    from_verbs = [c for c in candidates_from_verbs(doc, lexicon, verb_starts) if c.cue[-1] not in quote_cues]
    candidates = from_quotes + from_verbs + candidates_from_nouns(doc, lexicon, noun_starts) + candidates_from_according(doc, according)
    _cut_at_coordinated_cues(doc, candidates)
    candidates = _drop_nested_weak(candidates)
    return [c for c in candidates if c.content], quotes


def extract_rule_attributions(doc: Doc) -> list[Attribution]:
    """Attributions found by the rules, speakers unresolved.

    Example:
        >>> doc = load_nlp(None)("“We will rebuild,” the mayor said.")  # doctest: +SKIP
        >>> [a.cue[0].text for a in extract_rule_attributions(doc)]  # doctest: +SKIP
        ['said']
    """
    candidates, quotes = extract_rule_candidates(doc)
    return [to_attribution(doc, c, quotes) for c in candidates]
