"""Output escaping helpers (socialekaart/site/veilig.py) on values `check` would refuse.

The browser gate (tests/browser/test_hostile_text.py) shows the whole site stays inert; these
tests pin each helper down on its own, fast, with the shapes from issue 10.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from markupsafe import Markup

from socialekaart.site import paden
from socialekaart.site.build import Gegenereerd, toc_tokens
from socialekaart.site.pagina import Pagina
from socialekaart.site.veilig import GEEN_LINK, markdown_html, veilige_url, voor_thema

ONVEILIG = (
    "<img src=x onerror=alert(1) ",
    "<svg onload=alert(1)",
    "--> <img src=x onerror=alert(1) ",
    "</script <img src=x onerror=alert(1) ",
    "</title <img src=x onerror=alert(1) ",
    "</style <svg onload=alert(1) ",
    '" autofocus onfocus="alert(1)',
)

MARKDOWN_BLOKKEN = (
    "Eerste alinea.\n\n<div tabindex=0 autofocus onfocus=alert(1) onmouseover=alert(1)\n\nLaatste alinea.",
    "<details open ontoggle=alert(1)>\n\n*tekst*\n\n</details>",
    "<!--\n\n--><img src=x onerror=alert(1)>",
    "<IMG SRC=x ONERROR=alert(1)>",
    "<iframe srcdoc=&lt;script&gt;alert(1)&lt;/script&gt; ",
    "<style>body{display:none}</style",
    "[klik](javascript:alert(1)) en <a href=\"JaVaScRiPt:alert(1)\">hier</a>",
    "<script>alert(1)</script>",
)
TOEGESTAAN = {"p", "br", "ul", "ol", "li", "strong", "em", "a", "blockquote", "code"}


class _Tags(HTMLParser):
    """Every start tag with its attributes, as an HTML parser reads the fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


@pytest.mark.parametrize("tekst", ONVEILIG)
def test_text_for_the_theme_has_no_markup_and_no_quote(tekst):
    html = voor_thema(tekst)
    assert "<" not in html and '"' not in html and "'" not in html
    assert tags(f'<title>{html}</title><meta content="{html}">') == [("title", {}), ("meta", {"content": tekst})]


@pytest.mark.parametrize("tekst", MARKDOWN_BLOKKEN)
def test_markdown_with_raw_html_blocks_keeps_only_allowed_tags(tekst):
    found = tags(str(markdown_html(tekst)))
    assert {tag for tag, _ in found} <= TOEGESTAAN
    for _, attrs in found:
        assert not [name for name in attrs if name.startswith("on") or name in ("style", "srcdoc")]
        assert not (attrs.get("href") or "").lower().startswith("javascript")


def test_markdown_keeps_what_editors_write():
    html = str(markdown_html("**Vet**, *schuin* en [de site](https://example.org/).\n\n- een\n- twee"))
    assert "<strong>Vet</strong>" in html and "<em>schuin</em>" in html and "<li>twee</li>" in html
    assert 'href="https://example.org/"' in html


def test_one_text_leaves_nothing_behind_for_the_next():
    """The Markdown object is reused: a link reference defined in one field must not turn
    words in another field into a link, and a repeated (cached) text is cleaned the same."""
    markdown_html("Zie [de site].\n\n[de site]: javascript:alert(1)")
    assert "<a" not in str(markdown_html("Zie [de site]."))
    for tekst in MARKDOWN_BLOKKEN:
        assert markdown_html(tekst) == markdown_html(tekst) and isinstance(markdown_html(tekst), Markup)


@pytest.mark.parametrize("url", ["https://example.org/a?b=1", "http://example.org/", "mailto:info@example.org", "tel:+31301234567"])
def test_links_the_site_makes_are_kept(url):
    assert veilige_url(url) == url


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)",
     "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)", "", None],
)
def test_other_link_schemes_become_no_link(url):
    assert veilige_url(url) == GEEN_LINK


def test_page_title_and_description_reach_material_escaped():
    naam = '</title <img src=x onerror=alert(1) "'
    pagina = Pagina("aanbieders/x/", "aanbieders/aanbieder.html", {}, naam, beschrijving=f"Wat {naam} doet")
    meta = Gegenereerd(pagina, "").meta()
    assert meta == {
        "title": "&lt;/title &lt;img src=x onerror=alert(1) &quot;",
        "description": "Wat &lt;/title &lt;img src=x onerror=alert(1) &quot; doet",
    }


def test_table_of_contents_names_stay_escaped():
    html = '<h2 id="a">&lt;img src=x onerror=alert(1) &amp; meer</h2><h3 id="b"><em>&lt;/script</em></h3>'
    [kop] = toc_tokens(html)
    assert kop["name"] == kop["html"] == "&lt;img src=x onerror=alert(1) &amp; meer"
    assert kop["children"][0]["name"] == "&lt;/script"


def test_a_very_long_name_gives_a_short_slug():
    assert paden.slug("De Ronde Venen") == "de-ronde-venen"
    lang = paden.slug("Gemeente " * 100)
    assert len(lang) <= paden.SLUG_MAX and not lang.endswith("-")
