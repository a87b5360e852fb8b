"""The static files a map page loads, served from the site itself instead of a CDN."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import xstatic.pkg.leaflet as leaflet
import xstatic.pkg.leaflet_markercluster as markercluster

# File names under the site's assets/kaart/ folder.
LEAFLET_JS = "leaflet.js"
LEAFLET_CSS = "leaflet.css"
MARKERCLUSTER_JS = "leaflet.markercluster.js"
MARKERCLUSTER_CSS = "MarkerCluster.css"
MARKERCLUSTER_DEFAULT_CSS = "MarkerCluster.Default.css"
KAART_CSS = "kaart.css"
GEDEELDE_KAART = "kaart.html"  # the map document record pages share (document.gedeelde_kaart_html)


def map_assets() -> dict[str, bytes]:
    """Every file to publish under assets/kaart/, keyed by its '/'-separated path there.

    jQuery is not included: our maps use no code that needs it. Source maps are left out;
    browsers only ask for them with developer tools open.
    """
    leaflet_dir = Path(leaflet.BASE_DIR)
    cluster_dir = Path(markercluster.BASE_DIR)
    assets = {
        LEAFLET_JS: (leaflet_dir / LEAFLET_JS).read_bytes(),
        LEAFLET_CSS: (leaflet_dir / LEAFLET_CSS).read_bytes(),
        MARKERCLUSTER_JS: (cluster_dir / MARKERCLUSTER_JS).read_bytes(),
        MARKERCLUSTER_CSS: (cluster_dir / MARKERCLUSTER_CSS).read_bytes(),
        MARKERCLUSTER_DEFAULT_CSS: (cluster_dir / MARKERCLUSTER_DEFAULT_CSS).read_bytes(),
        KAART_CSS: files(__package__).joinpath("static", KAART_CSS).read_bytes(),
    }
    # leaflet.css finds the marker and layer images relative to itself (images/...).
    for image in sorted((leaflet_dir / "images").glob("*.png")):
        assets[f"images/{image.name}"] = image.read_bytes()
    from socialekaart.maps.document import gedeelde_kaart_html  # document.py imports this module

    assets[GEDEELDE_KAART] = gedeelde_kaart_html().encode("utf-8")
    return assets
