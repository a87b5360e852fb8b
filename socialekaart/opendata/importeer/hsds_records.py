"""From the flat HSDS tables to records of the sociale kaart, with where each field came from.

A service or organization with a record-id attribute is a record of that kind; its fields
come from the HSDS columns in hsds_velden.NATIEF and from its attributes. Every lookup goes
through an index made once (by id, by the id a row points to): nothing quadratic.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ...load import SLUG, validation_messages
from ...messages import Loc, veldnaam
from ...models import RECORD_TYPES, Record
from ...models.common import PATTERN_UITLEG, SLUG_PATTERN
from ...models.lokaal_team import Contactpersoon
from ...problems import Problem
from ..hsds_velden import CONTACTPERSONEN, ID, NATIEF, term_id, termen
from ..ids import uuid_voor
from ..publiek import ZONDER_TOESTEMMING
from .hsds_bron import HsdsProblem, Plek, Rij, Tabellen, probleem

DIENSTEN = ("informele-steun", "lokale-teams", "gezinshuizen")  # services; the others are organizations
TAXONOMIE_LIJSTEN = {"informele-steun": ("themas", "thema"), "providers": ("aanbod", "aanbod")}



@dataclass
class Herkomst:
    """Where each field of one record came from, to position what validation and the rules find."""

    hoofd: Plek
    velden: dict[Loc, tuple[Plek, str]] = field(default_factory=dict)

    def waar(self) -> str:
        return f"{self.hoofd.bestand}:{self.hoofd.tekst(None)}"

    def problem(self, loc: Loc, bericht: str, niveau: str = "fout") -> HsdsProblem:
        for eind in range(len(loc), 0, -1):
            if loc[:eind] in self.velden:
                plek, kolom = self.velden[loc[:eind]]
                return probleem(plek, kolom, veldnaam(loc), bericht, niveau)
        return probleem(self.hoofd, None, veldnaam(loc), bericht, niveau)


@cache
def _termen() -> dict[str, tuple[str, str]]:
    """taxonomy_term_id -> (soort, veld) of our own terms, and ('thema'|'aanbod', code)."""
    from ...models.aanbieder import AANBOD_LABELS
    from ...models.informele_steun import THEMA_LABELS

    eigen = {term_id(s, veld): (s, veld) for s, veld, _ in termen()}
    for taxonomie, labels in (("thema", THEMA_LABELS), ("aanbod", AANBOD_LABELS)):
        eigen.update({uuid_voor("term", taxonomie, code): (taxonomie, code) for code in labels})
    return eigen


@cache
def _is_tekst(model: type[BaseModel], veld: str) -> bool:
    """Is the field text or a date (its attribute holds it as it is, not as JSON)?"""
    schema = model.model_json_schema()["properties"].get(veld, {})
    soorten = {s.get("type") for s in schema.get("anyOf", [schema])} - {"null"}
    return soorten == {"string"}


class Lezer:
    """The tables indexed once (by id, by the id they point to), then read record by record."""

    def __init__(self, tabellen: Tabellen, problemen: list[Problem]) -> None:
        self.problemen = problemen
        self.gevonden = 0
        self.entiteiten: dict[str, dict[str, Rij]] = {"service": {}, "organization": {}, "contact": {}}
        for entiteit in self.entiteiten:
            for rij in tabellen.get(entiteit, []):
                self.entiteiten[entiteit].setdefault(str(rij.waarden.get("id")), rij)
        self.per: dict[tuple[str, str], dict[str, list[Rij]]] = {}
        self.tabellen = tabellen
        termen = _termen()
        # link_id -> (soort, veld) -> attribute row; link_id -> taxonomie -> rows of its terms
        self.velden: dict[str, dict[tuple[str, str], Rij]] = defaultdict(dict)
        self.codes: dict[str, dict[str, list[tuple[str, Rij]]]] = defaultdict(lambda: defaultdict(list))
        for rij in tabellen.get("attribute", []):
            term = termen.get(str(rij.waarden.get("taxonomy_term_id")))
            if term is None:
                continue  # another system's attribute: not ours to read
            link = str(rij.waarden.get("link_id"))
            if not any(link in rijen for rijen in self.entiteiten.values()):
                self.problemen.append(probleem(rij.plek, "link_id", "link_id", f"'{link}' is het id van geen enkele dienst (service), organisatie of contactpersoon in deze HSDS-gegevens"))
                continue
            if term[0] in ("thema", "aanbod"):
                self.codes[link][term[0]].append((term[1], rij))
            elif term in self.velden[link]:
                self.problemen.append(probleem(rij.plek, "taxonomy_term_id", term[1], f"dit veld staat al in {self.velden[link][term].plek.bestand}:{self.velden[link][term].plek.tekst(None)}"))
            else:
                self.velden[link][term] = rij
        self.providers = {link: str(v[("providers", ID)].waarden.get("value")) for link, v in self.velden.items() if ("providers", ID) in v}

    def bij(self, tabel: str, kolom: str, waarde: str) -> list[Rij]:
        """The rows of `tabel` whose `kolom` is `waarde`: one pass per (tabel, kolom)."""
        index = self.per.get((tabel, kolom))
        if index is None:
            index = self.per[(tabel, kolom)] = defaultdict(list)
            for rij in self.tabellen.get(tabel, []):
                if kolom in rij.waarden:
                    index[str(rij.waarden[kolom])].append(rij)
        return index.get(waarde, [])

    def zonder_id(self) -> Iterator[HsdsProblem]:
        """A warning per service that is no record: from another system, or with its id lost."""
        met_id = {link for link, velden in self.velden.items() if any(veld == ID for _, veld in velden)}
        for link, rij in self.entiteiten["service"].items():
            if link not in met_id:
                yield probleem(rij.plek, None, "id", "deze dienst is overgeslagen: hij heeft geen id van de sociale kaart "
                               "(een attribuut met taxonomie 'socialekaart'), dus het is niet te zeggen wat voor record het is", "waarschuwing")

    def records(self, soort: str, data_map: Path, bezet: set[str] | None, vandaag: date) -> Iterator[tuple[Record, Herkomst]]:
        model = RECORD_TYPES[soort].model
        entiteit = "service" if soort in DIENSTEN else "organization"
        ids: dict[str, Plek] = {}
        for link, velden in self.velden.items():
            if (soort, ID) not in velden:
                continue
            self.gevonden += 1
            id_rij = velden[(soort, ID)]
            hoofd = self.entiteiten[entiteit].get(link)
            if hoofd is None:
                wat = "een dienst (service)" if entiteit == "service" else "een organisatie"
                self.problemen.append(probleem(id_rij.plek, "link_id", "id", f"een record van de soort {soort} hoort bij {wat}, maar '{link}' is dat niet"))
                continue
            record_id = str(id_rij.waarden.get("value", "")).strip()
            if not SLUG.match(record_id):
                self.problemen.append(probleem(id_rij.plek, "value", "id", f"'{record_id}' klopt niet als id: {PATTERN_UITLEG[SLUG_PATTERN]}"))
                continue
            if record_id in ids:
                eerder = ids[record_id]
                self.problemen.append(probleem(id_rij.plek, "value", "id", f"id '{record_id}' staat al in {eerder.bestand}:{eerder.tekst(None)}; elk record heeft een eigen id"))
                continue
            ids[record_id] = id_rij.plek
            if bezet is not None and record_id in bezet:
                self.problemen.append(probleem(id_rij.plek, "value", "id", f"{data_map / soort / record_id}.yml bestaat al; vervang het bestand met --overschrijven"))
                continue
            herkomst = Herkomst(hoofd.plek)
            data = self._data(soort, link, hoofd, velden, herkomst)
            if data is None:
                continue
            try:
                record = model.model_validate(data, context={"vandaag": vandaag})
            except ValidationError as error:
                for loc, _, bericht in validation_messages(error, model):
                    self.problemen.append(herkomst.problem(loc, bericht))
                continue
            record.set_origin(record_id, f"{data_map.resolve().name}/{soort}/{record_id}.yml")
            yield record, herkomst

    def _data(self, soort: str, link: str, hoofd: Rij, velden: dict[tuple[str, str], Rij], herkomst: Herkomst) -> dict[str, Any] | None:
        data: dict[str, Any] = {}
        ok = True
        model = RECORD_TYPES[soort].model
        for (s, veld), rij in velden.items():
            if s != soort or veld == ID:
                continue
            herkomst.velden[(veld,)] = (rij.plek, "value")
            ok = self._waarde(model, veld, veld, rij, data) and ok
        natief = NATIEF[soort]
        w = hoofd.waarden

        def zet(veld: str, waarde: Any, rij: Rij, kolom: str) -> None:
            if veld not in natief or waarde is None:
                return
            loc = tuple(veld.split("."))
            herkomst.velden[loc] = (rij.plek, kolom)
            if len(loc) == 2:
                blok = data.setdefault(loc[0], {})
                if isinstance(blok, dict):  # else validation says the block is wrong
                    blok[loc[1]] = waarde
            else:
                data[veld] = waarde

        if any(n.startswith("contact.") for n in natief):
            data.setdefault("contact", {})
        zet("naam", w.get("name"), hoofd, "name")
        zet("beschrijving", w.get("description"), hoofd, "description")
        zet("gecontroleerd_op", w.get("assured_date"), hoofd, "assured_date")
        zet("voorbeeld", bool(w.get("alert")), hoofd, "alert")
        zet("leeftijd_min", w.get("minimum_age"), hoofd, "minimum_age")
        zet("leeftijd_max", w.get("maximum_age"), hoofd, "maximum_age")
        zet("contact.email", w.get("email"), hoofd, "email")
        zet("contact.website", w.get("url") if soort in DIENSTEN else w.get("website"), hoofd, "url" if soort in DIENSTEN else "website")
        eigen = "service_id" if soort in DIENSTEN else "organization_id"
        telefoons = [r for r in self.bij("phone", eigen, link) if "contact_id" not in r.waarden]
        if telefoons:
            zet("contact.telefoon", telefoons[0].waarden.get("number"), telefoons[0], "number")
        if soort in DIENSTEN and not self._organisatie(soort, hoofd):
            ok = False
        elif "aanbieder" in natief:
            ok = self._aanbieder(soort, hoofd, zet) and ok
        if soort in TAXONOMIE_LIJSTEN:
            veld, taxonomie = TAXONOMIE_LIJSTEN[soort]
            codes = self.codes[link][taxonomie]
            zet(veld, [c for c, _ in codes], codes[0][1] if codes else hoofd, "taxonomy_term_id")
            for i, (_, rij) in enumerate(codes):
                herkomst.velden[(veld, i)] = (rij.plek, "taxonomy_term_id")
        if "talen" in natief:
            talen = self.bij("language", "service_id", link)
            zet("talen", [r.waarden.get("name") for r in talen], talen[0] if talen else hoofd, "name")
            for i, rij in enumerate(talen):
                herkomst.velden[("talen", i)] = (rij.plek, "name")
        if financiering := self.bij("funding", "service_id", link):
            zet("vergoeding", financiering[0].waarden.get("source"), financiering[0], "source")
        for rij in self.bij("organization_identifier", "organization_id", link):
            soort_code = str(rij.waarden.get("identifier_type", "")).lower()
            if soort_code in ("kvk", "agb"):
                zet(soort_code, rij.waarden.get("identifier"), rij, "identifier")
        if CONTACTPERSONEN in natief:
            ok = self._contactpersonen(soort, link, data, herkomst) and ok
        self._zonder_toestemming(data, herkomst)
        return data if ok else None

    def _waarde(self, model: type[BaseModel], veld: str, naam: str, rij: Rij, data: dict[str, Any]) -> bool:
        """The value of an attribute into data[veld]: text as it is, anything else from JSON."""
        tekst = str(rij.waarden.get("value", ""))
        if _is_tekst(model, veld):
            data[veld] = tekst
            return True
        try:
            data[veld] = json.loads(tekst)
        except json.JSONDecodeError:
            self.problemen.append(probleem(rij.plek, "value", naam, f"'{tekst[:60]}' is geen geldige JSON; dit veld staat als JSON in de kolom value"))
            return False
        return True

    def _contactpersonen(self, soort: str, link: str, data: dict[str, Any], herkomst: Herkomst) -> bool:
        """A team's contact persons from its HSDS contacts, their phones and their attributes."""
        ok = True
        personen = data[CONTACTPERSONEN] = []
        for i, rij in enumerate(self.bij("contact", "service_id", link)):
            persoon: dict[str, Any] = {}
            herkomst.velden[(CONTACTPERSONEN, i)] = (rij.plek, "")
            for veld, kolom in (("functie", "title"), ("naam", "name"), ("email", "email")):
                if rij.waarden.get(kolom) is not None:
                    persoon[veld] = rij.waarden[kolom]
                    herkomst.velden[(CONTACTPERSONEN, i, veld)] = (rij.plek, kolom)
            contact_id = str(rij.waarden.get("id"))
            if telefoons := self.bij("phone", "contact_id", contact_id):
                persoon["telefoon"] = telefoons[0].waarden.get("number")
                herkomst.velden[(CONTACTPERSONEN, i, "telefoon")] = (telefoons[0].plek, "number")
            for (s, veld), attribuut in self.velden.get(contact_id, {}).items():
                if s == soort and veld.startswith(CONTACTPERSONEN + "."):
                    naam = veld.removeprefix(CONTACTPERSONEN + ".")
                    herkomst.velden[(CONTACTPERSONEN, i, naam)] = (attribuut.plek, "value")
                    ok = self._waarde(Contactpersoon, naam, f"{CONTACTPERSONEN}[{i + 1}].{naam}", attribuut, persoon) and ok
            personen.append(persoon)
        return ok

    def _organisatie(self, soort: str, hoofd: Rij) -> bool:
        """Every HSDS service belongs to an organization that is in the source."""
        org = hoofd.waarden.get("organization_id")
        veld = "aanbieder" if "aanbieder" in NATIEF[soort] else "organization_id"
        if not org:
            self.problemen.append(probleem(hoofd.plek, "organization_id", veld, "deze dienst hoort bij geen organisatie; in HSDS heeft elke dienst een organization_id"))
            return False
        if str(org) not in self.entiteiten["organization"]:
            self.problemen.append(probleem(hoofd.plek, "organization_id", veld, f"'{org}' is het id van geen enkele organisatie in deze HSDS-gegevens"))
            return False
        return True

    def _aanbieder(self, soort: str, hoofd: Rij, zet) -> bool:
        aanbieder = self.providers.get(str(hoofd.waarden.get("organization_id")))
        if aanbieder is None and soort == "gezinshuizen":
            self.problemen.append(probleem(hoofd.plek, "organization_id", "aanbieder", "een gezinshuis hoort bij een aanbieder, maar deze organisatie is geen aanbieder met een id (providers.id)"))
            return False
        zet("aanbieder", aanbieder, hoofd, "organization_id")
        return True

    def _zonder_toestemming(self, data: dict[str, Any], herkomst: Herkomst) -> None:
        """A name in open data had consent, but its date is not published: without that date a
        name may not be on the site, so the name stays out and the message says why."""
        for i, persoon in enumerate(data.get("contactpersonen") or []):
            if isinstance(persoon, dict) and persoon.get("naam") and not persoon.get("toestemming_op"):
                del persoon["naam"]
                self.problemen.append(herkomst.problem(("contactpersonen", i, "naam"), ZONDER_TOESTEMMING, "waarschuwing"))
