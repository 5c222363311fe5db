<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>À propos de Fabrique</source>
        <translation>About Fabrique</translation>
    </message>
    <message>
        <source>Ouvrir le dossier des données</source>
        <translation>Open the data folder</translation>
    </message>
    <message>
        <source>Ouvrir le dossier du journal</source>
        <translation>Open the log folder</translation>
    </message>
    <message>
        <source>application autonome</source>
        <translation>standalone application</translation>
    </message>
    <message>
        <source>installation depuis les sources</source>
        <translation>installed from source</translation>
    </message>
    <message>
        <source>Fabrique {} — {}, Python {}, Qt {}</source>
        <translation>Fabrique {} — {}, Python {}, Qt {}</translation>
    </message>
    <message>
        <source>Ateliers participatifs hors ligne, au vidéoprojecteur.</source>
        <translation>Offline participatory workshops, on the projector.</translation>
    </message>
    <message>
        <source>Licence : {}</source>
        <translation>Licence: {}</translation>
    </message>
    <message>
        <source>Données : {}</source>
        <translation>Data: {}</translation>
    </message>
    <message>
        <source>Journal : {}</source>
        <translation>Log: {}</translation>
    </message>
    <message>
        <source>Polices livrées</source>
        <translation>Fonts shipped</translation>
    </message>
    <message>
        <source>Bibliothèques livrées</source>
        <translation>Libraries shipped</translation>
    </message>
    <message>
        <source>Les textes des licences sont livrés avec Fabrique : resources/fonts pour les polices, les dossiers *.dist-info pour les bibliothèques. Qt est utilisé sous la LGPL 3 : ses bibliothèques sont des fichiers séparés, remplaçables.</source>
        <translation>The licence texts are shipped with Fabrique: resources/fonts for the fonts, the *.dist-info folders for the libraries. Qt is used under the LGPL 3: its libraries are separate, replaceable files.</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Modifier l&apos;activité</source>
        <translation>Edit the activity</translation>
    </message>
    <message>
        <source>Nouvelle activité</source>
        <translation>New activity</translation>
    </message>
    <message>
        <source>Titre de l&apos;activité</source>
        <translation>Activity title</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Tableau des idées</source>
        <translation>Idea board</translation>
    </message>
    <message>
        <source>Minuteur</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Classement</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Engagements</translation>
    </message>
    <message>
        <source>Récit prospectif</source>
        <translation>Forward-looking narrative</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Durée prévue</source>
        <translation>Planned time</translation>
    </message>
    <message>
        <source>Écran</source>
        <translation>Screen</translation>
    </message>
    <message>
        <source>Consignes</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Donnez un titre à l&apos;activité.</source>
        <translation>Give the activity a title.</translation>
    </message>
</context>
<context>
    <name>AgendaFeature</name>
    <message>
        <source>Déroulé de l&apos;atelier</source>
        <translation>Session agenda</translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <source>Activités du déroulé</source>
        <translation>Agenda activities</translation>
    </message>
    <message>
        <source>Étape suivante</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Commencer celle-ci</source>
        <translation>Start this one</translation>
    </message>
    <message>
        <source>Afficher son écran</source>
        <translation>Show its screen</translation>
    </message>
    <message>
        <source>Déroulé type…</source>
        <translation>Standard agenda…</translation>
    </message>
    <message>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Modifier</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Monter</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Descendre</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>prévu {}</source>
        <translation>planned {}</translation>
    </message>
    <message>
        <source>prévu {} · réel {}</source>
        <translation>planned {} · actual {}</translation>
    </message>
    <message>
        <source>Pas encore de déroulé</source>
        <translation>No agenda yet</translation>
    </message>
    <message>
        <source>« Déroulé type… » charge celui de la phase de l&apos;atelier, modifiable.</source>
        <translation>“Standard agenda…” loads the one of the session&apos;s phase, editable.</translation>
    </message>
    <message>
        <source>À suivre : {}</source>
        <translation>Next: {}</translation>
    </message>
    <message>
        <source>Déroulé terminé</source>
        <translation>Agenda finished</translation>
    </message>
    <message>
        <source>{}/{} activités · prévu {} · réel {}</source>
        <translation>{}/{} activities · planned {} · actual {}</translation>
    </message>
    <message>
        <source>Commencer le déroulé</source>
        <translation>Start the agenda</translation>
    </message>
</context>
<context>
    <name>AnimationMenu</name>
    <message>
        <source>Déroulé de l&apos;atelier</source>
        <translation>Session agenda</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Défaire la fusion</source>
        <translation>Undo the merge</translation>
    </message>
    <message>
        <source>Défaire le groupe</source>
        <translation>Ungroup</translation>
    </message>
    <message>
        <source>Adopter comme valeur…</source>
        <translation>Adopt as a value…</translation>
    </message>
    <message>
        <source>Former un paradoxe…</source>
        <translation>Form a paradox…</translation>
    </message>
    <message>
        <source>A&amp;nimation</source>
        <translation>F&amp;acilitation</translation>
    </message>
    <message>
        <source>Étape suivante</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Afficher le minuteur</source>
        <translation>Show the timer</translation>
    </message>
    <message>
        <source>Démarrer ou mettre en pause le minuteur</source>
        <translation>Start or pause the timer</translation>
    </message>
    <message>
        <source>Ajouter une minute</source>
        <translation>Add a minute</translation>
    </message>
    <message>
        <source>Régler la durée du minuteur…</source>
        <translation>Set the timer&apos;s duration…</translation>
    </message>
    <message>
        <source>Minuteur en grand</source>
        <translation>Large timer</translation>
    </message>
    <message>
        <source>Ajouter une gommette</source>
        <translation>Add a dot</translation>
    </message>
    <message>
        <source>Retirer une gommette</source>
        <translation>Remove a dot</translation>
    </message>
    <message>
        <source>Compter les gommettes de l&apos;idée…</source>
        <translation>Count the idea&apos;s dots…</translation>
    </message>
    <message>
        <source>Votant suivant</source>
        <translation>Next voter</translation>
    </message>
    <message>
        <source>Votant précédent</source>
        <translation>Previous voter</translation>
    </message>
    <message>
        <source>Révéler les votes</source>
        <translation>Reveal the votes</translation>
    </message>
    <message>
        <source>Classement</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <source>Fusionner les idées…</source>
        <translation>Merge the ideas…</translation>
    </message>
    <message>
        <source>Regrouper…</source>
        <translation>Group…</translation>
    </message>
    <message>
        <source>Promouvoir en engagement…</source>
        <translation>Promote to an engagement…</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Engagements</translation>
    </message>
    <message>
        <source>Récit prospectif</source>
        <translation>Forward-looking narrative</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
</context>
<context>
    <name>BoardActions</name>
    <message>
        <source>Objectif · {}</source>
        <translation>Objective · {}</translation>
    </message>
    <message>
        <source>Atelier {} · lecture seule</source>
        <translation>Workshop {} · read-only</translation>
    </message>
    <message>
        <source>Ateliers {} et {} · lecture seule</source>
        <translation>Workshops {} and {} · read-only</translation>
    </message>
    <message>
        <source>{} : Ctrl+E le trace dans un engagement ; il ne change pas ici.</source>
        <translation>{}: Ctrl+E traces it in an engagement; it does not change here.</translation>
    </message>
    <message>
        <source>{} : Ctrl+E la trace dans un engagement ; elle ne change pas ici.</source>
        <translation>{}: Ctrl+E traces it in an engagement; it does not change here.</translation>
    </message>
    <message>
        <source>Objectif « {} » · {}</source>
        <translation>Objective “{}” · {}</translation>
    </message>
    <message>
        <source>{} ({} : laissé de côté)</source>
        <translation>{} ({}: left out)</translation>
    </message>
    <message>
        <source>{} ({} : laissée de côté)</source>
        <translation>{} ({}: left out)</translation>
    </message>
    <message>
        <source>Paradoxe {}</source>
        <translation>Paradox {}</translation>
    </message>
    <message>
        <source>Valeur adoptée</source>
        <translation>Adopted value</translation>
    </message>
    <message>
        <source>Choisir l&apos;objectif « {} »</source>
        <translation>Choose the objective “{}”</translation>
    </message>
    <message>
        <source>Tracer dans un engagement…</source>
        <translation>Trace in an engagement…</translation>
    </message>
    <message>
        <source>Envoyer vers</source>
        <translation>Send to</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>Horizon</translation>
    </message>
    <message>
        <source>Aucun</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Piste de projet</source>
        <translation>Project idea</translation>
    </message>
    <message>
        <source>Futur engagé</source>
        <translation>Committed future</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Couleur</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Couleur de la colonne</source>
        <translation>Column&apos;s colour</translation>
    </message>
    <message>
        <source>Jaune</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Rose</source>
        <translation>Pink</translation>
    </message>
    <message>
        <source>Vert</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>Bleu</source>
        <translation>Blue</translation>
    </message>
    <message>
        <source>Blanc</source>
        <translation>White</translation>
    </message>
    <message>
        <source>Valeurs</source>
        <translation>Values</translation>
    </message>
    <message>
        <source>Défaire la fusion</source>
        <translation>Undo the merge</translation>
    </message>
    <message>
        <source>Envoyer vers « {} »</source>
        <translation>Send to “{}”</translation>
    </message>
    <message>
        <source>Monter</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Descendre</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Modifier l&apos;idée</source>
        <translation>Edit the idea</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Tout sélectionner</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>Menu de l&apos;idée</source>
        <translation>Idea&apos;s menu</translation>
    </message>
    <message>
        <source>Filtrer les idées</source>
        <translation>Filter the ideas</translation>
    </message>
    <message>
        <source>Ajuster à la fenêtre</source>
        <translation>Fit to window</translation>
    </message>
    <message>
        <source>Horizon {}</source>
        <translation>Horizon {}</translation>
    </message>
</context>
<context>
    <name>BoardGraphicsView</name>
    <message>
        <source>Tableau des idées</source>
        <translation>Idea board</translation>
    </message>
    <message>
        <source>Vue d&apos;ensemble : page {} sur {} (Page suivante / précédente)</source>
        <translation>Overview: page {} of {} (Page Down / Page Up)</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Le tableau ne tient pas en entier à une taille lisible du fond de la salle : chaque colonne défile. Ctrl+8 : vue d&apos;ensemble.</source>
        <translation>The whole board does not fit at a size readable from the back of the room: each column scrolls. Ctrl+8: overview.</translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord l&apos;idée dont vous comptez les gommettes.</source>
        <translation>First choose the idea whose dots you are counting.</translation>
    </message>
</context>
<context>
    <name>BookletTextsDialog</name>
    <message>
        <source>Textes du livret — {}</source>
        <translation>Booklet texts — {}</translation>
    </message>
    <message>
        <source>Ex. : Métropole Aix-Marseille-Provence</source>
        <translation>E.g.: Aix-Marseille-Provence Metropolis</translation>
    </message>
    <message>
        <source>Aucun logo</source>
        <translation>No logo</translation>
    </message>
    <message>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <source>Le mot d&apos;ouverture, en tête du livret.</source>
        <translation>The opening words, at the front of the booklet.</translation>
    </message>
    <message>
        <source>Pourquoi ce projet ?</source>
        <translation>Why this project?</translation>
    </message>
    <message>
        <source>Le sens de la démarche.</source>
        <translation>What the process is for.</translation>
    </message>
    <message>
        <source>La suite</source>
        <translation>What comes next</translation>
    </message>
    <message>
        <source>Ce qui vient après les ateliers.</source>
        <translation>What follows the workshops.</translation>
    </message>
    <message>
        <source>Ils ont participé</source>
        <translation>Who took part</translation>
    </message>
    <message>
        <source>Les noms de ceux qui ont pris part, séparés par « / ». Vide : aucun nom.</source>
        <translation>The names of those who took part, separated by &quot;/&quot;. Empty: no names.</translation>
    </message>
    <message>
        <source>Une ligne vide sépare deux paragraphes. Les textes paraissent dans le livret.</source>
        <translation>A blank line separates two paragraphs. The texts appear in the booklet.</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Logo de l&apos;organisation</source>
        <translation>Organisation&apos;s logo</translation>
    </message>
    <message>
        <source>Textes du livret</source>
        <translation>Booklet texts</translation>
    </message>
</context>
<context>
    <name>BuiltinDialog</name>
    <message>
        <source>Charger un déroulé type</source>
        <translation>Load a standard agenda</translation>
    </message>
    <message>
        <source>Valeurs</source>
        <translation>Values</translation>
    </message>
    <message>
        <source>Objectifs &amp; pistes de projet</source>
        <translation>Objectives &amp; project ideas</translation>
    </message>
    <message>
        <source>Convergence</source>
        <translation>Convergence</translation>
    </message>
    <message>
        <source>Charger</source>
        <translation>Load</translation>
    </message>
    <message>
        <source>Le déroulé type remplace les activités actuelles.</source>
        <translation>The standard agenda replaces the current activities.</translation>
    </message>
