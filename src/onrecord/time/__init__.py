"""Time expressions of one article: spans found by spaCy Matcher patterns, TIMEX3 type, value and mod.

The stage sits between the parse and the claims (``nlp → time → claims``): it reads the ``Doc`` and its
publication date and imports nothing above it. :func:`find_time_expressions` is the entry point; the
modules under it:

* ``patterns`` finds the spans, ``values`` reads their parts, ``resolve`` turns parts into TIMEX3 values
  against the publication date, ``calendar`` does the calendar arithmetic (BC and out-of-range years);
* ``tense`` says whether the governing clause looks back or ahead, ``periods`` handles company reporting
  periods, ``words`` years said in words, ``merges`` combines valued expressions (a clock and its day, the
  two ends of a range, a possessive year);
* ``timeml`` writes a text as TimeML with inline TIMEX3 tags; ``lexicon`` loads ``data/timex.json``.
"""
from __future__ import annotations

from .expressions import find_time_expressions
from .tense import is_future, tense_of
from .timeml import to_timeml

__all__ = ["find_time_expressions", "is_future", "tense_of", "to_timeml"]
