"""The national sociale kaart (issue 14) against its budgets, side by side with plain MkDocs.

Generates the national set (342 gemeenten in 40 regions; 6,000 informele steun, 1,500
gezinshuizen, 2,000 aanbieders, 342 lokale teams at scale 1) with the generator of
check_10k.py, then measures in one run, best of --keer:

- `socialekaart check` (the whole command);
- `mkdocs build --strict` of the site, against plain MkDocs + Material building the same
  number of plain Markdown pages (same theme, language and search plugin), taking turns, each
  into an empty folder;
- the peak memory of each build (the build process and everything it started);
- the largest HTML page, all map files together, and the search index a first search loads.

Run: .venv/bin/python benchmarks/nationaal.py [--schaal 1 2 4] [--keer 3] [--zaad 0]
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from check_10k import VANDAAG, write_national  # noqa: E402  (a script beside this one)

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("content", "hooks", "overrides")
KAART_ASSETS = "assets/kaart"
ZOEKINDEX = "search/search_index.json"
MB = 1024 * 1024

# The budgets of issue 14 at scale 1.
BUDGET_BUILD_FACTOR = 1.25
BUDGET_GEHEUGEN = 500 * MB
BUDGET_PAGINA = 200 * 1024
BUDGET_KAARTEN = 5 * MB
BUDGET_ZOEKEN = 300 * 1024
BUDGET_CHECK = 2.0

PLAIN_CONFIG = """site_name: Vergelijking
docs_dir: docs
use_directory_urls: true
strict: true
theme:
  name: material
  language: nl
  font: false
plugins:
  - search:
      lang: nl
      pipeline: [stemmer, stopWordFilter, trimmer]
validation:
  omitted_files: info
not_in_nav: |
  /p/
nav:
  - Home: index.md
"""

PLAIN_PAGE = """# Pagina {i}

Pagina {i} koppelt een **vrijwilliger** aan een gezin. Samen spreken zij af wat het kind
nodig heeft: een luisterend oor, hulp bij huiswerk of samen sporten.

## Contact

De vrijwilligers krijgen een training en een coördinator begeleidt hen. Een koppeling
duurt meestal een jaar; daarna kijken zij samen of het goed is zo.

- Plaats {i}
- Gemeente {gemeente}
- [Website](https://example.org/pagina-{i})
"""


@dataclass
class Run:
    seconds: float
    peak: int  # bytes
    cpu: float  # processor seconds: steadier than wall time when others share the machine


@dataclass
class Meting:
    schaal: float
    records: int = 0
    check: list[Run] = field(default_factory=list)
    build: list[Run] = field(default_factory=list)
    plain: list[Run] = field(default_factory=list)
    paginas: int = 0
    grootste: tuple[str, int] = ("", 0)
    kaart_documenten: tuple[int, int] = (0, 0)  # count, bytes
    kaart_assets: int = 0
    zoekindex: tuple[int, int] = (0, 0)  # bytes, gzipped bytes
    belasting: float = 0.0


def run(command: list[str], cwd: Path) -> Run:
    """Wall time and peak resident memory of one command (the largest of it and its children)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOCIALEKAART_DATUM": VANDAAG.isoformat()}
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(command)} faalde ({proc.returncode}):\n{output.decode(errors='replace')[-4000:]}")
    return Run(seconds, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime)  # Linux: ru_maxrss in KB


def make_project(target: Path, schaal: float, zaad: int) -> dict[str, int]:
    target.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for part in PROJECT_PARTS:
        (target / part).symlink_to(ROOT / part, target_is_directory=True)
    return write_national(target / "data", schaal, zaad)


def make_plain(target: Path, paginas: int) -> None:
    """Plain MkDocs + Material over `paginas` Markdown pages of about a record's size."""
    (target / "docs" / "p").mkdir(parents=True)
    (target / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (target / "docs" / "index.md").write_text("# Vergelijking\n\nGewone pagina's.\n", encoding="utf-8")
    for i in range(paginas - 1):
        (target / "docs" / "p" / f"pagina-{i}.md").write_text(PLAIN_PAGE.format(i=i, gemeente=i % 342), encoding="utf-8")


def mkdocs_build(project: Path) -> Run:
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(project / "site")], project)


