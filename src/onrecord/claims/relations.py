"""How two statements from different articles relate: ``corroborates``, ``contradicts`` or ``related``.

Pure Python over what the store keeps (content text, claim stance, ``negated``, quantities, speaker id);
``onrecord.store.related.related`` finds the candidates with the full-text index and calls
:func:`classify` on each. The rules, in order (``docs/store.md`` explains them):

1. **contradicts** (polarity): one side denies (stance ``denies``, a negated cue read as doubt:
   "does not believe" → ``questions`` with ``negated``, or an asserting cue whose content is itself
   negated: "Mexico would not pay for the wall, he said") and the other asserts (``ASSERTING`` stances),
   and the contents overlap at least ``CONTRADICT_MIN`` with ``MIN_SHARED_COMMON`` shared words that are
   not names or numbers, each side with ``MIN_CLAIM_WORDS`` content words
   (every relation needs a weighted Dice of ``RELATED_MIN`` and ``MIN_SHARED`` shared content words);
2. **contradicts** (numbers): as much overlap, both carry a quantity of the same unit and no pair can be the
   same number, given their qualifiers ("nearly 3,000" is 2,550–3,000; "500" is 475–525);
3. **corroborates**: both assert, or both deny, the overlap is at least ``CORROBORATE_MIN`` with more
   than ``MIN_SHARED`` shared words (``MIN_SHARED_COMMON`` of them not names) making ``CONTAIN_MIN`` of the
   shorter statement, each side has ``MIN_CLAIM_WORDS`` content words, and the
   speakers are two different known entities, neither a description such as "GOP front-runner"
   (an independent source);
4. otherwise **related** (the same speaker repeating himself, no stance to compare, a weaker overlap).
"""
from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

#: stances that put the content forward as true
ASSERTING = frozenset({"states", "claims", "alleges", "accuses", "confirms", "admits", "reiterates", "clarifies", "warns", "promises"})
#: weighted Dice of content words below which a candidate is dropped
RELATED_MIN = 0.2
#: distinct shared content words needed (one shared word on a short quote says little)
MIN_SHARED = 2
#: shared common words (lower case on at least one side: not names, not numbers) needed to corroborate
#: or contradict by polarity; shared names alone say two statements are about the same people, not the same claim
MIN_SHARED_COMMON = 2
#: content words each side needs before it can corroborate or contradict: a shorter content is a topic
#: ("the former secretary of state"), not a claim
MIN_CLAIM_WORDS = 4
#: share of the shorter statement's (weighted) words found in the other, needed to corroborate
CONTAIN_MIN = 0.6
#: overlap needed before a difference in polarity counts as a contradiction
CONTRADICT_MIN = 0.25
#: overlap needed for two independent statements of the same polarity to corroborate
CORROBORATE_MIN = 0.4
#: weight of a number or a capitalised (proper-noun-like) word; other content words weigh 1
SALIENT_WEIGHT = 2.0
#: weight of a capitalised first word (a name, or just the start of a sentence)
INITIAL_WEIGHT = 1.5
#: words of the full-text OR query
QUERY_WORDS = 12

