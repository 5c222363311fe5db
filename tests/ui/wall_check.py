"""Nothing covered, cut or crushed on the wall (issue 13): what a person at the back of the
room would see wrong with the window as it is now.

``problems(window)`` lists, in plain words, every defect found: a column header or its count
cut or covered, card text smaller than the readable size, a card under the timer or a panel,
the filter's placeholder cut, the capture hint on two lines, the capture field crushed, the
board's height eaten by the timer. An empty list: the wall is fine.
"""

from __future__ import annotations

DESK_FLOOR = 16  # px: card text in a laptop window, down to 800×600 (20 px where it fits)
PROJECTOR_FLOOR = 28  # px: card text on the wall (issue 3: « at least 28 px »), at any width
REFERENCE_WIDTH = 1280
BOARD_SHARE = 0.78  # full screen at 1280 and more: the cards get this share of the height


def global_rect(widget):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, QRect

    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def shown(widget) -> bool:  # type: ignore[no-untyped-def]
    return widget is not None and widget.isVisible() and widget.width() > 0


def text_floor(window) -> int:  # type: ignore[no-untyped-def]
    """The smallest card text the room may be shown: 28 px on any projector (a narrow one,
    800×600 or 1024×768, folds columns rather than shrink the text), 16 on a laptop."""
    return PROJECTOR_FLOOR if window.board.projector else DESK_FLOOR


def smallest_card_text(window) -> int:  # type: ignore[no-untyped-def]
    """The smallest text size of any card on the board, measured (not estimated)."""
    scene = window.scene
    scene.notes.measure_all()
    sizes = [i.text_font().pixelSize() for i in scene.items_by_id.values() if i.isVisible()]
    return min(sizes, default=0)


def placeholder_room(line_edit) -> int:  # type: ignore[no-untyped-def]
    """Pixels a line edit gives its placeholder (as QLineEdit::paintEvent computes them)."""
    from PySide6.QtWidgets import QStyle, QStyleOptionFrame, QToolButton

    option = QStyleOptionFrame()
    line_edit.initStyleOption(option)
    contents = line_edit.style().subElementRect(
        QStyle.SubElement.SE_LineEditContents, option, line_edit
    )
    margins = line_edit.textMargins()
    room = contents.width() - margins.left() - margins.right()
    for button in line_edit.findChildren(QToolButton):  # the clear button keeps its place
        if button.isVisibleTo(line_edit) or line_edit.isClearButtonEnabled():
            room -= button.width() + 4
            break
    return room - 4  # QLineEdit's own horizontal margin around the text


def whole_placeholder(line_edit) -> bool:  # type: ignore[no-untyped-def]
    text = line_edit.placeholderText()
    return line_edit.fontMetrics().horizontalAdvance(text) <= placeholder_room(line_edit)


def problems(window, panel_over: bool = False) -> list[str]:  # type: ignore[no-untyped-def]
    """Everything wrong on the wall right now (empty: nothing covered, cut or crushed).
    ``panel_over``: a folded panel was opened over the board on purpose (F12)."""
    from PySide6.QtWidgets import QApplication, QDockWidget

    QApplication.processEvents()
    found: list[str] = []
    board, capture = window.board, window.capture
    viewport = global_rect(board.view.viewport())
    # the capture bar: the filter's placeholder whole, the hint on one line, the field roomy
    if (
        shown(capture.search)
        and not capture.search.text()
        and not whole_placeholder(capture.search)
    ):
        found.append(f"placeholder du filtre coupé ({capture.search.width()} px)")
    hint = capture.hint
    if shown(hint) and hint.height() >= 2 * hint.fontMetrics().lineSpacing():
        found.append(f"l'aide de saisie sur plusieurs lignes ({hint.height()} px)")
    row_width = capture.width()
    if capture.field.width() < 0.4 * row_width:
        found.append(f"champ de saisie écrasé ({capture.field.width()} px sur {row_width})")
    # the timer: never over a header, a count or a card
    timer = getattr(getattr(getattr(window, "animation", None), "timer", None), "overlay", None)
    timer_shown = shown(timer) and not timer.large
    if timer_shown:
        covering = global_rect(timer)
        if covering.intersects(viewport):
            found.append("le minuteur couvre des idées")
    # the headers: whole, uncovered
    for key, header in board.headers.items():
        if not shown(header):
            continue
        wanted = header._count if header.slim else header.full_text()
        if " ".join(header.text().split()) != " ".join(wanted.split()):  # one line or two
            found.append(f"en-tête coupé : « {header.text()} » au lieu de « {wanted} »")
        if timer_shown and global_rect(timer).intersects(global_rect(header)):
            found.append(f"le minuteur couvre l'en-tête de {key}")
        if not global_rect(window).contains(global_rect(header)):
            found.append(f"en-tête hors de la fenêtre : {key}")
    # panels: beside the board, never over it (a panel opened on demand over the board is
    # the facilitator's moment: not a state the room is left with)
    folding = getattr(getattr(window, "panel_strip", None), "folding", False)
    for dock in window.findChildren(QDockWidget):
        if not shown(dock) or dock.isFloating():
            continue
        if global_rect(dock).intersects(viewport):
            found.append(f"le panneau « {dock.windowTitle()} » couvre des idées")
        elif folding:  # full screen, this window the wall: every panel folds
            found.append(f"le panneau « {dock.windowTitle()} » écrase le tableau")
    screen = window.screen()
    whole = window.isFullScreen() or window.isMaximized()
    if whole and screen is not None and not screen.geometry().contains(global_rect(window)):
        found.append(f"la fenêtre déborde de l'écran ({window.width()}×{window.height()})")
    overlay = getattr(getattr(window, "panel_strip", None), "overlay", None)
    if shown(overlay) and global_rect(overlay).intersects(viewport) and not panel_over:
        found.append("un panneau déplié couvre des idées")
    # the cards: readable, and the board keeps its height in full screen
    floor, smallest = text_floor(window), smallest_card_text(window)
    if smallest < floor:
        found.append(f"texte des idées à {smallest} px (au moins {floor} px)")
    wide = window.width() >= REFERENCE_WIDTH
    if board.projector and wide and viewport.height() < BOARD_SHARE * window.height():
        found.append(f"le tableau n'a que {viewport.height()} px de haut sur {window.height()}")
    return found
