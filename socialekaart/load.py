"""Load a data folder: one record per YAML file, every problem positioned."""

from __future__ import annotations

import errno
import multiprocessing
import os
import re
import stat
import threading
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Iterator, NamedTuple

from pydantic import BaseModel, ValidationError

from .collector import collector_paused
from .messages import Loc, dutch, dutch_union, model_at, suggest, veldnaam, without_union_tags
from .models import RECORD_TYPES, Aanbieder, Gezinshuis, InformeleSteun, LokaalTeam, Record, RecordType, Regio
from .positioned_yaml import Positions, YamlFout, read_value, read_yaml
from .problems import Problem

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PARALLEL_MIN_FILES = 2_000  # below this, starting a helper process costs more than it saves


@dataclass
class Dataset:
    """All records of a data folder, by folder and id, with where each value stands."""

    root: Path
    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    paths: dict[int, str] = field(default_factory=dict)  # id(record) -> path as shown in messages
    files: dict[int, str] = field(default_factory=dict)  # id(record) -> the file itself
    _positions: dict[int, Positions] = field(default_factory=dict)
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
        line, col = self.positions_of(record).of_value(loc)
        return Problem(self.paths[id(record)], line, col, veldnaam(loc), bericht, niveau)  # type: ignore[arg-type]

    def positions_of(self, record: Record) -> Positions:
        """Where each value of `record` stands. Valid files are read without positions (most
        never need them), so the file is read again the first time a rule reports on it."""
        key = id(record)
        if key not in self._positions:
            self._positions[key] = read_yaml(self.files[key])[1]
        return self._positions[key]

    def forget_positions(self, record: Record) -> None:
        """The file of `record` was read again (`mkdocs serve`): its positions are read anew."""
        self._positions.pop(id(record), None)

    def gemeente_naam(self, code: str) -> str:
        for regio in self.regios.values():
            gemeente = regio.gemeente(code)
            if gemeente:
                return gemeente.naam
        return code

    def regio_van(self, code: str) -> Regio | None:
        return next((r for r in self.regios.values() if r.gemeente(code)), None)


def _shown_path(path: Path) -> str:
    # Only the folder is resolved: a link is shown by its own name, not by where it leads.
    try:
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# --- which entries of data/ are read ------------------------------------------------------

# Only regular files and folders inside data/ are read: a named pipe would make the check wait
# forever, a device never ends, and a link out of data/ could publish any file of the machine
# that builds the site. `_soort` says which of the two an entry is, or why it is not read.
_MAP, _BESTAND = "map", "bestand"
_SPECIAAL = {
    stat.S_IFIFO: "een named pipe (FIFO)",
    stat.S_IFCHR: "een apparaatbestand",
    stat.S_IFBLK: "een apparaatbestand",
    stat.S_IFSOCK: "een socket",
}


def _soort(entry: os.DirEntry[str], root_real: str) -> str:
    """_MAP or _BESTAND, or the Dutch reason the entry is not read. Only links cost a system
    call here: for everything else scandir already knows the kind."""
    try:
        if entry.is_symlink():
            target = os.path.realpath(entry.path, strict=True)
            if target != root_real and not target.startswith(root_real + os.sep):
                return (
                    "deze snelkoppeling wijst naar iets buiten de gegevensmap; alleen bestanden en mappen "
                    "binnen de gegevensmap worden gelezen: zet het bestand of de map zelf hier neer"
                )
        if entry.is_dir():
            return _MAP
        if entry.is_file():
            return _BESTAND
        soort = _SPECIAAL.get(stat.S_IFMT(entry.stat().st_mode), "geen gewoon bestand")
    except FileNotFoundError:
        return "deze snelkoppeling wijst naar iets dat niet bestaat; haal haar weg of zet het bestand of de map zelf hier neer"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "deze snelkoppeling wijst (via andere) naar zichzelf en komt nergens uit; haal haar weg"
        return f"dit kan niet worden gelezen ({error.strerror}); kijk of je leesrechten hebt"
    return f"dit is {soort}, geen gewoon bestand of map; haal het weg: in de gegevensmap horen alleen mappen en .yml-bestanden"


def _entries(folder: str) -> list[os.DirEntry[str]]:
    """The visible entries of `folder`, by name."""
    with os.scandir(folder) as entries:
        return sorted((e for e in entries if not e.name.startswith(".")), key=lambda e: e.name)


