"""`mkdocs serve` on national data (issue 14 part 3): seconds from saving one YAML file until
the browser gets the changed page, best of --keer.

Makes the national project (as nationaal.py), starts `mkdocs serve` on a free port, waits for
the first build, then, --keer times each:
- changes one informele-steun initiative: its description, its name (which moves it in its
  overview) and its gemeente (which moves it between gemeente pages);
- adds a new initiative file, and removes it again (its page must then be gone);
- changes the title of an agenda item;
- saves twice in a row, the second time while the rest of the site after the first is still
  being made (its page must not wait for that rest);
- renames a gemeente in its region file (its page moves; every page may name it);
and polls the page until the new text is served (or is gone). Also printed: when serve's log says
the rest of the site (gemeente pages, open data, ...) is written ("site compleet"), measured from
the last save by serve itself, and how many full builds serve made (0 is the aim).

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
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from check_10k import VANDAAG  # noqa: E402  (a script beside this one)
from nationaal import make_project  # noqa: E402

BESTAND = "data/informele-steun/initiatief-7.yml"
PAGINA = "informele-steun/initiatief-7/"
AGENDAPUNT = "data/agenda/regio-1/ambitie-1.yml"
AGENDAPAGINA = "agenda/regio-1/ambitie-1/"
REGIO = "data/regios/regio-1.yml"
GEMEENTE = "Gemeente 1-0"  # its page moves with its name, and every page that names it changes
SNEL = re.compile(r"pagina's opnieuw gemaakt en [0-9]+ weggehaald in ([0-9.]+) s \(([0-9.]+) s processortijd\)")
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


def wacht_op(url: str, tekst: str | None, grens: float) -> float:
    """Seconds until `url` serves `tekst`, or (None) serves nothing (polled every 20 ms)."""
    start = time.perf_counter()
    while (tekst not in lees(url)) if tekst is not None else lees(url):
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
    parser.add_argument("--alleen", default="", help="alleen de soorten wijzigingen waarvan de naam dit bevat")
    parser.add_argument("--rust", type=float, default=3, help="seconden tussen twee opslagen (iemand leest eerst)")
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
            eerste = wacht_op(f"http://127.0.0.1:{poort}/{PAGINA}", "Initiatief 7", 1800)
            print(f"{records} gegevensbestanden; eerste build in serve: {eerste:.0f} s (belasting {os.getloadavg()[0]:.1f})")
            time.sleep(2)
            for soort, stappen in scenarios(project, args.keer, poort):
                if args.alleen not in soort:
                    continue
                pagina, compleet = [], []
                for actie, pad, te_zien in stappen:
                    klaar = len(COMPLEET.findall(logpad.read_text(errors="replace")))
                    actie()
                    pagina.append(wacht_op(f"http://127.0.0.1:{poort}/{pad}", te_zien, 900))
                    compleet.append(wacht_op_log(logpad, klaar, 900))
                    print(f"  {soort}: {pagina[-1]:.2f} s tot de nieuwe pagina, site compleet na {compleet[-1]:.1f} s "
                          f"(belasting {os.getloadavg()[0]:.1f})")
                    time.sleep(args.rust)  # a person reads before the next save; the search index runs meanwhile
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


Stap = tuple[Callable[[], None], str, str | None]  # what to save, the page, its new text (None: gone)


def scenarios(project: Path, keer: int, poort: int) -> list[tuple[str, list[Stap]]]:
    bestand = project / BESTAND

    def bewerk(pad: Path, oud: str, nieuw: str) -> Callable[[], None]:
        return lambda: wijzig(pad, oud, nieuw)

    def bewerkingen(lijst: list[tuple[str, str, str]], pad: Path = bestand, pagina: str = PAGINA) -> list[Stap]:
        return [(bewerk(pad, oud, nieuw), pagina, te_zien) for oud, nieuw, te_zien in lijst]

    nieuw_en_weg: list[Stap] = []
    for i in range(keer):
        nieuw = bestand.with_name(f"nieuw-initiatief-{i}.yml")
        tekst = bestand.read_text(encoding="utf-8").replace("naam: Initiatief 7", f"naam: Nieuw initiatief {i}")
        pad = f"informele-steun/nieuw-initiatief-{i}/"
        nieuw_en_weg += [(lambda n=nieuw, t=tekst: n.write_text(t, encoding="utf-8"), pad, f"Nieuw initiatief {i}"),
                         (nieuw.unlink, pad, None)]
    punt = project / AGENDAPUNT
    titel = "titel: Ambitie 1 van de regio"
    agenda = [(f"{titel}{' versie ' + str(i - 1) if i else ''}", f"{titel} versie {i}", f"Ambitie 1 van de regio versie {i}") for i in range(keer)]

    def twee_keer(i: int) -> Stap:
        """The first save's rest (seconds) is still being made when the second one comes."""
        def opslaan() -> None:
            naam = re.search(r"^naam: .*$", bestand.read_text(encoding="utf-8"), re.MULTILINE)
            assert naam is not None
            wijzig(bestand, naam.group(0), f"naam: Eerst {i}")
            time.sleep(0.5)
            wijzig(bestand, f"naam: Eerst {i}", f"naam: Twee keer {i}")
        return opslaan, PAGINA, f"Twee keer {i}"

    regio = project / REGIO
    gemeentenamen = [(f"naam: {GEMEENTE}{' versie ' + str(i - 1) if i else ''}", f"naam: {GEMEENTE} versie {i}",
                      f"gemeenten/{GEMEENTE.lower().replace(' ', '-')}-versie-{i}/") for i in range(keer)]
    regio_stappen: list[Stap] = [(bewerk(regio, oud, nieuw), pad, nieuw.removeprefix("naam: ")) for oud, nieuw, pad in gemeentenamen]
    return [("beschrijving", bewerkingen(beschrijvingen(keer))), ("naam", bewerkingen(namen(keer))),
            ("gemeente", bewerkingen(gemeenten(keer))), ("nieuw bestand en weer weg", nieuw_en_weg),
            ("agendapunt", bewerkingen(agenda, punt, AGENDAPAGINA)), ("twee keer kort na elkaar", [twee_keer(i) for i in range(keer)]),
            ("naam van een gemeente (regiobestand)", regio_stappen)]


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
