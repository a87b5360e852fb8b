"""Words shown to visitors for the codes in the data (B1 Dutch)."""

from __future__ import annotations

from ..models.aanbieder import AANBOD_LABELS
from ..models.informele_steun import THEMA_LABELS

DOELGROEP = {
    "ouders": "ouders",
    "kinderen": "kinderen",
    "jongeren": "jongeren",
    "gezinnen": "gezinnen",
    "jonge-mantelzorgers": "jonge mantelzorgers",
}

KOSTEN = {
    "gratis": "Gratis",
    "eigen-bijdrage": "Kleine eigen bijdrage",
    "betaald": "Je betaalt zelf",
}

AANMELDEN = {
    "zelf": "Je meldt je zelf aan",
    "lokaal-team": "Via het lokaal team",
    "huisarts": "Via de huisarts",
    "school": "Via school",
    "jgz": "Via het consultatiebureau of de jeugdarts (JGZ)",
    "zorgaanbieder": "Via een zorgaanbieder",
}

ROL = {
    "onderwijs": "Scholen",
    "huisartsen": "Huisartsen",
    "jgz": "Jeugdgezondheidszorg (JGZ)",
    "verenigingen": "Sport- en andere verenigingen",
    "zorgaanbieders": "Zorgaanbieders",
    "kinderopvang": "Kinderopvang",
    "algemeen": "Algemeen",
}

ALLE = {
    "THEMA": THEMA_LABELS,
    "AANBOD": AANBOD_LABELS,
    "DOELGROEP": DOELGROEP,
    "KOSTEN": KOSTEN,
    "AANMELDEN": AANMELDEN,
    "ROL": ROL,
}
