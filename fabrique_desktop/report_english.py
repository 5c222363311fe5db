"""The English of the reports' labels, keyed by their French as the code writes them
(``report_words.tr``): headings, table heads, counts' nouns, sentences around participants'
words. Participants' words and the series' own texts are never translated."""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # -- cover, running header, metadata
    "Atelier": "Workshop",
    "Ateliers": "Workshops",
    "Date": "Date",
    "Dates": "Dates",
    "Lieu": "Place",
    "Étape": "Step",
    "Animation": "Facilitation",
    "Démarche": "Process",
    "Réalisé par": "Made by",
    "Pistes de projet": "Project ideas",
    "Engagements": "Commitments",
    "Sommaire": "Contents",
    "Introduction": "Introduction",
    "Compte rendu — {phase}": "Report — {phase}",
    "Compte rendu commun des {ateliers} — {phase}": "Joint report of {ateliers} — {phase}",
    "Compte rendu de l’atelier du {date}": "Report of the workshop of {date}",
    "Synthèse — {series}": "Synthesis — {series}",
    "{series} — synthèse des ateliers": "{series} — synthesis of the workshops",
    "Synthèse des ateliers": "Synthesis of the workshops",
    "du {first} au {last}": "from {first} to {last}",
    "Cartes personas": "Persona cards",
    "{personas} à découper, quatre par page": "{personas} to cut out, four to a page",
    # -- back cover
    "Synthèse de {ateliers}, {dates}.": "Synthesis of {ateliers}, {dates}.",
    "{pistes} écrites par les participants, citées telles quelles.": (
        "{pistes} written by the participants, quoted as they wrote them."
    ),
    "Publié par {publisher}.": "Published by {publisher}.",
    "Mise en page : Fabrique, à partir des idées écrites en atelier.": (
        "Layout: Fabrique, from the ideas written in the workshops."
    ),
    # -- the booklet's four parts
    "La fabrique d’une personnalité": "Shaping an identity",
    "Ce que nous sommes": "Who we are",
    "La fabrique d’une vision": "Shaping a vision",
    "Où nous allons": "Where we are going",
    "La fabrique de l’action": "Shaping the action",
    "Comment y parvenir": "How to get there",
    "La fabrique des suites": "Shaping what follows",
    "Et après…": "What next…",
    # -- sections
    "Chiffres clés": "Key figures",
    "En bref": "In brief",
    "Pourquoi ce projet ?": "Why this project?",
    "Les étapes de la démarche": "The steps of the process",
    "{ateliers} {dates} : ce que chacun a réuni et produit.": (
        "{ateliers} {dates}: who each one brought together and what it produced."
    ),
    "N°": "No.",
    "Atelier et participants": "Workshop and participants",
    "Ce qu’il a produit": "What it produced",
    "Ils ont participé": "Who took part",
    "Qui": "Who",
    "Tables": "Tables",
    "Participants": "Participants",
    "Téléphones": "Phones",
    "Les participants": "The participants",
    "Des atouts à la hauteur des défis": "Assets equal to the challenges",
    "Le diagnostic en {n} paradoxes : chaque atout du territoire face au défi qui "
    "l’accompagne.": "The diagnosis in {n} paradoxes: each of the territory’s assets set "
    "against the challenge that comes with it.",
    "Atout": "Asset",
    "Défi": "Challenge",
    "Des valeurs qui nous engagent": "Values we stand by",
    "Apprendre des métropoles qui réussissent": "Learning from cities that succeed",
    "{n} inspirations internationales présentées en atelier.": (
        "{n} international inspirations presented in the workshops."
    ),
    "Les habitants fictifs": "The fictional residents",
    "Pendant les ateliers, les participants ont quitté leur rôle pour parler au nom de ces "
    "habitants fictifs.": "During the workshops, the participants left their usual roles to "
    "speak for these fictional residents.",
    "Une vision d’ensemble": "The whole picture",
    "Du constat aux engagements : ce que chaque « Vivre » relève et ce qu’il promet.": (
        "From the findings to the commitments: what each « Vivre » takes on and what it promises."
    ),
    "{n} paradoxes : le constat": "{n} paradoxes: the findings",
    "Défi à relever": "Challenge to meet",
    "Comment faire pour ?": "How can we…?",
    "Rêve pour demain": "Dream for tomorrow",
    "Les compétences métropolitaines": "What the Métropole is responsible for",
    "Les {n} compétences sur lesquelles la Métropole peut agir.": (
        "The {n} areas in which the Métropole can act."
    ),
    "Chaque Vivre porte {each}.": "Each Vivre carries {each}.",
    "Engagements par Vivre": "Commitments by Vivre",
    "Les engagements et les votes": "The commitments and the votes",
    "Les engagements": "The commitments",
    "{engagements} répartis entre les quatre ambitions.": (
        "{engagements} shared among the four ambitions."
    ),
    "Les votes": "The votes",
    "Les pistes les plus votées (gommettes)": "The project ideas with the most votes (dots)",
    "Le rêve": "The dream",
    "{engagements} pour {vivre}": "{engagements} for {vivre}",
    "Futur engagé : premières réalisations pour « {vivre} »": (
        "Committed future: first achievements for « {vivre} »"
    ),
    "Futur engagé : premières réalisations ({n})": "Committed future: first achievements ({n})",
    "Des décisions déjà prises, sur lesquelles les ateliers se sont appuyés.": (
        "Decisions already taken, which the workshops built on."
    ),
    "Des décisions déjà prises, présentées à la salle.": (
        "Decisions already taken, presented to the room."
    ),
    "{what} viennent des {ateliers}, sans qu’on sache lequel a produit chacune.": (
        "{what} come from {ateliers}, with no telling which one produced each."
    ),
    "ces réalisations": "these achievements",
    "ces pistes": "these project ideas",
    "Paroles d’ateliers": "Words from the workshops",
    "Paroles d’ateliers — {vivre}": "Words from the workshops — {vivre}",
    "Autres engagements": "Other commitments",
    "Pas encore dans un Vivre": "Not yet in a Vivre",
    "{pistes} en atelier, telles qu’elles ont été écrites, que personne n’a encore rangées "
    "dans un Vivre.": "{pistes} in the workshops, as they were written, that no one has put "
    "in a Vivre yet.",
    "Les pistes de projet par Vivre et par horizon": "Project ideas by Vivre and horizon",
    "{n} à l’horizon {horizon}": "{n} by {horizon}",
    "{n} sans date précise": "{n} with no date given",
    ", {where}": ", all {where}",
    ", dont {n} pas encore dans un Vivre": ", of which {n} not yet in a Vivre",
    "{told}, point de départ des pistes.": "{told}, the starting point of the project ideas.",
    "total": "total",
    " et ": " and ",
    "{ateliers} ensemble": "{ateliers} together",
    "Téléphones : {sent} de {phones}": "Phones: {sent} from {phones}",
    # -- horizons
    "Horizon 2024 — c’est déjà aujourd’hui": "Horizon 2024 — it is already today",
    "Horizon 2040 — la métropole de demain": "Horizon 2040 — the metropolis of tomorrow",
    "Sans date précise": "No date given",
    "Horizon 2024": "Horizon 2024",
    "Horizon 2040": "Horizon 2040",
    "Horizon {horizon}": "Horizon {horizon}",
    "horizon {horizon}": "horizon {horizon}",
    "Sans date": "No date",
    # -- the session report
    "Idées à trier": "Ideas to sort",
    "Idées notées pendant l’atelier et pas encore classées dans un Vivre.": (
        "Ideas noted during the workshop and not yet put in a Vivre."
    ),
    "À trier": "To sort",
    "Le tableau en un coup d’œil": "The board at a glance",
    "… et {others}": "… and {others}",
    "Autres idées": "Other ideas",
    "Les tables": "The tables",
    "Table": "Table",
    "Personas joués": "Personas played",
    "Idées": "Ideas",
    "Les idées par Vivre et par horizon": "Ideas by Vivre and horizon",
    "Déroulé de l’atelier": "How the workshop ran",
    "L’ordre du jour prévu et le temps réellement passé.": (
        "The planned agenda and the time actually spent."
    ),
    "Prévu": "Planned",
    "Réel": "Actual",
    "Écart": "Difference",
    "à l’heure": "on time",
    "Total": "Total",
    "Les personas présents": "The personas in the room",
    "Personas présents": "Personas in the room",
    "Les participants ont quitté leur rôle habituel pour parler depuis la vie de ces "
    "habitants fictifs.": "The participants left their usual roles to speak from the lives "
    "of these fictional residents.",
    "{age} ans": "{age} years old",
    "Les idées les plus soutenues": "The ideas the room supported most",
    "Classement des gommettes posées par la salle ({n} au total).": (
        "Ranked by the dots the room placed ({n} in all)."
    ),
    "Qui a voté : {kinds}.": "Who voted: {kinds}.",
    "Rang": "Rank",
    "Idée": "Idea",
    "Vivre": "Vivre",
    "Votes": "Votes",
    "Les votes en un coup d’œil": "The votes at a glance",
    "dont {n} tél.": "{n} by phone",
    "(dont {n} par téléphone)": "({n} by phone)",
    "Comment ?": "How?",
    "Idées à l’origine": "The ideas it came from",
    "Rien n’a encore été noté. Reste à faire :": "Nothing has been noted yet. Still to do:",
    "Les paradoxes": "The paradoxes",
    "{paradoxes} : un atout face à un défi, avec ses faits.": (
        "{paradoxes}: an asset set against a challenge, with its facts."
    ),
    "Formé sur le mur à partir de {cards}.": "Made on the wall from {cards}.",
    "Le système de valeurs": "The value system",
    "Les valeurs partagées, chacune avec sa définition.": (
        "The shared values, each with its definition."
    ),
    "Adoptée dans cet atelier (proposition {said}{dots}).": (
        "Adopted in this workshop (proposal {said}{dots})."
    ),
    "Adoptée par les {ateliers} (proposition {said}{dots}).": (
        "Adopted by {ateliers} (proposal {said}{dots})."
    ),
    "Les objectifs": "The objectives",
    "{objectives} : les pistes regroupées dans chaque Vivre.": (
        "{objectives}: the project ideas grouped within each Vivre."
    ),
    "Les pistes des ateliers précédents": "The project ideas of the earlier workshops",
    "{pistes} pour converger, telles que les ateliers les ont laissées.": (
        "{pistes} to converge, as the workshops left them."
    ),
    "La trame du projet": "The outline of the project",
    "Les engagements de chaque Vivre, avec leurs « Comment ? ».": (
        "Each Vivre’s commitments, with their « How? »."
    ),
    "Ce que la salle a retenu, et les idées dont chaque engagement est né.": (
        "What the room kept, and the ideas each commitment grew from."
    ),
    "Récit et paroles": "Story and words",
    "Le récit prospectif": "The story of the future",
    "Le récit prospectif : {title}": "The story of the future: {title}",
    "Le rêve de chaque Vivre, écrit ensemble au fil des ateliers.": (
        "Each Vivre’s dream, written together over the workshops."
    ),
    "Ils l’ont dit": "In their words",
    "Photos": "Photos",
    "Photo illisible : {name}": "Unreadable photo: {name}",
    "Ses inquiétudes": "Worries",
    "Ses espoirs": "Hopes",
    # -- joint credit (core: report.joint_note, credit.ateliers_label)
    "{results} de ce compte rendu sont le travail commun des {ateliers} : rien ne dit ce "
    "que chacun d’eux a produit.": "{results} of this report are the joint work of "
    "{ateliers}: nothing tells what each of them produced.",
    "Les résultats de cet atelier sont comptés avec ceux des {ateliers}.": (
        "The results of this workshop are counted with those of {ateliers}."
    ),
    "{results} des {ateliers} ({counts}) figurent sur le mur et dans le compte rendu de "
    "l’{board} : rien ne dit ce que chacun des ateliers a produit.": "{results} of "
    "{ateliers} ({counts}) are on the wall and in the report of {board}: nothing tells what "
    "each of the workshops produced.",
    "Les pistes": "The project ideas",
    "Elles sont sur le mur de l’{wall}.": "They are on the wall of {wall}.",
    "Les cartes d’où ils viennent sont sur le mur de l’{wall}.": (
        "The cards they come from are on the wall of {wall}."
    ),
    "Les {cards} des {ateliers}": "The {cards} of {ateliers}",
    "Les {cards} de cet atelier": "The {cards} of this workshop",
    " (atouts, problèmes, valeurs) sont un diagnostic, pas des propositions : ce fichier "
    "Decidim n’en contient aucune. Le travail sur les valeurs (paradoxes, système de "
    "valeurs) est dans le compte rendu.": " (strengths, problems, values) are a diagnosis, "
    "not proposals: this Decidim file holds none of them. The work on values (paradoxes, "
    "value system) is in the report.",
    "Les {left} pistes des {ateliers} qui sont sur le mur de l’{wall} sont dans son fichier "
    "Decidim, une proposition chacune : celui-ci ne les répète pas.": "The {left} project "
    "ideas of {ateliers} on the wall of {wall} are in its Decidim file, one proposal each: "
    "this one does not repeat them.",
    "Les paradoxes et les valeurs": "The paradoxes and values",
    "atelier {n}": "workshop {n}",
    "Objectif « {name} » : {pistes} ({ateliers})": "Objective “{name}”: {pistes} ({ateliers})",
    "Objectifs : {list}": "Objectives: {list}",
    "Objectif · {trace}": "Objective · {trace}",
    "« {name} » ({pistes})": "“{name}” ({pistes})",
    "ateliers {list} et {last}": "workshops {list} and {last}",
    # -- voter kinds (core: votes.KindDots.text)
    " de {voters}": " from {voters}",
    "Salle (gommettes comptées)": "The room (dots counted)",
    "Autres votants": "Other voters",
    # -- the trame (core: phase_results.trame)
    "Valeurs : {values}": "Values: {values}",
    "{n} Vivre : {names}": "{n} Vivre: {names}",
    "{engagements}, chacun avec ses « Comment ? »": "{engagements}, each with its « How? »",
    "Les pistes de projet des ateliers précédents": "The project ideas of the earlier workshops",
    # -- what each kind of atelier is for (core: phase_results.PURPOSES, STILL_TO_DO)
    "Un atelier Valeurs fait dire aux habitants fictifs ce que le territoire a et ce qui lui "
    "manque, en tire les paradoxes (un atout face à un défi, avec ses faits) et fait émerger "
    "les valeurs partagées : proposées, votées, puis adoptées avec leur définition.": (
        "A Values workshop has the fictional residents say what the territory has and what it "
        "lacks, draws the paradoxes from it (an asset set against a challenge, with its facts) "
        "and brings out the shared values: proposed, voted on, then adopted with their "
        "definition."
    ),
    "Un atelier Objectifs et pistes de projet classe les pistes de projet dans les quatre "
    "Vivre, les regroupe en objectifs et les place aux horizons 2024 et 2040, en partant du "
    "futur engagé.": (
        "An Objectives & project ideas workshop sorts the project ideas into the four Vivre, "
        "groups them into objectives and places them at the 2024 and 2040 horizons, starting "
        "from the committed future."
    ),
    "Un atelier Convergence reprend les pistes et les objectifs des ateliers précédents et "
    "les condense en engagements par Vivre, chacun avec ses « Comment ? » ; il consolide la "
    "trame du projet et écrit le récit prospectif.": (
        "A Convergence workshop takes up the project ideas and objectives of the earlier "
        "workshops and condenses them into commitments for each Vivre, each with its « How? »; "
        "it firms up the outline of the project and writes the story of the future."
    ),
    "Noter ce que les habitants fictifs disent du territoire (atouts et problèmes).": (
        "Note what the fictional residents say about the territory (assets and problems)."
    ),
    "Rapprocher un atout et un défi en paradoxe, avec ses faits.": (
        "Pair an asset with a challenge as a paradox, with its facts."
    ),
    "Proposer les valeurs, les voter, adopter chacune avec sa définition.": (
        "Propose the values, vote on them, adopt each with its definition."
    ),
    "Noter les pistes de projet de la salle (Ctrl+N).": "Note the room’s project ideas (Ctrl+N).",
    "Les classer dans les quatre Vivre et leur donner un horizon (2024 ou 2040).": (
        "Sort them into the four Vivre and give them a horizon (2024 or 2040)."
    ),
    "Les voter et garder les plus soutenues.": "Vote on them and keep the most supported.",
    "Regrouper en objectifs les pistes d’un même Vivre qui visent un même but (Ctrl+G).": (
        "Group into objectives the project ideas of one Vivre that share an aim (Ctrl+G)."
    ),
    "Aucun objectif n’est encore formé. Un objectif regroupe, dans un Vivre, les pistes qui "
    "visent un même but. Sur le mur, sélectionnez ces pistes (clic, puis Ctrl+clic), faites "
    "Ctrl+G et nommez l’objectif : il figurera ici avec ses pistes et leur horizon.": (
        "No objective has been formed yet. An objective groups, within one Vivre, the project "
        "ideas that share an aim. On the wall, select those ideas (click, then Ctrl+click), "
        "press Ctrl+G and name the objective: it will appear here with its ideas and their "
        "horizon."
    ),
    "Reprendre les pistes des ateliers précédents.": (
        "Take up the project ideas of the earlier workshops."
    ),
    "Écrire les engagements de chaque Vivre avec leurs « Comment ? ».": (
        "Write each Vivre’s commitments with their « How? »."
    ),
    "Écrire le récit prospectif de chaque Vivre.": "Write each Vivre’s story of the future.",
    "Noter les idées de la salle (Ctrl+N), les classer et les voter.": (
        "Note the room’s ideas (Ctrl+N), sort them and vote on them."
    ),
    # -- what a card is (CSV « kind »)
    "Piste de projet": "Project idea",
    "Futur engagé": "Committed future",
    "Problème": "Problem",
    "Valeur proposée": "Proposed value",
    "Valeur adoptée": "Adopted value",
    # -- nouns, singular and plural
    "idée": "idea",
    "idées": "ideas",
    "carte": "card",
    "cartes": "cards",
    "carte pas encore triée": "card not sorted yet",
    "cartes pas encore triées": "cards not sorted yet",
    "piste": "project idea",
    "pistes": "project ideas",
    "piste de projet": "project idea",
    "pistes de projet": "project ideas",
    "piste de projet reprise": "project idea taken up",
    "pistes de projet reprises": "project ideas taken up",
    "piste notée": "project idea noted",
    "pistes notées": "project ideas noted",
    "piste à l’horizon 2024": "project idea for 2024",
    "pistes à l’horizon 2024": "project ideas for 2024",
    "piste à l’horizon 2040": "project idea for 2040",
    "pistes à l’horizon 2040": "project ideas for 2040",
    "réalisation": "achievement",
    "réalisations": "achievements",
    "réalisation engagée": "achievement under way",
    "réalisations engagées": "achievements under way",
    "réalisation déjà engagée": "achievement already under way",
    "réalisations déjà engagées": "achievements already under way",
    "atelier": "workshop",
    "ateliers": "workshops",
    "engagement": "commitment",
    "engagements": "commitments",
    "vote": "vote",
    "votes": "votes",
    "vote (gommette)": "vote (dot)",
    "votes (gommettes)": "votes (dots)",
    "gommette": "dot",
    "gommettes": "dots",
    "gommette des téléphones": "dot from phones",
    "gommettes des téléphones": "dots from phones",
    "idée des téléphones": "idea from phones",
    "idées des téléphones": "ideas from phones",
    "idée pas encore dans un Vivre": "idea not yet in a Vivre",
    "idées pas encore dans un Vivre": "ideas not yet in a Vivre",
    "table": "table",
    "tables": "tables",
    "participant": "participant",
    "participants": "participants",
    "téléphone": "phone",
    "téléphones": "phones",
    "votant": "voter",
    "votants": "voters",
    "persona": "persona",
    "personas": "personas",
    "paradoxe": "paradox",
    "paradoxes": "paradoxes",
    "objectif": "objective",
    "objectifs": "objectives",
    "valeur": "value",
    "valeurs": "values",
    "valeur partagée": "shared value",
    "valeurs partagées": "shared values",
    "habitant fictif": "fictional resident",
    "habitants fictifs": "fictional residents",
    "autre": "other",
    "autres": "others",
}
