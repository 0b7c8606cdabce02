"""The role check's further classes of conflict (store/roles_rules.py), on hand-written articles of invented people."""
from __future__ import annotations

import datetime as dt

from onrecord.pipeline import analyze_raws
from onrecord.store import Store
from onrecord.store.roles_check import check_article
from onrecord.store.roles_rules import jurisdiction
from onrecord.types import RawArticle


def checks_in(rules_nlp, tmp_path, texts: dict[str, tuple[str, str]], article_id: str, entity: str):
    raws = [RawArticle(i, text, published=dt.date.fromisoformat(day), outlet=i) for i, (day, text) in texts.items()]
    with Store.open(str(tmp_path / "rules.db")) as store:
        store.add_articles(analyze_raws(raws, rules_nlp))
        return [c for c in check_article(store, store.article_record(article_id), stored=True).checks if c.entity == entity]


def test_jurisdiction_reads_states_their_abbreviations_and_chambers():
    assert jurisdiction("N.J.") == jurisdiction("New Jersey") == jurisdiction("NJ") == ("New Jersey", "")
    assert jurisdiction("Ohio House") == ("Ohio", "house") and jurisdiction("House") == (None, "house")
    assert jurisdiction("Republican") is None and jurisdiction(None) is None


def test_a_seat_given_plainly_while_another_holds_it_conflicts(rules_nlp, tmp_path):
    texts = {
        "budget": ("2016-01-05", "Ohio Gov. Ana Ruiz said on Tuesday that the budget would balance."),
        "schools": ("2016-01-08", "Ohio Gov. Ana Ruiz said on Friday that schools would reopen."),
        "storm": ("2016-01-12", "Ohio Gov. Ana Ruiz told reporters that the storm had passed."),
        "rally": ("2016-01-14", "Former Ohio Gov. Tom Berg said on Thursday that he would campaign in Iowa."),
        "slip": ("2016-01-15", "Ohio Gov. Tom Berg said on Friday that he would campaign in Iowa."),
    }
    (slip,) = checks_in(rules_nlp, tmp_path, texts, "slip", "Tom Berg")
    assert slip.status == "conflicts" and slip.office == "governor" and slip.opposing == 3
    assert "3 articles between 2015-11-16 and 2016-03-15 call Ana Ruiz governor (Ohio)" in slip.reason
    assert {e.article_id for e in slip.evidence} == {"budget", "schools", "storm"}


def test_a_seat_is_no_conflict_for_its_holder_another_place_or_another_time(rules_nlp, tmp_path):
    texts = {
        "budget": ("2016-01-05", "Ohio Gov. Ana Ruiz said on Tuesday that the budget would balance."),
        "schools": ("2016-01-08", "Ohio Gov. Ana Ruiz said on Friday that schools would reopen."),
        "storm": ("2016-01-12", "Ohio Gov. Ana Ruiz told reporters that the storm had passed."),
        "slip": ("2016-01-15", "Ohio Gov. Tom Berg said on Friday that he would campaign in Iowa."),
        "neighbour": ("2016-01-16", "Indiana Gov. Sam Cole said on Saturday that he would campaign in Iowa."),
        "history": ("2016-01-17", "In 2004, Ohio Gov. Tom Berg signed the law. Critics said it went too far."),
    }
    for article_id in ("budget", "neighbour", "history"):
        entity = {"budget": "Ana Ruiz", "neighbour": "Sam Cole"}.get(article_id, "Tom Berg")
        checks = checks_in(rules_nlp, tmp_path / article_id, texts, article_id, entity)
        assert checks and all(c.status != "conflicts" for c in checks), article_id


def test_former_of_an_office_the_window_says_is_held_conflicts(rules_nlp, tmp_path):
    texts = {
        "bill": ("2016-03-01", "Sen. Ana Ruiz said on Tuesday that the bill would pass."),
        "vote": ("2016-03-03", "Sen. Ana Ruiz said the vote would be close."),
        "hearing": ("2016-03-07", "Sen. Ana Ruiz told reporters on Monday that the hearing had gone well."),
        "slip": ("2016-03-09", "Former Sen. Ana Ruiz said on Wednesday that the bill was dead."),
    }
    (slip,) = checks_in(rules_nlp, tmp_path, texts, "slip", "Ana Ruiz")
    assert slip.status == "conflicts" and slip.qualifier == "former" and slip.opposing == 3
    assert "3 of 3 articles" in slip.reason and "call Ana Ruiz senator and none former senator" in slip.reason


