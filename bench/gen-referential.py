#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""Write a large synthetic referential in cispref XML, and the queries to search it with.

The document is valid against data/cispref.xsd and loads with the default (strict) flags:
ids are unique, every concept, note and summary reference resolves, core domains only
have individual and collective plans. Texts are French-like sentences built from a
weighted vocabulary (accents, apostrophes, inclusive writing such as "la·le", "la-du",
"la.le") plus a tail of rarer derived words, so that the word index has a realistic
shape: a few very common words, a long tail of rare ones.

The output depends only on the options (the seed above all): the same command writes the
same bytes with any Python 3.

    bench/gen-referential.py -o big.xml                 # 20 000 competences, 500 000 items
    bench/gen-referential.py --competences 2000 --items-per-competence 10 -o small.xml

Besides FILE it writes FILE.queries (or --queries PATH): one query a line, "class<TAB>text",
drawn from the same vocabulary; bench/bench.c and bench/search.py read it.
"""

import argparse
import os
import random
import sys
import time
import unicodedata

# ---- vocabulary ---------------------------------------------------------------------
# Each list holds (word, weight); weights give the common words their share.

VERBS = [
    ("Accompagner", 30), ("Analyser", 20), ("Identifier", 25), ("Élaborer", 15),
    ("Évaluer", 18), ("Réaliser", 20), ("Organiser", 15), ("Animer", 12),
    ("Soutenir", 14), ("Préparer", 12), ("Conduire", 10), ("Déterminer", 10),
    ("Hiérarchiser", 6), ("Cibler", 6), ("Orienter", 10), ("Réorienter", 4),
    ("Mobiliser", 8), ("Favoriser", 10), ("Développer", 12), ("Adapter", 14),
    ("Assurer", 12), ("Participer à", 10), ("Rédiger", 8), ("Utiliser", 12),
    ("Construire", 8), ("Co-construire", 5), ("Négocier", 4), ("Gérer", 10),
    ("Planifier", 6), ("Coordonner", 6), ("Transmettre", 6), ("Formaliser", 4),
    ("Repérer", 6), ("Prévenir", 5), ("Valoriser", 6), ("Expliciter", 4),
    ("Créer", 6), ("Encoder", 3), ("Vérifier", 5), ("Présenter", 5),
    ("Sensibiliser", 5), ("Informer", 6), ("Médiatiser", 2), ("Responsabiliser", 3),
    ("Susciter", 3), ("Intégrer", 6), ("Démontrer", 3), ("Énoncer", 2),
    ("Consolider", 3), ("Systématiser", 2), ("Réguler", 3), ("Améliorer", 6),
]

NOUNS = [  # (singular, plural, gender)
    ("besoin", "besoins", "m", 25), ("projet", "projets", "m", 25),
    ("démarche", "démarches", "f", 15), ("ressource", "ressources", "f", 15),
    ("compétence", "compétences", "f", 20), ("outil", "outils", "m", 18),
    ("activité", "activités", "f", 18), ("entretien", "entretiens", "m", 12),
    ("bilan", "bilans", "m", 10), ("suivi", "suivis", "m", 14),
    ("parcours", "parcours", "m", 12), ("formation", "formations", "f", 25),
    ("évaluation", "évaluations", "f", 12), ("orientation", "orientations", "f", 8),
    ("insertion", "insertions", "f", 10), ("équipe", "équipes", "f", 12),
    ("réunion", "réunions", "f", 8), ("problématique", "problématiques", "f", 10),
    ("stratégie", "stratégies", "f", 8), ("méthode", "méthodes", "f", 10),
    ("procédure", "procédures", "f", 8), ("règle", "règles", "f", 8),
    ("réglementation", "réglementations", "f", 5), ("pratique", "pratiques", "f", 10),
    ("objectif", "objectifs", "m", 12), ("critère", "critères", "m", 6),
    ("difficulté", "difficultés", "f", 8), ("situation", "situations", "f", 10),
    ("dossier", "dossiers", "m", 6), ("rapport", "rapports", "m", 5),
    ("document", "documents", "m", 6), ("contrat", "contrats", "m", 4),
    ("réseau", "réseaux", "m", 8), ("partenaire", "partenaires", "m", 10),
    ("service", "services", "m", 10), ("institution", "institutions", "f", 5),
    ("entreprise", "entreprises", "f", 8), ("emploi", "emplois", "m", 8),
    ("stage", "stages", "m", 8), ("groupe", "groupes", "m", 14),
    ("dynamique", "dynamiques", "f", 6), ("posture", "postures", "f", 8),
    ("écoute", "écoutes", "f", 6), ("communication", "communications", "f", 10),
    ("médiation", "médiations", "f", 5), ("autonomie", "autonomies", "f", 8),
    ("émancipation", "émancipations", "f", 5), ("santé", "santés", "f", 6),
    ("précarité", "précarités", "f", 4), ("mobilité", "mobilités", "f", 5),
    ("logement", "logements", "m", 4), ("numérique", "numériques", "m", 6),
    ("donnée", "données", "f", 6), ("indicateur", "indicateurs", "m", 5),
    ("référentiel", "référentiels", "m", 5), ("programme", "programmes", "m", 6),
    ("atelier", "ateliers", "m", 6), ("module", "modules", "m", 5),
    ("apprentissage", "apprentissages", "m", 8), ("acquis", "acquis", "m", 5),
    ("expérience", "expériences", "f", 6), ("connaissance", "connaissances", "f", 10),
    ("technique", "techniques", "f", 12), ("principe", "principes", "m", 8),
    ("cadre", "cadres", "m", 8), ("limite", "limites", "f", 5),
    ("valeur", "valeurs", "f", 5), ("éthique", "éthiques", "f", 4),
    ("déontologie", "déontologies", "f", 3), ("qualité", "qualités", "f", 6),
    ("sécurité", "sécurités", "f", 4), ("hygiène", "hygiènes", "f", 3),
    ("pédagogie", "pédagogies", "f", 5), ("séquence", "séquences", "f", 5),
    ("consigne", "consignes", "f", 5), ("tâche", "tâches", "f", 6),
    ("intérêt", "intérêts", "m", 4), ("œuvre", "œuvres", "f", 3),
    ("littératie", "littératies", "f", 3), ("alphabétisation", "alphabétisations", "f", 3),
    ("employabilité", "employabilités", "f", 3), ("créativité", "créativités", "f", 2),
    ("assertivité", "assertivités", "f", 2), ("bien-être", "bien-être", "m", 3),
    ("conflit", "conflits", "m", 5), ("relation", "relations", "f", 8),
    ("environnement", "environnements", "m", 5), ("changement", "changements", "m", 5),
    ("processus", "processus", "m", 6), ("modalité", "modalités", "f", 5),
    ("législation", "législations", "f", 4), ("décret", "décrets", "m", 3),
    ("financement", "financements", "m", 3), ("subvention", "subventions", "f", 2),
]

ADJECTIVES = [  # (masculine, feminine, weight); plurals add "s" unless they end in s/x
    ("adapté", "adaptée", 15), ("pertinent", "pertinente", 12),
    ("individuel", "individuelle", 12), ("collectif", "collective", 12),
    ("social", "sociale", 8), ("professionnel", "professionnelle", 12),
    ("socioprofessionnel", "socioprofessionnelle", 8), ("psycho-social", "psycho-sociale", 5),
    ("pédagogique", "pédagogique", 10), ("administratif", "administrative", 8),
    ("spécifique", "spécifique", 8), ("transversal", "transversale", 6),
    ("numérique", "numérique", 6), ("éthique", "éthique", 4),
    ("déontologique", "déontologique", 4), ("institutionnel", "institutionnelle", 5),
    ("pluridisciplinaire", "pluridisciplinaire", 4), ("adéquat", "adéquate", 5),
    ("prioritaire", "prioritaire", 4), ("concret", "concrète", 5),
    ("réaliste", "réaliste", 4), ("accessible", "accessible", 5),
    ("bienveillant", "bienveillante", 4), ("préalable", "préalable", 3),
    ("réglementaire", "réglementaire", 4), ("sécurisé", "sécurisée", 3),
    ("général", "générale", 5), ("personnel", "personnelle", 6),
    ("créatif", "créative", 3), ("intégré", "intégrée", 3),
    ("émotionnel", "émotionnelle", 3), ("éducatif", "éducative", 4),
    ("médical", "médicale", 3), ("économique", "économique", 4),
    ("interculturel", "interculturelle", 3), ("écrit", "écrite", 3),
    ("oral", "orale", 3), ("régulier", "régulière", 4),
]

PERSONS = [  # inclusive forms of "the trainee" and the others, with their weights
    ("la·le stagiaire", 10), ("la-le stagiaire", 12), ("la.le stagiaire", 6),
    ("la-du stagiaire", 4), ("les stagiaires", 12), ("la·le bénéficiaire", 4),
    ("la-le bénéficiaire", 4), ("les participant·e·s", 5), ("chaque apprenant·e", 4),
    ("la·le formateur·rice", 5), ("la.le formateur.rice", 3), ("l'équipe pédagogique", 8),
    ("la-le coordinateur·rice", 3), ("les partenaires", 6), ("le groupe", 8),
    ("la personne", 6), ("l'employeur·euse", 3), ("les usager·ère·s", 3),
]

OF_PERSONS = [  # "de" + person, contracted as the referential writes it
    ("de la-du stagiaire", 12), ("de la·du stagiaire", 6), ("de la.du stagiaire", 4),
    ("des stagiaires", 12), ("de la-du bénéficiaire", 4), ("des participant·e·s", 5),
    ("de chaque apprenant·e", 4), ("de la·du formateur·rice", 4), ("de l'équipe", 8),
    ("du groupe", 8), ("de la personne", 6), ("des usager·ère·s", 3),
]

LINKS = [
    ("avec", 10), ("pour", 12), ("dans", 10), ("en fonction de", 5), ("au regard de", 3),
    ("à partir de", 4), ("en lien avec", 5), ("selon", 4), ("lors de", 4), ("vers", 3),
    ("en vue de", 3), ("auprès de", 3), ("relatif à", 2), ("au sein de", 3),
]

QUALITIES = [  # savoir-faire comportementaux
    ("Adopter une posture d'écoute active", 8), ("Faire preuve de rigueur", 8),
    ("Faire preuve de bienveillance", 6), ("Respecter les règles éthiques et déontologiques", 6),
    ("Être capable de se remettre en question", 6), ("Sens de l'organisation", 6),
    ("Faire preuve d'empathie", 5), ("Faire preuve de créativité", 4),
    ("Être à l'écoute", 5), ("Respecter la confidentialité", 5), ("Assertivité", 3),
    ("Faire preuve de patience", 4), ("Respecter l'autonomie", 4),
    ("Adapter sa communication", 6), ("Gérer ses émotions", 4),
    ("Faire preuve de discrétion", 3), ("Travailler en équipe", 5),
    ("Prendre du recul", 4), ("Faire preuve de souplesse", 3), ("Être ponctuel·le", 2),
]

SAVOIR_HEADS = [
    ("Les techniques de", 12), ("La connaissance de", 10), ("Les principes de base de", 8),
    ("Les éléments de", 6), ("Les notions de", 6), ("Le cadre légal de", 5),
    ("Les méthodes de", 8), ("Les outils de", 8), ("La législation relative à", 4),
    ("Les enjeux de", 5), ("Les fondements de", 3), ("Les théories de", 3),
]

COMPLEMENTS = [
    ("tout au long du parcours", 4), ("à chaque étape de la formation", 4),
    ("(entrée, en cours et en fin)", 2), ("en tenant compte du cadre institutionnel", 3),
    ("y compris numériques", 3), ("le cas échéant", 3), ("et/ou", 2),
    ("en situation professionnelle", 4), ("post-formation", 4), ("au quotidien", 3),
    ("dans les limites de sa fonction", 3), ("(ARAE, job coaching...)", 1),
    ("en collaboration avec le réseau", 3), ("de manière adéquate", 3),
    ("sur le terrain", 3), ("à court et à long terme", 2), ("R&D et innovation", 1),
]

ROOTS = [
    "format", "évalu", "orient", "organis", "médiat", "régul", "mobilis", "réalis",
    "communic", "particip", "intégr", "valoris", "responsabil", "sécur", "planific",
    "coordin", "transmiss", "négoci", "alphabét", "numér", "pédagog", "socialis",
    "autonom", "émancip", "professionnalis", "certific", "qualific", "individualis",
    "structur", "contractualis", "territorial", "documen", "systémat", "scénaris",
    "différenci", "modélis", "capitalis", "conceptualis", "hiérarch", "ré-insert",
]
PREFIXES = ["", "", "", "ré", "pré", "dé", "co", "inter", "auto", "trans", "sur", "sous",
            "multi", "télé", "méta", "pluri", "contre", "néo", "post", "anti", "extra"]
SUFFIXES = ["ation", "ement", "ité", "ique", "iste", "age", "eur", "ance", "ence", "isme",
            "ure", "oire", "abilité", "ateur", "atrice", "ance", "ité", "ation"]

DOMAIN_NAMES = [
    "Accompagnement psycho-social", "Accompagnement socioprofessionnel",
    "Accompagnement pédagogique", "Orientation et bilan", "Médiation et citoyenneté",
    "Santé et bien-être", "Numérique et littératie", "Mobilité et logement",
    "Insertion par l'économique", "Alphabétisation et français langue étrangère",
    "Création d'activités", "Éducation permanente",
]
TRANSVERSAL_NAMES = [
    "Accompagnement administratif", "Communication", "Travail en réseau",
    "Évaluation et qualité", "Gestion d'équipe", "Sécurité et hygiène",
]
PLAN_TITLES = {"individual": "Individuel", "collective": "Collectif",
               "internal": "Interne", "external": "Externe",
               "joint": "Individuel et collectif"}
PLAN_SHORT = {"individual": "ind", "collective": "col", "internal": "int",
              "external": "ext", "joint": "joint"}
ITEM_KINDS = [("savoir-faire", "sf"), ("savoir-faire-comportemental", "sfc"), ("savoir", "s")]

STOP = {"de", "la", "le", "les", "des", "du", "l", "d", "et", "à", "a", "au", "en", "un",
        "une", "sa", "son", "ses", "sur", "pour", "avec", "dans", "par", "e", "s", "rice",
        "ou", "y", "aux", "se", "chaque", "ere", "euse"}


class Weighted:
    """Draw from (value, weight) pairs with one random() call: the values repeated by
    weight in a flat list."""

    def __init__(self, pairs):
        self.flat = [value for value, weight in pairs for _ in range(weight)]
        self.n = len(self.flat)

    def draw(self, rng):
        return self.flat[int(rng() * self.n)]


def fold(text):
    """What the search ignores: case, accents (marks after NFKD), punctuation."""
    decomposed = unicodedata.normalize("NFKD", text).casefold()
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))


def words_of(text):
    out, word = [], []
    for c in fold(text) + " ":
        if unicodedata.category(c)[0] in "LN":
            word.append(c)
        elif word:
            out.append("".join(word))
            word = []
    return out


def make_tail(rng, count):
    """Rarer derived words ("précoordination", "interévaluateur"), unique and sorted by
    first appearance so that the seed alone fixes them."""
    seen, tail = set(), []
    attempts = 0
    while len(tail) < count and attempts < count * 50:
        attempts += 1
        w = (PREFIXES[int(rng() * len(PREFIXES))] + ROOTS[int(rng() * len(ROOTS))] +
             SUFFIXES[int(rng() * len(SUFFIXES))])
        if w not in seen:
            seen.add(w)
            tail.append(w)
    return tail


class Texts:
    def __init__(self, rng, tail_size):
        self.rng = rng
        self.verbs = Weighted(VERBS)
        self.nouns = Weighted([((s, p, g), w) for s, p, g, w in NOUNS])
        self.adjs = Weighted([((m, f), w) for m, f, w in ADJECTIVES])
        self.persons = Weighted(PERSONS)
        self.of_persons = Weighted(OF_PERSONS)
        self.links = Weighted(LINKS)
        self.qualities = Weighted(QUALITIES)
        self.savoir_heads = Weighted(SAVOIR_HEADS)
        self.complements = Weighted(COMPLEMENTS)
        self.tail = make_tail(rng, tail_size)
        # Zipf-like use of the tail: word k drawn with weight ~ 1/(k+1), through a table.
        self.tail_table = []
        for k, w in enumerate(self.tail):
            self.tail_table.extend([k] * max(1, int(40 / (k + 1) ** 0.5)))

    def tail_word(self):
        t = self.tail_table
        return self.tail[t[int(self.rng() * len(t))]]

    def adjective(self, gender, plural):
        m, f = self.adjs.draw(self.rng)
        a = f if gender == "f" else m
        if plural and not a.endswith(("s", "x")):
            a = a[:-1] + "aux" if a.endswith("al") and gender == "m" else a + "s"
        return a

    def noun_group(self, definite=True):
        rng = self.rng
        s, p, g = self.nouns.draw(rng)
        plural = rng() < 0.45
        if plural:
            det = "les" if definite else "des"
            head = p
        elif s[0] in "aeiouhéèêœ":
            det = "l'" if definite else ("une " if g == "f" else "un ")
            head = s
        else:
            det = ("la " if g == "f" else "le ") if definite else ("une " if g == "f" else "un ")
            head = s
        group = (det + " " + head) if det == "les" or det == "des" else det + head
        r = rng()
        if r < 0.45:
            group += " " + self.adjective(g, plural)
        elif r < 0.6:
            group += " " + self.tail_word() + ("s" if plural else "")
        return group

    def savoir_faire(self):
        rng = self.rng
        parts = [attach(self.verbs.draw(rng), self.noun_group())]
        r = rng()
        if r < 0.35:
            parts.append(attach(self.links.draw(rng), self.persons.draw(rng)))
        elif r < 0.6:
            parts.append(self.of_persons.draw(rng))
        elif r < 0.8:
            parts.append(attach(self.links.draw(rng), self.noun_group()))
        if rng() < 0.3:
            parts.append(self.complements.draw(rng))
        if rng() < 0.15:
            parts.append("et " + self.noun_group())
        return " ".join(parts)

    def comportemental(self):
        rng = self.rng
        q = self.qualities.draw(rng)
        r = rng()
        if r < 0.3:
            return q + " envers " + self.persons.draw(rng)
        if r < 0.55:
            return q + " " + attach(self.links.draw(rng), self.noun_group())
        if r < 0.7:
            return q + " " + self.complements.draw(rng)
        return q

    def savoir(self):
        rng = self.rng
        head = self.savoir_heads.draw(rng)
        s, p, g = self.nouns.draw(rng)
        noun = p if rng() < 0.5 else s
        text = head + " " + noun
        if head.endswith(" de") and noun[0] in "aeiouhéèêœ":
            text = head[:-3] + " d'" + noun
        elif head.endswith(" à"):
            if noun != s or noun == p:
                text = head[:-2] + " aux " + noun
            elif noun[0] in "aeiouhéèêœ":
                text = head + " l'" + noun
            else:
                text = head[:-2] + (" à la " if g == "f" else " au ") + noun
        r = rng()
        if r < 0.4:
            text += " " + self.adjective(g, noun == p and p != s)
        elif r < 0.55:
            text += " " + self.tail_word()
        if rng() < 0.3:
            text += " " + attach(self.links.draw(rng), self.noun_group())
        return text

    def item(self, kind):
        if kind == 0:
            return self.savoir_faire()
        if kind == 1:
            return self.comportemental()
        return self.savoir()

    def title(self):
        rng = self.rng
        parts = [attach(self.verbs.draw(rng), self.noun_group())]
        if rng() < 0.6:
            parts.append(self.of_persons.draw(rng))
        if rng() < 0.4:
            parts.append(self.complements.draw(rng))
        return " ".join(parts)

    def note(self, n):
        return ("Note %d. " % n) + self.savoir_faire() + " : " + self.savoir() + "."


def attach(head, group):
    """Join @head ("à partir de", "Participer à") and a noun group, contracting the
    article as French does: "de le" -> "du", "à les" -> "aux"."""
    if head == "de" or head.endswith(" de"):
        base = head[:-2]
        if group.startswith("le "):
            return base + "du " + group[3:]
        if group.startswith("les "):
            return base + "des " + group[4:]
        if group.startswith("des "):
            return base + "de " + group[4:]
        if group[0] in "aeiouhéèêœ":
            return base + "d'" + group
    elif head == "à" or head.endswith(" à"):
        base = head[:-1]
        if group.startswith("le "):
            return base + "au " + group[3:]
        if group.startswith("les "):
            return base + "aux " + group[4:]
    return head + " " + group


def esc(text):
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def esc_attr(text):
    return esc(text).replace('"', "&quot;")


# ---- the document -------------------------------------------------------------------

def split_counts(total, parts, rng, jitter):
    """@parts non-negative counts summing to @total, varied around the mean by pairs."""
    counts = [(i + 1) * total // parts - i * total // parts for i in range(parts)]
    for i in range(0, parts - 1, 2):
        d = int(rng() * (jitter + 1))
        d = min(d, counts[i] - 1 if counts[i] > 1 else 0, counts[i + 1] - 1 if counts[i + 1] > 1 else 0)
        if d > 0:
            counts[i] += d
            counts[i + 1] -= d
    return counts


def generate(args, out):
    rng = random.Random(args.seed).random
    texts = Texts(rng, args.tail_words)
    C = args.competences
    total_items = args.items if args.items is not None else C * args.items_per_competence
    n_concepts = args.concepts if args.concepts is not None else max(3, C // 6)
    n_notes = args.notes if args.notes is not None else max(1, C // 100)

    # Domains and plans: two thirds of the competences in core domains.
    n_core = min(len(DOMAIN_NAMES), max(1, C // 2000 + 2))
    n_trans = min(len(TRANSVERSAL_NAMES), max(1, C // 5000 + 1))
    plans = []  # (domain index, plan id, kind)
    domains = []
    for d in range(n_core):
        did = "d%d" % (d + 1)
        domains.append((did, "core", DOMAIN_NAMES[d], []))
        for kind in ("individual", "collective"):
            domains[-1][3].append(len(plans))
            plans.append((d, did + "." + PLAN_SHORT[kind], kind))
    for t in range(n_trans):
        did = "t%d" % (t + 1)
        domains.append((did, "transversal", TRANSVERSAL_NAMES[t], []))
        for kind in ("internal", "external", "joint"):
            domains[-1][3].append(len(plans))
            plans.append((n_core + t, did + "." + PLAN_SHORT[kind], kind))
    weights = [3 if domains[d][1] == "core" else 1 for d, _, _ in plans]
    total_w = sum(weights)
    per_plan, acc = [], 0
    for i, w in enumerate(weights):
        nxt = (C * (sum(weights[:i + 1]))) // total_w
        per_plan.append(nxt - acc)
        acc = nxt
    items_per_comp = split_counts(total_items, C, rng, max(1, total_items // max(C, 1) // 2))

    # Concepts: kinds in rotation, labels as item texts of that kind.
    concepts = []  # (id, kind, label)
    by_kind = ([], [], [])
    for i in range(n_concepts):
        kind = i % 3
        label = texts.item(kind)
        cid = "c.%d" % (i + 1)
        concepts.append((cid, kind, label))
        by_kind[kind].append(i)

    w = out.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w('<referential xmlns="urn:cispref:referential" format-version="1" id="synthetic-%d" '
      'version="%d.%d" xml:lang="fr">\n' % (args.seed, C, total_items))
    w("  <title>Référentiel synthétique de compétences (graine %d, %d compétences)</title>\n"
      % (args.seed, C))
    w("  <source>\n    <publisher>Banc d'essai de cispref</publisher>\n"
      "    <series>Référentiels synthétiques</series>\n    <number>%d</number>\n"
      "    <date>2024-01</date>\n    <approval>Généré, non validé</approval>\n  </source>\n"
      % args.seed)

    comp_index = 0
    counts = {"competences": 0, "items": 0, "entries": 0, "note_refs": 0, "concept_refs": 0}
    for d, (did, dkind, dtitle, plan_ids) in enumerate(domains):
        # competences of the domain: (plan index, competence id, title)
        comps = []
        for p in plan_ids:
            _, pid, _ = plans[p]
            for k in range(per_plan[p]):
                comps.append((p, "%s.%d" % (pid, k + 1), texts.title()))
        w('  <domain id="%s" kind="%s">\n    <title>%s</title>\n' % (did, dkind, esc(dtitle)))
        extra = 1 + int(rng() * 3)
        if comps or extra:
            w("    <summary>\n")
            n = 0
            for p, cid, title in comps:
                n += 1
                text = title if rng() < 0.7 else texts.title()
                w('      <entry id="%s.sum.%d" plan="%s" competence="%s">%s</entry>\n'
                  % (did, n, plans[p][2], cid, esc(text)))
            for _ in range(extra):  # entries linked to no competence, as in the cahiers
                n += 1
                kind = plans[plan_ids[int(rng() * len(plan_ids))]][2]
                w('      <entry id="%s.sum.%d" plan="%s">%s</entry>\n'
                  % (did, n, kind, esc(texts.title())))
            counts["entries"] += n
            w("    </summary>\n")
        ci = 0
        for p in plan_ids:
            _, pid, kind = plans[p]
            w('    <plan id="%s" kind="%s">\n      <title>%s</title>\n'
              % (pid, kind, PLAN_TITLES[kind]))
            for _ in range(per_plan[p]):
                _, cid, title = comps[ci]
                ci += 1
                w('      <competence id="%s">\n        <title>%s</title>\n' % (cid, esc(title)))
                if rng() < 0.2:
                    first = 1 + int(rng() * n_notes)
                    refs = [first]
                    if rng() < 0.3 and n_notes > 1:
                        refs.append(first % n_notes + 1)
                    for note in refs:
                        w('        <note-ref note="note.%d"/>\n' % note)
                    counts["note_refs"] += len(refs)
                n_items = items_per_comp[comp_index]
                comp_index += 1
                # half savoir-faire, a quarter each of the two others
                n_sf = (n_items + 1) // 2
                n_sfc = (n_items - n_sf + 1) // 2
                for kind, n_kind in ((0, n_sf), (1, n_sfc), (2, n_items - n_sf - n_sfc)):
                    name, short = ITEM_KINDS[kind]
                    seen = set()
                    for i in range(n_kind):
                        concept = None
                        text = None
                        if by_kind[kind] and rng() < args.concept_share:
                            ci_ = by_kind[kind][int(rng() * len(by_kind[kind]))]
                            concept, _, text = concepts[ci_]
                        if text is None or text in seen:
                            concept = None
                            for _ in range(10):
                                text = texts.item(kind)
                                if text not in seen:
                                    break
                            else:
                                text = "%s (%d)" % (text, i + 1)
                        seen.add(text)
                        if concept:
                            counts["concept_refs"] += 1
                            w('        <%s id="%s.%s.%d" concept="%s">%s</%s>\n'
                              % (name, cid, short, i + 1, concept, esc(text), name))
                        else:
                            w('        <%s id="%s.%s.%d">%s</%s>\n'
                              % (name, cid, short, i + 1, esc(text), name))
                    counts["items"] += n_kind
                w("      </competence>\n")
                counts["competences"] += 1
            w("    </plan>\n")
        w("  </domain>\n")
    if concepts:
        w("  <concepts>\n")
        for cid, kind, label in concepts:
            w('    <concept id="%s" kind="%s">%s</concept>\n'
              % (cid, ITEM_KINDS[kind][0], esc(label)))
        w("  </concepts>\n")
    w("  <notes>\n")
    for n in range(1, n_notes + 1):
        w('    <note id="note.%d" number="%d">%s</note>\n' % (n, n, esc(texts.note(n))))
    w("  </notes>\n</referential>\n")
    counts["concepts"] = len(concepts)
    counts["notes"] = n_notes
    return texts, counts


# ---- queries ------------------------------------------------------------------------

def vocabulary(texts):
    """The words users type: content words of the vocabulary, without stop words."""
    words = set()
    for pairs in (VERBS, PERSONS, QUALITIES, SAVOIR_HEADS, COMPLEMENTS):
        for text, _ in pairs:
            words.update(text.lower().replace("'", " ").replace("·", " ").replace("-", " ")
                         .replace(".", " ").replace("(", " ").replace(")", " ").split())
    for s, p, _, _ in NOUNS:
        words.update((s, p))
    for m, f, _ in ADJECTIVES:
        words.update((m, f))
    words = sorted(w for w in words if fold(w) not in STOP and len(w) > 2 and w.isalpha())
    return words


def make_queries(texts, count, seed):
    rng = random.Random(seed * 7919 + 17).random
    base = vocabulary(texts)
    tail = texts.tail[:2000]
    accented = [w for w in base if fold(w) != w.lower()]

    def word():
        if rng() < 0.75 or not tail:
            return base[int(rng() * len(base))]
        return tail[int(rng() * len(tail))]

    queries = []
    classes = ["word", "prefix", "and", "unaccented"]
    for i in range(count):
        cls = classes[i % 4]
        if cls == "word":
            q = word()
        elif cls == "prefix":
            w_ = fold(word())
            q = w_[:3 + int(rng() * 3)]
        elif cls == "and":
            a = word()
            b = word()
            while fold(b) == fold(a):
                b = word()
            q = a + " " + b
        else:
            q = fold(accented[int(rng() * len(accented))])
        queries.append((cls, q))
    return queries


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--competences", type=int, default=20000, help="number of competences (20000)")
    ap.add_argument("--items-per-competence", type=int, default=25,
                    help="mean number of items a competence holds (25)")
    ap.add_argument("--items", type=int, default=None,
                    help="total number of items (overrides --items-per-competence)")
    ap.add_argument("--concepts", type=int, default=None, help="number of concepts (competences/6)")
    ap.add_argument("--notes", type=int, default=None, help="number of notes (competences/100)")
    ap.add_argument("--concept-share", type=float, default=0.25,
                    help="share of items that point to a concept (0.25)")
    ap.add_argument("--tail-words", type=int, default=6000,
                    help="number of rarer derived words in the vocabulary (6000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (1)")
    ap.add_argument("--query-count", type=int, default=1000, help="number of queries (1000)")
    ap.add_argument("--queries", default=None,
                    help="where to write the queries (FILE.queries; '-' for none)")
    ap.add_argument("-o", "--output", default="-", help="output file ('-': standard output)")
    args = ap.parse_args(argv)
    if args.competences < 1 or args.seed < 0:
        ap.error("--competences must be at least 1 and --seed non-negative")
    total = args.items if args.items is not None else args.competences * args.items_per_competence
    if total < 0:
        ap.error("the number of items must be non-negative")

    start = time.monotonic()
    if args.output == "-":
        out = sys.stdout
        texts, counts = generate(args, out)
        out.flush()
    else:
        tmp = args.output + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
            texts, counts = generate(args, out)
        os.replace(tmp, args.output)
    queries_path = args.queries
    if queries_path is None and args.output != "-":
        queries_path = args.output + ".queries"
    if queries_path and queries_path != "-":
        with open(queries_path, "w", encoding="utf-8", newline="\n") as q:
            for cls, text in make_queries(texts, args.query_count, args.seed):
                q.write("%s\t%s\n" % (cls, text))
    sys.stderr.write(
        "gen-referential: %d competences, %d items, %d summary entries, %d concepts "
        "(%d item references), %d notes (%d references) in %.1f s\n"
        % (counts["competences"], counts["items"], counts["entries"], counts["concepts"],
           counts["concept_refs"], counts["notes"], counts["note_refs"],
           time.monotonic() - start))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
