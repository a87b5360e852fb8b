"""Write an import's files all or nothing: into a hidden folder first, then into place."""

from __future__ import annotations

import errno
import os
import secrets
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from ...load import PARALLEL_MIN_FILES
from ...parallel import in_twee
from .yaml_tekst import record_yaml

if TYPE_CHECKING:
    from ...models import Record
    from . import Resultaat


def _schrijf_alles(resultaat: Resultaat, map_: Path) -> None:
    """Make and write every file into `map_`. Making the texts is most of the work, so with many
    records a forked second process does every other one (threads were tried: they lose more to
    the interpreter lock than they gain)."""
    soort = resultaat.folder.name

    def schrijf_een(record: Record) -> None:
        with open(f"{map_}/{record.id}.yml", "wb") as handle:
            handle.write(record_yaml(record, soort).encode())

    try:
        in_twee(schrijf_een, resultaat.records, minimum=PARALLEL_MIN_FILES)
    except RuntimeError as error:  # the second process failed: a write error like any other
        raise OSError(errno.EIO, "het tweede schrijfproces stopte met een fout") from error


def schrijf(resultaat: Resultaat) -> None:
    """Write the files: first all into a hidden folder (the loader skips names starting with
    '.'), then into place, so a failure while writing leaves nothing. Into a folder that is new
    or empty the hidden folder itself is moved, in one step; otherwise each file is."""
    if not resultaat.records:
        return
    folder = resultaat.folder
    leeg = not folder.exists() or (folder.is_dir() and not any(os.scandir(folder)))
    naast = folder.parent if leeg else folder
    naast.mkdir(parents=True, exist_ok=True)
    # Made with the usual permissions (not tempfile's owner-only ones): it may become the folder.
    tijdelijk = naast / f".importeer-{os.getpid()}-{secrets.token_hex(4)}"
    tijdelijk.mkdir()
    try:
        _schrijf_alles(resultaat, tijdelijk)
        if leeg:
            os.replace(tijdelijk, folder)  # an empty folder may be replaced by a folder
            return
        for record in resultaat.records:
            naam = f"{record.id}.yml"
            os.replace(tijdelijk / naam, folder / naam)
    finally:
        shutil.rmtree(tijdelijk, ignore_errors=True)
