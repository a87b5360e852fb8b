"""The command line: `socialekaart check | schema | nieuw | importeer`."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from .check import check as run_check
from .load import SLUG
from .models import RECORD_TYPES
from .opendata.importeer import SOORTEN, importeer as run_importeer, schrijf
from .opendata.importeer.bronnen import CSV_EXTENSIES, SPREADSHEET_EXTENSIES
from .opendata.importeer.spreadsheet import schrijf_spreadsheet
from .problems import samenvatting
from .schema import write_schemas
from .template import template


@click.group(help="Sociale kaart en regionale agenda jeugd: gegevens controleren en beheren.")
@click.version_option(package_name="socialekaart")
def main() -> None:
    pass


@main.command(help="Controleer alle gegevens in DATA_MAP (standaard: data) en meld elke fout met bestand en regel.")
@click.argument("data_map", default="data", type=click.Path(path_type=Path))
@click.option("--format", "formaat", type=click.Choice(["tekst", "github"]), default="tekst", show_default=True,
              help="'github' geeft meldingen die GitHub Actions bij de regel in de pull request toont.")
@click.option("--datum", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Controleer alsof het deze datum is (JJJJ-MM-DD); standaard vandaag.")
def check(data_map: Path, formaat: str, datum) -> None:
    if not data_map.is_dir():
        reden = "is een bestand, geen map" if data_map.exists() else "bestaat niet"
        click.echo(f"fout: de gegevensmap '{data_map}' {reden}; geef de map met de YAML-bestanden, bijvoorbeeld 'data'", err=True)
        sys.exit(2)
    vandaag: date = datum.date() if datum else date.today()
    result = run_check(data_map, vandaag)
    for problem in result.problems:
        click.echo(problem.github() if formaat == "github" else problem.gcc())
    click.echo(samenvatting(result.problems, result.dataset.bestanden))
    sys.exit(0 if result.ok else 1)


@main.command(help="Schrijf een JSON Schema per soort record, voor automatisch aanvullen in je editor.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("schemas"), show_default=True)
def schema(out: Path) -> None:
    for path in write_schemas(out):
        click.echo(f"geschreven: {path}")


@main.command(help="Maak een nieuw record om in te vullen: SOORT is een map in data/, ID wordt de bestandsnaam. "
              "Met --spreadsheet: een lege spreadsheet om records in te vullen voor 'socialekaart importeer' "
              "(het tweede argument is dan het bestand, standaard <soort>.xlsx).")
@click.argument("soort")
@click.argument("id", required=False)
@click.option("--data", "data_map", type=click.Path(path_type=Path), default=Path("data"), show_default=True)
@click.option("--spreadsheet", is_flag=True, help="Maak een spreadsheet (.xlsx, of .csv) met een kolom per veld, uitleg en toegestane waarden.")
def nieuw(soort: str, id: str | None, data_map: Path, spreadsheet: bool) -> None:
    record_type = RECORD_TYPES.get(soort)
    if record_type is None:
        click.echo(f"fout: onbekende soort '{soort}'; kies uit: {', '.join(sorted(RECORD_TYPES))}", err=True)
        sys.exit(2)
    if spreadsheet:
        _nieuwe_spreadsheet(soort, Path(id or f"{soort}.xlsx"))
        return
    if id is None:
        click.echo("fout: geef het id van het nieuwe record, bijvoorbeeld 'socialekaart nieuw informele-steun maatjes-woerden'", err=True)
        sys.exit(2)
    parts = id.split("/")
    if len(parts) != (2 if record_type.nested else 1) or not all(SLUG.match(p) for p in parts):
        vorm = "id; gebruik '<regio>/<id>'," if record_type.nested else "id:"
        click.echo(f"fout: '{id}' is geen geldig {vorm} alleen kleine letters, cijfers en streepjes", err=True)
        sys.exit(2)
    path = data_map / soort / f"{id}.yml"
    if path.exists():
        click.echo(f"fout: {path} bestaat al; kies een ander id of pas dat bestand aan", err=True)
        sys.exit(2)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(template(soort), encoding="utf-8")
    click.echo(f"aangemaakt: {path}")


def _nieuwe_spreadsheet(soort: str, path: Path) -> None:
    if soort not in SOORTEN:
        click.echo(f"fout: een spreadsheet kan voor deze soorten: {', '.join(SOORTEN)}", err=True)
        sys.exit(2)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        click.echo(f"fout: '{path}': kies een bestandsnaam die eindigt op .xlsx of .csv", err=True)
        sys.exit(2)
    if path.exists():
        click.echo(f"fout: {path} bestaat al; kies een andere bestandsnaam", err=True)
        sys.exit(2)
    schrijf_spreadsheet(path, soort)
    click.echo(f"aangemaakt: {path} (vul per rij een record in; importeer met 'socialekaart importeer {path} --soort {soort}')")


@main.command(help="Importeer records uit een spreadsheet (.xlsx, .xlsm, .xls, .ods) of CSV-bestand: een YAML-bestand per rij "
              "in DATA/SOORT/. Alles wordt eerst gecontroleerd zoals bij 'check'; bij een fout wordt niets geschreven.")
@click.argument("bestand", type=click.Path(path_type=Path))
@click.option("--soort", required=True, type=click.Choice(SOORTEN), help="Wat voor records er in het bestand staan.")
@click.option("--data", "data_map", type=click.Path(path_type=Path), default=Path("data"), show_default=True)
@click.option("--blad", default=None, help="Het werkblad om te lezen; standaard het eerste.")
@click.option("--proef", is_flag=True, help="Laat zien wat er geschreven zou worden, en schrijf niets.")
@click.option("--overschrijven", is_flag=True, help="Vervang bestaande bestanden met hetzelfde id (anders is dat een fout).")
@click.option("--datum", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Controleer alsof het deze datum is (JJJJ-MM-DD); standaard vandaag.")
def importeer(bestand: Path, soort: str, data_map: Path, blad: str | None, proef: bool, overschrijven: bool, datum) -> None:
    if not bestand.is_file():
        click.echo(f"fout: het bestand '{bestand}' bestaat niet", err=True)
        sys.exit(2)
    if bestand.suffix.lower() not in CSV_EXTENSIES + SPREADSHEET_EXTENSIES:
        soorten = ", ".join(CSV_EXTENSIES + SPREADSHEET_EXTENSIES)
        click.echo(f"fout: '{bestand}': dit soort bestand kan niet worden geïmporteerd; gebruik een van: {soorten}", err=True)
        sys.exit(2)
    if not data_map.is_dir():
        click.echo(f"fout: de gegevensmap '{data_map}' bestaat niet; geef de map met de YAML-bestanden met --data", err=True)
        sys.exit(2)
    vandaag: date = datum.date() if datum else date.today()
    resultaat = run_importeer(bestand, soort, data_map, overschrijven=overschrijven, vandaag=vandaag, blad=blad)
    for problem in resultaat.problemen:
        click.echo(problem.gcc())
    if not resultaat.ok:
        fouten = sum(p.is_fout for p in resultaat.problemen)
        click.echo(f"{fouten} {'fout' if fouten == 1 else 'fouten'} in {bestand}; er is niets geschreven.")
        sys.exit(1)
    if proef:
        for path, text in resultaat.bestanden():
            click.echo(f"--- zou {'vervangen' if path.stem in resultaat.vervangt else 'schrijven'}: {path}")
            click.echo(text, nl=False)
        click.echo(f"Proef: {len(resultaat.records)} records in orde; er is niets geschreven.")
        return
    try:
        schrijf(resultaat)
    except OSError as error:
        click.echo(f"fout: schrijven in {data_map / soort} lukte niet ({error.strerror}); er is niets geschreven", err=True)
        sys.exit(1)
    # One write for the whole list: 50,000 separate writes to the terminal take seconds.
    click.echo("\n".join(f"{'vervangen' if vervangt else 'geschreven'}: {path}" for path, vervangt in resultaat.paden()))
    click.echo(f"{len(resultaat.records)} records geïmporteerd in {data_map / soort}.")
