"""`./dev.sh package`: the standalone Fabrique for this machine, and its archive.

    dist/Fabrique/                      the app (one folder): `fabrique` runs the GUI and the CLI
    dist/Fabrique-<v>-<system>-<arch>.tar.gz (Linux) / .zip (Windows, macOS)

On Linux the folder also holds install.sh, the .desktop entry, the AppStream metadata, the
`.fabrique` MIME type and the icons (standalone/linux/). `--archive-only` re-packs dist/Fabrique
without freezing again.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import icu_data  # noqa: E402
import platforms  # noqa: E402

DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]


def freeze(dist: Path, work: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={dist}",
            f"--workpath={work}",
            str(HERE / "fabrique.spec"),
        ],
        check=True,
        cwd=ROOT,
    )


def add_linux_integration(app: Path) -> None:
    """install.sh and what it installs, at the top of the folder a user unpacks."""
    for path in (HERE / "linux").iterdir():
        target = app / path.name
        shutil.copy2(path, target)
        if path.suffix == ".sh":
            target.chmod(0o755)
    icons = app / "icons"
    icons.mkdir(exist_ok=True)
    for path in (ROOT / "resources" / "icons").iterdir():
        shutil.copy2(path, icons / path.name)


def archive(target: platforms.Target, app: Path) -> Path:
    name = target.archive_name(version())
    path = app.parent / name
    path.unlink(missing_ok=True)
    if name.endswith(".tar.gz"):
        with tarfile.open(path, "w:gz", compresslevel=6) as tar:
            tar.add(app, arcname=app.name)  # keeps the executable bits and the symlinks
    elif target.bundle:  # ditto keeps the .app's symlinks and signatures
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(app), str(path)], check=True)
    else:
        shutil.make_archive(str(path.with_suffix("")), "zip", app.parent, app.name)
    return path


def trim_icu(app: Path) -> None:
    """Qt's ICU data cut down to French and English (standalone/icu_data.py): 32 → 4 MB."""
    for library in app.rglob("libicudata.so.*"):
        if library.is_symlink():
            continue
        trimmed = library.with_name(library.name + ".trimmed")
        if icu_data.trimmed_library(library, trimmed):
            before, after = library.stat().st_size, trimmed.stat().st_size
            trimmed.replace(library)
            print(f"ICU : {before / 1e6:.0f} → {after / 1e6:.1f} Mo", file=sys.stderr)
        else:
            print("ICU laissé entier : il faut un compilateur C (cc) et binutils.", file=sys.stderr)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./dev.sh package", description=__doc__)
    parser.add_argument("--archive-only", action="store_true", help="ne refige pas l'application")
    parser.add_argument("--dist", type=Path, default=DIST, help="dossier du résultat (dist/)")
    parser.add_argument("--work", type=Path, default=WORK, help="dossier de travail")
    args = parser.parse_args(argv)
    started = time.monotonic()
    target = platforms.current(args.work)
    if not args.archive_only:
        freeze(args.dist, args.work)
    app = args.dist / ("Fabrique.app" if target.bundle else "Fabrique")
    for path in app.rglob("*"):
        if path.is_symlink() and not path.exists():
            path.unlink()  # a link to a Qt library the spec left out
    if target.system == "linux":
        trim_icu(app)
        add_linux_integration(app)
    path = archive(target, app)
    size = folder_size(app) / 1e6
    print(
        f"{app} : {size:.0f} Mo ; {path.name} : "
        f"{path.stat().st_size / 1e6:.0f} Mo ; {time.monotonic() - started:.0f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.exit(main())
