"""The shared checks: binary sniffing, UTF-8 offsets, control characters, the language guess, dates, sizes."""
from __future__ import annotations

import datetime as dt

import pytest

from onrecord.errors import BadDate, BinaryInput, EmptyInput, NotEnglish, NotUtf8, TooLarge
from onrecord.ingest.validate import binary_kind, check_english, check_size, check_text, decode_utf8, human_size, parse_published

GERMAN = "Der Bürgermeister der Stadt sagte am Montag, die Brücke über den Fluss werde nach langen Reparaturarbeiten am Freitag wieder für den Verkehr geöffnet."
SPANISH = "El alcalde de la ciudad dijo el lunes que el puente sobre el río volverá a abrirse al tráfico el viernes, después de largas obras de reparación."


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"%PDF-1.7\n%\xe2\xe3", "PDF document"),
        (b"PK\x03\x04\x14\x00", "ZIP archive (or DOCX/XLSX/EPUB)"),
        (b"\x1f\x8b\x08\x00", "gzip data"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WebP image"),
        (b"plain words then \x00", "binary data (NUL byte at offset 17)"),
    ],
)
def test_binary_kind_names_the_format(head, kind):
    assert binary_kind(head) == kind


def test_binary_kind_leaves_text_alone():
    assert binary_kind("The Mayor of Orlen, Zoë Brandt, said “no”.".encode()) is None
    assert binary_kind(b"PK is how the minister signs his notes.") is None


def test_decode_utf8_reports_the_offset_past_a_byte_order_mark():
    with pytest.raises(NotUtf8, match=r"invalid UTF-8 at byte 8 \(bytes ff 21\)"):
        decode_utf8(b"\xef\xbb\xbfHello\xff!")
    assert decode_utf8(b"\xef\xbb\xbfHello") == "Hello"
    with pytest.raises(BinaryInput):
        decode_utf8(b"\x7fELF\x02\x01\x01")


def test_check_text_rejects_empty_whitespace_and_control_characters():
    with pytest.raises(EmptyInput, match="is empty"):
        check_text("", max_bytes=100)
    with pytest.raises(EmptyInput, match="only whitespace"):
        check_text(" \n\u3000\t", max_bytes=100)
    with pytest.raises(BinaryInput, match="control characters"):
        check_text("The council\x01\x02\x03\x04 met\x05\x06", max_bytes=100)
    with pytest.raises(BinaryInput, match="NUL character at offset 3"):
        check_text("abc\x00def", max_bytes=100)
    assert check_text("Tab\tand form feed\x0c are fine.", max_bytes=100)


def test_check_text_measures_size_in_utf8_bytes():
    check_text("é" * 50, max_bytes=100)  # 100 bytes: at the limit
    with pytest.raises(TooLarge, match=r"101 bytes \(101 bytes\), over the 100 bytes limit"):
        check_text("é" * 50 + "e", max_bytes=100)


@pytest.mark.parametrize(("text", "language"), [(GERMAN, "German"), (SPANISH, "Spanish")])
def test_check_english_names_the_language_it_found(text, language):
    with pytest.raises(NotEnglish, match=rf"looks {language} \(\w\w, confidence [01]\.\d\d\)"):
        check_english(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ana said yes.",
        "Le maire a dit non.",  # too short to judge: let through rather than risk rejecting English
        "Volodymyr Zelensky, Dmitry Peskov and Recep Tayyip Erdogan met in Istanbul on Tuesday, officials said.",
        "“Nous continuerons,” the French minister said in Paris, before adding that the talks with Berlin had been useful.",
    ],
)
def test_check_english_lets_english_and_short_texts_through(text):
    check_english(text)


def test_no_polnear_article_is_taken_for_another_language(shared_dir):
    texts = sorted((shared_dir / "data" / "polnear").glob("*/text/*.txt"))
    assert len(texts) > 800
    rejected = []
    for path in texts:
        try:
            check_text(path.read_text("utf-8"), max_bytes=5_000_000)
        except NotEnglish as error:
            rejected.append(f"{path.name}: {error.message}")
    assert rejected == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-02-29", dt.date(2024, 2, 29)),
        (" 2024-02-29 ", dt.date(2024, 2, 29)),
        ("2024-02-29T23:59:59+14:00", dt.date(2024, 2, 29)),
        (dt.date(2020, 1, 2), dt.date(2020, 1, 2)),
        (dt.datetime(2020, 1, 2, 23, 0), dt.date(2020, 1, 2)),
        (None, None),
        ("  ", None),
    ],
)
def test_parse_published_accepts_dates_and_timestamps(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["2023-02-29", "Feb 3 2024", "2024/02/03", 1706918400, True, {"y": 2024}])
def test_parse_published_rejects_anything_else_with_the_value(value):
    with pytest.raises(BadDate, match="expected YYYY-MM-DD or an ISO 8601 timestamp") as caught:
        parse_published(value)
    assert repr(value)[:20] in caught.value.message


def test_sizes_are_said_in_units_people_read():
    assert [human_size(n) for n in (999, 1500, 5_000_000)] == ["999 bytes", "1.5 kB", "5.0 MB"]
    with pytest.raises(TooLarge, match=r"file is 5.0 MB \(5,000,001 bytes\), over the 5.0 MB limit"):
        check_size(5_000_001, 5_000_000, "file")


def test_clearly_english_text_never_loads_the_language_identifier():
    from onrecord.ingest import validate

    validate._language_identifier.cache_clear()
    check_english(
        "The council said on Tuesday that the bridge would stay closed until March. Officials told residents that "
        "the work on the foundations had been larger than they expected, and that letters about the detours were "
        "being sent this week to every household in the centre of the town."
    )
    assert validate._language_identifier.cache_info().currsize == 0  # English by its function words alone
    with pytest.raises(NotEnglish):
        check_english("Le conseil municipal a annoncé mardi que le pont resterait fermé jusqu'en mars pour des travaux.")
    assert validate._language_identifier.cache_info().currsize == 1


@pytest.mark.parametrize("text", [GERMAN, SPANISH])
def test_other_languages_are_never_clearly_english(text):
    from onrecord.ingest.validate import clearly_english

    assert not clearly_english(text)
