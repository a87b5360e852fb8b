"""Stable ids: a record keeps its UUID from one export to the next.

UUIDv5 of a path-like name ('providers/timon', 'informele-steun/x/locaties/0') under one
fixed project namespace, so the same record id always gives the same UUID, on any machine.
"""

from __future__ import annotations

import hashlib
import uuid

# Fixed once for this project; changing it would give every exported record a new id.
NAMESPACE = uuid.UUID("77a6f92c-5b88-4128-9c12-76d752c7837e")
_NAMESPACE_BYTES = NAMESPACE.bytes


def uuid_voor(*delen: object) -> str:
    """str(uuid.uuid5(NAMESPACE, 'a/b/c')), made without a UUID object: an export of 10,000
    records makes about 90,000 of them, and the object and its text were most of the cost."""
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + "/".join([str(d) for d in delen]).encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # the RFC 4122 variant
    x = digest.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"
