"""The web UI and REST API (``onrecord serve``): a FastAPI app over the store and the pipeline.

Example:
    >>> from onrecord.serve import create_app
    >>> app = create_app("sqlite:///var/demo.db")
"""
from __future__ import annotations


def create_app(*args, **kwargs):
    """See :func:`onrecord.serve.app.create_app` (imported lazily: FastAPI is not needed to import onrecord)."""
    from .app import create_app as _create_app  # lazy: FastAPI and the app load only when a server is made

    return _create_app(*args, **kwargs)


__all__ = ["create_app"]
