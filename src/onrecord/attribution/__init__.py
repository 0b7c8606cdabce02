"""Attribution extraction: quote marks (quotes.py), cue lexicon (cues.py), parse rules (rules.py),
the learned model (model.py), and their combination (assemble.py)."""
