"""Training the learned attribution model (``onrecord train``)."""
from __future__ import annotations

from .attribution import TrainSettings, train_attribution_model

__all__ = ["TrainSettings", "train_attribution_model"]
