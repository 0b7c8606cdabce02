"""Training data for the learned attribution model: PolNeAR brat files and cached parses.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) stores one ``.ann`` file per article and
annotator. Like the shared scorer, we read the alphabetically first annotator's file and keep
the ``E`` lines that carry an ``Attribution`` role; ``Content2`` etc. extend the role.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROLES = ("source", "cue", "content")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution: character ranges per role (possibly several, possibly none)."""

    source: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def read_brat(path: Path) -> list[GoldAttribution]:
    """Attributions of one brat standoff file, with the shared scorer's reading rules.

    Example:
        >>> read_brat(Path("article_ab12.ann"))  # doctest: +SKIP
        [GoldAttribution(source=((0, 9),), cue=((10, 14),), content=((15, 40),))]
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, _, ranges = parts[1].partition(" ")
            try:
                spans[parts[0]] = [tuple(int(x) for x in r.split()) for r in ranges.split(";")]
            except ValueError:
                continue
        elif line.startswith("E") and len(parts) >= 2:
            events.append(parts[1].split())
    out = []
    for roles in events:
        found: dict[str, list[tuple[int, int]]] = {role: [] for role in ROLES}
        is_attribution = False
        for item in roles:
            name, _, ref = item.partition(":")
            key = name.rstrip("0123456789").lower()
            if key.startswith("attribution"):
                is_attribution = True
            elif key in found and ref in spans:
                found[key].extend(spans[ref])
        if is_attribution:
            out.append(GoldAttribution(*(tuple(sorted(found[r])) for r in ROLES)))
    return out


def read_polnear(folder: Path, limit: int | None = None) -> list[GoldArticle]:
    """Articles of a PolNeAR-style folder (``text/*.txt`` + ``attributions/*_<annotator>.ann``).

    Example:
        >>> arts = read_polnear(Path("../shared/data/polnear/dev"))  # doctest: +SKIP
        >>> len(arts)  # doctest: +SKIP
        84
    """
    folder = Path(folder)
    out = []
    for text_file in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(text_file.stem + "_*.ann"))
        if not anns:
            continue
        out.append(GoldArticle(text_file.stem, text_file.read_text(encoding="utf-8"), tuple(read_brat(anns[0]))))
        if limit is not None and len(out) >= limit:
            break
    return out


def parse_cached(nlp, texts: list[str], cache: Path | None, progress=None) -> list:
    """Parsed ``Doc`` objects for ``texts``, stored as a DocBin at ``cache`` and reused when it matches.

    ``nlp`` must be the onrecord base pipeline (spaCy model + paragraph component), without the
    onrecord component, so training sees the parses that prediction sees. A DocBin drops
    ``doc.tensor`` (the parser's token vectors, read by the word-class features), so the
    tensors are cached beside it (``<cache>.tensors.npz``) and restored.
    """
    from spacy.tokens import DocBin

    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts and restore_tensors(docs, cache):
            return docs
    docs = []
    for doc in nlp.pipe(texts, batch_size=16):
        docs.append(doc)
        if progress is not None:
            progress()
    if cache is not None:
        bin_ = DocBin(store_user_data=False)
        for doc in docs:
            bin_.add(doc)
        cache.parent.mkdir(parents=True, exist_ok=True)
        bin_.to_disk(cache)
        save_tensors(docs, cache)
    return docs


def _tensor_path(cache: Path) -> Path:
    return cache.with_name(cache.name + ".tensors.npz")


def save_tensors(docs: list, cache: Path) -> None:
    """Store the token vectors (``doc.tensor``) of ``docs`` beside their DocBin ``cache``."""
    np.savez(_tensor_path(cache), *[doc.tensor for doc in docs])


def restore_tensors(docs: list, cache: Path) -> bool:
    """Put the token vectors stored beside ``cache`` back on ``docs``; ``False`` when missing or stale."""
    path = _tensor_path(cache)
    if not path.exists():
        return False
    with np.load(path, allow_pickle=False) as stored:
        tensors = [stored[f"arr_{k}"] for k in range(len(stored.files))]
    if len(tensors) != len(docs) or any(t.shape[0] != len(d) for t, d in zip(tensors, docs)):
        return False
    for doc, tensor in zip(docs, tensors):
        doc.tensor = tensor
    return True



def iter_pairs(articles: list[GoldArticle], docs: list) -> Iterator[tuple[GoldArticle, object]]:
    for art, doc in zip(articles, docs, strict=True):
        assert doc.text == art.text, f"parse of {art.id} does not match its text"
        yield art, doc
