"""One data folder, several regions: a build for some of them (`extra.socialekaart.regios`).

Only the chosen regions' gemeenten, teams, records and agendas stay; the rest of the site is
built from this smaller data set exactly as from a folder that holds only these regions.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from .load import Dataset
from .models import Record


def kies_regios(dataset: Dataset, regio_ids: Collection[str]) -> Dataset:
    """The records of `dataset` that belong to the regions `regio_ids` (all known to exist)."""
    ids = set(regio_ids)
    codes = {g.code for r in dataset.regios.values() if r.id in ids for g in r.gemeenten}
    hoort_bij: dict[str, Callable[[Record], bool]] = {
        "regios": lambda r: r.id in ids,
        "lokale-teams": lambda t: any(c in codes for c in t.gemeenten),
        "informele-steun": lambda i: i.regio in ids,
        "gezinshuizen": lambda h: h.gemeente in codes,
        "providers": lambda a: any(r in ids for r in a.regios) or any(c in codes for c in a.gemeenten),
        "agendas": lambda a: a.id in ids,
        "agenda": lambda a: a.id.split("/", 1)[0] in ids,
    }
    records = {
        folder: {rid: rec for rid, rec in inhoud.items() if hoort_bij.get(folder, lambda _: True)(rec)}
        for folder, inhoud in dataset.records.items()
    }
    return Dataset(
        root=dataset.root, records=records, paths=dataset.paths, files=dataset.files,
        _positions=dataset._positions, bestanden=dataset.bestanden, ongeldig=dataset.ongeldig,
    )
