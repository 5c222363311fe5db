"""One road for writes, read from the source: in the Qt application (``ui/``), an engine that
can write (a parameter ``write`` defaulting to the store's own) is always handed the
window's bus writer, and nothing but the bus calls ``store.apply``."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINE_PACKAGES = ("fabrique_desktop", "exports")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _defaulted_write(function: ast.FunctionDef, skip: int) -> int | None:
    """The position of ``write`` among the call's arguments, when it may be left out."""
    arguments = function.args.posonlyargs + function.args.args
    names = [argument.arg for argument in arguments]
    if "write" not in names:
        return None
    index = names.index("write")
    first_default = len(arguments) - len(function.args.defaults)
    return index - skip if index >= first_default else None


def engines() -> dict[tuple[str, str], int]:
    """(module, name) of each function or class whose ``write`` may be left out → its position."""
    found: dict[tuple[str, str], int] = {}
    for package in ENGINE_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            module = _module_name(path)
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                position = None
                if isinstance(node, ast.FunctionDef):
                    position = _defaulted_write(node, 0)
                elif isinstance(node, ast.ClassDef):
                    for item in node.body:
                        if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                            position = _defaulted_write(item, 1)
                if position is not None:
                    found[(module, node.name)] = position
    return found


def _imports(tree: ast.Module) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """Modules imported under a local name, and names imported from a module."""
    modules: dict[str, str] = {}
    names: dict[str, tuple[str, str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                modules[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                local = alias.asname or alias.name
                modules.setdefault(local, f"{node.module}.{alias.name}")
                names[local] = (node.module, alias.name)
    return modules, names


def engine_calls_without_write() -> list[str]:
    known = engines()
    missing = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules, names = _imports(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            target = None
            if isinstance(node.func, ast.Name) and node.func.id in names:
                target = names[node.func.id]
            elif isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
                module = modules.get(node.func.value.id)
                if module is not None:
                    target = (module, node.func.attr)
            if target not in known:
                continue
            given = len(node.args) > known[target] or any(
                keyword.arg == "write" for keyword in node.keywords
            )
            if not given:
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {target[1]}")
    return missing


def store_applies_outside_the_bus() -> list[str]:
    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        if path.name == "change_bus.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"apply", "atomic"}
                and "store" in ast.unparse(node.func.value).lower()
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(node.func)}")
    return found


def test_the_scan_knows_the_engines_that_write() -> None:
    known = engines()
    assert known[("fabrique_desktop.sync", "SessionSync")] == 3
    assert known[("fabrique_desktop.live.engine", "import_copy")] == 3
    assert len(known) >= 8


def test_every_engine_the_window_uses_writes_through_its_bus() -> None:
    assert engine_calls_without_write() == []


def test_no_widget_writes_to_the_store_itself() -> None:
    assert store_applies_outside_the_bus() == []
