"""How long `socialekaart check` takes on 10,000 records. Target: at most 2 s on 2 cores.

Writes 10,000 valid records of every sociale-kaart type (about the size of the real ones)
to a temporary folder, then times `check()` as a whole, the `socialekaart check` command
from start to end, and the phases of `check()` one by one: reading and parsing the YAML,
validating the models, and applying the rules.

Run: .venv/bin/python benchmarks/check_10k.py [--records N] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from socialekaart import check as check_module
from socialekaart.check import check
from socialekaart.collector import collector_paused
from socialekaart.load import Dataset, load_dataset
from socialekaart.models import RECORD_TYPES
from socialekaart.positioned_yaml import read_value
from socialekaart.rules import record_rules

VANDAAG = date(2026, 6, 1)
REGIOS = 10
GEMEENTEN_PER_REGIO = 8
SCHEMA = "# yaml-language-server: $schema=../../schemas/{folder}.schema.json\n"
AGENDA_SCHEMA = "# yaml-language-server: $schema=../../../schemas/agenda.schema.json\n"
TELEFOON = ["14 0348", "14 030", "14 020", "14 010"]  # 14-numbers: gemeente switchboards, nobody's own line
THEMAS = ["maatje", "buurtgezin", "steunouder", "thuisbezoek", "netwerk", "mentor", "lotgenoten", "opvoeden"]
# Where the Netherlands is, roughly: generated gemeenten lie inside PDOK's map.
LAT, LON = (50.8, 53.4), (3.5, 7.1)
# The national set at scale 1 (issue 14): 342 gemeenten in 40 regions, and per folder the records.
NATIONAAL_GEMEENTEN, NATIONAAL_REGIOS = 342, 40
NATIONAAL = {"providers": 2_000, "lokale-teams": 342, "informele-steun": 6_000, "gezinshuizen": 1_500}
AGENDAPUNTEN_PER_REGIO = 5


@dataclass(frozen=True)
class Gebied:
    """Where a generated record is: its region's id and one of that region's gemeente codes."""

    regio: str
    gemeente: str


class Indeling:
    """Regions with their gemeenten, spread over the country; deterministic for a seed.

    Records are handed out over the gemeenten in turn, so every gemeente gets about as many.
    """

    def __init__(self, regios: int, gemeenten: int, zaad: int = 0) -> None:
        rng = random.Random(zaad)
        self.per_regio = [gemeenten // regios + (r < gemeenten % regios) for r in range(regios)]
        self.gebieden = [Gebied(f"regio-{r}", code(r, g)) for r, n in enumerate(self.per_regio) for g in range(n)]
        self.coordinaten = {
            g.gemeente: (round(rng.uniform(*LAT), 4), round(rng.uniform(*LON), 4)) for g in self.gebieden
        }

    def gebied(self, i: int) -> Gebied:
        return self.gebieden[i % len(self.gebieden)]


def code(regio: int, n: int) -> str:
    return f"GM{regio * 100 + n + 1:04d}"


def regio_file(r: int, indeling: Indeling) -> str:
    gemeenten = ""
    for g in range(indeling.per_regio[r]):
        lat, lon = indeling.coordinaten[code(r, g)]
        gemeenten += f"  - code: {code(r, g)}\n    naam: Gemeente {r}-{g}\n    coordinaten: {{lat: {lat}, lon: {lon}}}\n"
    return f"naam: Regio {r}\nbeschrijving: De gemeenten van regio {r} werken samen aan jeugdhulp.\ngemeenten:\n{gemeenten}"


def aanbieder_file(i: int, waar: Gebied, aanbieders: int, rng: random.Random) -> str:
    return f"""naam: Aanbieder {i}
