"""One map as a standalone HTML document, built with folium.

The site writes the document to its own file and embeds it with an iframe, so the
map's scripts and styles never mix with the Material theme. folium normally loads
Leaflet, jQuery, Bootstrap and Font Awesome from CDNs and gives every element a
random id; here every asset comes from the site's assets/kaart/ folder and ids are
derived from the content, so two builds of the same data are byte-identical.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import re
from collections import Counter
from urllib.parse import quote, urlencode
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.resources import files

import folium
import xyzservices.providers
from branca.element import Element, Figure
from folium.map import FitBounds
from folium.plugins import FastMarkerCluster
from folium.template import Template

from socialekaart.maps import assets

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


def _template(name: str) -> Template:
    return Template(files(__package__).joinpath("templates", name).read_text(encoding="utf-8"))


def _script(name: str) -> str:
    return files(__package__).joinpath("templates", name).read_text(encoding="utf-8")


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


class _Document(Figure):
    """The whole HTML file: Dutch language, a title and a visually hidden heading."""

    _template = _template("document.html")

    def __init__(self, title: str, asset_prefix: str) -> None:
        super().__init__(title=title)
        self._name = "Document"
        self.asset_prefix = asset_prefix
        # document.html declares the charset itself.
        self.header._children.pop("meta_http", None)


class _Kaart(folium.Map):
    """folium.Map with local Leaflet and without folium's user-scalable=no viewport."""

    _template = _template("map.html")

    def __init__(self, asset_prefix: str, **kwargs: object) -> None:
        super().__init__(tiles=None, **kwargs)
        # Instance attributes, so folium's class-level CDN lists stay untouched.
        self.default_js = [("leaflet", asset_prefix + assets.LEAFLET_JS)]
        self.default_css = [("leaflet_css", asset_prefix + assets.LEAFLET_CSS)]


class _Puntenlaag(FastMarkerCluster):
    """All points in one compact JSON array, turned into clustered markers in the browser."""

    def __init__(self, rows: list[list[object]], asset_prefix: str) -> None:
        super().__init__(
            rows,
            callback=_script("marker.js"),
            icon_create_function=_script("cluster.js"),
            show_coverage_on_hover=False,
        )
        self.default_js = [("markercluster", asset_prefix + assets.MARKERCLUSTER_JS)]
        self.default_css = [
            ("markercluster_css", asset_prefix + assets.MARKERCLUSTER_CSS),
            ("markercluster_default_css", asset_prefix + assets.MARKERCLUSTER_DEFAULT_CSS),
        ]


class _GedeeldePuntenlaag(_Puntenlaag):
    """The shared document's layer: its points come from the document's own address."""

    _template = _template("gedeeld.html")

    def __init__(self) -> None:
        super().__init__([], "")
        self.lees_adres = _script("gedeeld.js")
        self.max_zoom = MAX_ZOOM_OVERZICHT
        self.zoom_een_punt = ZOOM_EEN_PUNT


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
    document, kaart = _basis(titel, "", [])
    _GedeeldePuntenlaag().add_to(kaart)
    _stabiele_ids(document, titel)
    return document.render()


def _basis(titel: str, asset_prefix: str, punten: list[Punt]) -> tuple[_Document, _Kaart]:
    document = _Document(titel, asset_prefix)
    kaart = _Kaart(
        asset_prefix,
        location=_midden(punten),
        zoom_start=ZOOM_EEN_PUNT if len(punten) == 1 else ZOOM_NEDERLAND,
        zoom_control=False,  # map.html adds one with Dutch button titles
        scroll_wheel_zoom=False,  # the wheel keeps scrolling the page around the iframe
        max_bounds=True,
        min_lat=TEGELS.bounds[0][0],
        min_lon=TEGELS.bounds[0][1],
        max_lat=TEGELS.bounds[1][0],
        max_lon=TEGELS.bounds[1][1],
    )
    kaart.options["min_zoom"] = TEGELS.min_zoom
    document.add_child(kaart)
    folium.TileLayer(TEGELS, attr=ATTRIBUTIE, control=False).add_to(kaart)
    return document, kaart


def kaart_html(punten: list[Punt], titel: str, asset_prefix: str) -> str:
    """A complete HTML document showing `punten` on PDOK tiles.

    `asset_prefix` is the relative URL from the document to the site's assets/kaart/
    folder, e.g. '../assets/kaart/'. One point is shown at town level; several are
    fitted into view.
    """
    if asset_prefix and not asset_prefix.endswith("/"):
        asset_prefix += "/"
    punten = sorted(punten, key=lambda p: (p.titel, p.lat, p.lon, p.url or "", p.soort))
    document, kaart = _basis(titel, asset_prefix, punten)

    rows = [
        [round(p.lat, DECIMALEN), round(p.lon, DECIMALEN), titel_uniek, p.url, p.soort]
        for p, titel_uniek in zip(punten, _unieke_titels(p.titel for p in punten))
    ]
    _Puntenlaag(rows, asset_prefix).add_to(kaart)
    if len(punten) > 1:
        kaart.add_child(FitBounds(_grenzen(punten), padding=(24, 24), max_zoom=MAX_ZOOM_OVERZICHT))

    _stabiele_ids(document, titel)
    return document.render()


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


def _stabiele_ids(document: _Document, zaad: str) -> None:
    """Replace folium's random element ids by ids derived from the title and tree position."""
    teller = itertools.count()

    def bezoek(element: Element) -> None:
        tekst = f"{zaad}\0{next(teller)}\0{element._name}"
        element._id = hashlib.sha256(tekst.encode("utf-8")).hexdigest()[:16]
        for kind in element._children.values():
            bezoek(kind)

    for deel in (document, document.header, document.html, document.script):
        bezoek(deel)
