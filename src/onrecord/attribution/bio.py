"""Reading BIO tag sequences back as token ranges (the taggers' output; training writes the tags in ``train/labels.py``)."""
from __future__ import annotations


def spans_of(labels: list[str], role: str, offset: int = 0) -> list[tuple[int, int]]:
    """Token ranges ``[start, end)`` of the runs labelled ``role`` in a BIO sequence."""
    out = []
    start = None
    for k, lab in enumerate(labels + ["O"]):
        inside = lab.endswith(role)
        if start is not None and (not inside or lab.startswith("B-")):
            out.append((start + offset, k + offset))
            start = None
        if inside and start is None:
            start = k
    return out
