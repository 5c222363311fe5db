"""Qt's ICU data cut down to French and English for the standalone app (issue 28: 32 → 4 MB
of the 150 MB the unpacked app may weigh). No build needed: the venv's own PySide6 library."""

from __future__ import annotations

import ctypes
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "standalone"))
import icu_data  # noqa: E402

LIBRARIES = sorted(
    p
    for p in (Path(sys.prefix).glob("lib/python3*/site-packages/PySide6/Qt/lib/libicudata.so.*"))
    if not p.is_symlink()
)
needs_library = pytest.mark.skipif(not LIBRARIES, reason="no ICU data library in PySide6 here")


def test_the_items_kept_are_icus_own_and_french_and_english_ones() -> None:
    kept = [
        "icudt73l/uprops.icu",
        "icudt73l/cnvalias.icu",
        "icudt73l/root.res",
        "icudt73l/fr.res",
        "icudt73l/fr_CA.res",
        "icudt73l/en_GB.res",
        "icudt73l/coll/fr.res",
        "icudt73l/coll/ucadata.icu",
        "icudt73l/supplementalData.res",
        "icudt73l/zone/root.res",
    ]
    dropped = [
        "icudt73l/de.res",
        "icudt73l/zh_Hant_TW.res",
        "icudt73l/fr_CM.res",
        "icudt73l/coll/ja.res",
        "icudt73l/ibm-1047_P100-1995.cnv",
        "icudt73l/brkitr/cjdict.dict",
        "icudt73l/translit/root.res",
    ]
    assert [n for n in kept if icu_data.wanted(n)] == kept
    assert [n for n in dropped if icu_data.wanted(n)] == []


@needs_library
def test_the_package_is_read_and_written_back_byte_for_byte() -> None:
    _, package = icu_data.package_of(LIBRARIES[-1])
    header, items = icu_data.items(package)
    assert len(items) > 1000
    assert icu_data.pack(header, items) == package


@needs_library
@pytest.mark.skipif(shutil.which("cc") is None, reason="no C compiler")
def test_the_trimmed_library_loads_and_holds_only_what_is_kept(tmp_path) -> None:
    library = LIBRARIES[-1]
    target = tmp_path / library.name
    assert icu_data.trimmed_library(library, target)
    assert target.stat().st_size < library.stat().st_size / 5
    ctypes.CDLL(str(target))  # a library the loader takes, under ICU's own name
    symbol, package = icu_data.package_of(target)
    assert symbol == icu_data.package_of(library)[0]
    names = [name for name, _ in icu_data.items(package)[1]]
    assert names == sorted(names)  # ICU looks items up by binary search
    assert any(n.endswith("/fr.res") for n in names)
    assert not any(n.endswith("/de.res") for n in names)
