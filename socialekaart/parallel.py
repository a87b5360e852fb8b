"""Do the same work for many items on two cores: a forked helper takes every other item.

Rendering the national site's pages is most of a build, and writing an import's YAML files
most of an import; one core is idle meanwhile. The helper is forked, so it has the data
already; only its results come back.
"""

from __future__ import annotations

import gc
import multiprocessing
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import TypeVar

from .load import _can_fork, _cores

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 1_000  # below this, starting a helper process costs more than it saves


def _doe_en_stuur(werk: Callable[[T], R], items: Sequence[T], sender: Connection) -> None:
    try:
        uitkomst: tuple[str, object] = ("ok", [werk(item) for item in items])
    except BaseException:  # the parent raises it: a helper must never leave it waiting
        uitkomst = ("fout", traceback.format_exc())
    sender.send(uitkomst)
    sender.close()


def in_twee(werk: Callable[[T], R], items: Sequence[T], minimum: int | None = None) -> list[R]:
    """[werk(item) for item in items], in that order, with a helper process doing half
    when there are at least `minimum` items (default MIN_ITEMS)."""
    if len(items) < (MIN_ITEMS if minimum is None else minimum) or _cores() < 2 or not _can_fork():
        return [werk(item) for item in items]
    fork = multiprocessing.get_context("fork")
    receiver, sender = fork.Pipe(duplex=False)
    # A bare process and pipe, as in load.py; the fork context ends the helper with os._exit.
    helper = fork.Process(target=_doe_en_stuur, args=(werk, items[1::2], sender), daemon=True)
    # Frozen, the inherited objects are left alone by the helper's garbage collector, which
    # would otherwise touch them all and so make the helper copy most of this process's memory.
    # A caller that froze them itself (the import) keeps them frozen after.
    al_bevroren = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        helper.start()
    finally:
        if not al_bevroren:
            gc.unfreeze()
    sender.close()
    klaar = False
    try:
        mine = [werk(item) for item in items[0::2]]
        try:
            soort, theirs = receiver.recv()
        except EOFError:
            raise RuntimeError("het tweede bouwproces stopte zonder uitkomst") from None
        klaar = True
    finally:
        receiver.close()
        if not klaar:  # it may be stuck sending to no one: waiting for it would never end
            helper.kill()
        helper.join()
    if soort != "ok":
        raise RuntimeError(f"fout in het tweede bouwproces:\n{theirs}")
    uitkomst: list[R] = [None] * len(items)  # type: ignore[list-item]
    uitkomst[0::2] = mine
    uitkomst[1::2] = theirs
    return uitkomst
