"""The import contract (docs/architecture.md): layers, no circles, no hidden imports, small modules.

The contracts live in pyproject.toml's ``[tool.importlinter]``, the format `lint-imports` (import-linter) reads;
this test checks the same contracts over ``src/`` with the standard library's ``ast``, so they hold in CI with or
without import-linter installed. Imports anywhere in a module count, function-local ones included.
"""
from __future__ import annotations

import ast
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]["contracts"]
MAX_LINES = 400

#: function-local imports of onrecord's own modules that stay lazy, and why: (importing module, imported prefix) -> reason
LAZY_IMPORTS = {
    ("onrecord.serve", "onrecord.serve.app"): "FastAPI and the app load only when a server is made",
    ("onrecord.cli.serve", "onrecord.serve"): "the web server (FastAPI, uvicorn) loads only for `onrecord serve`",
    ("onrecord.cli.ingest", "onrecord.engine.spark"): "the Spark engine is an optional extra (onrecord[spark])",
    ("onrecord.cli.ingest", "onrecord.engine.spark_parquet"): "the Spark engine's Parquet tables, same extra",
    ("onrecord.cli.train", "onrecord.train"): "the training code loads only for `onrecord train`",
    # start-up (issue 15): `analyze` and `timex` must not pay for SQLAlchemy and Alembic (tests/cli/test_startup.py)
    ("onrecord.cli._store_options", "onrecord.store"): "the store (SQLAlchemy) loads only in commands that open one",
    ("onrecord.cli.check", "onrecord.store"): "the store (SQLAlchemy) loads only in commands that open one",
    ("onrecord.cli.export", "onrecord.store"): "the store (SQLAlchemy) loads only in commands that open one",
    ("onrecord.cli.ingest", "onrecord.engine.corpus"): "the store (SQLAlchemy) loads only in commands that open one",
    ("onrecord.cli.ingest", "onrecord.store"): "the store (SQLAlchemy) loads only in commands that open one",
    ("onrecord.cli.serve", "onrecord.store"): "the store (SQLAlchemy) loads only in commands that open one",
}


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str
    line: int
    local: bool  # inside a function (or class body), not at module level


