"""Rendering on two cores gives exactly the pages of one core; a helper's failure is an error."""

from __future__ import annotations

import os
from datetime import date

import pytest
from sitebouw import FIXTURE_DATA

from socialekaart.check import load_checked
from socialekaart import parallel
from socialekaart.site.build import genereer
from socialekaart.site.data import SiteData

VANDAAG = date.today()  # the fixture data is dated to be valid on the day the tests run


@pytest.fixture
def twee_kernen(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    monkeypatch.setattr(parallel, "_can_fork", lambda: True)


def test_the_helper_does_every_other_item_and_the_order_is_kept(twee_kernen):
    uitkomst = parallel.in_twee(lambda i: (i * i, os.getpid()), range(9))
    assert [kwadraat for kwadraat, _ in uitkomst] == [i * i for i in range(9)]
    assert {pid for _, pid in uitkomst[0::2]} == {os.getpid()}
    assert os.getpid() not in {pid for _, pid in uitkomst[1::2]}


def test_an_error_in_the_helper_is_raised_here(twee_kernen):
    def werk(i: int) -> int:
        if i == 3:
            raise ValueError("pagina 3 kapot")
        return i

    with pytest.raises(RuntimeError, match="tweede bouwproces(.|\n)*pagina 3 kapot"):
        parallel.in_twee(werk, range(6))


def test_a_helper_that_dies_is_an_error_not_a_hang(twee_kernen):
    def werk(i: int) -> int:
        if i == 1:
            os._exit(3)
        return i

    with pytest.raises(RuntimeError, match="stopte zonder uitkomst"):
        parallel.in_twee(werk, range(6))


def test_two_processes_render_the_same_site_as_one(twee_kernen, monkeypatch):
    dataset = load_checked(FIXTURE_DATA, VANDAAG)
    twee = genereer(SiteData(dataset, VANDAAG))
    monkeypatch.setattr(parallel, "MIN_ITEMS", 10**9)
    een = genereer(SiteData(dataset, VANDAAG))
    assert len(een.paginas) > 2
    assert list(twee.paginas) == list(een.paginas)
    assert [g.html for g in twee.paginas.values()] == [g.html for g in een.paginas.values()]
    assert twee.bestanden == een.bestanden and list(twee.bestanden) == list(een.bestanden)
