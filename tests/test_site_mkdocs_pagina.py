"""Generated pages reach MkDocs as pages of their own (socialekaart/site/mkdocs_pagina.py):
no front matter read, no Markdown converted, and still the nav's titles, the page's escaped
title and its table of contents."""

from __future__ import annotations

from pathlib import Path

from site_dom import load

from socialekaart.site.mkdocs_pagina import nav_titels


def test_nav_titles_come_from_the_nav_setting_also_in_sections():
    nav = [
        {"Home": "index.md"},
        "over.md",
        {"Agenda": [{"Regionale agenda": "agenda/index.md"}, {"Sub": [{"Diep": "a/b/index.md"}]}]},
    ]
    assert nav_titels(nav) == {"index.md": "Home", "agenda/index.md": "Regionale agenda", "a/b/index.md": "Diep"}
    assert nav_titels(None) == {}


def test_a_generated_page_in_the_nav_is_called_what_mkdocs_yml_calls_it(built_site: Path):
    """mkdocs.yml names the agenda overview 'Regionale agenda'; its own title is longer."""
    [hoofdmenu] = load(built_site / "over" / "index.html").find_all("nav", class_="md-nav--primary")
    labels = [a.text for a in hoofdmenu.find_all("a", class_="md-nav__link") if (a.attrs.get("href") or "").endswith("agenda/")]
    assert labels == ["Regionale agenda"]
    [titel] = load(built_site / "agenda" / "index.html").find_all("title")
    assert titel.text.startswith("Regionale agenda jeugd")


def test_a_generated_page_keeps_its_table_of_contents(built_site: Path):
    [inhoud] = load(built_site / "informele-steun" / "buurtgezinnen-woerden" / "index.html").find_all("nav", class_="md-nav--secondary")
    toc = [a.attrs.get("href") for a in inhoud.find_all("a", class_="md-nav__link")]
    assert "#aanmelden" in toc and "#contact" in toc
