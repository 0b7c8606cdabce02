"""``onrecord model install`` and ``onrecord model info``: the pinned spaCy pipeline, as ``spacy download`` would."""
from __future__ import annotations

import typer

from ..spacy_model import install_command, INSTALL_HINT, install_model, model_info, pin_file
from ._common import console, err_console

app = typer.Typer(help="The spaCy pipeline onrecord needs: install it (pinned by sha256), or say what is installed.", no_args_is_help=True)


@app.command("install")
def install_cli(
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Less output from pip."),
) -> None:
    """Install the pinned spaCy pipeline with pip, its sha256 checked (--require-hashes --no-deps)."""
    err_console.print(f"installing the spaCy pipeline pinned in {pin_file()}", highlight=False, soft_wrap=True)
    err_console.print("$ " + " ".join(install_command()), highlight=False, soft_wrap=True, markup=False)
    install_model(quiet=quiet)
    info = model_info()
    console.print(f"{info.name} {info.installed_version} installed in {info.location}", highlight=False, soft_wrap=True, markup=False)


@app.command("info")
def info_cli(
    json_output: bool = typer.Option(False, "--json", help="Print the facts as one JSON object."),
) -> None:
    """What spaCy pipeline is installed, from where, against the pin (version and sha256) shipped with onrecord."""
    import dataclasses
    import json

    info = model_info()
    facts = {
        "pipeline": info.name,
        "installed": info.installed_version,
        "location": info.location,
        "installer": info.installer,
        "source": info.source,
        "pinned": f"{info.pin.name}=={info.pin.version}",
        "pinned sha256": ", ".join(info.pin.sha256),  # pip checks it on install (--require-hashes)
        "pin file": info.pin_file,
        "matches pin": info.matches_pin,
        "spacy": info.spacy_version,
    }
    if json_output:
        typer.echo(json.dumps({**dataclasses.asdict(info), "matches_pin": info.matches_pin}, indent=1))
    else:
        for key, value in facts.items():
            console.print(f"{key + ':':15} {'—' if value is None else value}", highlight=False, soft_wrap=True, markup=False)
    if info.installed_version is None:
        err_console.print(f"not installed: {INSTALL_HINT}", highlight=False)
        raise typer.Exit(code=3)
