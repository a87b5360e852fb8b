"""The model extensions for what the five documents hold beyond items and activities: figures of
the agenda as a whole, cross tables, schaalniveau 'centrumgemeente', several plannings per result,
start dates per gemeente. Every mistake is a Dutch, positioned error (fixture data, planted faults)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from sitebouw import FIXTURE_DATA
from socialekaart.cli import main

GV = Path("agendas") / "gooi-en-vechtstreek.yml"
UW1 = Path("agenda") / "utrecht-west" / "ambitie-1.yml"
UW3 = Path("agenda") / "utrecht-west" / "ambitie-3.yml"


def _copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    return data


def _edit(data: Path, rel: Path, old: str, new: str) -> int:
    """Replace `old` once; return the line number where the change starts."""
    path = data / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _check(data: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["check", str(data), "--datum", "2026-12-01"])
    assert "Traceback" not in result.output
    return result.exit_code, [line for line in result.output.splitlines() if ": fout: " in line]


def test_the_fixture_data_uses_every_extension_without_errors(tmp_path):
    code, fouten = _check(_copy(tmp_path))
    assert code == 0 and fouten == []


def _fouten(data: Path) -> list[str]:
    code, fouten = _check(data)
    assert code == 1
    return fouten


def _gemeld(fouten: list[str], bestand: str, regel: int, *delen: str) -> bool:
    """One error on that line of that file, containing every part (field, message)."""
    return any(f"{bestand}:{regel}:" in f and all(d in f for d in delen) for f in fouten)


def test_a_cross_table_cell_must_name_a_known_row_and_column(tmp_path):
    data = _copy(tmp_path)
    regel = _edit(data, GV, '{rij: "JW Pleegzorg", kolom: "Gemeente"', '{rij: "JW Pleegzorgg", kolom: "Gemeentes"')
    fouten = _fouten(data)
    assert _gemeld(fouten, "gooi-en-vechtstreek.yml", regel, "fout: tabellen[1].cellen[",
                   "].rij: rij 'JW Pleegzorgg' staat niet in 'rijen' van deze tabel; bedoelde je 'JW Pleegzorg'?"), fouten
    assert _gemeld(fouten, "gooi-en-vechtstreek.yml", regel, "kolom 'Gemeentes' staat niet in 'kolommen'", "bedoelde je 'Gemeente'?"), fouten


def test_a_cross_table_cell_has_one_value_per_maat(tmp_path):
    data = _copy(tmp_path)
    regel = _edit(data, GV, 'kolom: "Gemeente", waarden: [67, 39013]', 'kolom: "Gemeente", waarden: [67]')
    assert _gemeld(_fouten(data), "gooi-en-vechtstreek.yml", regel, "waarden: deze cel heeft 1 getallen, maar de tabel heeft 2 maten")


def test_a_start_per_gemeente_must_be_a_gemeente_of_the_region(tmp_path):
    data = _copy(tmp_path)
    regel = _edit(data, UW1, "{gemeente: GM0589, start: April 2020}", "{gemeente: GM0363, start: April 2020}")
    assert _gemeld(_fouten(data), "ambitie-1.yml", regel, "fout: start_per_gemeente[2].gemeente: gemeente 'GM0363' hoort niet bij regio 'utrecht-west'")


def test_a_planning_per_level_is_read_like_any_planning(tmp_path):
    data = _copy(tmp_path)
    regel = _edit(data, UW3, '{schaalniveau: lokaal, wat: implementeren, planning: 2023 e.v.}', '{schaalniveau: gemeentelijk, wat: implementeren, planning: binnenkort}')
    fouten = _fouten(data)
    assert _gemeld(fouten, "ambitie-3.yml", regel, "planningen[2].schaalniveau", "centrumgemeente"), fouten
    assert _gemeld(fouten, "ambitie-3.yml", regel, "planningen[2].planning: 'binnenkort' is geen planning die de site begrijpt"), fouten


def test_centrumgemeente_is_a_schaalniveau(tmp_path):
    data = _copy(tmp_path)
    _edit(data, UW3, "    schaalniveau: [regionaal, lokaal]\n", "    schaalniveau: [centrumgemeente, lokaal]\n")
    code, fouten = _check(data)
    assert code == 0 and fouten == []
