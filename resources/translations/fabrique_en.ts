<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>CaptureBar</name>
    <message>
        <source>Nouvelle idée… (Entrée pour ajouter)</source>
        <translation>New idea… (Enter to add)</translation>
    </message>
    <message>
        <source>Saisie d&apos;une idée</source>
        <translation>Idea entry</translation>
    </message>
    <message>
        <source>Ctrl+N : saisir · Entrée : ajouter à « À trier » · Échap : aller au tableau</source>
        <translation>Ctrl+N: type · Enter: add to “To sort” · Esc: go to the board</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Idée ajoutée à « À trier ».</source>
        <translation>Idea added to “To sort”.</translation>
    </message>
    <message>
        <source>Non enregistré</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Rétablir</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Saisir une idée</source>
        <translation>Type an idea</translation>
    </message>
    <message>
        <source>Ateliers et séries…</source>
        <translation>Workshops and series…</translation>
    </message>
    <message>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Agrandir</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Réduire</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Taille normale</source>
        <translation>Normal size</translation>
    </message>
    <message>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Édition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Langue</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>SessionManager</name>
    <message>
        <source>Ateliers et séries</source>
        <translation>Workshops and series</translation>
    </message>
    <message>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Idées</source>
        <translation>Ideas</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Nouvel atelier…</source>
        <translation>New workshop…</translation>
    </message>
    <message>
        <source>Nouvelle série…</source>
        <translation>New series…</translation>
    </message>
    <message>
        <source>Renommer…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Dupliquer l&apos;atelier</source>
        <translation>Duplicate workshop</translation>
    </message>
    <message>
        <source>Supprimer…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Nouvel atelier</source>
        <translation>New workshop</translation>
    </message>
    <message>
        <source>Titre de l&apos;atelier :</source>
        <translation>Workshop title:</translation>
    </message>
    <message>
        <source>Nouvelle série</source>
        <translation>New series</translation>
    </message>
    <message>
        <source>Titre de la série (modèle La Fabrique) :</source>
        <translation>Series title (La Fabrique template):</translation>
    </message>
    <message>
        <source>Renommer</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Nouveau titre :</source>
        <translation>New title:</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Ouvrez d&apos;abord un autre atelier pour supprimer celui-ci.</source>
        <translation>Open another workshop first to delete this one.</translation>
    </message>
    <message>
        <source>Supprimer la série « {} » et tous ses ateliers ?</source>
        <translation>Delete the series “{}” and all its workshops?</translation>
    </message>
    <message>
        <source>Supprimer l&apos;atelier « {} » ?</source>
        <translation>Delete the workshop “{}”?</translation>
    </message>
    <message>
        <source>Une sauvegarde automatique permet de revenir en arrière.</source>
        <translation>An automatic backup lets you go back.</translation>
    </message>
    <message>
        <source>L&apos;atelier ouvert fait partie de cette série : ouvrez-en un autre d&apos;abord.</source>
        <translation>The open workshop belongs to this series: open another one first.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Une erreur inattendue est survenue. Rien n&apos;a été perdu : chaque idée est enregistrée dès sa saisie.

Les détails sont dans le journal :
{}</source>
        <translation>An unexpected error occurred. Nothing was lost: every idea is saved as soon as it is typed.

Details are in the log:
{}</translation>
    </message>
</context>
</TS>
