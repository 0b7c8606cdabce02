"""Cross-article entity resolution: the rules on hand-made name groups, then end to end on hand-written articles."""
from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord.resolve.entities import (
    Decision,
    NameGroup,
    entity_key,
    normalise_name,
    resolve_groups,
    strip_titles,
)


def groups(*specs) -> list[NameGroup]:
    """NameGroups from (kind, name, articles[, aliases]) tuples, numbered in order."""
    out = []
    for pk, (kind, name, articles, *rest) in enumerate(specs, start=1):
        aliases = tuple(sorted((normalise_name(a), n) for a, n in (rest[0] if rest else {}).items()))
        out.append(NameGroup(pk, kind, normalise_name(name), name, articles, aliases))
    return out


def clusters_by_name(resolution, gs) -> list[set[str]]:
    by_pk = {g.pk: g.name for g in gs}
    return sorted(({by_pk[m] for m in c.members} for c in resolution.clusters), key=lambda c: sorted(c))


def cluster_of(resolution, gs, name: str) -> set[str]:
    by_pk = {g.pk: g.name for g in gs}
    pk = next(g.pk for g in gs if g.name == name)
    return {by_pk[m] for m in resolution.cluster_of(pk).members}


# ---------------------------------------------------------------- names


def test_normalise_name_folds_case_accents_punctuation_and_possessives():
    assert normalise_name("Volodymyr Zelénskyy’s") == "volodymyr zelenskyy"
    assert normalise_name("the U.S. State Department") == "us state department"
    assert normalise_name("Jean-Claude Juncker") == "jean claude juncker"
    assert normalise_name("  ") == "unnamed"


def test_strip_titles_keeps_at_least_the_surname():
    assert strip_titles("president putin".split()) == (("president",), ("putin",))
    assert strip_titles("kremlin spokesperson dmitry peskov".split())[1] == ("kremlin", "spokesperson", "dmitry", "peskov")
    assert strip_titles(["president"]) == ((), ("president",))


def test_entity_keys_tell_kinds_apart():
    assert entity_key("person", "vladimir putin") == "vladimir-putin"
    assert len({entity_key(k, "trump") for k in ("person", "organisation", "group", "unresolved")}) == 4


# ---------------------------------------------------------------- rules


def test_every_form_of_one_name_becomes_one_entity_with_evidence():
    gs = groups(
        ("person", "Vladimir Putin", 40),
        ("person", "Putin", 12, {}),
        ("person", "President Vladimir Putin", 3),
        ("person", "Vladimir V. Putin", 2),
        ("unresolved", "Putin", 1),
    )
    r = resolve_groups(gs)
    assert clusters_by_name(r, gs) == [{"Vladimir Putin", "Putin", "President Vladimir Putin", "Vladimir V. Putin"}]
    (cluster,) = r.clusters
    assert (cluster.key, cluster.name, cluster.kind) == ("vladimir-putin", "Vladimir Putin", "person")
    rules = {(gs[m.group - 1].name, gs[m.group - 1].kind): m.rule for m in r.merges}
    assert rules[("President Vladimir Putin", "person")] == "title"
    assert rules[("Vladimir V. Putin", "person")] == "initials"
    assert rules[("Putin", "person")] == "surname"
    assert rules[("Putin", "unresolved")] == "kind"
    for merge in r.merges:
        assert gs[merge.group - 1].name in merge.evidence


def test_a_shared_surname_joins_only_a_dominant_person():
    dominant = groups(("person", "Hillary Clinton", 90), ("person", "Bill Clinton", 10), ("person", "Clinton", 30))
    r = resolve_groups(dominant)
    assert cluster_of(r, dominant, "Clinton") == {"Clinton", "Hillary Clinton"}
    assert "90 of the 100" in next(m.evidence for m in r.merges if m.rule == "surname")

    balanced = groups(("person", "Hillary Clinton", 60), ("person", "Bill Clinton", 40), ("person", "Clinton", 30))
    r = resolve_groups(balanced)
    assert cluster_of(r, balanced, "Clinton") == {"Clinton"}


def test_aliases_seen_inside_articles_are_evidence():
    gs = groups(("person", "Dmitry Peskov", 5, {"Peskov": 5}), ("person", "Peskov", 2))
    r = resolve_groups(gs)
    (merge,) = r.merges
    assert merge.rule == "alias" and "5 time(s)" in merge.evidence


def test_different_middle_initials_keep_people_apart():
    gs = groups(("person", "George Bush", 5), ("person", "George W. Bush", 20), ("person", "George H. W. Bush", 8))
    r = resolve_groups(gs)
    assert clusters_by_name(r, gs) == [{"George Bush"}, {"George H. W. Bush"}, {"George W. Bush"}]


