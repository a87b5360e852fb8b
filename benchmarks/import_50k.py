"""How long `socialekaart importeer` takes on a sheet of 50,000 initiatives, and how much memory.
Target: at most 10 s.

Writes a data folder with one region of 8 gemeenten and an .xlsx sheet with N valid rows of
informele steun (every row its own name, e-mail address and places), then times the command
from start to end in a fresh process, and in this process the phases: reading the sheet,
converting and validating the rows with the check over the whole data set, and writing the
YAML files. The peak memory (RSS) of the command is printed beside its time.

Run: .venv/bin/python benchmarks/import_50k.py [--rows N]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import xlsxwriter

from socialekaart.opendata.importeer import importeer, schrijf
from socialekaart.opendata.importeer.bronnen import lees

VANDAAG = date(2026, 6, 1)
GEMEENTEN = [f"GM{9000 + g}" for g in range(8)]
THEMAS = ["maatje", "buurtgezin", "steunouder", "thuisbezoek", "netwerk", "mentor", "lotgenoten", "opvoeden"]
KOPPEN = [
    "id", "naam", "samenvatting", "organisatie", "themas", "doelgroep", "leeftijd_min", "leeftijd_max", "regio",
    "gemeenten", "locaties[1].naam", "locaties[1].plaats", "locaties[1].gemeente", "kosten", "aanmelden",
    "zonder_verwijzing", "contact.telefoon", "contact.email", "contact.website", "gecontroleerd_op", "voorbeeld",
]  # fmt: skip


def regio_file() -> str:
    gemeenten = "".join(f"  - code: {code}\n    naam: Gemeente {i}\n" for i, code in enumerate(GEMEENTEN))
    return f"naam: Regio Proef\ngemeenten:\n{gemeenten}"


def rij(i: int) -> list:
    gemeente = GEMEENTEN[i % len(GEMEENTEN)]
    return [
        f"initiatief-{i}", f"Initiatief {i}",
        f"Vrijwilligers van initiatief {i} helpen gezinnen een paar uur per week, gratis en dichtbij.",
        f"Stichting {i % 500}", f"{THEMAS[i % len(THEMAS)]};{THEMAS[(i + 3) % len(THEMAS)]}", "ouders;kinderen",
        i % 6, 12 + i % 6, "regio-proef", gemeente, f"Buurthuis {i % 300}", f"Plaats {i % 40}", gemeente, "gratis",
        "zelf;lokaal-team", "ja", "14 0348", f"info{i}@example.org", f"https://example.org/initiatief-{i}",
        date(2026, 5, 1 + i % 28), "ja",
    ]  # fmt: skip


def maak(root: Path, rows: int) -> tuple[Path, Path]:
    data = root / "data"
    (data / "regios").mkdir(parents=True)
    (data / "regios" / "regio-proef.yml").write_text(regio_file(), encoding="utf-8")
    sheet = root / "initiatieven.xlsx"
    workbook = xlsxwriter.Workbook(str(sheet), {"constant_memory": True})
    ws = workbook.add_worksheet("Blad1")
    datum = workbook.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, KOPPEN)
    for i in range(rows):
        for j, value in enumerate(rij(i)):
            if isinstance(value, date):
                ws.write_datetime(i + 1, j, value, datum)
            else:
                ws.write(i + 1, j, value)
    workbook.close()
    return data, sheet


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data, sheet = maak(root, args.rows)
        print(f"{args.rows} records, sheet {sheet.stat().st_size / 1e6:.1f} MB")

        # The command as a user runs it, in a fresh process: time and peak memory.
        start = time.perf_counter()
        command = [sys.executable, "-m", "socialekaart", "importeer", str(sheet), "--soort", "informele-steun",
                   "--data", str(data), "--datum", VANDAAG.isoformat()]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True)
        wall = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"importeer mislukte:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        written = len(list((data / "informele-steun").glob("*.yml")))
        if written != args.rows:
            sys.exit(f"{written} bestanden geschreven, {args.rows} verwacht")
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        print(f"socialekaart importeer: {wall:.2f} s, piekgeheugen {usage.ru_maxrss / 1024:.0f} MB, {written} bestanden")
        # On a busy machine the time on the clock says little; the processor time says more.
        print(f"  processortijd {usage.ru_utime:.2f} s gebruiker + {usage.ru_stime:.2f} s systeem; "
              f"belasting van de machine {os.getloadavg()[0]:.1f} op {os.cpu_count()} kernen")

        # The phases, in this process, into a fresh data folder.
        for path in (data / "informele-steun").glob("*.yml"):
            path.unlink()
        start = time.perf_counter()
        cellen = sum(len(r) for _, r in lees(sheet, sheet.name).rijen)
        lezen = time.perf_counter() - start
        start = time.perf_counter()
        resultaat = importeer(sheet, "informele-steun", data, vandaag=VANDAAG)
        controle = time.perf_counter() - start
        assert resultaat.ok, [p.gcc() for p in resultaat.problemen[:5]]
        start = time.perf_counter()
        schrijf(resultaat)
        schrijven = time.perf_counter() - start
        print(f"  lezen van het blad ({cellen} cellen): {lezen:.2f} s")
        print(f"  lezen, omzetten, valideren en controleren: {controle:.2f} s")
        print(f"  YAML-bestanden schrijven: {schrijven:.2f} s")


if __name__ == "__main__":
    main()
