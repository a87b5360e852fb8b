"""A forked helper writes every other generated page (socialekaart/site/mkdocs_helft.py): the
site is the same byte for byte, its warnings still fail `--strict`, and its failure is an
error, never a hang or a half-written site that counts as built."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import pytest
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from sitebouw import make_project, run_build

from socialekaart.site import mkdocs_helft, mkdocs_stand

OUDER = os.getpid()


@pytest.fixture
def met_helper(helper_mag, monkeypatch):
    """The helper also for the small fixture site; counts the pages it was given."""
    monkeypatch.setattr(mkdocs_helft, "MIN_PAGINAS", 2)
    gegeven: list[int] = []
    start = mkdocs_helft.Helft.start

    def tel(self, paginas, *args):
        start(self, paginas, *args)
        gegeven.append(len(self._paginas))

    monkeypatch.setattr(mkdocs_helft.Helft, "start", tel)
    return gegeven


def bouw_hier(project: Path, site: Path) -> None:
    """`mkdocs build --strict` in this process, so the test's settings apply."""
    mkdocs_build.build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))


def bestanden(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def in_helper_doe(monkeypatch, wat) -> None:
    """Let MkDocs' page function do `wat(page)` in the helper process only."""
    echt = mkdocs_build._build_page

    def build_page(page, *args, **kwargs):
        if os.getpid() != OUDER:
            wat(page)
        return echt(page, *args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_build_page", build_page)


def test_the_helper_writes_the_same_site_as_one_process(tmp_path, met_helper, caplog):
    project = make_project(tmp_path / "p")
    caplog.set_level(logging.INFO)
    bouw_hier(project, tmp_path / "twee")
    assert met_helper and met_helper[0] > 50  # it really took half of the generated pages
    een = run_build(project, tmp_path / "een")
    assert een.returncode == 0, een.output
    assert bestanden(tmp_path / "twee") == bestanden(tmp_path / "een")
    # MkDocs' note for every page this process left to the helper is not shown ...
    assert not [r for r in caplog.records if "Page skipped" in r.getMessage()]
    # ... and the pages are whole again for `mkdocs serve`, which renders them itself.
    assert mkdocs_stand.stand.files is not None
    assert not [f for f in mkdocs_stand.stand.files.documentation_pages() if f.page and f.page.meta.get("template")]


def test_a_warning_in_the_helper_still_fails_a_strict_build(tmp_path, met_helper, monkeypatch):
    in_helper_doe(monkeypatch, lambda page: logging.getLogger("mkdocs.plugins.test").warning("let op: %s", page.file.src_uri))
    with pytest.raises(Abort, match="warnings in strict mode"):
        bouw_hier(make_project(tmp_path / "p"), tmp_path / "site")


def fout_van_de_build(caplog) -> str:
    return "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)


def test_an_error_in_the_helper_is_an_error_of_the_build(tmp_path, met_helper, monkeypatch, caplog):
    def kapot(page):
        raise ValueError(f"kapot: {page.file.src_uri}")

    in_helper_doe(monkeypatch, kapot)
    with pytest.raises(Abort, match="BuildError"):  # MkDocs' own words after a plugin's error
        bouw_hier(make_project(tmp_path / "p"), tmp_path / "site")
    assert re.search("fout in het tweede bouwproces(.|\n)*kapot: ", fout_van_de_build(caplog))


def test_a_helper_that_dies_is_an_error_not_a_hang(tmp_path, met_helper, monkeypatch, caplog):
    in_helper_doe(monkeypatch, lambda page: os._exit(3))
    with pytest.raises(Abort, match="BuildError"):
        bouw_hier(make_project(tmp_path / "p"), tmp_path / "site")
    assert "het tweede bouwproces stopte zonder uitkomst" in fout_van_de_build(caplog)
    assert not [f for f in mkdocs_stand.stand.files.documentation_pages() if f.page and f.page.meta.get("template")]
