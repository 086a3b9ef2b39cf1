"""French and English texts for the cross-language story tests (written for these
tests; fictional places, people and events)."""

from __future__ import annotations

from newsgraph.model.document import Document

# A French original …
FR_FIRE = """Un violent incendie a ravagé mardi soir l'usine de papier de Valmont-sur-Loire, obligeant 340 habitants du quartier voisin à quitter leurs maisons.

Selon les pompiers de la région, 85 sapeurs-pompiers ont lutté pendant sept heures contre les flammes avant de maîtriser le feu vers 4 heures du matin.

« Nous n'avions jamais vu un feu aussi intense dans cette vallée », a déclaré la commandante Élise Marchand, qui dirige la caserne depuis 2015.

Trois ouvriers ont été légèrement blessés et transportés à l'hôpital de Bréval, où leur état est jugé stable.

Le maire, Paul Denizot, a annoncé l'ouverture d'un gymnase pour accueillir les familles évacuées pendant au moins deux nuits.

L'usine, qui emploie 210 personnes, était à l'arrêt depuis le 12 mars pour des travaux de rénovation.

Une enquête a été ouverte par le parquet pour déterminer l'origine du sinistre, qui pourrait être électrique.
"""

# … and its English translation, credited as such.
EN_FIRE = """A violent fire tore through the paper mill of Valmont-sur-Loire on Tuesday evening, forcing 340 residents of the neighbouring district to leave their homes.

According to the regional fire service, 85 firefighters battled the flames for seven hours before bringing the blaze under control at around 4 a.m.

"We had never seen such an intense fire in this valley," said commander Élise Marchand, who has led the station since 2015.

Three workers were slightly injured and taken to the hospital in Bréval, where their condition is described as stable.

The mayor, Paul Denizot, announced that a gymnasium would be opened to house the evacuated families for at least two nights.

The mill, which employs 210 people, had been shut since 12 March for renovation work.

Prosecutors have opened an investigation to establish the cause of the disaster, which may have been electrical.

Translated from the French.
"""

# … the same translation, uncredited, leaving French words untranslated as hurried
# translations do ("sapeurs-pompiers", "parquet").
EN_FIRE_CALQUED = (EN_FIRE.replace("Translated from the French.", "")
                   .replace("85 firefighters", "85 sapeurs-pompiers")
                   .replace("Prosecutors have opened", "The parquet has opened")
                   .replace("the regional fire service", "the pompiers of the region")
                   .replace("a gymnasium", "a gymnase"))

# Another French outlet's own report of the same fire: same facts, its own sentences.
FR_FIRE_OTHER = """Valmont-sur-Loire se réveille sous un nuage de fumée. Mercredi matin, les habitants découvraient les murs noircis de la papeterie, dont la toiture s'est effondrée pendant la nuit.

Les 340 riverains évacués ont passé la nuit au gymnase municipal, où la Croix-Rouge a distribué des couvertures et des repas chauds.

Pour les salariés, l'inquiétude domine. « On ne sait pas si l'usine rouvrira un jour », confie un technicien de maintenance, employé sur le site depuis vingt ans.

La direction du groupe propriétaire a promis de maintenir les salaires des 210 employés pendant trois mois au moins.

Plusieurs élus de l'opposition réclament des comptes sur l'état des installations électriques, déjà critiquées lors d'une inspection en 2021.

Les premières expertises devraient être rendues d'ici la fin du mois, selon la préfecture.
"""

# French articles on unrelated subjects.
FR_UNRELATED = [
    """Le conseil municipal de Port-Gaillac a adopté jeudi un budget de 48 millions d'euros, en hausse de 3 % par rapport à l'an dernier.

La majorité met en avant la rénovation de deux écoles primaires et la création d'une piste cyclable le long du canal.

L'opposition dénonce une hausse de la taxe foncière qu'elle juge injustifiée pour les petits propriétaires.

Le vote s'est achevé tard dans la soirée, après plus de quatre heures de débats parfois houleux.
""",
    """Le club de rugby de Sainte-Marthe s'est qualifié dimanche pour la finale régionale en battant Lorvillers 27 à 18.

Les visiteurs menaient pourtant à la pause, avant que deux essais en fin de match ne renversent la rencontre.

L'entraîneur, Hugo Ravanel, a salué le courage de ses joueurs, dont plusieurs jouaient blessés.

La finale se disputera le 3 juin au stade municipal de Courbeville, devant 8 000 spectateurs attendus.
""",
    """Une nouvelle campagne de vaccination contre la grippe débute lundi dans les pharmacies de la région Nord-Ardenne.

Les autorités sanitaires visent une couverture de 60 % chez les plus de 65 ans, contre 52 % l'hiver dernier.

Les pharmaciens pourront désormais vacciner sans ordonnance les adolescents à partir de 16 ans.

Selon l'agence régionale de santé, l'épidémie de l'an dernier avait causé plus de 900 hospitalisations.
""",
    """La bibliothèque de Montclair rouvre ses portes après dix-huit mois de travaux et un chantier de 6 millions d'euros.

Le bâtiment, construit en 1934, a été entièrement isolé et dispose désormais d'une salle numérique de quarante postes.

Les horaires d'ouverture sont élargis au dimanche matin, une première dans le département.

La directrice, Anne Vasseur, espère attirer de nouveaux lecteurs, notamment parmi les étudiants du campus voisin.
""",
]


def fr_doc(id: str, text: str, language: str = "fr", published: str | None = None) -> Document:
    return Document(id=id, path=f"{id}.txt", text=text, title="", language=language, published=published)
