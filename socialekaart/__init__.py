"""Sociale kaart en regionale agenda jeugd: the domain package, independent of MkDocs."""

from . import agenda  # noqa: E402,F401  (registers the agenda record types and check rules)
