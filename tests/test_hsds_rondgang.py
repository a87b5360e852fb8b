"""Import from HSDS 3.0: the round trip export -> import is lossless for every published field
(fixture data with every optional field filled, both HSDS forms, through the CLI), the fields
that are not published are one named list, and bad HSDS input gives Dutch positioned messages
and writes nothing."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from hsds_rondgang import AGENDA, cli, heen_en_terug, verschillen
from pydantic import BaseModel
from sitebouw import FIXTURE_DATA

from socialekaart.load import load_dataset
from socialekaart.models import RECORD_TYPES
from socialekaart.opendata.publiek import NIET_GEPUBLICEERD, SOORTEN, VERBORGEN, publiek

DATUM = date(2026, 12, 1)
FIXTURES = Path(__file__).parent / "fixtures"
VOLLEDIG = (FIXTURES / "importeer", FIXTURES / "hsds_volledig")
VOLLEDIGE_IDS = {
    "informele-steun": "alles-ingevuld", "providers": "voorbeeldaanbieder", "lokale-teams": "team-voorbeeldstad",
    "gezinshuizen": "gezinshuis-voorbeeld", "regios": "voorbeeldregio",
}  # fmt: skip
# Left empty on purpose: a record has aanbieder or organisatie, never both.
MAG_LEEG = {("InformeleSteun", "organisatie")}


@pytest.fixture(scope="module")
def bron(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture data plus a record of every kind with every optional field filled."""
    data = tmp_path_factory.mktemp("bron") / "data"
    shutil.copytree(FIXTURE_DATA, data)
    for extra in VOLLEDIG:
        shutil.copytree(extra, data, dirs_exist_ok=True)
    assert cli("check", str(data), "--datum", DATUM.isoformat())[0] == 0
    return data


