"""The command line: `socialekaart check | schema | nieuw | init | export | importeer`."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from .check import check as run_check
from .instellingen import controleer_mkdocs
from .load import SLUG
from .models import KAART_SOORTEN as SOORTEN, RECORD_TYPES
from .problems import samenvatting
from .volledigheid import tabel_tekst

# What only the other commands need is imported in them: `check` runs in CI on every change
# and before every build, and those modules (spreadsheets, templates, HSDS) add a tenth of a second.


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
    # The region's identity in the mkdocs.yml beside the data: checked here too, not only at build.
    config = data_map.parent / "mkdocs.yml"
    shown = str(config) if data_map.parent != Path(".") else "mkdocs.yml"
    result.problems[:0] = controleer_mkdocs(config, shown, result.dataset.regios)
    for problem in result.problems:
        click.echo(problem.github() if formaat == "github" else problem.gcc())
    if result.volledigheid and not all(stand.compleet for stand in result.volledigheid):
        for regel in tabel_tekst(result.volledigheid):
            click.echo(regel)
    click.echo(samenvatting(result.problems, result.dataset.bestanden))
    sys.exit(0 if result.ok else 1)


@main.command(help="Schrijf een JSON Schema per soort record, voor automatisch aanvullen in je editor.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("schemas"), show_default=True)
def schema(out: Path) -> None:
    from .schema import write_schemas

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
    from .template import template

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


@main.command(help=(
    "Exporteer de gegevens als open data naar de map DOEL. FORMAAT is 'hsds' (Open Referral HSDS 3.0: "
    "datapackage.json, een CSV per tabel en JSON), 'csv', 'json', 'geojson' of 'alles'. "
    "Bij fouten in de gegevens wordt er niets geschreven."
))
@click.argument("formaat")
@click.argument("doel", type=click.Path(path_type=Path))
@click.option("--data", "data_map", type=click.Path(path_type=Path), default=Path("data"), show_default=True)
@click.option("--scheidingsteken", default=",", show_default=True,
              help="Scheidingsteken in de CSV-bestanden per soort: ',' of ';' (';' voor Excel met Nederlandse instellingen).")
@click.option("--licentie", "licentie_id", default=None,
              help="Licentie van de gegevens, bijvoorbeeld 'CC-BY-4.0'; standaard extra.socialekaart.licentie uit mkdocs.yml, anders CC0-1.0.")
@click.option("--datum", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Exporteer alsof het deze datum is (JJJJ-MM-DD); standaard vandaag.")
def export(formaat: str, doel: Path, data_map: Path, scheidingsteken: str, licentie_id: str | None, datum) -> None:
    from .opendata.export import FORMATEN, HSDS_MAP, exporteer, schrijf_map  # only here: see opendata/__init__.py
    from .opendata.licentie import licentie, uit_mkdocs_yml

    formaten = FORMATEN if formaat == "alles" else (formaat,)
    if not set(formaten) <= set(FORMATEN):
        click.echo(f"fout: onbekend formaat '{formaat}'; kies uit: {', '.join(FORMATEN)} of alles", err=True)
        sys.exit(2)
    if scheidingsteken not in (",", ";"):
        click.echo(f"fout: scheidingsteken '{scheidingsteken}' kan niet; kies ',' of ';'", err=True)
        sys.exit(2)
    if not data_map.is_dir():
        click.echo(f"fout: de gegevensmap '{data_map}' bestaat niet of is geen map; geef de map met de YAML-bestanden met --data", err=True)
        sys.exit(2)
    if doel.exists() and not doel.is_dir():
        click.echo(f"fout: '{doel}' is een bestand; geef een map om de export in te zetten", err=True)
        sys.exit(2)
    vandaag: date = datum.date() if datum else date.today()
    result = run_check(data_map, vandaag)
    if not result.ok:
        for problem in result.problems:
            click.echo(problem.gcc(), err=True)
        click.echo(samenvatting(result.problems, result.dataset.bestanden), err=True)
        click.echo("Er is niets geëxporteerd: verbeter eerst de fouten.", err=True)
        sys.exit(1)
    lic = licentie(licentie_id) if licentie_id else uit_mkdocs_yml(data_map.resolve().parent / "mkdocs.yml")
    uitvoer = exporteer(result.dataset, vandaag, formaten, scheidingsteken, lic)
    if formaat == "hsds":  # only HSDS: its files straight in DOEL, datapackage.json on top
        uitvoer.bestanden = {pad.removeprefix(HSDS_MAP): inhoud for pad, inhoud in uitvoer.bestanden.items()}
    try:
        paden = schrijf_map(uitvoer, doel)
    except OSError as error:
        click.echo(f"fout: kan niet schrijven in '{doel}': {error.strerror or error}; er is niets geëxporteerd", err=True)
        sys.exit(1)
    click.echo(f"{len(paden)} bestanden geschreven in {doel} (licentie {lic.id}).")


def _interactief() -> bool:
    """Ask for what is missing only when a person is at the terminal (not in CI or a script)."""
    return sys.stdin.isatty()


def _vraag(waarde: str | None, vraag: str, verplicht: bool = True, standaard: str | None = None) -> str | None:
    if waarde or not _interactief():
        return waarde or standaard
    if verplicht:
        return click.prompt(vraag, default=standaard)
    return click.prompt(f"{vraag} (leeg laten mag)", default=standaard or "", show_default=bool(standaard)) or None


@main.command(help="Maak in MAP een nieuwe repository voor een regio: gegevens, mkdocs.yml, pagina's en workflows. "
                   "Wat je niet meegeeft, wordt gevraagd (alleen in een terminal).")
@click.argument("map_", metavar="MAP", type=click.Path(path_type=Path))
@click.option("--regio", help="Naam van de regio, bijvoorbeeld 'Regio Rivierenland'.")
@click.option("--gemeente", "gemeenten", multiple=True, metavar="GM0000=Naam",
              help="Een gemeente van de regio met haar CBS-code; herhaal de optie voor elke gemeente.")
@click.option("--organisatie", help="Wie verantwoordelijk is voor de site, bijvoorbeeld 'de gemeenten in Regio Rivierenland'.")
@click.option("--correctie-email", help="E-mailadres waar bezoekers fouten melden.")
@click.option("--privacy-contact", help="E-mailadres voor vragen over privacy (standaard het correctieadres).")
@click.option("--licentie", default="CC0-1.0", show_default=True, help="Licentie van de gegevens (SPDX).")
@click.option("--site-url", help="Adres van de site, bijvoorbeeld https://organisatie.github.io/sociale-kaart/.")
@click.option("--repo-url", help="Adres van de repository, bijvoorbeeld https://github.com/organisatie/sociale-kaart.")
def init(map_: Path, regio, gemeenten, organisatie, correctie_email, privacy_contact, licentie, site_url, repo_url) -> None:
    from .nieuwe_regio import InitFout, NieuweRegio, controleer_doelmap, controleer_url, lees_gemeenten, maak_instellingen, maak_project

    try:
        controleer_doelmap(map_)
        regio = _vraag(regio, "Naam van de regio")
        if not gemeenten and _interactief():
            click.echo("Geef de gemeenten als GM0000=Naam (CBS-code en naam); een lege regel om te stoppen.")
            gemeenten = tuple(iter(lambda: click.prompt("Gemeente", default="", show_default=False), ""))
        gekozen = lees_gemeenten(list(gemeenten))
        organisatie = _vraag(organisatie, "Verantwoordelijke organisatie")
        correctie_email = _vraag(correctie_email, "E-mailadres voor correcties")
        privacy_contact = _vraag(privacy_contact, "E-mailadres voor privacyvragen", standaard=correctie_email)
        site_url = _vraag(site_url, "Adres van de site", verplicht=False)
        repo_url = _vraag(repo_url, "Adres van de repository", verplicht=False)
        ontbreekt = [optie for optie, waarde in (("--regio", regio), ("--organisatie", organisatie), ("--correctie-email", correctie_email)) if not waarde]
        if ontbreekt:
            raise InitFout(f"geef ook {', '.join(ontbreekt)} (of draai 'socialekaart init' in een terminal, dan wordt het gevraagd)")
        instellingen = maak_instellingen(
            regio=regio, organisatie=organisatie, correctie_email=correctie_email, privacy_contact=privacy_contact, licentie=licentie
        )
        site_url, repo_url = controleer_url("--site-url", site_url), controleer_url("--repo-url", repo_url)
        gemaakt = maak_project(map_, NieuweRegio(instellingen, gekozen, site_url, repo_url))
    except InitFout as fout:
        click.echo(f"fout: {fout}", err=True)
        sys.exit(2)
    click.echo(f"aangemaakt: {map_} ({len(gemaakt)} bestanden) voor {instellingen.regio_naam} met {len(gekozen)} gemeenten.")
    click.echo(f"Volgende stap: cd {map_} && socialekaart check  (zegt wat er nog ingevuld moet worden)")


def _nieuwe_spreadsheet(soort: str, path: Path) -> None:
    from .opendata.importeer.spreadsheet import schrijf_spreadsheet

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


@main.command(help=(
    "Importeer records uit een spreadsheet (.xlsx, .xlsm, .xls, .ods) of CSV-bestand: een YAML-bestand per rij "
    "in DATA/SOORT/. Of uit Open Referral HSDS 3.0 zoals 'socialekaart export hsds' het schrijft: een datapackage.json "
    "(of de map ervan), services.json, of één JSON-bestand met services en organizations; daar staat bij elk record wat het is, dus --soort is dan niet nodig "
    "(met --soort komen alleen de records van die soort). Alles wordt eerst gecontroleerd zoals bij 'check'; "
    "bij een fout wordt niets geschreven."
))
@click.argument("bestand", type=click.Path(path_type=Path))
@click.option("--soort", default=None, type=click.Choice(SOORTEN),
              help="Wat voor records er in het bestand staan (nodig bij een spreadsheet; bij HSDS: alleen deze soort).")
@click.option("--data", "data_map", type=click.Path(path_type=Path), default=Path("data"), show_default=True)
@click.option("--blad", default=None, help="Het werkblad om te lezen; standaard het eerste.")
@click.option("--proef", is_flag=True, help="Laat zien wat er geschreven zou worden, en schrijf niets.")
@click.option("--overschrijven", is_flag=True, help="Vervang bestaande bestanden met hetzelfde id (anders is dat een fout).")
@click.option("--datum", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Controleer alsof het deze datum is (JJJJ-MM-DD); standaard vandaag.")
def importeer(bestand: Path, soort: str | None, data_map: Path, blad: str | None, proef: bool, overschrijven: bool, datum) -> None:
    from .opendata.importeer import importeer as run_importeer
    from .opendata.importeer.bronnen import CSV_EXTENSIES, SPREADSHEET_EXTENSIES
    from .opendata.importeer.hsds_bron import is_hsds

    if not bestand.exists():
        click.echo(f"fout: het bestand '{bestand}' bestaat niet", err=True)
        sys.exit(2)
    if not data_map.is_dir():
        click.echo(f"fout: de gegevensmap '{data_map}' bestaat niet; geef de map met de YAML-bestanden met --data", err=True)
        sys.exit(2)
    if is_hsds(bestand):
        if blad:
            click.echo("fout: --blad kan alleen bij een spreadsheet; HSDS heeft geen werkbladen", err=True)
            sys.exit(2)
        _importeer_hsds(bestand, soort, data_map, proef, overschrijven, datum.date() if datum else date.today())
        return
    if bestand.suffix.lower() not in CSV_EXTENSIES + SPREADSHEET_EXTENSIES:
        soorten = ", ".join(CSV_EXTENSIES + SPREADSHEET_EXTENSIES + (".json",))
        click.echo(f"fout: '{bestand}': dit soort bestand kan niet worden geïmporteerd; gebruik een van: {soorten}, of een HSDS-map", err=True)
        sys.exit(2)
    if soort is None:
        click.echo(f"fout: zeg met --soort wat er in '{bestand}' staat: {', '.join(SOORTEN)}", err=True)
        sys.exit(2)
    vandaag: date = datum.date() if datum else date.today()
    resultaat = run_importeer(bestand, soort, data_map, overschrijven=overschrijven, vandaag=vandaag, blad=blad)
    _afronden(bestand, resultaat.problemen, [resultaat], proef, str(data_map / soort))


def _importeer_hsds(bron: Path, soort: str | None, data_map: Path, proef: bool, overschrijven: bool, vandaag: date) -> None:
    """An HSDS source holds several kinds: the same steps as a spreadsheet, per kind."""
    from .opendata.importeer.hsds import importeer_hsds

    resultaat = importeer_hsds(bron, data_map, soort=soort, overschrijven=overschrijven, vandaag=vandaag)
    per_soort = ", ".join(f"{len(d.records)} {d.folder.name}" for d in resultaat.delen)
    _afronden(bron, resultaat.problemen, resultaat.delen, proef, f"{data_map} ({per_soort})")


def _afronden(bron: Path, problemen: list, delen: list, proef: bool, waarin: str) -> None:
    """Show the problems; then, when there is no error, what would be written (--proef) or write it."""
    from .opendata.importeer import schrijf

    for problem in problemen:
        click.echo(problem.gcc())
    fouten = sum(p.is_fout for p in problemen)
    if fouten:
        click.echo(f"{fouten} {'fout' if fouten == 1 else 'fouten'} in {bron}; er is niets geschreven.")
        sys.exit(1)
    aantal = sum(len(deel.records) for deel in delen)
    if proef:
        for deel in delen:
            for path, text in deel.bestanden():
                click.echo(f"--- zou {'vervangen' if path.stem in deel.vervangt else 'schrijven'}: {path}")
                click.echo(text, nl=False)
        click.echo(f"Proef: {aantal} records in orde; er is niets geschreven.")
        return
    for i, deel in enumerate(delen):
        try:
            schrijf(deel)
        except OSError as error:
            rest = "er is niets geschreven" if i == 0 else f"er is niets geschreven in {deel.folder} en daarna; wat ervoor staat wel"
            click.echo(f"fout: schrijven in {deel.folder} lukte niet ({error.strerror}); {rest}", err=True)
            sys.exit(1)
        # One write for the whole list: 50,000 separate writes to the terminal take seconds.
        click.echo("\n".join(f"{'vervangen' if vervangt else 'geschreven'}: {path}" for path, vervangt in deel.paden()))
    click.echo(f"{aantal} records geïmporteerd in {waarin}.")
