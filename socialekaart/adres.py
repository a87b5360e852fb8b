"""Does a text look like a Dutch street address or postcode? Used for gezinshuizen, whose
address must never reach the site.

Dutch addresses are written in many ways: 'Kerkstraat 12', 'Dorpsstr. 12a', '12 Kerkstraat',
'Kerkstraat nummer twaalf', 'huisnummer 12', 'Markt 3', 'Laan van Meerdervoort 12',
'3441AB' or '3441 AB'. Ordinary texts about a gezinshuis are full of numbers too ('6 tot en
met 16 jaar', '2 plekken', 'het dorp, 5 minuten van school'), so a number followed by a unit
(jaar, minuten, km, kinderen ...) never counts as a house number.

Every address has a number (in digits or in words), and most texts have none: a text is
split into words once (a fast string method) and only the words around a number are looked
at. (Patterns for all these shapes, tried at every character, were a hundred times slower.)
"""

from __future__ import annotations

import re

# What ends a street name ('Kerkstraat', 'Oudegracht', 'Vismarkt'); each is also a street name
# on its own ('Markt 3', 'Wetering 12', 'Dorp 5', 'Brink 2').
_STRAATWOORDEN = (
    "straat", "straatje", "straatweg", "laan", "laantje", "weg", "plein", "pleintje", "kade", "gracht", "dijk",
    "singel", "steeg", "steegje", "hof", "hofje", "pad", "dreef", "erf", "erve", "park", "veld", "baan", "einde",
    "zijde", "wal", "allee", "boulevard", "plantsoen", "markt", "haven", "kamp", "akker", "weide", "werf",
    "wetering", "vaart", "ring", "dam", "poort", "gang", "dorp", "brink", "oever", "hoven", "rade", "burgwal",
)
# Abbreviations count only at the end of a longer word ('Dorpsstr.'): alone, 'gr. 7' is a school group.
_AFKORTINGEN = ("str", "ln", "pln", "wg", "gr", "dk", "stg", "sngl", "blvd", "pk")
# Bare street words that start a name of several words: 'Laan van Meerdervoort 12'.
_BEGIN_VAN_NAAM = frozenset(("laan", "hof", "plein", "kade", "dijk", "singel", "weg", "markt", "gracht", "ring", "park", "straat", "steeg", "pad", "dreef", "burgwal"))
_VERBINDWOORDEN = frozenset(("van", "der", "de", "den", "het", "op", "aan", "te", "ter", "in", "tot", "achter", "bij", "over", "naar", "langs", "om", "du", "la"))
_NUMMER = frozenset(("nummer", "nr", "no"))
# How the word before a house number ends, if it is a street name, 'nummer' or 'huisnummer'.
_EINDES = (*_STRAATWOORDEN, *_AFKORTINGEN, *_NUMMER)

