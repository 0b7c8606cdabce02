"""The benches and fuzz targets import onrecord names that exist (they import inside functions, so a moved
name fails only when `make bench` or `make fuzz` runs: `bench/profile_stages.py` did after `load_nlp` moved)."""
from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted([*ROOT.glob("bench/*.py"), *ROOT.glob("fuzz/*.py")])


def _onrecord_imports(path: Path) -> list[tuple[int, str, str]]:
    out = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "onrecord":
            out += [(node.lineno, node.module, alias.name) for alias in node.names]
    return out


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_onrecord_name_a_bench_or_fuzz_target_imports_exists(path):
    missing = []
    for line, module, name in _onrecord_imports(path):
        imported = importlib.import_module(module)
        if not hasattr(imported, name):
            try:
                importlib.import_module(f"{module}.{name}")
            except ModuleNotFoundError:
                missing.append(f"{path.name}:{line} from {module} import {name}")
    assert not missing
