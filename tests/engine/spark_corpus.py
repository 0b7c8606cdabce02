"""A corpus of short news articles generated from hand-written templates, for the engine tests.

Every sentence pattern below was written for onrecord's tests (no corpus text). The people,
places and organisations are invented. The mix covers direct quotes in several quotation
styles, split quotes, indirect speech, "according to", pronoun speakers and organisations as
speakers, so the engines have real attributions and entities to agree on.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

PEOPLE = [
    ("Marta", "Kowalczyk", "she", "Mayor"),
    ("Daniel", "Osei", "he", "Health Minister"),
    ("Priya", "Raman", "she", "Senator"),
    ("Tomas", "Lindqvist", "he", "Transport Secretary"),
    ("Grace", "Mwangi", "she", "council leader"),
    ("Henrik", "Aas", "he", "Finance Minister"),
    ("Lucia", "Ferreira", "she", "Governor"),
    ("Samuel", "Adeyemi", "he", "union leader"),
    ("Ines", "Barros", "she", "Education Minister"),
    ("Oliver", "Hartmann", "he", "police chief"),
]
ORGS = [
    "the city council",
    "the Ministry of Health",
    "Northbridge Water",
    "the regional transport authority",
    "the teachers' union",
    "the Harbour Trust",
]
TOPICS = [
    ("the bridge repairs", "finish the bridge repairs", "traffic on the old bridge"),
    ("water prices", "freeze water prices", "household water bills"),
    ("hospital waiting times", "cut hospital waiting times", "the waiting lists"),
    ("the school budget", "protect the school budget", "class sizes"),
    ("the night bus routes", "restore the night bus routes", "late-night travel"),
    ("the flood defences", "complete the flood defences", "the river wall"),
    ("the housing plan", "approve the housing plan", "rents in the centre"),
    ("the port expansion", "pause the port expansion", "jobs at the docks"),
]
PLACES = ["Eastwick", "Harlow Bay", "Millford", "Port Sorrel", "Kingsmere", "Ashgrove"]
MONTHS = ["March", "April", "June", "September", "October", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
QUOTES = [("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»")]


def make_article(rng: random.Random, n: int) -> dict:
    """One article as a JSON record (``id``, ``title``, ``text``, ``published``, ``outlet``)."""
    first, last, pron, title = rng.choice(PEOPLE)
    other = rng.choice([p for p in PEOPLE if p[1] != last])
    org = rng.choice(ORGS)
    topic, goal, effect = rng.choice(TOPICS)
    place = rng.choice(PLACES)
    month, day = rng.choice(MONTHS), rng.choice(DAYS)
    op, cl = rng.choice(QUOTES)
    amount = rng.randrange(3, 95)
    cap_pron = pron.capitalize()
    paragraphs = [
        f"{title.title() if title[0].isupper() else title.capitalize()} {first} {last} said on {day} that "
        f"the town would {goal} by {month}.",
        f"{op}We have waited long enough, and people in {place} deserve better,{cl} {last} told reporters. "
        f"{op}This is about {effect}.{cl}",
        f"{cap_pron} warned that costs could rise by {amount} percent if the work slipped again.",
        f"{org[0].upper()}{org[1:]} denied that it had delayed {topic}, saying the figures were out of date.",
        f"{op}Nobody wants another winter like the last one,{cl} said {other[0]} {other[1]}, the {other[3]}. "
        f"{other[2].capitalize()} added that {place} needed a clear timetable.",
        f"According to {org}, about {amount * 10} residents had written in to complain about {effect}.",
    ]
    if n % 3 == 0:
        paragraphs.append(f"{last} insisted that the plan was fair and said {pron} would publish the contracts.")
    if n % 4 == 1:
        paragraphs.append(f"{op}We will not be rushed,{cl} a spokesperson for {org} said.")
    return {
        "id": f"tmpl-{n:04d}",
        "title": f"{place}: row over {topic}",
        "text": "\n\n".join(paragraphs) + "\n",
        "published": f"2025-{rng.randrange(1, 12):02d}-{rng.randrange(1, 28):02d}",
        "outlet": rng.choice(["The Eastwick Courier", "Harlow Bay Post", "Millford Gazette"]),
    }


def make_records(count: int = 240, seed: int = 6) -> list[dict]:
    """``count`` distinct articles, the same ones for the same seed.

    Example:
        >>> len({r["text"] for r in make_records(50)})
        50
    """
    rng = random.Random(seed)
    return [make_article(rng, n) for n in range(count)]


def write_text_files(folder: Path, records: list[dict], per_folder: int = 60) -> Path:
    """The records as ``.txt`` files, in sub-folders of ``per_folder`` files (ids are file stems)."""
    for i, r in enumerate(records):
        sub = folder / f"batch-{i // per_folder:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{r['id']}.txt").write_text(r["text"], "utf-8")
    return folder


def write_jsonl_shards(folder: Path, records: list[dict], shards: int = 6) -> Path:
    """The records as ``shards`` JSONL files of roughly equal size."""
    folder.mkdir(parents=True, exist_ok=True)
    for s in range(shards):
        lines = [json.dumps(r, ensure_ascii=False) for r in records[s::shards]]
        (folder / f"part-{s:02d}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return folder


def write_warc(path: Path, records: list[dict]) -> Path:
    """The records as HTML pages in one gzipped WARC file (response records, as a crawler writes them)."""
    import html
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for r in records:
            paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in r["text"].split("\n\n") if p.strip())
            page = (
                "<!doctype html><html><head>"
                f"<title>{html.escape(r['title'])}</title>"
                f'<meta property="article:published_time" content="{r["published"]}">'
                "</head><body><nav><a href='/'>Home</a> <a href='/local'>Local</a></nav>"
                f"<article><h1>{html.escape(r['title'])}</h1>\n{paragraphs}</article>"
                "<footer>Copyright the Courier</footer></body></html>"
            )
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            url = f"https://news.example.org/{r['id']}.html"
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(page.encode("utf-8")), http_headers=headers))
    return path


def write_mixed_corpus(folder: Path, records: list[dict]) -> Path:
    """Shards of every kind an engine reads: JSONL (3 files), a gzipped WARC of HTML pages, text files.

    Of ``records`` (at least 200): the first 120 as JSONL, the next 40 as WARC pages, the rest as text
    files in two folders. One text file repeats a JSONL record's id with another text (the readers
    renumber it ``-2``); one JSONL line is broken and one file is binary (both reported, not stored).
    """
    write_jsonl_shards(folder / "jsonl", records[:120], shards=3)
    with open(folder / "jsonl" / "part-01.jsonl", "a", encoding="utf-8") as f:
        f.write('{"id": "broken", "text": "an unterminated line\n')
    write_warc(folder / "warc" / "pages.warc.gz", records[120:160])
    rest = records[160:]
    half = len(rest) // 2
    write_text_files(folder / "text" / "a", rest[:half], per_folder=len(rest))
    write_text_files(folder / "text" / "b", rest[half:], per_folder=len(rest))
    clash = records[5]["id"]
    (folder / "text" / "b" / f"{clash}.txt").write_text(records[0]["text"] + "\nThe ferry timetable was not discussed.\n", "utf-8")
    (folder / "text" / "b" / "scan.txt").write_bytes(bytes(range(256)) * 8)
    return folder
