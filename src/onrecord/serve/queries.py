"""The web app's view of the store: the few reads and writes the pages and the API need, as plain dicts.

Everything goes through the store's own Python API (``onrecord.store``, the only code that speaks SQL);
this module only shapes its results into the API's response models (``serve/models.py``).
"""
from __future__ import annotations

from fastapi import HTTPException


class StoreView:
    """Reads and writes of one store, for the web app."""

    def __init__(self, db_url: str):
        try:
            from .. import store  # noqa: F401
        except ImportError as error:  # the store lands separately (issue 5)
            raise HTTPException(503, detail=f"the store is not available in this installation ({error})") from error
        raise HTTPException(503, detail="the store's read API is not wired into the web app yet")
