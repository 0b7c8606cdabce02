"""Start-up: a command imports only what it uses (``analyze`` opens no store, serves no web app)."""
from __future__ import annotations

import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"], check=True, capture_output=True, text=True)
    return set(out.stdout.split())


def test_the_analyze_command_imports_no_database_web_or_spark_library():
    loaded = _modules_after(
        "from typer.testing import CliRunner\n"
        "from onrecord.cli import app\n"
        "from onrecord.cli._kinds import chosen_kinds\n"
        "assert chosen_kinds(None, False) is None"
    )
    assert "onrecord.cli.analyze" in loaded
    assert not {"sqlalchemy", "fastapi", "starlette", "pyspark", "alembic", "uvicorn", "pyarrow"} & loaded
