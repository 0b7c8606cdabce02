"""Executors of the per-article function: ``local`` (worker processes) and ``spark`` (a Spark cluster).

:func:`onrecord.engine.corpus.ingest` drives any of them and writes the store.
"""
from __future__ import annotations

from .base import Engine, EngineSettings

__all__ = ["Engine", "EngineSettings"]