def measure_site(meting: Meting, site: Path) -> None:
    paginas = [p for p in site.rglob("*.html") if p.name != "kaart.html" and KAART_ASSETS not in p.as_posix()]
    meting.paginas = sum(1 for p in paginas if p.name == "index.html")
    grootste = max(paginas, key=lambda p: p.stat().st_size)
    meting.grootste = (grootste.relative_to(site).as_posix(), grootste.stat().st_size)
    documenten = [p for p in site.rglob("kaart*.html") if KAART_ASSETS not in p.as_posix()]
    meting.kaart_documenten = (len(documenten), sum(p.stat().st_size for p in documenten))
    meting.kaart_assets = sum(p.stat().st_size for p in (site / KAART_ASSETS).rglob("*") if p.is_file())
    meting.zoekindex = eerste_zoekvraag(site)


def eerste_zoekvraag(site: Path) -> tuple[int, int]:
    """What the first search fetches, at most: with Pagefind the engine and its Dutch wasm, and
    of every part of the index (pagefind/, pagefind-2/, ...: merged on the search page) its entry
    and meta file and its largest index chunk, then the ten largest result fragments (Pagefind's
    files are gzipped already, so both figures are the same; benchmarks/zoeken.py measures it
    in Chromium); with Material's lunr the whole index. Nothing to search is an error, not a 0."""
    pagefind = site / "pagefind"
    if pagefind.is_dir():
        delen = [pagefind, *(p for p in site.glob("pagefind-*") if p.name.removeprefix("pagefind-").isdigit())]
        vast = [pagefind / "pagefind.js", pagefind / "wasm.nl.pagefind"]
        fragmenten: list[int] = []
        for deel in delen:
            vast += [deel / "pagefind-entry.json", *deel.glob("*.pf_meta")]
            vast += sorted((deel / "index").glob("*.pf_index"), key=lambda f: f.stat().st_size)[-1:]
            fragmenten += (f.stat().st_size for f in (deel / "fragment").glob("*.pf_fragment"))
        totaal = sum(f.stat().st_size for f in vast) + sum(sorted(fragmenten)[-10:])
        return totaal, totaal
    inhoud = (site / ZOEKINDEX).read_bytes()  # raises when the site has no search at all
    return len(inhoud), len(gzip.compress(inhoud))


def measure(schaal: float, keer: int, zaad: int, tmp: Path) -> Meting:
    meting = Meting(schaal, belasting=os.getloadavg()[0])
    project = tmp / f"project-{schaal}"
    meting.records = sum(make_project(project, schaal, zaad).values())
    check = [sys.executable, "-m", "socialekaart", "check", "data", "--datum", VANDAAG.isoformat()]
    meting.check = [run(check, project) for _ in range(keer)]
    meting.build = [mkdocs_build(project)]
    measure_site(meting, project / "site")
    plain = tmp / f"plain-{schaal}"
    make_plain(plain, meting.paginas)
    meting.plain = [mkdocs_build(plain)]
    # Taking turns, each into an empty folder: on some machines writing files slows down over a
    # run (a virtual machine here: up to 10x after many created and deleted), so neither side
    # gets all the later, slower turns, and neither times the removal of the last site.
    for _ in range(keer - 1):
        for map_, runs in ((project, meting.build), (plain, meting.plain)):
            shutil.rmtree(map_ / "site")
            runs.append(mkdocs_build(map_))
    shutil.rmtree(project)
    shutil.rmtree(plain)
    return meting


def seconden(runs: list[Run]) -> str:
    tijden = [r.seconds for r in runs]
    return f"{min(tijden):.1f} s (med. {statistics.median(tijden):.1f}; cpu {min(r.cpu for r in runs):.1f})"


def mb(n: float) -> str:
    return f"{n / MB:.1f} MB" if n >= MB else f"{n / 1024:.0f} KB"


def oordeel(gehaald: bool) -> str:
    return "gehaald" if gehaald else "NIET gehaald"


