"""What « À propos de Fabrique » tells: version, licence, what is shipped and under which
licences, and where the data and the log are. The same answers in the frozen app (the spec
ships the libraries' metadata) and in a source install."""

from __future__ import annotations

import platform
import re
import sys
from dataclasses import dataclass
from importlib import metadata
from importlib.util import find_spec

from fabrique_desktop import __version__

APP_LICENCE = "MIT"
PROJECT = "fabrique"


@dataclass(frozen=True)
class Shipped:
    name: str
    version: str
    licence: str


# The fonts in resources/fonts, with the licence their LICENSE-*.txt beside them gives.
FONTS = (
    Shipped("DejaVu Sans", "2.37", "licence Bitstream Vera / DejaVu (libre)"),
    Shipped("Droid Sans Fallback", "6.0.1", "Apache-2.0"),
    Shipped("NanumSquare", "2020", "SIL Open Font License 1.1"),
    Shipped("Noto Sans Devanagari, Tamil, Bengali", "2020", "SIL Open Font License 1.1"),
    Shipped("Font Awesome (icônes, par QtAwesome)", "5", "SIL Open Font License 1.1"),
)


def libraries() -> list[Shipped]:
    """Python, then Fabrique's dependencies and theirs that are really shipped (importable),
    with their licences. (Qt itself is added by the dialog, which knows its version.)"""
    found = [Shipped("Python", platform.python_version(), "PSF-2.0")]
    shipped = _importable_distributions()
    for name in sorted(_dependencies(PROJECT), key=str.lower):
        if _normal(name) not in shipped:
            continue
        meta = metadata.metadata(name)
        found.append(Shipped(meta["Name"], meta["Version"], licence_of(meta)))
    return found


def _field(meta: metadata.PackageMetadata, key: str) -> str:
    values = meta.get_all(key) or []
    return str(values[0]).strip() if values else ""


def licence_of(meta: metadata.PackageMetadata) -> str:
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    text = _field(meta, "License")
    if text and "\n" not in text and len(text) <= 60:
        return text
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::") and c.split("::")[-1].strip() != "OSI Approved"
    ]
    return ", ".join(classifiers) or (text.splitlines()[0][:60] if text else "?")


def _dependencies(root: str) -> set[str]:
    """The names of every distribution ``root`` needs at run time (extras left out)."""
    names: set[str] = set()
    seen: set[str] = set()
    todo = [root]
    while todo:
        name = todo.pop()
        try:
            requirements = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for line in requirements:
            if "extra ==" in line:
                continue
            dependency = re.split(r"[\s;<>=!~\[(]", line, maxsplit=1)[0]
            if dependency and _normal(dependency) not in seen:
                seen.add(_normal(dependency))
                names.add(dependency)
                todo.append(dependency)
    return names


def _importable_distributions() -> set[str]:
    shipped: set[str] = set()
    for module, distributions in metadata.packages_distributions().items():
        if module.isidentifier() and _importable(module):
            shipped.update(_normal(d) for d in distributions)
    return shipped


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _importable(module: str) -> bool:
    try:
        return find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def frozen() -> bool:
    """True in the standalone app (PyInstaller)."""
    return bool(getattr(sys, "frozen", False))


def version_line() -> str:
    kind = "application autonome" if frozen() else "installation depuis les sources"
    return f"Fabrique {__version__} — {kind}, Python {platform.python_version()}"
