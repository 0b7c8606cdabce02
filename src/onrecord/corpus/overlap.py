"""Content words of a statement and how much two statements share: the text side of cross-article relations.

Weighted bag of words (names and numbers weigh more), spaCy's stop words plus words of reported speech,
a light plural/possessive folding, and the words a negation covers.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from importlib import resources

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
