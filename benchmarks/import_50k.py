"""How long `socialekaart importeer` takes on a sheet of 50,000 initiatives, and how much memory.
Target: at most 10 s.

Writes a data folder with one region of 8 gemeenten and N valid rows of informele steun (every
row its own name, e-mail address and places) as an .xlsx sheet and as a CSV file, then runs the
command as a user does, in a fresh process, into a new data folder, best of --keer per file:
the time on the clock, the processor time (user + system, with the second writing process) and
the peak memory (RSS) of its largest process, with the load of the machine at that moment (on a
shared machine the processor time says more than the clock). Then, in this process, the phases
of the .xlsx import: reading the sheet, converting, validating and checking the rows, writing.

Run: .venv/bin/python benchmarks/import_50k.py [--rows N] [--keer K]
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import xlsxwriter

sys.path.insert(0, str(Path(__file__).parent))
from nationaal import Run, run  # noqa: E402  (a script beside this one)

from socialekaart.opendata.importeer import importeer, schrijf  # noqa: E402
from socialekaart.opendata.importeer.bronnen import lees  # noqa: E402

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
    with (root / "initiatieven.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(KOPPEN)
        writer.writerows([v.isoformat() if isinstance(v, date) else v for v in rij(i)] for i in range(rows))
    return data, sheet


def processortijd() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def commando(data: Path, bestand: Path, rows: int, keer: int) -> list[Run]:
    """The command as a user runs it, each time into a new data folder holding only the region."""
    runs = []
    for i in range(keer):
        doel = data.parent / f"data-{bestand.suffix[1:]}-{i}"
        shutil.copytree(data, doel)
        runs.append(run([sys.executable, "-m", "socialekaart", "importeer", str(bestand), "--soort", "informele-steun",
                         "--data", str(doel), "--datum", VANDAAG.isoformat()], data.parent))  # fmt: skip
        written = len(os.listdir(doel / "informele-steun"))
        if written != rows:
            sys.exit(f"{written} bestanden geschreven, {rows} verwacht")
        shutil.rmtree(doel)
    return runs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--keer", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data, sheet = maak(root, args.rows)
        print(f"{args.rows} records, sheet {sheet.stat().st_size / 1e6:.1f} MB; {os.cpu_count()} kernen")
        for bestand in (sheet, root / "initiatieven.csv"):
            belasting = os.getloadavg()[0]
            runs = commando(data, bestand, args.rows, args.keer)
            beste = min(runs, key=lambda r: r.seconds)
            print(f"socialekaart importeer {bestand.name}: {beste.seconds:.2f} s (beste van {args.keer}; mediaan "
                  f"{statistics.median(r.seconds for r in runs):.2f} s), processortijd {beste.cpu:.2f} s, "
                  f"piekgeheugen {max(r.peak for r in runs) / 1024 / 1024:.0f} MB; "
                  f"belasting van de machine {belasting:.1f} vooraf, {os.getloadavg()[0]:.1f} na afloop")  # fmt: skip

        # The phases, in this process, into a fresh data folder.
        fasen = []
        for naam, fase in (
            ("lezen van het blad", lambda: sum(len(r) for _, r in lees(sheet, sheet.name).rijen)),
            ("lezen, omzetten, valideren en controleren", lambda: importeer(sheet, "informele-steun", data, vandaag=VANDAAG)),
        ):
            start, cpu = time.perf_counter(), processortijd()
            uitkomst = fase()
            fasen.append((naam, time.perf_counter() - start, processortijd() - cpu))
        assert uitkomst.ok, [p.gcc() for p in uitkomst.problemen[:5]]
        start, cpu = time.perf_counter(), processortijd()
        schrijf(uitkomst)
        fasen.append(("YAML-bestanden schrijven (twee processen)", time.perf_counter() - start, processortijd() - cpu))
        for naam, seconden, processor in fasen:
            print(f"  {naam}: {seconden:.2f} s, processortijd {processor:.2f} s")
        print(f"  piekgeheugen van dit proces: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
