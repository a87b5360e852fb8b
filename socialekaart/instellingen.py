"""The region's identity, in one place: `extra.socialekaart` in mkdocs.yml.

Statements, footer, home page and correction links all read it, so a region that takes the
site over changes these lines and nothing else. Checked like the data: Dutch, positioned
messages, and the build stops before anything is written.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .load import validation_problems
from .messages import bedoelde_je
from .models.common import Email, Slug, Tekst, Website
from .positioned_yaml import Positions, YamlFout, read_value, read_yaml
from .problems import DataError, Problem

SLEUTEL = "socialekaart"  # under `extra:`; Material leaves unknown `extra` keys alone
STANDAARD_LICENTIE = "CC0-1.0"


class Instellingen(BaseModel):
    """`extra.socialekaart` in mkdocs.yml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    regio: Tekst = Field(description="Naam van de regio zoals bezoekers die kennen, bijvoorbeeld 'Regio Rivierenland'.")
    organisatie: Tekst = Field(description="Wie verantwoordelijk is voor de site, bijvoorbeeld 'de gemeenten in Regio Rivierenland'.")
    correctie_email: Email = Field(description="E-mailadres waar bezoekers een fout op de site melden.")
    privacy_contact: Email = Field(description="E-mailadres voor vragen over privacy (de functionaris gegevensbescherming).")
    licentie: Tekst = Field(STANDAARD_LICENTIE, description="Licentie van de gegevens (SPDX), standaard CC0-1.0.")
    website: Website | None = Field(None, description="Website van de organisatie (optioneel).")
    regios: list[Slug] | None = Field(
        None, min_length=1,
        description="Alleen deze regio's (ids uit data/regios/) op de site; zonder deze instelling alle regio's.",
    )

    @property
    def regio_naam(self) -> str:
        """'Regio Rivierenland' stays as written; 'Utrecht West' becomes 'regio Utrecht West'."""
        return self.regio if self.regio.casefold().startswith("regio ") else f"regio {self.regio}"


def lees_instellingen(config_file: Path, extra: Mapping[str, Any] | None, shown: str | None = None) -> Instellingen:
    """`extra.socialekaart` from the loaded MkDocs config, or DataError with positioned messages.

    MkDocs has already read the file; it is read again only for the positions. A file with
    tags our safe reader refuses (!ENV, !!python/name) still gets messages, at line 1.
    """
    shown = shown or config_file.name
    try:
        positions = read_yaml(config_file)[1]
    except YamlFout:
        positions = Positions()
    extra = extra or {}
    waarde = extra.get(SLEUTEL)
    if waarde is None:
        (line, col), veld = _missing_block_position(extra, positions)
        hint = bedoelde_je(veld, [SLEUTEL]) if veld else ""
        velden = ", ".join(n for n, f in Instellingen.model_fields.items() if f.is_required())
        bericht = f"het blok 'extra.{SLEUTEL}' met de gegevens van de regio ontbreekt ({velden}){hint}"
        raise DataError([Problem(shown, line, col, f"extra.{SLEUTEL}", bericht)])
    try:
        return Instellingen.model_validate(waarde)
    except ValidationError as error:
        raise DataError(list(validation_problems(error, Instellingen, positions, shown, ("extra", SLEUTEL)))) from None


def _missing_block_position(extra: Mapping[str, Any], positions: Positions) -> tuple[tuple[int, int], str | None]:
    """Point at a misspelled `extra.socialkaart:` when there is one, else at `extra:` or line 1."""
    for key in extra:
        if bedoelde_je(str(key), [SLEUTEL]):
            return positions.of_key(("extra", str(key))), str(key)
    return positions.of_key(("extra",)) if extra else (1, 1), None


def controleer_mkdocs(config_file: Path, shown: str, regios: Collection[str]) -> list[Problem]:
    """For `socialekaart check`: the identity in the mkdocs.yml beside the data folder, if any.

    A file with MkDocs' own tags (!ENV ...) cannot be read safely here; the build checks it."""
    if not config_file.is_file():
        return []
    try:
        config = read_value(config_file)
    except YamlFout:
        return []
    extra = config.get("extra") if isinstance(config, dict) else None
    try:
        instellingen = lees_instellingen(config_file, extra if isinstance(extra, dict) else None, shown)
    except DataError as error:
        return error.problems
    return onbekende_regios(config_file, instellingen, regios, shown)


def onbekende_regios(config_file: Path, instellingen: Instellingen, bestaand: Collection[str], shown: str | None = None) -> list[Problem]:
    """`extra.socialekaart.regios` naming a region that is not in data/regios/."""
    onbekend = [(i, r) for i, r in enumerate(instellingen.regios or []) if r not in bestaand]
    if not onbekend:
        return []
    try:
        positions = read_yaml(config_file)[1]
    except YamlFout:
        positions = Positions()
    return [
        Problem(shown or config_file.name, *positions.of_value(("extra", SLEUTEL, "regios", i)), f"extra.{SLEUTEL}.regios[{i + 1}]",
                f"regio '{regio}' bestaat niet in data/regios/{bedoelde_je(regio, bestaand)}")
        for i, regio in onbekend
    ]