def _not_read(entry: os.DirEntry[str], reden: str) -> Problem:
    return Problem(_shown_path(Path(entry.path)), 1, 1, "(bestand)", reden)


def _record_files(root: Path, problems: list[Problem]) -> Iterator[tuple[RecordType, str, str, str]]:
    """Every record file with its type, id, path and path inside `root`; misplaced files become
    problems. Paths are strings: a Path object per file costs more than reading a small file."""
    root_real = os.path.realpath(root)
    for entry in _entries(str(root)):
        soort = _soort(entry, root_real)
        if soort not in (_MAP, _BESTAND):
            problems.append(_not_read(entry, soort))
            continue
        record_type = RECORD_TYPES.get(entry.name)
        if record_type is None or soort != _MAP:
            if soort == _MAP or entry.name.endswith((".yml", ".yaml")):
                problems.append(Problem(_shown_path(Path(entry.path)), 1, 1, "(map)", _misplaced(entry.name, soort == _MAP)))
            continue
        if record_type.nested:
            for group in _entries(entry.path):
                soort = _soort(group, root_real)
                if soort == _BESTAND:
                    continue
                if soort != _MAP:
                    problems.append(_not_read(group, soort))
                    continue
                for stem in _yaml_files(group.path, root_real, problems):
                    yield record_type, f"{group.name}/{stem}", f"{group.path}/{stem}.yml", f"{entry.name}/{group.name}/{stem}.yml"
        else:
            for stem in _yaml_files(entry.path, root_real, problems):
                yield record_type, stem, f"{entry.path}/{stem}.yml", f"{entry.name}/{stem}.yml"


def _misplaced(name: str, is_folder: bool) -> str:
    folders = sorted(RECORD_TYPES)
    if not is_folder:
        return "een los bestand hoort hier niet; elk record staat in de map van zijn soort, bijvoorbeeld data/providers/<id>.yml"
    suggestion = suggest(name, folders)
    if suggestion:
        return f"onbekende map '{name}'; bedoelde je '{suggestion}'?"
    return f"onbekende map '{name}'; gegevens staan in een van deze mappen: {', '.join(folders)}"


