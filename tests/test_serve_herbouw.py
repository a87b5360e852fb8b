"""`mkdocs serve` after a saved data file (issue 14 part 3): only that file is read again, only
the pages that show its record are written again, a broken edit keeps the last good site, and
anything that could move the record elsewhere goes to MkDocs' full build.

The builder runs in this process, as `mkdocs serve` runs it; the observer is not started except
in the last test, so no test depends on timing.
"""

from __future__ import annotations

import importlib
import logging
import time
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from sitebouw import make_project
from watchdog.observers.polling import PollingObserver

from socialekaart.site import herbouw, mkdocs_hooks, mkdocs_serve

STEUN = "data/informele-steun/home-start-woerden.yml"
PAGINA = "informele-steun/home-start-woerden/index.html"
ANDERE = "informele-steun/buurtgezinnen-woerden/index.html"
OUDE_TEKST = "Met een baby of jonge kinderen kan het leven zwaar zijn"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("serve") / "p")


@pytest.fixture
def gebouwd(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest):
    """A full build in this process (as serve's first build), and a builder for the next saves.
    With MkDocs, or with ProperDocs (`indirect` parameter 'properdocs')."""
    tool = getattr(request, "param", "mkdocs")
    load_config = importlib.import_module(f"{tool}.config").load_config
    build = importlib.import_module(f"{tool}.commands.build").build
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    bron = project / STEUN
    origineel = bron.read_text(encoding="utf-8")
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)
    assert mkdocs_serve.stand.klaar
    volledig: list[int] = []
    bouwer = mkdocs_serve.Bouwer(lambda: volledig.append(1), mkdocs_serve.Wijzigingen(),
                                 lambda: (mkdocs_hooks._build.site, mkdocs_hooks._build.uitvoer))
    gelezen: list[str] = []
    laad = herbouw.laad_bestand
    monkeypatch.setattr(herbouw, "laad_bestand", lambda *a: gelezen.append(a[2]) or laad(*a))
    yield bouwer, volledig, gelezen, tmp_path / "site", bron
    bron.write_text(origineel, encoding="utf-8")


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
    monkeypatch.setattr(mkdocs_serve, "schrijf_paginas", lambda uris, *a: geschreven.extend(uris) or schrijf(uris, *a))

    bewaar(bouwer, bron, OUDE_TEKST, "Met een baby kan het leven soms zwaar zijn")
    bouwer()

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


def test_naam_of_nieuw_bestand_geeft_een_volledige_build(gebouwd) -> None:
    bouwer, volledig, gelezen, site, bron = gebouwd
    bewaar(bouwer, bron, "naam: Home-Start Woerden", "naam: Home-Start in Woerden")
    bouwer()
    assert volledig == [1]  # the name orders lists and titles maps: only a full build is exact
    assert "Home-Start in Woerden" not in (site / PAGINA).read_text(encoding="utf-8")
    nieuw = bron.with_name("nieuw-initiatief.yml")
    nieuw.write_text(bron.read_text(encoding="utf-8"), encoding="utf-8")
    try:
        bewaar(bouwer, nieuw, "naam:", "naam:")
        bouwer()
        assert volledig == [1, 1]
    finally:
        nieuw.unlink()


def test_geen_volledige_build_zonder_geslaagde_vorige(gebouwd) -> None:
    bouwer, volledig, gelezen, site, bron = gebouwd
    mkdocs_serve.stand.begin()  # as a failed full build leaves it
    bewaar(bouwer, bron, OUDE_TEKST, "Andere tekst")
    bouwer()
    assert volledig == [1] and gelezen == []


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
