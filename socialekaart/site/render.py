"""Jinja rendering of generated pages and of fragments in hand-written pages."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass
from datetime import date
from functools import cache, partial
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ..models import KaartRecord, Record
from ..models.common import telefoon_link
from . import labels, paden
from .data import SiteData
from .pagina import Pagina
from .veilig import markdown_html, veilige_url
from .zoeken import SYNONIEMEN_BESTAND, TEAMS_BESTAND, pagefind_mappen, zoekkenmerken

MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)


def datum(value: date) -> str:
    """2026-05-01 -> '1 mei 2026'."""
    return f"{value.day} {MAANDEN[value.month - 1]} {value.year}"


def regionaam(naam: str, hoofdletter: bool = True) -> str:
    """'Utrecht West' -> 'Regio Utrecht West'; 'Regio Rivierenland' stays as it is (no 'Regio Regio')."""
    if naam.casefold().startswith("regio "):
        return naam
    return f"{'Regio' if hoofdletter else 'regio'} {naam}"


def vertaal(codes: Iterable[str], labels: Mapping[str, str]) -> list[str]:
    """Codes from the data to the words shown on the site."""
    return [labels.get(code, code) for code in codes]


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("socialekaart", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        # Templates are part of the package (mkdocs serve does not watch them either): each is
        # compiled once per process, with no stat of its file on every page that uses it.
        auto_reload=False,
    )
    env.filters.update(
        markdown=markdown_html, veilige_url=veilige_url, datum=datum, tel=telefoon_link, labels=vertaal, regio=regionaam
    )
    env.globals.update(labels.ALLE)
    env.globals.update(zoekkenmerken=zoekkenmerken, zoek_synoniemen=SYNONIEMEN_BESTAND, zoek_teams=TEAMS_BESTAND)
    return env


def bevat_voorbeeld(value: Any, _depth: int = 0) -> bool:
    """True when the context shows any record marked `voorbeeld: true` (drives the notice)."""
    if isinstance(value, KaartRecord):
        return value.voorbeeld
    if _depth > 4 or isinstance(value, (str, bytes, Record)):
        return False
    if is_dataclass(value) and not isinstance(value, type):
        return any(bevat_voorbeeld(getattr(value, f.name), _depth + 1) for f in fields(value))
    if isinstance(value, Mapping):
        return any(bevat_voorbeeld(v, _depth + 1) for v in value.values())
    if isinstance(value, Iterable):
        return any(bevat_voorbeeld(v, _depth + 1) for v in value)
    return False


def render_template(template: str, pad: str, site: SiteData, context: Mapping[str, Any]) -> str:
    """Render `template` for the page at directory `pad`."""
    return environment().get_template(template).render(
        {
            "site": site,
            "paden": paden,
            "url": partial(paden.relative_url, pad),
            "vandaag": site.vandaag,
            "instellingen": site.instellingen,
            "voorbeeld": bevat_voorbeeld(context),
            **context,
        }
    )


def render_pagina(pagina: Pagina, site: SiteData, bestanden: Mapping[str, str | bytes] | None = None) -> str:
    """The page's content HTML; `bestanden` (the site's other files) for a page that describes them."""
    context = pagina.context
    if pagina.over_bestanden is not None:
        if bestanden is None:
            raise ValueError(f"{pagina.pad}: deze pagina beschrijft de andere bestanden; geef ze mee")
        context = {**context, **pagina.over_bestanden(bestanden)}
    return render_template(
        pagina.template,
        pagina.pad,
        site,
        {
            "pagina": pagina,
            "edit_url": site.edit_links.url(pagina.bron),
            "correctie_url": site.correctie_url(pagina.titel, pagina.bron, pagina.pad),
            **context,
        },
    )


def fragmenten(delen: Iterable[str], pad: str, site: SiteData, zoekdelen: int) -> tuple[str, ...]:
    """The generated content a hand-written page at `pad` asks for (`<!-- socialekaart:<deel> -->`);
    `zoekdelen`: how many parts the search index has (the search page loads each)."""
    context = {"zoekdelen": pagefind_mappen(zoekdelen)[1:]}
    return tuple(render_template(f"fragmenten/{deel}.html", pad, site, context) for deel in delen)
