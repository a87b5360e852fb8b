"""The regional agenda jeugd: items per region, their planning, checks and calendar feed.

Importing this package registers the two record types (`agendas`, `agenda`) and the
agenda's check rules, so `socialekaart check` knows them.
"""

from __future__ import annotations

from ..models import RecordType, register
from .models import Agenda, AgendaItem

register(RecordType("agendas", Agenda, "agenda (regio)"))
register(RecordType("agenda", AgendaItem, "agendapunt", nested=True))

from . import rules  # noqa: E402  (registers the cross-record rules; needs the types above)

__all__ = ["Agenda", "AgendaItem"]
