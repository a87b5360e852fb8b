"""Open data on every build: the export files under /open-data/ and the page that lists
them with the licence, the export date and a data dictionary per field."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ...opendata import Export, exporteer
from ...opendata.publiek import SOORT_LABELS, SOORTEN, niet_gepubliceerd
from ...opendata.tabel import tabellen
from ..data import SiteData
from ..pagina import Pagina
from . import files, section

PAD = "open-data/"
_laatste: tuple[SiteData, int, Export] | None = None


def _export(site: SiteData) -> Export:
    """One export per build (the page lists its files' sizes from the files). The build's
    SiteData itself and its version are the key (held, so `mkdocs serve` never mistakes a new
    one, or one with a record changed in place, for it)."""
    global _laatste
    if _laatste is None or _laatste[0] is not site or _laatste[1] != site.versie:
        _laatste = (site, site.versie, exporteer(site.dataset, site.vandaag, gegevenslicentie=site.licentie))
    return _laatste[2]


def grootte(aantal: int) -> str:
    return f"{aantal / 1024:.0f} kB".replace(".", ",") if aantal >= 1024 else f"{aantal} bytes"


def _over_bestanden(site_bestanden: Mapping[str, str | bytes]) -> dict[str, object]:
    """Which export files there are and how large, from the files the build made."""
    bestanden = {uri[len(PAD):]: inhoud for uri, inhoud in site_bestanden.items() if uri.startswith(PAD)}
    soorten = [
        {
            "soort": soort,
            "label": SOORT_LABELS[soort],
            "tabellen": tabellen(soort),
            "bestanden": [(naam, grootte(len(bestanden[naam])))
                          for naam in [f"{t.naam}.csv" for t in tabellen(soort)] + [f"{soort}.json", f"{soort}.geojson"]
                          if naam in bestanden],
        }
        for soort in SOORTEN
    ]
    hsds = [(naam, grootte(len(inhoud))) for naam, inhoud in bestanden.items() if naam.startswith("hsds/")]
    return {"soorten": soorten, "hsds": hsds}


@section
def open_data(site: SiteData) -> Iterator[Pagina]:
    # The export itself is made while the other pages render (build.py); this page follows it.
    yield Pagina(
        PAD,
        "open_data.html",
        {"licentie": site.licentie, "niet_gepubliceerd": niet_gepubliceerd()},
        titel="Open data",
        in_nav=True,
        beschrijving="Alle gegevens van de sociale kaart om te downloaden: CSV, JSON, GeoJSON en Open Referral HSDS 3.0.",
        over_bestanden=_over_bestanden,
    )


@files
def open_data_bestanden(site: SiteData) -> Mapping[str, bytes]:
    return {PAD + naam: inhoud for naam, inhoud in _export(site).bestanden.items()}
