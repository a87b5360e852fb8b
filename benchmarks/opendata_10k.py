"""Open data out and in on 10,000 records (issue 12): export times and import times side by side.

Writes the generated records of benchmarks/check_10k.py (10 regions; providers, lokale teams,
informele steun and gezinshuizen) to a temporary folder, then measures each step as a user
runs it, as a command in a fresh process, best of --keer:

- `socialekaart export hsds` (HSDS 3.0: JSON and the data package), and the plain downloads
  `socialekaart export csv | json | geojson`;
- `socialekaart importeer` of the same records, written per type to a spreadsheet (.xlsx) and
  to CSV the way `socialekaart importeer` reads them, back into an empty data folder (the
  agenda, which is not imported, copied first); the script fails when the records read back
  differ from the originals;
- `socialekaart importeer` of the HSDS export itself (data package and JSON form, every kind in
  one command), compared without the fields open data leaves out on purpose.

Each row: the step, the records it handles, best and median time, the processor time (user +
system, with the processes it started) and the peak memory of its largest process. The records
are loaded (to write the sheets, to compare) only in helper processes: a command started from a
process holding them would count that process's memory as its own.

Run: .venv/bin/python benchmarks/opendata_10k.py [--records 10000] [--keer 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from check_10k import VANDAAG, write_records  # noqa: E402  (scripts beside this one)
from nationaal import Run, run  # noqa: E402

from socialekaart.load import load_dataset  # noqa: E402
from socialekaart.opendata.importeer import SOORTEN  # noqa: E402
from socialekaart.opendata.importeer.spreadsheet import schrijf_spreadsheet  # noqa: E402
from socialekaart.opendata.publiek import zonder_niet_gepubliceerd  # noqa: E402

EXPORTS = ("hsds", "csv", "json", "geojson")
NIET_TE_IMPORTEREN = ("agendas", "agenda")
# Regions first: the check of each import needs the gemeenten, providers and agenda it refers to.
VOLGORDE = ("regios", "providers", "lokale-teams", "informele-steun", "gezinshuizen")
assert sorted(VOLGORDE) == sorted(SOORTEN)


@dataclass
class Stap:
    naam: str
    records: int
    runs: list[Run] = field(default_factory=list)


def socialekaart(*args: str) -> list[str]:
    return [sys.executable, "-m", "socialekaart", *args, "--datum", VANDAAG.isoformat()]


def exporteer(data: Path, tmp: Path, formaat: str, stap: Stap, keer: int) -> None:
    for i in range(keer):
        doel = tmp / f"export-{formaat}-{i}"
        stap.runs.append(run(socialekaart("export", formaat, str(doel), "--data", str(data)), tmp))
        if not any(doel.iterdir()):
            sys.exit(f"export {formaat} schreef niets")
        shutil.rmtree(doel)


def importeer(data: Path, tmp: Path, bladen: dict[str, Path], stap: Stap, keer: int) -> Path:
    """Every type's sheet into a new data folder, one command per type; the time is their sum."""
    for i in range(keer):
        doel = tmp / f"import-{stap.naam}-{i}" / "data"
        doel.mkdir(parents=True)
        for folder in NIET_TE_IMPORTEREN:
            shutil.copytree(data / folder, doel / folder)
        delen = [run(socialekaart("importeer", str(bladen[soort]), "--soort", soort, "--data", str(doel)), tmp) for soort in VOLGORDE]
        stap.runs.append(Run(sum(d.seconds for d in delen), max(d.peak for d in delen), sum(d.cpu for d in delen)))
        if i < keer - 1:
            shutil.rmtree(doel.parent)
    return doel


def importeer_hsds(data: Path, tmp: Path, bron: Path, stap: Stap, keer: int) -> Path:
    """The HSDS export back into a new data folder: one command reads every kind."""
    for i in range(keer):
        doel = tmp / f"import-{stap.naam}-{i}" / "data"
        doel.mkdir(parents=True)
        for folder in NIET_TE_IMPORTEREN:
            shutil.copytree(data / folder, doel / folder)
        stap.runs.append(run(socialekaart("importeer", str(bron), "--data", str(doel)), tmp))
        if i < keer - 1:
            shutil.rmtree(doel.parent)
    return doel


