"""The role check: each role mention of an article against what the store's other articles of the period say.

For a mention of an office ("Former President" → president, former) the articles of the window (±60 days around
the article's date by default) that describe the same entity with that office are counted by how they hold it:

* ``conflicts``: "former X" (or "X-elect") of an elected or appointed office where at least two articles, and
  more than say the same, call the entity plainly "X" and at most a quarter say "former X" too; a candidacy
  (naming a head-of-state office, or a party's nomination) for a head-of-state office most of them say the entity holds;
  or one head-of-state office where the others give another and none this one; or a *stale title*: an elected or
  appointed office given plainly where at least three quarters of the window's articles say "former X", outside
  sentences about another time and direct quotations. A plain head-of-state title where others say "former X"
  is no conflict: news reports title people by the office they held at the time spoken of ("the
  administration of President Bill Clinton");
* ``agrees``: some of them say the same, and it is not a conflict;
* ``new``: none of them speaks of this office (no evidence either way).

Flags are statements about texts ("12 of 14 articles … call Donald Trump president"), never verdicts about the
world: the other articles may be the wrong ones. Rules and thresholds: ``docs/roles.md``.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace

from ..corpus.role_table import judge_with_table
from ..errors import BadWindow
from ..resolve.roles import load_role_terms
from ..types import Article, AttributionType, RoleMention
from . import Store
from . import roles as store_roles
from . import roles_rules
from .records import _Record
from .roles import sentence_around
from .roles_rules import CURRENT, FORMER_SHARE, MIN_SUPPORT, STALE_SHARE, Finding, holds, in_past_frame, per_article

__all__ = ["ArticleCheck", "CURRENT", "Evidence", "RoleCheck", "check_article", "check_window", "holds", "in_past_frame"]

DEFAULT_WINDOW_DAYS = 60


@dataclass(frozen=True, slots=True)
class Evidence(_Record):
    """A role mention of another article: where, when, and the sentence that says it."""

    article_id: str
    outlet: str | None
    day: dt.date | None
    text: str  # the description as written
    holds: str  # how it has the entity hold the office: current, former, candidate, elect, then
    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class RoleCheck(_Record):
    """The check of one role mention: ``status`` agrees, new or conflicts, the reason in words, and the evidence."""

    entity: str  # the entity's name in the article
    text: str
    start: int
    end: int
    office: str | None
    org: str | None
    qualifier: str | None
    status: str
    reason: str
    supporting: int  # articles of the window that say the same
    opposing: int  # articles of the window that say otherwise
    considered: int  # articles of the window that speak of this office
    since: dt.date | None
    until: dt.date | None
    evidence: tuple[Evidence, ...]  # the articles that say otherwise (conflicts) or the same (agrees), a few
    table: tuple[str, ...] = ()  # what the user's role table says about it (``--roles-csv``)


@dataclass(frozen=True, slots=True)
class ArticleCheck(_Record):
    article_id: str
    published: dt.date | None
    window_days: int
    checks: tuple[RoleCheck, ...]

    @property
    def conflicts(self) -> tuple[RoleCheck, ...]:
        return tuple(c for c in self.checks if c.status == "conflicts")


def check_window(window_days: int | str) -> int:
    """``window_days`` as an int from 0 to 3650, else ``BadWindow`` (E093)."""
    try:
        days = int(window_days)
    except (TypeError, ValueError):
        raise BadWindow(f"the window must be a whole number of days, not {window_days!r}") from None
    if not 0 <= days <= 3650:
        raise BadWindow(f"the window must be 0 to 3650 days, not {days}")
    return days


def check_article(
    store: Store, article: Article, window_days: int = DEFAULT_WINDOW_DAYS, *, stored: bool = False, table: tuple = ()
) -> ArticleCheck:
    """Check every role mention of ``article`` against the store (``stored``: the article is in it, by its id),
    and against the rows of a user's role table (``corpus/role_table.py``) when ``table`` has some.

    Example:
        >>> from onrecord import analyze
        >>> with Store.open(":memory:") as store:  # doctest: +SKIP
        ...     check_article(store, analyze("Former President Donald Trump said so.", "2025-04-22")).checks[0].status
        'new'
    """
    days = check_window(window_days)
    names = {e.id: e.name for e in article.entities}
    with store.engine.connect() as conn:
        if stored:
            local = store_roles.stored_entity_pks(conn, article.id)
            pks_of = {eid: [pk] if pk is not None else [] for eid, pk in local.items()}
        else:
            pks_of = {e.id: store_roles.entity_pks_by_name(conn, e.name) for e in article.entities}
        checks, windows = [], {}
        quoted = [s for a in article.attributions if a.type is AttributionType.DIRECT for s in a.content]
        for mention in article.roles:
            date = mention.date or article.published
            name = names.get(mention.entity_id, mention.entity_id)
            if date is None:
                checks.append(_verdict(mention, name, "new", "the article has no date to compare it with", None, None, 0, 0, 0, ()))
                continue
            since, until = date - dt.timedelta(days=days), date + dt.timedelta(days=days)
            key = (tuple(pks_of.get(mention.entity_id, [])), since, until)
            if key not in windows:  # one query per entity and window, however many mentions it has
                windows[key] = store_roles.window_roles(conn, list(key[0]), since, until, article.text_sha256)
            rows = windows[key]
            # the sentence without the description itself: "former" there is the mention's own qualifier
            start, end = mention.span.start, mention.span.end
            sentence = sentence_around(article.text, start, end)
            past = in_past_frame(sentence.replace(mention.span.text, " "), date) or any(s.start <= start < s.end for s in quoted)
            lead = article.text[max(0, start - 30) : start]  # "presumptive" the description's span can miss
            check = _judge(conn, mention, name, rows, since, until, past, set(key[0]), article.text_sha256, lead)
            checks.append(_with_table(check, table, date) if table else check)
        checks = _with_sentences(conn, checks)
    return ArticleCheck(article.id, article.published, days, tuple(checks))


def _with_sentences(conn, checks: list[RoleCheck]) -> list[RoleCheck]:
    """The evidence's sentences, each read from the store once however many checks cite it."""
    from dataclasses import replace

    wanted = list(dict.fromkeys((e.article_id, e.start, e.end) for c in checks for e in c.evidence))
    if not wanted:
        return checks
    found = store_roles.sentences(conn, wanted)
    return [replace(c, evidence=tuple(replace(e, sentence=found.get((e.article_id, e.start), e.text)) for e in c.evidence))
            if c.evidence else c for c in checks]


