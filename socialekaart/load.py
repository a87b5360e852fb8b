"""Load a data folder: one record per YAML file, every problem positioned."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator, TypeVar

from pydantic import ValidationError

from .messages import Loc, dutch, model_at, suggest, veldnaam
from .models import RECORD_TYPES, Aanbieder, Gezinshuis, InformeleSteun, LokaalTeam, Record, RecordType, Regio
from .positioned_yaml import Positions, YamlFout, read_yaml
from .problems import Problem

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
T = TypeVar("T", bound=Record)


@dataclass
class Dataset:
    """All records of a data folder, by folder and id, with where each value stands."""

    root: Path
    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    paths: dict[int, str] = field(default_factory=dict)  # id(record) -> path as shown in messages
    positions: dict[int, Positions] = field(default_factory=dict)
    bestanden: int = 0
    ongeldig: dict[str, set[str]] = field(default_factory=dict)  # folder -> ids of files that did not validate

    def of(self, folder: str) -> dict[str, Record]:
        return self.records.get(folder, {})

    def bestaat(self, folder: str, record_id: str) -> bool:
        """Is there a file for this id? True for an invalid file too: its own errors are
        reported, so references to it should not add 'bestaat niet' on top."""
        return record_id in self.of(folder) or record_id in self.ongeldig.get(folder, ())

    def compleet(self, folder: str) -> bool:
        """Did every file in `folder` validate? Rules that need all of them wait until then."""
        return not self.ongeldig.get(folder)

    @property
    def regios(self) -> dict[str, Regio]:
        return self.of("regios")  # type: ignore[return-value]

    @property
    def lokale_teams(self) -> dict[str, LokaalTeam]:
        return self.of("lokale-teams")  # type: ignore[return-value]

    @property
    def informele_steun(self) -> dict[str, InformeleSteun]:
        return self.of("informele-steun")  # type: ignore[return-value]

    @property
    def gezinshuizen(self) -> dict[str, Gezinshuis]:
        return self.of("gezinshuizen")  # type: ignore[return-value]

    @property
    def aanbieders(self) -> dict[str, Aanbieder]:
        return self.of("providers")  # type: ignore[return-value]

    def all(self) -> Iterator[Record]:
        for records in self.records.values():
            yield from records.values()

    def problem(self, record: Record, loc: Loc, bericht: str, niveau: str = "fout") -> Problem:
        """A problem about the value at `loc` in `record`'s file."""
        line, col = self.positions[id(record)].of_value(loc)
        return Problem(self.paths[id(record)], line, col, veldnaam(loc), bericht, niveau)  # type: ignore[arg-type]

    def gemeente_naam(self, code: str) -> str:
        for regio in self.regios.values():
            gemeente = regio.gemeente(code)
            if gemeente:
                return gemeente.naam
        return code

    def regio_van(self, code: str) -> Regio | None:
        return next((r for r in self.regios.values() if r.gemeente(code)), None)


def _shown_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _record_files(root: Path, problems: list[Problem]) -> Iterator[tuple[RecordType, str, Path]]:
    """Every record file with its type and id; misplaced files become problems."""
    for entry in sorted(root.iterdir()):
        if entry.name.startswith("."):
            continue
        record_type = RECORD_TYPES.get(entry.name)
        if record_type is None or not entry.is_dir():
            if entry.is_dir() or entry.suffix in (".yml", ".yaml"):
                problems.append(Problem(_shown_path(entry), 1, 1, "(map)", _misplaced(entry)))
            continue
        if record_type.nested:
            for group in sorted(p for p in entry.iterdir() if p.is_dir() and not p.name.startswith(".")):
                for path in _yaml_files(group, problems):
                    yield record_type, f"{group.name}/{path.stem}", path
        else:
            for path in _yaml_files(entry, problems):
                yield record_type, path.stem, path


def _misplaced(entry: Path) -> str:
    folders = sorted(RECORD_TYPES)
    if not entry.is_dir():
        return "een los bestand hoort hier niet; elk record staat in de map van zijn soort, bijvoorbeeld data/providers/<id>.yml"
    suggestion = suggest(entry.name, folders)
    if suggestion:
        return f"onbekende map '{entry.name}'; bedoelde je '{suggestion}'?"
    return f"onbekende map '{entry.name}'; gegevens staan in een van deze mappen: {', '.join(folders)}"


