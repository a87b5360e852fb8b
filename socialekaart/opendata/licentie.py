"""The licence of the exported data: a region setting, CC0-1.0 unless the region says otherwise.

Read from mkdocs.yml `extra.socialekaart.licentie` (a licence id such as 'CC-BY-4.0', or
a mapping with `id`); anything missing or unreadable gives the default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

LICENTIE_STANDAARD = "CC0-1.0"


@dataclass(frozen=True)
class Licentie:
    id: str
    naam: str
    url: str | None


BEKEND = {
    "CC0-1.0": ("CC0 1.0 Universeel (publiek domein)", "https://creativecommons.org/publicdomain/zero/1.0/deed.nl"),
    "CC-BY-4.0": ("Creative Commons Naamsvermelding 4.0", "https://creativecommons.org/licenses/by/4.0/deed.nl"),
    "CC-BY-SA-4.0": ("Creative Commons Naamsvermelding-GelijkDelen 4.0", "https://creativecommons.org/licenses/by-sa/4.0/deed.nl"),
    "ODbL-1.0": ("Open Database License 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
}


def licentie(waarde: Any) -> Licentie:
    """A Licentie from the setting's value (a string, a mapping with 'id', or nothing)."""
    if isinstance(waarde, Mapping):
        waarde = waarde.get("id") or waarde.get("code") or waarde.get("naam")
    code = waarde.strip() if isinstance(waarde, str) and waarde.strip() else LICENTIE_STANDAARD
    naam, url = BEKEND.get(code, (code, None))
    return Licentie(code, naam, url)


def uit_extra(extra: Any) -> Licentie:
    """From MkDocs' `extra` config."""
    instellingen = extra.get("socialekaart") if isinstance(extra, Mapping) else None
    return licentie(instellingen.get("licentie") if isinstance(instellingen, Mapping) else None)


class _Verdraagzaam(yaml.SafeLoader):
    """mkdocs.yml may use tags like !!python/name: or !ENV; they do not matter here."""


_Verdraagzaam.add_multi_constructor("", lambda loader, suffix, node: None)


def uit_mkdocs_yml(pad: Path) -> Licentie:
    try:
        config = yaml.load(pad.read_text(encoding="utf-8"), Loader=_Verdraagzaam)  # noqa: S506 (safe loader subclass)
    except (OSError, yaml.YAMLError):
        config = None
    return uit_extra(config.get("extra") if isinstance(config, Mapping) else None)