</context>
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
        <source>Colonne des nouvelles idées</source>
        <translation>Column for new ideas</translation>
    </message>
    <message>
        <source>Colonne où vont les nouvelles idées (ou &gt;colonne)</source>
        <translation>Column new ideas go to (or &gt;column)</translation>
    </message>
    <message>
        <source>Filtrer… (Ctrl+F)</source>
        <translation>Filter… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filtrer les idées</source>
        <translation>Filter the ideas</translation>
    </message>
    <message>
        <source>table {}</source>
        <translation>table {}</translation>
    </message>
    <message>
        <source>Futur engagé</source>
        <translation>Committed future</translation>
    </message>
    <message>
        <source>Entrée : ajouter · Échap : aller au tableau · F1 : raccourcis — @persona  #thème  !2024 ou !2040  &gt;colonne (&gt;1 … &gt;{}, &gt;0 = À trier)  =n° de table</source>
        <translation>Enter: add · Esc: go to the board · F1: shortcuts — @persona  #theme  !2024 or !2040  &gt;column (&gt;1 … &gt;{}, &gt;0 = inbox)  =table no.</translation>
    </message>
    <message>
        <source>Entrée : ajouter · Échap : tableau · F1 : aide — @persona  #thème  !2040  &gt;colonne</source>
        <translation>Enter: add · Esc: board · F1: help — @persona  #theme  !2040  &gt;column</translation>
    </message>
    <message>
        <source>Entrée : ajouter · Échap : tableau · F1 : aide</source>
        <translation>Enter: add · Esc: board · F1: help</translation>
    </message>
</context>
<context>
    <name>CardEditor</name>
    <message>
        <source>Modifier l&apos;idée</source>
        <translation>Edit the idea</translation>
    </message>
</context>
<context>
    <name>CardItem</name>
    <message>
        <source>Fusion de {} idées</source>
        <translation>{} ideas merged</translation>
    </message>
    <message>
        <source>Futur engagé</source>
        <translation>Committed future</translation>
    </message>
</context>
<context>
    <name>CardSpotlight</name>
    <message>
        <source>Idée en grand</source>
        <translation>Idea, large</translation>
    </message>
</context>
<context>
    <name>ChangeBus</name>
    <message>
        <source>« {} » : ce qui a été modifié depuis sur un autre ordinateur est gardé.</source>
        <translation>“{}”: what was changed since on another laptop is kept.</translation>
    </message>
    <message>
        <source>Rien à rétablir pour « {} » : modifié depuis sur un autre ordinateur.</source>
        <translation>Nothing left to redo for “{}”: changed since on another laptop.</translation>
    </message>
    <message>
        <source>Rien à annuler pour « {} » : modifié depuis sur un autre ordinateur.</source>
        <translation>Nothing left to undo for “{}”: changed since on another laptop.</translation>
    </message>
</context>
<context>
    <name>ChangeLabel</name>
    <message>
        <source>Accepter l&apos;idée d&apos;un téléphone</source>
        <translation>Accept a phone&apos;s idea</translation>
    </message>
    <message>
        <source>Ajouter des tables</source>
        <translation>Add tables</translation>
    </message>
    <message>
        <source>Ajouter un participant</source>
        <translation>Add a participant</translation>
    </message>
    <message>
        <source>Ajouter une activité</source>
        <translation>Add an activity</translation>
    </message>
    <message>
        <source>Ajouter une citation</source>
        <translation>Add a quote</translation>
    </message>
    <message>
        <source>Ajouter une idée</source>
        <translation>Add an idea</translation>
    </message>
    <message>
        <source>Ajouter une photo</source>
        <translation>Add a photo</translation>
    </message>
    <message>
        <source>Attribuer des personas</source>
        <translation>Assign personas</translation>
    </message>
    <message>
        <source>Charger le déroulé type</source>
        <translation>Load the standard agenda</translation>
    </message>
    <message>
        <source>Clore le vote des téléphones</source>
        <translation>Close the phones&apos; vote</translation>
    </message>
    <message>
        <source>Colonnes des phases</source>
        <translation>Phase columns</translation>
    </message>
    <message>
        <source>Compter les gommettes</source>
        <translation>Count the dots</translation>
    </message>
    <message>
        <source>Créer la série</source>
        <translation>Create the series</translation>
    </message>
    <message>
        <source>Créer un atelier</source>
        <translation>Create a workshop</translation>
    </message>
    <message>
        <source>Créer un engagement</source>
        <translation>Create an engagement</translation>
    </message>
    <message>
        <source>Créer un persona</source>
        <translation>Create a persona</translation>
    </message>
    <message>
        <source>Distribuer les personas</source>
        <translation>Deal the personas</translation>
    </message>
    <message>
        <source>Dupliquer l&apos;atelier</source>
        <translation>Duplicate the workshop</translation>
    </message>
    <message>
        <source>Dupliquer le persona</source>
        <translation>Duplicate the persona</translation>
    </message>
    <message>
        <source>Défaire la fusion</source>
        <translation>Undo the merge</translation>
    </message>
    <message>
        <source>Défaire le groupe</source>
        <translation>Ungroup</translation>
    </message>
    <message>
        <source>Démarrer le minuteur</source>
        <translation>Start the timer</translation>
    </message>
    <message>
        <source>Déplacer l&apos;activité</source>
        <translation>Move the activity</translation>
    </message>
    <message>
        <source>Déplacer l&apos;engagement</source>
        <translation>Move the engagement</translation>
    </message>
    <message>
        <source>Déplacer l&apos;idée</source>
        <translation>Move the idea</translation>
    </message>
    <message>
        <source>Déplacer la photo</source>
        <translation>Move the photo</translation>
    </message>
    <message>
        <source>Déplacer le persona</source>
        <translation>Move the persona</translation>
    </message>
    <message>
        <source>Effacer le participant</source>
        <translation>Remove the participant</translation>
    </message>
    <message>
        <source>Effacer les gommettes du votant</source>
        <translation>Clear the voter&apos;s dots</translation>
    </message>
    <message>
        <source>Gommette d&apos;un téléphone</source>
        <translation>A phone&apos;s dot</translation>
    </message>
    <message>
        <source>Idée corrigée depuis un téléphone</source>
        <translation>Idea corrected from a phone</translation>
    </message>
    <message>
        <source>Idée retirée depuis un téléphone</source>
        <translation>Idea withdrawn from a phone</translation>
    </message>
    <message>
        <source>Idée reçue d&apos;un téléphone</source>
        <translation>Idea received from a phone</translation>
    </message>
    <message>
        <source>Idées de démonstration</source>
        <translation>Demo ideas</translation>
    </message>
    <message>
        <source>Import d&apos;une copie</source>
        <translation>Import of a copy</translation>
    </message>
    <message>
        <source>Mettre la démonstration à jour</source>
        <translation>Update the demo</translation>
    </message>
    <message>
        <source>Mettre le minuteur en pause</source>
        <translation>Pause the timer</translation>
    </message>
    <message>
        <source>Mode anonyme</source>
        <translation>Anonymous mode</translation>
    </message>
    <message>
        <source>Modifier l&apos;activité</source>
        <translation>Edit the activity</translation>
    </message>
    <message>
        <source>Modifier l&apos;engagement</source>
        <translation>Edit the engagement</translation>
    </message>
    <message>
        <source>Modifier l&apos;idée</source>
        <translation>Edit the idea</translation>
    </message>
    <message>
        <source>Modifier la citation</source>
        <translation>Edit the quote</translation>
    </message>
    <message>
        <source>Modifier la légende</source>
        <translation>Edit the caption</translation>
    </message>
    <message>
        <source>Modifier le participant</source>
        <translation>Edit the participant</translation>
    </message>
    <message>
        <source>Modifier le persona</source>
        <translation>Edit the persona</translation>
    </message>
    <message>
        <source>Modifier les colonnes</source>
        <translation>Edit the columns</translation>
    </message>
    <message>
        <source>Modifier les textes du livret</source>
        <translation>Edit the booklet texts</translation>
    </message>
    <message>
        <source>Modifier les valeurs</source>
        <translation>Edit the values</translation>
    </message>
    <message>
        <source>Ouvrir le vote des téléphones</source>
        <translation>Open the phones&apos; vote</translation>
    </message>
    <message>
        <source>Remettre le persona</source>
        <translation>Restore the persona</translation>
    </message>
    <message>
        <source>Renommer</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Renommer la table</source>
        <translation>Rename the table</translation>
    </message>
    <message>
        <source>Renommer le groupe</source>
        <translation>Rename the group</translation>
    </message>
    <message>
        <source>Reprendre les personas</source>
        <translation>Take the personas back</translation>
    </message>
    <message>
        <source>Retirer la photo</source>
        <translation>Remove the photo</translation>
    </message>
    <message>
        <source>Retirer le persona</source>
        <translation>Remove the persona</translation>
    </message>
    <message>
        <source>Réglages du vote</source>
        <translation>Vote settings</translation>
    </message>
    <message>
        <source>Sortir du groupe</source>
        <translation>Take out of the group</translation>
    </message>
    <message>
        <source>Supprimer l&apos;activité</source>
        <translation>Delete the activity</translation>
    </message>
    <message>
        <source>Supprimer l&apos;atelier</source>
        <translation>Delete the workshop</translation>
    </message>
    <message>
        <source>Supprimer l&apos;engagement</source>
        <translation>Delete the engagement</translation>
    </message>
    <message>
        <source>Supprimer la citation</source>
        <translation>Delete the quote</translation>
    </message>
    <message>
        <source>Supprimer la série</source>
        <translation>Delete the series</translation>
    </message>
    <message>
        <source>Supprimer la table</source>
        <translation>Delete the table</translation>
    </message>
    <message>
        <source>Terminer l&apos;activité</source>
        <translation>Finish the activity</translation>
    </message>
    <message>
        <source>Un téléphone choisit sa table</source>
        <translation>A phone chooses its table</translation>
    </message>
    <message>
        <source>Un téléphone rejoint l&apos;atelier</source>
        <translation>A phone joins the workshop</translation>
    </message>
    <message>
        <source>Valeurs de démonstration</source>
        <translation>Demo values</translation>
    </message>
    <message>
        <source>Écarter l&apos;idée d&apos;un téléphone</source>
        <translation>Set a phone&apos;s idea aside</translation>
    </message>
    <message>
        <source>Écrire le rêve</source>
        <translation>Write the dream</translation>
    </message>
    <message>
        <source>Étape suivante</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Fusionner {} idées</source>
        <translation>Merge {} ideas</translation>
    </message>
    <message>
        <source>Regrouper {} idées</source>
        <translation>Group {} ideas</translation>
    </message>
    <message>
        <source>Importer 1 idée</source>
        <translation>Import 1 idea</translation>
    </message>
    <message>
        <source>Importer {} idées</source>
        <translation>Import {} ideas</translation>
    </message>
    <message>
        <source>Bloquer le téléphone {} et retirer ses idées</source>
        <translation>Block phone {} and withdraw its ideas</translation>
    </message>
    <message>
        <source>Débloquer le téléphone {}</source>
        <translation>Unblock phone {}</translation>
    </message>
    <message>
        <source>Commencer « {} »</source>
        <translation>Start “{}”</translation>
    </message>
    <message>
        <source>Former le paradoxe « {} »</source>
        <translation>Form the paradox “{}”</translation>
    </message>
    <message>
        <source>Trancher le conflit « {} »</source>
        <translation>Settle the conflict “{}”</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflits à trancher — {}</source>
        <translation>Conflicts to settle — {}</translation>
    </message>
    <message>
        <source>↑ ↓ : choisir un conflit · 1, 2, 3… : garder cette version · Ctrl+Z : annuler le dernier choix · Échap : fermer</source>
        <translation>↑ ↓: choose a conflict · 1, 2, 3…: keep this version · Ctrl+Z: undo the last choice · Esc: close</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>1 conflit</source>
        <translation>1 conflict</translation>
    </message>
    <message>
        <source>{} conflits</source>
        <translation>{} conflicts</translation>
    </message>
    <message>
        <source>Aucun conflit : toutes les versions concordent.</source>
        <translation>No conflict: all versions agree.</translation>
    </message>
    <message>
        <source>{} : la même idée a été modifiée sur deux ordinateurs. Tous affichent déjà la même version ; gardez-en une autre si besoin.</source>
        <translation>{}: the same idea was edited on two computers. All of them already show the same version; keep another one if needed.</translation>
    </message>
    <message>
        <source>Aucun choix à annuler.</source>
        <translation>No choice to undo.</translation>
    </message>
    <message>
        <source>{} — champ « {} » : {} versions.</source>
        <translation>{} — field “{}”: {} versions.</translation>
    </message>
    <message>
        <source>{} · Garder : {}</source>
        <translation>{} · Keep: {}</translation>
    </message>
    <message>
        <source>(affichée partout)</source>
        <translation>(shown everywhere)</translation>
    </message>
    <message>
        <source>texte</source>
        <translation>text</translation>
    </message>
    <message>
        <source>colonne</source>
        <translation>column</translation>
    </message>
    <message>
        <source>horizon</source>
        <translation>horizon</translation>
    </message>
    <message>
        <source>thèmes</source>
        <translation>themes</translation>
    </message>
    <message>
        <source>persona</source>
        <translation>persona</translation>
    </message>
    <message>
        <source>table</source>
        <translation>table</translation>
    </message>
    <message>
        <source>suppression</source>
        <translation>deletion</translation>
    </message>
    <message>
        <source>titre</source>
        <translation>title</translation>
    </message>
