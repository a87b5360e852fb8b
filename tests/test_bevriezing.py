"""A build keeps its data and pages out of the cycle collector's sight while it runs
(collector.Bevriezing), and leaves nothing frozen when it ends, also when it fails."""

from __future__ import annotations

import gc

import pytest
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from sitebouw import make_project

from socialekaart.collector import Bevriezing
from socialekaart.site import mkdocs_hooks


@pytest.fixture
def niets_bevroren():
    gc.unfreeze()
    yield
    gc.unfreeze()


def bouw_hier(project, site) -> None:
    mkdocs_build.build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))


def test_a_build_freezes_its_objects_while_it_renders_and_unfreezes_them_after(tmp_path, niets_bevroren, monkeypatch):
    tijdens: list[int] = []
    genereer = mkdocs_hooks.genereer

    def tel(*args, **kwargs):
        tijdens.append(gc.get_freeze_count())
        return genereer(*args, **kwargs)

    monkeypatch.setattr(mkdocs_hooks, "genereer", tel)
    project = make_project(tmp_path / "p")
    bouw_hier(project, tmp_path / "site")
    assert tijdens and min(tijdens) > 0  # the data was frozen before the pages were made
    assert gc.get_freeze_count() == 0


def test_a_failed_build_leaves_nothing_frozen(tmp_path, niets_bevroren, monkeypatch):
    def kapot(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr(mkdocs_hooks, "kaartdelen", kapot)  # fails in on_files, after on_config froze
    with pytest.raises(RuntimeError, match="kapot"):
        bouw_hier(make_project(tmp_path / "p"), tmp_path / "site")
    assert gc.get_freeze_count() == 0


def test_what_someone_else_froze_stays_frozen():
    gc.freeze()
    try:
        assert gc.get_freeze_count() > 0
        bevriezing = Bevriezing()
        bevriezing.vast()
        bevriezing.los()
        # Still frozen (an unfreeze empties the permanent generation). Not the exact count: a
        # frozen object that loses its last reference meanwhile leaves it.
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_vast_and_los():
    gc.unfreeze()
    bevriezing = Bevriezing()
    bevriezing.vast()
    assert gc.get_freeze_count() > 0
    bevriezing.vast()  # again after a later step: still one to undo
    bevriezing.los()
    assert gc.get_freeze_count() == 0
