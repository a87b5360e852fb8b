"""A problem found in the data, and the two ways it is printed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Niveau = Literal["fout", "waarschuwing"]


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, positioned so editors and CI can jump to it (GCC style)."""

    path: str
    line: int
    col: int
    veld: str
    bericht: str
    niveau: Niveau = "fout"

    @property
    def is_fout(self) -> bool:
        return self.niveau == "fout"

    def gcc(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.niveau}: {self.veld}: {self.bericht}"

    def github(self) -> str:
        kind = "error" if self.is_fout else "warning"
        # GitHub workflow commands end the message at a newline and treat '%' specially.
        message = f"{self.veld}: {self.bericht}".replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} file={self.path},line={self.line},col={self.col}::{message}"


class DataError(Exception):
    """The data has errors; raised by the strict loader the site build uses."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        fouten = [p for p in problems if p.is_fout]
        super().__init__("\n".join(p.gcc() for p in fouten))


def samenvatting(problems: list[Problem], bestanden: int) -> str:
    """The closing line: how many errors and warnings in how many files."""
    fouten = sum(p.is_fout for p in problems)
    waarschuwingen = len(problems) - fouten
    woord = "bestand" if bestanden == 1 else "bestanden"
    if not problems:
        return f"Alles in orde: {bestanden} {woord} gecontroleerd, geen fouten."
    delen = []
    if fouten:
        delen.append(f"{fouten} {'fout' if fouten == 1 else 'fouten'}")
    if waarschuwingen:
        delen.append(f"{waarschuwingen} {'waarschuwing' if waarschuwingen == 1 else 'waarschuwingen'}")
    return f"{' en '.join(delen)} in {bestanden} {woord} gecontroleerd."
