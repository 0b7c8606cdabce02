"""Classes of conflict of the role check beyond "former" and candidacies (``store/roles_check.py``, docs/roles.md).

* another holder of a seat: "Florida Gov. Jeb Bush" while the window's articles call another entity "Florida Gov."
  plainly, in more articles (an office one person holds at a time for one jurisdiction: ``seat`` in
  ``role_terms.tsv``; the jurisdiction a U.S. state, ``us_states.tsv``, or the place or chamber as written);
* "former" of an office held: "former Sen. X" while nearly all the window's articles that give X the office call X
  plainly "Sen." in sentences about now, and the office is what the window calls X most;
* another jurisdiction: "Texas Sen. X" while the window's articles give X the office for another state only.

Each rule returns a ``Finding`` (counts and the rows of the articles that say otherwise) or None. Thresholds are
those of the check: at least ``MIN_SUPPORT`` articles, shares of the articles that speak of the office.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources

from ..resolve.roles import RoleTerms, load_role_terms
from ..types import RoleMention
from . import roles as store_roles
from .roles import WindowRole

MIN_SUPPORT = 2  # articles needed before a majority can make a conflict
FORMER_SHARE = 0.25  # "former X" conflicts only while at most this share of the window's articles say it too
STALE_SHARE = 0.75  # a plain title conflicts only when at least this share of the window's articles say "former X"
#: qualifiers that leave the office held now; "deputy X" is another office, "then X" says nothing about now
CURRENT = {None, "acting", "interim"}
#: words of an organisation that name no jurisdiction: parties, the country ("Republican Gov.", "U.S. Sen.")
_NOT_PLACE = {"republican", "republicans", "democratic", "democrat", "democrats", "gop", "independent", "u.s.", "us",
              "u.s", "united", "states", "america", "american", "the"}
#: the words of "former" that say the office was left, unlike "late" and "retired" (the dead and retired keep titles)
_FORMER_WORDS = {"former", "ex", "onetime", "one", "erstwhile", "previous"}
#: words of an organisation that make the office another one: "Lt. Gov." is no governor, "state House" of no named state
_OTHER_OFFICE = {"lt", "lt.", "lieutenant", "deputy", "vice", "assistant", "state"}


@dataclass(frozen=True, slots=True)
class Finding:
    """A conflict found by one rule: its reason in words, counts, and the rows of the articles that say otherwise."""

    reason: str
    supporting: int
    opposing: int
    considered: int
    rows: tuple[WindowRole, ...]


def holds(qualifier: str | None) -> str:
    """How a qualifier has the entity hold its office: current, former, candidate, elect, deputy or then."""
    return "current" if qualifier in CURRENT else qualifier


def in_past_frame(sentence: str, day: dt.date) -> bool:
    """Whether a sentence speaks of another time: a word of ``past`` in ``role_terms.tsv`` or an earlier year.

    Example:
        >>> in_past_frame("In 2012, Gov. Ana Ruiz signed the law.", dt.date(2015, 11, 25))
        True
        >>> in_past_frame("Gov. Ana Ruiz said on Sunday that she would stay.", dt.date(2015, 11, 25))
        False
    """
    words = re.findall(r"[a-z]+|\d{4}", sentence.lower())
    past = load_role_terms().past
    return any(w in past or w.isdigit() and 1800 <= int(w) < day.year for w in words)


@functools.lru_cache(maxsize=1)
def load_states() -> dict[str, str]:
    """``data/us_states.tsv``: each way of writing a state (name, AP abbreviation, postal code) -> its name."""
    text = resources.files("onrecord").joinpath("data/us_states.tsv").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, postal, ap = line.split("\t")
            out |= {name.lower(): name, ap.lower(): name, postal: name}
    return out


def jurisdiction(org: str | None) -> tuple[str | None, str] | None:
    """(state, the rest) of an office's organisation, or None when it names no place or chamber.

    Example:
        >>> jurisdiction("Fla."), jurisdiction("Florida"), jurisdiction("Ohio House"), jurisdiction("U.S. House")
        (('Florida', ''), ('Florida', ''), ('Ohio', 'house'), (None, 'house'))
        >>> jurisdiction("Republican") is None, jurisdiction("state House") is None, jurisdiction("Texas Lt") is None
        (True, True, True)
    """
    if not org:
        return None
    states = load_states()
    words = org.replace("’s", "").replace("'s", "").split()
    if any(w.lower() in _OTHER_OFFICE for w in words):
        return None
    state, rest, i = None, [], 0
    while i < len(words):
        for n in (3, 2, 1):  # "District of Columbia", "New Jersey", "Fla."
            piece = " ".join(words[i : i + n])
            found = states.get(piece) if len(piece) == 2 and piece.isupper() else states.get(piece.lower())
            if found and state is None and i + n <= len(words):
                state, i = found, i + n
                break
        else:
            if words[i].lower() not in _NOT_PLACE:
                rest.append(words[i].lower())
            i += 1
    if state is None and not rest:
        return None
    return state, " ".join(rest)


def _dateline(text: str) -> bool:
    """Whether a description runs over a dateline's dash: "MYRTLE BEACH, S.C. - Sen." gives no state of the office."""
    return re.search(r"\s[-–—]+\s|--", text) is not None


