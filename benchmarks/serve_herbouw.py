"""`mkdocs serve` on national data (issue 14 part 3): seconds from saving one YAML file until
the browser gets the changed page, best of --keer.

Makes the national project (as nationaal.py), starts `mkdocs serve` on a free port, waits for
the first build, then each time changes the description of one informele-steun initiative and
polls its page until the new text is served. With --naam it also changes a name once: that
edit needs a full build (see socialekaart/site/herbouw.py), shown for comparison.

Run: .venv/bin/python benchmarks/serve_herbouw.py [--schaal 1] [--keer 5] [--naam]
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from check_10k import VANDAAG  # noqa: E402  (a script beside this one)
from nationaal import make_project  # noqa: E402

BESTAND = "data/informele-steun/initiatief-7.yml"
PAGINA = "informele-steun/initiatief-7/"
SNEL = re.compile(r"pagina's opnieuw gemaakt in ([0-9.]+) s \(([0-9.]+) s processortijd\)")


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def lees(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as antwoord:
            return antwoord.read().decode()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wacht_op(url: str, tekst: str, grens: float) -> float:
    """Seconds until `url` serves `tekst` (polled every 20 ms)."""
    start = time.perf_counter()
    while tekst not in lees(url):
        if time.perf_counter() - start > grens:
            sys.exit(f"na {grens:.0f} s staat '{tekst}' nog niet op {url}")
        time.sleep(0.02)
    return time.perf_counter() - start


def wijzig(bestand: Path, oud: str, nieuw: str) -> None:
    inhoud = bestand.read_text(encoding="utf-8")
    assert oud in inhoud, oud
    bestand.write_text(inhoud.replace(oud, nieuw, 1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schaal", type=float, default=1)
    parser.add_argument("--keer", type=int, default=5)
    parser.add_argument("--naam", action="store_true", help="ook één keer een naam wijzigen (volledige build)")
    parser.add_argument("--log", action="store_true", help="het einde van de uitvoer van mkdocs serve tonen")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="serve-herbouw-") as tmp:
        project = Path(tmp) / "project"
        records = sum(make_project(project, args.schaal, 0).values())
        poort = vrije_poort()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOCIALEKAART_DATUM": VANDAAG.isoformat()}
        log = open(Path(tmp) / "serve.log", "wb")  # noqa: SIM115  (open while the server runs)
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{poort}"],
                                cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{poort}/{PAGINA}"
            eerste = wacht_op(url, "Initiatief 7", 1800)
            print(f"{records} gegevensbestanden; eerste build in serve: {eerste:.0f} s (belasting {os.getloadavg()[0]:.1f})")
            time.sleep(2)
            bestand = project / BESTAND
            tijden = []
            vorige = "Initiatief 7 koppelt"
            for i in range(args.keer):
                nieuw = f"Versie {i} van dit initiatief koppelt"
                wijzig(bestand, vorige, nieuw)
                tijden.append(wacht_op(url, nieuw, 900))
                vorige = nieuw
                print(f"  beschrijving gewijzigd: {tijden[-1]:.2f} s tot de nieuwe pagina (belasting {os.getloadavg()[0]:.1f})")
                time.sleep(3)  # a person reads before the next save; the search index runs meanwhile
            print(f"opgeslagen -> pagina nieuw: beste {min(tijden):.2f} s, mediaan {mediaan(tijden):.2f} s (budget 1 s)")
            eigen = [tuple(map(float, m)) for m in SNEL.findall((Path(tmp) / "serve.log").read_text(errors="replace"))]
            if eigen:
                muur, cpu = zip(*eigen)
                print(f"  waarvan de herbouw zelf (log van serve): mediaan {mediaan(muur):.2f} s, "
                      f"processortijd mediaan {mediaan(cpu):.2f} s, beste {min(cpu):.2f} s")
            if args.naam:
                seconden = naam_wijzigen(bestand, url)
                print(f"naam gewijzigd (volledige build): {seconden:.1f} s (belasting {os.getloadavg()[0]:.1f})")
        finally:
            proc.terminate()
            proc.wait(30)
            log.close()
            if args.log:
                print((Path(tmp) / "serve.log").read_text(errors="replace")[-3000:])


def mediaan(waarden) -> float:
    return sorted(waarden)[len(waarden) // 2]


def naam_wijzigen(bestand: Path, url: str) -> float:
    wijzig(bestand, "naam: Initiatief 7", "naam: Initiatief zeven")
    return wacht_op(url, "Initiatief zeven", 1800)


if __name__ == "__main__":
    main()
