"""The article JSON Schema, generated from the API's article models: ``python -m onrecord.serve.schema``.

``serve/models.py`` declares the output record once; this module writes ``data/article.schema.json`` from
``ArticleOut`` so that ``onrecord.serialize`` (which must not import the server) validates outputs against a plain
data file. ``tests/serve/test_models.py`` fails when the checked-in file is not what this module writes.

Example:
    >>> build_article_schema()["$defs"]["attribution"]["properties"]["type"]["enum"]
    ['direct', 'indirect', 'mixed']
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .models import ArticleOut

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "data" / "article.schema.json"

#: the names the schema file gives the models' $defs (stable for those who $ref them)
DEF_NAMES = {
    "AttributionOut": "attribution",
    "ClaimOut": "claim",
    "EntityOut": "entity",
    "MentionOut": "mention",
    "QuantityOut": "quantity",
    "RoleMentionOut": "role",
    "SpeakerRef": "speaker",
    "TimeOut": "time",
    "VerificationOut": "verification",
}
HEADER = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://onrecord.invalid/schema/article.schema.json",
    "title": "onrecord article",
}
#: the API always sends the text; the file also describes text-less exports (article_to_dict(include_text=False))
OPTIONAL_IN_FILE = ("text",)


def _renamed(node: Any) -> Any:
    if isinstance(node, dict):
        out = {key: _renamed(value) for key, value in node.items()}
        ref = out.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            out["$ref"] = "#/$defs/" + DEF_NAMES[ref.removeprefix("#/$defs/")]
        return out
    if isinstance(node, list):
        return [_renamed(value) for value in node]
    return node


def build_article_schema() -> dict[str, Any]:
    """The JSON Schema of one output line, built from :class:`ArticleOut` with the file's $defs names."""
    generated = ArticleOut.model_json_schema(mode="validation")
    unnamed = set(generated.get("$defs", {})) - set(DEF_NAMES)
    if unnamed:  # a new nested model needs a stable name in the file
        raise KeyError(f"give these models a name in DEF_NAMES: {sorted(unnamed)}")
    body = _renamed({key: value for key, value in generated.items() if key not in ("$defs", "title")})
    body["required"] = [name for name in body["required"] if name not in OPTIONAL_IN_FILE]
    defs = {DEF_NAMES[name]: _renamed(part) for name, part in sorted(generated["$defs"].items(), key=lambda kv: DEF_NAMES[kv[0]])}
    return {**HEADER, **body, "$defs": defs}


def render_article_schema() -> str:
    """The schema file's text: indented JSON with a final newline."""
    return json.dumps(build_article_schema(), indent=2, ensure_ascii=False) + "\n"


def write_article_schema(path: Path = SCHEMA_FILE) -> bool:
    """Rewrite the schema file from the models; True when it changed."""
    text = render_article_schema()
    if path.exists() and path.read_text("utf-8") == text:
        return False
    path.write_text(text, "utf-8")
    return True


if __name__ == "__main__":
    changed = write_article_schema()
    print(f"{SCHEMA_FILE}: {'rewritten' if changed else 'unchanged'}", file=sys.stderr)
