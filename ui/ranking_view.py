"""The ranking for the projector: the top ideas with their dots, in very large type.

While a secret vote is not revealed, the ranking stays hidden behind a « Révéler » button.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop import votes
from fabrique_desktop.model import Participant, Table
from fabrique_desktop.ports import Store
from fabrique_desktop.template import Template
from fabrique_desktop.typography import french_spacing
from ui import facilitation_style as style
from ui import theme
from ui.change_writer import Writer, unwired
from ui.count_words import by_count, counted
from ui.room_screen import RoomScreen

SIZE = QSize(1200, 680)  # on a 1280×720 screen; a larger one grows it and its type


class RankingView(RoomScreen):
    """Signals:
    reveal_requested(): the facilitator pressed « Révéler » on a secret vote.
    """

    reveal_requested = Signal()

    def __init__(
        self, store: Store, session_id: str, template: Template, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.write: Writer = unwired  # the window's bus, set by its feature
        self.store = store
        self.session_id = session_id
        self.template = template
        self.setWindowTitle(self.tr("Classement des idées"))
        style.projector(self)  # restyle() shows the ranking again: not before it is built
        self.title = style.label(self.tr("Classement"), "title")
        self.top = QSpinBox()
        self.top.setRange(1, 100)
        self.top.setPrefix(self.tr("Afficher les "))
        self.top.setSuffix(self.tr(" premières"))
        self.top.setValue(votes.settings(store, session_id).top_n)
        self.top.valueChanged.connect(self._top_changed)
        self.reveal_button = QPushButton(self.tr("Révéler les votes"))
        self.reveal_button.clicked.connect(self.reveal_requested)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Classement"))
        close = QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.close)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.top)
        header.addWidget(self.reveal_button)
        header.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.browser, 1)
        self.resize(SIZE)
        style.no_default_button(self)
        self.refresh()

    def refresh(self) -> None:
        pt = self._pt
        state = votes.settings(self.store, self.session_id)
        hidden = votes.counts_hidden(state)
        self.reveal_button.setVisible(hidden)
        if hidden:
            self.rows: list[tuple[str, int]] = []
            self.browser.setHtml(
                f"<p style='font-size: {pt(30)}; text-align: center; "
                f"margin-top: {round(80 * self.scale)}px'>"
                + escape(self.tr("Vote secret : le classement sera révélé à la fin du vote."))
                + "</p>"
            )
            return
        ranked = votes.ranking(self.store, self.session_id, self.top.value())
        self.rows = [(card.text, count) for card, count in ranked]
        from_phones = votes.phone_totals(self.store, self.session_id) if ranked else {}
        if not ranked:
            self.browser.setHtml(
                f"<p style='font-size: {pt(28)}'>"
                + escape(self.tr("Aucun vote pour l'instant."))
                + "</p>"
            )
            return
        rows = []
        rank = 0
        previous = None
        for index, (card, count) in enumerate(ranked, start=1):
            if count != previous:
                rank, previous = index, count
            try:
                column = self.template.column(card.column)
                colour, title = column.colour, column.title
            except KeyError:
                colour, title = "#455A64", ""
            ink = theme.readable_ink(colour)
            dots = self.tr("{} gommettes").format(count) if count > 1 else self.tr("1 gommette")
            if from_phones.get(card.id):
                dots += self.tr(", dont {} par téléphone").format(from_phones[card.id])
            words = escape(french_spacing(card.text))  # « » and « : » whole
            rows.append(
                "<tr>"
                f"<td style='font-size: {pt(30)}; font-weight: bold; padding: 6px 16px'>{rank}</td>"
                f"<td style='font-size: {pt(24)}; padding: 6px 12px'>{words}"
                f"<br><span style='font-size: {pt(14)}; background: {colour}; color: {ink}'>"
                f"&nbsp;{escape(title)}&nbsp;</span></td>"
                f"<td style='font-size: {pt(26)}; font-weight: bold; color: {style.DOT}; "
                f"padding: 6px 16px' align='right'>{count}</td>"
                f"<td style='font-size: {pt(14)}; color: {style.MUTED}'>{escape(dots)}</td>"
                "</tr>"
            )
        kinds = votes.dots_by_kind(self.store, self.session_id)
        who = ""
        if len(kinds) > 1 or any(k.kind == votes.PHONES for k in kinds):
            who = (
                f"<p style='font-size: {pt(16)}; color: {style.MUTED}'>"
                + escape(
                    self.tr("Qui a voté : ")
                    + self.tr(" ; ").join(self._kind_text(k) for k in kinds)  # English: « ; »
                )
                + "</p>"
            )
        self.browser.setHtml(f"{who}<table width='100%' cellspacing='4'>{''.join(rows)}</table>")

    def restyle(self) -> None:
        """The type at ``scale``, the ranking's own sizes too."""
        super().restyle()
        self.refresh()

    def _pt(self, size: float) -> str:
        return style.pt(size, self.scale)

    def _kind_text(self, kind: votes.KindDots) -> str:
        """« Téléphones : 35 gommettes de 20 téléphones (2 votes) », in the interface's language."""
        titles = {
            Table.kind: self.tr("Tables"),
            Participant.kind: self.tr("Participants"),
            votes.ROOM: self.tr("Salle (gommettes comptées)"),
            votes.PHONES: self.tr("Téléphones"),
            votes.OTHERS: self.tr("Autres votants"),
        }
        voters = {
            Table.kind: (self.tr("table"), self.tr("tables")),
            Participant.kind: (self.tr("participant"), self.tr("participants")),
            votes.PHONES: (self.tr("téléphone"), self.tr("téléphones")),
            votes.OTHERS: (self.tr("votant"), self.tr("votants")),
        }
        text = counted(kind.dots, self.tr("1 gommette"), self.tr("{} gommettes"))
        if kind.voters and kind.kind in voters:
            one, many = voters[kind.kind]
            text += self.tr(" de {} {}").format(kind.voters, by_count(kind.voters, one, many))
        if kind.polls > 1:
            text += self.tr(" ({} votes)").format(kind.polls)
        return self.tr("{} : {}").format(titles.get(kind.kind, kind.kind), text)

    def _top_changed(self, value: int) -> None:
        self.write(votes.configure(self.store, self.session_id, top_n=value))
