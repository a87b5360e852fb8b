"""Material's navigation rendered once per place instead of once per page.

The navigation sidebar is the same on every page outside the nav (the record pages, nearly
all pages of a national site) whose links to the nav's pages come out the same: no item
is active there and nothing else in it depends on the page. `overrides/partials/nav.html`
wraps Material's own template (reachable as "material/partials/nav.html") in
`navigatie_eenmaal`, which renders it for the first such page and reuses the HTML after.
Pages in the nav (their item is marked active) are rendered as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources import files
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, pass_context
from jinja2.runtime import Context
from mkdocs.utils import normalize_url

MATERIAL = "material"


def bereid_voor(env: Environment) -> Environment:
    """Give the theme's environment Material's templates under 'material/' and the cache."""
    eigen = FileSystemLoader(str(files(MATERIAL).joinpath("templates")))
    env.loader = ChoiceLoader([env.loader, PrefixLoader({MATERIAL: eigen})])  # type: ignore[list-item]
    html: dict[tuple[Any, ...], str] = {}  # one build's environment, one cache

    @pass_context
    def navigatie_eenmaal(context: Context, caller: Callable[[], str]) -> str:
        page, nav = context.get("page"), context.get("nav")
        if page is None or nav is None or page in nav.pages:
            return caller()
        plaats = (context.get("base_url"), *(normalize_url(p.url, page) for p in nav.pages))
        if plaats not in html:
            html[plaats] = caller()
        return html[plaats]

    env.globals["navigatie_eenmaal"] = navigatie_eenmaal
    return env
