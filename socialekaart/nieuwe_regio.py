"""`socialekaart init`: a complete, valid starting repository for a new region.

The site files (content/, hooks/, overrides/, mkdocs.yml, workflows) are the product's own,
shipped in the package under `startproject/`; only the region's identity and its gemeenten
are written in. Nothing of another region is copied.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from importlib import metadata
from importlib.resources import as_file, files
from pathlib import Path

from jinja2 import Environment, StrictUndefined
from pydantic import TypeAdapter, ValidationError

from .instellingen import Instellingen
from .load import slugify
from .messages import dutch
from .models.common import GEMEENTECODE_PATTERN, Website
from .schema import schema_comment, write_schemas

GEMEENTE = re.compile(r"^\s*([^=]+?)\s*=\s*(.+?)\s*$")
_KOPIEER = ("content", "hooks", "overrides")
_NIET = shutil.ignore_patterns("__pycache__", "*.pyc")


class InitFout(Exception):
    """Input `init` cannot use: a Dutch message for the person at the terminal."""


@dataclass(frozen=True)
class NieuweRegio:
    instellingen: Instellingen
    gemeenten: list[tuple[str, str]]  # (code, naam)
    site_url: str | None = None
    repo_url: str | None = None

    @property
    def regio_id(self) -> str:
        """'Regio Rivierenland' -> 'rivierenland'."""
        naam = re.sub(r"^regio\s+", "", self.instellingen.regio, flags=re.IGNORECASE)
        return slugify(naam)


def lees_gemeenten(waarden: list[str]) -> list[tuple[str, str]]:
    """'GM0281=Tiel' -> ('GM0281', 'Tiel'); wrong form, wrong code or a code twice: InitFout."""
    gemeenten: list[tuple[str, str]] = []
    for waarde in waarden:
        match = GEMEENTE.match(waarde)
        if not match:
            raise InitFout(f"--gemeente '{waarde}': schrijf de CBS-code en de naam als GM0000=Naam, bijvoorbeeld GM0281=Tiel")
        code, naam = match.groups()
        if not re.match(GEMEENTECODE_PATTERN, code):
            raise InitFout(f"--gemeente '{waarde}': '{code}' is geen CBS-gemeentecode; die is 'GM' met 4 cijfers, bijvoorbeeld GM0281")
        if any(code == c for c, _ in gemeenten):
            raise InitFout(f"--gemeente '{waarde}': gemeentecode {code} staat er twee keer in; een gemeente hoort één keer bij de regio")
        gemeenten.append((code, naam))
    if not gemeenten:
        raise InitFout("geef minstens één gemeente, bijvoorbeeld --gemeente GM0281=Tiel")
    return gemeenten


def maak_instellingen(**waarden: str | None) -> Instellingen:
    """The identity from the command line, checked by the same model as mkdocs.yml."""
    try:
        return Instellingen.model_validate({k: v for k, v in waarden.items() if v is not None})
    except ValidationError as error:
        eerste = error.errors()[0]
        optie = "--" + str(eerste["loc"][0]).replace("_", "-")
        raise InitFout(f"{optie}: {dutch(eerste, Instellingen)}") from None


def controleer_url(optie: str, waarde: str | None) -> str | None:
    """--site-url and --repo-url: a web address or nothing (MkDocs would refuse it in English)."""
    if waarde is None:
        return None
    try:
        return TypeAdapter(Website).validate_python(waarde)
    except ValidationError as error:
        raise InitFout(f"{optie}: {error.errors()[0]['msg']}") from None


def controleer_doelmap(doel: Path) -> None:
    if doel.exists() and (not doel.is_dir() or any(doel.iterdir())):
        raise InitFout(f"'{doel}' bestaat al en is niet leeg; kies een nieuwe of lege map, dan wordt er niets overschreven")


def maak_project(doel: Path, regio: NieuweRegio) -> list[str]:
    """Write the starting repository to `doel` (new or empty) and return what was made.

    Everything is written to a temporary folder next to `doel` first and moved into place
    at the end, so a failure halfway leaves nothing behind.
    """
    controleer_doelmap(doel)
    doel.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=doel.parent, prefix=".socialekaart-init-") as tijdelijk:
        bouw = Path(tijdelijk) / "project"
        _schrijf(bouw, regio)
        gemaakt = sorted(p.relative_to(bouw).as_posix() for p in bouw.rglob("*") if p.is_file())
        if doel.exists():
            doel.rmdir()  # empty, checked above
        shutil.move(str(bouw), str(doel))
    return gemaakt


def _schrijf(bouw: Path, regio: NieuweRegio) -> None:
    with as_file(files("socialekaart") / "startproject") as bron:
        for deel in _KOPIEER:
            shutil.copytree(bron / deel, bouw / deel, ignore=_NIET)
        workflows = bouw / ".github" / "workflows"
        shutil.copytree(bron / "workflows", workflows)
        (bouw / "mkdocs.yml").write_text(mkdocs_yml((bron / "mkdocs.yml").read_text(encoding="utf-8"), regio), encoding="utf-8")
        readme = (bron / "README.md.jinja").read_text(encoding="utf-8")
    context = {"instellingen": regio.instellingen, "regio_id": regio.regio_id, "gemeenten": regio.gemeenten}
    (bouw / "README.md").write_text(Environment(undefined=StrictUndefined, keep_trailing_newline=True).from_string(readme).render(context), encoding="utf-8")
    (bouw / "requirements.txt").write_text(f"socialekaart=={_versie()}\n", encoding="utf-8")
    (bouw / ".gitignore").write_text("/site/\n.venv/\n__pycache__/\n", encoding="utf-8")
    write_schemas(bouw / "schemas")
    regio_map = bouw / "data" / "regios"
    regio_map.mkdir(parents=True)
    (regio_map / f"{regio.regio_id}.yml").write_text(regio_yml(regio), encoding="utf-8")


def regio_yml(regio: NieuweRegio) -> str:
    regels = [schema_comment("regios", 2), f"naam: {_tekst(regio.instellingen.regio)}", "gemeenten:"]
    for code, naam in regio.gemeenten:
        regels += [f"  - code: {code}", f"    naam: {_tekst(naam)}"]
    return "\n".join(regels) + "\n"


_IDENTITEIT_BLOK = re.compile(r"^extra:\n(?:[ \t]+.*\n|[ \t]*\n(?=[ \t]))*", re.MULTILINE)


def mkdocs_yml(voorbeeld: str, regio: NieuweRegio) -> str:
    """The product's mkdocs.yml with the region's name, addresses and identity written in."""
    i = regio.instellingen
    waarden = {
        "site_name": f"Sociale kaart jeugd {i.regio_naam}",
        "site_description": f"Hulp en steun voor kinderen, jongeren en ouders in {i.regio_naam}, bij jou in de buurt.",
        "site_url": regio.site_url,
        "repo_url": regio.repo_url,
        "repo_name": _repo_naam(regio.repo_url),
        # Without a repository MkDocs cannot make edit links, and warns (fails --strict).
        "edit_uri": "edit/main/content/" if regio.repo_url else None,
    }
    tekst = voorbeeld
    for sleutel, waarde in waarden.items():
        regel = f"{sleutel}: {_tekst(waarde)}" if waarde else f"# {sleutel}:"
        tekst, n = re.subn(rf"^#?[ \t]*{sleutel}:.*$", regel, tekst, count=1, flags=re.MULTILINE)
        if n != 1:
            raise RuntimeError(f"mkdocs.yml van het product heeft geen regel '{sleutel}:'")
    blok = ["extra:", "  socialekaart:"]
    for veld in ("regio", "organisatie", "correctie_email", "privacy_contact", "licentie"):
        blok.append(f"    {veld}: {_tekst(getattr(i, veld))}")
    tekst, n = _IDENTITEIT_BLOK.subn("\n".join(blok) + "\n", tekst, count=1)
    if n != 1:
        raise RuntimeError("mkdocs.yml van het product heeft geen blok 'extra:'")
    return tekst


def _repo_naam(repo_url: str | None) -> str | None:
    """'https://github.com/org/repo' -> 'org/repo'."""
    if not repo_url:
        return None
    return "/".join(repo_url.rstrip("/").split("/")[-2:])


def _tekst(waarde: str) -> str:
    """A YAML scalar in double quotes (a JSON string is one): safe for ':' and '#' in names."""
    return json.dumps(waarde, ensure_ascii=False)


def _versie() -> str:
    try:
        return metadata.version("socialekaart")
    except metadata.PackageNotFoundError:  # run from a source folder without installing
        return "0.1.0"