def test_organisations_and_metonyms_are_linked_not_merged():
    gs = groups(
        ("person", "Vladimir Putin", 10),
        ("organisation", "the Kremlin", 6),
        ("organisation", "Moscow", 4),
        ("organisation", "Russia", 2),
    )
    r = resolve_groups(gs)
    assert len(r.clusters) == 4
    links = {(gs[x.group - 1].name, x.relation, x.target, x.target_group) for x in r.links}
    assert ("the Kremlin", "metonym-of", "Russia", 4) in links
    assert ("Moscow", "metonym-of", "Russia", 4) in links


def test_titles_link_people_to_their_organisation():
    gs = [
        NameGroup(1, "person", "dmitry peskov", "Dmitry Peskov", 3, titles=(("Kremlin spokesperson", 3),)),
        NameGroup(2, "organisation", "kremlin", "Kremlin", 5),
        NameGroup(3, "organisation", "campaign", "campaign", 5),
        NameGroup(4, "person", "ana ruiz", "Ana Ruiz", 1, titles=(("campaign manager", 1),)),
    ]
    r = resolve_groups(gs)
    assert [(x.group, x.relation, x.target_group) for x in r.links if x.relation == "affiliated-with"] == [(1, "affiliated-with", 2)]


def test_an_organisation_with_a_persons_name_points_to_the_person():
    gs = groups(("person", "Donald Trump", 50, {"Trump": 40}), ("person", "Trump", 9), ("organisation", "Trump", 3))
    r = resolve_groups(gs)
    assert cluster_of(r, gs, "Donald Trump") == {"Donald Trump", "Trump"}
    assert len(r.clusters) == 2
    assert [(x.group, x.relation, x.target_group) for x in r.links] == [(3, "same-name-as", 2)]


def test_acronyms_join_their_full_name():
    gs = groups(("organisation", "Federal Bureau of Investigation", 4), ("organisation", "FBI", 9), ("organisation", "CIA", 2))
    r = resolve_groups(gs)
    assert cluster_of(r, gs, "FBI") == {"FBI", "Federal Bureau of Investigation"}
    assert cluster_of(r, gs, "CIA") == {"CIA"}


def test_a_split_decision_binds_every_later_resolution():
    gs = groups(("person", "Hillary Clinton", 90), ("person", "Bill Clinton", 10), ("person", "Clinton", 30))
    r = resolve_groups(gs, [Decision("split", 3, 1, "the Clinton pieces are about Bill")])
    # not into Hillary (forbidden), and not into Bill either: Hillary dominates the evidence
    assert cluster_of(r, gs, "Clinton") == {"Clinton"}


def test_a_manual_merge_wins_over_the_rules():
    gs = groups(("person", "Hillary Clinton", 60), ("person", "Bill Clinton", 40), ("person", "Clinton", 30))
    r = resolve_groups(gs, [Decision("merge", 3, 2, "checked by hand: Bill")])
    assert cluster_of(r, gs, "Clinton") == {"Clinton", "Bill Clinton"}
    (merge,) = r.merges
    assert merge.manual and merge.evidence == "checked by hand: Bill"


NAMES = ["Vladimir Putin", "Putin", "Vladimir V. Putin", "President Putin", "Hillary Clinton", "Bill Clinton", "Clinton",
         "Federal Bureau of Investigation", "FBI", "Ana Ruiz", "Ruiz", "Mayor Ana Ruiz", "Kremlin", "Moscow"]


@settings(max_examples=40, deadline=None)
@given(st.permutations(range(len(NAMES))), st.lists(st.integers(1, 50), min_size=len(NAMES), max_size=len(NAMES)))
def test_resolution_does_not_depend_on_the_order_names_arrived_in(order, counts):
    kinds = {"Federal Bureau of Investigation": "organisation", "FBI": "organisation", "Kremlin": "organisation", "Moscow": "organisation"}
    specs = [(kinds.get(n, "person"), n, c) for n, c in zip(NAMES, counts)]
    first = groups(*specs)
    shuffled_specs = [specs[i] for i in order]
    second = groups(*shuffled_specs)
    norms = lambda r, gs: sorted(sorted(gs[m - 1].norm for m in c.members) for c in r.clusters)  # noqa: E731
    a, b = resolve_groups(first), resolve_groups(second)
    assert norms(a, first) == norms(b, second)
    assert sorted(c.key for c in a.clusters) == sorted(c.key for c in b.clusters)


# ---------------------------------------------------------------- end to end, hand-written articles

