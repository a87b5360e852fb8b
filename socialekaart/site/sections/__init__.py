"""Registry of site sections. Every module in this package is imported by `all_pages()`."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from ..data import SiteData
from ..pagina import Pagina

Section = Callable[[SiteData], Iterable[Pagina]]
SECTIONS: list[Section] = []
# Other files a section writes (an iCal feed, say): src_uri -> content.
Files = Callable[[SiteData], Mapping[str, str | bytes]]
FILES: list[Files] = []


def section(func: Section) -> Section:
    """Register a function that yields the pages of one part of the site."""
    SECTIONS.append(func)
    return func


def files(func: Files) -> Files:
    """Register a function that returns the non-page files of one part of the site."""
    FILES.append(func)
    return func


# The page of one record, per data folder: the sections use these, and `mkdocs serve` makes the
# page of a saved record with them first, before the rest of the site.
RecordPagina = Callable[[SiteData, Any], Pagina | list[Pagina] | None]  # a region: its gemeenten's pages
RECORD_PAGINAS: dict[str, RecordPagina] = {}


def record_pagina(folder: str) -> Callable[[RecordPagina], RecordPagina]:
    """Register the function that makes the page of one record of `folder`."""
    def registreer(func: RecordPagina) -> RecordPagina:
        RECORD_PAGINAS[folder] = func
        return func
    return registreer


def record_paginas() -> Mapping[str, RecordPagina]:
    _import_all()
    return RECORD_PAGINAS


def all_files(site: SiteData) -> Iterator[tuple[str, str | bytes]]:
    _import_all()
    for func in FILES:
        yield from func(site).items()


def _import_all() -> None:
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        importlib.import_module(f"{__name__}.{module.name}")


def all_pages(site: SiteData) -> Iterator[Pagina]:
    """Every generated page; a duplicate `pad` is a programming error, so it fails loudly."""
    _import_all()
    seen: set[str] = set()
    for func in SECTIONS:
        for pagina in func(site):
            if pagina.pad in seen:
                raise ValueError(f"twee pagina's op dezelfde plek: {pagina.pad}")
            seen.add(pagina.pad)
            yield pagina
