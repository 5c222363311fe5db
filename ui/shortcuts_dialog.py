"""The shortcuts sheet (F1 or ?): every keyboard shortcut of the window and the capture markers."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Raccourcis clavier"))
        self.resize(900, 640)
        self.browser = QTextBrowser()
        self.browser.setHtml(self.sheet(actions))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def sheet(self, actions: Iterable[QAction]) -> str:
        named: dict[str, list[str]] = {}  # one row a name: F4 and, on the board, Espace
        for action in actions:
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            name = action.text().replace("&", "")
            if keys and name:
                known = named.setdefault(name, [])
                known += [k for k in keys if k not in known]
        rows = [
            f"<tr><td><b>{escape(' · '.join(keys))}</b></td><td>{escape(name)}</td></tr>"
            for name, keys in named.items()
        ]
        fixed = [
            (self.tr("Flèches"), self.tr("Choisir une idée (Maj+flèches : en ajouter)")),
            (
                self.tr("Souris"),
                self.tr(
                    "Glisser une idée (ou la sélection) vers une colonne (près du bord "
                    "haut ou bas, le tableau défile) ; Ctrl+clic ou cadre pour en choisir "
                    "plusieurs, Maj+clic pour toute une suite dans la colonne"
                ),
            ),
            (
                self.tr("Groupes"),
                self.tr(
                    "Clic sur le bandeau d'un groupe, ou Haut et Bas, qui s'y arrêtent avant "
                    "sa première idée : le choisir (F2 ou double-clic : le renommer) ; "
                    "Ctrl+Haut sur sa première idée ou Ctrl+Bas sur sa dernière, "
                    "ou glisser une idée hors du cadre : la sortir du groupe"
                ),
            ),
            (self.tr("Ctrl+molette"), self.tr("Agrandir ou réduire le texte")),
            (self.tr("Échap"), self.tr("Dans la saisie : aller au tableau, sur la dernière idée")),
        ]
        rows += [f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in fixed]
        markers = [
            (
                "@bernard",
                self.tr("persona (prénom, clé ou métier ; le début suffit, sans accents)"),
            ),
            (self.tr("#mobilité"), self.tr("thème")),
            ("!2024 · !2040", self.tr("horizon")),
            ("!futur", self.tr("« Futur engagé » : une décision déjà prise, pas une idée")),
            (">mieux · >2", self.tr("colonne (clé, mot du titre ou numéro ; >0 = À trier)")),
            ("=3", self.tr("numéro de table (créée au besoin)")),
        ]
        marker_rows = "".join(
            f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in markers
        )
        example = escape(self.tr("Un tram jusqu'à Aubagne @bernard #mobilité !2040 >mieux =3"))
        # each heading's tr() outside the f-string: lupdate does not read inside one
        heading, markers_heading = self.tr("Raccourcis"), self.tr("Marqueurs dans la saisie")
        return (
            "<style>td { padding: 4px 14px; font-size: 15pt; } h2 { font-size: 18pt; }</style>"
            f"<h2>{escape(heading)}</h2><table>{''.join(rows)}</table>"
            f"<h2>{escape(markers_heading)}</h2>"
            f"<p style='font-size: 15pt'><code>{example}</code></p>"
            f"<table>{marker_rows}</table>"
        )
