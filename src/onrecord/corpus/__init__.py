"""Cross-article work over the store: checks of one article against what the corpus says (``roles_check``)."""
