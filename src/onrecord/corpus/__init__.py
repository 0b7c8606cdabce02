"""Cross-article work, between the per-article stages and the store: how statements of different articles relate
(``relations``, ``overlap``, ``numbers``) and checks of one article against what the corpus says (``roles_check``).

Pure Python over what the store keeps (no spaCy ``Doc``); the store finds candidates and calls in here.
"""