beschrijving: |
  Aanbieder {i} helpt gezinnen met jeugdhulp thuis en op de praktijk. Ouders en kinderen
  werken samen met een vaste hulpverlener aan wat zij zelf belangrijk vinden.

  - Hulp bij opvoeden en opgroeien
  - Begeleiding van jongeren
  - Meer op [de website](https://example.org/aanbieder-{i}).
aanbod: [ambulante-jeugdhulp, opvoedondersteuning, gezinshuizen]
regios: [{waar.regio}]
gemeenten: [{waar.gemeente}]
locaties:
  - naam: Kantoor {i}
    plaats: Plaats {i}
    gemeente: {waar.gemeente}
    adres: Voorbeeldplein {i % 90 + 1}
    postcode: 1234 AB
contact:
  telefoon: {TELEFOON[i % len(TELEFOON)]}
  email: info{i}@example.org
  website: https://example.org/aanbieder-{i}
  openingstijden: ma-vr 9.00-17.00
kvk: "{10000000 + i}"
gecontroleerd_op: 2026-05-01
voorbeeld: true
"""


def team_file(i: int, waar: Gebied, aanbieders: int, rng: random.Random) -> str:
    scholen = "".join(f"  - naam: School {i}-{s}\n    brin: {i % 90 + 10:02d}AB\n    plaats: Plaats {i}\n" for s in range(3))
    return f"""naam: Lokaal team {i}
gemeenten: [{waar.gemeente}]
beschrijving: Het lokale team helpt bij vragen over opgroeien, opvoeden, geld en werk.
contact:
  telefoon: {TELEFOON[i % len(TELEFOON)]}
  email: team{i}@example.org
werkgebied: [Kern A, Kern B]
scholen:
{scholen}contactpersonen:
  - functie: contactpersoon onderwijs
    rollen: [onderwijs]
    email: onderwijs{i}@example.org
    contactmoment: dinsdag 9.00-10.00 op school
  - functie: contactpersoon huisartsen
    rollen: [huisartsen, jgz]
    telefoon: {TELEFOON[(i + 1) % len(TELEFOON)]}
gecontroleerd_op: 2026-05-01
voorbeeld: true
"""


def steun_file(i: int, waar: Gebied, aanbieders: int, rng: random.Random) -> str:
    themas = rng.sample(THEMAS, 2)
    # One in ten initiatives works in the whole region (no gemeenten listed).
    gemeenten = "" if i % 10 == 9 else f"gemeenten: [{waar.gemeente}]\n"
    return f"""naam: Initiatief {i}
samenvatting: Een vrijwilliger trekt een paar uur per week met je kind op, zodat jij even op adem komt.
beschrijving: |
  Initiatief {i} koppelt een **vrijwilliger** aan je gezin. Samen spreken jullie af wat
  je kind nodig heeft: een luisterend oor, hulp bij huiswerk of samen sporten.

  De vrijwilligers krijgen een training en een coördinator begeleidt hen. Een koppeling
  duurt meestal een jaar; daarna kijken jullie samen of het goed is zo.

  Je meldt je zelf aan. Meer weten? Mail naar [het initiatief](mailto:steun{i}@example.org).
aanbieder: aanbieder-{i % aanbieders}
agenda: [{waar.regio}/ambitie-{i % AGENDAPUNTEN_PER_REGIO + 1}]
themas: [{themas[0]}, {themas[1]}]
doelgroep: [kinderen, ouders]
leeftijd_min: {rng.choice([0, 4, 12])}
leeftijd_max: 18
regio: {waar.regio}
{gemeenten}locaties:
  - naam: Buurthuis {i}
    plaats: Plaats {i}
    gemeente: {waar.gemeente}
kosten: gratis
aanmelden: [zelf, lokaal-team]
zonder_verwijzing: true
contact:
  email: steun{i}@example.org
  website: https://example.org/steun-{i}
gecontroleerd_op: 2026-05-01
voorbeeld: true
"""


def huis_file(i: int, waar: Gebied, aanbieders: int, rng: random.Random) -> str:
    # Plaats level only: two decimals (about 1 km), never an address.
    lat, lon = (round(c + rng.uniform(-0.05, 0.05), 2) for c in _midden(waar))
    return f"""naam: Gezinshuis {i}
aanbieder: aanbieder-{i % aanbieders}
gemeente: {waar.gemeente}
plaats: Plaats {i}
coordinaten: {{lat: {lat}, lon: {lon}}}
leeftijd_min: 4
leeftijd_max: 18
plekken:
  totaal: 4
  vrij: {rng.randint(0, 2)}
  peildatum: 2026-05-20
specialisaties: [hechting, broers en zussen samen]
beschrijving: >-
  Een gezin met twee eigen kinderen en een grote tuin, vlak bij school en de sportclub.
  De gezinshuisouders hebben ervaring met jonge kinderen en met broers en zussen samen.
gecontroleerd_op: 2026-05-01
voorbeeld: true
"""


_COORDINATEN: dict[str, tuple[float, float]] = {}


def _midden(waar: Gebied) -> tuple[float, float]:
    return _COORDINATEN.get(waar.gemeente, (52.1, 5.1))


def agenda_file(r: int) -> str:
    return f"""titel: Regionale agenda jeugd regio {r}
periode: 2024-2027
van: 2024
tot_en_met: 2027
bijgewerkt_op: 2026-11-01
brondocument:
  titel: Regionale agenda jeugd regio {r}
  soort: regionale agenda
indeling: [ambitie]
"""


def agendapunt_file(n: int) -> str:
    # Every other item names the whole informele-steun folder: its region's initiatives belong to it.
    kaart = "kaart: [informele-steun]\n" if n % 2 else ""
    return f"soort: ambitie\nnummer: {n}\ntitel: Ambitie {n} van de regio\n{kaart}"


MAKERS = {"providers": aanbieder_file, "lokale-teams": team_file, "informele-steun": steun_file, "gezinshuizen": huis_file}
PREFIXES = {"providers": "aanbieder", "lokale-teams": "team", "informele-steun": "initiatief", "gezinshuizen": "gezinshuis"}


def write_set(root: Path, indeling: Indeling, counts: dict[str, int], zaad: int = 0) -> dict[str, int]:
    """Regions, their agendas, and `counts` records per folder, valid for `socialekaart check`."""
    rng = random.Random(zaad)
    _COORDINATEN.clear()
    _COORDINATEN.update(indeling.coordinaten)
    for folder in ["regios", "agendas", *MAKERS]:
        (root / folder).mkdir(parents=True)
    for r in range(len(indeling.per_regio)):
        (root / "regios" / f"regio-{r}.yml").write_text(SCHEMA.format(folder="regios") + regio_file(r, indeling), encoding="utf-8")
        (root / "agendas" / f"regio-{r}.yml").write_text(SCHEMA.format(folder="agendas") + agenda_file(r), encoding="utf-8")
        (root / "agenda" / f"regio-{r}").mkdir(parents=True)
        for n in range(1, AGENDAPUNTEN_PER_REGIO + 1):
            (root / "agenda" / f"regio-{r}" / f"ambitie-{n}.yml").write_text(AGENDA_SCHEMA + agendapunt_file(n), encoding="utf-8")
    for folder, count in counts.items():
        for i in range(count):
            text = SCHEMA.format(folder=folder) + MAKERS[folder](i, indeling.gebied(i), counts["providers"], rng)
            (root / folder / f"{PREFIXES[folder]}-{i}.yml").write_text(text, encoding="utf-8")
    regios = len(indeling.per_regio)
    return {"regios": regios, "agendas": regios, "agenda": regios * AGENDAPUNTEN_PER_REGIO, **counts}


def write_national(root: Path, schaal: float = 1, zaad: int = 0) -> dict[str, int]:
    """The national set of issue 14 at `schaal` times its size (the gemeenten stay 342)."""
    counts = {folder: max(1, round(n * schaal)) for folder, n in NATIONAAL.items()}
    return write_set(root, Indeling(NATIONAAL_REGIOS, NATIONAAL_GEMEENTEN, zaad), counts, zaad)


def write_records(root: Path, total: int) -> dict[str, int]:
    """Providers 10%, teams 10%, informele steun 50%, gezinshuizen 30% of the records."""
    counts = {"providers": total // 10, "lokale-teams": total // 10, "gezinshuizen": total * 3 // 10}
    regios_en_agendas = 2 * REGIOS + REGIOS * AGENDAPUNTEN_PER_REGIO
    counts["informele-steun"] = total - regios_en_agendas - sum(counts.values())
    return write_set(root, Indeling(REGIOS, REGIOS * GEMEENTEN_PER_REGIO), counts)


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def cpu_seconds() -> float:
    """Processor time of this process and its helpers: steadier than wall time on a busy machine."""
    own, helpers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + helpers.ru_utime + helpers.ru_stime


def measure_check(root: Path) -> dict[str, float]:
    cpu = cpu_seconds()
    seconds, result = timed(lambda: check(root, VANDAAG))
    assert result.problems == [], result.problems[:3]  # the figure only counts for valid data
    return {"check()": seconds, "cpu": cpu_seconds() - cpu}


def measure_phases(root: Path) -> dict[str, float]:
    """The same work as check(), one phase at a time, in this one process (with the cycle
    collector paused, as check() does)."""
    with collector_paused():
        return _phases(root)


def _phases(root: Path) -> dict[str, float]:
    paths = sorted(root.rglob("*.yml"))
    parse, values = timed(lambda: [(p, read_value(p)) for p in paths])
    models = {p: RECORD_TYPES[p.relative_to(root).parts[0]].model for p in paths}
    validate, _ = timed(lambda: [models[p].model_validate(v, context={"vandaag": VANDAAG}) for p, v in values])
    dataset: Dataset = load_dataset(root, VANDAAG)[0]
    rules, _ = timed(lambda: [list(record_rules(dataset)), *[list(rule(dataset, VANDAAG)) for rule in check_module.CROSS_RULES]])
    return {"lezen en parsen": parse, "valideren": validate, "regels": rules}


def in_fresh_process(what: str, root: Path) -> dict[str, float]:
    """Each measurement in a new process: no warm caches from an earlier run, as for a user."""
    output = subprocess.run([sys.executable, __file__, what, str(root)], check=True, capture_output=True, text=True).stdout
    return json.loads(output)


def timed_command(root: Path) -> float:
    """The whole command as a policy officer runs it: Python starting, imports, output."""
    command = [sys.executable, "-m", "socialekaart", "check", str(root), "--datum", VANDAAG.isoformat()]
    seconds, result = timed(lambda: subprocess.run(command, capture_output=True, text=True))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return seconds


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] in ("--check", "--fasen"):
        measure = measure_check if sys.argv[1] == "--check" else measure_phases
        print(json.dumps(measure(Path(sys.argv[2]))))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        counts = write_records(root, args.records)
        size = sum(p.stat().st_size for p in root.rglob("*.yml"))
        print(f"{sum(counts.values())} records ({', '.join(f'{n} {f}' for f, n in counts.items())}), "
              f"gemiddeld {size / sum(counts.values()) / 1024:.1f} KB, {os.cpu_count()} cores")
        print(f"belasting van de machine vooraf: {os.getloadavg()[0]:.1f}")
        runs = [in_fresh_process("--check", root) for _ in range(args.runs)]
        totals = [run["check()"] for run in runs]
        print(f"check(): {min(totals):.2f} s (beste van {args.runs}; mediaan {statistics.median(totals):.2f} s), "
              f"processortijd {min(run['cpu'] for run in runs):.2f} s")
        commands = [timed_command(root) for _ in range(args.runs)]
        print(f"het commando 'socialekaart check' (met opstarten en importeren): {min(commands):.2f} s "
              f"(beste van {args.runs}; mediaan {statistics.median(commands):.2f} s)")
        phases = [in_fresh_process("--fasen", root) for _ in range(args.runs)]
        print("per fase, in één proces (beste van elk):")
        for name in phases[0]:
            print(f"  {name}: {min(p[name] for p in phases):.2f} s")


if __name__ == "__main__":
    main()
