"""Building the site in tests: `run_build()` (a real `mkdocs build --strict` in a separate
process) and `make_project()` (a project folder with its own data/).

A module of its own, not conftest.py: tests/ and tests/browser/ both have a conftest, so
`from conftest import ...` can pick the wrong one. Import these with `from sitebouw import ...`.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The product tests' own data set (tests/fixtures/README.md); never the shipped data/.
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
# Pages per part of the search index in the test builds in parts (conftest `site_in_delen`): the
# fixture data's 72 indexed pages in 4 parts, informele-steun split between two of them.
DELEN_MAX = 20
PAGEFIND_KOP = b"pagefind_dcd"  # Pagefind's marker before the JSON of a fragment
# Everything a build needs besides data/; linked, not copied, so tests always use the real files.
PROJECT_PARTS = ("content", "hooks", "overrides")


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str  # stdout and stderr together, as a user sees them
    site: Path

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.output.splitlines() if line.startswith(("WARNING", "ERROR"))]


def run_build(
    project: Path, site: Path, datum: str | None = None, env: dict[str, str] | None = None, vooraf: str = ""
) -> BuildResult:
    """`mkdocs build --strict` in `project`, as a separate process (like a user or CI runs it).

    `datum` (YYYY-MM-DD) builds as if it were that day (SOCIALEKAART_DATUM); `env` adds variables;
    `vooraf` is Python run in that process before MkDocs starts, to change a module constant
    for a test (for example a smaller part of the search index) without a setting for users.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    if datum:
        env["SOCIALEKAART_DATUM"] = datum
    mkdocs = ["build", "--strict", "--site-dir", str(site)]
    opdracht = ["-m", "mkdocs", *mkdocs]
    if vooraf:
        opdracht = ["-c", f"{vooraf}\nimport runpy, sys\nsys.argv = ['mkdocs', *{mkdocs!r}]\nrunpy.run_module('mkdocs', run_name='__main__')"]
    proc = subprocess.run(
        [sys.executable, *opdracht],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site)


def run_build_in_delen(project: Path, site: Path, deel_max: int) -> BuildResult:
    """`run_build` with the sociale kaart's search index in parts of `deel_max` pages
    (socialekaart/site/zoekdelen.py), dated today at midnight so that two such builds are
    byte-identical (SOURCE_DATE_EPOCH, as in the reproducibility test)."""
    vandaag = datetime.now(timezone.utc).date()
    epoch = int(datetime(vandaag.year, vandaag.month, vandaag.day, tzinfo=timezone.utc).timestamp())
    vooraf = f"import socialekaart.site.zoekdelen as z; z.DEEL_MAX = {deel_max}"
    return run_build(project, site, env={"SOURCE_DATE_EPOCH": str(epoch)}, vooraf=vooraf)


def kaart_fragmenten(site: Path) -> dict[str, list[dict]]:
    """Part folder of the sociale kaart's search index ('pagefind', 'pagefind-2', ...) -> the
    fragments Pagefind wrote there (per page: url, content, meta), in part order."""
    mappen = [p for p in site.iterdir() if re.fullmatch(r"pagefind(-[0-9]+)?", p.name)]
    uit: dict[str, list[dict]] = {}
    for map_ in sorted(mappen, key=lambda p: int(p.name.rpartition("-")[2]) if "-" in p.name else 1):
        uit[map_.name] = []
        for bestand in sorted((map_ / "fragment").glob("*.pf_fragment")):
            ruw = gzip.decompress(bestand.read_bytes())
            assert ruw.startswith(PAGEFIND_KOP), bestand
            uit[map_.name].append(json.loads(ruw[len(PAGEFIND_KOP):]))
    return uit


def make_project(target: Path, data: Path | None = None) -> Path:
    """A project folder using the real site files and a copy of `data` (default: the fixture data)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for part in PROJECT_PARTS:
        (target / part).symlink_to(ROOT / part, target_is_directory=True)
    shutil.copytree(data or FIXTURE_DATA, target / "data")
    return target
