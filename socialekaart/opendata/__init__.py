"""Open data out and in. Out: the checked data set as HSDS 3.0 (JSON and data package) and as plain
CSV, JSON and GeoJSON per record type.

Everything here works on a checked `Dataset` and returns files as `{naam: bytes}`; the
CLI writes them to a folder, the site puts them under /open-data/. Privacy lives in one
place (`publiek.py`): every export starts from what the site itself publishes.
In: `importeer/` turns a spreadsheet, a CSV file or an HSDS export back into YAML records,
checked like the rest.
"""

from __future__ import annotations

from .export import Export, exporteer, schrijf_map
from .licentie import LICENTIE_STANDAARD, Licentie, licentie

__all__ = ["LICENTIE_STANDAARD", "Export", "Licentie", "exporteer", "licentie", "schrijf_map"]