def _judge(conn, m: RoleMention, name: str, rows: list, since: dt.date, until: dt.date, past: bool = False,
           mine_pks: set[int] = frozenset(), sha256: str | None = None, lead: str = "") -> RoleCheck:
    terms = load_role_terms()
    mine = holds(m.qualifier)
    period = f"between {since.isoformat()} and {until.isoformat()}"
    if mine == "then":
        return _verdict(m, name, "new", "“then” dates the office to the time spoken of, not to the article", since, until, 0, 0, 0, ())
    if mine == "candidate":
        check = _judge_candidacy(conn, m, name, rows, since, until, period, terms)
        found = None if past or check.status == "conflicts" else roles_rules.early_nomination(
            m, name, rows, since + (until - since) / 2, period, terms, lead)
        return check if found is None else _finding(m, name, found, since, until)
    said = per_article(rows, m.office)
    considered = len(said)
    same = [a for a, how in said.items() if mine in how]
    if mine in ("former", "elect") and terms.office_class(m.office) == "head":
        # "former X" (or "X-elect") of a head-of-state office where the others call the entity plainly X and few say
        # the same, and no one else is called X in more articles (then the plain titles are of past times: "the
        # administration of President Bill Clinton"). Lesser offices keep their titles ("Secretary Clinton",
        # "Governor Romney") and jobs ("former strategist") can be held again elsewhere: they are left alone.
        holding = [a for a, how in said.items() if "current" in how and mine not in how]
        if (len(holding) >= MIN_SUPPORT and len(holding) > len(same) and len(same) <= FORMER_SHARE * considered
                and _dominant_holder(conn, rows, m.office, len(holding), since, until)):
            reason = (f"{len(holding)} of {considered} articles {period} that give {name} the office of {m.office} call "
                      f"{name} {m.office} and {len(same) or 'none'} {mine} {m.office}; this article says “{m.span.text}”")
            return _verdict(m, name, "conflicts", reason, since, until, len(same), len(holding), considered,
                            _evidence(conn, rows, holding, m.office))
    if mine == "current" and terms.office_class(m.office) == "office" and not past and m.shape != "nominal":
        # a plain title where the window's articles, nearly all, say "former X" ("Gov." of a governor no longer in
        # office). Not checked: a sentence about another time ("under Gov. X", "in 2012") or a direct quotation
        # (``past``), which title people as they were then or as the speaker does; a role noun linked by the speaker
        # resolution ("the New Jersey governor"), whose link the check cannot vouch for; "former X" of another
        # organisation than the one this mention names
        left = sorted({r.article_id for r in rows if r.office == m.office and holds(r.qualifier) == "former"
                       and (m.org is None or r.org is None or r.org.lower() == m.org.lower())} - set(same))
        if len(left) >= MIN_SUPPORT and len(left) >= STALE_SHARE * considered:
            reason = (f"{len(left)} of {considered} articles {period} that give {name} the office of {m.office} call "
                      f"{name} former {m.office} and {len(same) or 'none'} {m.office}; this article says “{m.span.text}”")
            return _verdict(m, name, "conflicts", reason, since, until, len(same), len(left), considered,
                            _evidence(conn, rows, left, m.office))
    if not past:  # the classes of ``roles_rules.py``: another holder of a seat, "former" of an office held, another state
        day = since + (until - since) / 2  # the article's date
        found = (roles_rules.another_holder(conn, m, name, mine_pks, since, until, period, sha256, terms)
                 or roles_rules.former_of_held(conn, m, name, rows, day, period, terms)
                 or roles_rules.another_state(m, name, rows, period, terms))
        if found is not None:
            return _finding(m, name, found, since, until)
    if mine == "current" and terms.office_class(m.office) == "head" and not same:
        conflict = _other_head_office(conn, m, name, rows, since, until, period, terms)
        if conflict is not None:
            return conflict
    if same:
        reason = f"{len(same)} of {considered} articles {period} that give {name} the office of {m.office} say the same"
        return _verdict(m, name, "agrees", reason, since, until, len(same), considered - len(same), considered, _evidence(conn, rows, same, m.office))
    reason = f"no other article {period} speaks of {name} as {m.office or 'holding an office'}"
    if considered:
        # a plain title where others say "former X" is no conflict: a title can name the office at the time spoken of
        reason = f"{considered} articles {period} speak of {name} as {m.office}, none as this one does"
    return _verdict(m, name, "new", reason, since, until, 0, considered, considered, ())


