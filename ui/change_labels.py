"""A change's label (the core writes it in French: « Ajouter une idée ») as the history
menu and the status bar say it: « Undo Add an idea » in the English app (it read « Undo
Ajouter une idée »). Each label the core writes is listed here for the translation file
(context « ChangeLabel »); a label built with a count or a name (« Fusionner 3 idées ») is
recognised by its pattern and worded again from its translated template."""

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

LABELS = (
    QT_TRANSLATE_NOOP("ChangeLabel", "Accepter l'idée d'un téléphone"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Ajouter des tables"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Ajouter un participant"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Ajouter une activité"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Ajouter une citation"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Ajouter une idée"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Ajouter une photo"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Attribuer des personas"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Charger le déroulé type"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Clore le vote des téléphones"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Colonnes des phases"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Compter les gommettes"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Créer la série"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Créer un atelier"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Créer un engagement"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Créer un persona"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Distribuer les personas"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Dupliquer l'atelier"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Dupliquer le persona"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Défaire la fusion"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Défaire le groupe"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Démarrer le minuteur"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Déplacer l'activité"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Déplacer l'engagement"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Déplacer l'idée"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Déplacer la photo"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Déplacer le persona"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Effacer le participant"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Effacer les gommettes du votant"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Gommette d'un téléphone"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Idée corrigée depuis un téléphone"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Idée retirée depuis un téléphone"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Idée reçue d'un téléphone"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Idées de démonstration"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Import d'une copie"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Mettre la démonstration à jour"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Mettre le minuteur en pause"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Mode anonyme"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Modifier l'activité"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Modifier l'engagement"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Modifier l'idée"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Modifier la citation"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Modifier la légende"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Modifier le participant"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Modifier le persona"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Modifier les colonnes"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Modifier les textes du livret"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Modifier les valeurs"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Ouvrir le vote des téléphones"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Remettre le persona"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Renommer"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Renommer la table"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Renommer le groupe"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Reprendre les personas"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Retirer la photo"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Retirer le persona"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Réglages du vote"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Sortir du groupe"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Supprimer l'activité"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Supprimer l'atelier"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Supprimer l'engagement"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Supprimer la citation"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Supprimer la série"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Supprimer la table"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Terminer l'activité"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Un téléphone choisit sa table"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Un téléphone rejoint l'atelier"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Valeurs de démonstration"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Écarter l'idée d'un téléphone"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Écrire le rêve"),
    QT_TRANSLATE_NOOP("ChangeLabel", "Étape suivante"),
)


# the core's labels with a blank (fabrique_desktop: f"Fusionner {len(cards)} idées", …), each
# with its template; the template is what the translation file holds
BUILT = tuple(
    (re.compile(pattern), str(template))
    for pattern, template in (
        (r"Fusionner (\d+) idées", QT_TRANSLATE_NOOP("ChangeLabel", "Fusionner {} idées")),
        (r"Regrouper (\d+) idées", QT_TRANSLATE_NOOP("ChangeLabel", "Regrouper {} idées")),
        (r"Importer 1 idée", QT_TRANSLATE_NOOP("ChangeLabel", "Importer 1 idée")),
        (r"Importer (\d+) idées", QT_TRANSLATE_NOOP("ChangeLabel", "Importer {} idées")),
        (
            r"Bloquer le téléphone (\d+) et retirer ses idées",
            QT_TRANSLATE_NOOP("ChangeLabel", "Bloquer le téléphone {} et retirer ses idées"),
        ),
        (
            r"Débloquer le téléphone (\d+)",
            QT_TRANSLATE_NOOP("ChangeLabel", "Débloquer le téléphone {}"),
        ),
        (r"Commencer « (.*) »", QT_TRANSLATE_NOOP("ChangeLabel", "Commencer « {} »")),
        (
            r"Former le paradoxe « (.*) »",
            QT_TRANSLATE_NOOP("ChangeLabel", "Former le paradoxe « {} »"),
        ),
        (
            r"Trancher le conflit « (.*) »",
            QT_TRANSLATE_NOOP("ChangeLabel", "Trancher le conflit « {} »"),
        ),
    )
)


def said(label: str) -> str:
    """``label`` in the app's language (as written when it has no translation)."""
    if not label:
        return label
    for pattern, template in BUILT:
        match = pattern.fullmatch(label)
        if match:
            return QCoreApplication.translate("ChangeLabel", template).format(*match.groups())
    return QCoreApplication.translate("ChangeLabel", label)