def test_late_is_no_former_office_the_dead_keep_their_titles(rules_nlp, tmp_path):
    texts = {
        "death": ("2016-02-14", "Justice Ana Ruiz died on Saturday. Tom Berg said the court would miss her."),
        "seat": ("2016-02-16", "The seat of Justice Ana Ruiz is empty. Tom Berg said it would be filled."),
        "vote": ("2016-02-18", "Without Justice Ana Ruiz, the vote will tie. Tom Berg said so on Thursday."),
        "funeral": ("2016-02-20", "Tom Berg attended the funeral for the late Justice Ana Ruiz. He said it was moving."),
    }
    checks = checks_in(rules_nlp, tmp_path, texts, "funeral", "Ana Ruiz")
    assert [c.qualifier for c in checks] == ["former"] and checks[0].status != "conflicts"


def test_former_is_no_conflict_when_the_plain_titles_speak_of_another_time(rules_nlp, tmp_path):
    texts = {
        "war": ("2016-03-01", "In 2002, Sen. Ana Ruiz voted for the war. She said on Tuesday that it was a mistake."),
        "record": ("2016-03-03", "During her term, Sen. Ana Ruiz wrote the law. She said so on Thursday."),
        "slip": ("2016-03-09", "Former Sen. Ana Ruiz said on Wednesday that the bill was dead."),
    }
    checks = checks_in(rules_nlp, tmp_path, texts, "slip", "Ana Ruiz")
    assert checks and all(c.status != "conflicts" for c in checks)


def test_an_office_given_for_another_state_than_the_windows_conflicts(rules_nlp, tmp_path):
    texts = {
        "bill": ("2016-03-01", "Florida Sen. Ana Ruiz said on Tuesday that the bill would pass."),
        "vote": ("2016-03-03", "Florida Sen. Ana Ruiz said the vote would be close."),
        "hearing": ("2016-03-07", "Florida Sen. Ana Ruiz told reporters on Monday that the hearing had gone well."),
        "slip": ("2016-03-09", "Texas Sen. Ana Ruiz said on Wednesday that the bill was dead."),
    }
    (slip,) = checks_in(rules_nlp, tmp_path, texts, "slip", "Ana Ruiz")
    assert slip.status == "conflicts" and slip.org == "Texas" and slip.opposing == 3
    assert "3 of 3 articles" in slip.reason and "say Florida and none Texas" in slip.reason
    (plain,) = checks_in(rules_nlp, tmp_path / "ok", texts, "vote", "Ana Ruiz")
    assert plain.status == "agrees"


def test_a_presumptive_nominee_before_the_window_says_so_conflicts(rules_nlp, tmp_path):
    texts = {
        "iowa": ("2015-11-20", "Democratic presidential candidate Ana Ruiz said on Friday that wages were too low."),
        "debate": ("2015-11-25", "Democratic presidential candidate Ana Ruiz said the debate was fair."),
        "poll": ("2015-12-01", "Democratic presidential candidate Ana Ruiz told voters that the polls would change."),
        "slip": ("2015-12-04", "Presumptive Democratic nominee Ana Ruiz said on Friday that taxes would rise."),
        "forecast": ("2015-12-05", "Likely Democratic nominee Ana Ruiz said on Saturday that taxes would rise."),
    }
    (slip,) = checks_in(rules_nlp, tmp_path, texts, "slip", "Ana Ruiz")
    assert slip.status == "conflicts" and slip.opposing == 3
    assert "3 of 3 articles between 2015-10-05 and 2016-02-02" in slip.reason and "none a nominee or presumptive nominee" in slip.reason
    checks = checks_in(rules_nlp, tmp_path / "forecast", texts, "forecast", "Ana Ruiz")
    assert checks and all(c.status != "conflicts" for c in checks)