def _dominant_holder(conn, rows: list, office: str, holding: int, since: dt.date, until: dt.date) -> bool:
    """Whether no other entity is called plainly ``office`` in more articles of the window than this one."""
    mine = {r.entity_pk for r in rows}
    others = store_roles.office_holders(conn, office, since, until, tuple(CURRENT))
    return all(n <= holding for pk, n in others.items() if pk not in mine)


def _judge_candidacy(conn, m: RoleMention, name: str, rows: list, since, until, period: str, terms) -> RoleCheck:
    """A candidacy for an office most articles say the entity holds (a party's nomination: for a head-of-state office)."""
    if m.office is None and m.org is None:
        return _verdict(m, name, "new", "a candidacy that names neither office nor party", since, until, 0, 0, 0, ())
    if m.office is not None and terms.office_class(m.office) != "head":  # "fellow candidate Texas Senator" runs for another office
        return _verdict(m, name, "new", f"a candidacy for {m.office}, not an office the check follows", since, until, 0, 0, 0, ())
    offices = [m.office] if m.office else sorted({r.office for r in rows if terms.office_class(r.office) == "head"})
    for office in offices:
        said = per_article(rows, office)
        holding = [a for a, how in said.items() if "current" in how]
        others = [a for a, how in said.items() if "current" not in how]
        # and the entity is the one the window calls plainly X most (else the plain titles are of past times:
        # "an aide to President Bill Clinton" while Barack Obama is President)
        if (len(holding) >= MIN_SUPPORT and len(holding) > len(others)
                and _dominant_holder(conn, rows, office, len(holding), since, until)):
            what = f"a candidacy for {office}" if m.office else "a candidacy"
            reason = (f"{len(holding)} of {len(said)} articles {period} that give {name} the office of {office} call "
                      f"{name} {office}; this article describes {what}: “{m.span.text}”")
            return _verdict(m, name, "conflicts", reason, since, until, 0, len(holding), len(said), _evidence(conn, rows, holding, office))
    same = sorted({r.article_id for r in rows if holds(r.qualifier) == "candidate" and r.office == m.office})
    if same:
        reason = f"{len(same)} articles {period} also describe {name} as a candidate"
        return _verdict(m, name, "agrees", reason, since, until, len(same), 0, len(same), _evidence(conn, rows, same, m.office))
    return _verdict(m, name, "new", f"no other article {period} speaks of {name} as holding or seeking this office", since, until, 0, 0, 0, ())


