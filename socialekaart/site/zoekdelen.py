"""The sociale kaart's search index in parts of at most `DEEL_MAX` pages.

Pagefind keeps every indexed word of a run in memory until it writes the index, so one run
over a national site (9,000+ pages) needs more memory than the whole rest of the build. The
pages are therefore indexed in several runs, one after the other, each over one part; the
search page merges the parts in the browser (Pagefind's `mergeIndex`).

A part is one Pagefind `--glob`: whole top-level folders where they fit, and a folder with
more pages split by the first letters of its record folders (`informele-steun/b*/**`), so the
glob stays short at any size and every page is in exactly one part. Pure: no files, no MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import groupby

# At most this many pages per Pagefind run: under 200 MB at its peak for the national set's
# record pages (2,222 of them: 168 MB), well below the Python build's own memory (issue 14's
# budget is 500 MB), and the same at any scale. Each part costs the first search one more
# entry, page list and index chunk (about 30 KB).
DEEL_MAX = 2500
INDEX = "index.html"
_WAX = re.compile(r"([?*$:<>()\[\]{},!\\])")  # characters with a meaning in Pagefind's globs (wax)

Pad = tuple[str, ...]


def zoekdelen(paginas: Iterable[str], uitgesloten: Iterable[str] = (), deel_max: int | None = None) -> list[str]:
    """One Pagefind glob per part for the pages `paginas` ('informele-steun/x/index.html',
    paths in the site); pages in a top-level folder in `uitgesloten` and files other than
    `index.html` are not indexed. Each part holds at most `deel_max` pages (default
    `DEEL_MAX`); parts follow the sorted paths, so the same pages always give the same parts.
    """
    n = DEEL_MAX if deel_max is None else deel_max
    if n < 1:
        raise ValueError("deel_max moet minstens 1 zijn")
    weg = set(uitgesloten)
    paden = sorted(
        {tuple(p.split("/")) for p in paginas if p.split("/")[-1] == INDEX and p.split("/")[0] not in weg},
        key=lambda p: (len(p) > 1, p),  # the home page first
    )
    eenheden: list[tuple[str, int]] = []
    for eerste, groep in groupby(paden, key=lambda p: p[0] if len(p) > 1 else ""):
        onder = [p[1:] for p in groep]
        if not eerste:
            eenheden.append((INDEX, 1))  # the home page
        elif len(onder) <= n:
            eenheden.append((f"{_wax(eerste)}/**/{INDEX}", len(onder)))
        else:
            eenheden += _splits(_wax(eerste) + "/", onder, n)
    return [_samen(deel) for deel in _pak(eenheden, n)]


def _splits(map_: str, paden: list[Pad], n: int) -> Iterator[tuple[str, int]]:
    """Globs of at most `n` pages that together hold the pages `paden` of folder `map_`
    (more than `n`), each page once: the folder's own page, then its sub-folders by prefix."""
    if (INDEX,) in paden:
        yield f"{map_}{INDEX}", 1
    per_naam = {naam: [p[1:] for p in groep] for naam, groep in groupby((p for p in paden if len(p) > 1), key=lambda p: p[0])}
    yield from _voorvoegsels(map_, "", sorted(per_naam), per_naam, n)


def _voorvoegsels(map_: str, begin: str, namen: list[str], per_naam: dict[str, list[Pad]], n: int) -> Iterator[tuple[str, int]]:
    """The sub-folders `namen` (all starting with `begin`) as one glob `begin*` when they fit,
    else one glob per next letter; a name that is `begin` itself gets a glob of its own."""
    totaal = sum(len(per_naam[naam]) for naam in namen)
    if totaal <= n:
        yield f"{map_}{_wax(begin)}*/**/{INDEX}", totaal
        return
    if namen[0] == begin:  # 'maatjes' beside 'maatjes-woerden': 'maatjes*' would hold both
        onder = per_naam[begin]
        if len(onder) <= n:
            yield f"{map_}{_wax(begin)}/**/{INDEX}", len(onder)
        else:
            yield from _splits(f"{map_}{_wax(begin)}/", onder, n)
        namen = namen[1:]
    for _, groep in groupby(namen, key=lambda naam: naam[len(begin)]):
        verder = list(groep)
        yield from _voorvoegsels(map_, verder[0][: len(begin) + 1], verder, per_naam, n)


def _pak(eenheden: list[tuple[str, int]], n: int) -> list[list[str]]:
    """Consecutive globs together in parts of at most `n` pages."""
    delen: list[list[str]] = []
    vol = n
    for glob, aantal in eenheden:
        if vol + aantal > n:
            delen.append([])
            vol = 0
        delen[-1].append(glob)
        vol += aantal
    return delen


def _samen(globs: list[str]) -> str:
    return globs[0] if len(globs) == 1 else "{" + ",".join(globs) + "}"


def _wax(naam: str) -> str:
    return _WAX.sub(r"\\\1", naam)
