"""Open data out and in. Out: the checked data set as HSDS 3.0 (JSON and data package) and as plain
CSV, JSON and GeoJSON per record type.

Everything here works on a checked `Dataset` and returns files as `{naam: bytes}`; the
CLI writes them to a folder, the site puts them under /open-data/. Privacy lives in one
place (`publiek.py`): every export starts from what the site itself publishes.
In: `importeer/` turns a spreadsheet, a CSV file or an HSDS export back into YAML records,
checked like the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .licentie import LICENTIE_STANDAARD, Licentie, licentie

if TYPE_CHECKING:
    from .export import Export, exporteer, schrijf_map

__all__ = ["LICENTIE_STANDAARD", "Export", "Licentie", "exporteer", "licentie", "schrijf_map"]


def __getattr__(name: str) -> Any:
    """The export is loaded when it is first asked for: it brings in the site's labels and with
    them the map library, a second of start-up that `socialekaart importeer` does not need."""
    if name in ("Export", "exporteer", "schrijf_map"):
        from . import export

        return getattr(export, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
