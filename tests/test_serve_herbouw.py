"""`mkdocs serve` after a saved data file (issue 14 part 3): only that file is read again, only
the pages and files a full build would change are written again, added or removed (checked
against a real full build of the edited data), in every data folder and for new and removed
files; a broken edit keeps the last good site; a save while the last one's rest is being made
does not wait for it; what cannot be a record, a moved folder and the nav go to MkDocs' full build.

The builder runs in this process, as `mkdocs serve` runs it; the observer is not started except
in the last test, so no test depends on timing (the builder's thread is waited for).
"""

from __future__ import annotations

import dataclasses
import importlib
import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from sitebouw import make_project
from watchdog.observers.polling import PollingObserver

from socialekaart.site import herbouw, mkdocs_hooks, mkdocs_serve, mkdocs_stand

STEUN = "data/informele-steun/home-start-woerden.yml"
PAGINA = "informele-steun/home-start-woerden/index.html"
ANDERE = "informele-steun/buurtgezinnen-woerden/index.html"
OUDE_TEKST = "Met een baby of jonge kinderen kan het leven zwaar zijn"
DATUM = "2026-11-20"
TOOL = "mkdocs"  # of the test's first build (the `gebouwd` fixture sets it)
NIET_VERGELIJKEN = ("pagefind/", "pagefind-agenda/")  # Pagefind's own output: made after the pages


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("serve") / "p")


@pytest.fixture
def gebouwd(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest):
    """A full build in this process (as serve's first build), and a builder for the next saves.
    With MkDocs, or with ProperDocs (`indirect` parameter 'properdocs')."""
    tool = getattr(request, "param", "mkdocs")
    mkdocs_yml = project / "mkdocs.yml"
    instellingen = mkdocs_yml.read_text(encoding="utf-8")
    if tool == "keuze":  # one region of the data folder's five, chosen in mkdocs.yml
        tool = "mkdocs"
        mkdocs_yml.write_text(instellingen.replace("  socialekaart:\n", "  socialekaart:\n    regios: [utrecht-west]\n", 1), encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "TOOL", tool)
    load_config = importlib.import_module(f"{tool}.config").load_config
    build = importlib.import_module(f"{tool}.commands.build").build
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SOCIALEKAART_DATUM", DATUM)
    monkeypatch.setattr(mkdocs_serve.Achtergrond, "start", lambda self, site_dir: None)  # no Pagefind runs here
    bron = project / STEUN
    originelen = {p: p.read_bytes() for p in (project / "data").rglob("*.yml")}
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)
    assert mkdocs_stand.stand.klaar
    volledig: list[int] = []
    bouwer = mkdocs_serve.Bouwer(lambda: volledig.append(1), mkdocs_serve.Wijzigingen(),
                                 lambda: (mkdocs_hooks._build.site, mkdocs_hooks._build.uitvoer))
    gelezen: list[str] = []
    laad = herbouw.laad_bestand
    monkeypatch.setattr(herbouw, "laad_bestand", lambda *a: gelezen.append(a[2]) or laad(*a))
    yield bouwer, volledig, gelezen, tmp_path / "site", bron
    bouwer.wacht()
    mkdocs_yml.write_text(instellingen, encoding="utf-8")
    for pad, inhoud in originelen.items():
        if pad.read_bytes() != inhoud:
            pad.write_bytes(inhoud)


def inhoud(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file() and not p.relative_to(site).as_posix().startswith(NIET_VERGELIJKEN)}


