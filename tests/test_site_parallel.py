"""Rendering on two cores gives exactly the pages of one core; a helper's failure is an error."""

from __future__ import annotations

import os
import time
from datetime import date

import pytest
from sitebouw import FIXTURE_DATA

from socialekaart.check import load_checked
from socialekaart import parallel
from socialekaart.site.build import genereer
from socialekaart.site.data import SiteData

VANDAAG = date.today()  # the fixture data is dated to be valid on the day the tests run
HIER = os.getpid()


@pytest.fixture
def twee_kernen(helper_mag, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    monkeypatch.setattr(parallel, "PARTIJ", 3)


def langzaam_kwadraat(i: int) -> tuple[int, int]:
    time.sleep(0.002)  # so both processes get turns (nothing here measures time)
    return i * i, os.getpid()


def test_both_processes_take_turns_and_the_order_is_kept(twee_kernen):
    uitkomst = parallel.in_twee(langzaam_kwadraat, range(200))
    assert [kwadraat for kwadraat, _ in uitkomst] == [i * i for i in range(200)]
    pids = {pid for _, pid in uitkomst}
    assert HIER in pids and len(pids) == 2


def test_the_helper_does_the_other_job_first_and_hands_it_back(twee_kernen):
    uitkomst, extra = parallel.in_twee_met(langzaam_kwadraat, range(50), ook=os.getpid)
    assert [k for k, _ in uitkomst] == [i * i for i in range(50)]
    assert extra != HIER and extra in {pid for _, pid in uitkomst}


def test_without_a_helper_the_other_job_is_done_here(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ITEMS", 10**9)
    assert parallel.in_twee_met(langzaam_kwadraat, range(3), ook=os.getpid) == ([(0, HIER), (1, HIER), (4, HIER)], HIER)


def test_an_error_in_the_helper_is_raised_here(twee_kernen):
    def werk(i: int) -> int:
        if os.getpid() != HIER:
            raise ValueError(f"pagina {i} kapot")
        time.sleep(0.002)
        return i

    with pytest.raises(RuntimeError, match="tweede bouwproces(.|\n)*pagina [0-9]+ kapot"):
        parallel.in_twee(werk, range(200))


def test_an_error_in_the_helpers_other_job_is_raised_here(twee_kernen):
    def kapot() -> None:
        raise ValueError("export kapot")

    with pytest.raises(RuntimeError, match="tweede bouwproces(.|\n)*export kapot"):
        parallel.in_twee_met(langzaam_kwadraat, range(40), ook=kapot)


def test_a_helper_that_dies_is_an_error_not_a_hang(twee_kernen):
    def werk(i: int) -> int:
        if os.getpid() != HIER:
            os._exit(3)
        time.sleep(0.002)
        return i

    with pytest.raises(RuntimeError, match="stopte zonder uitkomst"):
        parallel.in_twee(werk, range(60))


def test_two_processes_render_the_same_site_as_one(twee_kernen, monkeypatch):
    dataset = load_checked(FIXTURE_DATA, VANDAAG)
    twee = genereer(SiteData(dataset, VANDAAG))
    monkeypatch.setattr(parallel, "MIN_ITEMS", 10**9)
    een = genereer(SiteData(dataset, VANDAAG))
    assert len(een.paginas) > 2
    assert list(twee.paginas) == list(een.paginas)
    assert [g.html for g in twee.paginas.values()] == [g.html for g in een.paginas.values()]
    assert twee.bestanden == een.bestanden and list(twee.bestanden) == list(een.bestanden)