</context>
<context>
    <name>CopyFetch</name>
    <message>
        <source>Réception de l&apos;atelier de l&apos;animateur…</source>
        <translation>Receiving the facilitator&apos;s atelier…</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Rejoindre un atelier</source>
        <translation>Join an atelier</translation>
    </message>
</context>
<context>
    <name>DotCountEntry</name>
    <message>
        <source>Nombre de gommettes sur l&apos;idée</source>
        <translation>Number of dots on the idea</translation>
    </message>
</context>
<context>
    <name>EngagementDialog</name>
    <message>
        <source>Modifier l&apos;engagement</source>
        <translation>Edit the engagement</translation>
    </message>
    <message>
        <source>Nouvel engagement</source>
        <translation>New engagement</translation>
    </message>
    <message>
        <source>Titre de l&apos;engagement</source>
        <translation>Engagement title</translation>
    </message>
    <message>
        <source>Pour …</source>
        <translation>To …</translation>
    </message>
    <message>
        <source>Pour quoi</source>
        <translation>What for</translation>
    </message>
    <message>
        <source>Un point par ligne</source>
        <translation>One point per line</translation>
    </message>
    <message>
        <source>Comment ?</source>
        <translation>How?</translation>
    </message>
    <message>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Vivre</source>
        <translation>Vivre</translation>
    </message>
    <message>
        <source>Idées liées</source>
        <translation>Linked ideas</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Donnez un titre à l&apos;engagement.</source>
        <translation>Give the engagement a title.</translation>
    </message>
</context>
<context>
    <name>EngagementFeature</name>
    <message>
        <source>Objectif « {} »</source>
        <translation>Objective “{}”</translation>
    </message>
    <message>
        <source> (supprimé)</source>
        <translation> (deleted)</translation>
    </message>
</context>
<context>
    <name>EngagementsView</name>
    <message>
        <source>Engagements</source>
        <translation>Engagements</translation>
    </message>
    <message>
        <source>Engagements {}</source>
        <translation>Engagements {}</translation>
    </message>
    <message>
        <source>Trace des idées</source>
        <translation>Trace of the ideas</translation>
    </message>
    <message>
        <source>Modifier (Entrée)</source>
        <translation>Edit (Enter)</translation>
    </message>
    <message>
        <source>Monter</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Descendre</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>1 idée</source>
        <translation>1 idea</translation>
    </message>
    <message>
        <source>{} idées</source>
        <translation>{} ideas</translation>
    </message>
    <message>
        <source>0 idée</source>
        <translation>0 ideas</translation>
    </message>
    <message>
        <source>0 gommette</source>
        <translation>0 dots</translation>
    </message>
    <message>
        <source>1 gommette</source>
        <translation>1 dot</translation>
    </message>
    <message>
        <source>{} gommettes</source>
        <translation>{} dots</translation>
    </message>
    <message>
        <source>1 objectif</source>
        <translation>1 objective</translation>
    </message>
    <message>
        <source>{} objectifs</source>
        <translation>{} objectives</translation>
    </message>
    <message>
        <source>{} : {}/{}</source>
        <translation>{}: {}/{}</translation>
    </message>
    <message>
        <source>1 engagement</source>
        <translation>1 engagement</translation>
    </message>
    <message>
        <source>{} engagements</source>
        <translation>{} engagements</translation>
    </message>
    <message>
        <source>Choisissez un engagement pour voir les idées qui l&apos;ont fait naître.</source>
        <translation>Choose an engagement to see the ideas behind it.</translation>
    </message>
    <message>
        <source> (supprimée)</source>
        <translation> (deleted)</translation>
    </message>
    <message>
        <source> (supprimé)</source>
        <translation> (deleted)</translation>
    </message>
    <message>
        <source>Objectif « {} »</source>
        <translation>Objective “{}”</translation>
    </message>
    <message>
        <source>Aucune idée liée.</source>
        <translation>No linked idea.</translation>
    </message>
</context>
<context>
    <name>ExchangeMenu</name>
    <message>
        <source>Exporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Exporter la synthèse de la série…</source>
        <translation>Export the series synthesis…</translation>
    </message>
    <message>
        <source>Importer des idées (CSV)…</source>
        <translation>Import ideas (CSV)…</translation>
    </message>
    <message>
        <source>Exporté : {}</source>
        <translation>Exported: {}</translation>
    </message>
    <message>
        <source>{} idées importées (Ctrl+Z pour annuler).</source>
        <translation>{} ideas imported (Ctrl+Z to undo).</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Rapport de l’atelier (PDF)</source>
        <translation>Session report (PDF)</translation>
    </message>
    <message>
        <source>Image du tableau (PNG)</source>
        <translation>Image of the board (PNG)</translation>
    </message>
    <message>
        <source>Idées pour un tableur (CSV)</source>
        <translation>Ideas for a spreadsheet (CSV)</translation>
    </message>
    <message>
        <source>Rapport en texte (Markdown)</source>
        <translation>Text report (Markdown)</translation>
    </message>
    <message>
        <source>Propositions pour Decidim (CSV)</source>
        <translation>Proposals for Decidim (CSV)</translation>
    </message>
    <message>
        <source>Atelier complet, pour un autre ordinateur (JSON)</source>
        <translation>Whole session, for another computer (JSON)</translation>
    </message>
    <message>
        <source>Synthèse de la série (PDF)</source>
        <translation>Series synthesis (PDF)</translation>
    </message>
    <message>
        <source>Exporter « {} »</source>
        <translation>Export “{}”</translation>
    </message>
    <message>
        <source>Que voulez-vous exporter ?</source>
        <translation>What do you want to export?</translation>
    </message>
    <message>
        <source>Séparateur :</source>
        <translation>Separator:</translation>
    </message>
    <message>
        <source>point-virgule « ; » (Excel en français)</source>
        <translation>semicolon “;” (Excel in French)</translation>
    </message>
    <message>
        <source>virgule « , »</source>
        <translation>comma “,”</translation>
    </message>
    <message>
        <source>Ouvrir le fichier</source>
        <translation>Open the file</translation>
    </message>
    <message>
        <source>Ouvrir le dossier</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <source>Exporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Synthèse — {}</source>
        <translation>Synthesis — {}</translation>
    </message>
    <message>
        <source>{} — propositions Decidim</source>
        <translation>{} — Decidim proposals</translation>
    </message>
    <message>
        <source>Enregistrer sous</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Remplacer le fichier ?</source>
        <translation>Replace the file?</translation>
    </message>
    <message>
        <source>« {} » existe déjà dans « {} ». Le remplacer ?</source>
        <translation>“{}” already exists in “{}”. Replace it?</translation>
    </message>
    <message>
        <source>Export en cours…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>La série de cet atelier est introuvable.</source>
        <translation>The series of this session cannot be found.</translation>
    </message>
    <message>
        <source>Exporté : {}</source>
        <translation>Exported: {}</translation>
    </message>
    <message>
        <source> (et {} autres images : {} … {})</source>
        <translation> (and {} more images: {} … {})</translation>
    </message>
</context>
<context>
    <name>ExportWorker</name>
    <message>
        <source>L’export a échoué à cause d’une erreur inattendue ; rien n’a été écrit.</source>
        <translation>The export failed because of an unexpected error; nothing was written.</translation>
    </message>
</context>
<context>
    <name>FabriqueApp</name>
    <message>
        <source>Les {} paradoxes et les {} valeurs de la série : F6.</source>
        <translation>The series&apos; {} paradoxes and {} values: F6.</translation>
    </message>
    <message>
        <source>{} et {}</source>
        <translation>{} and {}</translation>
    </message>
    <message>
        <source>Ce mur recueille les atouts et problèmes des personas, et les valeurs proposées.</source>
        <translation>This wall gathers the personas&apos; assets and problems, and the values proposed.</translation>
    </message>
    <message>
        <source>Les atouts, problèmes et valeurs des ateliers {} sont sur le mur de l&apos;atelier {} (Ctrl+O) ; le compte rendu d&apos;ici les montre aussi.</source>
        <translation>The strengths, problems and values of workshops {} are on the wall of workshop {} (Ctrl+O); the report here shows them too.</translation>
    </message>
    <message>
        <source>Les pistes communes des ateliers {} sont sur le mur de l&apos;atelier {} (Ctrl+O pour l&apos;ouvrir) ; le compte rendu d&apos;ici les montre aussi.</source>
        <translation>The joint project ideas of workshops {} are on workshop {}&apos;s wall (Ctrl+O to open it); this workshop&apos;s report shows them too.</translation>
    </message>
    <message>
        <source>Remettre une sauvegarde en place…</source>
        <translation>Restore a backup…</translation>
    </message>
    <message>
        <source>Sauvegarde remise en place : {}. L&apos;état d&apos;avant est gardé dans « {} ».</source>
        <translation>Backup restored: {}. The state before is kept in “{}”.</translation>
    </message>
    <message>
        <source>Remettre une sauvegarde en place</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Remettre la sauvegarde en place</source>
        <translation>Restore the backup</translation>
    </message>
</context>
<context>
    <name>FusionDialog</name>
    <message>
        <source>Fusionner des idées</source>
        <translation>Merge ideas</translation>
    </message>
    <message>
        <source>Fusionner {} idées en une seule</source>
        <translation>Merge {} ideas into one</translation>
    </message>
    <message>
        <source>Choisissez la formulation à garder, ou modifiez-la. Les idées d&apos;origine, leurs personas, étiquettes et gommettes sont conservés.</source>
        <translation>Choose the wording to keep, or edit it. The original ideas, their personas, tags and dots are kept.</translation>
    </message>
    <message>
        <source>Texte de l&apos;idée fusionnée :</source>
        <translation>Text of the merged idea:</translation>
    </message>
    <message>
        <source>Texte de l&apos;idée fusionnée</source>
        <translation>Text of the merged idea</translation>
    </message>
    <message>
        <source>Fusionner</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Le texte de l&apos;idée fusionnée ne peut pas être vide.</source>
        <translation>The merged idea&apos;s text cannot be empty.</translation>
    </message>
</context>
<context>
    <name>FusionFeature</name>
    <message>
        <source>Sélectionnez au moins deux idées à fusionner (Ctrl+clic).</source>
        <translation>Select at least two ideas to merge (Ctrl+click).</translation>
    </message>
</context>
<context>
    <name>GroupActions</name>
    <message>
        <source>Sélectionnez un groupe (cliquez sur son nom).</source>
        <translation>Select a group (click its name).</translation>
    </message>
    <message>
        <source>Renommer le groupe</source>
        <translation>Rename the group</translation>
    </message>
    <message>
        <source>Nom du groupe :</source>
        <translation>Group name:</translation>
    </message>
    <message>
        <source>Sélectionnez une idée d&apos;un groupe.</source>
        <translation>Select an idea of a group.</translation>
    </message>
    <message>
        <source>Renommer le groupe…</source>
        <translation>Rename the group…</translation>
    </message>
    <message>
        <source>Sortir du groupe</source>
        <translation>Take out of the group</translation>
    </message>
