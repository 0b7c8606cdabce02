"""Person and organisation names across articles: the matching form, the public key, titles and surnames."""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from importlib import resources

from .lexicon import load_role_lexicon

_KIND_SUFFIX = {"person": "", "organisation": "~org", "group": "~group", "unresolved": "~unresolved"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
TITLE_MODIFIERS = {"former", "then", "acting", "deputy", "vice", "chief", "first", "presidential", "us", "state", "foreign",
              "interior", "defense", "defence", "justice", "finance", "trade", "health", "press", "national", "security",
              "general", "republican", "democratic", "gop", "white", "house", "campaign", "sen", "rep", "gov", "lt",
              "sgt", "col", "gen", "adm", "rev", "prof", "supreme", "leader", "opposition", "majority", "minority"}
_DEMONYM_END = re.compile(r"(?:an|ian|ese|ish|i)$")


@functools.lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """The matching form of a name: case and accents folded, punctuation and a leading "the" dropped.

    Example:
        >>> normalise_name("the Kremlin's")
        'kremlin'
        >>> normalise_name("Vladimir V. Putin")
        'vladimir v putin'
        >>> normalise_name("Volodymyr Zelenskyy")
        'volodymyr zelenskyy'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"'s\b|s'$", "", text)  # possessives
    text = text.replace(".", "").replace("'", "")  # "U.S." -> "us", "O'Brien" -> "obrien"
    text = re.sub(r"[\W_]+", " ", text).strip()
    text = re.sub(r"^the\s+", "", text)
    return text[:300] or "unnamed"


def entity_key(kind: str, norm: str) -> str:
    """The public id of the entity anchored on this name group: stable and URL-safe.

    Example:
        >>> entity_key("person", "vladimir putin"), entity_key("organisation", "kremlin")
        ('vladimir-putin', 'kremlin~org')
    """
    return norm.replace(" ", "-") + _KIND_SUFFIX.get(kind, "~" + kind)


@functools.lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    lexicon = load_role_lexicon()
    words = {w.replace(".", "") for w in lexicon.honorifics} | set(lexicon.roles) | set(lexicon.affiliations)
    words |= set(lexicon.demonyms) | TITLE_MODIFIERS | {"prime", "minister", "secretary", "spokesperson"}
    return frozenset(words)


def strip_titles(tokens: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split leading title words off a person's name tokens: (titles, name).

    Example:
        >>> strip_titles("russian president vladimir putin".split())
        (('russian', 'president'), ('vladimir', 'putin'))
    """
    words = _title_words()
    i = 0
    while i < len(tokens) - 1:
        token = tokens[i]
        if token in words or (_DEMONYM_END.search(token) and tokens[i + 1] in words):
            i += 1
        else:
            break
    return tuple(tokens[:i]), tuple(tokens[i:])


def _without_initials(tokens: Sequence[str]) -> tuple[str, ...]:
    if len(tokens) < 3:
        return tuple(tokens)
    middle = [t for t in tokens[1:-1] if len(t) > 1]
    return (tokens[0], *middle, tokens[-1])


def surname(tokens: Sequence[str]) -> str | None:
    """The family name of a person's name tokens ("donald trump jr" -> "trump"); None for one token."""
    tokens = [t for t in tokens if t not in _SUFFIXES]
    return tokens[-1] if len(tokens) >= 2 else None


@functools.lru_cache(maxsize=1)
def load_metonyms() -> dict[str, tuple[str, str]]:
    """``data/metonyms.tsv``: normalised place or building -> (what it stands for, why)."""
    text = resources.files("onrecord").joinpath("data/metonyms.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, target, note = line.split("\t")
            out[normalise_name(name)] = (target, note)
    return out
