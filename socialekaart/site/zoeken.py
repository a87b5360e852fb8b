"""Search for parents: what each page tells the search index, the region's synonyms and the
lokaal-team contacts shown when a search finds nothing.

The index itself is built by Pagefind after the site is written (`pagefind_index`); the
page in the browser (overrides/assets/javascripts/zoeken.js) reads the files made here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..models import KaartRecord
from ..problems import DataError, Problem
from .data import SiteData
from .pagina import Pagina
from .zoekdelen import zoekdelen

SYNONIEMEN_BESTAND = "zoeken/synoniemen.json"
TEAMS_BESTAND = "zoeken/teams.json"
PAGEFIND_MAP = "pagefind"  # the sociale kaart's index, its first part (the search page preloads it)
PAGEFIND_TEGELIJK = 2  # Pagefind runs at the same time in a build (see pagefind_index)
PAGEFIND_DEEL = re.compile(r"pagefind-[0-9]+")  # its later parts: pagefind-2/, pagefind-3/, ...
PAGEFIND_AGENDA = "pagefind-agenda"
AGENDA = "agenda"
# Only the page content: Material's header, navigation and footer would match every query.
PAGEFIND_ROOT = "article.md-content__inner"
# Pages that are not for parents: the editors' overview and the widget for gemeente websites.
NIET_GEZOCHT = frozenset({"redactie", "widget"})
# Top-level folders that are not in the sociale kaart's index.
NIET_IN_KAART = frozenset({AGENDA, PAGEFIND_MAP, PAGEFIND_AGENDA, "assets", "search", *NIET_GEZOCHT})

# The first part of a page's path says what kind of page it is.
SOORTEN: dict[str, str] = {
    "informele-steun": "Informele steun",
    "lokale-teams": "Lokaal team",
    "voor-scholen": "Voor scholen",
    "gemeenten": "Gemeente",
    "gezinshuizen": "Gezinshuizen",
    "aanbieders": "Aanbieder",
    "agenda": "Regionale agenda",
}


@dataclass(frozen=True)
class Zoekkenmerken:
    soort: str
    gemeenten: list[str]


def zoekkenmerken(pagina: Pagina, site: SiteData) -> Zoekkenmerken:
    """Kind and gemeenten of a generated page, shown with it as a search result."""
    eerste = pagina.pad.split("/", 1)[0]
    soort = SOORTEN.get(eerste, "Informatie")
    if pagina.pad.count("/") == 1 and eerste != AGENDA:
        soort = "Overzicht"  # 'informele-steun/': the list, not one record
    return Zoekkenmerken(soort, _gemeenten(pagina.context, site))


def _gemeenten(context: Mapping[str, Any], site: SiteData) -> list[str]:
    codes: list[str] = list(context.get("gemeente_codes", []))
    gemeente = context.get("gemeente")
    if gemeente is not None and hasattr(gemeente, "code"):
        codes.append(gemeente.code)
    for waarde in context.values():
        if isinstance(waarde, KaartRecord):
            codes += getattr(waarde, "gemeenten", None) or []
            if isinstance(getattr(waarde, "gemeente", None), str):
                codes.append(waarde.gemeente)
    namen = dict.fromkeys(site.gemeente_naam(code) for code in codes)
    return list(namen)


def teams_per_gemeente(site: SiteData) -> dict[str, dict[str, str]]:
    """Gemeente name -> its lokaal team's general contact (one pass over the teams)."""
    uit: dict[str, dict[str, str]] = {}
    for team in sorted(site.dataset.lokale_teams.values(), key=lambda t: t.naam):
        contact = {"team": team.naam, "pad": f"lokale-teams/{team.id}/"}
        if team.contact.telefoon:
            contact["telefoon"] = str(team.contact.telefoon)
        if team.contact.email:
            contact["email"] = str(team.contact.email)
        for code in team.gemeenten:
            uit.setdefault(site.gemeente_naam(code), contact)
    return uit


def zoekbestanden(site: SiteData, synoniemen: list[list[str]]) -> dict[str, str]:
    """The small JSON files the search page loads: synonyms always, teams only on no results."""
    return {
        SYNONIEMEN_BESTAND: json.dumps(synoniemen, ensure_ascii=False),
        TEAMS_BESTAND: json.dumps(teams_per_gemeente(site), ensure_ascii=False, sort_keys=True),
    }


def lees_synoniemen(waarde: Any, config_bestand: Path) -> list[list[str]]:
    """`extra.zoeken.synoniemen` from mkdocs.yml: groups of words that mean the same to parents.

    Every problem is told in Dutch at its line and column in mkdocs.yml.
    """
    if waarde is None:
        return []
    posities = _posities(config_bestand)
    veld = "extra.zoeken.synoniemen"
    problemen: list[Problem] = []

    def fout(pad: tuple[int, ...], bericht: str) -> None:
        regel, kolom = posities.get(pad, posities.get((), (1, 1)))
        naam = veld + "".join(f"[{i + 1}]" for i in pad)
        problemen.append(Problem(config_bestand.name, regel, kolom, naam, bericht))

    groepen: list[list[str]] = []
    gezien: dict[str, int] = {}
    if not isinstance(waarde, list):
        fout((), "verwacht een lijst van groepen woorden, bijvoorbeeld '- [scheiding, echtscheiding]'")
    else:
        for g, groep in enumerate(waarde):
            if not isinstance(groep, list) or len(groep) < 2:
                fout((g,), "een groep is een lijst van minstens twee woorden, bijvoorbeeld [pesten, gepest]")
                continue
            woorden: list[str] = []
            for w, woord in enumerate(groep):
                tekst = str(woord).strip().lower() if isinstance(woord, (str, int)) else ""
                if not tekst:
                    fout((g, w), "een woord mag niet leeg zijn en moet tekst zijn")
                elif tekst in gezien and gezien[tekst] != g:
                    fout((g, w), f"'{tekst}' staat al in groep {gezien[tekst] + 1}; zet het woord in één groep")
                else:
                    gezien[tekst] = g
                    woorden.append(tekst)
            groepen.append(woorden)
    if problemen:
        raise DataError(problemen)
    return groepen


