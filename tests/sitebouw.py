"""Building the site in tests: `run_build()` (a real `mkdocs build --strict` in a separate
process) and `make_project()` (a project folder with its own data/).

A module of its own, not conftest.py: tests/ and tests/browser/ both have a conftest, so
`from conftest import ...` can pick the wrong one. Import these with `from sitebouw import ...`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The product tests' own data set (tests/fixtures/README.md); never the shipped data/.
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
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


def run_build(project: Path, site: Path, datum: str | None = None, env: dict[str, str] | None = None) -> BuildResult:
    """`mkdocs build --strict` in `project`, as a separate process (like a user or CI runs it).

    `datum` (YYYY-MM-DD) builds as if it were that day (SOCIALEKAART_DATUM); `env` adds variables.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    if datum:
        env["SOCIALEKAART_DATUM"] = datum
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site)


def make_project(target: Path, data: Path | None = None) -> Path:
    """A project folder using the real site files and a copy of `data` (default: the fixture data)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for part in PROJECT_PARTS:
        (target / part).symlink_to(ROOT / part, target_is_directory=True)
    shutil.copytree(data or FIXTURE_DATA, target / "data")
    return target
