"""``bench/ceiling.py`` (make bench): the two-core probe really runs forked processes and adds rounds up."""
from __future__ import annotations

import multiprocessing

import pytest

from onrecord.types import RawArticle


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="the probe forks; this platform cannot")
def test_ceiling_times_one_process_and_two_at_once():
    from bench.ceiling import ceiling, combined

    raws = [RawArticle(id="c1", text="“The bridge will reopen in May,” Mayor Ana Ruiz said on Monday.")]
    first = ceiling(raws, rounds=1)
    second = ceiling(raws, rounds=1, start=1)
    for probe in (first, second):
        assert probe["one_alone_s"] > 0 and probe["two_at_once_s"] > 0 and len(probe["rounds"]) == 1
        assert probe["ratio"] == pytest.approx(2 * probe["one_alone_s"] / probe["two_at_once_s"], rel=0.01)
    both = combined([first, {"skipped": "x"}, second])
    assert both["rounds"] == first["rounds"] + second["rounds"]
    assert both["one_alone_s"] == pytest.approx(first["one_alone_s"] + second["one_alone_s"], abs=0.02)
    assert combined([{"skipped": "x"}]) == {"skipped": "no probe ran"}


def test_a_failing_process_is_reported_not_counted(monkeypatch):
    import bench.ceiling as probe_module

    def boom(nlp, raws):
        raise SystemExit(3)

    monkeypatch.setattr(probe_module, "_analyse", boom)
    with pytest.raises(RuntimeError, match="exited with 3"):
        probe_module._run(None, [], 1)
