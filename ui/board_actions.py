"""Everything one can do on the board, as actions with shortcuts, menus and a context menu.

Each action builds a core ``Change`` (``fabrique_desktop.board``) and pushes it through the
controller, so that undo, redo and the database stay one with what the scene shows.
Card shortcuts (0–4, Ctrl+Up/Down, Enter/F2, Del…) only act when the board has the focus:
typing « 1 » in the capture field types a 1.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from fabrique_desktop import board
from fabrique_desktop.capture import markers_for
from fabrique_desktop.changes import Change, Origin
from fabrique_desktop.filters import Filter, parse_query
from fabrique_desktop.model import FUTUR, HORIZONS, IDEA, Card, Persona, Series, Table
from ui.board_controller import BoardController
from ui.board_scene import BoardScene
from ui.board_view import BoardView
from ui.capture_bar import CaptureBar
from ui.first_frame import after_first_frame

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from PySide6.QtWidgets import QMenu

    from fabrique_desktop.groups import Cluster
    from ui.card_editor import CardEditor
    from ui.group_actions import GroupActions

T = TypeVar("T")

# light note colours: black text on each of them passes WCAG AA (tests/ui/test_board_theme.py)
NOTE_COLOURS = ("#FFF59D", "#FFCC80", "#F8BBD0", "#C5E1A5", "#B3E5FC", "#FFFFFF")


class BoardActions(QObject):
    """The board's actions for one window. ``actions`` lists them for the shortcuts sheet.

    Signals:
        reloaded(): the whole board was read again from the database (``start``).
    """

    reloaded = Signal()
    trace_requested = Signal()  # « Tracer dans un engagement… » (a Convergence wall's menu)

    # the table of a note-taker's copy (issue 7): ideas typed without « =n » go to it
    default_table: int | None = None

    def __init__(
        self,
        controller: BoardController,
        scene: BoardScene,
        board_view: BoardView,
        capture: CaptureBar,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.controller = controller
        self.scene = scene
        self.board_view = board_view
        self.capture = capture
        self.window = window
        self.filter = Filter()
        self.personas: list[Persona] = []
        self.tables: list[Table] = []
        self._editor: CardEditor | None = None
        self.actions: list[QAction] = []
        self._card_tags: dict[str, tuple[str, ...]] = {}  # the vocabulary's tags, per card
        self._tag_counts: dict[str, int] = {}
        self._started = False
        self._groups: GroupActions | None = None
        self._earlier_objectives: list[Cluster] = []  # a Convergence wall's, read-only
        self._build()
        capture.search.textChanged.connect(self._filter_changed)
        capture.search.left.connect(self._leave_search)
        scene.cards_dropped.connect(self.drop)
        scene.card_activated.connect(self.edit_card)
        scene.group_activated.connect(self._rename_group)
        scene.context_menu_requested.connect(self.show_context_menu)
        scene.earlier_chosen.connect(self.tell_read_only)
        controller.bus.changed.connect(self._on_changed)

    @property
    def editor(self) -> CardEditor:
        """The card editor, made when a card is first edited: the first frame does not wait
        for a hidden QPlainTextEdit, its completer and the Qt text classes they set up."""
        if self._editor is None:
            from ui.card_editor import CardEditor  # see above: not on the path to the first frame

            self._editor = CardEditor(self.capture.vocabulary, self.board_view)
            self._editor.finished.connect(self._save_edit)
            self._editor.cancelled.connect(self._edit_cancelled)
        return self._editor

    def save_pending_edit(self) -> None:
        """An idea being edited in place (F2) when the window goes is saved, as Enter would:
        the window replaced (`fabrique --open N`, « Ouvrir », the language) took the words."""
        if self._editor is not None:
            self._editor.save_pending()

    def open(self, opening: board.BoardOpening) -> None:
        """Show the board as read for its first frame; on a large board its other cards are
        read after that frame."""
        self.start(opening.cards, opening.fusions, opening.later)

    def start(
        self,
        cards: list[Card],
        fusions: dict[str, set[str]] | None = None,
        later: dict[str, int] | None = None,
    ) -> None:
        """Show the session's cards with their personas, tables and tags; ``fusions``, each
        fused card's originals, when read with the cards (else read here); ``later``, how
        many cards of each column are not read yet: read after the window's first frame."""
        self.reload_people(layout=False)
        self.reload_marks(layout=False)
        if self._started:
            self.reload_clusters(layout=False)
        else:  # opening the window: the groups come right after the first frame (start-up)
            after_first_frame(self.window, lambda: self.reload_clusters(layout=False))
        self._started = True
        self.scene.notes.fused_sources = self._fusions() if fusions is None else fusions
        earlier = self.controller.earlier_cards()
        self.scene.notes.read_only = {e.card.id: self._trace(e.ateliers) for e in earlier}
        objectives = self.controller.earlier_objectives(earlier) if earlier else []
        self._earlier_objectives = [o.cluster for o in objectives]
        self.scene.groups.read_only = {o.cluster.id: self._trace(o.ateliers) for o in objectives}
        self.scene.groups.label = self.tr("Objectif · {}")
        # in their objective, if any; outside their atelier's other groups
        kept = self.scene.groups.read_only
        shown = [
            e.card if e.card.cluster_id in kept else dataclasses.replace(e.card, cluster_id=None)
            for e in earlier
        ]
        self.scene.notes.show([*cards, *shown], later, self.controller.read_cards)
        if later:  # the columns now (the capture bar's width in the first frame), the
            # tags of every card once they are all read
            self._update_vocabulary([*cards, *shown])
            after_first_frame(self.window, self._update_vocabulary)
        else:
            self._update_vocabulary()
        if self.filter.active:
            self._apply_filter()
        self.reloaded.emit()

    def _trace(self, ateliers: tuple[int, ...]) -> str:
        """What an earlier atelier's piste says on a Convergence wall: where it comes from,
        and that it is only shown here."""
        if len(ateliers) == 1:
            return self.tr("Atelier {} · lecture seule").format(ateliers[0])
        numbers = ", ".join(str(n) for n in ateliers[:-1])
        return self.tr("Ateliers {} et {} · lecture seule").format(numbers, ateliers[-1])

    def tell_read_only(self) -> bool:
        """An earlier atelier's piste chosen on a Convergence wall: the status bar says it is
        read-only here, and what it is for (an engagement traced to it). False if none is."""
        message = self.read_only_message()
        if message:
            self.board_view.notice.emit(message)
        return bool(message)

    def read_only_message(self) -> str:
        """What the status bar says of the earlier ateliers' pistes chosen (a Convergence
        wall): read-only here, and what they are for; "" if none is chosen."""
        trace = self._chosen_trace()
        if not trace:  # nothing earlier chosen (every wall but a Convergence one)
            return ""
        if self.scene.selection.selected_objectives():
            message = self.tr("{} : Ctrl+E le trace dans un engagement ; il ne change pas ici.")
        else:
            message = self.tr("{} : Ctrl+E la trace dans un engagement ; elle ne change pas ici.")
        return message.format(trace)

    def _chosen_trace(self) -> str:
        """Where the first earlier objective or piste chosen comes from: « Objectif « Un
        nom » · Ateliers 3 et 4 · lecture seule », « Ateliers 3 et 4 · lecture seule »; ""
        if none is chosen."""
        earlier = self.scene.selected_earlier_ids() if self.scene.notes.read_only else []
        if not earlier:
            return ""
        objectives = self.scene.selection.selected_objectives()
        if objectives:
            cluster = self.scene.clusters[objectives[0]]
            trace = self.scene.groups.read_only[cluster.id]
            return self.tr("Objectif « {} » · {}").format(cluster.name, trace)
        return self.scene.notes.read_only[earlier[0]]

    def _rename_group(self, cluster_id: str) -> None:
        """A group's band double-clicked: rename it; an earlier objective is read-only."""
        if cluster_id in self.scene.groups.read_only:
            self.tell_read_only()
        else:
            self.groups().rename(cluster_id)

    def refusal(self, reason: str) -> str:
        """What the status bar says when an action on the selection is refused for
        ``reason``: with only earlier ateliers' pistes chosen, that they are read-only; with
        this atelier's cards chosen too, ``reason`` (the action looked at those cards), and
        that the earlier pistes were left out."""
        trace = self._chosen_trace()
        if not trace:
            return reason
        if not self.scene.selected_card_ids():
            return self.read_only_message()
        if self.scene.selection.selected_objectives():  # « un objectif » (masculine)
            return self.tr("{} ({} : laissé de côté)").format(reason, trace)
        return self.tr("{} ({} : laissée de côté)").format(reason, trace)

    def capture_line(self, line: str) -> str | None:
        """Add the idea typed in the capture field (with its markers); its id once stored."""
        parsed = self.capture.vocabulary.parse(line)
        if not parsed.text:
            return None
        if parsed.table_number is None and self.default_table is not None:
            parsed = dataclasses.replace(parsed, table_number=self.default_table)
        change = board.capture_parsed(
            self.controller.store,
            self._session_id,
            parsed,
            self.capture.target_column(),
            self.controller.ends,
        )
        if not self.controller.bus.push(change):
            return None
        return next(iter(change.touched(Card.kind)), None)

    # data around the board

    def reload_people(self, layout: bool = True) -> None:
        store = self.controller.store
        self.personas = sorted(
            store.find(Persona, series_id=self.controller.series.id), key=lambda p: p.position
        )
        self.tables = board.session_tables(store, self.controller.session.id)
        self.scene.notes.set_people(self.personas, self.tables)
        if layout:
            self._set_vocabulary()

    def reload_marks(self, layout: bool = True) -> None:
        """What a Valeurs wall's cards became: the atout and the problème a paradox was
        formed from say « Paradoxe 2 », a proposal adopted as a value « Valeur adoptée »
        (the series' diagnostic and values, which Ctrl+Alt+P and Ctrl+Alt+A change)."""
        from fabrique_desktop.paradox_cards import formed_from

        series = self.controller.store.get(Series, self.controller.series.id)
        template = series.template if series is not None else {}
        notes = self.scene.notes
        notes.paradox_label = self.tr("Paradoxe {}")
        notes.value_label = self.tr("Valeur adoptée")
        values = template.get("values", []) if self.controller.session.phase == "valeurs" else []
        adopted = frozenset(  # elsewhere a value key on a card links it to a value (its menu)
            str(v.get("key")) for v in values if isinstance(v, dict) and v.get("key")
        )
        if notes.set_marks(formed_from(template), adopted) and layout:
            self.scene.layout_cards()

    def reload_clusters(self, layout: bool = True) -> None:
        """The session's groups, drawn around their cards."""
        from fabrique_desktop import groups

        clusters = groups.clusters(self.controller.store, self._session_id)
        clusters += self._earlier_objectives  # a Convergence wall: read-only, traced
        if layout or clusters or self.scene.clusters:
            self.scene.set_clusters(clusters)

    def select_and_show(self, card_ids: Iterable[str], focus: bool = True) -> list[str]:
        """Select these cards (those on the board), scroll to the first one and give the
        board the keyboard: 1–4, + and the arrows act on them at once. Returns the ids
        selected, in board order."""
        wanted = list(card_ids)
        if any(i not in self.scene.items_by_id for i in wanted):
            self.scene.notes.flush()  # cards whose notes are not made yet
        self.scene.select_cards(wanted)
        chosen = self.scene.selected_card_ids()
        if chosen:
            self.scene.select_cards(chosen, current=chosen[0])
            self.scene.layout_cards()
            self.board_view.view.show_card(chosen[0])
        if focus:
            self.board_view.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return chosen

    def selected_cards(self) -> list[Card]:
        cards = (self.controller.card(i) for i in self.scene.selected_card_ids())
        own = self._session_id  # never an earlier atelier's piste shown on this wall
        return [c for c in cards if c is not None and not c.deleted and c.session_id == own]

    # actions on the selection

    def push(
        self, change: Change, select: list[str] | None = None, merge_key: object = None
    ) -> bool:
        if not change:
            return False
        ids = select if select is not None else self.scene.selected_card_ids()
        current = self.scene.current_card_id()
        ok = self.controller.bus.push(change, merge_key)
        if ok:
            self.scene.select_cards(ids, current)
            if current:
                self.board_view.view.show_card(current)
        return ok

    def send_to(self, index: int) -> None:
        from fabrique_desktop import grouping

        columns = self.scene.columns
        if not 0 <= index < len(columns):
            return
        cards = self.selected_cards()
        if cards:  # out of their groups (a whole group goes with its frame)
            store = self.controller.store
            self.push(grouping.send(store, self._session_id, cards, columns[index].key))
        else:  # maybe an earlier atelier's piste: it stays, and the status bar says why
            self.tell_read_only()

    def reorder(self, delta: int) -> None:
        """Ctrl+Up/Down: one step as shown; out of a group at its edge, into the next one;
        a selected group moves as a block."""
        from fabrique_desktop import grouping

        cards = self.selected_cards()
        if cards:
            chosen = (
                self.scene.selection.chosen_group is not None
                and self.scene.selected_group() is not None
            )
            change = grouping.reorder(self.controller.store, self._session_id, cards, delta, chosen)
            self.push(change, merge_key=self._keyboard_move(cards))
        else:
            self.tell_read_only()

    def groups(self) -> GroupActions:
        """Renaming groups and taking cards out (made on first use)."""
        if self._groups is None:
            from ui.group_actions import GroupActions

            self._groups = GroupActions(self)
        return self._groups

    @staticmethod
    def _keyboard_move(cards: list[Card]) -> tuple[str, frozenset[str]]:
        """Nudges of one selection, one after the other (within a second), are one step."""
        return ("keyboard move", frozenset(c.id for c in cards))

    def drop(
        self, card_ids: list[str], column: str, before: str | None, group: str | None = None
    ) -> None:
        """Cards dropped in ``column`` before the card ``before`` (None: at the end), inside
        the frame of ``group`` or not. The cards are the rows the board shows (as the last
        change that touched them carried them): a drag reads no row before it writes."""
        from fabrique_desktop import grouping

        cards = [c for c in (self.scene.notes.card(i) for i in card_ids) if c is not None]
        if cards:
            store = self.controller.store
            change = grouping.drop(store, self._session_id, cards, column, before, group)
            self.push(change, card_ids)

    def delete(self) -> None:
        cards = self.selected_cards()
        if not cards:
            self.tell_read_only()
            return
        following = self._neighbour_after(cards)
        if self.controller.bus.push(board.delete(cards)):
            self.scene.select_cards([following] if following else [])

    def set_horizon(self, horizon: str) -> None:
        cards = self.selected_cards()
        self.push(board.set_fields(cards, "Horizon", horizon=horizon))

    def set_persona(self, persona_id: str | None) -> None:
        self.push(board.set_fields(self.selected_cards(), "Persona", persona_id=persona_id))

    def set_card_kind(self, card_kind: str) -> None:
        """A participant's idea, or a « Futur engagé » item (a decision already taken)."""
        self.push(board.set_fields(self.selected_cards(), "Nature", card_kind=card_kind))

    def set_colour(self, colour: str) -> None:
        self.push(board.set_fields(self.selected_cards(), "Couleur", colour=colour))

    def toggle_value(self, key: str) -> None:
        cards = self.selected_cards()
        self.push(board.toggle_list_item(cards, "value_keys", key, "Valeur"))

    def edit_selected(self) -> None:
        """Enter/F2: edit the current idea, or rename the selected group."""
        if self.board_view.enter_was_for_the_count():  # « * 12 Entrée »: one thing only
            return
        if self.scene.selected_group() is not None:
            self.groups().rename()
            return
        card_id = self.scene.current_card_id()
        if card_id:
            self.edit_card(card_id)
        else:  # an earlier atelier's piste: not edited here, and said so
            self.tell_read_only()

    def edit_card(self, card_id: str) -> None:
        card = self.controller.card(card_id)
        item = self.scene.items_by_id.get(card_id)
        if card_id in self.scene.notes.read_only:
            self.tell_read_only()
            return
        if card is None or item is None:
            return
        view = self.board_view.view
        view.show_card(card_id)
        persona = next((p for p in self.personas if p.id == card.persona_id), None)
        table = next((t for t in self.tables if t.id == card.table_id), None)
        markers = markers_for(
            persona=persona,
            table_number=table.number if table else None,
            horizon=card.horizon,
            tags=card.tags,
            card_kind=card.card_kind,
        )
        line = f"{card.text} {markers}".strip()
        polygon = view.mapFromScene(item.sceneBoundingRect())
        rect = polygon.boundingRect()
        top_left = view.viewport().mapTo(self.board_view, rect.topLeft())
        rect = QRect(top_left, rect.size())  # the whole note: the editor wraps its lines
        viewport = view.viewport()  # the cards' area: the column headers stay in sight
        area = QRect(viewport.mapTo(self.board_view, QPoint(0, 0)), viewport.size())
        self.editor.start(card_id, line, rect, round(self.scene.pixel_size), area)

    def select_all(self) -> None:
        ids = [
            i for c in self.scene.columns for i in (x.card.id for x in self.scene.cards_in(c.key))
        ]
        self.scene.select_cards(ids)

    def show_context_menu(self, position: QPoint | None = None) -> None:
        """The chosen cards' menu (right click, the context-menu key, Shift+F10); only
        earlier ateliers' pistes chosen (a Convergence wall): what can be done with them."""
        own = self.scene.selected_card_ids()
        earlier = self.scene.selected_earlier_ids()
        if not own and not earlier:
            return
        menu = self.context_menu() if own else self.earlier_menu()
        if position is None:
            view = self.board_view.view
            current = self.scene.current_card_id()
            if current is None:
                chosen = self.scene.selection.current
                current = chosen if chosen in earlier else earlier[-1]
            item = self.scene.items_by_id.get(current)
            point = view.mapFromScene(item.sceneBoundingRect().center()) if item else QPoint()
            position = view.viewport().mapToGlobal(point)
        menu.popup(position)
        self._menu = menu  # kept alive while shown

    def earlier_menu(self) -> QMenu:
        """The menu of earlier ateliers' pistes chosen on a Convergence wall: where they
        come from (read-only here) and the one thing done with them, an engagement."""
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self.window)
        said = menu.addAction(self._chosen_trace())
        said.setEnabled(False)  # what they are, not an action
        menu.addSeparator()
        self._add_trace_action(menu)
        objective = self._objective_of_current()
        if objective is not None:  # the keyboard's way to an objective of a single piste too
            name = self.scene.clusters[objective].name
            choose = menu.addAction(self.tr("Choisir l'objectif « {} »").format(name))
            choose.triggered.connect(lambda _=False: self.scene.selection.select_group(objective))
        return menu

    def _objective_of_current(self) -> str | None:
        """The earlier objective of the current piste, when it is not chosen whole already."""
        from fabrique_desktop.grouping import group_of

        scene = self.scene
        item = scene.items_by_id.get(scene.selection.current or "")
        if item is None or item.card.id not in scene.notes.read_only:
            return None
        cluster_id = group_of(item.card, scene.clusters)
        chosen = scene.selection.selected_objectives()
        if cluster_id not in scene.groups.read_only or cluster_id in chosen:
            return None
        return cluster_id

    def _add_trace_action(self, menu: QMenu) -> None:
        """« Tracer dans un engagement… » (Ctrl+E): an engagement traced to the chosen cards
        and earlier pistes."""
        trace = menu.addAction(self.tr("Tracer dans un engagement…"))
        trace.setShortcut(QKeySequence("Ctrl+E"))  # shown; the Animation menu's does it
        trace.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the menu's own only
        trace.triggered.connect(lambda _=False: self.trace_requested.emit())

    def context_menu(self) -> QMenu:
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self.window)
        if self.scene.notes.read_only:  # a Convergence wall: its cards and earlier pistes
            self._add_trace_action(menu)
            menu.addSeparator()
        menu.addAction(self.edit_action)
        send = menu.addMenu(self.tr("Envoyer vers"))
        for action in self.send_actions:
            send.addAction(action)
        menu.addAction(self.up_action)
        menu.addAction(self.down_action)
        menu.addSeparator()
        cards = self.selected_cards()
        horizon = menu.addMenu(self.tr("Horizon"))
        for value, title in (*((h, h) for h in HORIZONS), ("", self.tr("Aucun"))):
            self._choice(
                horizon, title, all(c.horizon == value for c in cards), self.set_horizon, value
            )
        kinds = menu.addMenu(self.tr("Nature"))
        for value, title in ((IDEA, self.tr("Piste de projet")), (FUTUR, self.tr("Futur engagé"))):
            chosen = all(c.card_kind == value for c in cards)
            self._choice(kinds, title, chosen, self.set_card_kind, value)
        personas = menu.addMenu(self.tr("Persona"))
        self._choice(
            personas, self.tr("Aucun"), all(not c.persona_id for c in cards), self.set_persona, None
        )
        for persona in self.personas:
            title = f"{persona.first_name} — {persona.role}" if persona.role else persona.first_name
            chosen = all(c.persona_id == persona.id for c in cards)
            self._choice(personas, title, chosen, self.set_persona, persona.id)
        colours = menu.addMenu(self.tr("Couleur"))
        self._choice(
            colours,
            self.tr("Couleur de la colonne"),
            all(not c.colour for c in cards),
            self.set_colour,
            "",
        )
        names = (
            self.tr("Jaune"),
            self.tr("Orange"),
            self.tr("Rose"),
            self.tr("Vert"),
            self.tr("Bleu"),
            self.tr("Blanc"),
        )
        for colour, name in zip(NOTE_COLOURS, names, strict=True):
            chosen = all(c.colour == colour for c in cards)
            self._choice(colours, name, chosen, self.set_colour, colour)
        values = menu.addMenu(self.tr("Valeurs"))
        for entry in self.controller.template.section("values"):
            key = entry.get("key", "")
            chosen = bool(cards) and all(key in c.value_keys for c in cards)
            self._choice(values, entry.get("title", key), chosen, self.toggle_value, key)
        if self.scene.clusters:
            self.groups().add_to_menu(menu)
        if any(c.id in self.scene.notes.fused_sources for c in cards):
            menu.addSeparator()
            menu.addAction(self.tr("Défaire la fusion"), self.unfuse_selected)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    def unfuse_selected(self) -> None:
        """The fused ideas of the selection give back their originals, selected (an undo
        step, as the fusion was)."""
        from fabrique_desktop import card_fusion
        from fabrique_desktop.errors import FabriqueError

        try:
            change, originals = card_fusion.unfuse_selection(
                self.controller.store, self.selected_cards()
            )
        except FabriqueError as error:
            self.board_view.notice.emit(str(error))
            return
        self.push(change, originals)

    # private

    def _fusions(self) -> dict[str, set[str]]:
        """Each fused card's originals (read once, when the board is shown)."""
        found: dict[str, set[str]] = {}
        for card in self.controller.store.find(Card, session_id=self._session_id):
            if card.merged_into is not None and not card.deleted:
                found.setdefault(card.merged_into, set()).add(card.id)
        return found

    @property
    def _session_id(self) -> str:
        return self.controller.session.id

    def _choice(
        self, menu: QMenu, title: str, checked: bool, slot: Callable[[T], None], value: T
    ) -> None:
        action = menu.addAction(title)
        action.setCheckable(True)
        action.setChecked(checked)
        action.triggered.connect(lambda _=False, v=value: slot(v))

    def _neighbour_after(self, cards: list[Card]) -> str | None:
        gone = {c.id for c in cards}
        last = self.scene.items_by_id.get(cards[-1].id)
        if last is None:
            return None
        stack = self.scene.cards_in(last.card.column)
        after = stack[stack.index(last) + 1 :] + list(reversed(stack[: stack.index(last)]))
        return next((i.card.id for i in after if i.card.id not in gone), None)

    def _save_edit(self, card_id: str, line: str) -> None:
        card = self.controller.card(card_id)
        if card is not None:
            parsed = self.capture.vocabulary.parse(line)
            change = board.edit_parsed(self.controller.store, card, parsed, keep_column=False)
            self.push(change, [card_id])
        self._back_to_board()

    def _edit_cancelled(self, card_id: str) -> None:
        self._back_to_board()

    def _back_to_board(self) -> None:
        """An edit ended by Enter or Esc gives the keyboard back to the board; one ended by
        the keyboard going elsewhere (Ctrl+N, a click in the filter) leaves it there (the
        board took it from the capture field: the next idea typed was lost on the board)."""
        if self.editor.kept_keyboard:
            self.board_view.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_changed(self, change: Change, origin: Origin) -> None:
        """Only the touched cards are looked at, as the change carries them (whether the
        scene heard of it first or not): a capture on a board of 2000 ideas does not walk
        the board."""
        touched = change.touched(Card.kind)
        if change.touched(Persona.kind) or change.touched(Table.kind):
            self.reload_people()
        if change.touched(Series.kind):  # a paradox formed, a value adopted (or undone)
            self.reload_marks()
        if change.touched("clusters"):  # grouped, ungrouped, renamed (or undone)
            self.reload_clusters()
        if not touched:
            return
        rows = change.read(Card)
        live = {i: c for i, c in rows.items() if not c.deleted and c.merged_into is None}
        self._follow_tags(touched, live)
        if self.filter.active:
            dimmed = self.filter.dimmed(list(live.values()))
            self.scene.dims.set((self.scene.dims.ids - touched) | dimmed)

    def _update_vocabulary(self, cards: Iterable[Card] | None = None) -> None:
        """The capture's words: the wall's columns, personas, and the tags of ``cards``
        (every card of the board if None) by use."""
        if cards is None:
            cards = self.scene.notes.all_cards()
        self._card_tags = {c.id: tuple(c.tags) for c in cards if c.tags}
        counts: dict[str, int] = {}
        for tags in self._card_tags.values():
            for tag in tags:
                counts[tag] = counts.get(tag, 0) + 1
        self._tag_counts = counts
        self._set_vocabulary()

    def _follow_tags(self, card_ids: set[str], live: dict[str, Card]) -> None:
        """Keep the tag counts of the vocabulary (most used first) from the touched cards
        (``live``: those still on the board, as written)."""
        changed = False
        counts = self._tag_counts
        for card_id in card_ids:
            card = live.get(card_id)  # None: deleted or merged away
            now = tuple(card.tags) if card is not None else ()
            before = self._card_tags.pop(card_id, ())
            if now:
                self._card_tags[card_id] = now
            if now == before:
                continue
            changed = True
            for tag in before:
                counts[tag] -= 1
                if not counts[tag]:
                    del counts[tag]
            for tag in now:
                counts[tag] = counts.get(tag, 0) + 1
        if changed:
            self._set_vocabulary()

    def _set_vocabulary(self) -> None:
        tags = board.rank_tags(self._tag_counts)
        self.capture.set_vocabulary(self.personas, self.scene.columns, tags)

    def _filter_changed(self, query: str) -> None:
        self.filter = parse_query(
            query,
            personas=self.personas,
            tables=self.tables,
            known_tags=self.capture.vocabulary.tags,
        )
        self._apply_filter()

    def _apply_filter(self) -> None:
        cards = self.scene.notes.all_cards()
        self.scene.dims.set(self.filter.dimmed(cards))
        problems = " ".join(self.filter.problems)
        if problems:
            self.capture.hint.set_texts("⚠ " + problems)
        elif not self.capture.field.text():
            self.capture.hint.set_texts(*self.capture.default_hints())

    def _leave_search(self) -> None:
        if self.capture.search.text():
            # setText, not clear(): it forgets the field's own undo, so the next Ctrl+Z is the
            # board's (the last move), not the filter typed back
            self.capture.search.setText("")
        else:
            self.board_view.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _focus_search(self) -> None:
        self.capture.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.capture.search.selectAll()

    def _action(
        self,
        text: str,
        shortcuts: list[str],
        slot: Callable[[], None],
        on_board: bool = True,
    ) -> QAction:
        action = QAction(text, self.window)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(lambda _=False: slot())
        target = self.board_view.view if on_board else self.window
        if on_board:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        target.addAction(action)
        self.actions.append(action)
        return action

    def _build(self) -> None:
        self.send_actions = []
        for index, column in enumerate(self.scene.columns):
            keys = [str(index)] if index < 10 else []
            action = self._action(
                self.tr("Envoyer vers « {} »").format(column.title),
                keys,
                partial(self.send_to, index),
            )
            self.send_actions.append(action)
        self.up_action = self._action(self.tr("Monter"), ["Ctrl+Up"], lambda: self.reorder(-1))
        self.down_action = self._action(
            self.tr("Descendre"), ["Ctrl+Down"], lambda: self.reorder(1)
        )
        self.edit_action = self._action(
            self.tr("Modifier l'idée"), ["Return", "Enter", "F2"], self.edit_selected
        )
        self.delete_action = self._action(
            self.tr("Supprimer"), ["Delete", "Backspace"], self.delete
        )
        self.select_all_action = self._action(
            self.tr("Tout sélectionner"), ["Ctrl+A"], self.select_all
        )
        self.menu_action = self._action(
            self.tr("Menu de l'idée"), ["Menu", "Shift+F10"], self.show_context_menu
        )
        self.search_action = self._action(
            self.tr("Filtrer les idées"), ["Ctrl+F"], self._focus_search, on_board=False
        )
        self.fit_action = self._action(
            self.tr("Ajuster à la fenêtre"), ["Ctrl+9"], self.board_view.fit_to_window, False
        )
        for horizon in HORIZONS:
            self._action(
                self.tr("Horizon {}").format(horizon),
                [f"Alt+{horizon[-2]}"],
                partial(self.set_horizon, horizon),
            )
