"""The agenda pages in Chromium: no axe violations on every kind of agenda page (the general
gate checks one page per depth; the agenda has more kinds at the same depth), charts that
fit a phone screen, and no requests beyond the site itself."""

from __future__ import annotations

import pytest

from trust_browser import axe_violations, horizontal_overflow, open_page

PAGINAS = (
    "agenda/",
    "agenda/utrecht-west/",
    "agenda/utrecht-west/planning/",
    "agenda/utrecht-west/stand-van-zaken/",
    "agenda/utrecht-west/begroting/",
    "agenda/utrecht-west/ambitie-1/",  # KPI tables with SVG charts
    "agenda/utrecht-west/ambitie-2/",  # links to informele steun
    "agenda/utrecht-west/randvoorwaarde-5/",  # Tabel 8 and 9 charts
    "agenda/zuidoost-utrecht/speerpunt-1/",  # voortgang
    "agenda/gooi-en-vechtstreek/",  # bijeenkomsten table
    "agenda/foodvalley/planning/",
)


def test_agenda_pages_have_no_axe_violations(page, site_url):
    problems = []
    for pad in PAGINAS:
        open_page(page, site_url + pad, with_maps=False)
        problems += [f"{pad}: {v}" for v in axe_violations(page)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("pad", ["agenda/utrecht-west/planning/", "agenda/utrecht-west/ambitie-1/"])
def test_charts_fit_a_phone_and_stay_local(page, site_url, request_log, pad):
    page.set_viewport_size({"width": 360, "height": 740})
    open_page(page, site_url + pad, with_maps=False)
    charts = page.locator("svg.sk-grafiek")
    assert charts.count() >= 1
    for i in range(charts.count()):
        box = charts.nth(i).bounding_box()
        assert box is not None and 0 < box["width"] <= 360
    assert horizontal_overflow(page) == []
    assert request_log.external == [] and request_log.errors == []
