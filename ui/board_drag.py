"""Dragging cards on the board: the compact ghost under the pointer, the column it would
drop in lit, the drop line, the column scrolled near the view's edge, and at the end the
scene's ``cards_dropped`` (the listener builds the change; the scene never writes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QGraphicsRectItem

from fabrique_desktop.board_layout import COLUMN_PADDING, GAP
from ui import theme
from ui.card_item import CardItem

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from PySide6.QtWidgets import QGraphicsSceneMouseEvent, QGraphicsView

    from ui.board_scene import BoardScene

AUTOSCROLL_MARGIN = 48  # a drag this close to the view's top or bottom edge scrolls it
AUTOSCROLL_STEP = 28  # pixels per tick at the very edge
AUTOSCROLL_INTERVAL = 30  # ms between ticks while the pointer stays near the edge
GROUP_INSET = 14.0  # the drop indicator inside a group's frame: the card joins the group


class BoardDrag:
    def __init__(self, scene: BoardScene) -> None:
        self._scene = scene
        self.carried: list[CardItem] = []  # the grabbed card first, the others in board order
        self._press: tuple[QPointF, CardItem, bool] | None = None
        self._offset = QPointF()
        self._scroll_timer = QTimer(scene)
        self._scroll_timer.setInterval(AUTOSCROLL_INTERVAL)
        self._scroll_timer.timeout.connect(self._auto_scroll)
        self._view: QGraphicsView | None = None  # where the pointer of a drag is
        self._point = QPoint()  # …in that view's viewport coordinates
        self.indicator = QGraphicsRectItem()
        self.indicator.setBrush(QColor(theme.SELECTION))
        self.indicator.setPen(Qt.PenStyle.NoPen)
        self.indicator.setZValue(20)
        self.indicator.hide()
        scene.addItem(self.indicator)

    def press(self, pos: QPointF, item: CardItem, reselect: bool) -> None:
        """A card was pressed at ``pos``: a drag may start; a plain click on one card of a
        selection (``reselect``) selects just it when the button is released."""
        self._press = (pos, item, reselect)

    def move(self, event: QGraphicsSceneMouseEvent) -> bool:
        """The pointer moved: the drag starts or follows it. False if no card was pressed."""
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return False
        start, item, _ = self._press
        if item.card.id in self._scene.notes.read_only:  # an earlier atelier's: never moved
            return True
        if not self.carried:
            moved = event.screenPos() - event.buttonDownScreenPos(Qt.MouseButton.LeftButton)
            if moved.manhattanLength() < QApplication.startDragDistance() or not item.isSelected():
                return True
            self._start(start, item)
        self._drag_to(event.scenePos())
        self._follow_pointer(event)
        return True

    def release(self, pos: QPointF) -> bool:
        """The button was released: the drop, or a click. False if no card was pressed."""
        if self._press is None:
            return False
        _start, item, reselect = self._press
        self._press = None
        if self.carried:
            self._end(pos)
        elif reselect:  # a plain click on one card of a selection selects just that card
            self._scene.select_cards([item.card.id])
        return True

    def _start(self, pos: QPointF, grabbed: CardItem) -> None:
        scene = self._scene
        self.carried = [scene.items_by_id[i] for i in scene.selected_card_ids()]
        # the grabbed card leads; the others follow it in board order
        self.carried.remove(grabbed)
        self.carried.insert(0, grabbed)
        self._offset = pos - grabbed.pos()
        grabbed.set_ghost(True, len(self.carried) - 1)  # one line: the cards under it stay readable
        grabbed.setZValue(10)
        for item in self.carried[1:]:
            item.setOpacity(0.0)  # carried by the ghost (hidden, it would be unselected)

    def _drag_to(self, pos: QPointF) -> None:
        """The compact ghost under the pointer, the column under it lit, the drop line."""
        scene = self._scene
        lead = self.carried[0]
        grip = min(self._offset.x(), lead.boundingRect().width() - 24)
        lead.setPos(pos.x() - max(12.0, grip), pos.y() - lead.boundingRect().height() / 2)
        column = scene.column_at(pos.x())
        scene.backdrops.light(column)
        index = scene.drop_index(column, pos.y(), (i.card.id for i in self.carried))
        others = [i for i in scene.cards_in(column) if i not in self.carried]
        if scene.is_folded(column):  # a folded column: the line at the top of its band
            others = []
        if index < len(others):
            line_y = others[index].pos().y() - GAP / 2
        elif others:
            line_y = others[-1].pos().y() + others[-1].height() + GAP / 2
        else:  # an empty column (maybe a slim band): the line at its top
            line_y = COLUMN_PADDING / 2 + 3
        left = scene.column_left(column)
        inset = 4 + (GROUP_INSET if scene.group_at(column, pos.y()) is not None else 0)
        width = scene.column_width_of(column) - 2 * inset
        self.indicator.setRect(QRectF(left + inset, line_y - 3, width, 6))
        self.indicator.show()

    def _end(self, pos: QPointF) -> None:
        """The drop: the card it lands before (an anchor, not an index) and the group whose
        frame it is in. The change's announcement lays the board out; a drop that changed
        nothing (or was not stored) puts the cards back."""
        scene = self._scene
        column = scene.column_at(pos.x())
        carried = self.carried
        moving = {i.card.id for i in carried}
        index = scene.drop_index(column, pos.y(), moving)
        others = [i for i in scene.stack(column) if i.card.id not in moving]
        before = others[index].card.id if index < len(others) else None
        group = scene.group_at(column, pos.y())
        ids = scene.selected_card_ids()
        for item in carried:
            item.laid_at = None  # placed again by the next layout
            item.setZValue(0)
            item.set_ghost(False)
            item.setOpacity(scene.dims.opacity_of(item.card.id))
        self.carried = []
        self._scroll_timer.stop()
        self._view = None
        self.indicator.hide()
        scene.backdrops.light(None)
        scene.cards_dropped.emit(ids, column, before, group)
        if any(item.laid_at is None for item in carried):
            scene.layout_cards()

    def _follow_pointer(self, event: QGraphicsSceneMouseEvent) -> None:
        """Remember where a drag's pointer is in its view; near an edge, scroll."""
        from PySide6.QtWidgets import QGraphicsView  # the first drag, not start-up, pays it

        widget = event.widget()
        view = widget.parentWidget() if widget is not None else None
        if not isinstance(view, QGraphicsView):
            return
        self._view = view
        self._point = view.mapFromScene(event.scenePos())
        if self._scroll_speed():
            if not self._scroll_timer.isActive():
                self._scroll_timer.start()
        else:
            self._scroll_timer.stop()

    def _scroll_speed(self) -> int:
        view = self._view
        if view is None or not self.carried:
            return 0
        y, height = self._point.y(), view.viewport().height()
        if y < AUTOSCROLL_MARGIN:
            closeness = (AUTOSCROLL_MARGIN - max(y, 0)) / AUTOSCROLL_MARGIN
            return -max(1, round(AUTOSCROLL_STEP * closeness))
        if y > height - AUTOSCROLL_MARGIN:
            closeness = (y - (height - AUTOSCROLL_MARGIN)) / AUTOSCROLL_MARGIN
            return max(1, round(AUTOSCROLL_STEP * min(closeness, 1.0)))
        return 0

    def _auto_scroll(self) -> None:
        """Near the view's top or bottom edge, a drag scrolls the column under the pointer."""
        speed = self._scroll_speed()
        view = self._view
        if not speed or view is None:
            self._scroll_timer.stop()
            return
        point = view.mapToScene(self._point)
        if not self._scene.scroll_column(self._scene.column_at(point.x()), speed):
            self._scroll_timer.stop()  # the top or the bottom of that column
            return
        self._drag_to(point)