def slugify(name: str) -> str:
    """'Stichting Hoofdletter' -> 'stichting-hoofdletter': a file name to suggest."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "nieuw-record"


def _yaml_files(folder: str, root_real: str, problems: list[Problem]) -> Iterator[str]:
    """The ids (file names without .yml) of the records in `folder`, in order."""
    for entry in _entries(folder):
        name = entry.name
        soort = _soort(entry, root_real)
        if soort == _MAP:
            if name.endswith((".yml", ".yaml")):
                bericht = f"'{name}' is een map, geen bestand; een record is één .yml-bestand: geef de map een andere naam of haal haar weg"
                problems.append(Problem(_shown_path(Path(entry.path)), 1, 1, "(map)", bericht))
            continue
        if soort != _BESTAND:
            problems.append(_not_read(entry, soort))
            continue
        stem, _, suffix = name.rpartition(".")
        if suffix == "yml" and SLUG.match(stem):
            yield stem
            continue
        shown = _shown_path(Path(entry.path))
        if suffix == "yaml":
            problems.append(Problem(shown, 1, 1, "(bestandsnaam)", "gebruik de extensie .yml in plaats van .yaml"))
        elif suffix != "yml" or not stem:
            problems.append(Problem(shown, 1, 1, "(bestandsnaam)", "alleen .yml-bestanden horen in deze map"))
        else:
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    "(bestandsnaam)",
                    f"'{name}' is geen geldige bestandsnaam; de naam is het id van het record: alleen kleine "
                    f"letters, cijfers en streepjes, bijvoorbeeld '{slugify(stem)}.yml'",
                )
            )


class _Job(NamedTuple):
    """One file to load, and the names it goes by."""

    record_type: RecordType
    record_id: str
    path: str
    shown: str  # as in messages
    bron: str  # from the repository root, for edit links


Loaded = tuple[Record | None, list[Problem]]


def _load_file(job: _Job, vandaag: date) -> Loaded:
    """Read and validate one file: the record, or None and what is wrong with it."""
    try:
        value = read_value(job.path)
        if not isinstance(value, dict):
            positions = read_yaml(job.path)[1]
            return None, [Problem(job.shown, *positions.of_value(()), "(bestand)", _not_a_mapping(value, job.record_type))]
        record = job.record_type.model.model_validate(value, context={"vandaag": vandaag})
    except YamlFout as error:
        return None, [Problem(job.shown, error.line, error.col, veldnaam(error.loc), error.message)]
    except ValidationError as error:
        positions = read_yaml(job.path)[1]  # only now are positions worth their cost
        return None, list(validation_problems(error, job.record_type.model, positions, job.shown))
    record.set_origin(job.record_id, job.bron)
    return record, []


def laad_bestand(record_type: RecordType, record_id: str, path: str, shown: str, bron: str, vandaag: date) -> Loaded:
    """Read and validate one file again (a file saved during `mkdocs serve`)."""
    return _load_file(_Job(record_type, record_id, path, shown, bron), vandaag)


class RecordPlek(NamedTuple):
    """Where a record file stands: what `load_dataset` would read it as."""

    record_type: RecordType
    record_id: str
    path: str
    shown: str
    bron: str


def record_plek(root: Path, path: str) -> RecordPlek | None:
    """The record a file at `path` would be in the data folder `root` (a file added during
    `mkdocs serve`), or None when `load_dataset` would not read it as one: another place,
    another name, a hidden folder or a link (a full check then says why)."""
    inside = os.path.relpath(path, root).replace(os.sep, "/")
    parts = inside.split("/")
    record_type = RECORD_TYPES.get(parts[0])
    if record_type is None or len(parts) != (3 if record_type.nested else 2) or any(p.startswith(".") for p in parts):
        return None
    stem, _, suffix = parts[-1].rpartition(".")
    if suffix != "yml" or not SLUG.match(stem) or not os.path.isfile(path):
        return None
    if any(os.path.islink(os.path.join(str(root), *parts[: i + 1])) for i in range(len(parts))):
        return None
    record_id = f"{parts[1]}/{stem}" if record_type.nested else stem
    shown_prefix, bron_prefix = _prefixes(root)
    return RecordPlek(record_type, record_id, f"{root}/{inside}", shown_prefix + inside, bron_prefix + inside)


def _prefixes(root: Path) -> tuple[str, str]:
    """What goes before a path inside `root`: as shown in messages (relative to where the
    command runs) and as used in edit links (relative to the repository root, its parent)."""
    shown_root = _shown_path(root)
    return ("" if shown_root == "." else shown_root + "/"), root.resolve().name + "/"


def bestandsvolgorde(record_id: str) -> tuple[str, ...]:
    """Sorts ids as `load_dataset` reads their files: by file name, folder by folder
    ('a-b.yml' comes before 'a.yml', though 'a' comes before 'a-b')."""
    *groepen, stem = record_id.split("/")
    return (*groepen, stem + ".yml")


_BATCH = 200  # files per message from the helper: its sending then overlaps its loading


def _load_files(jobs: list[_Job], vandaag: date) -> list[Loaded]:
    return [_load_file(job, vandaag) for job in jobs]


def _load_in_parallel(jobs: list[_Job], vandaag: date) -> list[Loaded]:
    """Reading and validating is nearly all of the time and every file stands alone, so on a
    machine with more cores a forked helper process loads half of a large data set."""
    if len(jobs) < PARALLEL_MIN_FILES or _cores() < 2 or not _can_fork():
        return _load_files(jobs, vandaag)
    # Files of one kind stand together and kinds differ in cost, so deal them out in turn.
    theirs_jobs, mine_jobs = jobs[0::2], jobs[1::2]
    fork = multiprocessing.get_context("fork")
    receiver, sender = fork.Pipe(duplex=False)
    # A bare process and pipe, not a pool: a pool's result threads would compete with this
    # process for the interpreter lock while it loads its own half.
    helper = fork.Process(target=_load_and_send, args=(theirs_jobs, vandaag, sender), daemon=True)
    helper.start()
    sender.close()
    theirs: list[Loaded] = []
    mine: list[Loaded] = []
    helper_done = False
    try:
        for job in mine_jobs:
            mine.append(_load_file(job, vandaag))
            if not helper_done and receiver.poll():  # take what is ready, so the helper never waits long
                helper_done = _receive(receiver, theirs)
        while not helper_done:
            helper_done = _receive(receiver, theirs)
    finally:
        receiver.close()
        helper.join()
    # If the helper stopped early (killed, out of memory, a bug), load the rest here: the
    # result is the same, only slower, and a bug is then raised in this process.
    theirs += _load_files(theirs_jobs[len(theirs) :], vandaag)
    merged = theirs + mine
    merged[0::2], merged[1::2] = theirs, mine  # back in the order of `jobs`
    return merged


def _receive(receiver: Connection, into: list[Loaded]) -> bool:
    """Add the helper's next batch to `into`; True once it has no more to send."""
    try:
        batch = receiver.recv()
    except EOFError:
        return True
    if batch is None:
        return True
    into += batch
    return False


