"""Which speaker names may join across articles, and on what evidence (issue 16, item 5).

* A generic nominal ("officials", "Others", "the hospital", "police") names someone only inside its
  article: its name group is keyed by the article too, so it never merges with another article's.
* A surname or short form alone ("King") is keyed by its article too, and joins a fuller name from other articles ("Wayne King") only
  with context that agrees: a shared outlet, or publication dates within :data:`WINDOW_DAYS`.
"""
from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence

from .lexicon import load_role_lexicon
from .names import load_metonyms, normalise_name

#: two articles this close in publication date may speak of the same person by surname alone
WINDOW_DAYS = 30
#: what joins a generic nominal's name to its article in a group key ("officials @a1b2c3d4"); never in a
#: normalised name, so a speaker search for "officials" can find every article's officials
ARTICLE_MARK = " @"
#: quantifiers and pronoun-like nominals that name nobody in particular
_VAGUE = frozenset("""others other some many most several all both few people sources residents everyone someone
some people one another rest""".split())
_DETERMINERS = frozenset("the a an this that these those its their his her our some".split())


@functools.lru_cache(maxsize=1)
def _common_heads() -> frozenset[str]:
    lex = load_role_lexicon()
    # "the Kremlin" is in the lexicon as an organisation noun but names one (data/metonyms.tsv)
    return frozenset(lex.orgs | lex.groups | set(lex.roles) | lex.things | _VAGUE) - {normalise_name(m) for m in load_metonyms()}


def _proper_group(word: str) -> bool:
    """"Republicans", "Democrats": a capitalised plural of an affiliation or nationality is a name."""
    lex = load_role_lexicon()
    singular = word.lower()[:-1] if word.lower().endswith("s") else word.lower()
    return word[:1].isupper() and (singular in lex.affiliations or singular in lex.demonyms)


def is_generic_nominal(kind: str, name: str) -> bool:
    """Whether a speaker's name is a common noun phrase rather than a name.

    Example:
        >>> [is_generic_nominal(k, n) for k, n in [("group", "Officials"), ("organisation", "the hospital"),
        ...  ("unresolved", "Others"), ("organisation", "White House"), ("group", "Republicans"), ("person", "King"),
        ...  ("unresolved", "report")]]
        [True, True, True, False, False, False, True]
    """
    if kind == "person":
        return False
    words = [w for w in name.replace("’", "'").split() if w.lower() not in _DETERMINERS]
    if not words:
        return True
    last = words[-1].rstrip(".,;:'")
    if len(words) == 1:  # "report", "hospital": a lower-case word is a common noun, whatever the lexicon knows
        return (last[:1].islower() or last.lower() in _common_heads()) and not _proper_group(last)
    # "police officers", "Iowa and New Hampshire Democratic officials": a phrase with a common-noun head
    return last[:1].islower()


def group_norm(kind: str, name: str, norm: str, article_key: str) -> str:
    """The name-group key of an article's speaker: ``norm``, made article-specific for generic nominals.

    Example:
        >>> group_norm("group", "officials", "officials", "a1b2c3d4e5")
        'officials @a1b2c3d4'
    """
    if is_generic_nominal(kind, name) or (kind == "person" and len(norm.split()) == 1):
        # a surname alone ("King") is also kept to its article: which King it is, the resolution decides
        # per article, on that article's outlet and date
        return f"{norm}{ARTICLE_MARK}{article_key[:8]}"
    return norm


def base_norm(norm: str) -> str:
    """A group key without its article mark.

    Example:
        >>> base_norm("king @a1b2c3d4"), base_norm("wayne king")
        ('king', 'wayne king')
    """
    return norm.split(ARTICLE_MARK, 1)[0]


def context_agreement(outlets: Sequence[str], days: Sequence[int], other_outlets: Sequence[str], other_days: Sequence[int]) -> str | None:
    """Evidence that two name groups come from the same context, "" when either context is unknown,
    None when both are known and disagree. ``days`` are sorted date ordinals.

    Example:
        >>> context_agreement(["CNN"], [738000], ["CNN", "BBC"], [])
        'both in CNN'
        >>> context_agreement(["CNN"], [738000], ["BBC"], [738400]) is None
        True
    """
    if not (outlets or days) or not (other_outlets or other_days):
        return ""
    shared = sorted(set(outlets) & set(other_outlets))
    if shared:
        return f"both in {shared[0]}"
    for day in days:
        at = bisect.bisect_left(other_days, day - WINDOW_DAYS)
        if at < len(other_days) and other_days[at] <= day + WINDOW_DAYS:
            return f"published within {WINDOW_DAYS} days of each other"
    return None
