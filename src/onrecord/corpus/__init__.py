"""Cross-article work, between the per-article stages and the store: how statements of different articles relate.

Pure Python over what the store keeps (no spaCy ``Doc``); the store finds candidates and calls in here.
"""