</context>
<context>
    <name>GroupFeature</name>
    <message>
        <source>Sélectionnez les idées à regrouper.</source>
        <translation>Select the ideas to group.</translation>
    </message>
    <message>
        <source>Regrouper</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Nouvel objectif</source>
        <translation>New objective</translation>
    </message>
    <message>
        <source>Nom de l&apos;objectif :</source>
        <translation>Objective name:</translation>
    </message>
    <message>
        <source>Nom du groupe :</source>
        <translation>Group name:</translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <source>Préparer une copie pour un preneur de notes</source>
        <translation>Prepare a copy for a note-taker</translation>
    </message>
    <message>
        <source>Une copie de « {} » pour l&apos;ordinateur d&apos;un preneur de notes. Il l&apos;ouvre avec Fichier › Importer des notes ; à la fin, vous importez sa copie de la même façon : ses idées s&apos;ajoutent aux vôtres, sans doublon.</source>
        <translation>A copy of “{}” for a note-taker&apos;s computer. They open it with File › Import notes; at the end, you import their copy the same way: their ideas are added to yours, without duplicates.</translation>
    </message>
    <message>
        <source>&amp;Table du preneur de notes :</source>
        <translation>Note-taker&apos;s &amp;table:</translation>
    </message>
    <message>
        <source>Aucune table en particulier</source>
        <translation>No particular table</translation>
    </message>
    <message>
        <source>Table {}</source>
        <translation>Table {}</translation>
    </message>
    <message>
        <source>Joindre les &amp;photos (fichier .fabrique)</source>
        <translation>Include the &amp;photos (.fabrique file)</translation>
    </message>
    <message>
        <source>Enregistrer la copie…</source>
        <translation>Save the copy…</translation>
    </message>
