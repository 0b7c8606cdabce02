"""The role check on hand-written 2025 articles: five call Donald Trump president, one is written like the seed."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from onrecord.store.roles_check import check_article, check_window
from onrecord.errors import BadWindow, EntityNotFound
from onrecord.ingest import iter_articles
from onrecord.pipeline import analyze_raws
from onrecord.store import Store

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "roles" / "articles.jsonl"


@pytest.fixture(scope="module")
def analysed(rules_nlp):
    return {a.id: a for a in analyze_raws(iter_articles([FIXTURE]), rules_nlp)}


@pytest.fixture(scope="module")
def store(analysed, tmp_path_factory):
    with Store.open(str(tmp_path_factory.mktemp("roles") / "roles.db")) as store:
        store.add_articles(analysed.values())
        yield store


def checks_of(store, article_id, **kwargs):
    return check_article(store, store.article_record(article_id), stored=True, **kwargs).checks


def test_check_flags_the_seed_like_former_president_with_its_evidence(store):
    former = next(c for c in checks_of(store, "peace-overture") if c.text == "Former President")
    assert former.status == "conflicts" and former.entity == "Donald Trump"
    assert (former.opposing, former.considered) == (5, 5)
    assert "5 of 5 articles between 2025-02-21 and 2025-06-21" in former.reason and "call Donald Trump president" in former.reason
    assert {e.article_id for e in former.evidence} == {"tariff-talks", "port-strike", "budget-vote", "summit-plans", "drone-report"}
    port = next(e for e in former.evidence if e.article_id == "port-strike")
    assert port.sentence == "President Donald Trump said the strike had to end quickly." and port.outlet == "Valley Ledger"


def test_check_flags_seeking_the_nomination_of_an_office_held(store):
    seeking = next(c for c in checks_of(store, "peace-overture") if "nomination" in c.text)
    assert seeking.status == "conflicts" and seeking.qualifier == "candidate" and "describes a candidacy" in seeking.reason


def test_check_leaves_consistent_articles_unflagged(store):
    for article_id in ("tariff-talks", "port-strike", "budget-vote", "summit-plans", "drone-report"):
        checks = checks_of(store, article_id)
        assert checks and not [c for c in checks if c.status == "conflicts"], article_id
    trump = next(c for c in checks_of(store, "drone-report") if c.entity == "Donald Trump")
    assert trump.status == "agrees" and trump.supporting == 4


def test_check_says_new_without_evidence_either_way(store):
    peskov = next(c for c in checks_of(store, "peace-overture") if c.entity == "Dmitry Peskov")
    assert peskov.status == "new" and peskov.evidence == ()


def test_check_window_is_configurable(store):
    # ten days before 2025-04-22 hold only the drone report (04-18) and the summit plans (04-15): two say president
    former = next(c for c in checks_of(store, "peace-overture", window_days=10) if c.text == "Former President")
    assert former.status == "conflicts" and former.opposing == 2
    former = next(c for c in checks_of(store, "peace-overture", window_days=3) if c.text == "Former President")
    assert former.status == "new"  # one article is not enough for a majority


def test_check_an_analysed_article_not_in_the_store(store, rules_nlp):
    from onrecord.pipeline import build_article
    from onrecord.types import RawArticle

    raw = RawArticle("fresh", "Former President Donald Trump said the summit would fail.", published=dt.date(2025, 4, 20))
    doc = rules_nlp.make_doc(raw.text)
    doc._.published = raw.published
    article = build_article(raw, rules_nlp(doc))
    (check,) = check_article(store, article).checks
    assert check.status == "conflicts" and check.opposing == 5


def test_check_window_must_be_days():
    assert check_window("60") == 60
    with pytest.raises(BadWindow):
        check_window(-1)
    with pytest.raises(BadWindow):
        check_window("two months")


def test_role_history_per_office_and_qualifier(store):
    history = store.role_history("Donald Trump")
    plain = next(r for r in history.roles if r.office == "president" and r.qualifier is None)
    assert (plain.first_seen, plain.last_seen, plain.articles, plain.outlets) == (dt.date(2025, 3, 10), dt.date(2025, 4, 18), 5, 5)
    former = next(r for r in history.roles if r.qualifier == "former")
    assert (former.articles, former.example) == (1, "Former President")
    with pytest.raises(EntityNotFound):
        store.role_history("Nobody Known")


def test_reingesting_never_duplicates_role_mentions(store, analysed):
    before = store.role_history("Donald Trump")
    store.add_articles(analysed.values())
    assert store.role_history("Donald Trump") == before



def test_a_plain_title_for_a_past_office_is_no_conflict(rules_nlp, tmp_path):
    from onrecord.types import RawArticle

    texts = {
        "rally": ("2016-03-01", "Former President Bill Clinton campaigned in Ohio on Monday and said turnout would be high."),
        "town-hall": ("2016-03-08", "Former President Bill Clinton said on Tuesday that the economy needed help."),
        "fundraiser": ("2016-03-15", "Former President Bill Clinton told donors that the race was close."),
        "history": ("2016-03-20", "Ana Ruiz worked in the administration of President Bill Clinton. She said the budget was balanced then."),
    }
    raws = [RawArticle(i, text, published=dt.date.fromisoformat(day), outlet=i) for i, (day, text) in texts.items()]
    with Store.open(str(tmp_path / "clinton.db")) as store:
        store.add_articles(analyze_raws(raws, rules_nlp))
        plain = next(c for c in checks_of(store, "history") if c.entity == "Bill Clinton")
        assert plain.status == "new" and plain.opposing == 3
        former = next(c for c in checks_of(store, "rally") if c.entity == "Bill Clinton")
        assert former.status == "agrees" and former.supporting == 2



def test_former_is_no_conflict_when_another_holds_the_office(rules_nlp, tmp_path):
    from onrecord.types import RawArticle

    texts = {
        "veto": ("2016-02-01", "President Barack Obama said on Monday that he would veto the bill."),
        "budget": ("2016-02-03", "President Barack Obama said the budget would pass."),
        "trade": ("2016-02-05", "President Barack Obama said trade talks would resume."),
        "legacy": ("2016-02-06", "Under President Ronald Reagan, taxes fell. Ana Ruiz said that was good."),
        "memory": ("2016-02-07", "Ana Ruiz said President Ronald Reagan had cut taxes."),
        "birthday": ("2016-02-08", "Ana Ruiz said former President Ronald Reagan would have been 105 on Saturday."),
    }
    raws = [RawArticle(i, text, published=dt.date.fromisoformat(day), outlet=i) for i, (day, text) in texts.items()]
    with Store.open(str(tmp_path / "reagan.db")) as store:
        store.add_articles(analyze_raws(raws, rules_nlp))
        former = next(c for c in checks_of(store, "birthday") if c.entity == "Ronald Reagan")
        assert former.office == "president" and former.qualifier == "former" and former.status != "conflicts"


def test_a_candidacy_while_holding_a_lesser_office_is_no_conflict(rules_nlp, tmp_path):
    from onrecord.types import RawArticle

    texts = {
        "a": ("2016-01-05", "Sen. Ted Cruz said the tax plan was fair."),
        "b": ("2016-01-06", "Sen. Ted Cruz said the border was not secure."),
        "c": ("2016-01-07", "Donald Trump said fellow candidate Texas Senator Ted Cruz had to come a long way."),
    }
    raws = [RawArticle(i, text, published=dt.date.fromisoformat(day), outlet=i) for i, (day, text) in texts.items()]
    with Store.open(str(tmp_path / "cruz.db")) as store:
        store.add_articles(analyze_raws(raws, rules_nlp))
        checks = [c for c in checks_of(store, "c") if c.entity == "Ted Cruz"]
        assert checks and all(c.status != "conflicts" for c in checks)


def test_a_stale_title_of_an_office_left_is_flagged_unless_the_sentence_is_about_that_time(rules_nlp, tmp_path):
    from onrecord.types import RawArticle

    texts = {
        "debate": ("2015-11-10", "Former Maryland Gov. Ana Ruiz said on Tuesday that the debate was rigged."),
        "iowa": ("2015-11-14", "Former Maryland Gov. Ana Ruiz told voters in Iowa that wages were too low."),
        "poll": ("2015-11-20", "Former Maryland Gov. Ana Ruiz said the polls would change."),
        "slip": ("2015-11-22", "Gov. Ana Ruiz said on Sunday that she would stay in the race."),
        "record": ("2015-11-25", "In 2012, Gov. Ana Ruiz signed the law on gun licences. Critics said it went too far."),
    }
    raws = [RawArticle(i, text, published=dt.date.fromisoformat(day), outlet=i) for i, (day, text) in texts.items()]
    with Store.open(str(tmp_path / "stale.db")) as store:
        store.add_articles(analyze_raws(raws, rules_nlp))
        slip = next(c for c in checks_of(store, "slip") if c.entity == "Ana Ruiz")
        assert slip.status == "conflicts" and slip.office == "governor" and slip.opposing == 3
        assert "3 of 4 articles" in slip.reason and "former governor" in slip.reason  # the 2012 one says "Gov." too
        record = next(c for c in checks_of(store, "record") if c.entity == "Ana Ruiz")
        assert record.status != "conflicts"
        for article_id in ("debate", "iowa", "poll"):
            assert not [c for c in checks_of(store, article_id) if c.status == "conflicts"], article_id


def test_a_candidacy_is_no_conflict_when_another_is_called_the_office_in_more_articles(rules_nlp, tmp_path):
    from onrecord.types import RawArticle

    texts = {
        "veto": ("2016-05-01", "President Barack Obama said on Monday that he would veto the bill."),
        "budget": ("2016-05-03", "President Barack Obama said the budget would pass."),
        "trade": ("2016-05-05", "President Barack Obama said trade talks would resume."),
        "aide": ("2016-05-06", "Ana Ruiz, an aide to President Bill Clinton, said the plan was sound."),
        "lawyer": ("2016-05-07", "Tom Berg represented President Bill Clinton. He said the case was closed."),
        "profile": ("2016-05-08", "Bill Clinton, the Democratic presidential nominee, said the economy was strong."),
    }
    raws = [RawArticle(i, text, published=dt.date.fromisoformat(day), outlet=i) for i, (day, text) in texts.items()]
    with Store.open(str(tmp_path / "nominee.db")) as store:
        store.add_articles(analyze_raws(raws, rules_nlp))
        nominee = next(c for c in checks_of(store, "profile") if c.entity == "Bill Clinton")
        assert nominee.qualifier == "candidate" and nominee.office == "president" and nominee.status != "conflicts"