def slugify(name: str) -> str:
    """'Stichting Hoofdletter' -> 'stichting-hoofdletter': a file name to suggest."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "nieuw-record"


def _yaml_files(folder: Path, problems: list[Problem]) -> Iterator[Path]:
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix == ".yaml":
            problems.append(Problem(_shown_path(path), 1, 1, "(bestandsnaam)", "gebruik de extensie .yml in plaats van .yaml"))
        elif path.suffix != ".yml":
            problems.append(Problem(_shown_path(path), 1, 1, "(bestandsnaam)", "alleen .yml-bestanden horen in deze map"))
        elif not SLUG.match(path.stem):
            problems.append(
                Problem(
                    _shown_path(path),
                    1,
                    1,
                    "(bestandsnaam)",
                    f"'{path.name}' is geen geldige bestandsnaam; de naam is het id van het record: alleen kleine "
                    f"letters, cijfers en streepjes, bijvoorbeeld '{slugify(path.stem)}.yml'",
                )
            )
        else:
            yield path


def load_record(
    record_type: RecordType, record_id: str, path: Path, shown: str, vandaag: date, problems: list[Problem]
) -> tuple[Record, Positions] | None:
    """Read and validate one file. Returns None (and adds problems) when it is not valid."""
    try:
        value, positions = read_yaml(path)
    except YamlFout as error:
        problems.append(Problem(shown, error.line, error.col, veldnaam(error.loc), error.message))
        return None
    if not isinstance(value, dict):
        problems.append(Problem(shown, *positions.of_value(()), "(bestand)", _not_a_mapping(value, record_type)))
        return None
    try:
        record = record_type.model.model_validate(value, context={"vandaag": vandaag})
    except ValidationError as error:
        problems += _validation_problems(error, record_type, positions, shown)
        return None
    record._id = record_id
    return record, positions


def _not_a_mapping(value: object, record_type: RecordType) -> str:
    if value is None:
        required = [name for name, field in record_type.model.model_fields.items() if field.is_required()]
        return (
            f"het bestand is leeg; vul de verplichte velden in: {', '.join(required)} "
            f"(of begin opnieuw met 'socialekaart nieuw {record_type.folder} <id>')"
        )
    if isinstance(value, list):
        return "een record is een blok 'veld: waarde'-regels, maar dit bestand is een lijst; haal de '- ' voor de velden weg"
    return "een record is een blok 'veld: waarde'-regels, maar dit bestand bevat alleen losse tekst"


def _validation_problems(
    error: ValidationError, record_type: RecordType, positions: Positions, shown: str
) -> Iterator[Problem]:
    details = error.errors()
    # A misspelled field is reported once, as 'bedoelde je ...?', not also as a missing field.
    misspelled = {
        (*detail["loc"][:-1], suggestion)
        for detail in details
        if detail["type"] == "extra_forbidden"
        and (owner := model_at(record_type.model, tuple(detail["loc"][:-1])))
        and (suggestion := suggest(str(detail["loc"][-1]), list(owner.model_fields)))
    }
    for detail in details:
        loc = tuple(detail["loc"])
        if detail["type"] == "extra_forbidden":
            line, col = positions.of_key(loc)
        elif detail["type"] == "missing":
            if loc in misspelled:
                continue
            line, col = positions.of_key(loc[:-1]) if loc[:-1] else positions.of_value(())
        else:
            line, col = positions.of_value(loc)
        yield Problem(shown, line, col, veldnaam(loc), dutch(detail, record_type.model))


def load_dataset(root: Path, vandaag: date | None = None) -> tuple[Dataset, list[Problem]]:
    """Load every record under `root`. Invalid files are left out and reported."""
    vandaag = vandaag or date.today()
    problems: list[Problem] = []
    dataset = Dataset(root=root)
    if not root.is_dir():
        problems.append(Problem(str(root), 1, 1, "(map)", "deze gegevensmap bestaat niet"))
        return dataset, problems
    for record_type, record_id, path in _record_files(root, problems):
        dataset.bestanden += 1
        shown = _shown_path(path)
        loaded = load_record(record_type, record_id, path, shown, vandaag, problems)
        if loaded is None:
            dataset.ongeldig.setdefault(record_type.folder, set()).add(record_id)
            continue
        record, positions = loaded
        record._bron = _bron(root, path)
        dataset.records.setdefault(record_type.folder, {})[record_id] = record
        dataset.paths[id(record)] = shown
        dataset.positions[id(record)] = positions
    return dataset, problems


def _bron(root: Path, path: Path) -> str:
    """The file's path from the repository root (the data folder's parent): used for edit links."""
    return path.relative_to(root.parent).as_posix()
