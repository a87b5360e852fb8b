"""The command line, through click's CliRunner: exit codes, formats, `schema` and `nieuw`."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from socialekaart.cli import main
from socialekaart.models import RECORD_TYPES
from socialekaart.template import template

BASIS = Path(__file__).parent / "corpus" / "_basis" / "data"
DATUM = ["--datum", "2026-06-01"]
TOP_LEVEL_FIELD = re.compile(r"^(?:# )?([a-z_]+):")  # a field, or a commented-out one, in a template


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


# --- check --------------------------------------------------------------------------------


def test_check_defaults_to_the_data_folder(werkmap: Path) -> None:
    result = run("check", *DATUM)
    assert result.exit_code == 0
    assert result.output == "Alles in orde: 6 bestanden gecontroleerd, geen fouten.\n"


def test_check_reports_every_problem_in_one_run(werkmap: Path) -> None:
    (werkmap / "data/providers/kapot.yml").write_text("naam: 'open\n", encoding="utf-8")
    (werkmap / "data/gezinshuizen/adres.yml").write_text("adres: Voorbeeldstraat 1\n", encoding="utf-8")
    result = run("check", "data", *DATUM)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "data/gezinshuizen/adres.yml:1:1: fout: adres: een gezinshuis krijgt nooit een adres" in result.output
    assert "data/gezinshuizen/adres.yml:1:1: fout: naam: verplicht veld 'naam' ontbreekt." in result.output
    assert any(line.startswith("data/providers/kapot.yml:1:7: fout: (bestand): het aanhalingsteken (') op regel 1 wordt niet afgesloten") for line in lines)
    assert lines[-1].endswith("in 8 bestanden gecontroleerd.")


def test_warnings_alone_do_not_fail(werkmap: Path) -> None:
    result = run("check", "data", "--datum", "2027-06-01")  # every check and count is now too old
    assert result.exit_code == 0
    meldingen = [line for line in result.output.splitlines()[:-1] if not line.startswith(("Volledigheid ", "  "))]
    assert meldingen and all(": waarschuwing: " in line for line in meldingen)
    assert "Volledigheid Utrecht West: 0 van 2 gemeenten compleet" in result.output  # old records, old counts
    assert result.output.splitlines()[-1] == "5 waarschuwingen in 6 bestanden gecontroleerd."


def test_check_github_format(werkmap: Path) -> None:
    (werkmap / "data/providers/voorbeeld-jeugdhulp.yml").write_text(
        (BASIS / "providers/voorbeeld-jeugdhulp.yml").read_text(encoding="utf-8").replace("info@example.org", "info@example"),
        encoding="utf-8",
    )
    result = run("check", "--format", "github", *DATUM)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "::error file=data/providers/voorbeeld-jeugdhulp.yml,line=7,col=10::contact.email: "
        "'info@example' is geen geldig e-mailadres; gebruik bijvoorbeeld 'info@voorbeeld.nl'",
        "1 fout in 6 bestanden gecontroleerd.",
    ]


def test_stale_records_are_warnings(werkmap: Path) -> None:
    result = run("check", "--datum", "2026-06-25")
    assert result.output.splitlines() == [
        "data/gezinshuizen/de-linde.yml:12:14: waarschuwing: plekken.peildatum: vrije plekken zijn geteld op 2026-05-20, "
        "meer dan 30 dagen geleden; de site toont ze als 'onbekend'",
        "Volledigheid Utrecht West: 1 van 2 gemeenten compleet",
        "  gemeente   teams  onderwijs  huisartsen  JGZ  steun  scholen zonder contact  verouderd  gezinshuizen niet recent geteld",
        "  Woerden    1      ja         ja          ja   1      0 van 1                 0          1 van 1",
        "  Montfoort  1      ja         ja          ja   1      0 van 1                 0          0 van 0",
        "1 waarschuwing in 6 bestanden gecontroleerd.",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "bestaat-niet"], "fout: de gegevensmap 'bestaat-niet' bestaat niet"),
        (["check", "data/regios/utrecht-west.yml"], "is een bestand, geen map"),
        (["check", "--format", "json"], "Invalid value for '--format'"),
        (["check", "--datum", "1-6-2026"], "Invalid value for '--datum'"),
        (["check", "--onbekend"], "No such option"),
        (["check", "data", "nog-een"], "unexpected extra argument"),
        (["bestaat-niet"], "No such command"),
        (["nieuw", "providers"], "fout: geef het id van het nieuwe record"),
    ],
)
def test_usage_errors_exit_2_without_traceback(werkmap: Path, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_help_is_dutch(werkmap: Path) -> None:
    result = run("check", "--help")
    assert result.exit_code == 0
    assert "Controleer alle gegevens in DATA_MAP" in result.output


# --- schema ------------------------------------------------------------------------------------


def test_schema_writes_one_file_per_record_type(tmp_path: Path) -> None:
    result = run("schema", "--out", str(tmp_path / "schemas"))
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == sorted(f"{f}.schema.json" for f in RECORD_TYPES)


# --- nieuw -------------------------------------------------------------------------------------


@pytest.mark.parametrize("soort", sorted(RECORD_TYPES))
def test_nieuw_writes_a_template_that_is_valid_yaml(werkmap: Path, soort: str) -> None:
    record_id = "utrecht-west/nieuw-record" if RECORD_TYPES[soort].nested else "nieuw-record"
    result = run("nieuw", soort, record_id)
    assert result.exit_code == 0, result.output
    path = werkmap / "data" / soort / f"{record_id}.yml"
    assert result.output == f"aangemaakt: data/{soort}/{record_id}.yml\n"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={'../' * (3 if RECORD_TYPES[soort].nested else 2)}schemas/{soort}.schema.json\n")
    assert isinstance(yaml.safe_load(text), dict)


@pytest.mark.parametrize("soort", sorted(RECORD_TYPES))
def test_template_lists_every_field_once(soort: str) -> None:
    text = template(soort, date(2026, 6, 1))
    model = RECORD_TYPES[soort].model
    fields = [m[1] for line in text.splitlines() if (m := TOP_LEVEL_FIELD.match(line))]
    assert sorted(fields) == sorted(model.model_fields)


def test_template_puts_naam_first_and_shared_fields_last() -> None:
    fields = [m[1] for line in template("gezinshuizen").splitlines() if (m := TOP_LEVEL_FIELD.match(line))]
    assert fields[0] == "naam"
    assert fields[-3:] == ["gecontroleerd_op", "voorbeeld", "agenda"]


def test_template_shows_the_optional_fields_of_a_required_block() -> None:
    text = template("lokale-teams")
    assert "contact:\n  # telefoon: \"\"  # Telefoonnummer" in text
    assert "\n  # email: \"\"  # Algemeen e-mailadres\n" in text


def test_template_numbers_and_dates_have_typed_placeholders() -> None:
    text = template("gezinshuizen", date(2026, 6, 1))
    assert "\nleeftijd_min: 0\n" in text
    assert "\n#   lat: 0.0  # Breedtegraad" in text
    assert "\ngecontroleerd_op: 2026-06-01\n" in text
    assert "\nplekken:\n  totaal: 0  # Aantal plekken in totaal\n  # vrij: 0" in text


def test_template_with_optional_fields_uncommented_is_still_valid_yaml() -> None:
    text = template("lokale-teams", date(2026, 6, 1))
    uncommented = re.sub(r"(?m)^(\s*)# (?=\s*[a-z_]+:|\s*- )", r"\1", text)
    data = yaml.safe_load(uncommented)
    assert data["contact"]["telefoon"] == ""
    assert data["scholen"][0]["naam"] == ""
    assert data["contactpersonen"][0]["rollen"] == ["onderwijs"]


def test_a_filled_in_template_passes_check(werkmap: Path) -> None:
    run("nieuw", "providers", "stichting-nieuw")
    path = werkmap / "data/providers/stichting-nieuw.yml"
    text = path.read_text(encoding="utf-8")
    for placeholder, value in [
        ('naam: ""', "naam: Stichting Nieuw"),
        ('beschrijving: ""', "beschrijving: Helpt gezinnen."),
        ('  - ""', "  - utrecht-west"),
        ('  # email: ""', "  email: info@example.org"),
        ("# voorbeeld: false", "voorbeeld: true"),
    ]:
        assert placeholder in text
        text = text.replace(placeholder, value, 1)
    path.write_text(text.replace(f"gecontroleerd_op: {date.today().isoformat()}", "gecontroleerd_op: 2026-05-01"), encoding="utf-8")
    result = run("check", *DATUM)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nieuw", "bestaat-niet", "x"], "fout: onbekende soort 'bestaat-niet'; kies uit: "),
        (["nieuw", "providers", "Mijn Aanbieder"], "fout: 'Mijn Aanbieder' is geen geldig id: alleen kleine letters, cijfers en streepjes"),
        (["nieuw", "providers", "voorbeeld-jeugdhulp"], "bestaat al"),
    ],
)
def test_nieuw_refuses_bad_input_with_exit_2(werkmap: Path, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output
