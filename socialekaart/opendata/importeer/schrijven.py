"""Write an import's files all or nothing: into a hidden folder first, then into place."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from ...load import PARALLEL_MIN_FILES, _can_fork, _cores
from .yaml_tekst import record_yaml

if TYPE_CHECKING:
    from . import Resultaat


def _schrijf_deel(resultaat: Resultaat, map_: Path, start: int, stap: int) -> None:
    soort = resultaat.folder.name
    for record in resultaat.records[start::stap]:
        with open(map_ / f"{record.id}.yml", "w", encoding="utf-8") as handle:
            handle.write(record_yaml(record, soort))


def _schrijf_alles(resultaat: Resultaat, map_: Path) -> None:
    """Make and write every file into `map_`. Making the texts is most of the work, so with many
    records a forked second process does every other one (it has the records already: nothing
    to send). Threads were tried: they lose more to the interpreter lock than they gain."""
    if len(resultaat.records) < PARALLEL_MIN_FILES or _cores() < 2 or not _can_fork():
        _schrijf_deel(resultaat, map_, 0, 1)
        return
    pid = os.fork()
    if pid == 0:  # the helper: write its half, and leave without running any of the parent's exit code
        code = 1
        try:
            _schrijf_deel(resultaat, map_, 1, 2)
            code = 0
        finally:
            os._exit(code)
    try:
        _schrijf_deel(resultaat, map_, 0, 2)
    finally:
        _, status = os.waitpid(pid, 0)
    if status != 0:
        raise OSError(errno.EIO, "het tweede schrijfproces stopte met een fout")


def schrijf(resultaat: Resultaat) -> None:
    """Write the files: first all into a hidden folder beside them (the loader skips names
    starting with '.'), then move each into place, so a failure while writing leaves nothing."""
    if not resultaat.records:
        return
    resultaat.folder.mkdir(parents=True, exist_ok=True)
    tijdelijk = Path(tempfile.mkdtemp(prefix=".importeer-", dir=resultaat.folder))
    try:
        _schrijf_alles(resultaat, tijdelijk)
        for record in resultaat.records:
            naam = f"{record.id}.yml"
            os.replace(tijdelijk / naam, resultaat.folder / naam)
    finally:
        shutil.rmtree(tijdelijk, ignore_errors=True)
