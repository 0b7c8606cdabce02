"""A user's role table (CSV: name, role, start, end, source) as evidence for the role check, beside the corpus.

Rows come from wherever the user trusts (a knowledge-base export, a newsroom's own list); each says a person
held a role from ``start`` to ``end`` (either may be empty: open). Roles are normalised with the words of
``data/role_terms.tsv`` like the articles' role mentions ("Former President" → president, former).
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..errors import BadRoleTable
from ..resolve.names import normalise_name
from ..resolve.roles import load_role_terms

COLUMNS = ("name", "role", "start", "end", "source")


@dataclass(frozen=True, slots=True)
class TableRole:
    name: str
    norm: str  # normalise_name(name), what entity names are matched on
    office: str | None
    qualifier: str | None
    start: dt.date | None
    end: dt.date | None
    source: str
    line: int

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def describe(self) -> str:
        held = f"{self.qualifier} {self.office}" if self.qualifier else self.office
        since = self.start.isoformat() if self.start else "…"
        until = self.end.isoformat() if self.end else "now"
        return f"the role table ({self.source or 'no source'}, line {self.line}) lists {self.name} as {held} from {since} to {until}"


def normalise_role_text(role: str) -> tuple[str | None, str | None]:
    """(office, qualifier) of a role written as text.

    Example:
        >>> normalise_role_text("Former U.S. President"), normalise_role_text("Kremlin spokesman")
        (('president', 'former'), ('spokesperson', None))
    """
    terms = load_role_terms()
    words = [w.strip(".,;:()") for w in role.lower().replace("-", " - ").split()]
    words = [w for w in words if w]
    office, qualifier, i = None, None, 0
    while i < len(words):
        for n in range(min(terms.longest, len(words) - i), 0, -1):
            key = tuple(words[i : i + n])
            if key in terms.offices:
                office = terms.offices[key][0]
                i += n - 1
                break
        else:
            qualifier = qualifier or terms.qualifiers.get(words[i])
        i += 1
    return office, qualifier


def _date(value: str, column: str, line: int) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadRoleTable(f"line {line}: {column} {value!r} is not a date in YYYY-MM-DD form") from None


def read_role_table(path: Path | str) -> tuple[TableRole, ...]:
    """The rows of a role table CSV with the header ``name,role,start,end,source`` (raises ``BadRoleTable``, E095)."""
    try:
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise BadRoleTable(f"{path}: the header lacks {', '.join(missing)} (it needs {','.join(COLUMNS)})")
            rows = []
            for line, row in enumerate(reader, 2):
                name, role = (row["name"] or "").strip(), (row["role"] or "").strip()
                office, qualifier = normalise_role_text(role)
                if not name or office is None:
                    raise BadRoleTable(f"{path}: line {line}: no name, or a role naming no known office ({role!r}; data/role_terms.tsv)")
                rows.append(TableRole(name, normalise_name(name), office, qualifier, _date(row["start"], "start", line),
                                      _date(row["end"], "end", line), (row["source"] or "").strip(), line))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise BadRoleTable(f"cannot read the role table {path}: {error}") from None
    return tuple(rows)


def judge_with_table(table: tuple[TableRole, ...], name: str, office: str | None, holds: str, day: dt.date) -> tuple[str, str] | None:
    """(status, reason) the role table gives a role mention, or None when it says nothing about it.

    ``holds`` is how the mention has the entity hold ``office`` (current, former, candidate, elect …).
    """
    norm = normalise_name(name)
    rows = [r for r in table if r.norm == norm and (r.office == office or office is None and holds == "candidate")]
    if not rows:
        return None
    covering = [r for r in rows if r.covers(day) and r.qualifier in (None, "acting", "interim")]
    if covering and holds in ("former", "candidate", "elect"):
        return "conflicts", covering[0].describe()
    if holds == "current":
        if covering:
            return "agrees", covering[0].describe()
        ended = [r for r in rows if r.end is not None and r.end < day and r.qualifier is None]
        if ended:
            return "conflicts", max(ended, key=lambda r: r.end).describe()
    if holds == "former" and any(r.end is not None and r.end < day for r in rows):
        return "agrees", max((r for r in rows if r.end is not None), key=lambda r: r.end).describe()
    return None
