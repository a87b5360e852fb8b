"""The site's lookups come from indexes built once (issue 14: nothing quadratic at national
scale); each must answer exactly what a plain walk over all records answers."""

from __future__ import annotations

from datetime import date

import pytest
from sitebouw import FIXTURE_DATA

from socialekaart.agenda import overzicht as ov
from socialekaart.check import check
from socialekaart.site import SiteData

FOLDERS = ("informele-steun", "lokale-teams", "providers", "gezinshuizen")


@pytest.fixture(scope="module")
def site() -> SiteData:
    result = check(FIXTURE_DATA)
    assert result.dataset is not None and not [p for p in result.problems if p.niveau == "fout"]
    return SiteData(result.dataset, date.today())


def _op_naam(records):
    return sorted(records, key=lambda r: r.naam)


def test_per_gemeente_lookups_match_a_walk_over_all_records(site: SiteData) -> None:
    ds = site.dataset
    codes = [g.code for regio in ds.regios.values() for g in regio.gemeenten] + ["GM9999"]
    assert any(site.steun_in(c) for c in codes) and any(site.aanbieders_in(c) for c in codes)
    for code in codes:
        assert site.teams_in(code) == _op_naam(t for t in ds.lokale_teams.values() if code in t.gemeenten)
        assert site.steun_in(code) == _op_naam(i for i in ds.informele_steun.values() if code in site.steun_gemeenten(i))
        assert site.aanbieders_in(code) == _op_naam(a for a in ds.aanbieders.values() if code in site.aanbieder_gemeenten(a))
        huizen = sorted((h for h in ds.gezinshuizen.values() if h.gemeente == code), key=lambda h: (h.plaats, h.naam))
        assert site.gezinshuizen_in(code) == huizen
        assert site.gemeente_naam(code) == ds.gemeente_naam(code)


def test_per_aanbieder_lookups_match_a_walk_over_all_records(site: SiteData) -> None:
    ds = site.dataset
    assert any(site.steun_van(a) for a in ds.aanbieders) and any(site.gezinshuizen_van(a) for a in ds.aanbieders)
    for aanbieder in [*ds.aanbieders, "bestaat-niet"]:
        assert site.steun_van(aanbieder) == _op_naam(i for i in ds.informele_steun.values() if i.aanbieder == aanbieder)
        huizen = sorted((h for h in ds.gezinshuizen.values() if h.aanbieder == aanbieder), key=lambda h: (h.plaats, h.naam))
        assert site.gezinshuizen_van(aanbieder) == huizen


def test_agenda_links_match_the_agenda_module_both_ways(site: SiteData) -> None:
    ds = site.dataset
    gevonden = 0
    for folder in FOLDERS:
        for record in ds.of(folder).values():
            verwacht = ov.agenda_voor(ds, record, folder)
            assert site.agenda_voor(record, folder) == verwacht, record.id
            gevonden += len(verwacht)
    assert gevonden  # the fixture data links records and agenda items
    for item in ds.of("agenda").values():
        assert site.bijdragen(item) == ov.bijdragen(ds, item), item.id
        for regio in ds.regios:
            for folder in FOLDERS:
                assert site.records_in_regio(folder, regio) == ov.records_in_regio(ds, folder, regio)


def test_the_index_is_built_once_per_build(site: SiteData) -> None:
    assert site.index is site.index


def test_lookups_of_an_older_version_are_never_used(site: SiteData) -> None:
    """`mkdocs serve` changes records in place and calls `vernieuw()`; a thread that was still
    making lookups from the old data may store them afterwards. They must not be used."""
    oud = site.index
    versie = site.versie
    site.vernieuw()
    site._index = (versie, oud)  # stored late, by a thread that began before the change
    assert site.index is not oud and site.index is site.index
