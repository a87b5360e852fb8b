"""Print (issue 13, part 8): lokaal-team and gemeente pages print without cut-off columns.

Print media at the width of an A4 page less its margins (180 mm, about 680 CSS pixels): no
table cell may stick out past the page content or hide in a scrolled-away part of a table.
"""

from __future__ import annotations

import pytest

A4_INHOUD = 680  # CSS px: 210 mm - 2 x 15 mm margins (@page in socialekaart.css)

AFGESNEDEN = """() => {
  const rand = document.querySelector('article.md-content__inner').getBoundingClientRect().right + 1;
  const uit = [];
  for (const cel of document.querySelectorAll('article table th, article table td')) {
    const r = cel.getBoundingClientRect();
    if (r.width && r.right > rand) uit.push(cel.textContent.trim().slice(0, 40) + ' @' + Math.round(r.right));
  }
  for (const el of document.querySelectorAll('article .md-typeset__scrollwrap, article .md-typeset__table, article table')) {
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') uit.push('schuift: ' + el.className);
  }
  return uit;
}"""


def _paginas(built_site) -> list[str]:
    teams = sorted(p.parent.relative_to(built_site).as_posix() + "/" for p in built_site.glob("lokale-teams/*/index.html"))
    gemeenten = sorted(p.parent.relative_to(built_site).as_posix() + "/" for p in built_site.glob("gemeenten/*/index.html"))
    return teams + gemeenten


def test_team_and_gemeente_pages_print_every_column(browser, site_url, built_site):
    context = browser.new_context(viewport={"width": A4_INHOUD, "height": 1000})
    try:
        page = context.new_page()
        page.emulate_media(media="print")
        problemen = {}
        paginas = _paginas(built_site)
        assert len(paginas) > 5
        for pad in paginas:
            page.goto(site_url + pad)
            assert page.locator("article table").count() >= 1 or pad.startswith("gemeenten/"), pad
            if (uit := page.evaluate(AFGESNEDEN)):
                problemen[pad] = uit
        assert problemen == {}
    finally:
        context.close()


@pytest.mark.parametrize("breedte", [A4_INHOUD])
def test_the_print_check_sees_a_cut_off_column(browser, site_url, built_site, breedte):
    """A table forced wider than the page in print is reported: the check can fail."""
    context = browser.new_context(viewport={"width": breedte, "height": 1000})
    try:
        page = context.new_page()
        page.emulate_media(media="print")
        page.goto(site_url + _paginas(built_site)[0])
        page.add_style_tag(content="@media print { article table { min-width: 1400px !important; } }")
        assert page.evaluate(AFGESNEDEN)
    finally:
        context.close()
