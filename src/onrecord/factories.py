"""Every spaCy factory onrecord registers, in one place (also exposed as the
``spacy_factories`` entry point so ``spacy.load`` configs find them).

One component per stage, each reading what the one before left on the ``Doc``:

* ``onrecord_attribution`` — ``doc._.attributions`` (kinds assigned, speakers not yet resolved);
  ``doc._.quotations`` holds the quotation spans every later stage reads;
* ``onrecord_speakers`` — resolves speakers: ``doc._.speakers``, ``doc._.roles``, and the attributions'
  ``speaker``;
* ``onrecord_claims`` — each attribution's ``claim`` and ``said_on``; ``doc._.time_expressions`` and
  ``doc._.verification_notes``;
* ``onrecord`` — the three in order, with ``min_confidence`` applied once at the end (what
  :func:`onrecord.pipeline.load_nlp` adds).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from .attribution.assemble import extract_attributions
from .attribution.floating import credit_floating_quotes
from .attribution.model import load_model
from .claims import attach_claims
from .errors import ModelError
from .resolve.roles import extract_role_mentions
from .resolve.speakers import resolve_speakers
from .spacy_model import INSTALL_HINT, PINNED_PACKAGE
from .types import Attribution


def _confident(attributions, min_confidence: float) -> tuple[Attribution, ...]:
    return tuple(a for a in attributions if a.confidence >= min_confidence)


class AttributionComponent:
    """Finds attributions: ``doc._.attributions`` (tuple of :class:`~onrecord.types.Attribution`,
    speakers unresolved), those below ``min_confidence`` dropped."""

    def __init__(self, name: str, model: str | None, min_confidence: float):
        self.name = name
        self.min_confidence = min_confidence
        self.model_path = model
        self._model = None
        self._model_loaded = False

    @property
    def model(self):
        """The learned attribution model, loaded on first use (never at import time)."""
        if not self._model_loaded:
            self._model = load_model(self.model_path)
            self._model_loaded = True
        return self._model

    def __call__(self, doc: Doc) -> Doc:
        return self._assign(doc, None)

    def _assign(self, doc: Doc, predicted) -> Doc:
        doc._.attributions = _confident(extract_attributions(doc, model=self.model, predicted=predicted), self.min_confidence)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        """As ``__call__`` on each document, in order; the learned model labels a batch's sequences together."""
        for batch in minibatch(docs, batch_size):
            yield from self.annotate_batch(batch)

    def annotate_batch(self, docs: list[Doc]) -> list[Doc]:
        """``__call__`` on each of ``docs`` (same results), with one batched model pass (issue 15: the
        CRF decoder's cost is per step of the longest sequence in a batch, not per document)."""
        model = self.model
        predicted = model.predict_tokens_many(docs) if model is not None else [None] * len(docs)
        return [self._assign(doc, p) for doc, p in zip(docs, predicted)]


class SpeakersComponent:
    """Resolves the speakers of ``doc._.attributions``: ``doc._.speakers`` (tuple of
    :class:`~onrecord.types.Entity`) and ``doc._.roles``; a floating quote gets the speaker of the quote it continues."""

    def __init__(self, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        entities, attributions = resolve_speakers(doc, list(doc._.attributions or ()))
        doc._.attributions = tuple(credit_floating_quotes(attributions))
        doc._.speakers = entities
        doc._.roles = extract_role_mentions(doc, entities, doc._.published)  # adds data, changes no attribution
        return doc


class ClaimsComponent:
    """Reads each attribution's claim (stance, certainty, verification, quantities, times) and ``said_on``;
    drops those below ``min_confidence``."""

    def __init__(self, name: str, min_confidence: float):
        self.name = name
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        doc._.attributions = _confident(attach_claims(doc, list(doc._.attributions or ())), self.min_confidence)
        return doc


class OnrecordComponent:
    """The three stages in one component; every stage sees every attribution, ``min_confidence`` filters the end result.

    Results: ``doc._.attributions`` (tuple of :class:`~onrecord.types.Attribution`) and
    ``doc._.speakers`` (tuple of :class:`~onrecord.types.Entity`).
    """

    def __init__(self, name: str, model: str | None, min_confidence: float):
        self.name = name
        self.min_confidence = min_confidence
        self.stages = (
            AttributionComponent(f"{name}.attribution", model, 0.0),
            SpeakersComponent(f"{name}.speakers"),
            ClaimsComponent(f"{name}.claims", min_confidence),
        )

    @property
    def model(self):
        return self.stages[0].model

    def __call__(self, doc: Doc) -> Doc:
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        """As ``__call__`` on each document, in order (``nlp.pipe`` calls this); attribution runs a batch at a time."""
        first, rest = self.stages[0], self.stages[1:]
        for batch in minibatch(docs, batch_size):
            for doc in first.annotate_batch(batch):
                for stage in rest:
                    doc = stage(doc)
                yield doc


@Language.factory("onrecord", default_config={"model": "default", "min_confidence": 0.0})
def make_onrecord(nlp: Language, name: str, model: str | None, min_confidence: float) -> OnrecordComponent:
    require_trained_pipeline(nlp, name)
    return OnrecordComponent(name, model, min_confidence)


@Language.factory("onrecord_attribution", default_config={"model": "default", "min_confidence": 0.0})
def make_attribution(nlp: Language, name: str, model: str | None, min_confidence: float) -> AttributionComponent:
    require_trained_pipeline(nlp, name)
    return AttributionComponent(name, model, min_confidence)


@Language.factory("onrecord_speakers")
def make_speakers(nlp: Language, name: str) -> SpeakersComponent:
    require_trained_pipeline(nlp, name)
    return SpeakersComponent(name)


@Language.factory("onrecord_claims", default_config={"min_confidence": 0.0})
def make_claims(nlp: Language, name: str, min_confidence: float) -> ClaimsComponent:
    require_trained_pipeline(nlp, name)
    return ClaimsComponent(name, min_confidence)


def require_trained_pipeline(nlp: Language, name: str = "onrecord") -> None:
    """The components read tags, parses and entities: on a blank pipeline it is a coded error naming the fix.

    Raises:
        ModelError: [E030] no tagger (or morphologizer), parser or NER before the component.
    """
    factories = set(nlp.pipe_factories.values())
    missing = [what for what, names in (("tagger", {"tagger", "morphologizer"}), ("parser", {"parser"}), ("ner", {"ner"})) if not factories & names]
    if missing:
        raise ModelError(
            f"the {name} component needs a trained English pipeline before it (this one has no {', '.join(missing)}): "
            f"{INSTALL_HINT}, then nlp = spacy.load({PINNED_PACKAGE!r}) and nlp.add_pipe('onrecord')"
        )