def test_a_nominee_while_the_window_says_presumptive_conflicts_until_the_convention(rules_nlp, tmp_path):
    texts = {
        "may": ("2016-05-10", "Presumptive Republican nominee Tom Berg said on Tuesday that trade was unfair."),
        "june": ("2016-06-01", "Presumptive Republican nominee Tom Berg said the wall would be built."),
        "july": ("2016-07-01", "Presumptive Republican nominee Tom Berg told donors on Friday that he would win."),
        "slip": ("2016-07-05", "Republican nominee Tom Berg said on Tuesday that taxes would fall."),
        "delegates": ("2016-07-12", "Presumptive Republican nominee Tom Berg said on Tuesday that the delegates were his."),
        "vote": ("2016-07-22", "Republican nominee Tom Berg said on Friday that the convention had been a success."),
        "tour": ("2016-07-25", "Republican nominee Tom Berg said on Monday that he would visit Ohio."),
        "later": ("2016-07-28", "Republican nominee Tom Berg said on Thursday that the polls were wrong."),
    }
    (slip,) = checks_in(rules_nlp, tmp_path, texts, "slip", "Tom Berg")
    assert slip.status == "conflicts" and slip.opposing == 4
    assert "call Tom Berg presumptive nominee (1 of them after this one) and none before it nominee" in slip.reason
    checks = checks_in(rules_nlp, tmp_path / "vote", texts, "vote", "Tom Berg")  # the convention has voted
    assert checks and all(c.status != "conflicts" for c in checks)
    checks = checks_in(rules_nlp, tmp_path / "later", texts, "later", "Tom Berg")
    assert checks and all(c.status != "conflicts" for c in checks)


def test_no_seat_or_state_is_read_from_a_chamber_alone_or_a_dateline(rules_nlp, tmp_path):
    texts = {
        "bill": ("2016-03-01", "Florida Sen. Ana Ruiz said on Tuesday that the bill would pass."),
        "vote": ("2016-03-03", "Florida Sen. Ana Ruiz said the vote would be close."),
        "hearing": ("2016-03-07", "Florida Sen. Ana Ruiz told reporters on Monday that the hearing had gone well."),
        "dateline": ("2016-03-09", "COLUMBIA, S.C. - Sen. Ana Ruiz said on Wednesday that the bill was dead."),
        "budget": ("2016-03-02", "House Speaker Sam Cole said on Wednesday that the budget would pass."),
        "floor": ("2016-03-04", "House Speaker Sam Cole said the vote would be held on Friday."),
        "recess": ("2016-03-08", "House Speaker Sam Cole told reporters that the recess would be short."),
        "state": ("2016-03-10", "House Speaker Tom Berg said on Thursday that the state budget was late."),
    }
    dateline = checks_in(rules_nlp, tmp_path, texts, "dateline", "Ana Ruiz")
    assert [c.org for c in dateline] == ["S.C."] and dateline[0].status != "conflicts"
    state = checks_in(rules_nlp, tmp_path / "state", texts, "state", "Tom Berg")
    assert [c.office for c in state] == ["speaker"] and state[0].status != "conflicts"


def test_a_presumptive_the_parse_leaves_out_of_the_description_still_counts(rules_nlp, tmp_path):
    texts = {
        "may": ("2016-05-10", "Presumptive Democratic nominee Ana Ruiz said on Tuesday that trade was unfair."),
        "june": ("2016-06-01", "Presumptive Democratic nominee Ana Ruiz said the bill would pass."),
        "july": ("2016-06-20", "Presumptive Democratic nominee Ana Ruiz told donors on Monday that she would win."),
        "platform": ("2016-06-29", "Supporters of Tom Berg and presumptive Democratic presidential nominee Ana Ruiz met on Saturday. "
                                   "Ruiz said the plan was fair."),
        "delegates": ("2016-07-12", "Presumptive Democratic nominee Ana Ruiz said on Tuesday that the delegates were hers."),
    }
    checks = checks_in(rules_nlp, tmp_path, texts, "platform", "Ana Ruiz")
    assert [c.text for c in checks] == ["Democratic presidential nominee"]  # the parse leaves "presumptive" out
    assert checks[0].status != "conflicts"
