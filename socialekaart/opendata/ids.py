"""Stable ids: a record keeps its UUID from one export to the next.

UUIDv5 of a path-like name ('providers/timon', 'informele-steun/x/locaties/0') under one
fixed project namespace, so the same record id always gives the same UUID, on any machine.
"""

from __future__ import annotations

import uuid

# Fixed once for this project; changing it would give every exported record a new id.
NAMESPACE = uuid.UUID("77a6f92c-5b88-4128-9c12-76d752c7837e")


def uuid_voor(*delen: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(d) for d in delen)))
