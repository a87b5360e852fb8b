"""Open data export (socialekaart/opendata) on the fixture data, without a site build:
HSDS 3.0 validated with real validators against the official schemas, stable ids, CSV
details (BOM, ';', formula cells), GeoJSON, privacy, the licence setting and the CLI.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import shutil
import uuid
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from opendata_gates import datapackage_fouten, hsds_json_fouten, privacy_fouten
from sitebouw import FIXTURE_DATA, ROOT

from socialekaart.check import load_checked
from socialekaart.cli import main
from socialekaart.load import Dataset
from socialekaart.models.gezinshuis import GrofCoordinaat
from socialekaart.models.lokaal_team import Contactpersoon
from socialekaart.opendata import exporteer, licentie, schrijf_map
from socialekaart.opendata.ids import NAMESPACE, uuid_voor
from socialekaart.opendata.licentie import uit_extra, uit_mkdocs_yml
from socialekaart.opendata.publiek import SOORTEN
from socialekaart.opendata.tabel import neutraliseer, ontneutraliseer, tabellen

VANDAAG = date(2026, 12, 1)
BASIS = ROOT / "tests" / "corpus" / "_basis" / "data"
GEHEIME_NAAM = "Pietje Zondertoestemming"
GEGEVEN_NAAM = "Anna Mettoestemming"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_checked(FIXTURE_DATA, VANDAAG)


@pytest.fixture(scope="module")
def export_map(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    doel = tmp_path_factory.mktemp("export") / "alles"
    schrijf_map(exporteer(dataset, VANDAAG), doel)
    return doel


def _met(dataset: Dataset, folder: str, record_id: str, **update) -> Dataset:
    """A copy of `dataset` with one record changed past validation (what check would refuse)."""
    oud = dataset.records[folder][record_id]
    nieuw = oud.model_copy(update=update)
    nieuw.set_origin(oud.id, oud.bron)
    records = {f: dict(r) for f, r in dataset.records.items()}
    records[folder][record_id] = nieuw
    return dataclasses.replace(dataset, records=records)


def _kopie(bron: Path, doel: Path) -> Path:
    shutil.copytree(bron, doel)
    return doel


# --- HSDS 3.0 against the official schemas ---------------------------------------------------


def test_hsds_json_has_every_kind_of_service_and_validates(export_map: Path, dataset: Dataset) -> None:
    diensten = json.loads((export_map / "hsds/json/services.json").read_text(encoding="utf-8"))
    ids = {d["id"] for d in diensten}
    for folder in ("informele-steun", "lokale-teams", "gezinshuizen"):
        assert {uuid_voor("dienst", folder, r) for r in dataset.of(folder)} <= ids, folder
    organisaties = json.loads((export_map / "hsds/json/organizations.json").read_text(encoding="utf-8"))
    assert {uuid_voor("organisatie", "providers", a) for a in dataset.aanbieders} <= {o["id"] for o in organisaties}
    assert any(d.get("contacts") for d in diensten), "the lokale teams' contact persons are missing"
    assert any(a.get("taxonomy_term", {}).get("code") == "buurtgezin" for d in diensten for a in d.get("attributes", []))
    assert hsds_json_fouten(export_map / "hsds") == []


def test_hsds_json_gate_catches_planted_errors(export_map: Path, tmp_path: Path) -> None:
    kopie = _kopie(export_map / "hsds", tmp_path / "hsds")
    pad = kopie / "json" / "services.json"
    diensten = json.loads(pad.read_text(encoding="utf-8"))
    diensten[0]["status"] = "open"
    diensten[1]["id"] = "geen-uuid"
    del diensten[2]["name"]
    pad.write_text(json.dumps(diensten), encoding="utf-8")
    fouten = "\n".join(hsds_json_fouten(kopie))
    assert "'open' is not one of" in fouten
    assert "'geen-uuid' is not a 'uuid'" in fouten
    assert "'name' is a required property" in fouten


def test_data_package_validates_with_frictionless(export_map: Path) -> None:
    pakket = json.loads((export_map / "hsds/datapackage.json").read_text(encoding="utf-8"))
    assert pakket["licenses"][0]["name"] == "CC0-1.0"
    assert datapackage_fouten(export_map / "hsds") == []


def test_data_package_gate_catches_planted_errors(export_map: Path, tmp_path: Path) -> None:
    kopie = _kopie(export_map / "hsds", tmp_path / "hsds")
    pad = kopie / "services.csv"
    rijen = list(csv.reader(io.StringIO(pad.read_text(encoding="utf-8"), newline="")))
    kop = rijen[0]
    rijen[1][kop.index("status")] = "open"
    rijen[2][kop.index("minimum_age")] = "zes"
    rijen[3][kop.index("organization_id")] = str(uuid.uuid4())  # no such organization
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rijen)
    pad.write_text(buffer.getvalue(), encoding="utf-8")
    soorten = {f.split(":")[0] for f in datapackage_fouten(kopie)}
    assert {"constraint-error", "type-error", "foreign-key"} <= soorten


def test_the_package_carries_the_official_schemas() -> None:
    eigen = ROOT / "socialekaart" / "opendata" / "hsds"
    assert "279fd2e" in (eigen / "BRON.md").read_text(encoding="utf-8")
    gedeeld = next((p for p in (ROOT.parent / "shared" / "hsds", ROOT.parent.parent / "shared" / "hsds") if p.is_dir()), None)
    if gedeeld is None:
        pytest.skip("../shared/hsds is er niet")
    for naam in ("organization.json", "service.json", "service_at_location.json", "datapackage.json", "LICENSE"):
        assert (eigen / naam).read_bytes() == (gedeeld / naam).read_bytes(), naam


# --- stable ids ------------------------------------------------------------------------------


def test_ids_are_uuid5_and_stable_between_exports(dataset: Dataset) -> None:
    een = exporteer(dataset, VANDAAG, ["hsds"]).bestanden
    twee = exporteer(dataset, VANDAAG, ["hsds"]).bestanden
    assert een == twee
    # Without the other records a record keeps its id: it depends on its own id only.
    alleen = dataclasses.replace(dataset, records={**dataset.records, "informele-steun": {}})
    zonder = exporteer(alleen, VANDAAG, ["hsds"]).bestanden
    team = uuid_voor("dienst", "lokale-teams", "lokaal-team-woerden")
    assert uuid.UUID(team).version == 5
    assert team == str(uuid.uuid5(NAMESPACE, "dienst/lokale-teams/lokaal-team-woerden"))
    for delen in [("organisatie", "providers", "timon"), ("locatie", "informele-steun", "café-één", 3), ("x",), ("",)]:
        assert uuid_voor(*delen) == str(uuid.uuid5(NAMESPACE, "/".join(str(d) for d in delen)))
    assert team.encode() in een["hsds/services.csv"] and team.encode() in zonder["hsds/services.csv"]


# --- plain CSV, JSON, GeoJSON -----------------------------------------------------------------


def _csv(inhoud: bytes, scheiding: str = ",") -> list[dict[str, str]]:
    assert inhoud.startswith("\ufeff".encode()), "no BOM: Excel would show accents wrongly"
    return list(csv.DictReader(io.StringIO(inhoud.decode("utf-8-sig"), newline=""), delimiter=scheiding))


def test_csv_has_a_bom_the_semicolon_option_and_no_formulas(dataset: Dataset) -> None:
    gevaarlijk = {
        "naam": "=HYPERLINK(\"https://example.org\";\"klik\")",
        "samenvatting": "+31 6 12345678 of @iemand",
        "organisatie": "-2+3",
        "kosten_toelichting": "\tverborgen",
    }
    data = _met(dataset, "informele-steun", "buurtgezinnen-woerden", **gevaarlijk)
    for scheiding in (",", ";"):
        bestanden = exporteer(data, VANDAAG, ["csv"], scheidingsteken=scheiding).bestanden
        rij = next(r for r in _csv(bestanden["informele-steun.csv"], scheiding) if r["id"] == "buurtgezinnen-woerden")
        for veld, waarde in gevaarlijk.items():
            assert rij[veld] == "'" + waarde, veld
            assert ontneutraliseer(rij[veld]) == waarde
        assert bestanden["informele-steun.csv"].decode("utf-8-sig").split("\r\n")[0].count(scheiding) > 10


@pytest.mark.parametrize("tekst", ["=1+1", "'=1+1", "''=1", "'gewoon", "''", "'", "-", "\rx", "gewoon", "", "@"])
def test_neutralising_a_cell_is_safe_and_reversible(tekst: str) -> None:
    veilig = neutraliseer(tekst)
    assert not veilig.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert ontneutraliseer(veilig) == tekst


def test_every_column_of_every_csv_is_in_the_data_dictionary(export_map: Path) -> None:
    for soort in SOORTEN:
        for tabel in tabellen(soort):
            kop = next(csv.reader(io.StringIO((export_map / f"{tabel.naam}.csv").read_text(encoding="utf-8-sig"))))
            assert kop == [k.naam for k in tabel.kolommen]
            assert all(k.uitleg for k in tabel.kolommen), [k.naam for k in tabel.kolommen if not k.uitleg]
    steun = [k.naam for k in tabellen("informele-steun")[0].kolommen]
    assert {"contact_email", "themas", "gecontroleerd_op"} <= set(steun)
    assert "beschrijving" not in [k.naam for k in tabellen("gezinshuizen")[0].kolommen]


def test_json_per_type_matches_the_records(export_map: Path, dataset: Dataset) -> None:
    for soort in SOORTEN:
        lijst = json.loads((export_map / f"{soort}.json").read_text(encoding="utf-8"))
        assert [r["id"] for r in lijst] == sorted(dataset.of(soort))


def test_geojson_for_everything_with_a_place(export_map: Path, dataset: Dataset) -> None:
    for soort in ("informele-steun", "gezinshuizen", "lokale-teams"):
        collectie = json.loads((export_map / f"{soort}.geojson").read_text(encoding="utf-8"))
        assert collectie["type"] == "FeatureCollection" and collectie["features"], soort
        for feature in collectie["features"]:
            lon, lat = feature["geometry"]["coordinates"]
            assert 50.6 <= lat <= 53.7 and 3.2 <= lon <= 7.3, feature  # [lon, lat], in the Netherlands
    huizen = json.loads((export_map / "gezinshuizen.geojson").read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["id"] for f in huizen} == set(dataset.gezinshuizen)


# --- privacy ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def riskant(dataset: Dataset) -> Dataset:
    """Data that check would refuse: a name without consent, a precise gezinshuis point."""
    team = dataset.lokale_teams["lokaal-team-woerden"]
    personen = [
        Contactpersoon(functie="Contactpersoon onderwijs", rollen=["onderwijs"], naam=GEHEIME_NAAM),
        Contactpersoon(functie="Contactpersoon jgz", rollen=["jgz"], naam=GEGEVEN_NAAM, toestemming_op=date(2026, 1, 5)),
        *team.contactpersonen,
    ]
    data = _met(dataset, "lokale-teams", team.id, contactpersonen=personen)
    return _met(data, "gezinshuizen", "gezinshuis-de-linde", coordinaten=GrofCoordinaat.model_construct(lat=52.0912345, lon=4.9634567))


def test_privacy_filter_holds_in_every_file(riskant: Dataset, tmp_path: Path) -> None:
    schrijf_map(exporteer(riskant, VANDAAG), tmp_path / "uit")
    assert privacy_fouten(tmp_path / "uit", riskant) == []
    alles = b"".join(p.read_bytes() for p in (tmp_path / "uit").rglob("*") if p.is_file())
    assert GEHEIME_NAAM.encode() not in alles
    assert GEGEVEN_NAAM.encode() in alles  # with consent the name is published, like on the site
    assert b"2026-01-05" not in alles  # the consent date itself stays private
    assert b"52.0912345" not in alles and b"52.09" in alles
    linde = riskant.gezinshuizen["gezinshuis-de-linde"].beschrijving
    assert linde and linde.encode() not in alles


def test_privacy_gate_catches_planted_violations(riskant: Dataset, tmp_path: Path) -> None:
    uit = tmp_path / "uit"
    schrijf_map(exporteer(riskant, VANDAAG), uit)
    geo = json.loads((uit / "gezinshuizen.geojson").read_text(encoding="utf-8"))
    geo["features"][0]["geometry"]["coordinates"] = [4.961234, 52.09]
    (uit / "gezinshuizen.geojson").write_text(json.dumps(geo), encoding="utf-8")
    huizen = json.loads((uit / "gezinshuizen.json").read_text(encoding="utf-8"))
    huizen[1]["adres"] = "Dorpsstraat 12"
    (uit / "gezinshuizen.json").write_text(json.dumps(huizen), encoding="utf-8")
    locaties = (uit / "hsds/locations.csv").read_text(encoding="utf-8").splitlines()
    huis_loc = uuid_voor("locatie", "gezinshuizen", "gezinshuis-de-linde")
    regels = [r.replace(",52.09,", ",52.0912,") if r.startswith(huis_loc) else r for r in locaties]
    assert regels != locaties
    (uit / "hsds/locations.csv").write_text("\n".join(regels), encoding="utf-8")
    with (uit / "hsds/contacts.csv").open("a", encoding="utf-8") as f:
        f.write(f"{uuid.uuid4()},,,,,{GEHEIME_NAAM},,,\r\n")
    fouten = "\n".join(privacy_fouten(uit, riskant))
    assert "gezinshuizen.geojson" in fouten and "meer dan 2 decimalen" in fouten
    assert "gezinshuizen.json" in fouten and "adresveld 'adres'" in fouten
    assert "hsds/locations.csv" in fouten and "'latitude' = 52.0912" in fouten
    assert "hsds/contacts.csv: bevat naam zonder toestemming" in fouten


# --- writing: all or nothing -------------------------------------------------------------------


def test_a_failed_write_leaves_nothing(dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    geschreven = []
    echt = Path.write_bytes

    def halverwege(self: Path, data: bytes) -> int:
        if len(geschreven) == 5:
            raise OSError(28, "Geen ruimte meer op het apparaat")
        geschreven.append(self)
        return echt(self, data)

    monkeypatch.setattr(Path, "write_bytes", halverwege)
    with pytest.raises(OSError):
        schrijf_map(exporteer(dataset, VANDAAG, ["csv"]), tmp_path / "uit")
    assert list(tmp_path.iterdir()) == []


# --- the licence setting -------------------------------------------------------------------


def test_licence_setting_is_read_tolerantly(tmp_path: Path) -> None:
    assert licentie(None).id == "CC0-1.0" and licentie(None).url
    assert uit_extra({"socialekaart": {"licentie": "CC-BY-4.0"}}).id == "CC-BY-4.0"
    assert uit_extra({"socialekaart": {"licentie": {"id": "ODbL-1.0", "naam": "x"}}}).id == "ODbL-1.0"
    for rommel in (None, [], "tekst", {"socialekaart": None}, {"socialekaart": {"licentie": 3}}, {"socialekaart": {"naam": "Regio"}}):
        assert uit_extra(rommel).id == "CC0-1.0", rommel
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "extra:\n  socialekaart:\n    licentie: CC-BY-SA-4.0\n",
        encoding="utf-8",
    )
    assert uit_mkdocs_yml(tmp_path / "mkdocs.yml").id == "CC-BY-SA-4.0"
    assert uit_mkdocs_yml(tmp_path / "bestaat-niet.yml").id == "CC0-1.0"
    (tmp_path / "kapot.yml").write_text("extra: [\n", encoding="utf-8")
    assert uit_mkdocs_yml(tmp_path / "kapot.yml").id == "CC0-1.0"


# --- the command line --------------------------------------------------------------------------


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_cli_export_hsds_writes_a_valid_package(tmp_path: Path, dataset: Dataset) -> None:
    result = _run("export", "hsds", str(tmp_path / "hsds"), "--data", str(FIXTURE_DATA), "--datum", "2026-12-01")
    assert result.exit_code == 0, result.output
    assert "bestanden geschreven" in result.output
    assert (tmp_path / "hsds" / "datapackage.json").is_file() and not (tmp_path / "hsds" / "informele-steun.csv").exists()
    assert hsds_json_fouten(tmp_path / "hsds") == []
    assert datapackage_fouten(tmp_path / "hsds") == []
    assert privacy_fouten(tmp_path / "hsds", dataset) == []


def test_cli_export_all_with_semicolons_and_the_region_licence(tmp_path: Path, dataset: Dataset) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE_DATA, project / "data")
    (project / "mkdocs.yml").write_text("extra:\n  socialekaart:\n    licentie: CC-BY-4.0\n", encoding="utf-8")
    doel = tmp_path / "uit"
    result = _run("export", "alles", str(doel), "--data", str(project / "data"), "--scheidingsteken", ";", "--datum", "2026-12-01")
    assert result.exit_code == 0, result.output
    assert "licentie CC-BY-4.0" in result.output
    assert _csv((doel / "lokale-teams.csv").read_bytes(), ";")[0]["id"] == "lokaal-team-de-ronde-venen"
    assert (doel / "hsds/services.csv").read_bytes().startswith(b"id,organization_id,")  # HSDS stays standard CSV
    assert json.loads((doel / "hsds/datapackage.json").read_text(encoding="utf-8"))["licenses"][0]["name"] == "CC-BY-4.0"
    assert privacy_fouten(doel, dataset) == []


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["xml"], "onbekend formaat 'xml'"),
        (["csv", "--scheidingsteken", "|"], "scheidingsteken '|' kan niet"),
        (["csv", "--data", "bestaat-niet"], "de gegevensmap 'bestaat-niet' bestaat niet"),
    ],
)
def test_cli_export_usage_errors_exit_2(args: list[str], melding: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(BASIS, tmp_path / "data")
    result = _run("export", args[0], "uit", *args[1:])
    assert result.exit_code == 2, result.output
    assert melding in result.output and "Traceback" not in result.output
    assert not (tmp_path / "uit").exists()


def test_cli_export_of_bad_data_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    data = shutil.copytree(BASIS, tmp_path / "data")
    bestand = next((data / "informele-steun").glob("*.yml"))
    bestand.write_text(bestand.read_text(encoding="utf-8").replace("kosten: gratis", "kosten: gratiss"), encoding="utf-8")
    (tmp_path / "uit").mkdir()
    (tmp_path / "uit" / "oud.csv").write_text("blijft staan", encoding="utf-8")
    result = _run("export", "alles", str(tmp_path / "uit"), "--data", str(data))
    assert result.exit_code == 1, result.output
    assert f"{bestand.name}:" in result.output and ": fout: kosten:" in result.output
    assert "niets geëxporteerd" in result.output and "Traceback" not in result.output
    assert [p.name for p in (tmp_path / "uit").iterdir()] == ["oud.csv"]


def test_open_data_benchmark_runs() -> None:
    """Not timed: only kept from rotting. At a tiny size the script still exports every format
    and imports the records back, and fails when a command does or the round trip is not equal."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "opendata_10k.py"), "--records", "300", "--keer", "1"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "300 records" in result.stdout
    for stap in ("export hsds", "export csv", "export json", "export geojson", "importeer (xlsx", "importeer (csv"):
        assert f"socialekaart {stap}" in result.stdout
