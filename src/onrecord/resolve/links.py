"""Links between distinct cross-article entities: metonyms ("the Kremlin" → Russia), affiliations by title,
organisations that carry a person's name."""
from __future__ import annotations

from .groups import Link, NameGroup
from .lexicon import load_role_lexicon
from .names import load_metonyms, normalise_name




def find_links(groups: dict[int, NameGroup]) -> list[Link]:
    metonyms = load_metonyms()
    lexicon = load_role_lexicon()
    # "the campaign", "police": common nouns, not an organisation one can name (but "the Kremlin" is one)
    generic = (lexicon.orgs | lexicon.groups) - set(metonyms)
    orgs = {g.norm: g for g in groups.values() if g.kind == "organisation" and len(g.norm) >= 3}
    named_orgs = {norm: g for norm, g in orgs.items() if norm not in generic and g.name[:1].isupper()}
    people = {g.norm: g for g in groups.values() if g.kind == "person"}
    out = []
    for g in groups.values():
        if g.kind in ("organisation", "group") and g.norm in people:
            # "Trump" tagged as an organisation (his campaign, his company): kept apart, pointed at the person
            person = people[g.norm]
            out.append(Link(g.pk, "same-name-as", person.name, person.pk,
                            f"'{g.name}' is a{'n' if g.kind[0] == 'o' else ''} {g.kind} in {g.articles} article(s) and a person elsewhere"))
        if g.kind in ("organisation", "unresolved") and g.norm in metonyms:
            target, note = metonyms[g.norm]
            target_group = orgs.get(normalise_name(target))
            out.append(Link(g.pk, "metonym-of", target, target_group.pk if target_group else None, f"{g.name}: {note} (data/metonyms.tsv)"))
        if g.kind != "person":
            continue
        seen = set()
        for title, count in g.titles:
            tokens = normalise_name(title).split()
            for n in range(min(4, len(tokens)), 0, -1):
                for i in range(len(tokens) - n + 1):
                    org = named_orgs.get(" ".join(tokens[i : i + n]))
                    if org is None or org.pk in seen or org.pk == g.pk or not _capitalised_in(org.name, title):
                        continue
                    seen.add(org.pk)
                    out.append(Link(g.pk, "affiliated-with", org.name, org.pk, f"title '{title}' ({count} article(s))"))
    return out


def _capitalised_in(name: str, title: str) -> bool:
    """Whether ``name`` appears in ``title`` as a proper name ("Kremlin spokesperson", not "times")."""
    at = title.casefold().find(name.casefold())
    return at >= 0 and title[at : at + 1].isupper()