@pytest.fixture(scope="module")
def export(bron: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    uit = tmp_path_factory.mktemp("export") / "hsds"
    assert cli("export", "hsds", str(uit), "--data", str(bron), "--datum", DATUM.isoformat())[0] == 0
    return uit


def _leeg(model: BaseModel, pad: str = "") -> list[str]:
    """Fields of `model` and its blocks (the first of a list) that are not filled in."""
    uit = []
    for naam in type(model).model_fields:
        waarde = getattr(model, naam)
        if waarde is None or waarde == [] or waarde is False and naam != "zonder_verwijzing":
            if (type(model).__name__, naam) not in MAG_LEEG:
                uit.append(f"{pad}{type(model).__name__}.{naam}")
        for deel in waarde[:1] if isinstance(waarde, list) else [waarde]:
            if isinstance(deel, BaseModel):
                uit += _leeg(deel, f"{pad}{naam}.")
    return uit


def test_the_full_records_fill_every_optional_field_of_every_model(bron: Path) -> None:
    dataset, _ = load_dataset(bron, DATUM)
    for soort, record_id in VOLLEDIGE_IDS.items():
        assert _leeg(dataset.of(soort)[record_id]) == [], soort


def test_every_field_is_published_or_on_the_named_list() -> None:
    """A field left out of publiek() without a reason on the list fails here; one that is
    published is carried by HSDS and checked by the round trip below."""
    for model, velden in VERBORGEN.items():
        assert velden <= set(NIET_GEPUBLICEERD[model]), model
    for model, redenen in NIET_GEPUBLICEERD.items():
        assert set(redenen) <= set(model.model_fields), model
        assert all(reden.endswith(".") and len(reden) < 200 for reden in redenen.values())


def test_publiek_has_every_field_except_the_listed_ones(bron: Path) -> None:
    dataset, _ = load_dataset(bron, DATUM)
    for soort in SOORTEN:
        record = dataset.of(soort)[VOLLEDIGE_IDS[soort]]
        data = publiek(record, DATUM)
        verborgen = VERBORGEN.get(type(record), frozenset())
        assert set(data) == {"id", *RECORD_TYPES[soort].model.model_fields} - verborgen


@pytest.mark.parametrize("vorm", ["datapackage", "json"])
def test_export_then_import_gives_the_same_records(bron: Path, tmp_path: Path, vorm: str) -> None:
    terug = heen_en_terug(bron, tmp_path, vorm, DATUM)
    assert verschillen(bron, terug, DATUM) == []
    # Free places counted in the last 30 days are published, so they come back too.
    huis = load_dataset(terug, DATUM)[0].gezinshuizen["gezinshuis-voorbeeld"]
    assert (huis.plekken.vrij, huis.plekken.peildatum) == (1, date(2026, 11, 25))
    assert huis.beschrijving is None  # on the list: never in open data
    team = load_dataset(terug, DATUM)[0].lokale_teams["team-voorbeeldstad"]
    assert team.contactpersonen[0].naam is None and team.contactpersonen[0].toestemming_op is None


def test_the_round_trip_catches_a_field_that_does_not_come_back(bron: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Plant a loss: the export forgets the werkgebied of a team. The comparison must see it."""
    from socialekaart.opendata import hsds_velden

    echt = hsds_velden.waarden
    monkeypatch.setattr(hsds_velden, "waarden", lambda soort, data: ((v, w) for v, w in echt(soort, data) if v != "werkgebied"))
    terug = heen_en_terug(bron, tmp_path, "datapackage", DATUM)
    assert any(".werkgebied:" in v for v in verschillen(bron, terug, DATUM))


def test_stale_free_places_stay_out(bron: Path, tmp_path: Path) -> None:
    later = date(2027, 2, 1)
    terug = heen_en_terug(bron, tmp_path, "json", later)
    huis = load_dataset(terug, later)[0].gezinshuizen["gezinshuis-voorbeeld"]
    assert huis.plekken.vrij is None and huis.plekken.peildatum is None and huis.plekken.totaal == 4
    assert verschillen(bron, terug, later) == []  # on that day the list leaves them out


# --- choosing a kind, --proef, --overschrijven ------------------------------------------------


def _leeg_met_agenda(tmp_path: Path, bron: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir(parents=True)
    for naam in AGENDA:
        shutil.copytree(bron / naam, data / naam)
    return data


def _bestanden(map_: Path) -> dict[str, bytes]:
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in sorted(map_.rglob("*")) if p.is_file()}


def test_soort_selects_one_kind_and_proef_writes_nothing(bron: Path, export: Path, tmp_path: Path) -> None:
    data = Path(shutil.copytree(bron, tmp_path / "data"))
    shutil.rmtree(data / "gezinshuizen")
    voor = _bestanden(data)
    code, uit = cli("importeer", str(export), "--soort", "gezinshuizen", "--proef", "--data", str(data), "--datum", DATUM.isoformat())
    assert code == 0, uit
    assert "--- zou schrijven: " in uit and "gezinshuis-voorbeeld.yml" in uit and "Proef: 14 records in orde" in uit
    assert _bestanden(data) == voor
    code, uit = cli("importeer", str(export), "--soort", "gezinshuizen", "--data", str(data), "--datum", DATUM.isoformat())
    assert code == 0, uit
    assert sorted(p.name for p in (data / "gezinshuizen").iterdir()) == sorted(p.name for p in (bron / "gezinshuizen").iterdir())
    assert _bestanden(data).keys() - voor.keys() == {f"gezinshuizen/{p.name}" for p in (bron / "gezinshuizen").iterdir()}
    tekst = (data / "gezinshuizen" / "gezinshuis-voorbeeld.yml").read_text(encoding="utf-8")
    assert tekst.startswith("# yaml-language-server: $schema=") and "beschrijving" not in tekst


def test_existing_files_need_overschrijven(bron: Path, export: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(bron, data)
    voor = _bestanden(data)
    code, uit = cli("importeer", str(export / "datapackage.json"), "--data", str(data), "--datum", DATUM.isoformat())
    assert code == 1
    assert "attributes.csv:rij " in uit and ":kolom value (id): fout: " in uit and "bestaat al; vervang het bestand met --overschrijven" in uit
    assert _bestanden(data) == voor
    code, uit = cli("importeer", str(export), "--overschrijven", "--data", str(data), "--datum", DATUM.isoformat())
    assert code == 0, uit
    assert "vervangen: " in uit


def test_a_spreadsheet_still_needs_soort(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "blad.csv").write_text("naam\nx\n", encoding="utf-8")
    code, uit = cli("importeer", str(tmp_path / "blad.csv"), "--data", str(tmp_path / "data"))
    assert code == 2 and "zeg met --soort wat er in" in uit


# --- bad input: Dutch, positioned, no traceback, nothing written --------------------------------


def _kopie(export: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(export, tmp_path / "hsds"))


def _csv_bewerk(pad: Path, bewerk) -> None:
    rijen = list(csv.DictReader(io.StringIO(pad.read_text(encoding="utf-8"), newline="")))
    kop = list(rijen[0])
    bewerk(rijen)
    buffer = io.StringIO(newline="")
    schrijver = csv.DictWriter(buffer, kop, lineterminator="\r\n")
    schrijver.writeheader()
    schrijver.writerows(rijen)
    pad.write_text(buffer.getvalue(), encoding="utf-8")


def _importeer_fout(bron: Path, data: Path) -> str:
    voor = _bestanden(data)
    code, uit = cli("importeer", str(bron), "--data", str(data), "--datum", DATUM.isoformat())
    assert code == 1, uit
    assert "Traceback" not in uit and "er is niets geschreven" in uit
    assert _bestanden(data) == voor
    return uit


def _rij_van(rijen: list[dict], naam: str) -> tuple[int, dict]:
    return next((i, r) for i, r in enumerate(rijen) if r.get("name") == naam)


def test_a_wrong_value_in_an_hsds_column_is_positioned(bron: Path, export: Path, tmp_path: Path) -> None:
    hsds = _kopie(export, tmp_path)
    plek = {}

    def bewerk(rijen: list[dict]) -> None:
        i, rij = _rij_van(rijen, "Sociaal team Voorbeeldstad")
        rij["email"] = "geen-adres"
        rij["assured_date"] = "2099-01-01"
        plek["rij"] = i + 2

    def contact(rijen: list[dict]) -> None:
        i, rij = next((i, r) for i, r in enumerate(rijen) if r["title"] == "contactpersoon onderwijs" and r["name"])
        rij["email"] = "ook-geen-adres"
        plek["contact"] = i + 2

    _csv_bewerk(hsds / "services.csv", bewerk)
    _csv_bewerk(hsds / "contacts.csv", contact)
    uit = _importeer_fout(hsds, _leeg_met_agenda(tmp_path, bron))
    assert f"services.csv:rij {plek['rij']}:kolom email (contact.email): fout: 'geen-adres' is geen geldig e-mailadres" in uit
    assert f"contacts.csv:rij {plek['contact']}:kolom email (contactpersonen[1].email): fout: 'ook-geen-adres' is geen geldig e-mailadres" in uit
    assert f"services.csv:rij {plek['rij']}:kolom assured_date (gecontroleerd_op): fout: datum 2099-01-01 ligt in de toekomst" in uit


def test_a_rule_of_check_points_at_the_attribute(bron: Path, export: Path, tmp_path: Path) -> None:
    """A gemeente code that no region has: the cross-record rule of check, at its attribute."""
    hsds = _kopie(export, tmp_path)
    _csv_bewerk(hsds / "attributes.csv", lambda rijen: [r.update(value=r["value"].replace("GM9990", "GM9991")) for r in rijen if r["value"] == '["GM9990"]'])
    uit = _importeer_fout(hsds / "datapackage.json", _leeg_met_agenda(tmp_path, bron))
    assert ":kolom value (gemeenten[1]): fout: gemeentecode 'GM9991'" in uit


def test_json_form_messages_name_the_json_path(bron: Path, export: Path, tmp_path: Path) -> None:
    hsds = _kopie(export, tmp_path)
    diensten = json.loads((hsds / "json/services.json").read_text(encoding="utf-8"))
    i = next(i for i, s in enumerate(diensten) if s["name"] == "Gezinshuis Het Voorbeeld")
    diensten[i]["minimum_age"] = 40
    (hsds / "json/services.json").write_text(json.dumps(diensten), encoding="utf-8")
    uit = _importeer_fout(hsds / "json/services.json", _leeg_met_agenda(tmp_path, bron))
    assert f"json/services.json:services[{i}].minimum_age (leeftijd_min): fout: " in uit


def test_invalid_json(bron: Path, export: Path, tmp_path: Path) -> None:
    hsds = _kopie(export, tmp_path)
    tekst = (hsds / "json/services.json").read_text(encoding="utf-8")
    (hsds / "json/services.json").write_text(tekst.rstrip().removesuffix("]") + ",]", encoding="utf-8")
    uit = _importeer_fout(hsds / "json", _leeg_met_agenda(tmp_path, bron))
    assert "json/services.json:regel 1:kolom " in uit and " (json): fout: " in uit and "fout: geen geldige JSON: hier hoort een waarde" in uit


def test_datapackage_without_the_tables(bron: Path, export: Path, tmp_path: Path) -> None:
    hsds = _kopie(export, tmp_path)
    pakket = json.loads((hsds / "datapackage.json").read_text(encoding="utf-8"))
    pakket["resources"] = [r for r in pakket["resources"] if r["name"] not in ("service", "attribute")]
    (hsds / "datapackage.json").write_text(json.dumps(pakket), encoding="utf-8")
    uit = _importeer_fout(hsds, _leeg_met_agenda(tmp_path, bron))
    assert "datapackage.json (resources): fout: de tabellen 'service', 'attribute' ontbreken" in uit
    (hsds / "services.csv").unlink()
    pakket = json.loads((export / "datapackage.json").read_text(encoding="utf-8"))
    (hsds / "datapackage.json").write_text(json.dumps(pakket), encoding="utf-8")
    uit = _importeer_fout(hsds, _leeg_met_agenda(tmp_path / "b", bron))
    assert "het bestand 'services.csv' van tabel 'service' staat niet naast datapackage.json" in uit


def test_unknown_ids_and_a_service_without_organization(bron: Path, export: Path, tmp_path: Path) -> None:
    hsds = _kopie(export, tmp_path)
    plek = {}

    def bewerk(rijen: list[dict]) -> None:
        i, rij = _rij_van(rijen, "Gezinshuis Het Voorbeeld")
        rij["organization_id"] = ""
        j, rij = _rij_van(rijen, "Sociaal team Voorbeeldstad")
        rij["organization_id"] = "00000000-0000-0000-0000-000000000001"
        k, rij = _rij_van(rijen, "Lokaal team Woerden")
        rij["id"] = "00000000-0000-0000-0000-000000000000"
        plek.update(huis=i + 2, team=j + 2)

    _csv_bewerk(hsds / "services.csv", bewerk)
    uit = _importeer_fout(hsds, _leeg_met_agenda(tmp_path, bron))
    assert f"services.csv:rij {plek['huis']}:kolom organization_id (aanbieder): fout: deze dienst hoort bij geen organisatie" in uit
    assert f"services.csv:rij {plek['team']}:kolom organization_id (organization_id): fout: '00000000-0000-0000-0000-000000000001' is het id van geen enkele organisatie" in uit
    assert ":kolom link_id (link_id): fout: '" in uit and "is het id van geen enkele dienst (service), organisatie of contactpersoon" in uit


def test_not_hsds_at_all(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "iets.json").write_text('{"a": 1}', encoding="utf-8")
    uit = _importeer_fout(tmp_path / "iets.json", tmp_path / "data")
    assert "iets.json (bestand): fout: dit is geen HSDS" in uit
    (tmp_path / "leeg").mkdir()
    uit = _importeer_fout(tmp_path / "leeg", tmp_path / "data")
    assert "hier staat geen datapackage.json en geen services.json" in uit


@pytest.mark.parametrize("delen", [("a",), ("informele-steun", "ë-één", 0), ("kenmerk", "x" * 300, "socialekaart", "id")])
def test_fast_ids_are_exactly_uuid5(delen: tuple) -> None:
    import uuid

    from socialekaart.opendata.ids import NAMESPACE, uuid_voor

    assert uuid_voor(*delen) == str(uuid.uuid5(NAMESPACE, "/".join(map(str, delen))))


def test_a_service_without_our_id_is_skipped_with_a_warning(bron: Path, export: Path, tmp_path: Path) -> None:
    """A service from another system has no record id: it is told, not guessed."""
    hsds = _kopie(export, tmp_path)
    _csv_bewerk(hsds / "services.csv", lambda rijen: rijen.append({**rijen[0], "id": "11111111-1111-4111-8111-111111111111", "name": "Andere dienst"}))
    code, uit = cli("importeer", str(hsds), "--proef", "--data", str(_leeg_met_agenda(tmp_path, bron)), "--datum", DATUM.isoformat())
    assert code == 0, uit
    assert "services.csv:rij " in uit and "(id): waarschuwing: deze dienst is overgeslagen: hij heeft geen id van de sociale kaart" in uit
    code, uit = cli("importeer", str(hsds), "--blad", "Blad1", "--data", str(tmp_path / "data"))
    assert code == 2 and "--blad kan alleen bij een spreadsheet" in uit


def test_one_json_file_with_services_and_organizations(bron: Path, export: Path, tmp_path: Path) -> None:
    """Both lists of the JSON form in one file, as other systems write it: messages say 'hsds.json:services[3].name'."""
    lijsten = {naam: json.loads((export / "json" / f"{naam}.json").read_text(encoding="utf-8")) for naam in ("services", "organizations")}
    (tmp_path / "hsds.json").write_text(json.dumps(lijsten, ensure_ascii=False), encoding="utf-8")
    data = _leeg_met_agenda(tmp_path, bron)
    code, uit = cli("importeer", str(tmp_path / "hsds.json"), "--data", str(data), "--datum", DATUM.isoformat())
    assert code == 0, uit
    assert verschillen(bron, data, DATUM) == []
    i = next(i for i, s in enumerate(lijsten["services"]) if s["name"] == "Sociaal team Voorbeeldstad")
    lijsten["services"][i]["name"] = "<script>"
    (tmp_path / "hsds.json").write_text(json.dumps(lijsten, ensure_ascii=False), encoding="utf-8")
    uit = _importeer_fout(tmp_path / "hsds.json", _leeg_met_agenda(tmp_path / "leeg", bron))
    assert f"hsds.json:services[{i}].name (naam): fout: HTML-tags zijn niet toegestaan in tekst" in uit
