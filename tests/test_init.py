"""`socialekaart init`: a new region's repository that checks and builds at once, with its own
identity and nothing of the example region; bad input is refused in Dutch, with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from sitebouw import run_build

from socialekaart import cli

GOED = [
    "--regio", "Regio Rivierenland",
    "--gemeente", "GM0281=Tiel", "--gemeente", "GM0216=Culemborg", "--gemeente", "GM1960=West Betuwe",
    "--organisatie", "de gemeenten in Regio Rivierenland",
    "--correctie-email", "kaart@rivieren.example.org",
    "--site-url", "https://rivierenland.example.org/kaart/",
    "--repo-url", "https://github.com/rivierenland/sociale-kaart",
]
VREEMD = ("utrecht west", "utrecht-west", "voorbeeld-regio", "woerden", "montfoort", "stichtse vecht", "example.org/sociale-kaart")


def _init(tmp_path: Path, *args: str, input: str | None = None):
    return CliRunner().invoke(cli.main, ["init", str(tmp_path / "regio"), *args], input=input)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("init")
    result = _init(base, *GOED)
    assert result.exit_code == 0, result.output
    assert "aangemaakt" in result.output and "socialekaart check" in result.output
    return base / "regio"


def test_init_makes_a_complete_repository(project):
    for naam in ("mkdocs.yml", "README.md", "requirements.txt", "data/regios/rivierenland.yml", "hooks/socialekaart_site.py",
                 "content/index.md", "content/privacy.md", "overrides/partials/copyright.html",
                 ".github/workflows/publiceren.yml", ".github/workflows/controleren.yml", "schemas/regios.schema.json"):
        assert (project / naam).is_file(), naam
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["extra"]["socialekaart"] == {
        "regio": "Regio Rivierenland", "organisatie": "de gemeenten in Regio Rivierenland",
        "correctie_email": "kaart@rivieren.example.org", "privacy_contact": "kaart@rivieren.example.org", "licentie": "CC0-1.0",
    }
    assert config["site_url"] == "https://rivierenland.example.org/kaart/" and config["repo_name"] == "rivierenland/sociale-kaart"
    regio = yaml.safe_load((project / "data/regios/rivierenland.yml").read_text(encoding="utf-8"))
    assert [g["code"] for g in regio["gemeenten"]] == ["GM0281", "GM0216", "GM1960"]
    workflow = (project / ".github/workflows/publiceren.yml").read_text(encoding="utf-8")
    assert "mkdocs build --strict" in workflow and "actions/deploy-pages" in workflow
    assert "Regio Rivierenland" in (project / "README.md").read_text(encoding="utf-8")


def test_nothing_of_another_region_is_copied(project):
    # schemas/ is the product's field documentation (its examples name real places), not data.
    hits = [f"{p.relative_to(project)}: {w}" for p in project.rglob("*") if p.is_file() and "schemas" not in p.parts
            for w in VREEMD if w in p.read_text(encoding="utf-8").casefold()]
    assert hits == []


def test_check_and_strict_build_succeed_at_once(project, tmp_path, monkeypatch):
    monkeypatch.chdir(project)
    result = CliRunner().invoke(cli.main, ["check"])
    assert result.exit_code == 0, result.output
    # ... and says what to fill in next, per gemeente.
    assert "Alles in orde" not in result.output
    assert "gemeente West Betuwe heeft geen lokaal team" in result.output
    assert "Volledigheid Regio Rivierenland: 0 van 3 gemeenten compleet" in result.output
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    assert build.warnings == []
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "in Regio Rivierenland." in home and "Regio Regio" not in home
    for gemeente in ("tiel", "culemborg", "west-betuwe"):
        assert (tmp_path / "site" / "gemeenten" / gemeente / "index.html").is_file()
        assert f'href="gemeenten/{gemeente}/"' in home  # "Kies je gemeente" lists them before any record exists
    hits = [f"{p.relative_to(tmp_path / 'site')}: {w}" for p in (tmp_path / "site").rglob("*") if p.is_file()
            for w in VREEMD if w in p.read_bytes().decode("utf-8", "replace").casefold()]
    assert hits == []


@pytest.mark.parametrize(
    ("vervang", "melding"),
    [
        (("GM0281=Tiel", "GM281=Tiel"), "'GM281' is geen CBS-gemeentecode"),
        (("GM0281=Tiel", "Tiel"), "schrijf de CBS-code en de naam als GM0000=Naam"),
        (("GM0216=Culemborg", "GM0281=Culemborg"), "gemeentecode GM0281 staat er twee keer in"),
        (("kaart@rivieren.example.org", "geen-adres"), "--correctie-email: 'geen-adres' is geen geldig e-mailadres"),
        (("https://rivierenland.example.org/kaart/", "rivierenland.nl"), "--site-url: 'rivierenland.nl' is geen geldig webadres"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(tmp_path, vervang, melding):
    args = [vervang[1] if a == vervang[0] else a for a in GOED]
    result = _init(tmp_path, *args)
    assert result.exit_code == 2 and melding in result.output, result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_existing_folder_and_missing_options(tmp_path):
    (tmp_path / "regio").mkdir()
    (tmp_path / "regio" / "mijn.txt").write_text("van mij", encoding="utf-8")
    result = _init(tmp_path, *GOED)
    assert result.exit_code == 2 and "bestaat al en is niet leeg" in result.output
    assert [p.name for p in (tmp_path / "regio").iterdir()] == ["mijn.txt"]
    zonder = GOED[: GOED.index("--organisatie")] + GOED[GOED.index("--correctie-email"):]
    result = _init(tmp_path / "leeg", *zonder)
    assert result.exit_code == 2 and "geef ook --organisatie" in result.output
    assert not (tmp_path / "leeg").exists()


def test_asks_for_what_is_missing_in_a_terminal(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "_interactief", lambda: True)
    antwoorden = "Regio Rivierenland\nGM0281=Tiel\n\nGemeente Tiel\nkaart@example.org\n\n\n\n"
    result = _init(tmp_path, input=antwoorden)
    assert result.exit_code == 0, result.output
    config = yaml.safe_load((tmp_path / "regio" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["extra"]["socialekaart"]["privacy_contact"] == "kaart@example.org"  # defaults to the correction address
    assert "site_url" not in config and "edit_uri" not in config
