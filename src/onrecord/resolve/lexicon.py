"""Role words, honorifics and given-name genders (``data/roles.tsv``, ``data/first_names.tsv``)."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
#: sources that refer to nobody: "no one could predict" has no speaker
NON_REFERRING = {"no one", "no-one", "nobody", "none", "nothing", "noone"}
PLURAL_PRONOUNS = {"they", "them", "their", "we", "us", "our"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}


@dataclass(frozen=True)
class RoleLexicon:
    honorifics: dict[str, str]  # word -> gender (m/f/-)
    roles: dict[str, str]
    orgs: frozenset[str]
    groups: frozenset[str]
    first_names: dict[str, str]
    affiliations: frozenset[str]  # capitalised adjectives that are not nationalities ("Republican")
    demonyms: frozenset[str]  # nationalities without a regular ending ("French", "Dutch")
    things: frozenset[str] = frozenset()  # heads naming what cannot speak ("rule", "video", "week")
    person_nouns: dict[str, str] = field(default_factory=dict)  # "woman" -> f: a person, no role to look up
    state_bodies: frozenset[str] = frozenset()  # organisation nouns of the state or politics ("ministry"), also in orgs

    def gender_of_title(self, word: str) -> str | None:
        g = self.honorifics.get(word.lower()) or self.roles.get(word.lower()) or self.person_nouns.get(word.lower())
        return g if g in ("m", "f") else None


def _rows(name: str):
    text = resources.files("onrecord").joinpath(f"data/{name}").read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


@functools.lru_cache(maxsize=1)
def load_role_lexicon() -> RoleLexicon:
    honorifics, roles, orgs, groups, affiliations, demonyms, things, person_nouns, state_bodies = {}, {}, set(), set(), set(), set(), set(), {}, set()
    for word, kind, gender in _rows("roles.tsv"):
        if kind == "honorific":
            honorifics[word] = gender
        elif kind == "role":
            roles[word] = gender
        elif kind in ("org", "public_org"):
            orgs.add(word)
            if kind == "public_org":
                state_bodies.add(word)
        elif kind == "group":
            groups.add(word)
        elif kind == "affiliation":
            affiliations.add(word)
        elif kind == "demonym":
            demonyms.add(word)
        elif kind == "thing":
            things.add(word)
        elif kind == "person":
            person_nouns[word] = gender
    first_names = {name: gender for name, gender in _rows("first_names.tsv")}
    return RoleLexicon(honorifics, roles, frozenset(orgs), frozenset(groups), first_names, frozenset(affiliations), frozenset(demonyms), frozenset(things), person_nouns,
                       frozenset(state_bodies))


@functools.lru_cache(maxsize=1)
def writing_nouns() -> frozenset[str]:
    """Nouns of documents and messages (``data/kind_nouns.tsv``, kind writing): "statement", "memo"."""
    return frozenset(row[0] for row in _rows("kind_nouns.tsv") if len(row) > 1 and row[1] == "writing")


@functools.lru_cache(maxsize=1)
def finding_nouns() -> frozenset[str]:
    """Nouns of documents and findings (``data/kind_nouns.tsv``, kinds writing and evidence): "study", "data", "poll"."""
    return frozenset(row[0] for row in _rows("kind_nouns.tsv") if len(row) > 1 and row[1] in ("writing", "evidence"))
