"""One map as a standalone HTML document: Leaflet with clustered markers on PDOK tiles.

The site writes the document to its own file and embeds it with an iframe, so the
map's scripts and styles never mix with the Material theme. Every asset comes from the
site's assets/kaart/ folder and ids are derived from the content, so two builds of the
same data are byte-identical. One Jinja template (templates/kaart.html), compiled once,
writes every map: folium, used before, compiled a template per map element (61,826
compiles for a national site) and ran the rendered text, names included, through Jinja
again.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from urllib.parse import quote, urlencode

import xyzservices.providers
from jinja2 import Environment, PackageLoader, StrictUndefined, Template
from markupsafe import Markup

# PDOK's BRT-Achtergrondkaart (service.pdok.nl); the only third-party host a page contacts.
TEGELS = xyzservices.providers.nlmaps.standaard
ATTRIBUTIE = 'Kaartgegevens &copy; <a href="https://www.kadaster.nl" target="_top">Kadaster</a>'

# Gezinshuis points are rounded to ~1 km, so one point is shown at town level, not street level.
ZOOM_EEN_PUNT = 13
MAX_ZOOM_OVERZICHT = 13
NEDERLAND_MIDDEN = (52.15, 5.3)
ZOOM_NEDERLAND = 7
# ~1 m precision is plenty for a marker and keeps 3,000-point maps small.
DECIMALEN = 5

_SOORT = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_URL_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _script(name: str) -> Markup:
    """One of our own scripts, put in the document as it is."""
    return Markup(files(__package__).joinpath("templates", name).read_text(encoding="utf-8").strip())


@cache
def _template() -> Template:
    env = Environment(loader=PackageLoader("socialekaart.maps"), autoescape=True, undefined=StrictUndefined, auto_reload=False)
    env.globals.update(
        tegels=TEGELS,
        tegel_url=TEGELS.build_url(fill_subdomain=False),
        attributie=ATTRIBUTIE,
        zoom_een_punt=ZOOM_EEN_PUNT,
        max_zoom=MAX_ZOOM_OVERZICHT,
        marker_js=_script("marker.js"),
        cluster_js=_script("cluster.js"),
        gedeeld_js=_script("gedeeld.js"),
    )
    return env.get_template("kaart.html")


@dataclass(frozen=True)
class Punt:
    """A marker: where, what it is called, the page it links to (relative to the map file)."""

    lat: float
    lon: float
    titel: str
    url: str | None
    soort: str

    def __post_init__(self) -> None:
        if not (math.isfinite(self.lat) and math.isfinite(self.lon)):
            raise ValueError(f"punt {self.titel!r} heeft geen geldige coördinaten")
        if not _SOORT.match(self.soort):
            raise ValueError(f"soort {self.soort!r} moet een slug zijn, zoals 'gezinshuis'")
        if self.url is not None and _URL_SCHEME.match(self.url) and not self.url.startswith(("http://", "https://")):
            raise ValueError(f"link {self.url!r} moet relatief zijn of met http(s):// beginnen")


def kaart_parameters(punten: list[Punt], titel: str) -> str:
    """The fragment that tells the shared map document what to show, e.g.
    '#t=Kaart%3A%20Maatjes&p=52.08,4.88,informele-steun,Buurthuis'. Points without a link only:
    the shared document is for a record's own places."""
    if any(p.url for p in punten):
        raise ValueError("de gedeelde kaart toont plekken zonder link; een overzicht krijgt een eigen kaart")
    punten = sorted(punten, key=lambda p: (p.titel, p.lat, p.lon, p.soort))
    paren = [("t", titel)] + [
        ("p", f"{round(p.lat, DECIMALEN)},{round(p.lon, DECIMALEN)},{p.soort},{naam}")
        for p, naam in zip(punten, _unieke_titels(p.titel for p in punten))
    ]
    return "#" + urlencode(paren, quote_via=quote, safe=",")


def gedeelde_kaart_html(titel: str = "Kaart") -> str:
    """The one map document every record page shares: it lies in assets/kaart/ itself and
    shows the points in its address (`kaart_parameters`), so a national site needs no map
    file per record."""
    return _document(titel, "", [], gedeeld=True)


def kaart_html(punten: list[Punt], titel: str, asset_prefix: str) -> str:
    """A complete HTML document showing `punten` on PDOK tiles.

    `asset_prefix` is the relative URL from the document to the site's assets/kaart/
    folder, e.g. '../assets/kaart/'. One point is shown at town level; several are
    fitted into view.
    """
    if asset_prefix and not asset_prefix.endswith("/"):
        asset_prefix += "/"
    punten = sorted(punten, key=lambda p: (p.titel, p.lat, p.lon, p.url or "", p.soort))
    return _document(titel, asset_prefix, punten)


def _document(titel: str, asset_prefix: str, punten: list[Punt], gedeeld: bool = False) -> str:
    rijen = [
        [round(p.lat, DECIMALEN), round(p.lon, DECIMALEN), titel_uniek, p.url, p.soort]
        for p, titel_uniek in zip(punten, _unieke_titels(p.titel for p in punten))
    ]
    return _template().render(
        titel=titel,
        prefix=asset_prefix,
        ids=_ids(titel),
        midden=_midden(punten),
        zoom=ZOOM_EEN_PUNT if len(punten) == 1 else ZOOM_NEDERLAND,
        rijen=rijen,
        grenzen=_grenzen(punten) if len(punten) > 1 else None,
        gedeeld=gedeeld,
    )


def _midden(punten: list[Punt]) -> tuple[float, float]:
    if not punten:
        return NEDERLAND_MIDDEN
    (zuid, west), (noord, oost) = _grenzen(punten)
    return ((zuid + noord) / 2, (west + oost) / 2)


def _grenzen(punten: list[Punt]) -> list[list[float]]:
    lats = [p.lat for p in punten]
    lons = [p.lon for p in punten]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def _unieke_titels(titels: Iterable[str]) -> Iterator[str]:
    """Titles that repeat get ' (2)', ' (3)', ... so every marker has its own name."""
    titels = list(titels)
    aantal = Counter(titels)
    gebruikt = set(aantal)
    volgnummer: Counter[str] = Counter()
    for titel in titels:
        if aantal[titel] == 1:
            yield titel
            continue
        volgnummer[titel] += 1
        kandidaat = titel if volgnummer[titel] == 1 else f"{titel} ({volgnummer[titel]})"
        while kandidaat != titel and kandidaat in gebruikt:
            volgnummer[titel] += 1
            kandidaat = f"{titel} ({volgnummer[titel]})"
        gebruikt.add(kandidaat)
        yield kandidaat


def _ids(titel: str) -> dict[str, str]:
    """Element ids derived from the title: stable from build to build (folium's were random)."""
    return {
        naam: hashlib.sha256(f"{titel}\0{naam}".encode("utf-8")).hexdigest()[:16]
        for naam in ("kaart", "tegels", "punten")
    }
