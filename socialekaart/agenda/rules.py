"""Cross-record rules for the agenda (filled in below)."""

from __future__ import annotations
