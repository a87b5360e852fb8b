"""Pause Python's cycle collector while a data set is loaded and checked."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Loading makes millions of objects and keeps most of them. The cycle collector would
    walk the growing heap again and again, for nothing: parsing and validating make no
    reference cycles. On 10,000 records that walking costs more than the rules themselves."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            _oudste_generatie()
            gc.enable()


def _oudste_generatie() -> None:
    """Put what was made during the pause in the collector's oldest generation, which it walks
    seldom: left young, all of it would be walked on the very next allocation (a tenth of a
    second for a national data set, at the end of every check) and soon again as middle-aged.
    Frozen and unfrozen at once is that move, without a walk. Not when someone keeps objects
    frozen on purpose (the import): unfreezing would hand theirs back too."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


class Bevriezing:
    """Objects that live until a build ends (its data, then its pages), frozen out of the cycle
    collector's sight meanwhile: it would otherwise walk all of them again on each of its full
    collections while the pages are rendered (a second of processor time nationally). `vast`
    after each step that made such objects, `los` when the build ends or fails."""

    def __init__(self) -> None:
        self._bevroren = False

    def vast(self) -> None:
        if not self._bevroren and gc.get_freeze_count() > 0:
            return  # frozen by someone else (mkdocs serve keeps its last site so): theirs to undo
        gc.freeze()
        self._bevroren = True

    def los(self) -> None:
        if self._bevroren:
            gc.unfreeze()
            self._bevroren = False