def _load_and_send(jobs: list[_Job], vandaag: date, sender: Connection) -> None:
    """The helper's work: load `jobs` and send the results in batches, then None for 'done'.
    (Forked while the collector is paused, it stays paused here too.)"""
    for start in range(0, len(jobs), _BATCH):
        sender.send(_load_files(jobs[start : start + _BATCH], vandaag))
    sender.send(None)
    sender.close()


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _can_fork() -> bool:
    """Only a process without threads forks safely: in one with threads (a live-reloading
    `mkdocs serve`) the child can wait forever on a lock another thread held at the fork."""
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


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


def validation_messages(error: ValidationError, model: type[BaseModel]) -> Iterator[tuple[Loc, str, str]]:
    """(where, pydantic's error kind, Dutch message) for each problem in `error`, told the way
    a writer understands it; the YAML loader, mkdocs.yml and the spreadsheet import each
    position them."""
    details = [
        {**d, "loc": without_union_tags(model, tuple(d["loc"]), keep_last=d["type"] == "extra_forbidden")}
        for d in error.errors()
    ]
    # A misspelled field is reported once, as 'bedoelde je ...?', not also as a missing field.
    misspelled = {
        (*detail["loc"][:-1], suggestion)
        for detail in details
        if detail["type"] == "extra_forbidden"
        and (owner := model_at(model, tuple(detail["loc"][:-1])))
        and (suggestion := suggest(str(detail["loc"][-1]), list(owner.model_fields)))
    }
    # Several errors at one place are the branches of a union: one value, told once.
    by_loc: dict[Loc, list] = {}
    for detail in details:
        by_loc.setdefault(detail["loc"], []).append(detail)
    for loc, group in by_loc.items():
        kind = group[0]["type"]
        if kind == "missing" and loc in misspelled:
            continue
        berichten = [dutch(group[0], model)] if len(group) == 1 else dutch_union(group, model)
        for bericht in berichten:
            yield loc, kind, bericht


def validation_problems(
    error: ValidationError, model: type[BaseModel], positions: Positions, shown: str, prefix: Loc = ()
) -> Iterator[Problem]:
    """Pydantic's errors as positioned Dutch problems. `prefix` is where the validated block
    stands in its file (a block inside mkdocs.yml, say): used for positions and field names."""
    for loc, kind, bericht in validation_messages(error, model):
        if kind == "extra_forbidden":
            line, col = positions.of_key((*prefix, *loc))
        elif kind == "missing":
            line, col = positions.of_key((*prefix, *loc[:-1])) if (prefix or loc[:-1]) else positions.of_value(())
        else:
            line, col = positions.of_value((*prefix, *loc))
        yield Problem(shown, line, col, veldnaam((*prefix, *loc)), bericht)


def load_dataset(root: Path, vandaag: date | None = None) -> tuple[Dataset, list[Problem]]:
    """Load every record under `root`. Invalid files are left out and reported."""
    vandaag = vandaag or date.today()
    problems: list[Problem] = []
    dataset = Dataset(root=root)
    if not root.is_dir():
        problems.append(Problem(str(root), 1, 1, "(map)", "deze gegevensmap bestaat niet"))
        return dataset, problems
    shown_prefix, bron_prefix = _prefixes(root)  # worked out once
    jobs = [
        _Job(record_type, record_id, path, shown_prefix + inside, bron_prefix + inside)
        for record_type, record_id, path, inside in _record_files(root, problems)
    ]
    dataset.bestanden = len(jobs)
    with collector_paused():
        loaded = _load_in_parallel(jobs, vandaag)
    for job, (record, found) in zip(jobs, loaded):
        problems += found
        if record is None:
            dataset.ongeldig.setdefault(job.record_type.folder, set()).add(job.record_id)
            continue
        dataset.records.setdefault(job.record_type.folder, {})[job.record_id] = record
        dataset.paths[id(record)] = job.shown
        dataset.files[id(record)] = job.path
    return dataset, problems
