"""How long the open-data export, and the import of its HSDS, take on 10,000 records (the national scale).

Writes the generated records of benchmarks/check_10k.py to a temporary folder, checks them
once, then times `exporteer()` per format (plain CSV, JSON, GeoJSON and HSDS 3.0) and
writing everything to a folder, and prints the size of the output. Then imports the HSDS
export (data package and JSON form) into an empty data folder: reading and checking, and
writing the YAML files.

Run: .venv/bin/python benchmarks/opendata_export.py [--records N]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from check_10k import VANDAAG, write_records

from socialekaart.check import load_checked
from socialekaart.opendata import exporteer, schrijf_map
from socialekaart.opendata.export import FORMATEN
from socialekaart.opendata.importeer import schrijf
from socialekaart.opendata.importeer.hsds import importeer_hsds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        counts = write_records(root, args.records)
        dataset = load_checked(root, VANDAAG)
        print(f"{sum(counts.values())} records: {counts}")
        for formaat in FORMATEN:
            start = time.perf_counter()
            export = exporteer(dataset, VANDAAG, [formaat])
            seconden = time.perf_counter() - start
            grootte = sum(len(b) for b in export.bestanden.values())
            print(f"{formaat}: {seconden:.2f} s, {len(export.bestanden)} bestanden, {grootte / 1e6:.1f} MB")
        start = time.perf_counter()
        export = exporteer(dataset, VANDAAG)
        schrijf_map(export, Path(tmp) / "uit")
        print(f"alles exporteren en schrijven: {time.perf_counter() - start:.2f} s")
        for vorm, bron in (("data package", "hsds/datapackage.json"), ("JSON", "hsds/json/services.json")):
            terug = Path(tmp) / vorm.replace(" ", "-") / "data"
            terug.mkdir(parents=True)
            for naam in ("agendas", "agenda"):  # not in HSDS
                if (root / naam).is_dir():
                    shutil.copytree(root / naam, terug / naam)
            start = time.perf_counter()
            resultaat = importeer_hsds(Path(tmp) / "uit" / bron, terug, vandaag=VANDAAG)
            gelezen = time.perf_counter() - start
            assert resultaat.ok, [p.gcc() for p in resultaat.problemen if p.is_fout][:5]
            for deel in resultaat.delen:
                schrijf(deel)
            print(f"HSDS importeren ({vorm}): {resultaat.records} records, lezen en controleren {gelezen:.2f} s, "
                  f"met schrijven {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
