"""One test per kind of bad input: a coded one-line reason naming the file, and the rest of the batch still read.

Every case puts the bad input first and a good article after it, in one call of ``iter_articles``.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path

import pytest

from onrecord.ingest import iter_articles
from .conftest import INPUTS, articles, skipped

GOOD_RECORD = json.loads((INPUTS / "granite-wire.jsonl").read_text("utf-8").splitlines()[0])
FRENCH = (
    "Le conseil municipal de la ville a voté jeudi soir la prolongation de la ligne de tramway jusqu'à l'aéroport. "
    "Le maire a déclaré que les travaux commenceraient au printemps prochain et dureraient environ trois ans."
)


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def _truncated_gzip(path: Path) -> Path:
    # a reference number per record that does not compress away, so the cut falls after a few whole lines
    lines = [json.dumps(dict(GOOD_RECORD, id=f"r{i}", text=GOOD_RECORD["text"] + f" Ref. {hashlib.sha256(bytes([i])).hexdigest() * 4}.")) for i in range(1, 9)]
    whole = gzip.compress(("\n".join(lines) + "\n").encode())
    return _write(path, whole[: len(whole) * 3 // 4])


# (name of the bad file, how to build it, code, words the reason must contain)
CASES = {
    "empty": ("empty.txt", lambda p: _write(p, b""), "E001", ["is empty"]),
    "whitespace": ("blank.txt", lambda p: _write(p, " \n\t\n  \r\n"), "E001", ["only whitespace"]),
    "nul-bytes": ("dump.txt", lambda p: _write(p, b"The council met.\x00\x00\x01\x02 binary tail"), "E002", ["binary", "NUL byte at offset 16"]),
    "magic-number": ("photo.txt", lambda p: _write(p, b"\x89PNG\r\n\x1a\n" + bytes(range(256))), "E002", ["binary", "PNG image"]),
    "invalid-utf8": ("latin1.txt", lambda p: _write(p, "The café in Orlen said it would close.".encode("latin-1")), "E003", ["invalid UTF-8 at byte 7", "e9"]),
    "not-english": ("french.txt", lambda p: _write(p, FRENCH), "E004", ["not English", "French", "(fr"]),
    "bad-html": ("shell.html", lambda p: _write(p, "<html><body><script>boot()</script><div id=app></div></body></html>"), "E005", ["no article text"]),
    "bad-json": ("feed.json", lambda p: _write(p, '{"id": "a",\n "text": "The council met."\n "title": "x"}'), "E006", ["malformed JSON at line 3, column 2", "delimiter"]),
    "json-not-records": ("numbers.json", lambda p: _write(p, "[17]"), "E006", ["expected a JSON object"]),
    "missing-text": ("nofield.jsonl", lambda p: _write(p, json.dumps({"id": "a", "body": "The council met."}) + "\n"), "E006", ["no 'text'", "body"]),
    "unsupported": ("minutes.docx", lambda p: _write(p, b"PK\x03\x04 pretend docx"), "E008", ["unsupported file type '.docx'"]),
    "truncated-gzip": ("feed.jsonl.gz", _truncated_gzip, "E010", ["truncated gzip", "read before it"]),
    "not-gzip": ("feed.jsonl.gz", lambda p: _write(p, json.dumps(GOOD_RECORD) + "\n"), "E010", ["not gzip data"]),
    "bad-date": ("dated.jsonl", lambda p: _write(p, json.dumps(dict(GOOD_RECORD, published="17/09/2022")) + "\n"), "E020", ["'17/09/2022'", "YYYY-MM-DD"]),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_is_reported_and_the_batch_goes_on(case, tmp_path, good_txt):
    name, build, code, needles = CASES[case]
    bad = build(tmp_path / name)
    items = list(iter_articles([bad, good_txt]))
    skips = skipped(items)
    assert len(skips) == 1, skips
    (skip,) = skips
    message = str(skip)
    assert skip.code == code, message
    assert name in skip.origin and message.startswith(str(bad))
    assert "\n" not in message
    for needle in needles:
        assert needle in message
    assert "reservoir-levels" in [a.id for a in articles(items)]


def test_truncated_gzip_keeps_the_records_before_the_cut(tmp_path):
    path = _truncated_gzip(tmp_path / "feed.jsonl.gz")
    items = list(iter_articles([path]))
    ids = [a.id for a in articles(items)]
    assert ids and ids == [f"r{i}" for i in range(1, len(ids) + 1)] and len(ids) < 8
    (skip,) = skipped(items)
    assert f"kept lines 1-{len(ids)}, read before it" in skip.reason and "decompressed" in skip.reason


def test_missing_path_is_reported(tmp_path, good_txt):
    items = list(iter_articles([tmp_path / "not-there.txt", good_txt]))
    assert [str(s) for s in skipped(items)] == [f"{tmp_path / 'not-there.txt'}: [E009] no such file or folder"]
    assert len(articles(items)) == 1


def test_unreadable_file_is_reported(tmp_path, good_txt, monkeypatch):
    from onrecord.ingest import text

    locked = _write(tmp_path / "locked.txt", "The council met on Monday.")

    def refuse(path, *args, **kwargs):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return open(path, *args, **kwargs)

    monkeypatch.setattr(text, "open", refuse, raising=False)  # root reads any file, so chmod cannot show this
    items = list(iter_articles([locked, good_txt]))
    assert [str(s) for s in skipped(items)] == [f"{locked}: [E009] cannot read: Permission denied"]
    assert len(articles(items)) == 1


def test_too_large_inputs_say_the_size_and_the_limit(tmp_path, good_txt):
    big_txt = _write(tmp_path / "big.txt", "The council met. " * 200)  # 3,400 bytes
    big_line = json.dumps(dict(GOOD_RECORD, id="big", text=GOOD_RECORD["text"] * 5))
    feed = _write(tmp_path / "feed.jsonl", "\n".join([json.dumps(GOOD_RECORD), big_line, json.dumps(dict(GOOD_RECORD, id="after"))]) + "\n")
    items = list(iter_articles([big_txt, feed, good_txt], max_bytes=2000))
    big, line = skipped(items)
    assert str(big) == f"{big_txt}: [E007] file is 3.4 kB (3,400 bytes), over the 2.0 kB limit (max_bytes=2,000)"
    assert line.origin == f"{feed}:2" and line.code == "E007" and "over the 2.0 kB limit" in line.reason
    assert [a.id for a in articles(items)] == ["gw-2022-0917-library", "after", "reservoir-levels"]


def test_non_english_record_in_jsonl_names_the_line(tmp_path):
    feed = _write(tmp_path / "feed.jsonl", "\n".join([json.dumps({"id": "fr", "text": FRENCH}), json.dumps(GOOD_RECORD)]) + "\n")
    items = list(iter_articles([feed]))
    (skip,) = skipped(items)
    assert skip.origin == f"{feed}:1" and skip.code == "E004" and "French" in skip.reason
    assert [a.id for a in articles(items)] == [GOOD_RECORD["id"]]


def test_invalid_utf8_in_a_jsonl_line_gives_the_offset(tmp_path):
    line = b'{"id": "c", "text": "Caf\xe9 owners said the rent had doubled."}'
    feed = _write(tmp_path / "feed.jsonl", line + b"\n" + json.dumps(GOOD_RECORD).encode() + b"\n")
    (skip,) = skipped(iter_articles([feed]))
    assert skip.origin == f"{feed}:1" and skip.code == "E003" and f"byte {line.index(0xE9)} of the line" in skip.reason


def test_a_folder_of_only_bad_inputs_gives_one_skipped_each(tmp_path):
    for case, (name, build, _, _) in CASES.items():
        build(tmp_path / f"{case}-{name}")
    items = list(iter_articles([tmp_path]))
    assert all(a.id.startswith("r") for a in articles(items))  # only the lines before the gzip's cut
    assert sorted(Path(re.sub(r"(:|#)\d+$", "", s.origin)).name for s in skipped(items)) == sorted(f"{case}-{name}" for case, (name, *_) in CASES.items())