def _module_files() -> dict[str, tuple[Path, bool]]:
    found = {}
    for path in sorted((SRC / "onrecord").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


MODULES = _module_files()


def _targets(module: str, is_package: bool, node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.split(".")[0] == "onrecord"]
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    if target.split(".")[0] != "onrecord":
        return []
    # "from . import api" imports the submodule api; "from .store import Store" imports the package store
    return [f"{target}.{a.name}" if f"{target}.{a.name}" in MODULES else target for a in node.names]


def _imports_of(module: str, path: Path, is_package: bool) -> list[Import]:
    tree = ast.parse(path.read_text("utf-8"))
    module_level = set()

    def mark(nodes):  # module-level statements, including those inside top-level if/try blocks
        for node in nodes:
            module_level.add(id(node))
            if isinstance(node, (ast.If, ast.Try)):
                mark(node.body + node.orelse + getattr(node, "finalbody", []) + [s for h in getattr(node, "handlers", []) for s in h.body])

    mark(tree.body)
    return [
        Import(module, target, node.lineno, id(node) not in module_level)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for target in _targets(module, is_package, node)
    ]


IMPORTS = [i for module, (path, is_package) in MODULES.items() for i in _imports_of(module, path, is_package)]


def _within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def _layer_of(module: str, layers: list[str]) -> int | None:
    return next((k for k, layer in enumerate(layers) if _within(module, layer)), None)


def layer_violations(imports: list[Import], layers: list[str]) -> list[str]:
    """Imports from a lower layer of ``layers`` (listed top first) into a higher one."""
    out = []
    for i in imports:
        importer, imported = _layer_of(i.importer, layers), _layer_of(i.imported, layers)
        if importer is not None and imported is not None and imported < importer:
            out.append(f"{i.importer}:{i.line} imports {i.imported} (layer {layers[imported]} is above {layers[importer]})")
    return out


def forbidden_violations(imports: list[Import], sources: list[str], forbidden: list[str]) -> list[str]:
    return [
        f"{i.importer}:{i.line} imports {i.imported}"
        for i in imports
        if any(_within(i.importer, s) for s in sources) and any(_within(i.imported, f) for f in forbidden)
    ]


def import_cycles(imports: list[Import]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for i in imports:
        if i.imported in graph and i.imported != i.importer:
            graph[i.importer].add(i.imported)
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    return cycles


def test_the_contracts_are_the_ones_this_test_checks():
    assert {c["type"] for c in CONTRACTS} <= {"layers", "forbidden"}
    assert [c["id"] for c in CONTRACTS if c["type"] == "layers"] == ["layers"]
    listed = [m for c in CONTRACTS for m in c.get("layers", []) + c.get("source_modules", []) + c.get("forbidden_modules", [])]
    assert all(m in MODULES for m in listed), [m for m in listed if m not in MODULES]


@pytest.mark.parametrize("contract", CONTRACTS, ids=lambda c: c["id"])
def test_import_contract_holds(contract):
    if contract["type"] == "layers":
        broken = layer_violations(IMPORTS, contract["layers"])
    else:
        broken = forbidden_violations(IMPORTS, contract["source_modules"], contract["forbidden_modules"])
    assert broken == [], f"{contract['name']}:\n" + "\n".join(broken)


def test_no_import_circle():
    assert import_cycles(IMPORTS) == []


def test_no_function_local_import_of_onrecord_modules_outside_the_documented_lazy_ones():
    local = [i for i in IMPORTS if i.local]
    unlisted = [
        f"{i.importer}:{i.line} imports {i.imported}"
        for i in local
        if not any(i.importer == importer and _within(i.imported, prefix) for importer, prefix in LAZY_IMPORTS)
    ]
    assert unlisted == [], "import at module top, or add it to LAZY_IMPORTS with a reason:\n" + "\n".join(unlisted)
    stale = [key for key in LAZY_IMPORTS if not any(i.importer == key[0] and _within(i.imported, key[1]) for i in local)]
    assert stale == [], f"LAZY_IMPORTS lists imports that are no longer local: {stale}"


def test_no_source_file_over_the_line_limit():
    long = {str(path.relative_to(ROOT)): n for path, _ in MODULES.values() if (n := len(path.read_text("utf-8").splitlines())) > MAX_LINES}
    assert long == {}, f"split these modules (STYLE.md habit 6): {long}"


def test_the_checks_catch_what_they_guard():
    a, b, c = "onrecord.nlp", "onrecord.attribution.rules", "onrecord.resolve.speakers"
    upward = [Import(a, b, 1, False)]
    assert layer_violations(upward, ["onrecord.attribution", "onrecord.nlp"]) != []
    assert layer_violations(upward, ["onrecord.nlp", "onrecord.attribution"]) == []
    assert forbidden_violations([Import(b, "onrecord.train.data", 1, False)], ["onrecord.attribution"], ["onrecord.train"]) != []
    assert import_cycles([Import(a, b, 1, False), Import(b, c, 1, True), Import(c, a, 1, False)]) == [sorted([a, b, c])]


def test_docs_architecture_shows_the_layers_of_the_contract_and_every_component():
    from spacy.language import Language

    import onrecord.factories  # noqa: F401  registers the components

    text = (ROOT / "docs/architecture.md").read_text("utf-8")
    block = re.search(r"<!-- layers -->\s*```text\n(.*?)```", text, re.S)
    assert block is not None, "docs/architecture.md needs the layer picture after <!-- layers -->"
    shown = [line.split()[0] for line in block.group(1).splitlines() if line[:1].isalpha()]
    (layers,) = [c["layers"] for c in CONTRACTS if c["type"] == "layers"]
    assert shown == [m.removeprefix("onrecord.") for m in layers]
    components = sorted(name for name in Language.factories if name.startswith("onrecord"))
    assert components and [name for name in components if f"`{name}`" not in text] == []


def test_import_linter_keeps_every_contract():
    """The same contracts read by import-linter itself (`lint-imports`, a dev dependency), beside the ast checks above."""
    import shutil
    import subprocess
    import sys

    lint = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    if not Path(lint).exists():
        pytest.skip("import-linter is not installed (make dev installs it)")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([lint, "--no-cache"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert f"{len(CONTRACTS)} kept, 0 broken" in result.stdout
