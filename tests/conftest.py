"""Shared fixtures: the real site, built once per session with `mkdocs build --strict`.

`built_site` is the site from the fixture data (tests/fixtures/data) (Path of the output folder); `site_build`
is that build with its log; `site_in_delen` is that site with its search index in parts of
`DELEN_MAX` pages. Tests that need a site from other data use `make_project()` and
`run_build()` from tests/sitebouw.py.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sitebouw import DELEN_MAX, ROOT, BuildResult, make_project, run_build, run_build_in_delen

__all__ = ["ROOT", "BuildResult", "make_project", "run_build"]  # older imports `from conftest import ...`


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The build of the fixture data, with its log."""
    base = tmp_path_factory.mktemp("site")
    return run_build(make_project(base / "project"), base / "site")


@pytest.fixture(scope="session")
def built_site(site_build: BuildResult) -> Iterator[Path]:
    """Path of the site built from the fixture data (fails the test if the build failed)."""
    if site_build.returncode != 0:
        pytest.fail(f"mkdocs build --strict faalde:\n{site_build.output}")
    yield site_build.site


@pytest.fixture(scope="session")
def site_in_delen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture data's site with its search index in parts of `DELEN_MAX` pages (at national
    scale the parts hold thousands of pages; see socialekaart/site/zoekdelen.py)."""
    base = tmp_path_factory.mktemp("zoekdelen")
    result = run_build_in_delen(make_project(base / "project"), base / "site", DELEN_MAX)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict faalde:\n{result.output}")
    return result.site


@pytest.fixture
def werkmap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding a copy of the small valid data set (tests/corpus/_basis) in ./data."""
    shutil.copytree(ROOT / "tests" / "corpus" / "_basis" / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def helper_mag(monkeypatch: pytest.MonkeyPatch) -> None:
    """A forked helper process (socialekaart/parallel.py) also on a 1-core runner and after
    another test left a thread running."""
    from socialekaart import parallel

    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    monkeypatch.setattr(parallel, "_can_fork", lambda: True)
