"""Finding one attribution's speaker by its cue (and source) in the speaker tests."""
from __future__ import annotations


def speaker_of(attributions, cue: str, source: str | None = None) -> str | None:
    for a in attributions:
        if " ".join(s.text for s in a.cue) == cue and (source is None or [s.text for s in a.source] == [source]):
            return a.speaker.name if a.speaker else None
    raise AssertionError(f"no attribution with cue {cue!r} and source {source!r}")
