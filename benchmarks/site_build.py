"""Build the site from the shipped data and print how long it took and how big it is.

    .venv/bin/python benchmarks/site_build.py [--keer 3]

Prints the build time (best of --keer runs of `mkdocs build --strict`), the total site
size, the number of HTML pages, the largest page and the search index.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(site: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT, env=env, check=True,
    )
    return time.perf_counter() - start


def kb(n: int) -> str:
    return f"{n / 1024:,.1f} KB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keer", type=int, default=3, help="aantal builds; de snelste telt")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        tijden = [build(site) for _ in range(args.keer)]
        bestanden = [p for p in site.rglob("*") if p.is_file()]
        paginas = [p for p in bestanden if p.name == "index.html"]
        kaarten = [p for p in bestanden if p.name == "kaart.html"]
        grootste = max(paginas, key=lambda p: p.stat().st_size)
        grootste_kaart = max(kaarten, key=lambda p: p.stat().st_size) if kaarten else None
        index = site / "search" / "search_index.json"
        print(f"build (mkdocs build --strict, snelste van {args.keer}): {min(tijden):.2f} s  (alle: {', '.join(f'{t:.2f}' for t in tijden)})")
        print(f"site totaal: {kb(sum(p.stat().st_size for p in bestanden))} in {len(bestanden)} bestanden")
        print(f"pagina's: {len(paginas)}, kaarten: {len(kaarten)}")
        print(f"grootste pagina: {grootste.relative_to(site)} ({kb(grootste.stat().st_size)})")
        if grootste_kaart:
            print(f"grootste kaart: {grootste_kaart.relative_to(site)} ({kb(grootste_kaart.stat().st_size)})")
        print(f"zoekindex: {kb(index.stat().st_size)}")


if __name__ == "__main__":
    main()