def vergelijk(origineel: Path, terug: Path, open_data: bool = False) -> None:
    """The round trip is lossless: every record read back equals its original (through HSDS:
    without the fields open data leaves out on purpose)."""
    voor, _ = load_dataset(origineel, VANDAAG)
    na, problemen = load_dataset(terug, VANDAAG)
    if problemen:
        sys.exit(f"de geïmporteerde gegevens hebben fouten: {problemen[0].gcc()}")
    for soort in VOLGORDE:
        if open_data:
            gelijk = {k: zonder_niet_gepubliceerd(r, VANDAAG) for k, r in voor.of(soort).items()} == {
                k: zonder_niet_gepubliceerd(r, VANDAAG) for k, r in na.of(soort).items()}
        else:
            gelijk = voor.of(soort) == na.of(soort)
        if not gelijk:
            sys.exit(f"{soort}: de records na export en import zijn niet gelijk aan de originelen")


def tabel(stappen: list[Stap], keer: int) -> list[str]:
    regels = [f"{'stap':<42} {'records':>7} {'beste':>8} {'mediaan':>8} {'processor':>10} {'piekgeheugen':>12}"]
    for stap in stappen:
        beste = min(stap.runs, key=lambda r: r.seconds)
        mediaan = statistics.median(r.seconds for r in stap.runs)
        regels.append(
            f"{stap.naam:<42} {stap.records:>7} {beste.seconds:>6.2f} s {mediaan:>6.2f} s {beste.cpu:>8.2f} s "
            f"{max(r.peak for r in stap.runs) / 1024 / 1024:>9.0f} MB"
        )
    regels.append(f"(beste en mediaan van {keer}; processortijd gebruiker + systeem van de beste, met de processen die hij startte)")
    return regels


def bladen(data: Path, map_: Path) -> None:
    """Each type's records as the sheets `socialekaart importeer` reads, in .xlsx and CSV."""
    dataset, problemen = load_dataset(data, VANDAAG)
    if problemen:
        sys.exit(f"de gemaakte gegevens hebben fouten: {problemen[0].gcc()}")
    for formaat in ("xlsx", "csv"):
        for soort in VOLGORDE:
            schrijf_spreadsheet(map_ / f"{soort}.{formaat}", soort, dataset.of(soort).values())


def in_hulpproces(*args: object) -> None:
    subprocess.run([sys.executable, __file__, *map(str, args)], check=True)


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] in ("--bladen", "--vergelijk", "--vergelijk-open-data"):
        if sys.argv[1] == "--bladen":
            bladen(Path(sys.argv[2]), Path(sys.argv[3]))
        else:
            vergelijk(Path(sys.argv[2]), Path(sys.argv[3]), open_data=sys.argv[1] == "--vergelijk-open-data")
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--keer", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_naam:
        tmp = Path(tmp_naam)
        data = tmp / "data"
        counts = write_records(data, args.records)
        in_hulpproces("--bladen", data, tmp / "bladen")
        te_importeren = sum(counts[soort] for soort in VOLGORDE)
        print(f"{sum(counts.values())} records ({', '.join(f'{n} {f}' for f, n in counts.items())}); "
              f"{os.cpu_count()} kernen, belasting vooraf {os.getloadavg()[0]:.1f}")  # fmt: skip
        stappen = [Stap(f"socialekaart export {formaat}", sum(counts.values())) for formaat in EXPORTS]
        for formaat, stap in zip(EXPORTS, stappen):
            exporteer(data, tmp, formaat, stap, args.keer)
        for formaat in ("xlsx", "csv"):
            stap = Stap(f"socialekaart importeer ({formaat}, 5 soorten)", te_importeren)
            stappen.append(stap)
            terug = importeer(data, tmp, {soort: tmp / "bladen" / f"{soort}.{formaat}" for soort in VOLGORDE}, stap, args.keer)
            in_hulpproces("--vergelijk", data, terug)
        hsds = tmp / "hsds-bron"
        run(socialekaart("export", "hsds", str(hsds), "--data", str(data)), tmp)
        for vorm, bron in (("data package", next(hsds.rglob("datapackage.json"))), ("JSON", next(hsds.rglob("services.json")))):
            stap = Stap(f"socialekaart importeer (HSDS {vorm})", te_importeren)
            stappen.append(stap)
            terug = importeer_hsds(data, tmp, bron, stap, args.keer)
            in_hulpproces("--vergelijk-open-data", data, terug)
        for regel in tabel(stappen, args.keer):
            print(regel)
        print(f"belasting van de machine na afloop: {os.getloadavg()[0]:.1f} (1 minuut), {os.getloadavg()[1]:.1f} (5 minuten)")


if __name__ == "__main__":
    main()
