"""How much of each page of a PDF is left empty: rendered by pdftoppm (poppler-utils), the
body's height below its last inked line, as a fraction of the body's height (the running
header and the page number excluded)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image

DPI = 30
TOP_MM, BOTTOM_MM = 18 + 9, 14
"""The header band (margin and header gap) and the footer band (the page number)."""
INK = 250
"""A pixel darker than this (0–255 grey) is ink: pale tints (table backgrounds) count too."""


def blank_fractions(pdf: Path) -> list[float]:
    """For each page of ``pdf``: the fraction of its body left empty below its last ink."""
    if shutil.which("pdftoppm") is None:
        raise RuntimeError("pdftoppm (poppler-utils) is needed")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            ["pdftoppm", "-gray", "-r", str(DPI), "-png", str(pdf), f"{folder}/p"], check=True
        )
        return [_blank(Image.open(page)) for page in sorted(Path(folder).glob("p-*.png"))]


def _blank(image: Image.Image) -> float:
    grey = image.convert("L")
    width, height = grey.size
    per_mm = height / 297
    top, bottom = int(TOP_MM * per_mm), height - int(BOTTOM_MM * per_mm)
    pixels = grey.load()
    last = top
    for y in range(top, bottom):
        if any(pixels[x, y] < INK for x in range(width)):
            last = y
    return (bottom - last) / (bottom - top)