def per_article(rows: list[WindowRole], office: str | None) -> dict[str, set[str]]:
    """article id -> how its mentions of ``office`` have the entity hold it."""
    out: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r.office == office:
            out[r.article_id].add(holds(r.qualifier))
    return out


def another_holder(conn, m: RoleMention, name: str, mine: set[int], since: dt.date, until: dt.date, period: str,
                   exclude_sha256: str | None, terms: RoleTerms) -> Finding | None:
    """A seat given plainly while another entity is called its plain holder in more articles of the window."""
    if m.office not in terms.seats or holds(m.qualifier) != "current" or m.shape == "nominal":
        return None
    seat = jurisdiction(m.org)
    # a seat of a named state ("Ohio Gov."), or a city's mayor: "House Speaker" is also the title of state speakers
    if seat is None or seat[0] is None and m.office != "mayor" or _dateline(m.span.text):
        return None
    theirs: dict[int, set[str]] = defaultdict(set)
    own: set[str] = set()
    rows_of: dict[int, list[WindowRole]] = defaultdict(list)
    for r in store_roles.office_roles(conn, m.office, since, until, exclude_sha256):
        if r.shape == "nominal" or _dateline(r.text) or jurisdiction(r.org) != seat:  # a role noun's link: unvouched
            continue
        if r.entity_pk in mine:
            own.add(r.article_id)
        else:
            theirs[r.entity_pk].add(r.article_id)
            rows_of[r.entity_pk].append(r)
    if not theirs:
        return None
    other, articles = max(theirs.items(), key=lambda kv: (len(kv[1]), -kv[0]))
    if len(articles) < MIN_SUPPORT or len(articles) <= len(own):
        return None
    # the other's plain titles must speak of now: "In 2004, Ohio Gov. X signed the law" titles X as X was then
    day = since + (until - since) / 2
    found = store_roles.sentences(conn, [(r.article_id, r.start, r.end) for r in rows_of[other]])
    rows_of[other] = [r for r in rows_of[other] if not in_past_frame(found.get((r.article_id, r.start), ""), day)]
    articles = {r.article_id for r in rows_of[other]}
    if len(articles) < MIN_SUPPORT or len(articles) <= len(own):
        return None
    other_name = store_roles.entity_names(conn, [other]).get(other, "another")
    where = " ".join(x for x in (seat[0], seat[1]) if x)
    reason = (f"{len(articles)} articles {period} call {other_name} {m.office} ({where}) and {len(own) or 'none'} "
              f"{name}; this article says “{m.span.text}”")
    picked = tuple({r.article_id: r for r in reversed(rows_of[other])}.values())[::-1]
    return Finding(reason, len(own), len(articles), len(articles) + len(own), picked)


def former_of_held(conn, m: RoleMention, name: str, rows: list[WindowRole], day: dt.date, period: str,
                   terms: RoleTerms) -> Finding | None:
    """ "former X" of an elected or appointed office the window's articles, nearly all, say the entity holds now."""
    if holds(m.qualifier) != "former" or terms.office_class(m.office) != "office":
        return None
    # "former", not "late" or "retired": the dead and the retired keep their titles ("Justice Scalia" after his death)
    if not _FORMER_WORDS & set(re.findall(r"[a-z]+", m.span.text.lower())):
        return None
    place = jurisdiction(m.org)
    fitting = [r for r in rows if r.office == m.office and r.shape != "nominal"
               and (place is None or jurisdiction(r.org) in (None, place))]
    said = per_article(fitting, m.office)
    considered = len(said)
    same = [a for a, how in said.items() if "former" in how]
    holding = {a for a, how in said.items() if how == {"current"}}
    if len(holding) < MIN_SUPPORT or len(same) > FORMER_SHARE * considered or len(holding) < STALE_SHARE * considered:
        return None
    # the plain titles must speak of now: "Sen. X voted for the war in 2002" titles X as X was then
    plain = [r for r in fitting if r.article_id in holding and holds(r.qualifier) == "current"]
    found = store_roles.sentences(conn, [(r.article_id, r.start, r.end) for r in plain])
    now = {r.article_id for r in plain if not in_past_frame(found.get((r.article_id, r.start), ""), day)}
    described = {r.article_id for r in rows if r.office is not None}
    # and the office is what the window calls the entity most: a past office keeps its title in passing
    if len(now) < MIN_SUPPORT or len(now) < STALE_SHARE * considered or 2 * len(now) < len(described):
        return None
    reason = (f"{len(now)} of {considered} articles {period} that give {name} the office of {m.office} call {name} "
              f"{m.office} and {len(same) or 'none'} former {m.office}; this article says “{m.span.text}”")
    picked = tuple({r.article_id: r for r in reversed(plain) if r.article_id in now}.values())[::-1]
    return Finding(reason, len(same), len(now), considered, picked)


