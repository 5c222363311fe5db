"""Refresh the English translation after UI strings change (French is the source language).

    .venv/bin/python resources/translations/update.py

Runs pyside6-lupdate over ui/ (keeping existing translations), lists what is untranslated,
then compiles fabrique_en.qm with pyside6-lrelease. Translate new strings in
fabrique_en.ts, by hand or with pyside6-linguist, and run it again.
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BIN = Path(sys.executable).parent
TS = HERE / "fabrique_en.ts"


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [
            BIN / "pyside6-lupdate",
            *sources,
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "fr_FR",
            "-target-language",
            "en_GB",
            "-ts",
            str(TS),
        ],
        check=True,
    )
    subprocess.run(
        [BIN / "pyside6-lrelease", str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
