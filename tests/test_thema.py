"""Material's navigation, rendered once per place (socialekaart/site/thema.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import DictLoader, Environment

from socialekaart.site.thema import bereid_voor


@dataclass(eq=False)
class Pagina:
    url: str


@dataclass
class Nav:
    pages: list[Pagina] = field(default_factory=list)


def _env(renders: list[str]) -> Environment:
    env = Environment(loader=DictLoader({"nav.html": "{% call navigatie_eenmaal() %}{{ teken(page.url) }}{% endcall %}"}))
    bereid_voor(env)
    env.globals["teken"] = lambda url: renders.append(url) or f"nav voor {url}"
    return env


def test_pages_outside_the_nav_share_the_rendering_where_their_links_are_the_same():
    renders: list[str] = []
    nav = Nav([Pagina("informele-steun/"), Pagina("gezinshuizen/")])
    template = _env(renders).get_template("nav.html")

    def render(url: str, pagina: Pagina | None = None) -> str:
        return template.render(page=pagina or Pagina(url), nav=nav, base_url="../..")

    assert render("informele-steun/a/") == "nav voor informele-steun/a/"
    assert render("informele-steun/b/") == "nav voor informele-steun/a/"  # the same links: reused
    assert render("gezinshuizen/c/") == "nav voor gezinshuizen/c/"  # other links: its own
    # A page in the nav has its own item marked active: never reused, never stored.
    assert render("", nav.pages[0]) == "nav voor informele-steun/"
    assert render("", nav.pages[0]) == "nav voor informele-steun/"
    assert renders == ["informele-steun/a/", "gezinshuizen/c/", "informele-steun/", "informele-steun/"]


def test_material_templates_stay_reachable_under_their_own_name():
    env = bereid_voor(Environment(loader=DictLoader({})))
    assert "md-nav--primary" in env.loader.get_source(env, "material/partials/nav.html")[0]
