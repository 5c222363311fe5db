"""A PDF read back as its reader sees it: poppler's ``pdftotext`` (dev.sh installs it)."""

from __future__ import annotations

import shutil
import subprocess

import pytest


def pdftotext(pdf: bytes, *, layout: bool = False) -> str:
    """The text of ``pdf``, pages separated by form feeds; the test is skipped, saying why,
    where poppler-utils is not installed."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext absent (apt-get install poppler-utils, ./dev.sh test le fait)")
    args = ["pdftotext", *(["-layout"] if layout else []), "-", "-"]
    return subprocess.run(
        args, input=pdf, capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")


def flat(text: str) -> str:
    """Words separated by single spaces (lines joined)."""
    return " ".join(text.split())


def printed(text: str) -> str:
    """``text`` as the reports print it (French typography, ``typography.typeset``), flat,
    as pdftotext reads it back (raised ordinals are small letters in the PDF: « 3e »)."""
    from fabrique_desktop.typography import typeset

    return flat(typeset(text).translate(str.maketrans({"ᵉ": "e", "ʳ": "r"})))
