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
            gc.enable()
