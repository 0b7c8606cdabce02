"""Word classes over the parser's token vectors, and their place among the CRF features."""
from __future__ import annotations

import numpy as np
import pytest

from onrecord.attribution.clusters import assign_clusters, doc_clusters, load_clusters
from onrecord.train.clusters import fit_clusters, save_clusters
from onrecord.attribution.features import cue_features, doc_facts
from onrecord.attribution.role_features import role_features, role_window


@pytest.fixture(scope="module")
def parse():
    from onrecord.nlp import load_parser

    return load_parser()


def test_fit_clusters_is_deterministic_and_separates_directions():
    rng = np.random.default_rng(3)
    x = np.concatenate([rng.normal((4, 0, 0), 0.3, (40, 3)), rng.normal((0, 4, 0), 0.3, (40, 3)), rng.normal((0, 0, 4), 0.3, (40, 3))])
    first, second = fit_clusters(x, 3, seed=7), fit_clusters(x, 3, seed=7)
    assert np.array_equal(first, second)
    labels = assign_clusters(x, first)
    assert sorted(len(set(labels[k : k + 40].tolist())) for k in (0, 40, 80)) == [1, 1, 1]
    assert len(set(labels.tolist())) == 3


def test_save_and_load_clusters_round_trip(tmp_path):
    centroids = np.eye(4, dtype=np.float32)
    save_clusters(tmp_path / "clusters.npy", centroids)
    assert np.array_equal(load_clusters(tmp_path / "clusters.npy"), centroids)
    assert load_clusters(tmp_path / "missing.npy") is None


def test_doc_clusters_reads_the_parser_tensor(parse):
    doc = parse("The mayor said the bridge would reopen in May.")
    assert doc.tensor.shape == (len(doc), 96)
    centroids = fit_clusters(doc.tensor, 3, seed=1)
    classes = doc_clusters(doc, centroids)
    assert len(classes) == len(doc) and set(classes) <= {"0", "1", "2"}
    assert doc_clusters(doc, None) == ["-"] * len(doc)


def test_word_classes_appear_in_cue_and_role_features_only_with_centroids(parse):
    doc = parse("The mayor said the bridge would reopen in May.")
    centroids = fit_clusters(doc.tensor, 4, seed=1)
    said = [t.text for t in doc].index("said")
    with_classes = doc_facts(doc, {"say": "speech"}, centroids)
    cue = cue_features(with_classes, 0, len(doc))[said]
    assert any(f.startswith("c=") for f in cue) and any(f.startswith("hc=") for f in cue)
    assert any(f.startswith("c-1=") for f in cue) and any(f.startswith("c1=") for f in cue)
    lo, hi = role_window(with_classes, said, said + 1)
    role = role_features(with_classes, said, said + 1, lo, hi)
    assert all(any(f.startswith("r|c=") for f in token) for token in role)
    assert any(f.startswith("c+1=") for f in role[0]) and any(f.startswith("c-1=") for f in role[-1])

    without = doc_facts(doc, {"say": "speech"})
    assert not any(f.startswith(("c=", "hc=", "c|d=")) for f in cue_features(without, 0, len(doc))[said])
