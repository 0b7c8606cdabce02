"""Decoding the attribution model's CRFs with numpy, bit for bit as crfsuite does it (issue 15).

The ``.crfsuite`` model files stay the source of truth: :func:`read_crfsuite` reads their weights
(crfsuite's binary format: a header, a table of features ``(type, from, to, weight)`` and two string
databases for labels and attributes). :class:`LinearChainCRF` then labels many sequences in one
batch. python-crfsuite's ``Tagger`` would turn every feature string of every token into a C++ string
for each call; here a string becomes a row number by one dictionary lookup, rows are summed into
emission scores, and Viterbi, forward-backward and path scores run over the whole batch at once.

Every floating-point operation follows crfsuite's own order (``crf1d_context.c``: state scores
summed feature by feature from zero, ``exp`` of scores, scaled forward and backward passes,
sequential sums), and ``exp``/``log`` are the C library's (``math``), so marginals and probabilities
are the very numbers ``Tagger.marginal`` and ``Tagger.probability`` give (tested on hand-written
sentences in ``tests/attribution/test_crf.py``). Attributes the model does not know are ignored, as
crfsuite ignores them.
"""
from __future__ import annotations

import itertools
import math
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import ModelError

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])


def _strings(data: bytes, offset: int) -> list[str]:
    """The strings of a crfsuite CQDB chunk at ``offset``, by id (its backward array)."""
    chunk, _size, _flag, _order, count, backward = struct.unpack_from("<4sIIIII", data, offset)
    if chunk != b"CQDB":
        raise ModelError(f"crfsuite model: no string database at byte {offset}")
    out = [""] * count
    for record in struct.unpack_from(f"<{count}I", data, offset + backward):
        if not record:
            continue
        ident, length = struct.unpack_from("<II", data, offset + record)
        start = offset + record + 8
        out[ident] = data[start : start + length - 1].decode("utf-8")  # without the closing NUL
    return out


@dataclass(frozen=True)
class CrfWeights:
    """A crfsuite model's contents: labels, attributes and weights."""

    labels: list[str]
    attributes: list[str]
    #: (attributes + 1) × labels state weights; the last row is zeros (what unknown attributes add)
    state: np.ndarray
    #: labels × labels transition weights, from (row) → to (column)
    transition: np.ndarray


