"""Where the board's notes are put: each column stacked as ``fabrique_desktop.board_layout``
computes it (heights in, positions out), the notes in sight measured first, scrolled column
by column, the overview's tiles, the scroll marks. After a change only the columns it
touched are laid out again.

At start-up the board is not placed until its view's first paint (``wait_for_paint``): the
window is still being built, shown, resized (the window manager's maximise comes after
show()) — each of those laid the board out again, 8 times for a 2000-idea atelier before its
first frame. The layouts asked meanwhile are one, done by the view just before that paint
(``catch_up``). The order of each column is kept at once (selection, counts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QTimer

from fabrique_desktop import board_layout as layout
from fabrique_desktop.board_layout import COLUMN_PADDING

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from ui.board_scene import BoardScene
    from ui.card_item import CardItem

MEASURE_CHUNK = 250  # notes measured per idle step after the window is shown


class BoardPlacement:
    def __init__(self, scene: BoardScene) -> None:
        self._scene = scene
        self._order: dict[str, list[CardItem]] = {c.key: [] for c in scene.columns}
        self._laid_size = (0.0, 0.0)
        self._kept_whole: str | None = None  # the card last shown whole (show_card_whole)
        self._hidden: set[str] = set()  # folded columns whose cards are hidden
        self._offsets: dict[str, float] = {}  # how far each column is scrolled
        self._content: dict[str, float] = {}  # each column's height, all its cards laid
        self._measure_timer = QTimer(scene)
        self._measure_timer.setSingleShot(True)
        self._measure_timer.timeout.connect(self.measure_some)
        self.passes = 0  # how many times the board (or some of its columns) was placed
        # start-up: layouts wait for the view's first paint (a layout then would be undone by
        # the next resize before anyone sees it); ``stale``: one was asked meanwhile
        self.wait_for_paint = False
        self.stale = False

    def catch_up(self) -> None:
        """The view is about to paint: the layouts asked while waiting for it, once."""
        if self.wait_for_paint:
            self.wait_for_paint = False
            self._scene.notes.fit_now()
            if self.stale:
                self.lay_out_all()

    def stack(self, column: str) -> list[CardItem]:
        """A column's notes as shown, top to bottom (the placement's own list: do not change it)."""
        return self._order.get(column, [])

    def is_folded(self, column: str) -> bool:
        """A slim band whose cards are hidden (a narrow screen)."""
        return column in self._hidden

    def forget_size(self) -> None:
        """The columns' widths changed: the backgrounds are placed again at the next layout."""
        self._laid_size = (0.0, 0.0)

    def reset_scroll(self) -> None:
        self._offsets.clear()

    def laid_height(self) -> float:
        return self._laid_size[1]

    def stop_measuring(self) -> None:
        self._measure_timer.stop()

    def lay_out_columns(self, columns: set[str], ids: set[str], was_in: set[str]) -> None:
        """After the cards ``ids`` changed in ``columns`` (``was_in``: those where some of
        them already were): those columns only are laid out again, and cards added after a
        column's last one are just placed below it. The whole board when something else may
        move (groups, the overview, a column that was or becomes empty and so changes width,
        the view's height)."""
        view_height = self._scene.view_height()
        if (
            self.wait_for_paint  # (laid out whole at the first paint)
            or self._scene.clusters
            or self._scene.overview is not None
            or not self._scene.column_width
            or view_height is None
            or view_height != self._laid_size[1]
            or not columns <= set(self._order)
        ):
            self._scene.layout_cards()
            return
        stacks: dict[str, list[CardItem]] = {}
        appended: dict[str, list[CardItem]] = {}
        for key in columns:
            old = self._order[key]
            kept = [i for i in old if i.card.id not in ids] if key in was_in else old
            came = [
                i
                for card_id in ids
                if (i := self._scene.items_by_id.get(card_id)) and i.card.column == key
            ]
            came.sort(key=lambda i: i.card.position)
            if not old or not (kept or came):  # a column that was or becomes empty: its width
                self._scene.refit()
                return
            if len(kept) == len(old) and not came:
                continue  # nothing of this column changed
            only_added = len(kept) == len(old) and key not in self._scene.slim_columns
            if only_added and came[0].card.position > kept[-1].card.position:
                appended[key] = came  # (a folded column hides its new cards: laid out whole)
            else:
                stacks[key] = sorted(kept + came, key=lambda i: i.card.position)
        self.passes += 1
        pending = False
        for key, came in appended.items():
            self.append(key, came, view_height)
        for key, stack in stacks.items():
            self._order[key] = stack
            pending |= self.lay_out_column(key, view_height)[0]
        if pending:
            self._measure_timer.start(0)
        self._scene.laid_out.emit()

    def append(self, key: str, came: list[CardItem], view_height: float) -> None:
        """New cards after a column's last one: measured (a few notes: cheaper than a later
        pass over the board) and placed below it, the others left where they are."""
        self._order[key].extend(came)
        for item in came:
            if not item.measured:
                item.measure()
        tops, self._content[key] = layout.append_below(
            self._content[key], [i.height() for i in came]
        )
        self._place(key, came, tops, self.column_offset(key))
        self._show_mark(key, view_height)

    # each column scrolls on its own

    def column_offset(self, key: str) -> float:
        """How far a column is scrolled (0: its first card at the top)."""
        return self._offsets.get(key, 0.0)

    def content_height(self, key: str | None = None) -> float:
        """The height of a column with all its cards (the tallest column's if None)."""
        if key is None:
            return max(self._content.values(), default=0.0)
        return self._content.get(key, 0.0)

    def scroll_column(self, key: str, dy: float) -> bool:
        """Scroll one column by ``dy`` pixels (the others do not move); True if it moved."""
        before = self.column_offset(key)
        after = self._clamped(key, before + dy)
        if after == before:
            return False
        self._offsets[key] = after
        self.lay_out_column(key, self._scene.view_height())
        return True

    def show_card_whole(self, card_id: str, margin: float = 10.0, unfold: bool = True) -> None:
        """Scroll the card's column, and only it, so that the card is whole in sight (its
        top, if it is taller than the view). A folded column comes into sight first, unless
        ``unfold`` is False (a phone's or another laptop's card: the wall stays as it is)."""
        item = self._scene.items_by_id.get(card_id)
        self._kept_whole = card_id
        if item is not None and unfold:
            self._scene.unfold_for(item)
        height = self._scene.view_height()
        if (
            item is None
            or height is None
            or item in self._scene.drag.carried
            or not item.isVisible()
        ):
            return
        if not item.measured and item.measure():
            self._scene.layout_cards()
        for _ in range(3):  # notes measured on the way may move it (a column just unfolded)
            top, bottom = item.pos().y(), item.pos().y() + item.boundingRect().height()
            if top < margin:
                step = top - margin
            elif bottom > height - margin:
                step = min(bottom - height + margin, top - margin)
            else:
                return
            if not self.scroll_column(item.card.column, step):
                return

    def show_band(self, cluster_id: str, margin: float = 10.0) -> None:
        """A group's name band in sight with its first card (a group chosen whole: its name
        read above its cards)."""
        ids = self._scene.selection.group_cards(cluster_id)
        item = self._scene.cluster_items.get(cluster_id)
        if not ids or item is None:
            return
        self.show_card_whole(ids[0], margin)
        top = item.frame_rect().top() - margin
        if item.isVisible() and top < 0:
            self.scroll_column(self._scene.clusters[cluster_id].column, top)

    # layout

    def lay_out_all(self, now: bool = False) -> None:
        """Every column laid out again (at start-up: at the view's first paint, unless
        ``now``: tests, screenshots)."""
        for stack in self._order.values():
            stack.clear()
        for item in self._scene.items_by_id.values():
            self._order.setdefault(item.card.column, []).append(item)
        if self._scene.clusters:  # groups come after the first paint: imported then
            from fabrique_desktop.grouping import gather_by, group_of
        for key, stack in self._order.items():
            stack.sort(key=lambda i: i.card.position)
            if self._scene.clusters:
                self._order[key] = gather_by(
                    stack, lambda i: group_of(i.card, self._scene.clusters)
                )
        if not self._scene.column_width or (self.wait_for_paint and not now):
            # the order is known (selection, counts); places wait for a width, or for the
            # view's first paint
            self.stale = bool(self._scene.column_width)
            self._scene.laid_out.emit()
            return
        self.stale = False
        self.passes += 1
        view_height = self._scene.view_height()
        pending = False
        shown: set[str] = set()
        for column in self._scene.columns:
            column_pending, column_shown = self.lay_out_column(column.key, view_height)
            pending |= column_pending
            shown |= column_shown
        for cluster_id, band_item in self._scene.cluster_items.items():
            if cluster_id not in shown:
                band_item.hide()
        # no view (an image of the board): every card in sight
        height = max(200.0, self.content_height()) if view_height is None else view_height
        last = self._scene.columns[-1].key
        width = self._scene.column_left(last) + self._scene.column_width_of(last)
        was_height = self._laid_size[1]
        if (width, height) != self._laid_size:
            self._laid_size = (width, height)
            for column in self._scene.columns:
                x = self._scene.column_left(column.key)
                self._scene.backdrops.place(
                    column.key, QRectF(x, 0, self._scene.column_width_of(column.key), height)
                )
            self._scene.setSceneRect(QRectF(0, 0, width, height))
            self._scene.backdrops.place_slim_titles(
                self._scene.slim_columns, self._scene.fonts.text, self._scene.pixel_size
            )
        for column in self._scene.columns:
            self._show_mark(column.key, height if view_height is not None else None)
        if pending:
            self._measure_timer.start(0)
        if view_height is not None and view_height < was_height:
            self._keep_whole_in(was_height)
        self._scene.laid_out.emit()

    def _keep_whole_in(self, was_height: float) -> None:
        """The view got shorter (the timer's band came): the card last shown whole (just
        captured, or chosen) stays whole, if it was whole in the taller view."""
        item = self._scene.items_by_id.get(self._kept_whole or "")
        if item is None or not item.isVisible():
            return
        top, bottom = item.pos().y(), item.pos().y() + item.boundingRect().height()
        if top >= 0 and bottom <= was_height:
            self.show_card_whole(item.card.id, unfold=False)

    def lay_out_column(self, key: str, view_height: float | None) -> tuple[bool, set[str]]:
        """Place one column's cards and group frames, scrolled by its offset. Returns whether
        notes below the sight still await measuring, and the groups shown. The notes in
        sight are measured first; only when the column got shorter than its scroll (rare) is
        it laid out again."""
        stack = self._order.get(key, [])
        folded = key in self._scene.slim_columns and bool(stack)
        if folded or key in self._hidden:
            for item in stack:
                item.setVisible(not folded)
            self._hidden.discard(key)
            if folded:
                self._hidden.add(key)
                self._content[key] = 0.0
                self._offsets.pop(key, None)
                self._scene.backdrops.hide_mark(key)
                return False, set()
        if self._scene.overview is not None:
            self._layout_tiles(key, view_height)
            return False, set()
        offset = self.column_offset(key) if view_height is not None else 0.0
        sight = None if view_height is None else offset + view_height + 200
        groups: list[str | None] = []
        bands: dict[str, float] = {}
        if self._scene.clusters:
            from fabrique_desktop.grouping import group_of

            groups = [group_of(i.card, self._scene.clusters) for i in stack]
            for cluster_id in set(groups) - {None}:
                assert cluster_id is not None
                bands[cluster_id] = self._scene.cluster_items[cluster_id].band_height(
                    self._scene.column_width - 4
                )
        while True:  # measure the notes in sight (their heights move those below), then place
            placed = layout.stack_column([i.height() for i in stack], groups, bands)
            unmeasured = [i for i in stack[: placed.in_sight(sight)] if not i.measured]
            if not unmeasured:
                break
            for item in unmeasured:
                item.measure()
        self._content[key] = placed.height
        if view_height is not None:
            clamped = self._clamped(key, offset)
            if clamped != offset:  # the column got shorter than where it was scrolled to
                self._offsets[key] = clamped
                return self.lay_out_column(key, view_height)
        self._place(key, stack, placed.tops, offset)
        left = self._scene.column_left(key)
        shown: set[str] = set()
        for frame in placed.frames:
            band_item = self._scene.cluster_items[frame.group]
            band_item.count = frame.count
            rect = QRectF(
                left + 2, frame.top - offset, self._scene.column_width - 4, frame.bottom - frame.top
            )
            band_item.set_frame(rect, frame.band)
            band_item.show()
            shown.add(frame.group)
        self._show_mark(key, view_height)
        return any(not i.measured for i in stack), shown

    def _place(self, key: str, items: list[CardItem], tops: list[float], offset: float) -> None:
        """Notes at their tops in a column scrolled by ``offset``; only the moved ones are
        touched (a capture is fast), and not the cards a drag carries."""
        x = self._scene.column_left(key) + COLUMN_PADDING
        carried = self._scene.drag.carried
        for item, top in zip(items, tops, strict=True):
            place = (x, top - offset)
            if item.laid_at != place and (not carried or item not in carried):
                item.laid_at = place
                item.setPos(*place)

    def _layout_tiles(self, key: str, view_height: float | None) -> None:
        """The overview: the column's cards as tiles, ``across`` to a row, in board order."""
        overview = self._scene.overview
        assert overview is not None
        stack = self._order.get(key, [])
        width = overview.tile_width(self._scene.column_width)
        places, self._content[key] = layout.tile_grid(
            len(stack), overview.across, width, overview.tile_height
        )
        offset = self._clamped(key, self.column_offset(key)) if view_height is not None else 0.0
        self._offsets[key] = offset
        x = self._scene.column_left(key)
        tile = (float(width), overview.tile_height, overview.font, overview.lines)
        carried = self._scene.drag.carried
        for item, (dx, dy) in zip(stack, places, strict=True):
            item.set_tile(tile)
            place = (x + dx, dy - offset)
            if item.laid_at != place and item not in carried:
                item.laid_at = place
                item.setPos(*place)
        self._show_mark(key, view_height)

    def _show_mark(self, key: str, view_height: float | None) -> None:
        if view_height is None or key in self._scene.slim_columns:
            self._scene.backdrops.hide_mark(key)
        else:
            content = self.content_height(key)
            stack = self.stack(key)
            unmade = self._scene.notes.count(key) - len(stack)  # (made after the first frame)
            if unmade > 0 and stack:  # the mark tells the whole column, guessed from its notes
                content += content / len(stack) * unmade
            self._scene.backdrops.show_mark(key, content, view_height, self.column_offset(key))

    def _clamped(self, key: str, offset: float) -> float:
        height = self._scene.view_height()
        if height is None:
            return 0.0
        content = self.content_height(key)
        overview = self._scene.overview
        if overview is not None and overview.pages > 1:  # every column turns to the last page
            content = max(content, height + overview.page_offset(overview.pages - 1))
        return layout.scroll_limit(content, height, offset)

    def measure_some(self) -> None:
        count = 0
        for item in self._scene.items_by_id.values():
            if not item.measured:
                item.measure()
                count += 1
                if count >= MEASURE_CHUNK:
                    self._measure_timer.start(0)
                    return
        self._scene.layout_cards()
