"""The public site: data set -> generated pages, independent of MkDocs where possible.

How a page comes about
----------------------
A *section* is a function that takes the `SiteData` of a build and yields `Pagina`
objects. Each `Pagina` names its place on the site (`pad`, a directory such as
'informele-steun/maatjes-woerden/'), a Jinja template in `socialekaart/templates/`,
the template's context, a title, and optionally the YAML file it shows (`bron`, for
the "Klopt er iets niet?" edit link) and a map (`kaart`, a list of `Punt`).

To add a section (the agenda does this), drop a module into
`socialekaart/site/sections/` and decorate its function::

    from socialekaart.site import Pagina, SiteData, section

    @section
    def agenda(site: SiteData) -> Iterator[Pagina]:
        for item in site.dataset.of("agenda").values():
            yield Pagina(f"agenda/{item.id}/", "agenda/item.html", {"item": item},
                         titel=item.naam, bron=item.bron)

Every module in that package is imported automatically, in name order; pages come out
in the order they are yielded. Overview pages that belong in the menu get
`in_nav=True` and an entry in `nav:` in mkdocs.yml; record pages stay out of the nav.

Rendering (`render.py`) gives each template `url(pad)` for relative links, the
`markdown` filter (python-markdown, cleaned by nh3) and the `voorbeeld` flag. The MkDocs
side (`mkdocs_hooks.py`) only loads the data, turns pages into `File.generated(...)`
and puts the rendered HTML in place at `on_page_content`.
"""

from __future__ import annotations

from .data import SiteData
from .pagina import Pagina
from .sections import section

__all__ = ["Pagina", "SiteData", "section"]