def _posities(config_bestand: Path) -> dict[tuple[int, ...], tuple[int, int]]:
    """(group, word) -> (line, column) of `extra.zoeken.synoniemen` in mkdocs.yml."""
    try:
        wortel = yaml.compose(config_bestand.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return {}
    knoop = wortel
    for sleutel in ("extra", "zoeken", "synoniemen"):
        if not isinstance(knoop, yaml.MappingNode):
            return {}
        knoop = next((v for k, v in knoop.value if k.value == sleutel), None)
    if knoop is None:
        return {}
    posities = {(): (knoop.start_mark.line + 1, knoop.start_mark.column + 1)}
    if isinstance(knoop, yaml.SequenceNode):
        for g, groep in enumerate(knoop.value):
            posities[(g,)] = (groep.start_mark.line + 1, groep.start_mark.column + 1)
            if isinstance(groep, yaml.SequenceNode):
                for w, woord in enumerate(groep.value):
                    posities[(g, w)] = (woord.start_mark.line + 1, woord.start_mark.column + 1)
    return posities


def kaartdelen(paginas: Iterable[str]) -> list[str]:
    """The Pagefind glob of each part of the sociale kaart's index, from the site's page paths
    ('informele-steun/x/index.html'); see zoekdelen.py for why there are parts."""
    return zoekdelen(paginas, NIET_IN_KAART)


def pagefind_mappen(delen: int) -> list[str]:
    """The folder of each part of the sociale kaart's index: pagefind/, pagefind-2/, ..."""
    return [PAGEFIND_MAP, *(f"pagefind-{i}" for i in range(2, delen + 1))]


# Pagefind writes its own search interfaces into every index; the search page has its own
# (overrides/assets/javascripts/zoeken.js, on pagefind.js), so these are never downloaded.
PAGEFIND_UI = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)


def pagefind_index(site_dir: Path, kaart: list[str], achtergrond: bool = False) -> list[str]:
    """Index the written site with Pagefind (its binary comes in the `pagefind-bin` wheel,
    nothing is downloaded); returns Pagefind's summary line per index. `kaart` holds the glob
    of each part of the sociale kaart's index (`kaartdelen`). `achtergrond` runs it at low
    priority (in `mkdocs serve`, so it never slows the next rebuild).

    The sociale kaart and the hand-written pages are indexed part by part (`pagefind/`,
    `pagefind-2/`, ...: one run over all pages needs too much memory nationally), two runs
    at a time; the search page merges them. The regional agenda has an index of its
    own, `pagefind-agenda/`, so agenda pages can never push records down. (Not one index with
    Pagefind filters: those are written in a different order on every run, and two builds
    must stay byte-identical.) The binary runs to its end, so every file is written when
    this returns.
    """
    from pagefind_bin import get_executable

    mappen = pagefind_mappen(len(kaart))
    for oud in site_dir.iterdir():  # a part left by an earlier build (mkdocs serve --dirty)
        if PAGEFIND_DEEL.fullmatch(oud.name) and oud.name not in mappen:
            shutil.rmtree(oud)
    indexen = list(zip(kaart, mappen))
    if (site_dir / AGENDA).is_dir():  # a region may publish no agenda; the search page copes
        indexen.append((f"{AGENDA}/**/index.html", PAGEFIND_AGENDA))

    def run(index: tuple[str, str]) -> str:
        glob, uitvoer = index
        opdracht = [
            str(get_executable()), "--site", str(site_dir), "--output-subdir", uitvoer,
            "--root-selector", PAGEFIND_ROOT, "--force-language", "nl", "--glob", glob,
        ]
        laag = (lambda: os.nice(10)) if achtergrond and hasattr(os, "nice") else None
        uit = subprocess.run(opdracht, capture_output=True, text=True, check=False, preexec_fn=laag)
        if uit.returncode != 0:
            raise RuntimeError(f"Pagefind kon de zoekindex niet maken:\n{uit.stdout}{uit.stderr}")
        for naam in PAGEFIND_UI:  # about 420 KB per index that no page loads
            (site_dir / uitvoer / naam).unlink(missing_ok=True)
        return next((r.strip() for r in uit.stdout.splitlines() if "Indexed" in r and "page" in r), "")

    # Two parts at a time in a build: a run keeps one core busy only part of its time. Together
    # they stay below the build's own peak (its page-writing helper holds as much as both).
    # In `mkdocs serve`'s background one at a time, to leave the next save a core.
    with ThreadPoolExecutor(max_workers=1 if achtergrond else PAGEFIND_TEGELIJK) as pool:
        return list(pool.map(run, indexen))
