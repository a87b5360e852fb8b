"""Do the same work for many items on two cores: a forked helper and this process take the
items in small batches from a shared counter, so neither waits while the other still works.

Rendering the national site's pages is most of a build, and writing an import's YAML files
most of an import; one core is idle meanwhile. The helper is forked, so it has the data
already; only its results come back. It can first do one other job (`ook`), such as the
build's open-data export, while this process starts on the items.
"""

from __future__ import annotations

import gc
import multiprocessing
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from .load import _can_fork, _cores

T = TypeVar("T")
R = TypeVar("R")
A = TypeVar("A")

MIN_ITEMS = 1_000  # below this, starting a helper process costs more than it saves
PARTIJ = 16  # items per turn: small enough to end together, large enough to rarely lock
FOUT = "fout"  # the first message of a helper that failed, with its traceback


def kan_helpen(aantal: int, minimum: int) -> bool:
    """Is a forked helper worth it (and safe) for `aantal` items?"""
    return aantal >= minimum and _cores() >= 2 and _can_fork()


class Helper:
    """A forked process running `doel(*args, sender)`, and its messages here.

    The helper must always send before it ends, also when it fails (`(FOUT, traceback)`):
    `ontvang` then knows a helper that stopped without a word from one still working.
    """

    def __init__(self, doel: Callable[..., None], *args: Any) -> None:
        fork = multiprocessing.get_context("fork")
        self._ontvanger, sender = fork.Pipe(duplex=False)
        # A bare process and pipe; the fork context ends the helper with os._exit.
        self._proces: Any = fork.Process(target=doel, args=(*args, sender), daemon=True)
        # Frozen, the inherited objects are left alone by the helper's garbage collector, which
        # would otherwise touch them all and so make the helper copy most of this process's memory.
        # A caller that froze them itself (the import) keeps them frozen after.
        al_bevroren = gc.get_freeze_count() > 0
        gc.freeze()
        try:
            self._proces.start()
        finally:
            if not al_bevroren:
                gc.unfreeze()
        sender.close()

    def ontvang(self) -> Any:
        """The helper's next message; a helper that stopped without one is an error."""
        try:
            return self._ontvanger.recv()
        except EOFError:
            self.stop()
            raise RuntimeError("het tweede bouwproces stopte zonder uitkomst") from None

    def klaar(self) -> None:
        """After its last message: wait for it to end."""
        self._ontvanger.close()
        self._proces.join()

    def stop(self) -> None:
        """End it now (it may be stuck sending to no one: waiting would never end)."""
        self._ontvanger.close()
        self._proces.kill()
        self._proces.join()


def fout_van_helper(tekst: str) -> RuntimeError:
    return RuntimeError(f"fout in het tweede bouwproces:\n{tekst}")


def _jouw_beurten(werk: Callable[[T], R], items: Sequence[T], teller: Any) -> list[tuple[int, list[R]]]:
    """Take batches from the shared counter until none are left; each with its start."""
    gedaan = []
    while True:
        with teller.get_lock():
            begin = teller.value
            teller.value = begin + PARTIJ
        if begin >= len(items):
            return gedaan
        gedaan.append((begin, [werk(item) for item in items[begin:begin + PARTIJ]]))


def _doe_en_stuur(werk: Callable[[T], R], items: Sequence[T], teller: Any, ook: Callable[[], Any] | None, sender: Connection) -> None:
    try:
        extra = ook() if ook is not None else None
        beurten = _jouw_beurten(werk, items, teller)
    except BaseException:  # the parent raises it: a helper must never leave it waiting
        with teller.get_lock():
            teller.value = len(items)  # the parent need not do the rest: the build fails anyway
        sender.send((FOUT, traceback.format_exc()))
        sender.close()
        return
    # One message per batch: pickling everything at once would briefly hold a second copy
    # of all results (nationally 100 MB more at this process's peak).
    sender.send(("ok", len(beurten)))
    sender.send(extra)
    del extra
    while beurten:
        sender.send(beurten.pop())
    sender.close()


def in_twee(werk: Callable[[T], R], items: Sequence[T], minimum: int | None = None) -> list[R]:
    """[werk(item) for item in items], in that order, with a helper process sharing the
    work when there are at least `minimum` items (default MIN_ITEMS)."""
    return in_twee_met(werk, items, None, minimum)[0]


def in_twee_met(werk: Callable[[T], R], items: Sequence[T], ook: Callable[[], A] | None, minimum: int | None = None) -> tuple[list[R], A | None]:
    """As `in_twee`, and `ook()` (done by the helper first, if there is one)."""
    if not kan_helpen(len(items), MIN_ITEMS if minimum is None else minimum):
        return [werk(item) for item in items], (ook() if ook is not None else None)
    teller = multiprocessing.get_context("fork").Value("q", 0)
    helper = Helper(_doe_en_stuur, werk, items, teller, ook)
    try:
        mine = _jouw_beurten(werk, items, teller)
        soort, theirs = helper.ontvang()
        if soort == FOUT:
            raise fout_van_helper(theirs)
        extra = helper.ontvang()
        beurten = [helper.ontvang() for _ in range(theirs)]
    except BaseException:
        helper.stop()
        raise
    helper.klaar()
    uitkomst: list[R] = [None] * len(items)  # type: ignore[list-item]
    for begin, resultaten in mine + beurten:
        uitkomst[begin:begin + len(resultaten)] = resultaten
    return uitkomst, extra
