"""`mkdocs serve` on national data (issue 14 part 3): seconds from saving one YAML file until
the browser gets the changed page, best of --keer.

Makes the national project (as nationaal.py), starts `mkdocs serve` on a free port, waits for
the first build, then changes one informele-steun initiative --keer times each: its description,
its name (which moves it in its overview) and its gemeente (which moves it between gemeente
pages), and polls its page until the new text is served. Also printed: when serve's log says the
rest of the site (gemeente pages, open data, ...) is written ("site compleet"), measured from
the save by serve itself.

Run: .venv/bin/python benchmarks/serve_herbouw.py [--schaal 1] [--keer 5]
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
COMPLEET = re.compile(r"site compleet na ([0-9.]+) s")


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
    bestand.write_text(inhoud.replace(oud, nieuw), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schaal", type=float, default=1)
    parser.add_argument("--keer", type=int, default=5)
    parser.add_argument("--log", action="store_true", help="het einde van de uitvoer van mkdocs serve tonen")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="serve-herbouw-") as tmp:
        project = Path(tmp) / "project"
        records = sum(make_project(project, args.schaal, 0).values())
        poort = vrije_poort()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOCIALEKAART_DATUM": VANDAAG.isoformat()}
        logpad = Path(tmp) / "serve.log"
        log = open(logpad, "wb")  # noqa: SIM115  (open while the server runs)
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{poort}"],
                                cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{poort}/{PAGINA}"
            eerste = wacht_op(url, "Initiatief 7", 1800)
            print(f"{records} gegevensbestanden; eerste build in serve: {eerste:.0f} s (belasting {os.getloadavg()[0]:.1f})")
            time.sleep(2)
            bestand = project / BESTAND
            for soort, wijzigingen in (("beschrijving", beschrijvingen(args.keer)), ("naam", namen(args.keer)),
                                       ("gemeente", gemeenten(args.keer))):
                pagina, compleet = [], []
                for oud, nieuw, te_zien in wijzigingen:
                    klaar = len(COMPLEET.findall(logpad.read_text(errors="replace")))
                    wijzig(bestand, oud, nieuw)
                    pagina.append(wacht_op(url, te_zien, 900))
                    compleet.append(wacht_op_log(logpad, klaar, 900))
                    print(f"  {soort} gewijzigd: {pagina[-1]:.2f} s tot de nieuwe pagina, site compleet na {compleet[-1]:.1f} s "
                          f"(belasting {os.getloadavg()[0]:.1f})")
                    time.sleep(3)  # a person reads before the next save; the search index runs meanwhile
                print(f"{soort}: opgeslagen -> pagina nieuw: beste {min(pagina):.2f} s, mediaan {mediaan(pagina):.2f} s (budget 1 s); "
                      f"site compleet: beste {min(compleet):.1f} s, mediaan {mediaan(compleet):.1f} s")
            eigen = [tuple(map(float, m)) for m in SNEL.findall(logpad.read_text(errors="replace"))]
            if eigen:
                muur, cpu = zip(*eigen)
                print(f"  waarvan de eigen pagina (log van serve, alle soorten): mediaan {mediaan(muur):.2f} s, "
                      f"processortijd mediaan {mediaan(cpu):.2f} s, beste {min(cpu):.2f} s")
            volledig = len(re.findall(r"Building documentation", logpad.read_text(errors="replace"))) - 1
            print(f"volledige builds na de eerste: {volledig}")
        finally:
            proc.terminate()
            proc.wait(30)
            log.close()
            if args.log:
                print(logpad.read_text(errors="replace")[-3000:])


def beschrijvingen(keer: int) -> list[tuple[str, str, str]]:
    vorige, uit = "Initiatief 7 koppelt", []
    for i in range(keer):
        nieuw = f"Versie {i} van dit initiatief koppelt"
        uit.append((vorige, nieuw, nieuw))
        vorige = nieuw
    return uit


def namen(keer: int) -> list[tuple[str, str, str]]:
    """Names that move the initiative up and down its region's overview."""
    vorige, uit = "naam: Initiatief 7", []
    for i in range(keer):
        nieuw = f"naam: {'Aa' if i % 2 == 0 else 'Zz'} initiatief 7 versie {i}"
        uit.append((vorige, nieuw, nieuw.removeprefix("naam: ")))
        vorige = nieuw
    return uit


def gemeenten(keer: int) -> list[tuple[str, str, str]]:
    """Move the initiative between two gemeenten of its region (its list and its one location).
    Awaited: the gemeente of its location ("Waar"); both names are on the page anyway (the
    gemeenten of its lokaal team, for the search results)."""
    codes = [("GM0008", "Gemeente 0-7"), ("GM0003", "Gemeente 0-2")]
    return [(codes[i % 2][0], codes[(i + 1) % 2][0], f"Waar</dt><dd>{codes[(i + 1) % 2][1]}</dd>") for i in range(keer)]


def wacht_op_log(logpad: Path, eerder: int, grens: float) -> float:
    """Seconds until serve's log says the rest of the site is written (after `eerder` such lines)."""
    start = time.perf_counter()
    while len(treffers := COMPLEET.findall(logpad.read_text(errors="replace"))) <= eerder:
        if time.perf_counter() - start > grens:
            sys.exit(f"na {grens:.0f} s is de site nog niet compleet")
        time.sleep(0.05)
    return float(treffers[-1])


def mediaan(waarden) -> float:
    return sorted(waarden)[len(waarden) // 2]


if __name__ == "__main__":
    main()
