"""Export to HSDS and import back through the CLI, and compare the records field by field.
Shared by tests/test_hsds_rondgang.py (fixture data) and tests/test_shipped_data.py."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from socialekaart.cli import main
from socialekaart.load import load_dataset
from socialekaart.opendata.publiek import SOORTEN, zonder_niet_gepubliceerd

# The agenda is not in HSDS (it is no directory of services): the empty data folder gets it,
# so the records' references to agenda items can be checked.
AGENDA = ("agendas", "agenda")


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def heen_en_terug(data: Path, werk: Path, vorm: str, datum: date) -> Path:
    """`socialekaart export hsds`, then `socialekaart importeer` (the data package, or the JSON
    form) into a data folder with only the agenda, then `socialekaart check`: the new folder."""
    export = werk / "hsds"
    code, uit = cli("export", "hsds", str(export), "--data", str(data), "--datum", datum.isoformat())
    assert code == 0, uit
    terug = werk / "terug" / "data"
    terug.mkdir(parents=True)
    for naam in AGENDA:
        if (data / naam).is_dir():
            shutil.copytree(data / naam, terug / naam)
    bron = export / "datapackage.json" if vorm == "datapackage" else export / "json" / "services.json"
    code, uit = cli("importeer", str(bron), "--data", str(terug), "--datum", datum.isoformat())
    assert code == 0, uit
    assert "Traceback" not in uit
    code, uit = cli("check", str(terug), "--datum", datum.isoformat())
    assert code == 0, uit
    return terug


def verschillen(origineel: Path, terug: Path, datum: date) -> list[str]:
    """Every field that differs between the records of two data folders, without the fields on
    the list of what open data leaves out on `datum` (publiek.NIET_GEPUBLICEERD)."""
    een, _ = load_dataset(origineel, datum)
    twee, _ = load_dataset(terug, datum)
    uit: list[str] = []
    for soort in SOORTEN:
        a, b = een.of(soort), twee.of(soort)
        if a.keys() != b.keys():
            uit.append(f"{soort}: ids verschillen: {sorted(set(a) ^ set(b))}")
            continue
        for record_id, record in a.items():
            x, y = zonder_niet_gepubliceerd(record, datum), zonder_niet_gepubliceerd(b[record_id], datum)
            uit += [f"{soort}/{record_id}.{veld}: {x[veld]!r} != {y[veld]!r}" for veld in x if x[veld] != y[veld]]
    return uit
