"""Where every kind of page lives on the site: one place, so links never drift apart."""

from __future__ import annotations

import posixpath
import re
import unicodedata

KAART_ASSETS = "assets/kaart/"
# Real gemeente names slug to under 30 characters; the cap keeps a very long name from
# making a file name the file system refuses (255 bytes) and the build crash.
SLUG_MAX = 80


def slug(naam: str) -> str:
    """'De Ronde Venen' -> 'de-ronde-venen' (accents dropped, so URLs stay plain ASCII)."""
    ascii_naam = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_naam.lower()).strip("-")[:SLUG_MAX].rstrip("-")


def gemeente(naam: str) -> str:
    return f"gemeenten/{slug(naam)}/"


def initiatief(record_id: str) -> str:
    return f"informele-steun/{record_id}/"


def lokaal_team(record_id: str) -> str:
    return f"lokale-teams/{record_id}/"


def contactkaart(record_id: str) -> str:
    return f"voor-scholen/{record_id}/"


def aanbieder(record_id: str) -> str:
    return f"aanbieders/{record_id}/"


def agenda(regio: str = "") -> str:
    """'agenda/' (all regions) or 'agenda/utrecht-west/'."""
    return f"agenda/{regio}/" if regio else "agenda/"


def agendapunt(item_id: str) -> str:
    """'utrecht-west/ambitie-2' -> 'agenda/utrecht-west/ambitie-2/'."""
    return f"agenda/{item_id}/"


def relative_url(van: str, naar: str) -> str:
    """A link from the page at directory `van` to `naar` (a page directory or a file).

    Relative links keep the site working from any sub-path and from a plain folder.
    """
    rel = relatief(van or "", naar)
    if naar.endswith("/") or naar == "":
        rel = "./" if rel == "." else rel + "/"
    return rel


def relatief(van: str, naar: str) -> str:
    """posixpath.relpath("/" + naar, "/" + van), without its normalising: a page has
    hundreds of links, a national build over a million, and these paths are clean already."""
    if "." in van or "//" in van or "/." in naar or naar.startswith(".") or "//" in naar:
        return posixpath.relpath("/" + naar, "/" + van)
    v, n = van.split("/"), naar.split("/")
    if v[-1] == "":
        v.pop()
    if n[-1] == "":
        n.pop()
    gelijk = 0
    for a, b in zip(v, n):
        if a != b:
            break
        gelijk += 1
    return "/".join([".."] * (len(v) - gelijk) + n[gelijk:]) or "."


def wegwijzer(regio_id: str) -> str:
    """'wegwijzer/zuidoost-utrecht/': the region's wegwijzer for professionals."""
    return f"wegwijzer/{regio_id}/"


def overzicht_regio(overzicht: str, regio: str) -> str:
    """'informele-steun/' + 'utrecht-west' -> 'informele-steun/regio/utrecht-west/': one
    region's part of a national overview ('regio/' keeps it apart from the record pages)."""
    return f"{overzicht}regio/{regio}/"