#: negation words; "n't" endings count too ("wouldn't"), "not only" (X, but also Y) does not
_NEGATORS = frozenset({"not", "never", "no", "nobody", "nothing", "none", "neither", "nor", "cannot"})
#: words after a negation that it covers ("would not pay for": would, pay, for)
NEGATION_SCOPE = 3
_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_](?:[\w’'-]*\w)?")
_LOWER_BOUND = frozenset({"more than", "at least", "over", "well over", "just over", "no fewer than", "no less than", "in excess of", "upwards of"})
_UPPER_BOUND = frozenset({"less than", "fewer than", "at most", "up to", "as many as", "under", "no more than", "barely"})
_BELOW = frozenset({"nearly", "almost", "just under", "close to"})
_APPROX = frozenset({"about", "around", "roughly", "approximately", "some", "an estimated", "estimated"})
#: units that measure rather than name what is counted: two such numbers are compared only when they hang on
#: the same word (``what``), since "4.9 percent" unemployment and "6.5 percent" growth do not disagree
MEASURE_UNITS = frozenset({
    "percent", "%", "point", "time", "usd", "gbp", "eur", "jpy", "inr", "rub", "uah", "dollar",
    "second", "minute", "hour", "day", "week", "month", "year", "decade",
})
#: ``what`` words too light to say what a number is about
_LIGHT_WHAT = frozenset({"be", "is", "was", "are", "were", "been", "being", "have", "has", "had", "get", "got", "do", "did", "make", "made"})
#: relative tolerance of a bare number (reports round) and of an approximate one
EXACT_TOLERANCE = 0.05
APPROX_TOLERANCE = 0.15


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words plus ``data/related_stopwords.txt`` (words of reported speech)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    text = resources.files("onrecord").joinpath("data/related_stopwords.txt").read_text("utf-8")
    ours = {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}
    return frozenset({w.lower() for w in STOP_WORDS} | ours)


def normalise_word(token: str) -> str:
    """A token as a comparable word: lower case, possessive and plural ``s`` dropped, digits without commas.

    Example:
        >>> [normalise_word(w) for w in ("ships", "Clinton's", "James", "3,000", "policies", "class")]
        ['ship', 'clinton', 'james', '3000', 'policy', 'class']
    """
    word = token.lower().replace("’", "'")
    if word[0].isdigit():
        return word.replace(",", "").rstrip(".")
    word = word.removesuffix("'s")
    if token[0].isupper():  # a name keeps its final s (James, Williams)
        return word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str) -> dict[str, float]:
    """The content words of a statement with their weights: numbers and capitalised words (proper nouns)
    weigh ``SALIENT_WEIGHT``, other words 1, and a capitalised first word seen nowhere else in between
    (a name or not: "Taxes rose", "Clinton said") ``INITIAL_WEIGHT``; stop words are dropped.

    Example:
        >>> content_words("Senators said Velmoran ships carried 3,000 tons")
        {'senators': 1.5, 'velmoran': 2.0, 'ship': 1.0, 'carried': 1.0, '3000': 2.0, 'ton': 1.0}
    """
    stops = stop_words()
    seen: dict[str, set[str]] = {}
    for i, match in enumerate(_TOKEN.finditer(text)):
        token = match.group()
        if token.lower() in stops or (len(token) < 2 and not token.isdigit()):
            continue
        word = normalise_word(token)
        if not word or word in stops:
            continue
        if token[0].isdigit() or (token[0].isupper() and i > 0):
            kind = "salient"
        else:
            kind = "initial" if token[0].isupper() else "common"
        seen.setdefault(word, set()).add(kind)
    weights = {"salient": SALIENT_WEIGHT, "common": 1.0, "initial": INITIAL_WEIGHT}
    return {word: next(weights[k] for k in ("salient", "common", "initial") if k in kinds) for word, kinds in seen.items()}


def query_terms(text: str, n: int = QUERY_WORDS) -> list[str]:
    """The words of a full-text OR query for statements like this one: numbers and proper nouns first,
    then the longest other content words (surface forms, so each database tokenises them its own way).

    Example:
        >>> query_terms("The senator said Velmoran ships carried 3,000 tons", n=4)
        ['Velmoran', '3,000', 'senator', 'carried']
    """
    stops = stop_words()
    seen: dict[str, tuple[float, int, str]] = {}
    for i, match in enumerate(_TOKEN.finditer(text)):
        token = match.group().rstrip(".,")
        if token.lower() in stops or (len(token) < 3 and not token.isdigit()):
            continue
        word = normalise_word(token)
        if word in stops or word in seen:
            continue
        salient = token[0].isdigit() or (token[0].isupper() and i > 0)
        seen[word] = (SALIENT_WEIGHT if salient else 1.0, len(token), token)
    ranked = sorted(seen.values(), key=lambda x: (-x[0], -x[1]))
    return [token for _, _, token in ranked[:n]]


def overlap(a: Mapping[str, float], b: Mapping[str, float]) -> tuple[float, list[str]]:
    """Weighted Dice of two word sets (each word with its own side's weight) and the shared words, heaviest first.

    Example:
        >>> overlap({"ship": 1.0, "velmoran": 2.0}, {"velmoran": 2.0, "port": 1.0})
        (0.667, ['velmoran'])
    """
    shared = sorted(set(a) & set(b), key=lambda w: (-(a[w] + b[w]), w))
    total = sum(a.values()) + sum(b.values())
    if not total:
        return 0.0, []
    return round(sum(a[w] + b[w] for w in shared) / total, 3), shared


def negated_words(content: str) -> frozenset[str]:
    """The words a negation in the content covers: the ``NEGATION_SCOPE`` words after "not", "never",
    "no" … or a "n't" ending, normalised as :func:`content_words` does.

    Example:
        >>> sorted(negated_words("Mexico would not pay for the wall"))
        ['for', 'pay', 'the']
        >>> sorted(negated_words("Mexico won’t pay")), sorted(negated_words("Mexico will pay"))
        (['pay'], [])
        >>> sorted(negated_words("not only the wall but the fence")), sorted(negated_words("No, I meant it"))
        ([], [])
    """
    matches = list(_TOKEN.finditer(content))
    tokens = [m.group() for m in matches]
    covered: set[str] = set()
    for i, token in enumerate(tokens):
        low = token.lower().replace("’", "'")
        if low.endswith("n't"):
            pass
        elif low not in _NEGATORS or content[matches[i].end() : matches[i].end() + 1] in (",", ".", "!", "?"):
            continue  # not a negation, or an answer ("No, I meant …")
        elif low == "not" and i + 1 < len(tokens) and tokens[i + 1].lower() == "only":
            continue  # "not only X but Y" asserts both
        covered.update(normalise_word(t) for t in tokens[i + 1 : i + 1 + NEGATION_SCOPE])
    return frozenset(covered)


def content_polarity(stance: str | None, negated: bool, content_negated: bool) -> int | None:
    """:func:`polarity`, with an asserted negative content counted as a denial ("the ship was never
    seized, she said" denies what "the navy seized the ship" asserts). A denial keeps -1 whatever its
    content says: "denied that it had never paid" is rare, an emphatic "denied it had ever" common.

    Example:
        >>> content_polarity("states", False, True), content_polarity("states", False, False), content_polarity("denies", False, True)
        (-1, 1, -1)
    """
    found = polarity(stance, negated)
    return -1 if found == 1 and content_negated else found


def polarity(stance: str | None, negated: bool = False) -> int | None:
    """+1 when the stance asserts the content, -1 when it denies or doubts it (a negated cue read as
    ``questions``), None when there is nothing to compare (no claim, ``none``, hopes, questions …).

    Example:
        >>> polarity("alleges"), polarity("denies"), polarity("questions", negated=True), polarity("none", True)
        (1, -1, -1, None)
    """
    if stance is None or stance == "none":
        return None
    if stance == "denies" or (negated and stance == "questions"):
        return -1
    if stance in ASSERTING and not negated:
        return 1
    return None


def quantity_range(quantity: Mapping[str, Any]) -> tuple[float, float] | None:
    """The values a quantity allows, given its qualifier and range (None without a value).

    Example:
        >>> quantity_range({"value": 3000.0, "qualifier": "nearly"})
        (2550.0, 3000.0)
        >>> quantity_range({"value": 500.0})
        (475.0, 525.0)
    """
    value = quantity.get("value")
    if value is None:
        return None
    upper = quantity.get("upper")
    qualifier = (quantity.get("qualifier") or "").lower()
    if upper is not None:
        return float(min(value, upper)), float(max(value, upper))
    if qualifier in _LOWER_BOUND:
        return float(value), math.inf
    if qualifier in _UPPER_BOUND:
        return 0.0, float(value)
    if qualifier in _BELOW:
        return round(value * (1 - APPROX_TOLERANCE), 6), float(value)
    tolerance = APPROX_TOLERANCE if qualifier in _APPROX else EXACT_TOLERANCE
    return round(value * (1 - tolerance), 6), round(value * (1 + tolerance), 6)


def _unit(quantity: Mapping[str, Any]) -> str | None:
    unit = quantity.get("unit")
    return normalise_word(unit) if unit else None


def _what(quantity: Mapping[str, Any]) -> str | None:
    what = (quantity.get("what") or "").lower()
    return None if not what or what in _LIGHT_WHAT else normalise_word(what)


def comparable(x: Mapping[str, Any], y: Mapping[str, Any]) -> bool:
    """Whether two quantities count the same kind of thing: the same unit, and the same ``what`` when both
    name one (always, for a measure unit such as percent, dollars or years).

    Example:
        >>> comparable({"unit": "percent", "what": "unemployment"}, {"unit": "percent", "what": "growth"})
        False
        >>> comparable({"unit": "emails", "what": None}, {"unit": "email", "what": "sent"})
        True
    """
    unit = _unit(x)
    if unit is None or unit != _unit(y):
        return False
    wx, wy = _what(x), _what(y)
    if unit in MEASURE_UNITS:
        return wx is not None and wx == wy
    return wx is None or wy is None or wx == wy


def compare_quantities(a: Sequence[Mapping[str, Any]], b: Sequence[Mapping[str, Any]]) -> tuple[list[str], list[str]]:
    """Units on which two statements' numbers agree, and on which they disagree (as readable reasons).

    A unit disagrees when every :func:`comparable` pair of its quantities lies outside the other's range.

    Example:
        >>> compare_quantities([{"text": "nearly 3,000", "value": 3000.0, "qualifier": "nearly", "unit": "tonnes"}],
        ...                    [{"text": "500", "value": 500.0, "unit": "tonnes"}])
        ([], ['numbers disagree: “nearly 3,000” vs “500” (tonne)'])
    """
    agree, disagree = [], []
    units = {_unit(q) for q in a} & {_unit(q) for q in b} - {None}
    for unit in sorted(units):
        pairs = [(x, y) for x in a for y in b if _unit(x) == unit and comparable(x, y)]
        ranged = [(x, y, quantity_range(x), quantity_range(y)) for x, y in pairs]
        ranged = [r for r in ranged if r[2] is not None and r[3] is not None]
        if not ranged:
            continue
        matching = [(x, y) for x, y, rx, ry in ranged if rx[0] <= ry[1] and ry[0] <= rx[1]]
        if matching:
            x, y = matching[0]
            agree.append(f"numbers agree: “{x.get('text', x['value'])}” and “{y.get('text', y['value'])}” ({unit})")
        else:
            x, y = ranged[0][0], ranged[0][1]
            disagree.append(f"numbers disagree: “{x.get('text', x['value'])}” vs “{y.get('text', y['value'])}” ({unit})")
    return agree, disagree


@dataclass(frozen=True, slots=True)
class Statement:
    """What the comparison reads of one stored attribution."""

    content: str
    speaker_id: str | None = None
    speaker_name: str | None = None
    stance: str | None = None
    negated: bool = False
    quantities: tuple[Mapping[str, Any], ...] = ()
    words: Mapping[str, float] = field(default_factory=dict)
    negated_words: frozenset[str] = frozenset()

    @classmethod
    def of(cls, content: str, speaker_id: str | None = None, speaker_name: str | None = None, stance: str | None = None,
           negated: bool = False, quantities: Sequence[Mapping[str, Any]] = ()) -> Statement:
        """A statement with its content words computed."""
        return cls(content, speaker_id, speaker_name, stance, negated, tuple(quantities), content_words(content), negated_words(content))


@dataclass(frozen=True, slots=True)
class Relation:
    """How a candidate relates to the statement asked about."""

    relation: str  # corroborates / contradicts / related
    score: float  # the content-word overlap, 0–1
    reasons: tuple[str, ...]
    shared_words: tuple[str, ...]


def is_description(name: str | None) -> bool:
    """Whether a speaker's name is a description ("GOP front-runner", "the billionaire mogul") rather than a
    name: its last word is in lower case. A description may be a named speaker's second mention.

    Example:
        >>> is_description("GOP front-runner"), is_description("Hillary Clinton"), is_description("FBI")
        (True, False, False)
    """
    words = re.findall(r"[^\W_][\w'’.-]*", name or "")
    return bool(words) and words[-1][0].islower()


def _describe(statement: Statement) -> str:
    who = statement.speaker_name or "an unresolved speaker"
    stance = statement.stance or "no stance stored"
    return f"{who} ({stance}{', negated cue' if statement.negated else ''})"


def classify(statement: Statement, other: Statement) -> Relation | None:
    """How ``other`` relates to ``statement``, or None when their contents overlap too little (a weighted
    Dice below ``RELATED_MIN`` or fewer than ``MIN_SHARED`` shared words).

    Example:
        >>> a = Statement.of("the Velmoran navy seized the grain ship Aurora", "irina-solberg", "Irina Solberg", "alleges")
        >>> b = Statement.of("the Velmoran navy never seized the grain ship Aurora", "pavel-dremov", "Pavel Dremov", "denies")
        >>> classify(a, b).relation
        'contradicts'
    """
    score, shared = overlap(statement.words, other.words)
    if score < RELATED_MIN or len(shared) < MIN_SHARED:
        return None
    reasons = [f"shared words: {', '.join(shared[:8])}" + (" …" if len(shared) > 8 else "")]
    # a content negates the claim when a negation covers one of the shared words that are not names
    # ("Mexico would not pay for a wall" against "Mexico pays for the wall": "pay")
    shared_common = {w for w in shared if min(statement.words[w], other.words[w]) == 1.0}
    negative = [sorted(s.negated_words & shared_common) for s in (statement, other)]
    if statement.negated_words and other.negated_words:  # both say "not" somewhere: no contrast read from that
        negative = [[], []]
    mine = content_polarity(statement.stance, statement.negated, bool(negative[0]))
    theirs = content_polarity(other.stance, other.negated, bool(negative[1]))
    agree, disagree = compare_quantities(statement.quantities, other.quantities)
    common = sum(1 for w in shared if min(statement.words[w], other.words[w]) == 1.0)
    shorter = min(statement.words, other.words, key=lambda words: sum(words.values()))
    contained = sum(shorter[w] for w in shared) / sum(shorter.values())
    claim_like = common >= MIN_SHARED_COMMON and min(len(statement.words), len(other.words)) >= MIN_CLAIM_WORDS
    both_known = statement.speaker_id is not None and other.speaker_id is not None
    same_speaker = both_known and statement.speaker_id == other.speaker_id
    described = next((s.speaker_name for s in (statement, other) if is_description(s.speaker_name)), None)
    by_cue = polarity(statement.stance, statement.negated) != polarity(other.stance, other.negated)
    # a negation word can sit anywhere in a long content: opposite polarity read from the contents alone
    # needs the overlap asked of a corroboration (the same thing said, once with "not")
    strong = score >= CORROBORATE_MIN and len(shared) > MIN_SHARED and contained >= CONTAIN_MIN
    if mine is not None and theirs is not None and mine != theirs and score >= CONTRADICT_MIN and claim_like and (by_cue or strong):
        relation = "contradicts"
        reasons.append(f"opposite polarity: {_describe(statement)} vs {_describe(other)}")
        reasons += [f"negative content: {who.speaker_name or 'an unresolved speaker'} says not “{', '.join(words)}”"
                    for who, words in zip((statement, other), negative) if words]
    elif disagree and score >= CONTRADICT_MIN and claim_like and statement.stance != "none" and other.stance != "none":
        relation = "contradicts"
        reasons += disagree
    elif (
        mine is not None and mine == theirs and claim_like and score >= CORROBORATE_MIN and len(shared) > MIN_SHARED
        and contained >= CONTAIN_MIN and both_known and not same_speaker and described is None
    ):
        relation = "corroborates"
        side = "assert" if mine > 0 else "deny"
        reasons.append(f"both {side}: {_describe(statement)} and {_describe(other)}, an independent source")
    else:
        relation = "related"
        if mine is None or theirs is None:
            reasons.append(f"no polarity to compare: {_describe(statement)} vs {_describe(other)}")
        elif not claim_like:
            reasons.append(f"a topic, not a claim: {common} shared word(s) besides names, or a content under {MIN_CLAIM_WORDS} words")
        elif mine != theirs and not by_cue:
            reasons.append(f"one content negative, but overlap {score:.2f} ({len(shared)} words, {contained:.0%} of the shorter) too weak to oppose them")
        elif mine != theirs:
            reasons.append(f"opposite polarity, but overlap {score:.2f} below {CONTRADICT_MIN}")
        elif score < CORROBORATE_MIN or len(shared) <= MIN_SHARED or contained < CONTAIN_MIN:
            reasons.append(f"same polarity, overlap {score:.2f} ({len(shared)} words, {contained:.0%} of the shorter) too weak to corroborate")
        elif not both_known:
            reasons.append("same polarity, but a speaker is unresolved: independence unknown")
        elif described is not None and not same_speaker:
            reasons.append(f"same polarity, but “{described}” is a description, maybe of the same speaker: independence unknown")
    if same_speaker:
        reasons.append("same speaker" + (": a change of position" if relation == "contradicts" else ""))
    reasons += agree
    return Relation(relation, score, tuple(reasons), tuple(shared))
