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

from spacy.tokens import Doc

from ..nlp import doc_text
from ..types import Attribution, AttributionType, Span
from .according import candidates_from_according
from .cue_rules import (
    WEAK_RULES,
    candidates_from_colons,
    candidates_from_nouns,
    candidates_from_verbs,
)
from .cues import ACCORDING_TO, NOUN_CUE, VERB_CUE, find_cue_candidates, load_cue_lexicon
from .quote_rules import candidates_from_quotes, token_range
from .quotes import Quote, doc_quotes
from .syntax import Candidate, is_to_infinitive, trim


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
    "colon-speaker": 1.0,
}


def _snap_to_quotes(text: str, span: Span, quotes: list[Quote]) -> Span:
    """Extend a content span that cuts a quotation off just before its closing mark."""
    start, end = span.start, span.end
    for q in quotes:
        if start <= q.start < end < q.end and not text[end : q.end - q.width].strip(" ,.;:!?"):
            end = q.end
        if q.start < start < q.end <= end and not text[q.start + q.width : start].strip():
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
        r = token_range(doc, q.start + q.width, max(q.start + q.width, q.end - q.width))
        if r:
            inside[r[0] : r[1]] = [True] * (r[1] - r[0])
    return inside


def _cut_at_coordinated_cues(doc: Doc, candidates: list[Candidate]) -> None:
    """"X stated that A, before adding, “B”": A ends where the same speaker's next cue begins."""
    for a in candidates:
        if a.source is None:
            continue
        for b in candidates:
            if b is a or not _same_speaker(doc, a, b) or b.rule in WEAK_RULES and is_to_infinitive(doc[b.cue[-1]]):
                continue  # an object-only infinitive inside the content is part of it ("swayed to support the plan")
            if not (b.rule.startswith("quote") or doc[b.cue[-1]].dep_ in ("advcl", "conj")):
                continue
            cue = b.cue[0]
            for k, (start, end) in enumerate(a.content):
                if start < cue < end:
                    x = doc[cue]
                    # an "as" clause of a pronoun ends the content where it opens
                    while b.source == a.source and x.head.i != x.i and x.head.left_edge.i > start and x.dep_ in ("pcomp", "prep", "advcl", "conj", "xcomp"):
                        x = x.head
                    cut = min(x.left_edge.i, cue)
                    a.content[k] = trim(doc, start, cut, keep_quotes=True)
            a.content = [r for r in a.content if r[1] > r[0]]


def _same_speaker(doc: Doc, a: Candidate, b: Candidate) -> bool:
    """The same source, or a pronoun after it opening an "as" clause ("The CMO told the minister that
    … as he warned the hospitals could …"): the speaker goes on with a statement of their own."""
    if b.source == a.source:
        return True
    if b.source is None or a.source is None or b.source[1] - b.source[0] != 1 or b.source[0] < a.source[1]:
        return False
    pronoun, cue = doc[b.source[0]], doc[b.cue[-1]]
    return pronoun.lower_ in ("he", "she") and cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)


def _drop_nested_weak(candidates: list[Candidate]) -> list[Candidate]:
    """An object-only cue inside another attribution's content ("suggested he may take a pass on
    supporting future initiatives") is part of that content, not a statement of its own."""
    spans = [(s, e) for c in candidates if c.rule not in WEAK_RULES for s, e in c.content]
    return [c for c in candidates if c.rule not in WEAK_RULES or not any(s <= c.cue[0] < e for s, e in spans)]


def extract_rule_candidates(doc: Doc) -> tuple[list[Candidate], list[Quote]]:
    """All rule candidates of a parsed doc, quote rules first."""
    lexicon = load_cue_lexicon()
    quotes = doc_quotes(doc)
    inside = _inside_quotes(doc, quotes)
    found = [(label, s, e) for label, s, e in find_cue_candidates(doc) if not inside[s]]
    verb_starts = [s for label, s, _ in found if label == VERB_CUE]
    noun_starts = [s for label, s, _ in found if label == NOUN_CUE]
    according = [s for label, s, _ in found if label == ACCORDING_TO]
    from_quotes = candidates_from_quotes(doc, quotes, lexicon)
    quote_cues = {c.cue[-1] for c in from_quotes}
    from_verbs = [c for c in candidates_from_verbs(doc, lexicon, verb_starts) if c.cue[-1] not in quote_cues]
    candidates = from_quotes + from_verbs + candidates_from_nouns(doc, lexicon, noun_starts) + candidates_from_according(doc, according)
    candidates += candidates_from_colons(doc)
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
