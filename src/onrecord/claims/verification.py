"""Verification notes ("These claims have not been independently verified by the BBC") and the claims they cover.

:func:`find_verification_notes` finds the notes with the Matcher patterns of
``data/verification_patterns.json``; :func:`link_verification` decides which attributions each note is
about, in this order:

1. claims in the note's own sentence ("… 12 soldiers died, a figure that could not be verified");
2. claims by a speaker the note names ("Moscow's claims could not be verified");
3. for a note about evidence ("the footage", "the figures"), the preceding claims in its paragraph
   that mention the same kind of evidence;
4. otherwise the preceding claims of the paragraph since the last note ("These claims …"; only the
   nearest one for a singular subject: "This claim", "It"); the previous paragraph's when it has none.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..nlp import doc_text
from ..types import Attribution, Span, Verification
from .lexicons import verification_patterns

_SINGULAR = {"this", "it", "that", "claim", "allegation", "account", "report", "figure", "number", "toll", "statement", "assertion",
             "video", "image", "photo", "photograph", "picture", "recording", "document", "version"}
_PUBLISHER = {"we", "us", "our"}
_TRIGGER = re.compile(r"verif|confirm|corroborat|authentic|substantiat|disput|contest|contradict|geolocat|at odds", re.I)


@dataclass(frozen=True)
class Note:
    """One verification note: its sentence, status, who checked, and the words that say what it covers."""

    sentence: Span
    status: str
    by: tuple[str, ...]
    subject: tuple[str, ...]  # lowercased words of what the note is about ("these", "claims")
    named: tuple[str, ...]  # names in the note's subject ("moscow" in "Moscow's claims")
    evidence: str | None  # "visual", "count", "document" when the note is about such evidence
    start_token: int
    end_token: int


@functools.lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab)
    for entry in verification_patterns()["patterns"]:
        matcher.add(entry["label"], [entry["pattern"]])
    return matcher


def find_verification_notes(doc: Doc) -> list[Note]:
    """Every verification note of ``doc``, one per sentence, in text order.

    Example:
        >>> from onrecord.nlp import load_base
        >>> doc = load_base()("The army said it shot down 12 drones. These claims could not be independently verified.")
        >>> [(n.status, n.sentence.text) for n in find_verification_notes(doc)]
        [('unverified', 'These claims could not be independently verified.')]
    """
    by_sentence: dict[int, tuple[str, int, int]] = {}
    if not _TRIGGER.search(doc_text(doc)):
        return []  # most articles have no note: skip the Matcher
    matches = []
    for window_start, window_end in _trigger_windows(doc):
        matches.extend((m, window_start + s, window_start + e) for m, s, e in _matcher(doc.vocab)(doc[window_start:window_end]))
    for match_id, start, end in matches:
        label = doc.vocab.strings[match_id]
        verb = _verify_token(doc, start, end)
        if label == "verified" and verb is not None and any(c.dep_ == "neg" for c in verb.children):
            continue
        sent = doc[start].sent.start
        if sent not in by_sentence or (label == "unverified" and by_sentence[sent][0] != "unverified"):
            by_sentence[sent] = (label, start, end)
    notes = []
    text = doc_text(doc)
    for sent_start, (label, start, end) in sorted(by_sentence.items()):
        sent = doc[sent_start].sent
        verb = _verify_token(doc, start, end) or doc[end - 1]
        subject_tokens = _subject(doc, verb, start)
        notes.append(Note(
            sentence=_trimmed(text, sent.start_char, sent.end_char),
            status=label,
            by=_checkers(doc, verb, start, end, subject_tokens),
            subject=tuple(t.lower_ for t in subject_tokens),
            named=tuple(_names_in(subject_tokens)),
            evidence=_evidence_kind(doc, sent, subject_tokens),
            start_token=start,
            end_token=end,
        ))
    return notes


def _trigger_windows(doc: Doc) -> list[tuple[int, int]]:
    """Token windows around words that can make a note (verify, confirm, dispute …), merged."""
    windows: list[list[int]] = []
    for token in doc:
        if _TRIGGER.search(token.text) or token.lower_ in ("odds", "unverified", "unconfirmed"):
            start, end = max(0, token.i - 10), min(len(doc), token.i + 6)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], end)
            else:
                windows.append([start, end])
    return [(s, e) for s, e in windows]


def _trimmed(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Span.of(text, start, end)


def _verify_token(doc: Doc, start: int, end: int) -> Token | None:
    lemmas = set(verification_patterns()["verify_lemmas"]) | {"dispute", "contest", "contradict", "challenge", "question", "odds"}
    for t in doc[start:end]:
        if t.lemma_.lower() in lemmas or t.lower_ in ("disputed", "contested", "contradicted", "unverified", "unconfirmed", "confirmation", "verification"):
            return t
    return None


def _subject(doc: Doc, verb: Token, start: int) -> list[Token]:
    """What the note is about: the passive subject ("These claims … verified"), else the object ("verified the footage")."""
    head = verb
    for _ in range(4):
        passive = [c for c in head.children if c.dep_ == "nsubjpass"]
        if passive:
            return list(passive[0].subtree)
        if verb.lemma_ in ("dispute", "contest", "contradict", "challenge", "question"):
            claimers = [c for c in head.children if c.dep_ == "nsubj" and c.lemma_ in verification_patterns()["claim_nouns"]]
            if claimers:
                return list(claimers[0].subtree)
        if head.dep_ not in ("xcomp", "acomp") or head.head == head:
            break
        head = head.head
    objects = [c for c in verb.children if c.dep_ in ("dobj",)]
    if objects:
        return list(objects[0].subtree)
    return [t for t in doc[verb.sent.start : start] if t.lemma_ in verification_patterns()["claim_nouns"]][-1:]


def _checkers(doc: Doc, verb: Token, start: int, end: int, subject: list[Token]) -> tuple[str, ...]:
    """Who checked (or could not): the "by" agents, else the active subject of verify/unable."""
    names: list[str] = []
    sent = verb.sent
    for t in doc[start:sent.end]:
        if t.lower_ == "by" and t.i >= start:
            for obj in (c for c in t.children if c.dep_ == "pobj"):
                names.extend(_phrase(x) for x in [obj, *obj.conjuncts])
            break
    if not names:
        head = verb
        for _ in range(4):  # "Reuters could not verify", "We were unable to verify": up through xcomp/acomp only
            actives = [c for c in head.children if c.dep_ == "nsubj"]
            if actives and actives[0].i not in {s.i for s in subject} and actives[0].lemma_ not in verification_patterns()["claim_nouns"] \
                    and actives[0].lower_ not in ("it", "there", "that", "which"):
                names.extend(_phrase(x) for x in [actives[0], *actives[0].conjuncts])
                break
            if head.dep_ not in ("xcomp", "acomp") or head.head == head:
                break
            head = head.head
    return tuple(dict.fromkeys("the publisher" if n.lower() in _PUBLISHER else n for n in names if n))


def _phrase(token: Token) -> str:
    """A noun phrase without its leading "the" and without trailing clauses ("the BBC" → "BBC")."""
    words = [t for t in token.subtree if t.i <= token.i or t.dep_ in ("compound", "flat")]
    words = [t for t in words if t.dep_ not in ("cc", "conj", "punct") or t == token]
    while words and words[0].lower_ in ("the", "a", "an"):
        words = words[1:]
    return " ".join(t.text for t in words)


def _names_in(subject: list[Token]) -> list[str]:
    names = []
    for t in subject:
        if t.dep_ == "poss" or (t.head.lower_ in ("by", "from", "of") and t.dep_ == "pobj") or t.pos_ == "PROPN":
            if t.pos_ in ("PROPN", "NOUN") and t.lower_ not in verification_patterns()["claim_nouns"]:
                names.append(t.lower_)
    return names


def _evidence_kind(doc: Doc, sent, subject: list[Token]) -> str | None:
    kinds = verification_patterns()["evidence_nouns"]
    for t in subject:
        if t.lower_ in kinds:
            return kinds[t.lower_]
    return None


def link_verification(doc: Doc, notes: list[Note], attributions: list[Attribution]) -> dict[int, Verification]:
    """Which attribution (by index) each note verifies, as ``{index: Verification}``; nearest note wins."""
    if not notes or not attributions:
        return {}
    text = doc_text(doc)
    paragraph_of = _paragraphs(text)
    order = sorted(range(len(attributions)), key=lambda i: _start(attributions[i]))
    result: dict[int, Verification] = {}
    previous_note_end = 0
    for note in notes:
        targets = _targets(doc, note, attributions, order, paragraph_of, previous_note_end)
        verification = Verification(note.status, note.by, note.sentence)
        for i in targets:
            result.setdefault(i, verification)
        previous_note_end = note.sentence.end
    return result


def _targets(doc: Doc, note: Note, attributions, order, paragraph_of, previous_note_end: int) -> list[int]:
    sentence = note.sentence
    same = [i for i in order if _overlaps_sentence(attributions[i], sentence) and not _contains_note(attributions[i], doc, note)]
    same = [i for i in same if _start(attributions[i]) < doc[note.start_token].idx]
    if same:
        return same
    before = [i for i in order if _start(attributions[i]) < sentence.start]
    if note.named:
        named = [i for i in before if _speaker_matches(attributions[i], note.named)]
        if named:
            return named
    paragraph = paragraph_of(sentence.start)
    scope = [i for i in before if paragraph_of(_start(attributions[i])) == paragraph and _start(attributions[i]) >= previous_note_end]
    if not scope:
        earlier = [i for i in before if _start(attributions[i]) >= previous_note_end]
        if earlier:
            last_paragraph = paragraph_of(_start(attributions[earlier[-1]]))
            scope = [i for i in earlier if paragraph_of(_start(attributions[i])) == last_paragraph] if last_paragraph == paragraph - 1 else []
    if note.evidence:
        kinds = verification_patterns()["evidence_nouns"]
        mentioning = [i for i in scope if any(kinds.get(w.lower().strip(".,;:“”\"'")) == note.evidence or (note.evidence == "count" and w[:1].isdigit())
                                              for w in _sentence_words(doc, attributions[i]))]
        if mentioning:
            scope = mentioning
    singular = bool(note.subject) and note.subject[-1] in _SINGULAR and not any(w in ("these", "those", "both", "all", "either", "neither") for w in note.subject)
    return scope[-1:] if singular else scope


def _start(a: Attribution) -> int:
    spans = a.content or a.cue or a.source
    return min(s.start for s in spans) if spans else 0


def _overlaps_sentence(a: Attribution, sentence: Span) -> bool:
    return any(s.overlaps(sentence) for s in a.cue + a.content)


def _contains_note(a: Attribution, doc: Doc, note: Note) -> bool:
    start, end = doc[note.start_token].idx, doc[note.end_token - 1].idx + len(doc[note.end_token - 1])
    return any(s.start <= start and end <= s.end for s in a.content)


def _sentence_words(doc: Doc, a: Attribution) -> list[str]:
    words = []
    for s in a.content or a.cue:
        span = doc.char_span(s.start, s.end, alignment_mode="expand")
        if span is not None:
            words.extend(t.text for t in span.sent)
    return words


def _speaker_matches(a: Attribution, names: tuple[str, ...]) -> bool:
    said = {w.lower() for s in a.source for w in s.text.split()}
    if a.speaker is not None:
        said |= {w.lower() for w in a.speaker.name.split()}
    return any(n in said for n in names)


def _paragraphs(text: str):
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]

    def paragraph_of(offset: int) -> int:
        import bisect

        return bisect.bisect_right(breaks, offset)

    return paragraph_of
