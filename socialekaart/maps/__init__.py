"""Maps for the site: folium/Leaflet documents with PDOK tiles and locally served assets."""

from __future__ import annotations

from socialekaart.maps.assets import map_assets
from socialekaart.maps.document import Punt, kaart_html

__all__ = ["Punt", "kaart_html", "map_assets"]
