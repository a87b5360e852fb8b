"""The data set as Open Referral HSDS 3.0: tables (the data package) and nested JSON.

Mapping: aanbieders and lokale teams are organizations; an initiative without a provider
in data/providers/ belongs to its named organisation, else to its region. Services are the
initiatives, one per lokaal team (its contact persons as contacts) and one placement
service per gezinshuis, located at plaats level only. The thema's of informele steun and
the aanbod of providers are taxonomy terms, linked through attributes. Regio's are
organizations too. Each record's id and the fields HSDS has no column for are attributes
as well (hsds_velden.py), so `socialekaart importeer` gets the records back exactly.
Every value comes from `publiek()`, so HSDS shows nothing the site does not.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

from ..load import Dataset
from ..models.aanbieder import AANBOD_LABELS
from ..models.informele_steun import THEMA_LABELS
from ..site.labels import AANMELDEN, DOELGROEP, KOSTEN, ROL
from . import hsds_velden
from .ids import uuid_voor
from .publiek import SOORTEN, publiek, records

Rij = dict[str, Any]
VOORBEELD_MELDING = "Voorbeeldgegevens: namen, e-mailadressen of andere gegevens kunnen verzonnen zijn."
TAXONOMIEEN = {
    "thema": ("Thema's van informele steun", "Waar een initiatief voor informele steun bij helpt.", THEMA_LABELS),
    "aanbod": ("Aanbod van aanbieders", "Soorten hulp die een aanbieder in de jeugdregio biedt.", AANBOD_LABELS),
}


@cache
def officieel_datapackage() -> dict[str, Any]:
    """The official HSDS 3.0 datapackage.json shipped with the package (see hsds/BRON.md)."""
    return json.loads(files(__package__).joinpath("hsds", "datapackage.json").read_text(encoding="utf-8"))


def kolommen(resource: str) -> list[str]:
    for r in officieel_datapackage()["resources"]:
        if r["name"] == resource:
            return [f["name"] for f in r["schema"]["fields"]]
    raise KeyError(resource)


class _Tabellen:
    """Rows per HSDS resource, added in record order."""

    def __init__(self, dataset: Dataset, vandaag: date) -> None:
        self.dataset, self.vandaag = dataset, vandaag
        self.rijen: dict[str, list[Rij]] = defaultdict(list)
        self.gemeenten = {g.code: g for r in dataset.regios.values() for g in r.gemeenten}
        self.gezien: set[str] = set()

    def voeg(self, resource: str, **velden: Any) -> str:
        self.rijen[resource].append({k: v for k, v in velden.items() if v not in (None, "", [])})
        return velden["id"]

    def organisatie(self, sleutel: tuple[str, ...], **velden: Any) -> str:
        org_id = uuid_voor("organisatie", *sleutel)
        if org_id not in self.gezien:
            self.gezien.add(org_id)
            self.voeg("organization", id=org_id, **velden)
        return org_id

    def telefoon(self, nummer: str | None, sleutel: tuple[str, ...], **koppeling: Any) -> None:
        if nummer:
            self.voeg("phone", id=uuid_voor("telefoon", *sleutel), number=nummer, **koppeling)

    def gebieden(self, service_id: str, sleutel: tuple[str, ...], codes: list[str]) -> None:
        for code in codes:
            naam = self.gemeenten[code].naam if code in self.gemeenten else code
            self.voeg("service_area", id=uuid_voor("gebied", *sleutel, code), service_id=service_id,
                      name=naam, description=f"Gemeente {naam} (CBS-code {code})")

    def kenmerk(self, link_id: str, entity: str, taxonomie: str, code: str) -> None:
        self.voeg("attribute", id=uuid_voor("kenmerk", link_id, taxonomie, code), link_id=link_id,
                  taxonomy_term_id=uuid_voor("term", taxonomie, code), link_type=taxonomie, link_entity=entity)

    def locatie(self, service_id: str, sleutel: tuple[str, ...], org_id: str | None, naam: str | None,
                beschrijving: str | None, punt: dict | None) -> None:
        loc_id = self.voeg("location", id=uuid_voor("locatie", *sleutel), location_type="physical",
                           organization_id=org_id, name=naam, description=beschrijving,
                           latitude=punt and punt["lat"], longitude=punt and punt["lon"])
        self.voeg("service_at_location", id=uuid_voor("dienst-op-locatie", *sleutel), service_id=service_id, location_id=loc_id)

    def record(self, link_id: str, entity: str, soort: str, data: dict) -> None:
        """The record id and the fields no HSDS column carries, as attributes (see hsds_velden)."""
        self.velden(link_id, entity, soort, [(hsds_velden.ID, data["id"]), *hsds_velden.waarden(soort, data)])

    def velden(self, link_id: str, entity: str, soort: str, velden: list[tuple[str, str]]) -> None:
        for veld, waarde in velden:
            self.voeg("attribute", id=uuid_voor("kenmerk", link_id, hsds_velden.TAXONOMIE, veld), link_id=link_id,
                      taxonomy_term_id=hsds_velden.term_id(soort, veld), link_type=hsds_velden.LINK_TYPE,
                      link_entity=entity, value=waarde)

    def centrum(self, code: str | None) -> dict | None:
        gemeente = self.gemeenten.get(code or "")
        return {"lat": gemeente.coordinaten.lat, "lon": gemeente.coordinaten.lon} if gemeente and gemeente.coordinaten else None


def tabellen(dataset: Dataset, vandaag: date, publieke: dict[str, list[dict]] | None = None) -> dict[str, list[Rij]]:
    """The rows of every HSDS resource; `publieke` (per soort, from publiek()) if already made."""
    if publieke is None:
        publieke = {soort: [publiek(r, vandaag) for r in records(dataset, soort)] for soort in SOORTEN}
    t = _Tabellen(dataset, vandaag)
    for soort, (naam, uitleg, labels) in TAXONOMIEEN.items():
        tax_id = t.voeg("taxonomy", id=uuid_voor("taxonomie", soort), name=naam, description=uitleg)
        for code, label in labels.items():
            t.voeg("taxonomy_term", id=uuid_voor("term", soort, code), code=code, name=label,
                   description=f"{naam}: {label}", taxonomy=soort, language="nl", taxonomy_id=tax_id)
    tax_id = t.voeg("taxonomy", id=uuid_voor("taxonomie", hsds_velden.TAXONOMIE), name="Velden van de sociale kaart",
                    description="Velden van de sociale kaart waarvoor HSDS geen kolom heeft, zodat een import het record precies terugkrijgt.")
    for soort, veld, uitleg in hsds_velden.termen():
        t.voeg("taxonomy_term", id=hsds_velden.term_id(soort, veld), code=hsds_velden.term_code(soort, veld), name=veld,
               description=uitleg, taxonomy=hsds_velden.TAXONOMIE, language="nl", taxonomy_id=tax_id)
    for regio in publieke["regios"]:
        _regio(t, regio)
    for a in publieke["providers"]:
        _aanbieder(t, a)
    # Gezinshuizen first: in the files a gezinshuis then never stands right after another
    # record's office address or exact point (the privacy gate reads the text around each name).
    for huis in publieke["gezinshuizen"]:
        _gezinshuis(t, huis)
    for team in publieke["lokale-teams"]:
        _team(t, team)
    for item in publieke["informele-steun"]:
        _initiatief(t, item)
    return {naam: t.rijen.get(naam, []) for naam in (r["name"] for r in officieel_datapackage()["resources"])}


def _alert(record: dict) -> str | None:
    return VOORBEELD_MELDING if record["voorbeeld"] else None


def _adres(locatie: dict) -> str | None:
    delen = [locatie.get("adres"), " ".join(filter(None, [locatie.get("postcode"), locatie["plaats"]]))]
    return ", ".join(d for d in delen if d)


def _regio_organisatie(t: _Tabellen, regio_id: str) -> str:
    regio = t.dataset.regios[regio_id]
    return t.organisatie(("regios", regio.id), name=f"Jeugdregio {regio.naam}",
                         description=regio.beschrijving or f"De samenwerkende gemeenten van jeugdregio {regio.naam}.")


def _regio(t: _Tabellen, regio: dict) -> None:
    t.record(_regio_organisatie(t, regio["id"]), "organization", "regios", regio)


def _aanbieder(t: _Tabellen, a: dict) -> None:
    sleutel = ("providers", a["id"])
    org_id = t.organisatie(sleutel, name=a["naam"], description=a["beschrijving"], email=a["contact"]["email"],
                           website=a["contact"]["website"])
    t.record(org_id, "organization", "providers", a)
    t.telefoon(a["contact"]["telefoon"], sleutel, organization_id=org_id, description=a["contact"]["openingstijden"])
    for schema, veld in (("NL-KVK", "kvk"), ("AGB", "agb")):
        if a[veld]:
            t.voeg("organization_identifier", id=uuid_voor("identificatie", *sleutel, veld), organization_id=org_id,
                   identifier_scheme=schema, identifier_type=veld.upper(), identifier=a[veld])
    for code in a["aanbod"]:
        t.kenmerk(org_id, "organization", "aanbod", code)
    for i, loc in enumerate(a["locaties"]):
        t.voeg("location", id=uuid_voor("locatie", *sleutel, i), location_type="physical", organization_id=org_id,
               name=loc["naam"] or loc["plaats"], description=_adres(loc),
               latitude=(loc["coordinaten"] or {}).get("lat"), longitude=(loc["coordinaten"] or {}).get("lon"))


def _team(t: _Tabellen, team: dict) -> None:
    sleutel = ("lokale-teams", team["id"])
    gemeenten = ", ".join(t.gemeenten[c].naam if c in t.gemeenten else c for c in team["gemeenten"])
    beschrijving = team["beschrijving"] or f"Lokaal team voor {gemeenten}."
    contact = team["contact"]
    org_id = t.organisatie(sleutel, name=team["naam"], description=beschrijving, email=contact["email"], website=contact["website"])
    service_id = t.voeg("service", id=uuid_voor("dienst", *sleutel), organization_id=org_id, name=team["naam"],
                        description=beschrijving, url=contact["website"], email=contact["email"], status="active",
                        application_process="Je kunt zelf contact opnemen met het lokale team.",
                        assured_date=team["gecontroleerd_op"], alert=_alert(team))
    t.record(service_id, "service", "lokale-teams", team)
    t.telefoon(contact["telefoon"], sleutel, service_id=service_id, description=contact["openingstijden"])
    t.gebieden(service_id, sleutel, team["gemeenten"])
    t.locatie(service_id, sleutel, org_id, team["naam"], contact["bezoekadres"], t.centrum(team["gemeenten"][0]))
    for i, persoon in enumerate(team["contactpersonen"]):
        contact_id = t.voeg("contact", id=uuid_voor("contact", *sleutel, i), service_id=service_id, name=persoon["naam"],
                            title=persoon["functie"], department="Aanspreekpunt voor: " + ", ".join(ROL[r] for r in persoon["rollen"]),
                            email=persoon["email"])
        t.telefoon(persoon["telefoon"], (*sleutel, "contact", str(i)), contact_id=contact_id, description=persoon["contactmoment"])
        t.velden(contact_id, "contact", "lokale-teams", list(hsds_velden.contact_waarden(persoon)))


def _organisatie_van(t: _Tabellen, item: dict) -> str:
    if item["aanbieder"]:
        return uuid_voor("organisatie", "providers", item["aanbieder"])
    if item["organisatie"]:
        return t.organisatie(("naam", item["organisatie"]), name=item["organisatie"],
                             description=f"Organisatie van informele steun: {item['naam']}.")
    return _regio_organisatie(t, item["regio"])


def _initiatief(t: _Tabellen, item: dict) -> None:
    sleutel = ("informele-steun", item["id"])
    contact = item["contact"]
    aanmelden = [AANMELDEN[a] for a in item["aanmelden"]]
    if item["zonder_verwijzing"]:
        aanmelden.append("Je hebt geen verwijzing nodig.")
    kosten = KOSTEN[item["kosten"]] + (f": {item['kosten_toelichting']}" if item["kosten_toelichting"] else "")
    service_id = t.voeg(
        "service", id=uuid_voor("dienst", *sleutel), organization_id=_organisatie_van(t, item), name=item["naam"],
        description="\n\n".join(filter(None, [item["samenvatting"], item["beschrijving"]])), url=contact["website"],
        email=contact["email"], status="active", application_process=". ".join(aanmelden), fees_description=kosten,
        eligibility_description="Voor " + ", ".join(DOELGROEP[d] for d in item["doelgroep"]),
        minimum_age=item["leeftijd_min"], maximum_age=item["leeftijd_max"], assured_date=item["gecontroleerd_op"],
        alert=_alert(item),
    )
    t.record(service_id, "service", "informele-steun", item)
    t.telefoon(contact["telefoon"], sleutel, service_id=service_id, description=contact["openingstijden"])
    t.gebieden(service_id, sleutel, item["gemeenten"] or [g.code for g in t.dataset.regios[item["regio"]].gemeenten])
    for code in item["themas"]:
        t.kenmerk(service_id, "service", "thema", code)
    for taal in item["talen"]:
        t.voeg("language", id=uuid_voor("taal", *sleutel, taal), service_id=service_id, name=taal)
    if item["vergoeding"]:
        t.voeg("funding", id=uuid_voor("financiering", *sleutel), service_id=service_id, source=item["vergoeding"])
    for i, loc in enumerate(item["locaties"]):
        t.locatie(service_id, (*sleutel, str(i)), None, loc["naam"] or loc["plaats"], _adres(loc),
                  loc["coordinaten"] or t.centrum(loc["gemeente"]))


def _gezinshuis(t: _Tabellen, huis: dict) -> None:
    sleutel = ("gezinshuizen", huis["id"])
    gemeente = t.gemeenten[huis["gemeente"]].naam if huis["gemeente"] in t.gemeenten else huis["gemeente"]
    plekken = huis["plekken"]
    tekst = [f"Gezinshuis in {huis['plaats']} (gemeente {gemeente}) voor kinderen van {huis['leeftijd_min']} tot en met "
             f"{huis['leeftijd_max']} jaar, met {plekken['totaal']} plekken."]
    if plekken["vrij"] is not None:
        tekst.append(f"Vrije plekken: {plekken['vrij']} (geteld op {plekken['peildatum']}).")
    if huis["specialisaties"]:
        tekst.append("Ervaring met: " + ", ".join(huis["specialisaties"]) + ".")
    tekst.append("Contact loopt altijd via de aanbieder.")
    service_id = t.voeg(
        "service", id=uuid_voor("dienst", *sleutel), organization_id=uuid_voor("organisatie", "providers", huis["aanbieder"]),
        name=huis["naam"], description=" ".join(tekst), status="active",
        application_process="Plaatsing via het lokale team of een verwijzer, in overleg met de aanbieder.",
        minimum_age=huis["leeftijd_min"], maximum_age=huis["leeftijd_max"], assured_date=huis["gecontroleerd_op"],
        alert=_alert(huis),
    )
    t.record(service_id, "service", "gezinshuizen", huis)
    t.gebieden(service_id, sleutel, [huis["gemeente"]])
    t.kenmerk(service_id, "service", "aanbod", "gezinshuizen")
    punt = huis["coordinaten"] or t.centrum(huis["gemeente"])
    if punt:  # plaats level: 2 decimals, about 1 km; never a house
        punt = {"lat": round(punt["lat"], 2), "lon": round(punt["lon"], 2)}
    t.locatie(service_id, sleutel, None, huis["plaats"], f"{huis['plaats']}, gemeente {gemeente} (plaatsniveau, geen adres)", punt)


# --- the nested JSON form ---------------------------------------------------------------


def json_vorm(rijen: dict[str, list[Rij]]) -> dict[str, list[Rij]]:
    """services, organizations and service_at_locations as nested HSDS objects."""
    per = _Index(rijen)
    organisaties = {o["id"]: o for o in rijen["organization"]}
    locaties = {loc["id"]: loc for loc in rijen["location"]}
    diensten = {s["id"]: s for s in rijen["service"]}

    def organisatie(org: Rij) -> Rij:
        return _zonder_leeg({
            **org,
            "phones": per.get("phone", "organization_id", org["id"]),
            "locations": per.get("location", "organization_id", org["id"]),
            "organization_identifiers": per.get("organization_identifier", "organization_id", org["id"]),
            "attributes": per.attributen(org["id"]),
            "services": per.get("service", "organization_id", org["id"]),
        })

    def dienst(s: Rij) -> Rij:
        return _zonder_leeg({
            **s,
            # The organisation itself only: its offices and codes are in organizations.json.
            "organization": _zonder_leeg(organisaties[s["organization_id"]]),
            "phones": per.get("phone", "service_id", s["id"]),
            "contacts": [_zonder_leeg({**c, "phones": per.get("phone", "contact_id", c["id"]),
                                       "attributes": per.attributen(c["id"])})
                         for c in per.get("contact", "service_id", s["id"])],
            "service_areas": per.get("service_area", "service_id", s["id"]),
            "languages": per.get("language", "service_id", s["id"]),
            "funding": per.get("funding", "service_id", s["id"]),
            "attributes": per.attributen(s["id"]),
            "service_at_locations": [{**sal, "location": locaties[sal["location_id"]]}
                                     for sal in per.get("service_at_location", "service_id", s["id"])],
        })

    return {
        "services": [dienst(s) for s in rijen["service"]],
        "organizations": [organisatie(o) for o in rijen["organization"]],
        "service_at_locations": [
            {**sal, "location": locaties[sal["location_id"]], "service": diensten[sal["service_id"]]}
            for sal in rijen["service_at_location"]
        ],
    }


class _Index:
    """Rows by (resource, field, value): one pass per lookup key, nothing quadratic."""

    def __init__(self, rijen: dict[str, list[Rij]]) -> None:
        self.rijen = rijen
        self.cache: dict[tuple[str, str], dict[str, list[Rij]]] = {}
        self.termen = {r["id"]: r for r in rijen["taxonomy_term"]}

    def get(self, resource: str, veld: str, waarde: str) -> list[Rij]:
        index = self.cache.get((resource, veld))
        if index is None:
            index = self.cache[(resource, veld)] = defaultdict(list)
            for rij in self.rijen[resource]:
                if veld in rij:
                    index[rij[veld]].append(rij)
        return index.get(waarde, [])

    def attributen(self, link_id: str) -> list[Rij]:
        """The attributes of an object, a thema or aanbod with its term nested. Our own fields
        (link_type 'socialekaart', one per field of every record) only name their term: nesting
        it would make services.json three times as large; taxonomy_terms.csv explains each."""
        return [a if a["link_type"] == hsds_velden.LINK_TYPE else {**a, "taxonomy_term": self.termen[a["taxonomy_term_id"]]}
                for a in self.get("attribute", "link_id", link_id)]


def _zonder_leeg(rij: Rij) -> Rij:
    return {k: v for k, v in rij.items() if v not in (None, "", [])}