</context>
<context>
    <name>ImportCardsDialog</name>
    <message>
        <source>Importer des idées (CSV)</source>
        <translation>Import ideas (CSV)</translation>
    </message>
    <message>
        <source>Un fichier CSV dont la première ligne nomme les colonnes : texte, colonne, persona, horizon, thèmes (seul le texte est obligatoire). Séparateur « ; » ou « , » ; UTF-8 ou Windows-1252.</source>
        <translation>A CSV file whose first line names the columns: texte, colonne, persona, horizon, thèmes (or text, column, persona, horizon, tags; only the text is required). Separator “;” or “,”; UTF-8 or Windows-1252.</translation>
    </message>
    <message>
        <source>Aucun fichier choisi.</source>
        <translation>No file chosen.</translation>
    </message>
    <message>
        <source>Choisir un fichier…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Importer des idées</source>
        <translation>Import ideas</translation>
    </message>
    <message>
        <source>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</source>
        <translation>CSV files (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Fichier : {}</source>
        <translation>File: {}</translation>
    </message>
    <message>
        <source>Impossible de lire ce fichier : {}.</source>
        <translation>Cannot read this file: {}.</translation>
    </message>
    <message>
        <source>1 déjà présente, non ajoutée</source>
        <translation>1 already there, not added</translation>
    </message>
    <message>
        <source>{} déjà présentes, non ajoutées</source>
        <translation>{} already there, not added</translation>
    </message>
    <message>
        <source>Aucune idée à ajouter : {}.</source>
        <translation>No idea to add: {}.</translation>
    </message>
    <message>
        <source>{} idées prêtes à importer ({}).</source>
        <translation>{} ideas ready to import ({}).</translation>
    </message>
    <message>
        <source>{} idées prêtes à importer ({}) ; {}.</source>
        <translation>{} ideas ready to import ({}); {}.</translation>
    </message>
    <message>
        <source>… et {} autres</source>
        <translation>… and {} more</translation>
    </message>
</context>
<context>
    <name>LiveJoinDialog</name>
    <message>
        <source>Rejoindre un atelier en direct</source>
        <translation>Join a live workshop</translation>
    </message>
    <message>
        <source>Ateliers partagés sur ce réseau :</source>
        <translation>Workshops shared on this network:</translation>
    </message>
    <message>
        <source>Recherche… Si rien n&apos;apparaît, tapez l&apos;adresse affichée par l&apos;animateur.</source>
        <translation>Searching… If nothing appears, type the address shown by the facilitator.</translation>
    </message>
    <message>
        <source>par exemple 192.168.1.20</source>
        <translation>for example 192.168.1.20</translation>
    </message>
    <message>
        <source>le code affiché au tableau</source>
        <translation>the code shown on the board</translation>
    </message>
    <message>
        <source>votre table ou votre prénom</source>
        <translation>your table or your first name</translation>
    </message>
    <message>
        <source>&amp;Adresse :</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>&amp;Code :</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>&amp;Nom :</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Rejoindre</source>
        <translation>Join</translation>
    </message>
    <message>
        <source>Choisissez un atelier dans la liste ou tapez une adresse.</source>
        <translation>Choose a workshop in the list or type an address.</translation>
    </message>
    <message>
        <source>« {} » n&apos;est pas une adresse du réseau local.</source>
        <translation>“{}” is not an address on the local network.</translation>
    </message>
    <message>
        <source>Le code a six caractères : regardez le tableau.</source>
        <translation>The code has six characters: look at the board.</translation>
    </message>
</context>
<context>
    <name>LiveMenu</name>
    <message>
        <source>Partager l&apos;atelier en direct…</source>
        <translation>Share the workshop live…</translation>
    </message>
    <message>
        <source>Rejoindre un atelier en direct…</source>
        <translation>Join a live workshop…</translation>
    </message>
    <message>
        <source>Partager la série par un relais…</source>
        <translation>Share the series through a relay…</translation>
    </message>
    <message>
        <source>Recevoir une série par un relais…</source>
        <translation>Receive a series through a relay…</translation>
    </message>
    <message>
        <source>Cet ordinateur partage déjà « {} » en direct : il ne peut pas en même temps rejoindre un autre atelier. Arrêtez d&apos;abord le partage (Ctrl+Shift+L, « Arrêter le partage »).</source>
        <translation>This computer is already sharing “{}” live: it cannot join another workshop at the same time. Stop sharing first (Ctrl+Shift+L, “Stop sharing”).</translation>
    </message>
    <message>
        <source>Cet ordinateur suit déjà « {} » en direct : quittez d&apos;abord ce partage (Ctrl+Shift+L, « Quitter le partage »).</source>
        <translation>This computer already follows “{}” live: leave that sharing first (Ctrl+Shift+L, “Leave sharing”).</translation>
    </message>
    <message>
        <source>Rejoindre un atelier en direct</source>
        <translation>Join a live workshop</translation>
    </message>
</context>
<context>
    <name>LivePanel</name>
    <message>
        <source>Partage en direct</source>
        <translation>Live sharing</translation>
    </message>
    <message>
        <source>Retirer cet ordinateur</source>
        <translation>Remove this computer</translation>
    </message>
    <message>
        <source>Arrêter le partage</source>
        <translation>Stop sharing</translation>
    </message>
    <message>
        <source>Pour le reprendre : Fichier › Partager l&apos;atelier en direct…</source>
        <translation>To start again: File › Share the workshop live…</translation>
    </message>
    <message>
        <source>Plus relié à l&apos;animateur. Pour le suivre à nouveau : Fichier › Rejoindre un atelier en direct…</source>
        <translation>No longer linked to the facilitator. To follow again: File › Join a live workshop…</translation>
    </message>
    <message>
        <source>Pour rejoindre : Fichier › Rejoindre un atelier en direct, puis ce code :</source>
        <translation>To join: File › Join a live workshop, then this code:</translation>
    </message>
    <message>
        <source>Relié à l&apos;animateur ({}).</source>
        <translation>Linked to the facilitator ({}).</translation>
    </message>
    <message>
        <source>Adresse : {}</source>
        <translation>Address: {}</translation>
    </message>
    <message>
        <source>Quitter le partage</source>
        <translation>Leave sharing</translation>
    </message>
</context>
<context>
    <name>LiveSession</name>
    <message>
        <source>Cet ordinateur n&apos;est relié à aucun réseau local (Wi-Fi de la salle, partage de connexion d&apos;un téléphone…) : le partage en direct est impossible.</source>
        <translation>This computer is not on any local network (the room&apos;s Wi-Fi, a phone&apos;s hotspot…): live sharing is not possible.</translation>
    </message>
    <message>
        <source>Connexion à l&apos;animateur…</source>
        <translation>Connecting to the facilitator…</translation>
    </message>
    <message>
        <source>Partage arrêté.</source>
        <translation>Sharing stopped.</translation>
    </message>
    <message>
        <source>Connecté à l&apos;animateur : vos idées s&apos;affichent au tableau.</source>
        <translation>Connected to the facilitator: your ideas appear on the board.</translation>
    </message>
    <message>
        <source>Hors ligne : vous pouvez continuer à saisir, tout sera envoyé au retour.</source>
        <translation>Offline: keep typing, everything will be sent when the link is back.</translation>
    </message>
    <message>
        <source>Partage ouvert : aucun appareil connecté.</source>
        <translation>Sharing on: no devices connected.</translation>
    </message>
    <message>
        <source>Partage ouvert : 1 appareil connecté.</source>
        <translation>Sharing on: 1 device connected.</translation>
    </message>
    <message>
        <source>Partage ouvert : {} appareils connectés.</source>
        <translation>Sharing on: {} devices connected.</translation>
    </message>
    <message>
        <source>Plusieurs codes faux ont été essayés : pendant une minute, seuls les ordinateurs déjà connectés peuvent rejoindre le partage. Si cela continue, arrêtez le partage et relancez-le : un nouveau code sera affiché.</source>
        <translation>Several wrong codes have been tried: for one minute, only laptops that already joined may join the sharing. If it goes on, stop sharing and start it again: a new code will be shown.</translation>
    </message>
</context>
<context>
    <name>LiveShare</name>
    <message>
        <source>Partage impossible</source>
        <translation>Sharing not possible</translation>
    </message>
    <message>
        <source>Le partage en direct est impossible : ce que les autres ordinateurs enverraient ne pourrait pas être enregistré ici.</source>
        <translation>Live sharing is impossible: what the other computers would send could not be saved here.</translation>
    </message>
    <message>
        <source>Impossible de rejoindre</source>
        <translation>Cannot join</translation>
    </message>
    <message>
        <source>L&apos;atelier reçu n&apos;a pas pu être ouvert.</source>
        <translation>The workshop received could not be opened.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Rouvrir l&apos;atelier</source>
        <translation>Reopen the workshop</translation>
    </message>
    <message>
        <source>Rouvrir « {} »</source>
        <translation>Reopen “{}”</translation>
    </message>
    <message>
        <source>Changer d&apos;atelier</source>
        <translation>Change workshop</translation>
    </message>
    <message>
        <source>Ouvrir « {} »</source>
        <translation>Open “{}”</translation>
    </message>
    <message>
        <source>Idée en cours de saisie gardée : Entrée l&apos;ajoute à « {} ».</source>
        <translation>Idea being typed kept: Enter adds it to “{}”.</translation>
    </message>
    <message>
        <source> Corrigez, ou Entrée à nouveau pour garder le texte tel quel.</source>
        <translation> Correct it, or press Enter again to keep the text as typed.</translation>
    </message>
    <message>
        <source>Idée ajoutée à « {} ».</source>
        <translation>Idea added to “{}”.</translation>
    </message>
    <message>
        <source>Non enregistré</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Annuler</source>
        <comment>undo</comment>
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
    <message>
        <source>Raccourcis clavier…</source>
        <translation>Keyboard shortcuts…</translation>
    </message>
    <message>
        <source>Plein écran (vidéoprojecteur)</source>
        <translation>Full screen (projector)</translation>
    </message>
    <message>
        <source>Projeter sur un second écran…</source>
        <translation>Project on a second screen…</translation>
    </message>
    <message>
        <source>Vue d&apos;ensemble du tableau</source>
        <translation>Board overview</translation>
    </message>
    <message>
        <source>L&apos;idée choisie en grand</source>
        <translation>The chosen idea, large</translation>
    </message>
    <message>
        <source>Ouvrir ou replier le panneau replié</source>
        <translation>Open or fold the folded panel</translation>
    </message>
    <message>
        <source>Choisir l&apos;écran du vidéoprojecteur…</source>
        <translation>Choose the projector screen…</translation>
    </message>
    <message>
        <source>&amp;Tableau</source>
        <translation>&amp;Board</translation>
    </message>
    <message>
        <source>Ai&amp;de</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>À propos de Fabrique…</source>
        <translation>About Fabrique…</translation>
    </message>
    <message>
        <source>Quitter Fabrique</source>
        <translation>Quit Fabrique</translation>
    </message>
    <message>
        <source>Un seul écran : le tableau est en plein écran ici (F11 pour en sortir). Pour projeter à part : vidéoprojecteur en écran étendu, puis Ctrl+F5.</source>
        <translation>One screen only: the board is full screen here (F11 to leave). To project separately: the projector as an extended screen, then Ctrl+F5.</translation>
    </message>
    <message>
        <source>Écran du vidéoprojecteur : {}.</source>
        <translation>Projector screen: {}.</translation>
    </message>
</context>
<context>
    <name>MethodMenu</name>
    <message>
        <source>&amp;Méthode</source>
        <translation>&amp;Method</translation>
    </message>
    <message>
        <source>Personas…</source>
        <translation>Personas…</translation>
    </message>
    <message>
        <source>Présenter les personas</source>
        <translation>Present the personas</translation>
    </message>
    <message>
        <source>Imprimer les cartes personas…</source>
        <translation>Print the persona cards…</translation>
    </message>
    <message>
        <source>Tables et participants…</source>
        <translation>Tables and participants…</translation>
    </message>
    <message>
        <source>La méthode…</source>
        <translation>The method…</translation>
    </message>
    <message>
        <source>Diaporama de la méthode</source>
        <translation>Method slide show</translation>
    </message>
    <message>
        <source>Modèle de la série…</source>
        <translation>Series template…</translation>
    </message>
    <message>
        <source>Textes du livret…</source>
        <translation>Booklet texts…</translation>
    </message>
    <message>
        <source>Exporter le modèle…</source>
        <translation>Export the template…</translation>
    </message>
    <message>
        <source>Importer un modèle…</source>
        <translation>Import a template…</translation>
    </message>
    <message>
        <source>Cette série n&apos;a aucun persona.</source>
        <translation>This series has no persona.</translation>
    </message>
    <message>
        <source>Imprimer les cartes personas</source>
        <translation>Print the persona cards</translation>
    </message>
    <message>
        <source>cartes-personas.pdf</source>
        <translation>persona-cards.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Cartes enregistrées : {} (1 page).</source>
        <translation>Cards saved: {} (1 page).</translation>
    </message>
    <message>
        <source>Cartes enregistrées : {} ({} pages).</source>
        <translation>Cards saved: {} ({} pages).</translation>
    </message>
    <message>
        <source>Série créée : « {} » (1 atelier).</source>
        <translation>Series created: “{}” (1 workshop).</translation>
    </message>
    <message>
        <source>Série créée : « {} » ({} ateliers).</source>
        <translation>Series created: “{}” ({} workshops).</translation>
    </message>
    <message>
        <source>Exporter le modèle</source>
        <translation>Export the template</translation>
    </message>
    <message>
        <source>modele-fabrique.json</source>
        <translation>fabrique-template.json</translation>
    </message>
    <message>
        <source>Modèle Fabrique (*.json)</source>
        <translation>Fabrique template (*.json)</translation>
    </message>
    <message>
        <source>Modèle exporté : {}</source>
        <translation>Template exported: {}</translation>
    </message>
    <message>
        <source>Importer un modèle</source>
        <translation>Import a template</translation>
    </message>
    <message>
        <source>Impossible de lire « {} » : {}</source>
        <translation>Cannot read “{}”: {}</translation>
    </message>
    <message>
        <source>Fabrique</source>
        <translation>Fabrique</translation>
    </message>
</context>
<context>
    <name>MethodPresenter</name>
    <message>
        <source>Fabrique — Méthode</source>
        <translation>Fabrique — Method</translation>
    </message>
</context>
<context>
    <name>MethodSlides</name>
    <message>
        <source>Mots-clés</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <source>Comment ?</source>
        <translation>How?</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <source>Diagnostic</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <source>Le diagnostic : 1 paradoxe</source>
        <translation>The diagnosis: 1 paradox</translation>
    </message>
    <message>
        <source>Le diagnostic : {} paradoxes</source>
        <translation>The diagnosis: {} paradoxes</translation>
    </message>
    <message>
        <source>Paradoxe {} / {}</source>
        <translation>Paradox {} / {}</translation>
    </message>
    <message>
        <source>Atout</source>
        <translation>Asset</translation>
    </message>
    <message>
        <source>Défi</source>
        <translation>Challenge</translation>
    </message>
    <message>
        <source>Valeurs</source>
        <translation>Values</translation>
    </message>
    <message>
        <source>1 valeur partagée</source>
        <translation>1 shared value</translation>
    </message>
    <message>
        <source>{} valeurs partagées</source>
        <translation>{} shared values</translation>
    </message>
    <message>
        <source>Valeur {} / {}</source>
        <translation>Value {} / {}</translation>
    </message>
    <message>
        <source>Ambitions</source>
        <translation>Ambitions</translation>
    </message>
    <message>
        <source>Les {} ambitions</source>
        <translation>The {} ambitions</translation>
    </message>
    <message>
        <source>Le rêve — {}</source>
        <translation>The dream — {}</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Commitments</translation>
    </message>
    <message>
        <source>Engagement {} — {}</source>
        <translation>Commitment {} — {}</translation>
    </message>
    <message>
        <source>Inspirations</source>
        <translation>Inspirations</translation>
    </message>
    <message>
        <source>Compétences</source>
        <translation>Competences</translation>
    </message>
    <message>
        <source>La compétence métropolitaine</source>
        <translation>The metropolitan competence</translation>
    </message>
    <message>
        <source>Les {} compétences métropolitaines</source>
        <translation>The {} metropolitan competences</translation>
    </message>
    <message>
        <source>La méthode — {}</source>
        <translation>The method — {}</translation>
    </message>
    <message>
        <source>Présenter en plein écran (F6)</source>
        <translation>Present full screen (F6)</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <source>Nouvel atelier</source>
        <translation>New workshop</translation>
    </message>
    <message>
        <source>Titre de l&apos;atelier</source>
        <translation>Workshop title</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Valeurs</source>
        <translation>Values</translation>
    </message>
    <message>
        <source>Objectifs &amp; pistes de projet</source>
        <translation>Objectives &amp; project ideas</translation>
    </message>
    <message>
        <source>Convergence</source>
        <translation>Convergence</translation>
    </message>
    <message>
        <source>Autre</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>&amp;Titre :</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>&amp;Phase :</source>
        <translation>&amp;Phase:</translation>
    </message>
    <message>
        <source>&amp;Date :</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>Créer</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Donnez un titre à l&apos;atelier.</source>
        <translation>Give the workshop a title.</translation>
    </message>
</context>
<context>
    <name>NotesMenu</name>
    <message>
        <source>Préparer une copie pour un preneur de notes…</source>
        <translation>Prepare a copy for a note-taker…</translation>
    </message>
    <message>
        <source>Importer des notes…</source>
        <translation>Import notes…</translation>
    </message>
    <message>
        <source>Conflits à trancher…</source>
        <translation>Conflicts to settle…</translation>
    </message>
    <message>
        <source>Atelier Fabrique avec photos (*.fabrique)</source>
        <translation>Fabrique workshop with photos (*.fabrique)</translation>
    </message>
    <message>
        <source>Atelier Fabrique (*.json)</source>
        <translation>Fabrique workshop (*.json)</translation>
    </message>
    <message>
        <source>Enregistrer la copie</source>
        <translation>Save the copy</translation>
    </message>
    <message>
        <source>Copie enregistrée : {}</source>
        <translation>Copy saved: {}</translation>
    </message>
    <message>
        <source>Importer des notes</source>
        <translation>Import notes</translation>
    </message>
    <message>
        <source>Ateliers Fabrique (*.fabrique *.json);;Tous les fichiers (*)</source>
        <translation>Fabrique workshops (*.fabrique *.json);;All files (*)</translation>
    </message>
    <message>
        <source>aucune nouvelle</source>
        <translation>nothing new</translation>
    </message>
    <message>
        <source>1 nouvelle</source>
        <translation>1 new</translation>
    </message>
    <message>
        <source>{} nouvelles</source>
        <translation>{} new</translation>
    </message>
    <message>
        <source>aucune mise à jour</source>
        <translation>no updates</translation>
    </message>
    <message>
        <source>1 mise à jour</source>
        <translation>1 updated</translation>
    </message>
    <message>
        <source>{} mises à jour</source>
        <translation>{} updated</translation>
    </message>
    <message>
        <source>aucun conflit</source>
        <translation>no conflicts</translation>
    </message>
    <message>
        <source>1 conflit</source>
        <translation>1 conflict</translation>
    </message>
    <message>
        <source>{} conflits</source>
        <translation>{} conflicts</translation>
    </message>
    <message>
        <source>Notes importées dans « {} » : {}, {}, {}.</source>
        <translation>Notes imported into “{}”: {}, {}, {}.</translation>
    </message>
    <message>
        <source>Cet ordinateur a déjà une autre série « {} » : celle de la copie est enregistrée ici sous « {} ».</source>
        <translation>This computer already has another series “{}”: the copy’s is kept here as “{}”.</translation>
    </message>
    <message>
        <source>Copie de preneur de notes : les idées saisies ici iront à la table {}.</source>
        <translation>Note-taker&apos;s copy: the ideas typed here will go to table {}.</translation>
    </message>
    <message>
        <source>Des idées ont été modifiées des deux côtés : Fichier › Conflits à trancher.</source>
        <translation>Some ideas were edited on both sides: File › Conflicts to settle.</translation>
    </message>
    <message>
        <source>Édition › Annuler (Ctrl+Z) retire ces notes de cet atelier ; le retrait ira aussi aux autres ordinateurs à la prochaine fusion.</source>
        <translation>Edit › Undo (Ctrl+Z) removes these notes from this workshop; the removal will also reach the other computers at the next merge.</translation>
    </message>
    <message>
        <source>« {} » n&apos;est pas ouvert : cet atelier reste à l&apos;écran. Ouvrez-le quand vous voudrez (Fichier › Ateliers et séries…).</source>
        <translation>“{}” is not opened: this workshop stays on screen. Open it whenever you like (File › Workshops and series…).</translation>
    </message>
    <message>
        <source>Copie de preneur de notes : vos idées vont à la table {}.</source>
        <translation>Note-taker&apos;s copy: your ideas go to table {}.</translation>
    </message>
    <message>
        <source>Fabrique</source>
        <translation>Fabrique</translation>
    </message>
</context>
<context>
    <name>PanelOverlay</name>
    <message>
        <source>Replier ▸</source>
        <translation>Fold ▸</translation>
    </message>
    <message>
        <source>Replier le panneau à droite (Échap, F12)</source>
        <translation>Fold the panel to the right (Esc, F12)</translation>
    </message>
    <message>
        <source>Fermer le panneau</source>
        <translation>Close the panel</translation>
    </message>
</context>
<context>
    <name>PanelStrip</name>
    <message>
        <source>Déplier : {}</source>
        <translation>Unfold: {}</translation>
    </message>
    <message>
        <source>« {} » est replié à droite du tableau : F12 ou un clic l&apos;ouvre.</source>
        <translation>“{}” is folded right of the board: F12 or a click opens it.</translation>
    </message>
</context>
<context>
    <name>ParadoxDialog</name>
    <message>
        <source>Former un paradoxe</source>
        <translation>Form a paradox</translation>
    </message>
    <message>
        <source>Un fait ou un chiffre par ligne</source>
        <translation>One fact or figure per line</translation>
    </message>
    <message>
        <source>Titre :</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Atout :</source>
        <translation>Asset:</translation>
    </message>
    <message>
        <source>Défi :</source>
        <translation>Challenge:</translation>
    </message>
    <message>
        <source>Faits :</source>
        <translation>Facts:</translation>
    </message>
</context>
<context>
    <name>ParadoxFeature</name>
    <message>
        <source>Sélectionnez deux cartes : l&apos;atout et le problème (Ctrl+clic).</source>
        <translation>Select two cards: the asset and the problem (Ctrl+click).</translation>
    </message>
    <message>
        <source>Paradoxe formé : %1</source>
        <translation>Paradox formed: %1</translation>
    </message>
</context>
<context>
    <name>PersonaCard</name>
    <message>
        <source>{} ans</source>
        <translation>{} years old</translation>
    </message>
    <message>
        <source>Ses inquiétudes</source>
        <translation>Worries</translation>
    </message>
    <message>
        <source>Ses espoirs</source>
        <translation>Hopes</translation>
    </message>
</context>
<context>
    <name>PersonaChooser</name>
    <message>
        <source>Personas de la {}</source>
        <translation>Personas of {}</translation>
    </message>
</context>
<context>
    <name>PersonaDeck</name>
    <message>
        <source>Personas — {}</source>
        <translation>Personas — {}</translation>
    </message>
    <message>
        <source>Nouveau</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Dupliquer</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Monter</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Descendre</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Présenter (F9)</source>
        <translation>Present (F9)</translation>
    </message>
    <message>
        <source>Une par ligne</source>
        <translation>One per line</translation>
    </message>
    <message>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Choisir une photo…</source>
        <translation>Choose a photo…</translation>
    </message>
    <message>
        <source>Retirer la photo</source>
        <translation>Remove the photo</translation>
    </message>
    <message>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Âge</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Ville</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Histoire</source>
        <translation>Story</translation>
    </message>
    <message>
        <source>Inquiétudes</source>
        <translation>Worries</translation>
    </message>
    <message>
        <source>Espoirs</source>
        <translation>Hopes</translation>
    </message>
    <message>
        <source>Couleur</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Icône</source>
        <translation>Icon</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <source>Enregistrer (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>aucune idée</source>
        <translation>no ideas</translation>
    </message>
    <message>
        <source>1 idée</source>
        <translation>1 idea</translation>
    </message>
    <message>
        <source>{} idées</source>
        <translation>{} ideas</translation>
    </message>
    <message>
        <source>(retiré)</source>
        <translation>(retired)</translation>
    </message>
    <message>
        <source>Nouveau persona</source>
        <translation>New persona</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Remettre</source>
        <translation>Bring back</translation>
    </message>
    <message>
        <source>Dans cet atelier : aucune idée de {}.</source>
        <translation>In this workshop: no ideas from {}.</translation>
    </message>
    <message>
        <source>aucune attribuée</source>
        <translation>none</translation>
    </message>
    <message>
        <source>1 attribuée</source>
        <translation>1</translation>
    </message>
    <message>
        <source>{} attribuées</source>
        <translation>{}</translation>
    </message>
    <message>
        <source>Dans cet atelier : {} de {}, dont {} directement.</source>
        <translation>In this workshop: {} from {}, {} of them attributed directly.</translation>
    </message>
    <message>
        <source>Choisir une photo</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <source>Personne</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Tracteur</source>
        <translation>Tractor</translation>
    </message>
    <message>
        <source>Mallette</source>
        <translation>Briefcase</translation>
    </message>
    <message>
        <source>Diplômé·e</source>
        <translation>Graduate</translation>
    </message>
    <message>
        <source>Marcheur·se</source>
        <translation>Walker</translation>
    </message>
    <message>
        <source>Vélo</source>
        <translation>Bicycle</translation>
    </message>
    <message>
        <source>Valise</source>
        <translation>Suitcase</translation>
    </message>
    <message>
        <source>Ordinateur</source>
        <translation>Laptop</translation>
    </message>
    <message>
        <source>Soignant·e</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <source>Poussette</source>
        <translation>Pram</translation>
    </message>
    <message>
        <source>Fauteuil roulant</source>
        <translation>Wheelchair</translation>
    </message>
    <message>
        <source>Commerce</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>Casque de chantier</source>
        <translation>Hard hat</translation>
    </message>
    <message>
        <source>Poisson</source>
        <translation>Fish</translation>
    </message>
    <message>
        <source>Enseignant·e</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <source>Cravate</source>
        <translation>Tie</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <source>Randonneur·se</source>
        <translation>Hiker</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>Bus</translation>
    </message>
    <message>
        <source>Maison</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>PhoneMenu</name>
    <message>
        <source>Ouvrir la salle aux téléphones</source>
        <translation>Open the room to phones</translation>
    </message>
    <message>
        <source>QR code des téléphones au mur</source>
        <translation>Phones QR code on the wall</translation>
    </message>
    <message>
        <source>Téléphones : modération et vote</source>
        <translation>Phones: moderation and vote</translation>
    </message>
    <message>
        <source>Ouvrir un vote aux téléphones…</source>
        <translation>Open a vote to phones…</translation>
    </message>
    <message>
        <source>Nouveau code de la salle des téléphones…</source>
        <translation>New room code for phones…</translation>
    </message>
    <message>
        <source>Chevalets de table pour les téléphones (PDF)…</source>
        <translation>Table tents for phones (PDF)…</translation>
    </message>
    <message>
        <source>Fermer aux téléphones</source>
        <translation>Close to phones</translation>
    </message>
    <message>
        <source>Chevalets de table</source>
        <translation>Table tents</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Chevalets enregistrés : {}</source>
        <translation>Table tents saved: {}</translation>
    </message>
</context>
<context>
    <name>PhonePanel</name>
    <message>
        <source>Afficher le QR code au mur</source>
        <translation>QR code on the wall</translation>
    </message>
    <message>
        <source>Nouveau code…</source>
        <translation>New code…</translation>
    </message>
    <message>
        <source>Le code a fuité : la salle prend un nouveau code, l&apos;ancien est refusé.</source>
        <translation>The code leaked: the room takes a new code, the old one is refused.</translation>
    </message>
    <message>
        <source>Modérer les idées avant le tableau</source>
        <translation>Moderate ideas before the board</translation>
    </message>
    <message>
        <source>Accepter</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Corriger…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>Écarter</source>
        <translation>Set aside</translation>
    </message>
    <message>
        <source>Bloquer et retirer ses idées</source>
        <translation>Block and remove its ideas</translation>
    </message>
    <message>
        <source>Débloquer ce téléphone</source>
        <translation>Unblock this phone</translation>
    </message>
    <message>
        <source>Ouvrir un vote…</source>
        <translation>Open a vote…</translation>
    </message>
    <message>
        <source>Dévoiler</source>
        <translation>Reveal</translation>
    </message>
    <message>
        <source>Clore le vote</source>
        <translation>Close the vote</translation>
    </message>
    <message>
        <source>Idées en attente</source>
        <translation>Waiting ideas</translation>
    </message>
    <message>
        <source>Téléphones</source>
        <translation>Phones</translation>
    </message>
    <message>
        <source>Ouverte : {}  ·  code {}</source>
        <translation>Open: {}  ·  code {}</translation>
    </message>
    <message>
        <source>La salle est fermée aux téléphones.</source>
        <translation>The room is closed to phones.</translation>
    </message>
    <message>
        <source>Fermer aux téléphones</source>
        <translation>Close to phones</translation>
    </message>
    <message>
        <source>Ouvrir aux téléphones</source>
        <translation>Open to phones</translation>
    </message>
    <message>
        <source> — bloqué</source>
        <translation> — blocked</translation>
    </message>
    <message>
        <source>Aucun vote ouvert aux téléphones.</source>
        <translation>No vote open to phones.</translation>
    </message>
    <message>
        <source>Corriger l&apos;idée</source>
        <translation>Correct the idea</translation>
    </message>
    <message>
        <source>Texte mis au tableau :</source>
        <translation>Text put on the board:</translation>
    </message>
</context>
<context>
    <name>PhoneRoom</name>
    <message>
        <source>Salle fermée aux téléphones</source>
        <translation>Room closed to phones</translation>
    </message>
    <message>
        <source>Salle ouverte aux téléphones : {}</source>
        <translation>Room open to phones: {}</translation>
    </message>
    <message>
        <source>Salle fermée aux téléphones.</source>
        <translation>Room closed to phones.</translation>
    </message>
    <message>
        <source>Nouveau code de la salle</source>
        <translation>New room code</translation>
    </message>
    <message>
        <source>Donner un nouveau code à la salle ? Les téléphones déjà connectés devront taper le nouveau code affiché au mur, et les chevalets imprimés avec l&apos;ancien code ne serviront plus.</source>
        <translation>Give the room a new code? Phones already connected will have to type the new code shown on the wall, and table tents printed with the old code will no longer work.</translation>
    </message>
    <message>
        <source>Nouveau code de la salle : {}</source>
        <translation>New room code: {}</translation>
    </message>
    <message>
        <source>Téléphones</source>
        <translation>Phones</translation>
    </message>
    <message>
        <source>Les envois des téléphones ne sont pas enregistrés : {}</source>
        <translation>The phones&apos; ideas are not saved: {}</translation>
    </message>
</context>
<context>
    <name>PhoneVote</name>
    <message>
        <source>Vote en cours</source>
        <translation>Vote open</translation>
    </message>
    <message>
        <source>Vote clos</source>
        <translation>Vote closed</translation>
    </message>
    <message>
        <source>{} : secret · aucun téléphone n&apos;a voté</source>
        <translation>{}: secret · no phone has voted</translation>
    </message>
    <message>
        <source>{} : secret · 1 téléphone a voté</source>
        <translation>{}: secret · 1 phone has voted</translation>
    </message>
    <message>
        <source>{} : secret · {} téléphones ont voté</source>
        <translation>{}: secret · {} phones have voted</translation>
    </message>
    <message>
        <source>{} : aucune gommette</source>
        <translation>{}: no dots</translation>
    </message>
    <message>
        <source>1 gommette</source>
        <translation>1 dot</translation>
    </message>
    <message>
        <source>{} gommettes</source>
        <translation>{} dots</translation>
    </message>
    <message>
        <source>1 téléphone</source>
        <translation>1 phone</translation>
    </message>
    <message>
        <source>{} téléphones</source>
        <translation>{} phones</translation>
    </message>
    <message>
        <source>{} : {} de {}</source>
        <translation>{}: {} from {}</translation>
    </message>
</context>
<context>
    <name>PhoneWall</name>
    <message>
        <source>Fabrique — salle ouverte aux téléphones</source>
        <translation>Fabrique — room open to phones</translation>
    </message>
    <message>
        <source>Vos idées depuis votre téléphone</source>
        <translation>Your ideas from your phone</translation>
    </message>
    <message>
        <source>Code de la salle</source>
        <translation>Room code</translation>
    </message>
    <message>
        <source>Échap : revenir au tableau (la salle reste ouverte)</source>
        <translation>Esc: back to the board (the room stays open)</translation>
    </message>
    <message>
        <source>1. Rejoignez le Wi-Fi de la salle.
2. Scannez le code, ou ouvrez l&apos;adresse.
3. Choisissez votre table et votre personnage.</source>
        <translation>1. Join the room&apos;s Wi-Fi.
2. Scan the code, or open the address.
3. Choose your table and your persona.</translation>
    </message>
    <message>
        <source>Fermée</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>aucun téléphone</source>
        <translation>no phones</translation>
    </message>
    <message>
        <source>1 téléphone</source>
        <translation>1 phone</translation>
    </message>
    <message>
        <source>{} téléphones</source>
        <translation>{} phones</translation>
    </message>
    <message>
        <source>aucune idée reçue</source>
        <translation>no ideas received</translation>
    </message>
    <message>
        <source>1 idée reçue</source>
        <translation>1 idea received</translation>
    </message>
    <message>
        <source>{} idées reçues</source>
        <translation>{} ideas received</translation>
    </message>
    <message>
        <source> · {} en attente</source>
        <translation> · {} waiting</translation>
    </message>
</context>
<context>
    <name>PhotoGallery</name>
    <message>
        <source>Fichier de la photo introuvable.</source>
        <translation>Photo file not found.</translation>
    </message>
    <message>
        <source>Image illisible (fichier abîmé ou format non reconnu).</source>
        <translation>Unreadable image (damaged file or unknown format).</translation>
    </message>
    <message>
        <source>Photos de l&apos;atelier</source>
        <translation>Session photos</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Légende de la photo, puis Entrée</source>
        <translation>Photo caption, then Enter</translation>
    </message>
    <message>
        <source>Légende</source>
        <translation>Caption</translation>
    </message>
    <message>
        <source>Ajouter des photos… (Ctrl+O)</source>
        <translation>Add photos… (Ctrl+O)</translation>
    </message>
    <message>
        <source>Agrandir (Entrée)</source>
        <translation>Enlarge (Enter)</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Photos des tableaux et paperboards</source>
        <translation>Photos of the boards and flip charts</translation>
    </message>
    <message>
        <source>Ajouter des photos</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
        <translation>Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
    </message>
</context>
<context>
    <name>PollDialog</name>
    <message>
        <source>Ouvrir un vote aux téléphones</source>
        <translation>Open a vote to phones</translation>
    </message>
    <message>
        <source>Toutes les idées du tableau</source>
        <translation>Every idea on the board</translation>
    </message>
    <message>
        <source>Les {} idées sélectionnées</source>
        <translation>The {} selected ideas</translation>
    </message>
    <message>
        <source>Vote secret (compte dévoilé plus tard)</source>
        <translation>Secret vote (count revealed later)</translation>
    </message>
    <message>
        <source>Gommettes par téléphone</source>
        <translation>Dots per phone</translation>
    </message>
    <message>
        <source>Ouvrir le vote</source>
        <translation>Open the vote</translation>
    </message>
</context>
<context>
    <name>Projector</name>
    <message>
        <source>Projection</source>
        <translation>Projection</translation>
    </message>
    <message>
        <source>Écran du vidéoprojecteur :</source>
        <translation>Projector screen:</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>Fabrique — projection</source>
        <translation>Fabrique — projection</translation>
    </message>
</context>
<context>
    <name>RankingView</name>
    <message>
        <source>Classement des idées</source>
        <translation>Ranking of the ideas</translation>
    </message>
    <message>
        <source>Classement</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <source>Afficher les </source>
        <translation>Show the top </translation>
    </message>
    <message>
        <source> premières</source>
        <translation> ideas</translation>
    </message>
    <message>
        <source>Révéler les votes</source>
        <translation>Reveal the votes</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Vote secret : le classement sera révélé à la fin du vote.</source>
        <translation>Secret vote: the ranking will be revealed at the end of the vote.</translation>
    </message>
    <message>
        <source>Aucun vote pour l&apos;instant.</source>
        <translation>No votes yet.</translation>
    </message>
    <message>
        <source>{} gommettes</source>
        <translation>{} dots</translation>
    </message>
    <message>
        <source>1 gommette</source>
        <translation>1 dot</translation>
    </message>
    <message>
        <source>, dont {} par téléphone</source>
        <translation>, {} of them from phones</translation>
    </message>
    <message>
        <source>Qui a voté : </source>
        <translation>Who voted: </translation>
    </message>
    <message>
        <source> ; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Salle (gommettes comptées)</source>
        <translation>Room (counted dots)</translation>
    </message>
    <message>
        <source>Téléphones</source>
        <translation>Phones</translation>
    </message>
    <message>
        <source>Autres votants</source>
        <translation>Other voters</translation>
    </message>
    <message>
        <source>table</source>
        <translation>table</translation>
    </message>
    <message>
        <source>tables</source>
        <translation>tables</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>participant</translation>
    </message>
    <message>
        <source>participants</source>
        <translation>participants</translation>
    </message>
    <message>
        <source>téléphone</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>téléphones</source>
        <translation>phones</translation>
    </message>
    <message>
        <source>votant</source>
        <translation>voter</translation>
    </message>
    <message>
        <source>votants</source>
        <translation>voters</translation>
    </message>
    <message>
        <source> de {} {}</source>
        <translation> from {} {}</translation>
    </message>
    <message>
        <source> ({} votes)</source>
        <translation> ({} votes)</translation>
    </message>
    <message>
        <source>{} : {}</source>
        <translation>{}: {}</translation>
    </message>
</context>
<context>
    <name>RecitView</name>
    <message>
        <source>Récit prospectif</source>
        <translation>Forward-looking narrative</translation>
    </message>
    <message>
        <source>Toutes les citations</source>
        <translation>All quotes</translation>
    </message>
    <message>
        <source>Persona qui parle</source>
        <translation>Persona speaking</translation>
    </message>
    <message>
        <source>(sans persona)</source>
        <translation>(no persona)</translation>
    </message>
    <message>
        <source>Une citation, puis Entrée</source>
        <translation>A quote, then Enter</translation>
    </message>
    <message>
        <source>Nouvelle citation</source>
        <translation>New quote</translation>
    </message>
    <message>
        <source>Retirer la citation</source>
        <translation>Remove the quote</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RelayDialog</name>
    <message>
        <source>Recevoir une série par un relais</source>
        <translation>Receive a series through a relay</translation>
    </message>
    <message>
        <source>Partager la série par un relais</source>
        <translation>Share the series through a relay</translation>
    </message>
    <message>
        <source>Collez l&apos;adresse du relais et la clé de la série que l&apos;équipe du projet vous a envoyées. La série arrive sur cet ordinateur ; ce que vous y ferez lui sera renvoyé à chaque synchronisation.</source>
        <translation>Paste the relay&apos;s address and the series key the project team sent you. The series arrives on this computer; what you do here is sent back at every synchronisation.</translation>
    </message>
    <message>
        <source>« %1 » sera partagée avec les autres villes par ce relais. Envoyez-leur l&apos;adresse et la clé ci-dessous : sans la clé, rien ne peut être lu. Le travail continue sans réseau ; il est partagé dès que le relais répond.</source>
        <translation>“%1” will be shared with the other towns through this relay. Send them the address and the key below: without the key, nothing can be read. Work goes on without a network; it is shared as soon as the relay answers.</translation>
    </message>
    <message>
        <source>Adresse du relais</source>
        <translation>Relay address</translation>
    </message>
    <message>
        <source>Clé de la série</source>
        <translation>Series key</translation>
    </message>
    <message>
        <source>Recevoir</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>Partager</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Copier l&apos;adresse et la clé</source>
        <translation>Copy the address and the key</translation>
    </message>
    <message>
        <source>Relais : %1
Clé de la série : %2</source>
        <translation>Relay: %1
Series key: %2</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Remettre une sauvegarde en place</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Choisissez l&apos;état à retrouver. L&apos;état actuel est sauvegardé d&apos;abord : rien n&apos;est perdu, on peut y revenir de la même façon.</source>
        <translation>Choose the state to go back to. The current state is backed up first: nothing is lost, you can come back to it the same way.</translation>
    </message>
    <message>
        <source>Remettre en place</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>{} : {}</source>
        <translation>{}: {}</translation>
    </message>
    <message>
        <source>Aucune sauvegarde dans « {} ».</source>
        <translation>No backup in “{}”.</translation>
    </message>
    <message>
        <source>date inconnue</source>
        <translation>unknown date</translation>
    </message>
    <message>
        <source>automatique</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>ouverture d&apos;un atelier</source>
        <translation>opening a workshop</translation>
    </message>
    <message>
        <source>avant un import</source>
        <translation>before an import</translation>
    </message>
    <message>
        <source>avant un import d&apos;idées</source>
        <translation>before an import of ideas</translation>
    </message>
    <message>
        <source>avant un import de modèle</source>
        <translation>before an import of a template</translation>
    </message>
    <message>
        <source>avant une remise en place</source>
        <translation>before a restore</translation>
    </message>
    <message>
        <source>avant une remise en place (copie du fichier refusé)</source>
        <translation>before a restore (copy of the refused file)</translation>
    </message>
    <message>
        <source>ouverture de la salle aux téléphones</source>
        <translation>opening the room to phones</translation>
    </message>
    <message>
        <source>avant la mise à jour {}</source>
        <translation>before the {} update</translation>
    </message>
    <message>
        <source>1 atelier</source>
        <translation>1 workshop</translation>
    </message>
    <message>
        <source>{} ateliers</source>
        <translation>{} workshops</translation>
    </message>
    <message>
        <source>aucun atelier</source>
        <translation>no workshops</translation>
    </message>
    <message>
        <source>1 idée</source>
        <translation>1 idea</translation>
    </message>
    <message>
        <source>{} idées</source>
        <translation>{} ideas</translation>
    </message>
    <message>
        <source>aucune idée</source>
        <translation>no ideas</translation>
    </message>
    <message>
        <source>1 vote</source>
        <translation>1 vote</translation>
    </message>
    <message>
        <source>{} votes</source>
        <translation>{} votes</translation>
    </message>
    <message>
        <source>aucun vote</source>
        <translation>no votes</translation>
    </message>
    <message>
        <source>1 persona</source>
        <translation>1 persona</translation>
    </message>
    <message>
        <source>{} personas</source>
        <translation>{} personas</translation>
    </message>
    <message>
        <source>aucun persona</source>
        <translation>no personas</translation>
    </message>
    <message>
        <source>« {} » : {}</source>
        <translation>“{}”: {}</translation>
    </message>
    <message>
        <source>Ateliers : {}
Fichier : {}</source>
        <translation>Workshops: {}
File: {}</translation>
    </message>
    <message>
        <source> ; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>RoomGuard</name>
    <message>
        <source>La salle est ouverte aux téléphones ({}) : elle sera fermée, les téléphones ne pourront plus envoyer d&apos;idées ni voter.</source>
        <translation>The room is open to phones ({}): it will be closed, and the phones will no longer be able to send ideas or vote.</translation>
    </message>
    <message>
        <source>L&apos;atelier est partagé en direct ({}) : le partage sera arrêté, les autres ordinateurs ne recevront plus rien.</source>
        <translation>The workshop is shared live ({}): sharing will stop, and the other computers will receive nothing more.</translation>
    </message>
    <message>
        <source>Cet ordinateur suit en direct l&apos;atelier de l&apos;animateur : il cessera de le suivre.</source>
        <translation>This computer follows the facilitator&apos;s workshop live: it will stop following it.</translation>
    </message>
    <message>
        <source>aucun téléphone</source>
        <translation>no phones</translation>
    </message>
    <message>
        <source>1 téléphone</source>
        <translation>1 phone</translation>
    </message>
    <message>
        <source>{} téléphones</source>
        <translation>{} phones</translation>
    </message>
    <message>
        <source>aucun ordinateur connecté</source>
        <translation>no computers connected</translation>
    </message>
    <message>
        <source>1 ordinateur connecté</source>
        <translation>1 computer connected</translation>
    </message>
    <message>
        <source>{} ordinateurs connectés</source>
        <translation>{} computers connected</translation>
    </message>
    <message>
        <source>Ce qui est déjà arrivé est gardé. {} quand même ?</source>
        <translation>What has already arrived is kept. {} anyway?</translation>
    </message>
</context>
<context>
    <name>SeriesDialog</name>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>SeriesRelay</name>
    <message>
        <source>Relais : synchronisation…</source>
        <translation>Relay: synchronising…</translation>
    </message>
    <message>
        <source>Relais (%1) : %2</source>
        <translation>Relay (%1): %2</translation>
    </message>
    <message>
        <source>Relais (%1) : erreur interne, détails dans le journal.</source>
        <translation>Relay (%1): internal error, details in the log.</translation>
    </message>
    <message>
        <source>Relais : 1 refus — %2</source>
        <translation>Relay: 1 refused — %2</translation>
    </message>
    <message>
        <source>Relais : %1 refus — %2</source>
        <translation>Relay: %1 refused — %2</translation>
    </message>
    <message>
        <source>Relais : série à jour à %1</source>
        <translation>Relay: series up to date at %1</translation>
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
    <name>ShortcutsDialog</name>
    <message>
        <source>Raccourcis clavier</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Flèches</source>
        <translation>Arrows</translation>
    </message>
    <message>
        <source>Choisir une idée (Maj+flèches : en ajouter)</source>
        <translation>Choose an idea (Shift+arrows: add more)</translation>
    </message>
    <message>
        <source>Souris</source>
        <translation>Mouse</translation>
    </message>
    <message>
        <source>Glisser une idée (ou la sélection) vers une colonne (près du bord haut ou bas, le tableau défile) ; Ctrl+clic ou cadre pour en choisir plusieurs, Maj+clic pour toute une suite dans la colonne</source>
        <translation>Drag an idea (or the selection) to a column (near the top or bottom edge, the board scrolls); Ctrl+click or a frame to choose several, Shift+click for a whole run within a column</translation>
    </message>
    <message>
        <source>Groupes</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Clic sur le bandeau d&apos;un groupe, ou Haut et Bas, qui s&apos;y arrêtent avant sa première idée : le choisir (F2 ou double-clic : le renommer) ; Ctrl+Haut sur sa première idée ou Ctrl+Bas sur sa dernière, ou glisser une idée hors du cadre : la sortir du groupe</source>
        <translation>Click a group&apos;s band, or Up and Down, which stop on it before its first idea: choose the group (F2 or double-click: rename it); Ctrl+Up on its first idea or Ctrl+Down on its last, or dragging an idea out of the frame: take it out of the group</translation>
    </message>
    <message>
        <source>Ctrl+molette</source>
        <translation>Ctrl+wheel</translation>
    </message>
    <message>
        <source>Agrandir ou réduire le texte</source>
        <translation>Make the text larger or smaller</translation>
    </message>
    <message>
        <source>Échap</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Dans la saisie : aller au tableau, sur la dernière idée</source>
        <translation>In the capture field: go to the board, on the last idea</translation>
    </message>
    <message>
        <source>persona (prénom, clé ou métier ; le début suffit, sans accents)</source>
        <translation>persona (first name, key or occupation; the start is enough, accents optional)</translation>
    </message>
    <message>
        <source>thème</source>
        <translation>theme</translation>
    </message>
    <message>
        <source>#mobilité</source>
        <translation>#mobility</translation>
    </message>
    <message>
        <source>horizon</source>
        <translation>horizon</translation>
    </message>
    <message>
        <source>« Futur engagé » : une décision déjà prise, pas une idée</source>
        <translation>“Committed future”: a decision already taken, not an idea</translation>
    </message>
    <message>
        <source>colonne (clé, mot du titre ou numéro ; &gt;0 = À trier)</source>
        <translation>column (key, title word or number; &gt;0 = inbox)</translation>
    </message>
    <message>
        <source>numéro de table (créée au besoin)</source>
        <translation>table number (created if needed)</translation>
    </message>
    <message>
        <source>Un tram jusqu&apos;à Aubagne @bernard #mobilité !2040 &gt;mieux =3</source>
        <translation>A tram to Aubagne @bernard #mobility !2040 &gt;mieux =3</translation>
    </message>
    <message>
        <source>Raccourcis</source>
        <translation>Shortcuts</translation>
    </message>
    <message>
        <source>Marqueurs dans la saisie</source>
        <translation>Markers when typing</translation>
    </message>
</context>
<context>
    <name>SlideShow</name>
    <message>
        <source>{} / {}  ·  Échap pour quitter</source>
        <translation>{} / {}  ·  Esc to leave</translation>
    </message>
</context>
<context>
    <name>SyncCommands</name>
    <message>
        <source>Notes importées de nouveau.</source>
        <translation>Notes imported again.</translation>
    </message>
    <message>
        <source>Import annulé : les idées ajoutées sont retirées et les modifications défaites. Ce retrait ira aussi aux autres ordinateurs à la prochaine fusion ; réimporter le même fichier n&apos;ajouterait rien : Rétablir (Ctrl+Maj+Z) remet les notes.</source>
        <translation>Import undone: the ideas it added are removed and its changes reverted. The removal will also reach the other computers at the next merge; importing the same file again would add nothing: Redo (Ctrl+Shift+Z) brings the notes back.</translation>
    </message>
    <message>
        <source>Choix rétabli : cette version est gardée partout.</source>
        <translation>Choice redone: this version is kept everywhere.</translation>
    </message>
    <message>
        <source>1 valeur modifiée depuis, ailleurs, laissée telle quelle.</source>
        <translation>1 value changed elsewhere since was left as it is.</translation>
    </message>
    <message>
        <source>{} valeurs modifiées depuis, ailleurs, laissées telles quelles.</source>
        <translation>{} values changed elsewhere since were left as they are.</translation>
    </message>
    <message>
        <source>Choix annulé : la version d&apos;avant revient (partout, à la prochaine fusion) et le conflit est de nouveau à trancher (Fichier › Conflits à trancher).</source>
        <translation>Choice undone: the previous version is back (everywhere, at the next merge) and the conflict is open again (File › Conflicts to settle).</translation>
    </message>
</context>
<context>
    <name>TablesDialog</name>
    <message>
        <source>Tables et participants — {}</source>
        <translation>Tables and participants — {}</translation>
    </message>
    <message>
        <source>Mode anonyme : aucun nom de participant dans les rapports et exports</source>
        <translation>Anonymous mode: no participant name in reports and exports</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Idées</source>
        <translation>Ideas</translation>
    </message>
    <message>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Nommer…</source>
        <translation>Name…</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Distribuer au hasard</source>
        <translation>Deal at random</translation>
    </message>
    <message>
        <source>Attribuer…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Nom (facultatif)</source>
        <translation>Name (optional)</translation>
    </message>
    <message>
        <source>Effacer…</source>
        <translation>Erase…</translation>
    </message>
    <message>
        <source>Participants (facultatif)</source>
        <translation>Participants (optional)</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Idées par persona : {}  ·  sans persona : {}  ·  total : {}</source>
        <translation>Ideas per persona: {}  ·  without persona: {}  ·  total: {}</translation>
    </message>
    <message>
        <source>(aucune)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Nommer la table</source>
        <translation>Name the table</translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord une table.</source>
        <translation>Choose a table first.</translation>
    </message>
    <message>
        <source>Effacer le participant</source>
        <translation>Erase the participant</translation>
    </message>
    <message>
        <source>Effacer « {} » ? Son nom sera supprimé définitivement de cet atelier ; ses idées restent, sans son nom.</source>
        <translation>Erase “{}”? Their name will be removed from this workshop for good; their ideas stay, without the name.</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Modèle de la série — {}</source>
        <translation>Series template — {}</translation>
    </message>
    <message>
        <source>Colonne</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Sous-titre</source>
        <translation>Subtitle</translation>
    </message>
    <message>
        <source>Couleur</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Fond</source>
        <translation>Background</translation>
    </message>
    <message>
        <source>Ajouter une colonne</source>
        <translation>Add a column</translation>
    </message>
    <message>
        <source>Supprimer la colonne</source>
        <translation>Delete the column</translation>
    </message>
    <message>
        <source>Monter</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Descendre</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>De {} à {} colonnes, « À trier » en premier. Couleurs en #RRVVBB (double-clic pour choisir).</source>
        <translation>{} to {} columns, “To sort” first. Colours as #RRGGBB (double-click to choose).</translation>
    </message>
    <message>
        <source>Colonnes du tableau</source>
        <translation>Board columns</translation>
    </message>
    <message>
        <source>Valeur</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Définition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Ajouter une valeur</source>
        <translation>Add a value</translation>
    </message>
    <message>
        <source>Supprimer la valeur</source>
        <translation>Delete the value</translation>
    </message>
    <message>
        <source>Valeurs partagées</source>
        <translation>Shared values</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Modifier le modèle</source>
        <translation>Edit the template</translation>
    </message>
    <message>
        <source>Modèle de la série</source>
        <translation>Series template</translation>
    </message>
    <message>
        <source>Colonnes</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Au plus {} colonnes.</source>
        <translation>At most {} columns.</translation>
    </message>
    <message>
        <source>Nouvelle colonne</source>
        <translation>New column</translation>
    </message>
    <message>
        <source>« À trier » ne peut pas être supprimée.</source>
        <translation>“To sort” cannot be deleted.</translation>
    </message>
    <message>
        <source>Nouvelle valeur</source>
        <translation>New value</translation>
    </message>
</context>
<context>
    <name>TimerFeature</name>
    <message>
        <source>Le minuteur en cours ({} restant) est remplacé par l&apos;étape « {} ».</source>
        <translation>The running timer ({} left) is replaced by the step “{}”.</translation>
    </message>
    <message>
        <source>Temps écoulé !</source>
        <translation>Time is up!</translation>
    </message>
</context>
<context>
    <name>TimerOverlay</name>
    <message>
        <source>Temps restant</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>+1 min</source>
        <translation>+1 min</translation>
    </message>
    <message>
        <source>Ajouter une minute (F8)</source>
        <translation>Add a minute (F8)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Durée du tour en minutes</source>
        <translation>Round length in minutes</translation>
    </message>
    <message>
        <source>Régler</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>Minuteur</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Durée du tour, en minutes :</source>
        <translation>Length of the round, in minutes:</translation>
    </message>
    <message>
        <source>Régler la durée…</source>
        <translation>Set the length…</translation>
    </message>
    <message>
        <source>En haut, à côté de la saisie</source>
        <translation>At the top, beside the capture field</translation>
    </message>
    <message>
        <source>À droite des colonnes</source>
        <translation>Right of the columns</translation>
    </message>
    <message>
        <source>Sous les colonnes</source>
        <translation>Under the columns</translation>
    </message>
    <message>
        <source>En grand (Ctrl+Shift+T)</source>
        <translation>Large (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>Masquer (Ctrl+T)</source>
        <translation>Hide (Ctrl+T)</translation>
    </message>
    <message>
        <source>+1</source>
        <translation>+1</translation>
    </message>
    <message>
        <source>Masquer le minuteur (Ctrl+T)</source>
        <translation>Hide the timer (Ctrl+T)</translation>
    </message>
    <message>
        <source>Régler, déplacer, agrandir ou masquer le minuteur</source>
        <translation>Set, move, enlarge or hide the timer</translation>
    </message>
    <message>
        <source>Menu du minuteur</source>
        <translation>Timer menu</translation>
    </message>
    <message>
        <source>Pause (F7)</source>
        <translation>Pause (F7)</translation>
    </message>
    <message>
        <source>Démarrer (F7)</source>
        <translation>Start (F7)</translation>
    </message>
</context>
<context>
    <name>ValuesFeature</name>
    <message>
        <source>Sélectionnez la proposition à adopter comme valeur.</source>
        <translation>Select the proposal to adopt as a value.</translation>
    </message>
    <message>
        <source>Adopter comme valeur</source>
        <translation>Adopt as a value</translation>
    </message>
    <message>
        <source>Définition de la valeur « %1 » :</source>
        <translation>Definition of the value “%1”:</translation>
    </message>
    <message>
        <source>Valeur adoptée : %1</source>
        <translation>Value adopted: %1</translation>
    </message>
</context>
<context>
    <name>VivrePage</name>
    <message>
        <source>Le rêve : {}</source>
        <translation>The dream: {}</translation>
    </message>
    <message>
        <source>Le rêve de la Métropole pour « {} », écrit ensemble…</source>
        <translation>The dream of the Metropolis for “{}”, written together…</translation>
    </message>
    <message>
        <source>En 2017 : </source>
        <translation>In 2017: </translation>
    </message>
    <message>
        <source>Le rêve</source>
        <translation>The dream</translation>
    </message>
    <message>
        <source>Citations de la salle</source>
        <translation>Quotes from the room</translation>
    </message>
    <message>
        <source>Citations</source>
        <translation>Quotes</translation>
    </message>
</context>
<context>
    <name>VoteFeature</name>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord l&apos;idée dont vous comptez les gommettes.</source>
        <translation>First choose the idea whose dots you are counting.</translation>
    </message>
    <message>
        <source>Votant : {}</source>
        <translation>Voter: {}</translation>
    </message>
    <message>
        <source>Le groupe est choisi en entier : une gommette va sur une idée. ↓ choisit sa première idée.</source>
        <translation>The whole group is chosen: a dot goes on one idea. ↓ chooses its first idea.</translation>
    </message>
</context>
<context>
    <name>VotePanel</name>
    <message>
        <source>Votant en cours</source>
        <translation>Current voter</translation>
    </message>
    <message>
        <source>Sélectionnez une idée du tableau : + ajoute une gommette, − en retire une.</source>
        <translation>Select an idea on the board: + adds a dot, − removes one.</translation>
    </message>
    <message>
        <source>Votants</source>
        <translation>Voters</translation>
    </message>
    <message>
        <source>Gommettes par votant :</source>
        <translation>Dots per voter:</translation>
    </message>
    <message>
        <source>Gommettes par votant</source>
        <translation>Dots per voter</translation>
    </message>
    <message>
        <source>Vote secret</source>
        <translation>Secret vote</translation>
    </message>
    <message>
        <source>Les compteurs restent cachés jusqu&apos;à la révélation.</source>
        <translation>The counts stay hidden until they are revealed.</translation>
    </message>
    <message>
        <source>Révéler les votes</source>
        <translation>Reveal the votes</translation>
    </message>
    <message>
        <source> tables</source>
        <translation> tables</translation>
    </message>
    <message>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Ajouter des tables</source>
        <translation>Add tables</translation>
    </message>
    <message>
        <source>Effacer ses gommettes</source>
        <translation>Clear their dots</translation>
    </message>
    <message>
        <source>Reprendre toutes les gommettes du votant choisi</source>
        <translation>Take back all the dots of the chosen voter</translation>
    </message>
    <message>
        <source>Nombre de tables à ajouter</source>
        <translation>Number of tables to add</translation>
    </message>
    <message>
        <source>Ajoutez d&apos;abord des tables pour voter.</source>
        <translation>Add tables first to vote.</translation>
    </message>
    <message>
        <source>Sans votant : + et − comptent les gommettes de la salle ; * puis un nombre.</source>
        <translation>No voter: + and − count the room&apos;s dots; * then a number.</translation>
    </message>
    <message>
        <source>{} : 1 gommette de plus que prévu</source>
        <translation>{}: 1 dot more than planned</translation>
    </message>
    <message>
        <source>{} : {} gommettes de plus que prévu</source>
        <translation>{}: {} dots more than planned</translation>
    </message>
    <message>
        <source>{} : {} gommettes restantes</source>
        <translation>{}: {} dots left</translation>
    </message>
    <message>
        <source>{} : 1 gommette restante</source>
        <translation>{}: 1 dot left</translation>
    </message>
    <message>
        <source>{} : plus de gommette</source>
        <translation>{}: no dots left</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Erreur interne de Fabrique (un défaut du programme, pas de vos données). Rien n&apos;a été perdu : chaque idée est enregistrée dès sa saisie.

{}.</source>
        <translation>Internal error in Fabrique (a defect of the program, not of your data). Nothing was lost: every idea is saved as soon as it is typed.

{}.</translation>
    </message>
    <message>
        <source>Lecture seule : {} Consultation et exports possibles, aucune modification.</source>
        <translation>Read-only: {} You can view and export, not change anything.</translation>
    </message>
    <message>
        <source>{} (lecture seule)</source>
        <translation>{} (read-only)</translation>
    </message>
</context>
</TS>
