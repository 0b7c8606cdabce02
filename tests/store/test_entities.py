"""Cross-article entities in the store (SQLite and PostgreSQL): resolution written back, merge and split by hand."""
from __future__ import annotations

import datetime as dt

import pytest

from onrecord.errors import EntityNotFound, StoreError


@pytest.fixture
def clintons(store, make_article):
    store.add_articles([
        make_article(f"h{i}", [("Hillary Clinton", "Hillary Clinton", "said", f"the plan number {i} would create jobs")],
                     published=f"2016-09-{i + 1:02d}", speakers={"Hillary Clinton": {"aliases": ["Clinton"], "titles": ["Secretary"]}})
        for i in range(6)
    ] + [
        make_article("b1", [("Bill Clinton", "Bill Clinton", "said", "the foundation had done nothing wrong")], published="2016-09-03"),
        make_article("c1", [("Clinton", "Clinton", "said", "the debate had gone well for her campaign")], published="2016-09-27"),
    ])
    return store


def test_resolution_joins_the_surname_alone_and_records_why(clintons):
    assert clintons.find_speakers("Clinton") == ["hillary-clinton"]
    hillary = clintons.speaker("hillary-clinton")
    assert hillary.quotes == 7 and hillary.articles == 7
    (merge,) = hillary.merges
    assert (merge.name, merge.into, merge.rule) == ("Clinton", "Hillary Clinton", "alias")
    assert clintons.speaker("bill-clinton").quotes == 1
    assert clintons.pending_groups() == 0


def test_split_and_merge_by_hand_persist(clintons):
    assert clintons.split_name("hillary-clinton", "Clinton", reason="ambiguous") == "clinton"
    assert clintons.quotes(speaker="hillary-clinton").total == 6
    clintons.resolve_entities()
    assert clintons.find_speakers("Clinton") == ["clinton"]
    assert clintons.merge_entities("Bill Clinton", "clinton", reason="the debate piece is about Bill") == "bill-clinton"
    assert clintons.quotes(speaker="Bill Clinton").total == 2
    clintons.resolve_entities()
    assert clintons.quotes(speaker="bill-clinton").total == 2
    # the merge undid the split; a new split undoes the merge
    assert clintons.split_name("bill-clinton", "Clinton") == "clinton"
    assert clintons.quotes(speaker="bill-clinton").total == 1


def test_entity_errors_are_clear(clintons):
    with pytest.raises(EntityNotFound):
        clintons.merge_entities("hillary-clinton", "Nobody At All")
    with pytest.raises(StoreError, match="one entity already"):
        clintons.merge_entities("hillary-clinton", "Clinton")
    with pytest.raises(StoreError, match="not one of the names"):
        clintons.split_name("hillary-clinton", "Bill Clinton")
    with pytest.raises(StoreError, match="one name only"):
        clintons.split_name("bill-clinton", "Bill Clinton")


def test_new_articles_are_resolved_against_existing_entities(clintons, make_article):
    clintons.add_articles([make_article("c2", [("Clinton", "Mrs. Clinton", "told", "voters would decide in November")], published="2016-10-02")])
    assert clintons.quotes(speaker="Hillary Clinton", since=dt.date(2016, 10, 1)).total == 1


def test_generic_nominals_never_merge_across_articles(store, make_article):
    """Issue 16: "Officials" in four unrelated articles were one speaker; "the hospital" of Kobe and
    Cork joined a hospital in Gaza."""
    store.add_articles([
        make_article("o1", [("Officials", "Officials", "said", "the bridge in Kobe would reopen")], published="2023-01-05",
                     outlet="Kobe Daily", speakers={"Officials": {"kind": "group"}}),
        make_article("o2", [("Officials", "Officials", "said", "the harbour in Cork was closed")], published="2020-10-20",
                     outlet="Cork Echo", speakers={"Officials": {"kind": "group"}}),
        make_article("h1", [("Youssef Al-Sabri Hospital", "Youssef Al-Sabri Hospital", "said", "the wards were full")],
                     published="2023-11-02", outlet="Gaza Wire",
                     speakers={"Youssef Al-Sabri Hospital": {"kind": "organisation", "aliases": ["hospital"]}}),
        make_article("h2", [("hospital", "The hospital", "said", "two patients in Kobe were stable")], published="2023-01-06",
                     outlet="Kobe Daily", speakers={"hospital": {"kind": "organisation"}}),
    ])
    assert len(store.find_speakers("Officials")) == 2
    gaza = store.speaker(store.find_speakers("Youssef Al-Sabri Hospital")[0])
    assert gaza.articles == 1 and gaza.quotes == 1


def test_a_common_noun_the_lexicon_does_not_know_never_merges_across_articles(store, make_article):
    """Realpages: "the report" of a Guardian piece on academics and of a police blotter were one speaker."""
    store.add_articles([
        make_article("r1", [("report", "The report", "said", "most research staff were on fixed-term contracts")],
                     published="2020-10-01", outlet="Daily Sheet", speakers={"report": {"kind": "unresolved"}}),
        make_article("r2", [("report", "the report", "said", "a car was southbound on the bridge")],
                     published="2020-10-02", outlet="Prairie Post", speakers={"report": {"kind": "unresolved"}}),
    ])
    assert len(store.find_speakers("report")) == 2


def test_a_surname_alone_needs_an_agreeing_outlet_or_time(store, make_article):
    """Issue 16: "Wayne King" held CBS host Gayle King's questions from another outlet and year."""
    store.add_articles([
        make_article(f"w{i}", [("Wayne King", "Wayne King", "said", f"the county budget number {i} was balanced")],
                     published=f"2019-05-0{i + 1}", outlet="Valley Sentinel", speakers={"Wayne King": {"aliases": ["King"]}})
        for i in range(3)
    ] + [
        make_article("g1", [("King", "King", "asked", "whether the couple had felt silenced")], published="2021-03-08", outlet="CBS"),
        make_article("w9", [("King", "King", "said", "the levy would not rise")], published="2019-05-20", outlet="Valley Sentinel"),
    ])
    wayne = store.speaker("wayne-king")
    assert wayne.quotes == 4  # the three articles naming him and the same paper's "King said" two weeks later
    assert [m.evidence for m in wayne.merges if m.name == "King"][0].endswith("both in Valley Sentinel")
    assert "wayne-king" not in store.find_speakers("whether the couple") and wayne.articles == 4
