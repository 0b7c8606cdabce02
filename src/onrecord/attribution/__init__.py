"""Attribution extraction.

quotes.py finds quotation marks; cues.py holds the cue lexicon and its Matcher; syntax.py the shared
parse helpers; quote_rules.py and cue_rules.py the two rule families; rules.py turns their candidates
into Attributions; model.py is the learned model; assemble.py combines rules and model, drops
non-statements (nonstatements.py), sets each attribution's kind (kinds.py) and adds floating quotes
(floating.py).
"""
