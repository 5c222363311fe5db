"""Everything that differs between Linux, Windows and macOS when Fabrique is frozen.

`fabrique.spec` and `build.py` ask this module; nothing else in the packaging knows which
system it runs on. The icons are made here from the PNGs in resources/icons (rendered once
from fabrique.svg by make_icons.py), in the format each system wants.
"""

from __future__ import annotations

import platform
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
APP_ID = "org.fabrique.Fabrique"  # .desktop, AppStream, Wayland app id, macOS bundle id
MIME_TYPE = "application/x-fabrique"


@dataclass(frozen=True)
class Target:
    system: str  # linux, windows, macos
    arch: str
    console: bool  # the main executable opens a terminal window (Windows only cares)
    icon: Path | None  # the executable's icon, made by make_icon()
    extra_cli: bool  # Windows: a console twin `fabrique-cli.exe` for the command line
    bundle: bool  # macOS: Fabrique.app
    archive_ext: str

    @property
    def strip(self) -> bool:
        """Debug symbols out of the shared libraries (libpython alone: 23 → 5 MB). Linux only:
        on macOS stripping breaks the signatures, Windows binaries have none."""
        return self.system == "linux"

    def archive_name(self, version: str) -> str:
        return f"Fabrique-{version}-{self.system}-{self.arch}{self.archive_ext}"


def current(build_dir: Path) -> Target:
    arch = {"amd64": "x86_64", "arm64": "aarch64"}.get(platform.machine().lower())
    arch = arch or platform.machine().lower() or "unknown"
    if sys.platform == "win32":
        icon = write_ico(build_dir / "fabrique.ico")
        return Target("windows", arch, False, icon, True, False, ".zip")
    if sys.platform == "darwin":
        icon = write_icns(build_dir / "fabrique.icns")
        return Target(
            "macos", "arm64" if arch == "aarch64" else arch, False, icon, False, True, ".zip"
        )
    return Target("linux", arch, True, None, False, False, ".tar.gz")


def _png(size: int) -> bytes:
    return (ICONS / f"fabrique-{size}.png").read_bytes()


def write_ico(target: Path) -> Path:
    """A Windows icon holding every size as PNG (allowed since Windows Vista)."""
    sizes = (16, 24, 32, 48, 64, 128, 256)
    images = [_png(size) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries = b""
    for size, data in zip(sizes, images, strict=True):
        side = 0 if size == 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(header + entries + b"".join(images))
    return target


def write_icns(target: Path) -> Path:
    """A macOS icon: PNG entries of the types macOS reads (16 px to 1024 px)."""
    kinds = (
        (b"icp4", 16),
        (b"icp5", 32),
        (b"icp6", 64),
        (b"ic07", 128),
        (b"ic08", 256),
        (b"ic09", 512),
        (b"ic10", 1024),
    )
    body = b""
    for kind, size in kinds:
        data = _png(size)
        body += kind + struct.pack(">I", len(data) + 8) + data
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"icns" + struct.pack(">I", len(body) + 8) + body)
    return target


def macos_info_plist(version: str) -> dict:
    """Fabrique.app opens `.fabrique` files (a double-click imports a note-taker's copy)."""
    return {
        "CFBundleName": "Fabrique",
        "CFBundleDisplayName": "Fabrique",
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "NSHighResolutionCapable": True,
        "LSApplicationCategoryType": "public.app-category.productivity",
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "Atelier Fabrique",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [f"{APP_ID}.atelier"],
                "CFBundleTypeIconFile": "fabrique.icns",
            }
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": f"{APP_ID}.atelier",
                "UTTypeDescription": "Atelier Fabrique",
                "UTTypeConformsTo": ["public.zip-archive", "public.data"],
                "UTTypeTagSpecification": {
                    "public.filename-extension": ["fabrique"],
                    "public.mime-type": MIME_TYPE,
                },
            }
        ],
    }


def drop_unlinked_libraries(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Linux: the libraries that only a dropped Qt module or plugin linked (the GTK theme pulls
    GTK, cairo, pango… ~20 MB; QtNetwork pulls krb5) leave with it. A library is kept when a
    Python extension, a Qt plugin we keep or libpython needs it (ldd gives the whole closure)."""
    if sys.platform in ("win32", "darwin"):
        return binaries
    from PyInstaller.depend.bindepend import get_imports

    def library(dest: str) -> bool:
        """Not a root: a system library at the top, or a Qt library (not a plugin)."""
        dest = dest.replace("\\", "/")
        name = Path(dest).name
        if "/plugins/" in dest or ".cpython-" in name or name.startswith("libpython"):
            return False
        return "/" not in dest or "/Qt/lib/" in dest or name.startswith("libQt6")

    needed: set[str] = set()
    for dest, source, _kind in binaries:
        if not library(dest):
            needed.update(Path(name).name for name, _path in get_imports(source))
    return [entry for entry in binaries if not library(entry[0]) or Path(entry[0]).name in needed]
