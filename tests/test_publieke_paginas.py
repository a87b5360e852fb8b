"""Public pages carry no editing controls (issue 13, part 6): no edit pencil from Material on
any page; the only way to a correction is the footer of a record page (`.sk-controle`)."""

from __future__ import annotations

import re

CONTROLE = re.compile(r'<footer class="sk-controle">.*?</footer>', re.DOTALL)


def test_no_page_has_an_edit_pencil_or_an_edit_link_outside_the_record_footer(built_site):
    paginas = sorted(built_site.rglob("index.html"))
    assert len(paginas) > 50
    for pagina in paginas:
        html = pagina.read_text(encoding="utf-8")
        assert "md-content__button" not in html, pagina  # Material's pencil (content.action.edit)
        assert "/edit/" not in CONTROLE.sub("", html), pagina


def test_the_correction_path_stays_at_the_foot_of_record_pages(built_site):
    pagina = next(built_site.glob("informele-steun/*/index.html")).read_text(encoding="utf-8")
    voet = CONTROLE.search(pagina)
    assert voet and "Klopt er iets niet?" in voet.group(0)
    assert pagina.rindex("sk-controle") > pagina.rindex("<h2")  # after the content, at the foot