def zoals_een_volledige_build(project: Path, tmp_path: Path, voor: dict[str, bytes], na: dict[str, bytes]) -> set[str]:
    """Assert the site after the quick rebuild is the site a full build of the edited data makes
    (by the same tool, in a process of its own), file for file; returns the files that changed."""
    volledig = tmp_path / "volledig"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOCIALEKAART_DATUM": DATUM}
    resultaat = subprocess.run([sys.executable, "-m", TOOL, "build", "--strict", "--site-dir", str(volledig)],
                               cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    verwacht = inhoud(volledig)
    assert set(na) == set(verwacht)
    anders = sorted(naam for naam in verwacht if na[naam] != verwacht[naam])
    assert anders == []  # a page or file the quick rebuild left as it was, or wrote differently
    return {naam for naam in verwacht if voor.get(naam) != verwacht[naam]}


def html_pagina(src_uri: str) -> str:
    return src_uri.removesuffix("index.md") + "index.html"


def bewaar(bouwer: mkdocs_serve.Bouwer, bestand: Path, oud: str, nieuw: str) -> None:
    """Save the file as an editor does, and tell the builder, as the observer does."""
    bestand.write_text(bestand.read_text(encoding="utf-8").replace(oud, nieuw, 1), encoding="utf-8")
    bouwer.wijzigingen.dispatch(type("Event", (), {"is_directory": False, "src_path": str(bestand)})())


@pytest.mark.parametrize("gebouwd", ["mkdocs", "properdocs"], indirect=True)
def test_alleen_het_bestand_en_de_paginas_van_het_record(gebouwd, monkeypatch: pytest.MonkeyPatch) -> None:
    bouwer, volledig, gelezen, site, bron = gebouwd
    andere = site / ANDERE
    voor = (andere.stat().st_mtime_ns, andere.read_bytes())
    geschreven: list[str] = []
    schrijf = mkdocs_serve.schrijf_paginas
    monkeypatch.setattr(mkdocs_serve, "schrijf_paginas", lambda paginas, *a: geschreven.extend(p.src_uri for p in paginas) or schrijf(paginas, *a))

    bewaar(bouwer, bron, OUDE_TEKST, "Met een baby kan het leven soms zwaar zijn")
    bouwer()
    bouwer.wacht()

    assert volledig == []  # no full build
    assert gelezen == [str(bron)]  # one file of the whole data set read and validated again
    html = (site / PAGINA).read_text(encoding="utf-8")
    assert "Met een baby kan het leven soms zwaar zijn" in html and OUDE_TEKST not in html
    assert "informele-steun/home-start-woerden/index.md" in geschreven
    assert "informele-steun/buurtgezinnen-woerden/index.md" not in geschreven
    assert len(geschreven) < 10  # the record's page and the few lists that show it, not the site
    assert (andere.stat().st_mtime_ns, andere.read_bytes()) == voor
    assert 'class="md-nav' in html  # written through the theme, as a full build writes it


def test_kapotte_wijziging_laat_de_laatste_goede_site_staan(gebouwd, caplog: pytest.LogCaptureFixture) -> None:
    bouwer, volledig, gelezen, site, bron = gebouwd
    bewaar(bouwer, bron, "leeftijd_max: 12", "leeftijd_max: 12\nkosten_toelichting: [1, 2]")
    caplog.set_level(logging.ERROR, logger="mkdocs.plugins.socialekaart")
    with pytest.raises(Abort):
        bouwer()
    melding = caplog.text
    assert "De gegevens bevatten fouten; de site is niet bijgewerkt." in melding
    assert f"{STEUN}:" in melding and ": fout: kosten_toelichting: " in melding
    assert OUDE_TEKST in (site / PAGINA).read_text(encoding="utf-8")
    assert volledig == []
    # Not forgotten: the next rebuild reads the broken file again, whatever else changed.
    caplog.clear()
    with pytest.raises(Abort):
        bouwer()
    assert ": fout: kosten_toelichting: " in caplog.text


def test_de_regels_gaan_over_het_nieuwe_record(gebouwd, caplog: pytest.LogCaptureFixture) -> None:
    """Valid on its own, refused by a rule (a fictitious address on a record that is not marked as an example)."""
    bouwer, volledig, gelezen, site, bron = gebouwd
    aanbieder = bron.parent.parent / "providers" / "home-start.yml"
    origineel = aanbieder.read_text(encoding="utf-8")
    caplog.set_level(logging.ERROR, logger="mkdocs.plugins.socialekaart")
    try:
        bewaar(bouwer, aanbieder, "  website: https://www.home-start.nl", "  website: https://www.home-start.nl\n  email: info@example.org")
        with pytest.raises(Abort):
            bouwer()
    finally:
        aanbieder.write_text(origineel, encoding="utf-8")
    assert "data/providers/home-start.yml:19:10: fout: contact.email: dit is een voorbeeldadres" in caplog.text
    assert "info@example.org" not in (site / "aanbieders/home-start/index.html").read_text(encoding="utf-8")
    assert volledig == []


def snel_en_volledig(gebouwd, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                     bestand: Path, oud: str, nieuw: str) -> tuple[set[str], list[str], set[str]]:
    """Save an edit, rebuild quickly, compare with a full build. Returns (the files that changed,
    the pages written before the builder returned, the pages written in all)."""
    def opslaan() -> list[Path]:
        bestand.write_text(bestand.read_text(encoding="utf-8").replace(oud, nieuw, 1), encoding="utf-8")
        return [bestand]
    return na_opslaan(gebouwd, project, tmp_path, monkeypatch, opslaan)


def na_opslaan(gebouwd, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
               opslaan: Callable[[], list[Path]], tussendoor: Callable[[], None] = lambda: None) -> tuple[set[str], list[str], set[str]]:
    """`opslaan()` writes, adds or removes files and returns them; the observer's events follow,
    the quick rebuild runs (`tussendoor()` when the builder has returned), and the site is
    compared with a full build."""
    bouwer, volledig, gelezen, site, bron = gebouwd
    voor = inhoud(site)
    uitvoer = mkdocs_hooks._build.uitvoer
    assert uitvoer is not None
    paginas = {html_pagina(uri) for uri in uitvoer.paginas}
    geschreven: list[list[str]] = []
    schrijf = mkdocs_serve.schrijf_paginas
    monkeypatch.setattr(mkdocs_serve, "schrijf_paginas", lambda paginas, *a: geschreven.append([p.src_uri for p in paginas]) or schrijf(paginas, *a))
    bestanden = opslaan()
    records = {id(r) for r in mkdocs_hooks._build.site.dataset.all() if r.bron and project / r.bron in bestanden}
    hielden = {html_pagina(uri) for uri, g in uitvoer.paginas.items() if any(id(r) in records for r in herbouw._records_in(g.pagina.context))}
    if any(b.parent.name == "regios" for b in bestanden):
        hielden = paginas  # every page may name a gemeente
    over = {html_pagina(uri) for uri, g in uitvoer.paginas.items() if g.pagina.over_bestanden}  # when the files changed
    for bestand in bestanden:
        bouwer.wijzigingen.dispatch(type("Event", (), {"is_directory": False, "src_path": str(bestand)})())
    bouwer()
    eerst = list(geschreven[0]) if geschreven else []
    tussendoor()
    bouwer.wacht()
    assert volledig == [] and bouwer.volledig_nodig is False
    veranderd = zoals_een_volledige_build(project, tmp_path, voor, inhoud(site))
    alle = {uri for lijst in geschreven for uri in lijst}
    # The pages rendered again are the pages a full build changes (none left out: the comparison
    # above), and beyond those only pages that held the record without showing what changed (or
    # describe the other files, when files came or went).
    gerenderd = {html_pagina(uri) for uri in alle}
    assert veranderd & paginas <= gerenderd
    assert gerenderd - veranderd <= hielden | over
    return veranderd, eerst, alle


@pytest.mark.parametrize("gebouwd", ["mkdocs", "properdocs"], indirect=True)
def test_naam_van_een_initiatief(gebouwd, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bron = gebouwd[4]
    veranderd, eerst, alle = snel_en_volledig(gebouwd, project, tmp_path, monkeypatch, bron, "naam: Home-Start Woerden", "naam: Aan huis Home-Start Woerden")
    assert "informele-steun/home-start-woerden/index.md" in eerst  # its own page, before the builder returns
    site = gebouwd[3]
    assert "Aan huis Home-Start Woerden" in (site / PAGINA).read_text(encoding="utf-8")
    overzicht = (site / "informele-steun/index.html").read_text(encoding="utf-8")
    assert overzicht.index("Aan huis Home-Start Woerden") < overzicht.index("Buurtgezinnen")  # sorted again by name
    assert "Aan huis Home-Start Woerden" in (site / "gemeenten/woerden/index.html").read_text(encoding="utf-8")
    assert {"open-data/informele-steun.json", "open-data/hsds/json/services.json", "gemeenten/woerden/kaart.html",
            "agenda/utrecht-west/ambitie-2/index.html", "widget/woerden/index.html", "sitemap.xml"} <= veranderd
    assert "Aan huis Home-Start Woerden" in (site / "open-data/informele-steun.json").read_text(encoding="utf-8")
    assert ANDERE not in veranderd and len(alle) < 30


def test_samenvatting_in_de_lijsten(gebouwd, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Text that changes no list's order or members: the lists that hold the record show it anyway."""
    veranderd, eerst, alle = snel_en_volledig(gebouwd, project, tmp_path, monkeypatch, gebouwd[4], "komt een jaar lang", "komt een jaar lang of langer")
    assert "informele-steun/index.html" in veranderd
    assert "een jaar lang of langer" in (gebouwd[3] / "informele-steun/index.html").read_text(encoding="utf-8")


def test_de_open_data_pagina_volgt_de_grootte_van_de_bestanden(gebouwd, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A much longer description makes the export files kilobytes larger: the open-data page,
    which lists their sizes, is written again (and equals a full build's, as every page here)."""
    langer = "  - Het is gratis en je hebt geen verwijzing nodig.\n\n" + "".join(
        f"  Alinea {i}: de vrijwilliger komt op een vaste dag, en samen kijk je wat er deze week nodig is.\n\n" for i in range(60))
    veranderd, eerst, alle = snel_en_volledig(gebouwd, project, tmp_path, monkeypatch, gebouwd[4],
                                              "  - Het is gratis en je hebt geen verwijzing nodig.\n", langer)
    assert "open-data/index.html" in veranderd and "open-data/index.md" in alle


def test_naam_van_een_lokaal_team(gebouwd, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    team = project / "data/lokale-teams/lokaal-team-woerden.yml"
    veranderd, eerst, alle = snel_en_volledig(gebouwd, project, tmp_path, monkeypatch, team, "naam: Lokaal team Woerden", "naam: Sociaal team Woerden")
    assert "lokale-teams/lokaal-team-woerden/index.md" in eerst
    site = gebouwd[3]
    assert "zoeken/teams.json" in veranderd  # the search page's support file
    assert "Sociaal team Woerden" in (site / "zoeken/teams.json").read_text(encoding="utf-8")
    assert any(naam.startswith("voor-scholen/") for naam in veranderd)


def test_gemeente_van_een_initiatief(gebouwd, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bron = gebouwd[4]
    veranderd, eerst, alle = snel_en_volledig(gebouwd, project, tmp_path, monkeypatch, bron, "GM0632", "GM0335")
    site = gebouwd[3]
    assert {"gemeenten/woerden/index.html", "gemeenten/montfoort/index.html"} <= veranderd
    assert "Home-Start Woerden" in (site / "gemeenten/montfoort/index.html").read_text(encoding="utf-8")
    assert "Home-Start Woerden" not in (site / "gemeenten/woerden/index.html").read_text(encoding="utf-8")


def test_aanbieder_en_gezinshuis(gebouwd, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A provider's name is shown beside its gezinshuizen on gemeente pages; a gezinshuis moves to another plaats and gemeente."""
    aanbieder = project / "data/providers/timon.yml"
    veranderd, eerst, alle = snel_en_volledig(gebouwd, project, tmp_path, monkeypatch, aanbieder, "naam: Timon", "naam: Stichting Timon")
    site = gebouwd[3]
    assert "aanbieders/timon/index.html" in veranderd and "gemeenten/woerden/index.html" in veranderd
    assert "Stichting Timon" in (site / "gemeenten/woerden/index.html").read_text(encoding="utf-8")
    huis = project / "data/gezinshuizen/gezinshuis-de-linde.yml"
    veranderd, eerst, alle = snel_en_volledig(gebouwd, project, tmp_path / "huis", monkeypatch, huis, "gemeente: GM0632\nplaats: Harmelen", "gemeente: GM0335\nplaats: Montfoort")
    assert {"gemeenten/woerden/index.html", "gemeenten/montfoort/index.html"} <= veranderd
    assert "Gezinshuis De Linde" in (site / "gemeenten/montfoort/index.html").read_text(encoding="utf-8")


def test_ongeldige_gemeente_schrijft_niets(gebouwd, caplog: pytest.LogCaptureFixture) -> None:
    bouwer, volledig, gelezen, site, bron = gebouwd
    voor = inhoud(site)
    bewaar(bouwer, bron, "gemeenten: [GM0632]", "gemeenten: [GM9999]")
    caplog.set_level(logging.ERROR, logger="mkdocs.plugins.socialekaart")
    with pytest.raises(Abort):
        bouwer()
    bouwer.wacht()
    assert "De gegevens bevatten fouten; de site is niet bijgewerkt." in caplog.text
    assert f"{STEUN}:" in caplog.text and ": fout: gemeenten" in caplog.text
    assert inhoud(site) == voor and volledig == []


def test_eerste_initiatief_in_een_andere_regio(gebouwd, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first initiative in another region adds that region's gemeente pages and widgets
    (and the home page lists the gemeenten): new pages and files, no full build."""
    bron = gebouwd[4]

    def opslaan() -> list[Path]:
        tekst = bron.read_text(encoding="utf-8")
        bron.write_text(tekst.replace("regio: utrecht-west", "regio: twente").replace("GM0632", "GM0141")
                        .replace("agenda: [utrecht-west/ambitie-2]\n", ""), encoding="utf-8")
        return [bron]

    veranderd, eerst, alle = na_opslaan(gebouwd, project, tmp_path, monkeypatch, opslaan)
    site = gebouwd[3]
    assert "Almelo" in (site / PAGINA).read_text(encoding="utf-8")
    assert "gemeenten/almelo/index.html" in veranderd and "widget/almelo/index.html" in veranderd
    assert "informele-steun/index.md" in eerst or "informele-steun/home-start-woerden/index.md" in eerst
    assert "index.html" in veranderd  # the hand-written home page's list of gemeenten


@pytest.mark.parametrize("gebouwd", ["mkdocs", "properdocs"], indirect=True)
def test_nieuw_en_verwijderd_bestand(gebouwd, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new initiative's page comes first; removed again, its page and every mention go."""
    bron = gebouwd[4]
    nieuw = bron.with_name("opvoedmaatje-woerden.yml")

    def toevoegen() -> list[Path]:
        nieuw.write_text(bron.read_text(encoding="utf-8").replace("naam: Home-Start Woerden", "naam: Opvoedmaatje Woerden"), encoding="utf-8")
        return [nieuw]

    try:
        veranderd, eerst, alle = na_opslaan(gebouwd, project, tmp_path / "erbij", monkeypatch, toevoegen)
        assert eerst == ["informele-steun/opvoedmaatje-woerden/index.md"]  # before the builder returns
        assert {"informele-steun/opvoedmaatje-woerden/index.html", "informele-steun/index.html", "gemeenten/woerden/index.html",
                "open-data/informele-steun.json", "sitemap.xml"} <= veranderd
        assert gebouwd[2][-1] == str(nieuw)  # the one file read
    finally:
        nieuw.unlink(missing_ok=True)
    door, verschil = threading.Event(), mkdocs_serve.verschil
    monkeypatch.setattr(mkdocs_serve, "verschil", lambda *a: door.wait(120) and verschil(*a))  # the rest waits

    def direct_weg() -> None:
        assert not (gebouwd[3] / "informele-steun/opvoedmaatje-woerden").exists()  # before the rest
        door.set()

    veranderd, eerst, alle = na_opslaan(gebouwd, project, tmp_path / "weg", monkeypatch, lambda: [nieuw], direct_weg)
    assert door.is_set() and not (gebouwd[3] / "informele-steun/opvoedmaatje-woerden").exists()
    assert "Opvoedmaatje" not in (gebouwd[3] / "informele-steun/index.html").read_text(encoding="utf-8")


def test_verwijderd_bestand_waar_een_ander_naar_verwijst(gebouwd, caplog: pytest.LogCaptureFixture) -> None:
    """A provider that gezinshuizen name cannot go: the Dutch message, and nothing changes."""
    bouwer, volledig, gelezen, site, bron = gebouwd
    aanbieder = bron.parent.parent / "providers" / "timon.yml"
    voor, tekst = inhoud(site), aanbieder.read_text(encoding="utf-8")
    caplog.set_level(logging.ERROR, logger="mkdocs.plugins.socialekaart")
    aanbieder.unlink()
    try:
        bouwer.wijzigingen.dispatch(type("Event", (), {"is_directory": False, "src_path": str(aanbieder)})())
        with pytest.raises(Abort):
            bouwer()
    finally:
        aanbieder.write_text(tekst, encoding="utf-8")
    assert "aanbieder 'timon' bestaat niet" in caplog.text
    assert inhoud(site) == voor and volledig == []


def test_nieuw_bestand_met_fouten(gebouwd, caplog: pytest.LogCaptureFixture) -> None:
    bouwer, volledig, gelezen, site, bron = gebouwd
    nieuw = bron.with_name("leeg-initiatief.yml")
    nieuw.write_text("naam: Leeg\n", encoding="utf-8")
    caplog.set_level(logging.ERROR, logger="mkdocs.plugins.socialekaart")
    voor = inhoud(site)
    try:
        bouwer.wijzigingen.dispatch(type("Event", (), {"is_directory": False, "src_path": str(nieuw)})())
        with pytest.raises(Abort):
            bouwer()
    finally:
        nieuw.unlink()
    assert "data/informele-steun/leeg-initiatief.yml:1:1: fout: " in caplog.text
    assert inhoud(site) == voor and volledig == []


@pytest.mark.parametrize("naam", ["Nieuw Initiatief.yml", "nieuw.yaml", "groep/nieuw.yml"])
def test_bestand_dat_geen_record_kan_zijn_gaat_naar_de_volledige_build(gebouwd, naam: str) -> None:
    """The full check says what is wrong with it (there is no quick way to say it better)."""
    bouwer, volledig, gelezen, site, bron = gebouwd
    nieuw = bron.parent / naam
    nieuw.parent.mkdir(exist_ok=True)
    nieuw.write_text(bron.read_text(encoding="utf-8"), encoding="utf-8")
    try:
        bouwer.wijzigingen.dispatch(type("Event", (), {"is_directory": False, "src_path": str(nieuw)})())
        bouwer()
        assert volledig == [1] and gelezen == []
    finally:
        nieuw.unlink()
        if nieuw.parent != bron.parent:
            nieuw.parent.rmdir()


def test_een_map_verplaatst_gaat_naar_de_volledige_build(gebouwd) -> None:
    bouwer, volledig, gelezen, site, bron = gebouwd
    map_ = bron.parent.parent / "agenda" / "twente"
    bouwer.wijzigingen.dispatch(type("Event", (), {"is_directory": True, "src_path": str(map_), "dest_path": str(map_) + "-oud"})())
    bouwer()
    assert volledig == [1]


def test_agendapunt_en_agenda(gebouwd, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    punt = project / "data/agenda/utrecht-west/ambitie-1.yml"
    veranderd, eerst, alle = snel_en_volledig(gebouwd, project, tmp_path, monkeypatch, punt, "korte_titel: Minder verblijf en maatregelen",
                                              "korte_titel: Minder verblijf, minder maatregelen")
    assert "agenda/utrecht-west/ambitie-1/index.html" in veranderd
    assert eerst == ["agenda/utrecht-west/ambitie-1/index.md"]  # its own page, before the builder returns
    assert "Minder verblijf, minder maatregelen" in (gebouwd[3] / "agenda/utrecht-west/ambitie-1/index.html").read_text(encoding="utf-8")
    agenda = project / "data/agendas/utrecht-west.yml"
    tekst = agenda.read_text(encoding="utf-8")
    titel = next(regel for regel in tekst.splitlines() if regel.startswith("titel: "))
    veranderd, eerst, alle = snel_en_volledig(gebouwd, project, tmp_path / "agenda", monkeypatch, agenda, titel, titel + " (herzien)")
    assert "agenda/utrecht-west/index.html" in veranderd


def test_naam_van_een_gemeente(gebouwd, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A region file: every page that names the gemeente, and the hand-written home page's list."""
    regio = project / "data/regios/utrecht-west.yml"
    veranderd, eerst, alle = snel_en_volledig(gebouwd, project, tmp_path, monkeypatch, regio, "naam: Oudewater", "naam: Oudewater (Utrecht)")
    assert {"index.html", "gemeenten/oudewater-utrecht/index.html", "gemeenten/index.html", "widget/oudewater-utrecht/index.html"} <= veranderd
    assert not (gebouwd[3] / "gemeenten/oudewater").exists()  # the page moved with the name
    assert "gemeenten/oudewater-utrecht/index.md" in eerst and "gemeenten/woerden/index.md" in eerst  # the region's own pages first


@pytest.mark.parametrize("gebouwd", ["keuze"], indirect=True)
def test_regios_gekozen_in_mkdocs_yml(gebouwd, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A record of a region the site does not show is checked (against the whole data folder)
    and changes nothing; a record that moves out of the chosen region leaves the site."""
    twente = project / "data/agenda/twente/principe-5.yml"
    bouwer, volledig, gelezen, site, bron = gebouwd
    assert not (site / "agenda/twente").exists()
    veranderd, eerst, alle = snel_en_volledig(gebouwd, project, tmp_path / "twente", monkeypatch, twente, "titel: \"In Twente", "titel: \"Herzien: in Twente")
    assert veranderd == set() and alle == set() and gelezen == [str(twente)]
    tekst = bron.read_text(encoding="utf-8")

    def verhuizen() -> list[Path]:
        bron.write_text(tekst.replace("regio: utrecht-west", "regio: twente").replace("GM0632", "GM0141")
                        .replace("agenda: [utrecht-west/ambitie-2]\n", ""), encoding="utf-8")
        return [bron]

    veranderd, eerst, alle = na_opslaan(gebouwd, project, tmp_path / "weg", monkeypatch, verhuizen)
    assert not (site / PAGINA).exists() and "informele-steun/index.html" in veranderd


def test_opslaan_terwijl_de_rest_nog_loopt(gebouwd, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second save while the rest of the first is still being made gets its page without
    waiting for that rest; the rest then begins again, and the site ends as a full build of both."""
    bouwer, volledig, gelezen, site, bron = gebouwd
    voor = inhoud(site)
    gestart, door, rondes = threading.Event(), threading.Event(), []
    andere = mkdocs_serve.build.andere_bestanden

    def langzaam(*args):  # the open-data export of a national site, which takes seconds
        rondes.append(1)
        gestart.set()
        door.wait(120)
        return andere(*args)

    monkeypatch.setattr(mkdocs_serve.build, "andere_bestanden", langzaam)
    bewaar(bouwer, bron, "naam: Home-Start Woerden", "naam: Aan huis Home-Start Woerden")
    bouwer()
    assert gestart.wait(120)
    tweede = project / "data/informele-steun/buurtgezinnen-woerden.yml"
    bewaar(bouwer, tweede, "naam: Buurtgezinnen Woerden", "naam: Buurtgezinnen in Woerden")
    opslaan = threading.Thread(target=bouwer)
    opslaan.start()
    opslaan.join(120)  # against a hang only: it must not wait for the rest, which waits for `door`
    assert not opslaan.is_alive() and not door.is_set()
    assert "Buurtgezinnen in Woerden" in (site / ANDERE).read_text(encoding="utf-8")
    door.set()
    bouwer.wacht()
    assert len(rondes) == 2 and volledig == [] and not bouwer.volledig_nodig  # begun again once, from the new data
    zoals_een_volledige_build(project, tmp_path, voor, inhoud(site))


def test_een_pagina_in_het_menu_erbij_of_weg_vraagt_een_volledige_build(gebouwd, caplog: pytest.LogCaptureFixture,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page shows the nav: a nav page that comes or goes changes every page, which is a
    full build. The rest of the quick rebuild finds it and asks the server for that build."""
    bouwer, volledig, gelezen, site, bron = gebouwd
    data, uitvoer = mkdocs_hooks._build.site, mkdocs_hooks._build.uitvoer
    zonder = {uri: g for uri, g in uitvoer.paginas.items() if uri != "gemeenten/index.md"}
    assert herbouw.verschil(data, zonder, set()).volledig == "andere pagina in het menu: Gemeenten"
    assert herbouw.verschil(data, uitvoer.paginas, set()).volledig is None
    met = {**uitvoer.paginas, "extra/index.md": dataclasses.replace(uitvoer.paginas["gemeenten/index.md"])}
    met["extra/index.md"].pagina = dataclasses.replace(met["extra/index.md"].pagina, pad="extra/")
    assert herbouw.verschil(data, met, set()).volledig == "pagina uit het menu: Gemeenten"
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.socialekaart")
    bewaar(bouwer, bron, OUDE_TEKST, "Andere tekst")
    verschil = herbouw.verschil
    monkeypatch.setattr(mkdocs_serve, "verschil", lambda site, paginas, *a: verschil(site, zonder, *a))  # as if the page were new
    bouwer()
    bouwer.wacht()
    assert volledig == [] and bouwer.volledig_nodig and "de hele site wordt opnieuw gebouwd" in caplog.text
    bouwer()
    assert volledig == [1] and not bouwer.volledig_nodig


def test_geen_volledige_build_zonder_geslaagde_vorige(gebouwd) -> None:
    bouwer, volledig, gelezen, site, bron = gebouwd
    mkdocs_stand.stand.begin()  # as a failed full build leaves it
    bewaar(bouwer, bron, OUDE_TEKST, "Andere tekst")
    bouwer()
    assert volledig == [1] and gelezen == []


def test_de_server_herlaadt_of_bouwt_alles(tmp_path: Path) -> None:
    """After the rest of a quick rebuild the browsers reload; when it needs a full build, the
    server is asked for one (its build loop then calls the builder)."""
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    bouwer = mkdocs_serve.Bouwer(lambda: None, mkdocs_serve.Wijzigingen(), lambda: (None, None), server)  # type: ignore[arg-type]
    voor = server._visible_epoch
    time.sleep(0.01)
    bouwer.herlaad()
    assert server._visible_epoch > voor and server._visible_epoch == server._wanted_epoch
    bouwer.vraag_volledig()
    assert server._want_rebuild and bouwer.volledig_nodig
    tijdens = server._visible_epoch
    bouwer.herlaad()  # a build is wanted: no reload of a site that is about to change
    assert server._visible_epoch == tijdens


def test_on_serve_kijkt_met_inotify_en_onthoudt_wat_veranderde(project: Path, tmp_path: Path) -> None:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(project / "content"))
    server = mkdocs_hooks.on_serve(server, config=None, builder=server.builder)  # type: ignore[arg-type]
    server.watch(str(project / "data"))  # config.watch comes after the hook, as in `mkdocs serve`
    assert not isinstance(server.observer, PollingObserver)
    assert isinstance(server.builder, mkdocs_serve.Bouwer)
    assert set(server._watched_paths) == {str(project / "content"), str(project / "data")}
    server.observer.start()
    try:
        gelezen = project / "data/informele-steun/buurtgezinnen-woerden.yml"
        gelezen.read_text(encoding="utf-8")  # every build reads every file: that is no change
        bestand = project / STEUN
        bestand.write_text(bestand.read_text(encoding="utf-8"), encoding="utf-8")
        gezien: set[str] = set()
        for _ in range(200):  # waits for the event, at most 10 s; asserts nothing about time
            gezien |= server.builder.wijzigingen.neem()
            if str(bestand) in gezien:
                break
            time.sleep(0.05)
        assert str(bestand) in gezien
        assert str(gelezen) not in gezien  # events arrive in order: a read would have come first
        assert server._want_rebuild  # MkDocs' own handler still asks for the rebuild
    finally:
        server.observer.stop()
        server.observer.join()
