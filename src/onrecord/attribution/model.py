"""The learned attribution model (see issue 3). Until one ships, rules only."""
from __future__ import annotations


def load_model(path: str | None):
    """Load the attribution model from ``path`` (``"default"``: the shipped one); ``None`` if absent."""
    return None
