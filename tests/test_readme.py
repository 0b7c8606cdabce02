"""The README is the first thing a user runs: its commands, options and Python examples must exist.

Every ``onrecord COMMAND`` the README names is a registered command, every ``--option`` in a row of its
command table belongs to that command, and the first Python example runs and prints what it promises.
"""
from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
import typer.main

from onrecord.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def _commands() -> dict[str, click.Command]:
    group = typer.main.get_command(app)
    found = {}
    for name, command in group.commands.items():
        found[name] = command
        if hasattr(command, "commands"):  # a group (Typer vendors click: isinstance on click.Group fails)
            for sub, subcommand in command.commands.items():
                found[f"{name} {sub}"] = subcommand
    return found


def test_every_command_named_in_the_readme_exists():
    commands = _commands()
    named = set(re.findall(r"`onrecord ([a-z]+)", README))
    assert {"analyze", "ingest", "quotes", "serve"} <= named
    assert named - set(commands) == set()


def test_every_registered_command_is_in_the_readme():
    top = {name for name in _commands() if " " not in name}
    named = set(re.findall(r"`onrecord ([a-z]+)", README))
    assert top - named == set(), "commands missing from the README's command table"


def test_options_in_the_command_table_belong_to_their_command():
    commands = _commands()
    rows = [line for line in README.splitlines() if line.startswith("| `onrecord ")]
    assert len(rows) >= 10
    for row in rows:
        usage = row.split("`")[1]
        name = usage.split()[1]
        options = {opt for param in commands[name].params for opt in param.opts}
        if hasattr(commands[name], "commands"):  # `entities show|merge|split`: options of the subcommands
            options |= {opt for sub in commands[name].commands.values() for param in sub.params for opt in param.opts}
        for option in re.findall(r"(--[a-z][a-z-]*)", usage):
            assert option in options, f"{option} is not an option of `onrecord {name}`"


def test_the_first_python_example_runs(capsys):
    block = re.search(r"```python\n(import onrecord\n.*?)```", README, re.S)
    assert block, "the README's Python example is gone"
    exec(compile(block.group(1), "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "Samuel Achebe" in printed and "direct" in printed
    # "on Monday" against 2024-05-02 (a Thursday): the speech act's date
    assert "2024-04-29" in printed


@pytest.mark.parametrize("target", sorted(set(re.findall(r"\]\(((?:docs|src)/[^)#]+)\)", README))))
def test_linked_files_exist(target):
    assert (Path(__file__).resolve().parents[1] / target).exists()
