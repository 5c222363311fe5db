"""What the core needs from storage. ``db.store.Store`` is the implementation."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol, TypeVar

from fabrique_desktop.changes import Change
from fabrique_desktop.model import Entity

E = TypeVar("E", bound=Entity)


class Filled:
    """A ``where`` value: the field holds something (SQL « is not null »)."""


FILLED = Filled()

Write = Callable[[Change], None]
"""Where an engine hands the ``Change`` it computed (a merge, a copy joined): written in one
transaction — and, in the app, announced on the window's change bus with its origin — or
nothing written and a ``FabriqueError`` raised with the French reason. The app gives its
bus's (``ChangeBus.writer``); the command line its store's (``store_writer``)."""


class Store(Protocol):
    # why nothing can be written (disk full, read-only folder…), or None when writes are allowed
    read_only: str | None

    def apply(self, change: Change) -> None:
        """Apply every edit of ``change`` and its ``journal`` in one transaction, committed
        before returning; a ``FabriqueError`` (nothing written) if the disk refuses."""

    def get(self, cls: type[E], id: str) -> E | None:
        """One entity by id, tombstoned ones included; ``None`` if unknown."""

    def get_many(self, cls: type[E], ids: Iterable[str]) -> dict[str, E]:
        """The entities of one kind among ``ids`` that exist here (tombstones included)."""

    def find(self, cls: type[E], *, deleted: bool = False, **where: Any) -> list[E]:
        """Entities of one kind whose fields equal ``where`` (live ones unless ``deleted``)."""

    def find_fields(
        self, cls: type[E], names: Sequence[str], **where: Any
    ) -> list[tuple[Any, ...]]:
        """Only the fields ``names`` of the live entities ``find`` would give, in its order,
        one tuple each (a 2000-idea board's columns and positions, without its texts)."""

    def count(self, cls: type[E], **where: Any) -> int:
        """How many live entities of one kind match ``where``."""

    def count_by(
        self, cls: type[E], by: str, highest: str, **where: Any
    ) -> dict[str, tuple[int, float]]:
        """For each value of the text field ``by`` among the live entities ``find`` would
        give: how many they are and the largest value of their number field ``highest`` (a
        board's columns: their cards and their last position), counted by SQLite alone."""

    def first_of_each(
        self, cls: type[E], by: str, values: Iterable[str], limit: int, **where: Any
    ) -> list[E]:
        """The first ``limit`` live entities (in ``find``'s order) whose field ``by`` holds
        each of ``values``, all in ``find``'s order (a large board's first cards of each
        column)."""

    def atomic(self) -> AbstractContextManager[Any]:
        """A transaction: everything inside commits together or not at all."""

    def iter_all(self, cls: type[E], **where: Any) -> Iterator[E]:
        """Every entity of one kind matching ``where``, tombstones included."""

    def written(self, kind: str) -> tuple[int, int, int]:
        """Changes whenever the rows of ``kind`` may have changed (written, rolled back, or
        committed by another connection): a cache of them is stale once it differs."""


def store_writer(store: Store) -> Write:
    """The command line's (and tests') ``Write``: the store itself, nobody to tell."""
    return store.apply