def _other_head_office(conn, m: RoleMention, name: str, rows: list, since, until, period: str, terms) -> RoleCheck | None:
    """Two head-of-state offices at once: others give the entity another one, none this one."""
    counts: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r.office != m.office and terms.office_class(r.office) == "head" and holds(r.qualifier) == "current":
            counts[r.office].add(r.article_id)
    if not counts:
        return None
    office, articles = max(counts.items(), key=lambda kv: (len(kv[1]), kv[0]))
    if len(articles) < MIN_SUPPORT:
        return None
    reason = (f"{len(articles)} articles {period} call {name} {office} and none {m.office}; this article says “{m.span.text}”")
    return _verdict(m, name, "conflicts", reason, since, until, 0, len(articles), len(articles), _evidence(conn, rows, sorted(articles), office))


def _finding(m: RoleMention, name: str, found: Finding, since, until) -> RoleCheck:
    return _verdict(m, name, "conflicts", found.reason, since, until, found.supporting, found.opposing, found.considered,
                    _as_evidence(found.rows[:5]))


def _evidence(conn, rows: list, article_ids, office: str | None, limit: int = 5) -> tuple[Evidence, ...]:
    wanted_ids = list(dict.fromkeys(article_ids))[:limit]
    picked = []
    for article_id in wanted_ids:
        row = next((r for r in rows if r.article_id == article_id and r.office == office), None)
        if row is not None:
            picked.append(row)
    return _as_evidence(picked)


def _as_evidence(rows: list) -> tuple[Evidence, ...]:
    # the sentence is filled in by ``_with_sentences``, once for all the checks of the article
    return tuple(Evidence(r.article_id, r.outlet, r.day, r.text, holds(r.qualifier), r.text, r.start, r.end) for r in rows)


def _with_table(check: RoleCheck, table: tuple, day: dt.date) -> RoleCheck:
    """The check with what the role table says: a conflict there makes a conflict; agreement turns ``new`` into ``agrees``."""
    found = judge_with_table(table, check.entity, check.office, holds(check.qualifier), day)
    if found is None:
        return check
    status, line = found
    if status == "conflicts" and check.status != "conflicts":
        return replace(check, status="conflicts", reason=f"{line}; this article says “{check.text}”; {check.reason}", table=(line,))
    if status == "agrees" and check.status == "new":
        return replace(check, status="agrees", reason=line, table=(line,))
    return replace(check, table=(line,))


def _verdict(m: RoleMention, name, status, reason, since, until, supporting, opposing, considered, evidence) -> RoleCheck:
    return RoleCheck(name, m.span.text, m.span.start, m.span.end, m.office, m.org, m.qualifier, status, reason,
                     supporting, opposing, considered, since, until, tuple(evidence))
