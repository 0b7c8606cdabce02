"""Cross-article work, between the per-article stages and the store: how statements of different articles relate
(``relations``, ``overlap``, ``numbers``) and the role table a role check reads (``role_table``).

Pure Python over what the store keeps (no spaCy ``Doc``, no store): the store finds candidates and calls in here;
the role check itself reads the store, so it lives there (``store/roles_check.py``).
"""
