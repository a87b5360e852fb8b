"""The widget for gemeente websites: /widget/<gemeente>/ is a small standalone page (no
site chrome, no scripts, no requests elsewhere) with the gemeente's informele steun and
its lokaal team, made to sit in an <iframe>; /widget/ documents the snippet and shows it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from .. import paden
from ..data import SiteData
from ..pagina import Pagina
from ..render import render_template
from . import files, section

PAD = "widget/"
HOOGTE = 640  # px: the iframe's suggested height; the widget scrolls inside it beyond that


def widget_pad(gemeente_naam: str) -> str:
    return f"{PAD}{paden.slug(gemeente_naam)}/"


def _voorbeeld(site: SiteData) -> tuple[str, str] | None:
    """The gemeente shown live on the documenting page: the one with the most steun."""
    paren = [(len(site.steun_in(g.code)), g.naam, g.code) for _, g in site.gemeenten()]
    if not paren:
        return None
    _, naam, code = max(paren, key=lambda p: (p[0], p[1]))
    return naam, code


@section
def widget_uitleg(site: SiteData) -> Iterator[Pagina]:
    if not site.gemeenten():
        return
    naam, _ = _voorbeeld(site) or ("", "")
    basis = (site.site_url or "https://sociale-kaart.example.org/").rstrip("/") + "/"
    yield Pagina(
        PAD,
        "widget/uitleg.html",
        {
            "gemeenten": site.gemeenten(),
            "voorbeeld_naam": naam,
            "widget_pad": widget_pad,
            "basis": basis,
            "site_url_bekend": bool(site.site_url),
            "hoogte": HOOGTE,
        },
        titel="Informele steun op de website van je gemeente",
        beschrijving="Zet de informele steun van je gemeente met één stukje code op de website van de gemeente.",
    )


@files
def widgets(site: SiteData) -> Mapping[str, str]:
    uit = {}
    for regio, gemeente in site.gemeenten():
        pad = widget_pad(gemeente.naam)
        context = {"regio": regio, "gemeente": gemeente, "steun": site.steun_in(gemeente.code), "teams": site.teams_in(gemeente.code)}
        uit[pad + "index.html"] = render_template("widget/gemeente.html", pad, site, context)
    return uit