_TIENTALLEN = ["tien", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"]
_ENKEL = ["een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"]
_GETALWOORDEN = frozenset(
    [*_ENKEL[1:], "één", *_TIENTALLEN, "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien",
     "achttien", "negentien", "honderd"]
    + [f"{e}{en}{t}" for e in _ENKEL for en in ("en", "ën") for t in _TIENTALLEN[1:]]  # drieëntwintig
)
_LEESTEKENS = ".,;:!?)"
# Number words as they stand in a split text, with any punctuation after them.
_GETALWOORDEN_LOS = frozenset(w + p for w in _GETALWOORDEN for p in ("", *_LEESTEKENS))
_EEN_LOS = frozenset("een" + p for p in ("", *_LEESTEKENS))
_NUMMERWOORDEN_LOS = frozenset(
    w + p for w in ("nummer", "nr", "nr.", "no.", "huisnummer", "huisnr", "huisnr.") for p in ("", ":")
)
_CIJFER = re.compile(r"\d")
_CIJFERS = re.compile(r"\d+")
# Digits that begin a word, or follow '(', ':' or '.' ('Kerkstr.12'): a house number and a
# postcode always do.
_GETAL_AAN_BEGIN = re.compile(r"(?<![^\s(:.])\d")

# A number followed by what it counts is not a house number: 'dorp 5 minuten', 'hof 2 keer'.
_EENHEID_ERNA = re.compile(
    r"[\d.,]*(?:\s*(?:-|–|tot|t/m|à)\s*\d+[\d.,]*)?\s*(?:jaar|jaren|jr|maand|maanden|week|weken|dag|dagen|uur|uren|minuut"
    r"|minuten|min|seconden|km|kilometer|m|meter|kinderen|kind|jongeren|jongere|pubers|tieners|baby's|babys|plek|plekken"
    r"|plaats|plaatsen|keer|x|%|procent|personen|mensen|gezinnen|broers|zussen|euro|hectare|ha)(?![a-zà-ÿ])"
)
# 3441 AB in capitals, as on every letter (SA, SD and SS are not used); 3441ab in any case.
_POSTCODE_HOOFDLETTERS = re.compile(r"[1-9][0-9]{3}\s?(?!SA|SD|SS)[A-Z]{2}(?![A-Za-zÀ-ÿ])")
_POSTCODE_AANEEN = re.compile(r"[1-9][0-9]{3}(?!sa|sd|ss|km|cm|mm|kg|ml|gb|mb|kb)[a-z]{2}(?![a-zà-ÿ])")


def lijkt_op_adres(text: str) -> bool:
    """True if `text` contains something written like a street address or a postcode."""
    lower = text.lower()
    words = lower.split()
    getalwoorden = _GETALWOORDEN_LOS.intersection(words)
    if not _NUMMERWOORDEN_LOS.isdisjoint(words):  # after 'nummer', 'een' is a number too
        getalwoorden |= _EEN_LOS.intersection(words)
    for getalwoord in getalwoorden:
        i = -1
        while (i := _index(words, getalwoord, i + 1)) >= 0:
            if _getalwoord_na_straat(words[max(0, i - 4) : i], getalwoord.rstrip(_LEESTEKENS)):
                return True
    if not _CIJFER.search(lower):
        return False
    same_places = len(lower) == len(text)  # lower() lengthens a few rare letters
    for match in _GETAL_AAN_BEGIN.finditer(lower):
        start = match.start()
        if _POSTCODE_AANEEN.match(lower, start) or (
            _POSTCODE_HOOFDLETTERS.match(text, start) if same_places else _POSTCODE_HOOFDLETTERS.search(text)
        ):
            return True
        ervoor = lower[max(0, start - 80) : start].split()[-5:]
        word, *volgende = lower[start : start + 80].split()[:4]
        if (_straat_ervoor(ervoor) or _straat_erna(word, volgende)) and _huisnummer(word, volgende):
            return True
    return False


def _index(words: list[str], word: str, start: int) -> int:
    try:
        return words.index(word, start)
    except ValueError:
        return -1


def _huisnummer(word: str, volgende: list[str]) -> bool:
    """Could the word starting with digits be a house number? Not a year, a time or a count."""
    digits = _CIJFERS.match(word)[0]  # type: ignore[index]
    rest = word[len(digits) :]
    if len(digits) > 5 or (len(digits) == 4 and digits[:2] in ("19", "20")):
        return False
    if rest[:1] in (".", ",", ":", "/") and rest[1:2].isdigit():
        return False  # 9.00, 10:30, 2,5, 24/7
    return not _EENHEID_ERNA.match(" ".join([rest, *volgende]))


def _straatnaam(word: str, alleen_samengesteld: bool = False) -> bool:
    """Is `word` (lower case) a street name: 'kerkstraat', 'dorpsstr.', or 'markt' on its own?"""
    word = word.lstrip("('\"[")
    kaal = word.rstrip(".")
    if kaal.endswith(_AFKORTINGEN):
        if any(kaal.endswith(a) and len(kaal) >= len(a) + 2 and kaal[-len(a) - 1].isalpha() for a in _AFKORTINGEN):
            return True
    if word != kaal or not kaal.endswith(_STRAATWOORDEN):
        return False
    return not alleen_samengesteld or kaal not in _STRAATWOORDEN


def _huisnummer_woord(word: str) -> bool:
    kaal = word.rstrip(".:")
    return kaal.startswith("huis") and kaal[4:] in ("nummer", "nr")


def _nummer_na_straat(ervoor: list[str]) -> bool:
    """Do the words before a number end in 'Kerkstraat nr.', 'Markt nummer' or 'huisnummer'?"""
    if not ervoor:
        return False
    if _huisnummer_woord(ervoor[-1]):
        return True
    # 'Kerkstraat nr. 12', 'Kerkstraat, nummer 12', 'aan de Kerkstraat op nummer 12'
    return ervoor[-1].rstrip(".:") in _NUMMER and any(_straatnaam(w.rstrip(",")) for w in ervoor[-4:-1])


def _straat_ervoor(ervoor: list[str]) -> bool:
    """'Kerkstraat 12', 'Markt 3', 'Kerkstraat nr. 12', 'huisnummer 12', 'Laan van Meerdervoort 12'."""
    if not ervoor:
        return False
    if ervoor[-1].rstrip(".:").endswith(_EINDES) and (_nummer_na_straat(ervoor) or _straatnaam(ervoor[-1])):
        return True
    # A name of several words: a bare street word and a linking word, then up to three more words.
    if _BEGIN_VAN_NAAM.isdisjoint(ervoor):
        return False
    return any(ervoor[i] in _BEGIN_VAN_NAAM and ervoor[i + 1] in _VERBINDWOORDEN for i in range(len(ervoor) - 2))


def _straat_erna(word: str, volgende: list[str]) -> bool:
    """'12 Kerkstraat', '12a Dorpsstr.', '12 a Kerkstraat'."""
    rest = word[len(_CIJFERS.match(word)[0]) :]  # type: ignore[index]
    if len(rest) > 1 or (rest and not rest.isalpha()):
        return False
    if volgende and len(volgende[0]) == 1 and volgende[0].isalpha() and not rest:
        volgende = volgende[1:]
    # After the street name may come a comma: '12 Kerkstraat, Harmelen'.
    return bool(volgende) and _straatnaam(volgende[0].rstrip(",;:!?)"), alleen_samengesteld=True)


def _getalwoord_na_straat(ervoor: list[str], word: str) -> bool:
    """'Kerkstraat twaalf', 'Markt nummer drie', 'huisnummer een'. Only after a real street name
    or 'nummer': 'in de straat twee speeltuinen' is no address."""
    if _nummer_na_straat(ervoor):
        return True
    return word != "een" and bool(ervoor) and _straatnaam(ervoor[-1], alleen_samengesteld=True)