ARTICLES = [
    ("a1", "2025-03-10", "Russian President Vladimir Putin said on Monday that talks with Kyiv would continue next month.\n\n"
                         "\"We are ready to meet at any level,\" Putin told reporters in Moscow.\n"),
    ("a2", "2025-03-12", "Putin said the ceasefire proposal still needed more work before it could be signed.\n\n"
                         "The Kremlin said separately that no date had been set for a meeting.\n"),
    ("a3", "2025-03-15", "\"The offer stands,\" said Vladimir V. Putin, speaking at a televised meeting with his security council.\n\n"
                         "Moscow said the new sanctions were unlawful and would be challenged.\n"),
    ("a4", "2025-03-20", "President Vladimir Putin said the economy had grown faster than expected.\n\n"
                         "Kremlin spokesperson Dmitry Peskov told journalists that the president would travel to Beijing in May.\n"),
]


@pytest.fixture
def putin_store(nlp, tmp_path):
    from onrecord.pipeline import analyze_raws
    from onrecord.store import Store
    from onrecord.types import RawArticle

    raws = [RawArticle(id, text, published=dt.date.fromisoformat(day), outlet="Wire") for id, day, text in ARTICLES]
    random.Random(7).shuffle(raws)  # arrival order must not matter
    with Store.open(tmp_path / "putin.db") as store:
        store.add_articles(list(analyze_raws(raws, nlp)))
        yield store


def test_one_putin_across_articles_with_aliases_and_dated_titles(putin_store):
    assert putin_store.find_speakers("Putin") == ["vladimir-putin"]
    putin = putin_store.speaker("vladimir-putin")
    assert putin.articles == 4 and putin.quotes >= 5
    assert {"Putin", "Vladimir V. Putin"} <= set(putin.aliases) | set(putin.names)
    president = next(r for r in putin.roles if r.title == "President")
    assert (president.first_seen, president.last_seen) == (dt.date(2025, 3, 10), dt.date(2025, 3, 20))
    assert {m.rule for m in putin.merges} >= {"initials"}
    assert all(m.evidence for m in putin.merges)
    assert (putin.first_seen, putin.last_seen) == (dt.date(2025, 3, 10), dt.date(2025, 3, 20))


def test_kremlin_and_moscow_stay_distinct_and_point_to_russia(putin_store):
    kremlin, moscow = putin_store.find_speakers("the Kremlin"), putin_store.find_speakers("Moscow")
    assert kremlin and moscow and kremlin != moscow
    assert "vladimir-putin" not in kremlin + moscow
    for key in kremlin + moscow:
        assert [(x.relation, x.target) for x in putin_store.speaker(key).links] == [("metonym-of", "Russia")]
    peskov = putin_store.speaker(putin_store.find_speakers("Dmitry Peskov")[0])
    assert [(x.relation, x.target_id) for x in peskov.links] == [("affiliated-with", kremlin[0])]


def test_split_then_merge_undoes_a_merge(putin_store):
    alone = putin_store.split_name("vladimir-putin", "Vladimir V. Putin", reason="a namesake")
    assert alone == "vladimir-v-putin"
    assert putin_store.find_speakers("Vladimir V. Putin") == ["vladimir-v-putin"]
    putin_store.resolve_entities()  # a later resolution keeps the split
    assert putin_store.find_speakers("Vladimir V. Putin") == ["vladimir-v-putin"]
    assert putin_store.merge_entities("vladimir-putin", "vladimir-v-putin", reason="same man after all") == "vladimir-putin"
    assert putin_store.find_speakers("Vladimir V. Putin") == ["vladimir-putin"]
    manual = [m for m in putin_store.speaker("vladimir-putin").merges if m.manual]
    assert [(m.name, m.evidence) for m in manual] == [("Vladimir V. Putin", "same man after all")]


def test_a_surname_alone_never_joins_across_articles_on_a_shared_surname_only():
    """Issue 16: "Wayne King" held Gayle King's questions (another outlet, another year); the PAHO
    director "Carissa F. Etienne" held the words of an "Etienne" whose own article names "Camille Etienne Gbedey"."""
    day = dt.date(2022, 4, 21).toordinal()
    gs = [
        NameGroup(1, "person", "wayne king", "Wayne King", 3, (("king", 3),), (), ("Valley Sentinel",), (day - 700,)),
        NameGroup(2, "person", "king @aaaa1111", "King", 1, (), (), ("CBS",), (day,)),
        NameGroup(3, "person", "carissa f etienne", "Carissa F. Etienne", 1, (("etienne", 1),), (), ("Belize News",), (day,)),
        NameGroup(4, "person", "etienne @bbbb2222", "Etienne", 1, (), (), ("Haitian Times",), (day + 5,), ("camille",)),
        NameGroup(5, "person", "king @cccc3333", "King", 1, (), (), ("Valley Sentinel",), (day - 690,)),
    ]
    r = resolve_groups(gs)
    assert cluster_of(r, gs, "Wayne King") == {"Wayne King", "King"}
    assert r.cluster_of(2).members == (2,) and r.cluster_of(4).members == (4,)
    (merge,) = [m for m in r.merges if m.group == 5]
    assert merge.rule == "alias" and merge.evidence.endswith("both in Valley Sentinel")