def another_state(m: RoleMention, name: str, rows: list[WindowRole], period: str, terms: RoleTerms) -> Finding | None:
    """An office given for one state while the window's articles give it the entity for another state only."""
    if terms.office_class(m.office) != "office" or holds(m.qualifier) not in ("current", "former") or m.shape == "nominal":
        return None
    place = jurisdiction(m.org)
    if place is None or place[0] is None or _dateline(m.span.text):
        return None
    states: dict[str, set[str]] = defaultdict(set)
    rows_of: dict[str, list[WindowRole]] = defaultdict(list)
    for r in rows:
        theirs = jurisdiction(r.org) if r.office == m.office and r.shape != "nominal" and not _dateline(r.text) else None
        if theirs and theirs[0]:
            states[theirs[0]].add(r.article_id)
            rows_of[theirs[0]].append(r)
    if place[0] in states or not states:
        return None
    state, articles = max(states.items(), key=lambda kv: (len(kv[1]), kv[0]))
    considered = len(set().union(*states.values()))
    if len(articles) < MIN_SUPPORT or len(articles) < STALE_SHARE * considered:
        return None
    reason = (f"{len(articles)} of {considered} articles {period} that give {name} the office of {m.office} with a state "
              f"say {state} and none {place[0]}; this article says “{m.span.text}”")
    picked = tuple({r.article_id: r for r in reversed(rows_of[state])}.values())[::-1]
    return Finding(reason, 0, len(articles), considered, picked)


_STAGES = {"candidate": 0, "presumptive": 1, "nominee": 2}


def nomination_stage(text: str, terms: RoleTerms | None = None) -> str | None:
    """How far a candidacy has come by its description: candidate, presumptive (nominee) or nominee; None when its
    words put it in doubt or in the past ("likely nominee", "2012 nominee").

    Example:
        >>> [nomination_stage(t) for t in ("Republican presidential candidate", "presumptive Republican nominee",
        ...                                "Democratic nominee", "likely Democratic nominee", "2012 GOP nominee")]
        ['candidate', 'presumptive', 'nominee', None, None]
    """
    terms = terms or load_role_terms()
    words = re.findall(r"[a-z]+(?:-[a-z]+)*|\d{4}", text.lower())
    found = {terms.stages.get(w) for w in words}
    if "doubt" in found or any(w.isdigit() for w in words):
        return None
    if not {"nominee", "nominees"} & set(words):
        return "candidate"
    return "presumptive" if "presumptive" in found else "nominee"


def early_nomination(m: RoleMention, name: str, rows: list[WindowRole], day: dt.date, period: str,
                     terms: RoleTerms, lead: str = "") -> Finding | None:
    """A nominee, or presumptive nominee, the window's articles do not yet call so.

    "nominee" while most articles up to the article's day say "presumptive nominee" and one after it still
    does (the convention has not voted); "presumptive nominee" (or "nominee") while at least ``MIN_SUPPORT`` articles
    of the window describe the candidacy and none of them as a nomination assured or made.
    """
    if holds(m.qualifier) != "candidate" or m.office is not None and terms.office_class(m.office) != "head":
        return None
    # with the two words before the description, which the parse can leave out of it ("presumptive Democratic …")
    mine = nomination_stage(" ".join([*lead.split()[-2:], m.span.text]), terms)
    if mine not in ("presumptive", "nominee"):
        return None
    reached: dict[str, int] = {}
    rows_of: dict[str, WindowRole] = {}
    dates: dict[str, dt.date] = {}
    for r in rows:
        # a party's nomination ("Democratic nominee") is the nomination for a head-of-state office, and the other way
        party = m.office is None and terms.office_class(r.office) == "head"
        if holds(r.qualifier) != "candidate" or r.day is None or r.office not in (None, m.office) and not party:
            continue
        stage = nomination_stage(r.text, terms)
        if stage is not None and _STAGES[stage] >= reached.get(r.article_id, -1):
            reached[r.article_id], rows_of[r.article_id], dates[r.article_id] = _STAGES[stage], r, r.day
    considered = len(reached)
    if mine == "nominee":
        assured = [a for a, s in reached.items() if s == _STAGES["presumptive"]]
        made = [a for a, s in reached.items() if s == _STAGES["nominee"] and dates[a] <= day]
        before = [a for a in assured if dates[a] <= day]
        after = [a for a in assured if dates[a] > day]
        if len(before) < MIN_SUPPORT or not after or len(made) >= len(before):
            return None
        reason = (f"{len(assured)} of {considered} articles {period} that describe {name}'s candidacy call {name} presumptive "
                  f"nominee ({len(after)} of them after this one) and {len(made) or 'none'} before it nominee; "
                  f"this article says “{m.span.text}”")
        return Finding(reason, len(made), len(assured), considered, tuple(rows_of[a] for a in assured))
    behind = [a for a, s in reached.items() if s == _STAGES["candidate"]]
    if len(behind) < MIN_SUPPORT or len(behind) < considered:
        return None
    reason = (f"{len(behind)} of {considered} articles {period} that describe {name}'s candidacy call {name} a candidate "
              f"and none a nominee or presumptive nominee; this article says “{m.span.text}”")
    return Finding(reason, 0, len(behind), considered, tuple(rows_of[a] for a in behind))
