"""Search for parents, without a browser: the region's synonyms in mkdocs.yml are checked with
Dutch, positioned messages, and a build with a mistake in them stops before writing anything."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sitebouw import ROOT, make_project, run_build

from socialekaart.problems import DataError
from socialekaart.site.zoeken import lees_synoniemen

GOED = """site_name: x
extra:
  zoeken:
    synoniemen:
      - [Pesten, gepest]
      - [geld, schulden]
"""


def _lees(tmp_path: Path, tekst: str) -> list[list[str]]:
    config = tmp_path / "mkdocs.yml"
    config.write_text(tekst, encoding="utf-8")
    return lees_synoniemen(yaml.safe_load(tekst)["extra"]["zoeken"]["synoniemen"], config)


def test_synonyms_are_read_in_lower_case(tmp_path):
    assert _lees(tmp_path, GOED) == [["pesten", "gepest"], ["geld", "schulden"]]


@pytest.mark.parametrize(
    ("fout", "verwacht"),
    [
        ("      - [geld]\n", "mkdocs.yml:6:9: fout: extra.zoeken.synoniemen[2]: een groep is een lijst van minstens twee woorden"),
        ("      - [geld, gepest]\n", "mkdocs.yml:6:16: fout: extra.zoeken.synoniemen[2][2]: 'gepest' staat al in groep 1"),
        ("      - [geld, '']\n", "mkdocs.yml:6:16: fout: extra.zoeken.synoniemen[2][2]: een woord mag niet leeg zijn"),
    ],
)
def test_a_mistake_in_the_synonyms_is_told_in_dutch_at_its_place(tmp_path, fout, verwacht):
    tekst = GOED.replace("      - [geld, schulden]\n", fout)
    with pytest.raises(DataError) as uitzondering:
        _lees(tmp_path, tekst)
    assert str(uitzondering.value).startswith(verwacht)


def test_the_shipped_synonyms_hold_what_parents_type():
    config = ROOT / "mkdocs.yml"
    groepen = lees_synoniemen(yaml.safe_load(config.read_text(encoding="utf-8"))["extra"]["zoeken"]["synoniemen"], config)
    samen = {woord: i for i, groep in enumerate(groepen) for woord in groep}
    for a, b in [("scheiding", "echtscheiding"), ("geld", "schulden"), ("geld", "geldzorgen"),
                 ("pesten", "gepest"), ("adhd", "add"), ("autisme", "ass"), ("maatje", "maatjes")]:
        assert samen[a] == samen[b], (a, b)


def test_a_build_with_bad_synonyms_stops_with_a_dutch_message(tmp_path):
    project = make_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    tekst = config.read_text(encoding="utf-8")
    config.write_text(tekst.replace("      - [pesten, gepest, pestgedrag]\n", "      - [pesten]\n"), encoding="utf-8")
    uitkomst = run_build(project, tmp_path / "site")
    assert uitkomst.returncode == 1
    assert "mkdocs.yml:" in uitkomst.output and "fout: extra.zoeken.synoniemen[3]: een groep is een lijst" in uitkomst.output
    assert "Traceback" not in uitkomst.output
    assert not (tmp_path / "site" / "index.html").exists()
