"""The pipeline stage: attach_claims on attributions built by hand, said_on, flags, and the JSON round trip."""
from __future__ import annotations

import dataclasses
import datetime as dt

from onrecord.claims import attach_claims
from onrecord.types import Speaker, EntityKind

TUESDAY = dt.date(2025, 4, 22)


def _claims(parse, attribution, text, parts, published=TUESDAY, speakers=None):
    doc = parse(text, published)
    atts = [attribution(text, cue, content, source) for cue, content, source in parts]
    if speakers:
        atts = [dataclasses.replace(a, speaker=Speaker(s, s, EntityKind.PERSON)) for a, s in zip(atts, speakers)]
    return doc, attach_claims(doc, atts)


def test_attach_said_on_from_the_cue_not_from_the_content(parse, attribution):
    text = "Speaking on Monday, the minister said the talks would resume on Friday."
    doc, (a,) = _claims(parse, attribution, text, [("said", "the talks would resume on Friday", "the minister")])
    assert a.said_on == "2025-04-21"
    assert [t.value for t in a.claim.times] == ["2025-04-25"]
    assert {t.span.text for t in doc._.time_expressions} == {"Monday", "Friday"}


def test_attach_said_on_is_inherited_by_the_same_speaker_nearby_but_not_after_later(parse, attribution):
    text = ("In an interview on Sunday, the general said the army was ready. He added that reserves had been called up. "
            "His deputy later clarified that no reserves had moved.")
    parts = [("said", "the army was ready", "the general"), ("added", "that reserves had been called up", "He"),
             ("clarified", "that no reserves had moved", "His deputy")]
    _, (first, second, third) = _claims(parse, attribution, text, parts, speakers=["general", "general", "deputy"])
    assert (first.said_on, second.said_on, third.said_on) == ("2025-04-20", "2025-04-20", None)
    assert third.claim.stance == "clarifies"


def test_attach_flags_instead_of_guessing(parse, attribution):
    text = "The ministry said on Monday that the convoy had arrived."
    _, (a,) = _claims(parse, attribution, text, [("said", "that the convoy had arrived", "The ministry")], published=None)
    assert a.said_on is None and "no-publication-date" in a.claim.flags
    text = "The ministry said the convoy arrived on 30 April 2025."
    _, (a,) = _claims(parse, attribution, text, [("said", "the convoy arrived on 30 April 2025", "The ministry")])
    assert "date-after-publication" in a.claim.flags


def test_attach_sets_doc_extensions_even_without_attributions(parse):
    doc = parse("Nobody spoke. The footage could not be independently verified.", TUESDAY)
    assert attach_claims(doc, []) == []
    assert len(doc._.verification_notes) == 1 and doc._.time_expressions == ()


def test_attach_claims_round_trip_through_the_serializer_and_schema(parse, attribution):
    from onrecord.pipeline import SCHEMA_VERSION
    from onrecord.serialize import article_from_dict, article_to_dict, validate_article_dict
    from onrecord.types import Article

    text = "Rebels said on Monday they had shot down nearly 12 drones. The claim could not be verified by the BBC."
    doc, attributions = _claims(parse, attribution, text, [("said", "they had shot down nearly 12 drones", "Rebels")])
    article = Article(id="x", text=text, text_sha256="0" * 64, published=TUESDAY, attributions=tuple(attributions),
                      time_expressions=doc._.time_expressions, verification_notes=doc._.verification_notes, schema_version=SCHEMA_VERSION)
    d = article_to_dict(article)
    validate_article_dict(d)
    assert article_from_dict(d) == article
    claim = d["attributions"][0]["claim"]
    assert claim["verification"]["status"] == "unverified" and claim["verification"]["by"] == ["BBC"]
    assert claim["quantities"][0]["value"] == 12 and claim["quantities"][0]["qualifier"] == "nearly"
    assert d["attributions"][0]["said_on"] == "2025-04-21"


def test_attach_said_on_only_from_a_date_that_attaches_to_the_cue(parse, attribution):
    text = "The minister, who resigned on Friday, said taxes would fall."
    _, (a,) = _claims(parse, attribution, text, [("said", "taxes would fall", "The minister, who resigned on Friday")])
    assert a.said_on is None  # the date is the resignation's, inside the source
    text = "As of Monday, the mayor said, the reservoir held 40 percent of its capacity."
    _, (a,) = _claims(parse, attribution, text, [("said", "the reservoir held 40 percent of its capacity", "the mayor")])
    assert a.said_on is None  # "as of": the date of the reservoir's state
    text = "Ella Manning said the utility forecast electricity demand Monday."
    _, (a,) = _claims(parse, attribution, text, [("said", "the utility forecast electricity demand", "Ella Manning")])
    assert a.said_on is None  # dates the demand, a verb of the content
    text = "Ella Manning said Monday the utility forecast higher electricity demand."
    _, (a,) = _claims(parse, attribution, text, [("said", "the utility forecast higher electricity demand", "Ella Manning")])
    assert a.said_on == "2025-04-21"


def test_attach_said_on_source_says_whether_the_text_or_the_publication_dates_the_statement(parse, attribution):
    text = "The mayor said on Monday that the bridge would reopen. The engineer said the cables were sound."
    parts = [("said", "that the bridge would reopen", "The mayor"), ("said", "the cables were sound", "The engineer")]
    _, (dated, undated) = _claims(parse, attribution, text, parts, speakers=["mayor", "engineer"])
    assert (dated.said_on, dated.said_on_source) == ("2025-04-21", "text")
    assert (undated.said_on, undated.said_on_source) == (None, "published")
    _, (_, undated) = _claims(parse, attribution, text, parts, published=None, speakers=["mayor", "engineer"])
    assert undated.said_on_source is None


def test_attach_said_on_from_a_time_between_source_and_cue(parse, attribution):
    # a real page's "Microsoft in 2017 announced …" took the next sentence's Thursday: the year dates it (not to a day)
    text = "Microsoft in 2017 announced that it would build a data centre. On Monday, the company said it aims to double it."
    parts = [("announced", "that it would build a data centre", "Microsoft in 2017"), ("said", "it aims to double it", "the company")]
    _, (first, second) = _claims(parse, attribution, text, parts, speakers=["Microsoft", "Microsoft"])
    assert (first.said_on, second.said_on) == (None, "2025-04-21")
    assert [t.span.text for t in first.claim.times] == []  # "2017" dates the announcing, not what was announced
    _, (a,) = _claims(parse, attribution, "Police on Monday said the road was closed.", [("said", "the road was closed", "Police")])
    assert a.said_on == "2025-04-21"
    _, (b,) = _claims(parse, attribution, "The minister who resigned on Monday said the talks had failed.",
                      [("said", "the talks had failed", "The minister who resigned on Monday")])
    assert b.said_on is None  # the date of the source's own clause
