"""Loading the spaCy pipeline once per process, and the ``Doc`` extensions onrecord fills."""
from __future__ import annotations

import datetime as dt
import re

import numpy as np
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from .nlp_tables import table_rule_components
from .spacy_model import base_model_name, missing_model_error, require_base_model

#: The pinned English pipeline (a PyPI mirror of en_core_web_sm 3.8.0, see data/model-requirements.txt),
#: or $ONRECORD_SPACY_MODEL; read again by every load, so a changed environment is honoured.
BASE_MODEL = base_model_name()

for _name, _default in (
    ("attributions", None),  # tuple[Attribution, ...]
    ("speakers", None),  # tuple[Entity, ...]
    ("published", None),  # datetime.date | None, set before the pipeline runs
    ("outlet", None),  # str | None, the site the article came from (its name or host), set before the pipeline runs
    ("time_expressions", None),  # tuple[TimeExpression, ...]
    ("verification_notes", None),  # tuple[Span, ...]
    ("roles", None),  # tuple[RoleMention, ...]
    ("quotations", None),  # tuple[attribution.quotes.Quote, ...], found once per doc (attribution.quotes.doc_quotes)
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
if not Doc.has_extension("quotes"):  # the attributions journalists call quotes: speech and writing (each has its kind)
    Doc.set_extension("quotes", getter=lambda doc: tuple(a for a in doc._.attributions or () if a.is_quote))


def load_base() -> Language:
    """The bare spaCy pipeline, without onrecord's component (the speed baseline)."""
    import spacy

    name = require_base_model()  # [E030] naming `onrecord model install`, before spaCy's own E050
    try:
        return spacy.load(name)
    except OSError as error:
        raise missing_model_error(name, str(error)) from error


_LINE_BREAK = re.compile("\n")


@Language.component("onrecord_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and paragraphs never run into each other.

    Runs before the parser, which keeps sentence starts that are already set.
    """
    text = doc_text(doc)
    if "\n" not in text:
        return doc
    # the tokens whose text (with its whitespace) holds a line break: found from the break's offsets, not token by token
    starts = doc.to_array(IDX)
    breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
    for before in sorted(set((np.searchsorted(starts, breaks, side="right") - 1).tolist())):
        if before + 1 < len(doc) and not doc[before + 1].is_space:
            doc[before + 1].is_sent_start = True
    return doc


def load_parser() -> Language:
    """The spaCy pipeline every onrecord stage reads: the base model with paragraph starts before the parser.

    Its attribute ruler and rule lemmatizer answer once per distinct token (:mod:`onrecord.nlp_tables`: the same
    attributes as spaCy's components, a fifth of the parse's time less). :func:`onrecord.pipeline.load_nlp` adds
    onrecord's components to it; ``onrecord timex`` and training use it as it is, so all three see the same parses.
    """
    nlp = table_rule_components(load_base())
    nlp.add_pipe("onrecord_paragraphs", before="parser")
    return nlp


def make_doc(nlp: Language, text: str, published: dt.date | None = None, outlet: str | None = None) -> Doc:
    """A tokenised ``Doc`` carrying its publication date and outlet, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.outlet = outlet
    return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per doc (spaCy rebuilds the string on every access)."""
    text = doc.user_data.get("onrecord.text")
    if text is None:
        text = doc.text
        doc.user_data["onrecord.text"] = text
    return text