def read_crfsuite(path: Path) -> CrfWeights:
    """Read a model written by crfsuite (``pycrfsuite.Trainer.train``).

    Example:
        >>> from onrecord.attribution.model import default_model_dir
        >>> weights = read_crfsuite(default_model_dir() / "cue.crfsuite")
        >>> sorted(weights.labels)
        ['B-CUE', 'I-CUE', 'O']
    """
    data = Path(path).read_bytes()
    magic, _size, kind, _version, _n, n_labels, n_attrs, off_features, off_labels, off_attrs, _lr, _ar = _HEADER.unpack_from(data, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ModelError(f"{path} is not a crfsuite CRF1d model")
    chunk, _chunk_size, count = struct.unpack_from("<4sII", data, off_features)
    if chunk != b"FEAT":
        raise ModelError(f"{path}: no feature table")
    features = np.frombuffer(data, dtype=_FEATURE, count=count, offset=off_features + 12)
    labels, attributes = _strings(data, off_labels), _strings(data, off_attrs)
    if len(labels) != n_labels or len(attributes) != n_attrs:
        raise ModelError(f"{path}: string tables do not match the header")
    state = np.zeros((n_attrs + 1, n_labels))
    transition = np.zeros((n_labels, n_labels))
    is_state = features["type"] == 0
    state[features["src"][is_state], features["dst"][is_state]] = features["weight"][is_state]
    is_trans = features["type"] == 1
    transition[features["src"][is_trans], features["dst"][is_trans]] = features["weight"][is_trans]
    return CrfWeights(labels, attributes, state, transition)


def _exp(values: np.ndarray) -> np.ndarray:
    # the C library's exp, as crfsuite calls it (numpy's own vectorised exp may differ in the last bit)
    return np.array(list(map(math.exp, values.ravel().tolist())), dtype=np.float64).reshape(values.shape)


@dataclass
class Labelled:
    """One sequence's best labelling with its marginals (crfsuite's ``tag`` and ``marginal``)."""

    labels: list[str]
    #: label index of each position in the best labelling
    path: list[int]
    #: positions × labels marginal probabilities
    marginals: np.ndarray
    #: log of the partition function (crfsuite's ``lognorm``)
    log_norm: float
    #: unnormalised log score of the best labelling (``None`` unless asked for)
    path_score: float | None = None

    def marginal(self, label: str, t: int) -> float:
        return float(self.marginals[t, self.labels.index(label)])

    def probability(self) -> float:
        """Probability of the best labelling (``Tagger.probability(tag(...))``)."""
        return math.exp(self.path_score - self.log_norm)


class LinearChainCRF:
    """A first-order linear-chain CRF decoded in batches (see the module docstring)."""

    def __init__(self, weights: CrfWeights):
        self.labels = weights.labels
        self.attribute_id = {a: k for k, a in enumerate(weights.attributes)}
        self.unknown = len(weights.attributes)  # the zero row
        self.state = weights.state
        self.transition = weights.transition
        self.exp_transition = _exp(weights.transition)

    @classmethod
    def from_file(cls, path: Path) -> "LinearChainCRF":
        return cls(read_crfsuite(path))

    def tag(self, features: list[list[str]]) -> list[str]:
        """The best labelling of one sequence (as ``pycrfsuite.Tagger.tag``)."""
        return [self.labels[k] for k in self.tag_batch([features])[0].path]

    def tag_batch(self, sequences: list[list[list[str]]], scores: bool = False) -> list[Labelled]:
        """Label each sequence of tokens (each a list of attribute strings); empty sequences get empty labellings."""
        return self._grouped(sequences, lambda group: self._tag_group(group, self._state_scores(group), scores))

    def tag_states(self, states: list[np.ndarray], scores: bool = False) -> list[Labelled]:
        """:meth:`tag_batch` of sequences whose state scores are already summed (each tokens × labels, as
        :meth:`state_rows` adds a sequence's attribute rows; :mod:`onrecord.attribution.cue_scores`)."""
        def tag(group: list[np.ndarray]) -> list[Labelled]:
            L = len(self.labels)
            flat = np.concatenate(group) if group else np.zeros((0, L))
            return self._tag_group(group, (flat, self._positions([len(s) for s in group])), scores)

        return self._grouped(states, tag)

    def attribute_rows(self, attributes: list[str]) -> np.ndarray:
        """The weight row of each attribute string (:attr:`unknown`, the zero row, for those the model does not know)."""
        found = map(self.attribute_id.get, attributes, itertools.repeat(self.unknown))
        return np.fromiter(found, dtype=np.int64, count=len(attributes))

    def state_rows(self, rows: np.ndarray) -> np.ndarray:
        """State scores of tokens × attribute row numbers (:data:`unknown` where a token has fewer): each
        token's rows added one after another from zero, as crfsuite adds them (the unknown row adds zero)."""
        scores = np.zeros((rows.shape[0], len(self.labels)))
        for k in range(rows.shape[1]):  # in feature order, as crfsuite adds them
            scores += self.state[rows[:, k]]
        return scores

    def _grouped(self, sequences: list, tag_group) -> list[Labelled]:
        # sequences of like lengths together (each group's longest at most twice its shortest): a batch
        # costs its longest sequence's length times its size, whatever the others' lengths
        order = sorted(range(len(sequences)), key=lambda k: -len(sequences[k]))
        out: list[Labelled | None] = [None] * len(sequences)
        group: list[int] = []
        for k in order + [None]:
            if k is None or (group and len(sequences[k]) * 2 < len(sequences[group[0]])):
                for j, labelled in zip(group, tag_group([sequences[j] for j in group])):
                    out[j] = labelled
                group = []
            if k is not None:
                group.append(k)
        return out

    def _tag_group(self, sequences: list, state_where, scores: bool) -> list[Labelled]:
        L = len(self.labels)
        lengths = np.array([len(s) for s in sequences], dtype=np.int64)
        B = len(sequences)
        T = int(lengths.max()) if B else 0
        if T == 0:  # a group is all empty sequences or none (see _tag)
            return [Labelled(self.labels, [], np.zeros((0, L)), 0.0, 0.0 if scores else None) for _ in sequences]
        state, where = state_where
        emission = np.zeros((B, T, L))
        emission[where] = state
        exp_state = np.ones((B, T, L))  # padding: finite, never read back
        exp_state[where] = _exp(state)
        path = self._viterbi(emission, lengths)
        alpha, scale = self._forward(exp_state, lengths)
        beta = self._backward(exp_state, scale, lengths)
        marginals = alpha * beta / scale[:, :, None]
        out = []
        path_scores = self._path_scores(emission, path, lengths) if scores else None
        for b in range(B):
            n = int(lengths[b])
            log_norm = 0.0
            for s in scale[b, :n].tolist():
                log_norm += math.log(s)
            out.append(
                Labelled(
                    self.labels,
                    path[b, :n].tolist(),
                    marginals[b, :n],
                    -log_norm,
                    float(path_scores[b]) if scores else None,
                )
            )
        return out

    # ------------------------------------------------------------------ crfsuite's steps, batched

    def _state_scores(self, sequences: list) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]:
        """State scores of every token (tokens × labels): its attributes' weight rows added one after
        another from zero; and where each token sits in the padded batch (sequence, position)."""
        tokens = list(itertools.chain.from_iterable(sequences))
        counts = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
        # one dictionary lookup per string, in C (map), unknown ones dropped below
        items = map(self.attribute_id.get, itertools.chain.from_iterable(tokens), itertools.repeat(self.unknown))
        flat = np.fromiter(items, dtype=np.int64, count=int(counts.sum()))
        which = np.repeat(np.arange(len(tokens)), counts)
        known = flat != self.unknown
        flat, which = flat[known], which[known]
        counts = np.bincount(which, minlength=len(tokens))
        starts = np.cumsum(counts) - counts
        width = int(counts.max()) if len(tokens) else 0
        rows = np.full((len(tokens), max(width, 1)), self.unknown, dtype=np.int64)
        rows[which, np.arange(len(flat)) - starts[which]] = flat
        return self.state_rows(rows), self._positions([len(s) for s in sequences])

    @staticmethod
    def _positions(lengths: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """Where each token of sequences of these lengths sits in the padded batch: (sequence, position)."""
        seq = np.repeat(np.arange(len(lengths)), lengths)
        pos = np.arange(sum(lengths)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        return seq, pos

    # Sums run left to right as crfsuite's loops do: ``np.cumsum`` (``add.accumulate``) adds strictly in
    # order, where ``sum`` would add pairwise; its last column is the sequential sum.

    def _viterbi(self, emission: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        B, T, L = emission.shape
        trans = self.transition[None, :, :]
        back = np.zeros((B, T, L), dtype=np.int64)
        scores_at = np.empty((B, T, L))
        cur = scores_at[:, 0] = emission[:, 0, :]
        for t in range(1, T):
            cand = cur[:, :, None] + trans  # B × from × to
            back[:, t] = cand.argmax(axis=1)  # the first of equal maxima, as crfsuite's strict comparison keeps
            cur = scores_at[:, t] = cand.max(axis=1) + emission[:, t, :]
        idx = np.arange(B)
        last = scores_at[idx, lengths - 1]  # B × L
        path = np.zeros((B, T), dtype=np.int64)
        path[idx, lengths - 1] = last.argmax(axis=1)
        for t in range(T - 2, -1, -1):
            follow = back[idx, t + 1, path[:, t + 1]]
            path[:, t] = np.where(t < lengths - 1, follow, path[:, t])
        return path

    def _forward(self, exp_state: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        B, T, L = exp_state.shape
        et = self.exp_transition[None, :, :]
        alpha = np.empty((B, T, L))
        scale = np.empty((B, T))
        cur = exp_state[:, 0, :]
        for t in range(T):
            if t:
                # cur[j] = sum over i of prev[i] * trans[i][j], i in order; then times the state
                cur = np.cumsum(alpha[:, t - 1, :, None] * et, axis=1)[:, -1, :] * exp_state[:, t, :]
            total = np.cumsum(cur, axis=1)[:, -1]
            with np.errstate(divide="ignore"):
                s = np.where(total != 0.0, 1.0 / total, 1.0)
            scale[:, t] = s
            alpha[:, t, :] = cur * s[:, None]
        return alpha, scale

    def _backward(self, exp_state: np.ndarray, scale: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        B, T, L = exp_state.shape
        et = self.exp_transition[None, :, :]
        beta = np.empty((B, T, L))
        ends = (lengths - 1)[:, None]
        beta[:, T - 1, :] = scale[:, T - 1 : T]
        for t in range(T - 2, -1, -1):
            row = beta[:, t + 1, :] * exp_state[:, t + 1, :]
            # cur[i] = sum over j of trans[i][j] * row[j], j in order; then times the scale
            cur = np.cumsum(et * row[:, None, :], axis=2)[:, :, -1] * scale[:, t : t + 1]
            # a sequence ending at t starts its backward pass here
            beta[:, t, :] = np.where(ends == t, scale[:, t : t + 1], cur)
        return beta

    def _path_scores(self, emission: np.ndarray, path: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        B, T, _ = emission.shape
        idx = np.arange(B)
        score = emission[idx, 0, path[:, 0]].copy()
        for t in range(1, T):
            step = score + self.transition[path[:, t - 1], path[:, t]]
            step = step + emission[idx, t, path[:, t]]
            score = np.where(t < lengths, step, score)
        return score
