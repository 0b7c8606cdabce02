"""Combine rule and model attributions into one list per article."""
from __future__ import annotations

from spacy.tokens import Doc

from ..nlp import doc_text
from ..types import Attribution
from .content_bounds import bound_contents
from .cue_subjects import give_sources_their_cue_subject
from .floating import detach_quoted_paragraphs, find_floating_quotes
from .hyphens import join_hyphenated_sources
from .inanimate import settle_inanimate_sources
from .kinds import assign_kinds
from .model_merge import merge_with_rules
from .nested import drop_echoed_cues
from .noun_cues import drop_non_cue_nouns
from .nonstatements import drop_non_statements
from .pull_quotes import find_pull_quotes
from .quotes import doc_quotes
from .rules import extract_rule_attributions
from .swallowed import give_back_swallowed_speakers


def extract_attributions(doc: Doc, model=None, predicted=None) -> list[Attribution]:
    """All attributions of a parsed ``Doc``, each with its kind, speakers not yet resolved
    (``predicted``: the model's ``predict_tokens`` of ``doc``, when a batch computed it)."""
    found = extract_rule_attributions(doc)
    if model is not None:  # strong rules and the learned model combined (policy in model_merge)
        found = give_sources_their_cue_subject(doc, merge_with_rules(model.predict(doc, predicted), found, model.rule_confidence, model.merge_policy, doc))
    found = bound_contents(doc, drop_echoed_cues(doc, drop_non_cue_nouns(doc, drop_non_statements(doc, join_hyphenated_sources(
        doc, give_back_swallowed_speakers(doc, detach_quoted_paragraphs(doc_text(doc), found)))))))
    found = settle_inanimate_sources(doc, assign_kinds(doc, found))
    found += find_floating_quotes(doc_text(doc), doc_quotes(doc), found, doc)
    found += find_pull_quotes(doc, found)
    return sorted(found, key=lambda a: (a.content[0].start if a.content else a.cue[0].start))
