"""Does a text look like a Dutch street address or postcode? Used for gezinshuizen, whose
address must never reach the site.

Dutch addresses are written in many ways: 'Kerkstraat 12', 'Dorpsstr. 12a', '12 Kerkstraat',
'Kerkstraat nummer twaalf', 'huisnummer 12', 'Markt 3', 'Laan van Meerdervoort 12',
'3441AB' or '3441 AB'. Ordinary texts about a gezinshuis are full of numbers too ('6 tot en
met 16 jaar', '2 plekken', 'het dorp, 5 minuten van school'), so a number followed by a unit
(jaar, minuten, km, kinderen ...) never counts as a house number.

The patterns search lower-case text: a case-insensitive search over this many words is
several times slower, and a text without a digit or number word is not searched at all.
"""

from __future__ import annotations

import re

# What ends a street name ('Kerkstraat', 'Oudegracht', 'Vismarkt'), or is one on its own
# ('Markt 3', 'Wetering 12', 'Dorp 5', 'Brink 2').
_STRAATWOORD = (
    "straat|straatje|straatweg|laan|laantje|weg|plein|pleintje|kade|gracht|dijk|singel|steeg|steegje|hof|hofje"
    "|pad|dreef|erf|erve|park|veld|baan|einde|zijde|wal|allee|boulevard|plantsoen|markt|haven|kamp|akker"
    "|weide|werf|wetering|vaart|ring|dam|poort|gang|dorp|brink|oever|hoven|rade|kerkhof|burgwal|dijkje"
)
# Abbreviations only count at the end of a longer word ('Dorpsstr.'): alone, 'gr. 7' is a school group.
_AFKORTING = r"(?<=[a-zà-ÿ]{2})(?:str|ln|pln|wg|gr|dk|stg|sngl|blvd|pk)\.?"
_STRAAT = rf"(?:(?:{_STRAATWOORD})(?![a-zà-ÿ])|{_AFKORTING}(?![a-zà-ÿ]))"
_STRAAT_SAMENGESTELD = rf"(?:(?<=[a-zà-ÿ]{{2}})(?:{_STRAATWOORD})(?![a-zà-ÿ])|{_AFKORTING}(?![a-zà-ÿ]))"

_GETALWOORD = (
    "(?:(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:en|ën)(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)"
    "|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien"
    "|achttien|negentien|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd)(?![a-zà-ÿ])"
)
# After 'nummer' even 'een' is a number.
_GETALWOORD_NA_NUMMER = f"(?:een(?![a-zà-ÿ])|{_GETALWOORD})"
_NUMMER = r"(?:huis)?(?:nummer|nr\.?|no\.?)"

# A number followed by what it counts is not a house number: 'dorp 5 minuten', 'hof 2 keer'.
_EENHEID = (
    r"(?:jaar|jaren|jr|maand|maanden|week|weken|dag|dagen|uur|uren|minuut|minuten|min|seconden|km|kilometer|m|meter"
    r"|kinderen|kind|jongeren|jongere|pubers|tieners|baby'?s|plek|plekken|plaats|plaatsen|keer|x|%|procent|personen"
    r"|mensen|gezinnen|broers|zussen|euro|hectare|ha)(?![a-zà-ÿ])"
)
_GEEN_EENHEID = rf"(?![\d.,]*(?:\s*(?:-|–|tot|t/m|à)\s*\d+[\d.,]*)?\s*{_EENHEID})"
# A house number: not a year ('het einde 2024'), not part of a longer number.
_HUISNUMMER = rf"(?<![\d.,])(?!(?:19|20)\d\d(?!\d))\d{{1,5}}(?![\d])(?!\.\d|:\d){_GEEN_EENHEID}"

_ADRES = re.compile(
    "|".join(
        [
            # Kerkstraat 12, Dorpsstr. 12a, Markt 3, Kerkstraat nr. 12
            rf"{_STRAAT}\s+(?:{_NUMMER}\s*)?{_HUISNUMMER}",
            # Kerkstraat twaalf (only after a real street name: 'in de straat twee kinderen' is fine)
            rf"{_STRAAT_SAMENGESTELD}\s+{_GETALWOORD}",
            # Markt nummer drie, huisnummer 12, huisnummer: twaalf
            rf"{_STRAAT}\s+{_NUMMER}\s*{_GETALWOORD_NA_NUMMER}",
            rf"huis(?:nummer|nr)\.?\s*:?\s*(?:\d|{_GETALWOORD_NA_NUMMER})",
            # 12 Kerkstraat, 12a Dorpsstr.
            rf"(?<![\d.,:/-])\d{{1,5}}\s?[a-z]?\s+[a-zà-ÿ'’-]*{_STRAAT_SAMENGESTELD}",
            # Laan van Meerdervoort 12, Hof van Holland 3
            r"(?<![a-zà-ÿ])(?:laan|hof|plein|kade|dijk|singel|weg|markt|gracht|ring|park|straat|steeg|pad|dreef|burgwal)"
            rf"\s+(?:van|der|de|den|het|op|aan|te|ter|in|tot|achter|bij|over|naar|langs|om|du|la)\s+(?:[a-zà-ÿ'’.-]+\s+){{0,3}}{_HUISNUMMER}",
            # 3441ab (without a space in any case; with a space only in capitals, below)
            r"(?<![\d.,])[1-9]\d{3}(?!sa|sd|ss|km|cm|mm|kg|ml|gb|mb|kb)[a-z]{2}(?![a-zà-ÿ])",
        ]
    )
)
# 3441 AB: written in capitals, as on every letter (SA, SD and SS are not used).
_POSTCODE = re.compile(r"\b[1-9][0-9]{3}\s?(?!SA|SD|SS)[A-Z]{2}\b")
# Worth a search at all: a digit, or a number word or 'nummer' (the words need a digit or these).
_MISSCHIEN = re.compile(rf"\d|nummer|{_GETALWOORD}")


def lijkt_op_adres(text: str) -> bool:
    """True if `text` contains something written like a street address or a postcode."""
    lower = text.lower()
    if not _MISSCHIEN.search(lower):
        return False
    return bool(_POSTCODE.search(text) or _ADRES.search(lower))
