"""Every spaCy factory onrecord registers, in one place (also exposed as the
``spacy_factories`` entry point so ``spacy.load`` configs find it)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import nlp as _extensions  # noqa: F401  registers the Doc extensions and the onrecord_paragraphs component


class OnrecordComponent:
    """Finds attributions, resolves their speakers and reads their claims.

    Results: ``doc._.attributions`` (tuple of :class:`~onrecord.types.Attribution`) and
    ``doc._.speakers`` (tuple of :class:`~onrecord.types.Entity`).
    """

    def __init__(self, nlp: Language, name: str, model: str | None, min_confidence: float):
        self.name = name
        self.min_confidence = min_confidence
        self.model_path = model
        self._model = None
        self._model_loaded = False

    @property
    def model(self):
        """The learned attribution model, loaded on first use (never at import time)."""
        if not self._model_loaded:
            from .attribution.model import load_model

            self._model = load_model(self.model_path)
            self._model_loaded = True
        return self._model

    def __call__(self, doc: Doc) -> Doc:
        from .pipeline import annotate_doc

        return annotate_doc(doc, model=self.model, min_confidence=self.min_confidence)


@Language.factory(
    "onrecord",
    default_config={"model": "default", "min_confidence": 0.0},
)
def make_onrecord(nlp: Language, name: str, model: str | None, min_confidence: float) -> OnrecordComponent:
    require_trained_pipeline(nlp)
    return OnrecordComponent(nlp, name, model, min_confidence)


def require_trained_pipeline(nlp: Language) -> None:
    """The component reads tags, parses and entities: on a blank pipeline it is a coded error naming the fix.

    Raises:
        ModelError: [E030] no tagger (or morphologizer), parser or NER before the component.
    """
    factories = set(nlp.pipe_factories.values())
    missing = [what for what, names in (("tagger", {"tagger", "morphologizer"}), ("parser", {"parser"}), ("ner", {"ner"})) if not factories & names]
    if missing:
        from .errors import ModelError
        from .spacy_model import INSTALL_HINT, PINNED_PACKAGE

        raise ModelError(
            f"the onrecord component needs a trained English pipeline before it (this one has no {', '.join(missing)}): "
            f"{INSTALL_HINT}, then nlp = spacy.load({PINNED_PACKAGE!r}) and nlp.add_pipe('onrecord')"
        )
