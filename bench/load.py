"""A mixed load on loopback: reads (``/api/quotes``, ``/api/speakers``, article pages) while writes
(``POST /api/articles``) go on, against a real ``onrecord serve`` subprocess over a 1,000-article store.

The store is built once from generated articles (templates written for this bench: officials quoted on
made-up topics; no corpus text) with the store's own ingest, kept in ``var/bench/load-base.db``, and copied
for each run so that the run's writes never accumulate. Four read clients and one write client share a bound
in requests and seconds; the report gives p50 / p99 per endpoint and every error.
Run alone: ``.venv/bin/python -m bench.run --only bench.load``.
"""
from __future__ import annotations

import random
import shutil
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from .serve import BENCH_DIR, GOAL_P99_MS, percentile, run_clients, running_server

ARTICLES = 1000
FIRST = ["Ana", "Tom", "Lena", "Samuel", "Irina", "Pavel", "Maya", "Omar", "Grace", "Hugo", "Priya", "Jonas", "Elif", "Marco", "Sofia", "Kwame"]
LAST = ["Ruiz", "Berg", "Okafor", "Achebe", "Solberg", "Dremov", "Lindqvist", "Haddad", "Mensah", "Novak", "Rao", "Keller", "Aydin", "Conti", "Varga", "Boateng"]
ROLES = ["Mayor", "Minister", "Senator", "Councillor", "Judge", "Governor", "Commissioner"]
TOPICS = ["the harbour bridge", "the transit budget", "the water plant", "the school levy", "the grain corridor", "the ferry service", "the housing plan", "the clinic"]
VERBS = ["said", "told reporters", "warned", "insisted", "added", "denied"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(i: int, rng: random.Random) -> dict:
    """One generated article: a headline, three quoting paragraphs, a date in 2024."""
    people = [(rng.choice(ROLES), rng.choice(FIRST), rng.choice(LAST)) for _ in range(3)]
    topic = rng.choice(TOPICS)
    role, first, last = people[0]
    paragraphs = [
        f"“{topic.capitalize()} will reopen by {rng.choice(DAYS)},” {role} {first} {last} {rng.choice(VERBS[:4])} on {rng.choice(DAYS)}.",
        f"{people[1][0]} {people[1][1]} {people[1][2]} said the plan for {topic} would cost {rng.randint(2, 90)} million dollars, "
        f"and that talks would resume next week.",
        f"“We have not seen the report,” {people[2][1]} {people[2][2]} {rng.choice(VERBS)}. {last} declined to comment further.",
        f"Item {i}: the vote on {topic} is expected in {rng.choice(['March', 'June', 'October'])}.",
    ]
    return {
        "id": f"load-{i:04d}",
        "title": f"{role} {last} on {topic}",
        "text": "\n\n".join(paragraphs),
        "published": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    }


def base_store(console: Console) -> Path:
    """The 1,000-article store, built once with the store's ingest (``var/bench/load-base.db``)."""
    db = BENCH_DIR / "load-base.db"
    done = BENCH_DIR / "load-base.done"
    from .serve import analysis_stamp

    stamp = f"{analysis_stamp()}, {ARTICLES} articles"
    if done.exists() and done.read_text().splitlines()[:1] == [stamp] and db.exists():
        return db
    import datetime as dt

    from onrecord.engine.corpus import ingest
    from onrecord.engine.local import LocalEngine
    from onrecord.store import Store
    from onrecord.types import RawArticle

    db.unlink(missing_ok=True)
    rng = random.Random(7)
    raws = []
    for i in range(ARTICLES):
        a = article(i, rng)
        raws.append(RawArticle(id=a["id"], text=a["text"], title=a["title"], published=dt.date.fromisoformat(a["published"]), origin=a["id"]))
    console.print(f"building {db} ({ARTICLES} generated articles, once; kept for later runs) …")
    with Store.open(f"sqlite:///{db}") as store, LocalEngine() as engine:
        report = ingest(raws, store, engine)
    done.write_text(f"{stamp}\n{report.stored} articles stored in {report.seconds:.0f} s\n")
    return db


def mixed_load(url: str, reads: list[tuple[str, dict, str]], writes: list[dict], readers: int, max_seconds: float) -> dict:
    """``readers`` clients walk ``reads`` while one client posts ``writes``; stop when both lists or the time are done."""
    run = run_clients(
        url, [("GET", path, {"params": params}, kind) for path, params, kind in reads], readers, max_seconds,
        writes=[("POST", "/api/articles", {"json": body}, "POST articles") for body in writes],
    )
    return {
        "seconds": round(run["seconds"], 1),
        "errors": len(run["errors"]),
        "first_errors": run["errors"][:5],
        "readers": readers,
        "endpoints": {
            kind: {"n": len(v), "p50_ms": round(percentile(v, 50), 1), "p99_ms": round(percentile(v, 99), 1), "max_ms": round(max(v), 1)}
            for kind, v in sorted(run["times"].items())
        },
    }


def read_mix(url: str, n: int, rng: random.Random) -> list[tuple[str, dict, str]]:
    """Quotes (by speaker, date, words, paging), speakers (ranking, search) and article pages, interleaved."""
    import httpx

    speakers = [s["name"] for s in httpx.get(f"{url}/api/speakers", params={"limit": 30}, timeout=60).json()["items"]]
    ids = [a["id"] for a in httpx.get(f"{url}/api/articles", params={"limit": 200}, timeout=60).json()["items"]]
    mix = [
        lambda: ("/api/quotes", {"speaker": rng.choice(speakers)}, "quotes"),
        lambda: ("/api/quotes", {"since": "2024-03-01", "until": "2024-09-30", "offset": rng.randrange(0, 500, 50)}, "quotes"),
        lambda: ("/api/quotes", {"q": rng.choice(["bridge", "budget", "ferry", "report"])}, "quotes"),
        lambda: ("/api/speakers", {"offset": rng.randrange(0, 100, 20)}, "speakers"),
        lambda: ("/api/speakers", {"q": rng.choice(LAST)}, "speakers"),
        lambda: (f"/articles/{rng.choice(ids)}", {}, "article page"),
    ]
    return [mix[i % len(mix)]() for i in range(n)]


def in_process(db: Path, reads: list[tuple[str, dict, str]], n: int = 200) -> dict:
    """``n`` sequential ``/api/quotes`` calls through FastAPI's TestClient (no network, no concurrency): the
    service time of one request in ms, wall clock and CPU (the process's CPU time, less sensitive to other jobs)."""
    import warnings

    from onrecord.serve import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's note about httpx vs httpx2 in its test client
        from fastapi.testclient import TestClient

    import datetime as dt

    from onrecord.store.filters import QuoteFilter

    quotes = [params for path, params, kind in reads if kind == "quotes"][:n]
    wall: list[float] = []
    cpu: list[float] = []
    store_cpu: list[float] = []
    with TestClient(create_app(f"sqlite:///{db}")) as client:
        for params in quotes[:20]:  # warm up, not counted
            client.get("/api/quotes", params=params)
        for params in quotes:
            w0, c0 = time.perf_counter(), time.process_time()
            assert client.get("/api/quotes", params=params).status_code == 200
            wall.append((time.perf_counter() - w0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        store = client.app.state.store  # the app's onrecord.store.Store, as the route calls it
        for params in quotes:  # the store's part alone: the query and the dicts of the answer
            fields = {k: dt.date.fromisoformat(v) if k in ("since", "until") else v for k, v in params.items() if k != "offset"}
            c0 = time.process_time()
            store.quotes(QuoteFilter(**fields), offset=params.get("offset", 0)).to_dict()
            store_cpu.append((time.process_time() - c0) * 1000)
    series = (("wall", wall), ("cpu", cpu), ("store_cpu", store_cpu))
    return {"n": len(wall), **{f"{what}_p{q}_ms": round(percentile(v, q), 1) for what, v in series for q in (50, 99)}}


def run(shared: Path, console: Console, reads_n: int = 1500, writes_n: int = 40, max_seconds: float = 150.0) -> dict:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    base = base_store(console)
    db = BENCH_DIR / "load.db"
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    shutil.copyfile(base, db)
    rng = random.Random(11)
    writes = [article(ARTICLES + i, rng) for i in range(writes_n)]
    with running_server(f"sqlite:///{db}") as url:
        reads = read_mix(url, reads_n, rng)
        mixed_load(url, reads[:30], [], readers=4, max_seconds=30)  # warm caches and the pipeline, not counted
        # the baseline in the same run: the same reads with no writes, then with one client writing
        alone = mixed_load(url, reads, [], readers=4, max_seconds=max_seconds)
        result = mixed_load(url, reads, writes, readers=4, max_seconds=max_seconds)
    result["reads_alone"] = alone
    result["in_process"] = one = in_process(db, reads)
    table = Table(title=f"{ARTICLES}-article store, 4 read clients alone, then with 1 writing (w), ms")
    for column in ("endpoint", "n", "p50", "p99", "n ", "p50 w", "p99 w", "max w"):
        table.add_column(column, justify="left" if column == "endpoint" else "right")
    for kind, r in result["endpoints"].items():
        a = alone["endpoints"].get(kind, {})
        table.add_row(kind, str(a.get("n", "")), str(a.get("p50_ms", "")), str(a.get("p99_ms", "")),
                      str(r["n"]), str(r["p50_ms"]), str(r["p99_ms"]), str(r["max_ms"]))
    console.print(table)
    errors = alone["errors"] + result["errors"]
    console.print(f"{errors} errors ({alone['seconds']} s alone, {result['seconds']} s writing)"
                  + (f": {alone['first_errors'] + result['first_errors']}" if errors else ""))
    console.print(f"/api/quotes in-process, {one['n']} sequential calls (TestClient): wall p50 {one['wall_p50_ms']} / p99 {one['wall_p99_ms']} ms,"
                  f" CPU p50 {one['cpu_p50_ms']} / p99 {one['cpu_p99_ms']} ms, of which the store's p50 {one['store_cpu_p50_ms']} / p99 {one['store_cpu_p99_ms']} ms")
    quotes = result["endpoints"].get("quotes")
    if quotes:
        result["quotes_goal_met"] = quotes["p99_ms"] < GOAL_P99_MS
        console.print(f"/api/quotes p99 {quotes['p99_ms']} ms while writing (alone {alone['endpoints']['quotes']['p99_ms']} ms)"
                      f" — goal < {GOAL_P99_MS:.0f} ms: {'[green]met' if result['quotes_goal_met'] else '[red]not met'}")
    return result
