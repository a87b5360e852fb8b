"""check(): the rules across fields and records, the problem list, and the strict loader.

The exact wording of every message is pinned by the golden corpus (test_check_corpus.py);
these tests pin the behaviour: which records a rule looks at, and what it leaves alone.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from socialekaart import check as check_module
from socialekaart import load as load_module
from socialekaart.check import CROSS_RULES, check, cross_rule, load_checked
from socialekaart.load import Dataset, load_dataset
from socialekaart.problems import DataError, Problem, samenvatting

BASIS = Path(__file__).parent / "corpus" / "_basis" / "data"
VANDAAG = date(2026, 6, 1)
HUIS = BASIS / "gezinshuizen" / "de-linde.yml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(BASIS, tmp_path / "data")
    return tmp_path / "data"


def write(data: Path, relative: str, text: str) -> Path:
    path = data / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def edit(data: Path, relative: str, old: str, new: str) -> None:
    path = data / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def found(data: Path, vandaag: date = VANDAAG) -> list[tuple[str, str, str]]:
    """(file name, field, level) of every problem."""
    return [(Path(p.path).name, p.veld, p.niveau) for p in check(data, vandaag).problems]


# --- loading -------------------------------------------------------------------------------------


def test_dataset_gives_records_by_type_with_id_and_source(data: Path) -> None:
    dataset, problems = load_dataset(data, VANDAAG)
    assert problems == []
    assert dataset.bestanden == 6
    assert set(dataset.regios) == {"utrecht-west", "zuidoost-utrecht"}
    huis = dataset.gezinshuizen["de-linde"]
    assert (huis.id, huis.bron) == ("de-linde", "data/gezinshuizen/de-linde.yml")
    assert dataset.aanbieders["voorbeeld-jeugdhulp"].naam == "Voorbeeld Jeugdhulp"
    assert dataset.gemeente_naam("GM0355") == "Zeist"
    assert dataset.regio_van("GM0632").id == "utrecht-west"
    assert dataset.regio_van("GM9999") is None


def test_a_missing_folder_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    _, problems = load_dataset(tmp_path / "bestaat-niet", VANDAAG)
    assert [p.bericht for p in problems] == ["deze gegevensmap bestaat niet"]


def test_hidden_files_and_folders_are_ignored(data: Path) -> None:
    write(data, ".git/config", "x")
    write(data, "providers/.voorbeeld.yml.swp", "x")
    assert found(data) == []


def test_invalid_files_are_left_out_and_remembered(data: Path) -> None:
    edit(data, "providers/voorbeeld-jeugdhulp.yml", "info@example.org", "info@example")
    dataset, problems = load_dataset(data, VANDAAG)
    assert "voorbeeld-jeugdhulp" not in dataset.aanbieders
    assert dataset.bestaat("providers", "voorbeeld-jeugdhulp")
    assert not dataset.compleet("providers")
    assert [p.veld for p in problems] == ["contact.email"]


# --- rules within a record -------------------------------------------------------------------------


def test_age_range_and_places(data: Path) -> None:
    edit(data, "gezinshuizen/de-linde.yml", "leeftijd_min: 4", "leeftijd_min: 18")
    edit(data, "gezinshuizen/de-linde.yml", "leeftijd_max: 18", "leeftijd_max: 4")
    edit(data, "gezinshuizen/de-linde.yml", "vrij: 1", "vrij: 5")
    assert found(data) == [("de-linde.yml", "leeftijd_max", "fout"), ("de-linde.yml", "plekken.vrij", "fout")]


def test_equal_ages_and_all_places_free_are_fine(data: Path) -> None:
    edit(data, "gezinshuizen/de-linde.yml", "leeftijd_min: 4", "leeftijd_min: 18")
    edit(data, "gezinshuizen/de-linde.yml", "vrij: 1", "vrij: 4")
    assert found(data) == []


def test_informele_steun_age_range(data: Path) -> None:
    edit(data, "informele-steun/maatjes-woerden.yml", "leeftijd_min: 6", "leeftijd_min: 19")
    assert found(data) == [("maatjes-woerden.yml", "leeftijd_max", "fout")]


@pytest.mark.parametrize(
    "text",
    ["Dorpsstraat 12, Harmelen", "Harmelen (3481 AB)", "Kerkweg 3", "3481AB Harmelen", "KERKSTRAAT 3", "Lange Laan\t7"],
)
def test_gezinshuis_address_in_text_is_refused(data: Path, text: str) -> None:
    edit(data, "gezinshuizen/de-linde.yml", "plaats: Harmelen", f"plaats: {text}")
    assert found(data) == [("de-linde.yml", "plaats", "fout")]


@pytest.mark.parametrize("text", ["Harmelen", "Den Haag", "Wijk bij Duurstede", "Kamerik 2024"])
def test_gezinshuis_plaatsnamen_are_not_addresses(data: Path, text: str) -> None:
    edit(data, "gezinshuizen/de-linde.yml", "plaats: Harmelen", f"plaats: {text}")
    assert found(data) == []


def test_named_contact_needs_consent(data: Path) -> None:
    persoon = "    email: onderwijs@example.org\n"
    edit(data, "lokale-teams/sociaal-team-woerden.yml", persoon, persoon + "    naam: Voorbeeldnaam\n")
    assert found(data) == [("sociaal-team-woerden.yml", "contactpersonen[1].naam", "fout")]
    edit(data, "lokale-teams/sociaal-team-woerden.yml", "    naam: Voorbeeldnaam\n", "    naam: Voorbeeldnaam\n    toestemming_op: 2026-05-01\n")
    assert found(data) == []


def test_example_addresses_need_voorbeeld_true(data: Path) -> None:
    edit(data, "providers/voorbeeld-jeugdhulp.yml", "voorbeeld: true", "voorbeeld: false")
    assert found(data) == [("voorbeeld-jeugdhulp.yml", "contact.email", "fout")]


def test_informele_steun_needs_exactly_one_of_aanbieder_and_organisatie(data: Path) -> None:
    edit(data, "informele-steun/maatjes-woerden.yml", "aanbieder: voorbeeld-jeugdhulp\n", "")
    assert found(data) == [("maatjes-woerden.yml", "(bestand)", "fout")]


# --- rules across records --------------------------------------------------------------------------


def test_gemeente_of_another_region(data: Path) -> None:
    edit(data, "informele-steun/maatjes-woerden.yml", "gemeenten: [GM0632, GM0335]", "gemeenten: [GM0632, GM0355]")
    assert found(data) == [("maatjes-woerden.yml", "gemeenten[2]", "fout")]


def test_aanbieder_must_list_the_region_of_its_gemeenten(data: Path) -> None:
    edit(data, "providers/voorbeeld-jeugdhulp.yml", "regios: [utrecht-west]", "regios: [utrecht-west]\ngemeenten: [GM0355]")
    assert found(data) == [("voorbeeld-jeugdhulp.yml", "gemeenten[1]", "fout")]


def test_references_to_providers_and_regions(data: Path) -> None:
    edit(data, "gezinshuizen/de-linde.yml", "aanbieder: voorbeeld-jeugdhulp", "aanbieder: onbekend")
    edit(data, "informele-steun/maatjes-woerden.yml", "regio: utrecht-west", "regio: utrecht")
    assert found(data) == [("de-linde.yml", "aanbieder", "fout"), ("maatjes-woerden.yml", "regio", "fout")]


def test_every_gemeente_of_a_region_with_teams_needs_a_team(data: Path) -> None:
    edit(data, "lokale-teams/sociaal-team-woerden.yml", "[GM0632, GM0335]", "[GM0632]")
    assert found(data) == [("utrecht-west.yml", "gemeenten[2].code", "waarschuwing")]


def test_no_team_warnings_while_a_team_file_has_errors(data: Path) -> None:
    write(data, "lokale-teams/kapot.yml", "naam: [\n")
    assert [f for f in found(data) if f[2] == "waarschuwing"] == []


def test_same_name_in_the_same_gemeente_is_a_duplicate_case_insensitively(data: Path) -> None:
    copy = (data / "gezinshuizen/de-linde.yml").read_text(encoding="utf-8").replace("De Linde", "de linde ")
    write(data, "gezinshuizen/de-linde-2.yml", copy)
    assert found(data) == [("de-linde.yml", "naam", "fout")]


def test_same_name_in_another_gemeente_is_fine(data: Path) -> None:
    copy = (data / "gezinshuizen/de-linde.yml").read_text(encoding="utf-8").replace("GM0632", "GM0335")
    write(data, "gezinshuizen/de-linde-montfoort.yml", copy)
    assert found(data) == []


def test_gemeente_in_two_regions(data: Path) -> None:
    edit(data, "regios/zuidoost-utrecht.yml", "GM0312", "GM0632")
    assert ("zuidoost-utrecht.yml", "gemeenten[2].code", "fout") in found(data)


# --- staleness ----------------------------------------------------------------------------------------


def test_checked_more_than_a_year_ago_is_a_warning() -> None:
    stale = {(name, veld) for name, veld, niveau in found(BASIS, date(2027, 5, 2)) if niveau == "waarschuwing"}
    assert ("de-linde.yml", "gecontroleerd_op") in stale
    assert not [f for f in found(BASIS, date(2027, 5, 1)) if f[1] == "gecontroleerd_op"]


def test_free_places_counted_more_than_30_days_ago_is_a_warning() -> None:
    assert found(BASIS, date(2026, 6, 19)) == []
    assert found(BASIS, date(2026, 6, 20)) == [("de-linde.yml", "plekken.peildatum", "waarschuwing")]


# --- the result -------------------------------------------------------------------------------------------


def test_problems_are_sorted_and_unique(data: Path) -> None:
    write(data, "providers/b.yml", "naam: [\n")
    write(data, "providers/a.yml", "kleur: blauw\n")
    problems = check(data, VANDAAG).problems
    assert problems == sorted(set(problems))
    assert [Path(p.path).name for p in problems][0] == "a.yml"


def test_load_checked_raises_with_every_error(data: Path) -> None:
    assert load_checked(data, VANDAAG).bestanden == 6
    write(data, "providers/a.yml", "kleur: blauw\n")
    with pytest.raises(DataError) as caught:
        load_checked(data, VANDAAG)
    assert all(p.path.endswith("a.yml") for p in caught.value.problems)
    assert "a.yml:1:1: fout: kleur: onbekend veld 'kleur'" in str(caught.value)
    assert "a.yml:1:1: fout: naam: verplicht veld 'naam' ontbreekt." in str(caught.value)


def test_warnings_do_not_make_load_checked_fail() -> None:
    assert load_checked(BASIS, date(2027, 6, 1)).bestanden == 6


def test_other_modules_can_add_cross_rules(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check_module, "CROSS_RULES", list(CROSS_RULES))

    @cross_rule
    def geen_zeist(dataset: Dataset, vandaag: date) -> Iterator[Problem]:
        for regio in dataset.regios.values():
            if regio.gemeente("GM0355"):
                yield dataset.problem(regio, ("naam",), "test", "waarschuwing")

    assert geen_zeist in check_module.CROSS_RULES
    assert found(data) == [("zuidoost-utrecht.yml", "naam", "waarschuwing")]


def test_problem_formats() -> None:
    problem = Problem("data/providers/a.yml", 3, 7, "contact.email", "100% fout\nregel 2", "fout")
    assert problem.gcc() == "data/providers/a.yml:3:7: fout: contact.email: 100% fout\nregel 2"
    assert problem.github() == "::error file=data/providers/a.yml,line=3,col=7::contact.email: 100%25 fout%0Aregel 2"
    warning = Problem("a.yml", 1, 1, "naam", "oud", "waarschuwing")
    assert warning.github().startswith("::warning file=a.yml,line=1,col=1::")


def test_summary_line() -> None:
    fout = Problem("a.yml", 1, 1, "naam", "x")
    waarschuwing = Problem("a.yml", 1, 1, "naam", "y", "waarschuwing")
    assert samenvatting([], 1) == "Alles in orde: 1 bestand gecontroleerd, geen fouten."
    assert samenvatting([fout], 2) == "1 fout in 2 bestanden gecontroleerd."
    assert samenvatting([fout, fout, waarschuwing], 3) == "2 fouten en 1 waarschuwing in 3 bestanden gecontroleerd."
    assert samenvatting([waarschuwing, waarschuwing], 3) == "2 waarschuwingen in 3 bestanden gecontroleerd."


# --- large data sets: half is loaded in a forked helper process ---------------------------------------


_REAL_LOAD_FILE = load_module._load_file
_PIDS: list[Path] = []  # the folder where the spy notes which processes did the loading


def _spy_load_file(job, vandaag):
    (_PIDS[0] / str(os.getpid())).touch()
    return _REAL_LOAD_FILE(job, vandaag)


def _dies_after_one_batch(jobs, vandaag, sender) -> None:
    sender.send([load_module._load_file(job, vandaag) for job in jobs[:2]])
    os._exit(1)  # as if killed: no goodbye


def _in_order(result) -> list[tuple[str, str, dict]]:
    return [(f, i, r.model_dump()) for f, rs in result.dataset.records.items() for i, r in rs.items()]


@pytest.mark.parametrize("helper", ["sends in batches", "dies halfway"])
def test_parallel_loading_gives_the_same_result(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, helper: str) -> None:
    for i in range(6):
        copy = (data / "gezinshuizen/de-linde.yml").read_text(encoding="utf-8").replace("De Linde", f"Nummer {i}")
        write(data, f"gezinshuizen/huis-{i}.yml", copy)
    write(data, "providers/kapot.yml", "naam: Kapot\nkleur: blauw\n")
    serial = check(data, VANDAAG)

    pids = tmp_path / "pids"
    pids.mkdir()
    monkeypatch.setattr(load_module, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(load_module, "_cores", lambda: 2)
    monkeypatch.setattr(load_module, "_can_fork", lambda: True)  # other tests may have left a server thread
    monkeypatch.setattr(load_module, "_load_file", _spy_load_file)
    monkeypatch.setattr(load_module, "_BATCH", 2)
    if helper == "dies halfway":
        monkeypatch.setattr(load_module, "_load_and_send", _dies_after_one_batch)
    monkeypatch.setattr(sys.modules[__name__], "_PIDS", [pids])
    parallel = check(data, VANDAAG)

    assert len(list(pids.iterdir())) == 2
    assert parallel.problems == serial.problems
    assert _in_order(parallel) == _in_order(serial)
    huis = parallel.dataset.gezinshuizen["huis-0"]
    assert (huis.id, huis.bron) == ("huis-0", "data/gezinshuizen/huis-0.yml")
    assert parallel.dataset.problem(huis, ("plaats",), "x").line == 5  # positions read again on demand


# --- parents and schools ---------------------------------------------------------------------------

TEAM = "lokale-teams/sociaal-team-woerden.yml"


def test_a_contact_person_names_schools_of_their_own_team(data: Path) -> None:
    edit(data, TEAM, "    email: onderwijs@example.org\n", "    email: onderwijs@example.org\n    scholen: [12AB, Basisschool De Boog]\n")
    assert check(data, VANDAAG).ok
    edit(data, TEAM, "scholen: [12AB, Basisschool De Boog]", "scholen: [12AB, Basisschool De Bog]")
    problems = check(data, VANDAAG).fouten
    assert [(p.veld, p.line) for p in problems] == [("contactpersonen[1].scholen[2]", 15)]
    assert "school 'Basisschool De Bog' staat niet bij 'scholen' van dit team" in problems[0].bericht
    assert "bedoelde je 'Basisschool De Boog'?" in problems[0].bericht


def test_a_team_without_a_phone_number_gets_a_warning(data: Path) -> None:
    assert ("sociaal-team-woerden.yml", "contact", "waarschuwing") not in found(data)
    edit(data, TEAM, "  telefoon: 14 0348\n", "")
    assert ("sociaal-team-woerden.yml", "contact", "waarschuwing") in found(data)
    assert check(data, VANDAAG).ok  # a warning, the site still builds