def rapport(metingen: list[Meting], keer: int) -> list[str]:
    """One row per figure, one column per scale; the budget column judges scale 1 (or the first)."""
    eerste = next((m for m in metingen if m.schaal == 1), metingen[0])
    build = {id(m): min(r.seconds for r in m.build) for m in metingen}
    plain = {id(m): min(r.seconds for r in m.plain) for m in metingen}
    build_cpu = {id(m): min(r.cpu for r in m.build) for m in metingen}
    plain_cpu = {id(m): min(r.cpu for r in m.plain) for m in metingen}
    piek = {id(m): min(r.peak for r in m.build) for m in metingen}
    kaarten = {id(m): m.kaart_documenten[1] + m.kaart_assets for m in metingen}
    rijen: list[tuple[str, list[str], str]] = [
        ("records (bestanden)", [f"{m.records:,}" for m in metingen], ""),
        ("pagina's", [f"{m.paginas:,}" for m in metingen], ""),
        ("socialekaart check", [seconden(m.check) for m in metingen],
         f"≤ {BUDGET_CHECK:.0f} s: {oordeel(min(r.seconds for r in eerste.check) <= BUDGET_CHECK)}"),
        ("mkdocs build --strict", [seconden(m.build) for m in metingen], ""),
        ("gewone MkDocs + Material", [seconden(m.plain) for m in metingen], ""),
        ("verhouding", [f"{build[id(m)] / plain[id(m)]:.2f}× (cpu {build_cpu[id(m)] / plain_cpu[id(m)]:.2f}×)" for m in metingen],
         f"≤ {BUDGET_BUILD_FACTOR}×: {oordeel(build[id(eerste)] <= BUDGET_BUILD_FACTOR * plain[id(eerste)])}"),
        ("piekgeheugen build", [mb(piek[id(m)]) for m in metingen],
         f"≤ {mb(BUDGET_GEHEUGEN)}: {oordeel(piek[id(eerste)] <= BUDGET_GEHEUGEN)}"),
        ("piekgeheugen gewoon", [mb(min(r.peak for r in m.plain)) for m in metingen], ""),
        ("grootste pagina", [mb(m.grootste[1]) for m in metingen],
         f"≤ {mb(BUDGET_PAGINA)}: {oordeel(eerste.grootste[1] <= BUDGET_PAGINA)}"),
        ("  welke", [m.grootste[0] for m in metingen], ""),
        ("kaartdocumenten", [f"{m.kaart_documenten[0]:,}: {mb(m.kaart_documenten[1])}" for m in metingen], ""),
        ("kaarten samen (met assets)", [mb(kaarten[id(m)]) for m in metingen],
         f"≤ {mb(BUDGET_KAARTEN)}: {oordeel(kaarten[id(eerste)] <= BUDGET_KAARTEN)}"),
        ("eerste zoekopdracht laadt (hoogstens)", [f"{mb(m.zoekindex[0])} (gzip {mb(m.zoekindex[1])})" for m in metingen],
         f"≤ {mb(BUDGET_ZOEKEN)}: {oordeel(eerste.zoekindex[0] <= BUDGET_ZOEKEN)}"),
        ("belasting machine vooraf", [f"{m.belasting:.1f}" for m in metingen], ""),
    ]
    breedte = max(len(naam) for naam, _, _ in rijen)
    kolommen = [max(len(f"{m.schaal:g}×"), *(len(r[1][i]) for r in rijen)) for i, m in enumerate(metingen)]
    kop = f"{'':<{breedte}}  " + "  ".join(f"{f'{m.schaal:g}×':<{k}}" for m, k in zip(metingen, kolommen))
    regels = [f"{os.cpu_count()} cores; tijden: beste van {keer} (mediaan); budget bij {eerste.schaal:g}×", kop + "  budget"]
    for naam, waarden, budget in rijen:
        regels.append(f"{naam:<{breedte}}  " + "  ".join(f"{w:<{k}}" for w, k in zip(waarden, kolommen)) + f"  {budget}")
    return regels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schaal", type=float, nargs="+", default=[1.0], help="schaalfactoren, bijvoorbeeld 1 2 4")
    parser.add_argument("--keer", type=int, default=3, help="aantal metingen per cijfer; de beste telt")
    parser.add_argument("--zaad", type=int, default=0, help="zaad van de generator (zelfde zaad, zelfde gegevens)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nationaal-") as tmp:
        metingen = [measure(schaal, args.keer, args.zaad, Path(tmp)) for schaal in args.schaal]
    print("\n".join(rapport(metingen, args.keer)))


if __name__ == "__main__":
    main()
