"""The learned attribution model (issue 3): a cue tagger and a per-cue role tagger (two CRFs).

1. The cue tagger labels every sentence with BIO cue tags ("said", "according to",
   "said in a statement", a colon before a quote).
2. For each cue, the role tagger labels the tokens around it as source, content or neither,
   with features relative to that cue (dependency relation to the cue's head, direction,
   distance, sentence offset, shared or adjacent quotation). Each cue gets its own labelling,
   so contents that hold other attributions (nesting) are represented, and the link between
   source, cue and content comes from the parse.
3. A calibrator fitted on PolNeAR dev maps the taggers' marginal probabilities to the
   probability that the attribution is right (see :mod:`onrecord.attribution.calibration`).

Weights live in ``onrecord/data/model/`` (shipped) or any directory written by ``onrecord train``.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc

from ..errors import ModelError
from ..nlp import doc_text
from ..types import Attribution, AttributionType, Span
from .bio import spans_of
from .calibration import Calibrator
from .clusters import load_clusters
from .crf import LinearChainCRF
from .cue_scores import cue_state_scores
from .features import FEATURE_VERSION, doc_facts
from .quotes import doc_quotes
from .role_features import role_window
from .role_scores import role_state_scores
from .rules import attribution_type
from .syntax import nearest_subject

MODEL_FORMAT = 1


def default_model_dir() -> Path:
    """The model directory shipped inside the package."""
    return Path(str(resources.files("onrecord").joinpath("data/model")))


def load_model(path: str | None):
    """Load the attribution model.

    Args:
        path: a model directory, ``"default"`` for the shipped one, ``None`` for rules only.

    Returns:
        an :class:`AttributionModel`, or ``None`` when ``path`` is ``None`` or the default
        model is not installed.

    Example:
        >>> model = load_model("default")
        >>> model is None or model.config["format"] == 1
        True
    """
    if path is None:
        return None
    if path == "default":
        folder = default_model_dir()
        if not (folder / "config.json").exists():
            return None
        return _load_cached(str(folder))
    return _load_cached(str(Path(path).resolve()))


@functools.lru_cache(maxsize=4)
def _load_cached(folder: str) -> "AttributionModel":
    return AttributionModel.from_dir(Path(folder))


@dataclass
class Prediction:
    """One predicted attribution in token ranges, with the raw scores the calibrator reads."""

    cue: tuple[int, int]
    source: list[tuple[int, int]]
    content: list[tuple[int, int]]
    scores: dict[str, float]


class AttributionModel:
    """Predicts attributions on a parsed ``Doc`` (see the module docstring)."""

    def __init__(self, folder: Path, config: dict, cue_tagger, role_tagger, calibrator, centroids=None):
        self.folder = folder
        self.config = config
        self.lexicon = config["lexicon"]
        self.cue_tagger = cue_tagger
        self.role_tagger = role_tagger
        self.calibrator = calibrator
        #: word-class centroids over the parser's token vectors (``None``: a model without them)
        self.centroids = centroids
        #: dev accuracy of rule attributions kept beside the model's, per type (their confidence)
        self.rule_confidence: dict[str, float] = {}
        #: how model and rule attributions are combined (see model_merge)
        self.merge_policy: dict[str, float] = config.get("merge", {})

    @classmethod
    def from_dir(cls, folder: Path) -> "AttributionModel":
        config_file = folder / "config.json"
        if not config_file.exists():
            raise ModelError(f"no attribution model in {folder} (config.json missing)")
        config = json.loads(config_file.read_text("utf-8"))
        if config.get("format") != MODEL_FORMAT:
            raise ModelError(f"attribution model in {folder} has format {config.get('format')}, expected {MODEL_FORMAT}")
        if config.get("feature_version") != FEATURE_VERSION:
            raise ModelError(
                f"attribution model in {folder} was trained on features version {config.get('feature_version')}, "
                f"this onrecord computes version {FEATURE_VERSION}: retrain it with `onrecord train`"
            )
        cue_tagger = LinearChainCRF.from_file(folder / "cue.crfsuite")
        role_tagger = LinearChainCRF.from_file(folder / "role.crfsuite")
        calibration_file = folder / "calibration.json"
        calibration = json.loads(calibration_file.read_text("utf-8")) if calibration_file.exists() else None
        calibrator = Calibrator.from_dict(calibration) if calibration else None
        centroids = load_clusters(folder / config["clusters"]["file"]) if config.get("clusters") else None
        model = cls(folder, config, cue_tagger, role_tagger, calibrator, centroids)
        if calibration:
            model.rule_confidence = calibration.get("rules", {})
        return model

    # ------------------------------------------------------------------ prediction

    def predict_tokens(self, doc: Doc, facts=None, candidates: float | None = None) -> list[Prediction]:
        """Attribution candidates as token ranges with raw (uncalibrated) scores.

        Cue candidates are the cue tagger's best labelling plus, for recall, stretches whose
        marginal cue probability reaches ``candidates`` (default: the model's setting); the
        calibrated confidence decides later which ones are kept.
        """
        return self.predict_tokens_many([doc], None if facts is None else [facts], candidates)[0]

    def predict_tokens_many(self, docs: list[Doc], facts=None, candidates: float | None = None) -> list[list[Prediction]]:
        """:meth:`predict_tokens` of several documents, their sequences labelled in one batch per tagger
        (what one document gives does not depend on the others)."""
        if facts is None:
            facts = [doc_facts(doc, self.lexicon, self.centroids) for doc in docs]
        floor = self.config.get("candidate_floor", 1.0) if candidates is None else candidates
        cue_tagger, role_tagger = self.cue_tagger, self.role_tagger
        other = cue_tagger.labels.index("O")
        # every sentence of every document in one batch, then every candidate cue's window in one batch
        # (the cue features as weight rows straight from the facts: cue_scores, bit for bit what cue_features' strings give)
        scores = cue_state_scores(facts, cue_tagger)
        labelled = iter(cue_tagger.tag_states([s[s_start:s_end] for f, s in zip(facts, scores) for s_start, s_end in f.sents]))
        cues = []  # (document, cue start, cue end, viterbi, cue marginals, window)
        for k, f in enumerate(facts):
            for (s_start, s_end), sentence in zip(f.sents, labelled):
                # (most sentences hold no cue: all "O", nothing to read)
                best = spans_of([cue_tagger.labels[j] for j in sentence.path], "CUE", s_start) if sentence.path.count(other) < len(sentence.path) else []
                p_cue = [1.0 - p for p in sentence.marginals[:, other].tolist()]
                found = [(a, b, 1.0) for a, b in best] + [(a, b, 0.0) for a, b in _extra_cues(p_cue, best, floor, s_start)]
                for c_start, c_end, viterbi in found:
                    cue_p = p_cue[c_start - s_start : c_end - s_start]
                    cues.append((k, c_start, c_end, viterbi, cue_p, role_window(f, c_start, c_end)))
        # (the role features as weight rows: role_scores, bit for bit what role_features' strings give)
        states = role_state_scores(facts, [(k, c_start, c_end, lo, hi) for k, c_start, c_end, _, _, (lo, hi) in cues], role_tagger)
        windows = role_tagger.tag_states(states, scores=True)
        out: list[list[Prediction]] = [[] for _ in docs]
        for (k, c_start, c_end, viterbi, cue_p, (lo, hi)), window in zip(cues, windows):
            role_labels = [role_tagger.labels[j] for j in window.path]
            content = spans_of(role_labels, "CON", lo)
            if not content:
                continue
            source = spans_of(role_labels, "SRC", lo)
            # the marginal of each token's own label in the best labelling
            own = window.marginals[range(len(window.path)), window.path].tolist()
            con_p = [own[i - lo] for a, b in content for i in range(a, b)]
            src_p = [own[i - lo] for a, b in source for i in range(a, b)]
            scores = {
                "cue": min(cue_p),
                "cue_mean": sum(cue_p) / len(cue_p),
                "viterbi": viterbi,
                "content_min": min(con_p),
                "content_mean": sum(con_p) / len(con_p),
                "source_min": min(src_p) if src_p else 1.0,
                "has_source": 1.0 if source else 0.0,
                "content_tokens": float(len(con_p)),
                "content_pieces": float(len(content)),
                "sequence": window.probability(),
            }
            out[k].append(Prediction((c_start, c_end), source[:1], content, scores))
        return out

    def predict_scored(self, doc: Doc, tokens: list[Prediction] | None = None) -> list[tuple[Attribution, dict[str, float]]]:
        """Every candidate attribution with its raw scores, before calibration and acceptance
        (``tokens``: :meth:`predict_tokens` of ``doc`` when already computed)."""
        text = doc_text(doc)
        quotes = None
        out = []
        for p in self.predict_tokens(doc) if tokens is None else tokens:
            content = tuple(_char_span(doc, text, a, b) for a, b in p.content)
            if quotes is None:
                quotes = doc_quotes(doc)
            head = doc[_head(doc, *p.cue)]
            attribution = Attribution(
                source=tuple(_char_span(doc, text, *nearest_subject(head, a, b)) for a, b in p.source),
                cue=(_char_span(doc, text, *p.cue),),
                content=content,
                type=attribution_type(text, list(content), quotes),
                cue_lemma=(head.lemma_ or head.text).lower(),
                confidence=round(p.scores["content_mean"] * p.scores["cue_mean"], 4),
                origin="model",
            )
            out.append((attribution, p.scores))
        return out

    def predict(self, doc: Doc, tokens: list[Prediction] | None = None) -> list[Attribution]:
        """Attributions of a parsed ``Doc`` (``origin="model"``, speakers unresolved).

        Confidence is the calibrated probability that the attribution is right (its content,
        source and cue match an annotator's); candidates below the model's acceptance
        threshold are dropped.

        Example:
            >>> from onrecord.nlp import load_parser
            >>> model = load_model("default")
            >>> doc = load_parser()("The mayor said the bridge would reopen in May.")
            >>> [a.cue_lemma for a in model.predict(doc)] if model else ["say"]
            ['say']
        """
        threshold = self.config.get("accept_threshold", 0.0)
        out = []
        for attribution, scores in self.predict_scored(doc, tokens):
            if self.calibrator is not None:
                confidence = round(self.calibrator.probability(scores, attribution.type.value), 4)
                attribution = replace(attribution, confidence=confidence)
            if attribution.confidence >= threshold:
                out.append(attribution)
        return out


def _extra_cues(p_cue: list[float], best: list[tuple[int, int]], floor: float, offset: int) -> list[tuple[int, int]]:
    """Cue stretches the best labelling left out but whose cue probability reaches ``floor``.

    A stretch grows from a local peak to neighbours with at least half the floor.
    """
    if floor >= 1.0:
        return []
    taken = [False] * len(p_cue)
    for a, b in best:
        for i in range(a - offset, b - offset):
            taken[i] = True
    out = []
    order = sorted(range(len(p_cue)), key=lambda k: -p_cue[k])
    for k in order:
        if p_cue[k] < floor:
            break
        if taken[k]:
            continue
        a = b = k
        while a > 0 and not taken[a - 1] and p_cue[a - 1] >= floor / 2:
            a -= 1
        while b + 1 < len(p_cue) and not taken[b + 1] and p_cue[b + 1] >= floor / 2:
            b += 1
        for i in range(a, b + 1):
            taken[i] = True
        out.append((a + offset, b + 1 + offset))
    return sorted(out)


def _head(doc: Doc, start: int, end: int) -> int:
    for i in range(start, end):
        h = doc[i].head.i
        if h == i or not start <= h < end:
            return i
    return start


def _char_span(doc: Doc, text: str, start: int, end: int) -> Span:
    first, last = doc[start], doc[end - 1]
    return Span.of(text, first.idx, last.idx + len(last.text))


__all__ = ["AttributionModel", "AttributionType", "Prediction", "load_model", "default_model_dir"]
