"""Append-only, named schema migrations. Never edit one that has shipped: add a new module.

``NAMES`` lists the modules in the order they apply; each module's ``migrate(db)`` receives
a ``sqlite_utils.Database``. sqlite-utils is imported only when a migration is pending, so
that opening an up-to-date database stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils.migrations import Migrations

SET_NAME = "fabrique"
TABLE = "_sqlite_migrations"

NAMES = [
    "0001_initial",
    "0003_facilitation",
    "0004_sync",
    "0005_booklet",
    "0006_phones",
    "0007_phone_rounds",
    "0008_phone_code",
]


def migrations() -> Migrations:
    """The sqlite-utils migration set, built from the modules listed in ``NAMES``."""
    from sqlite_utils.migrations import Migrations

    steps = Migrations(SET_NAME)
    for name in NAMES:
        module = importlib.import_module(f"db.migrations.m{name}")
        steps(name=name)(module.migrate)
    return steps
