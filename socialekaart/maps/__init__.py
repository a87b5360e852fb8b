"""Maps for the site: Leaflet documents with PDOK tiles and locally served assets."""

from __future__ import annotations

from socialekaart.maps.assets import GEDEELDE_KAART, map_assets
from socialekaart.maps.document import Punt, gedeelde_kaart_html, kaart_html, kaart_parameters

__all__ = ["GEDEELDE_KAART", "Punt", "gedeelde_kaart_html", "kaart_html", "kaart_parameters", "map_assets"]
