"""Refresh the English translation after UI strings change (French is the source language).

    .venv/bin/python resources/translations/update.py

Runs pyside6-lupdate over ui/ (keeping existing translations), lists what is untranslated,
then compiles fabrique_en.qm with pyside6-lrelease. Translate new strings in
fabrique_en.ts, by hand, with pyside6-linguist, or one at a time with

    .venv/bin/python resources/translations/update.py set "Texte français" "English text"

(which also recompiles).
"""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BIN = Path(sys.executable).parent
TS = HERE / "fabrique_en.ts"


def untranslated() -> list[str]:
    return [
        m.findtext("source") or ""
        for m in ET.parse(TS).iter("message")
        if m.find("translation").get("type") == "unfinished"
    ]


def translate(french: str, english: str) -> bool:
    tree = ET.parse(TS)
    found = False
    for message in tree.iter("message"):
        if message.findtext("source") == french:
            translation = message.find("translation")
            translation.text = english
            translation.attrib.pop("type", None)
            found = True
    if found:
        tree.write(TS, encoding="utf-8", xml_declaration=True)
    return found


def main() -> int:
    if sys.argv[1:2] == ["set"] and not translate(sys.argv[2], sys.argv[3]):
        print(f"not found in {TS.name} (run update.py first): {sys.argv[2]!r}")
        return 1
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
