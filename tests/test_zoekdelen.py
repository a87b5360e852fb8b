"""The sociale kaart's search index in parts (socialekaart/site/zoekdelen.py): every page in
exactly one part, no part above its size, short globs; checked with a reading of the globs
here and, for the cases that matter, with Pagefind itself."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from site_dom import load
from sitebouw import DELEN_MAX, PAGEFIND_KOP, kaart_fragmenten, make_project, run_build_in_delen
from trust_gates import build_differences

from socialekaart.site.zoekdelen import zoekdelen
from socialekaart.site.zoeken import NIET_IN_KAART, PAGEFIND_ROOT, PAGEFIND_UI, kaartdelen, pagefind_index, pagefind_mappen


def _regex(glob: str) -> re.Pattern[str]:
    """The glob forms zoekdelen writes ({a,b}, **/, *, \\x) as a regular expression."""
    binnen = glob[1:-1] if glob.startswith("{") and glob.endswith("}") else glob
    delen = re.split(r"(?<!\\),", binnen)
    uit = []
    for deel in delen:
        tekst = ""
        for stuk in re.findall(r"\\.|\*\*/|\*|.", deel):
            tekst += {"**/": "(?:[^/]+/)*", "*": "[^/]*"}.get(stuk, re.escape(stuk[-1]))
        uit.append(tekst)
    return re.compile("(?:" + "|".join(uit) + ")")


def _delen_van(globs: list[str], paginas: list[str]) -> dict[str, list[int]]:
    """Page -> the parts whose glob matches it."""
    regexen = [_regex(g) for g in globs]
    return {p: [i for i, r in enumerate(regexen) if r.fullmatch(p)] for p in paginas}


def _site(aantallen: dict[str, int]) -> list[str]:
    """Page paths: for each folder its overview and `aantal` record pages, plus the home page."""
    paginas = ["index.html"]
    for map_, aantal in aantallen.items():
        paginas.append(f"{map_}/index.html")
        paginas += [f"{map_}/record-{i}/index.html" for i in range(aantal)]
    return paginas


LASTIG = [  # exact slugs that are also prefixes, a record with pages of its own, other files
    "index.html", "over/index.html", "zoeken/index.html", "404.html",
    "steun/index.html", "steun/maatjes/index.html", "steun/maatjes-a/index.html", "steun/maatjes-ab/index.html",
    "steun/maatjes-b/index.html", "steun/m/index.html", "steun/ma/index.html", "steun/b/index.html",
    "steun/b1/index.html", "steun/b12/index.html", "steun/b2/index.html", "steun/c-0/index.html",
    "steun/groot/index.html", *(f"steun/groot/deel-{i}/index.html" for i in range(7)), "steun/groot/kaart.html",
    "aanbieders/index.html", *(f"aanbieders/a-{i}/index.html" for i in range(12)),
    "agenda/index.html", "agenda/plan/index.html", "redactie/index.html", "widget/woerden/index.html",
]


def test_a_small_site_is_one_part_with_every_folder_whole():
    paginas = ["index.html", "over/index.html", "steun/index.html", "steun/a/index.html",
               "agenda/index.html", "agenda/plan/index.html", "redactie/index.html", "assets/x/index.html"]
    assert kaartdelen(paginas) == ["{index.html,over/**/index.html,steun/**/index.html}"]


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 8, 13, 40])
def test_every_page_is_in_exactly_one_part_of_at_most_n_pages(n):
    gezocht = [p for p in LASTIG if p.endswith("/index.html") or p == "index.html"]
    gezocht = [p for p in gezocht if p.split("/")[0] not in NIET_IN_KAART]
    globs = zoekdelen(LASTIG, NIET_IN_KAART, n)
    per_pagina = _delen_van(globs, LASTIG)
    assert {p: d for p, d in per_pagina.items() if p in gezocht and len(d) != 1} == {}
    assert {p: d for p, d in per_pagina.items() if p not in gezocht and d} == {}  # agenda, redactie, 404.html
    grootte = [sum(1 for d in per_pagina.values() if d == [i]) for i in range(len(globs))]
    assert max(grootte) <= n and min(grootte) >= 1, grootte
    assert globs == zoekdelen(list(reversed(LASTIG)), NIET_IN_KAART, n)  # the order of the pages does not count


def test_an_exact_slug_that_begins_other_slugs_has_a_glob_of_its_own():
    globs = ",".join(zoekdelen(LASTIG, NIET_IN_KAART, 3))
    assert "steun/maatjes/**/index.html" in globs  # not 'maatjes*': that would take maatjes-a too
    assert "steun/b/**/index.html" in globs and "steun/b1*/**/index.html" in globs
    assert "steun/index.html" in globs  # the folder's own page, once, without its records
    globs = ",".join(zoekdelen(LASTIG, NIET_IN_KAART, 1))
    assert "steun/b1/**/index.html" in globs and "steun/b12*/**/index.html" in globs


def test_a_record_with_more_pages_than_a_part_is_split_by_its_own_folders():
    globs = zoekdelen(LASTIG, NIET_IN_KAART, 4)
    assert "steun/groot/index.html" in ",".join(globs)
    assert sum(g.count("steun/groot/deel-") for g in globs) >= 2


def test_a_national_folder_is_split_by_prefixes_not_page_lists():
    paginas = _site({"aanbieders": 2000, "informele-steun": 6000, "lokale-teams": 342})
    globs = zoekdelen(paginas, (), 2500)
    assert len(globs) == 4 and max(len(g) for g in globs) < 500
    per_pagina = _delen_van(globs, paginas)
    assert all(len(d) == 1 for d in per_pagina.values())
    assert max(sum(1 for d in per_pagina.values() if d == [i]) for i in range(len(globs))) <= 2500


def test_characters_with_a_meaning_in_globs_are_escaped():
    globs = zoekdelen(["index.html", "a{b,c}/index.html", "a{b,c}/x/index.html"], (), 1)
    assert _delen_van(globs, ["a{b,c}/index.html", "a{b,c}/x/index.html"]) == {"a{b,c}/index.html": [1], "a{b,c}/x/index.html": [2]}


def test_pagefind_reads_the_globs_as_meant(tmp_path):
    """Pagefind itself: per part exactly the pages this module meant, each page once."""
    from pagefind_bin import get_executable

    site = tmp_path / "site"
    paginas = [p for p in LASTIG if p.endswith("index.html")]
    for pad in paginas:
        (site / pad).parent.mkdir(parents=True, exist_ok=True)
        (site / pad).write_text(f'<html lang="nl"><body><article class="md-content__inner"><h1>{pad}</h1><p>tekst</p></article></body></html>', encoding="utf-8")
    globs = zoekdelen(paginas, NIET_IN_KAART, 3)
    verwacht = _delen_van(globs, paginas)
    gevonden: dict[str, list[int]] = {}
    for i, glob in enumerate(globs):
        subprocess.run([str(get_executable()), "--site", str(site), "--output-subdir", f"deel-{i}", "--root-selector", PAGEFIND_ROOT,
                        "--force-language", "nl", "--glob", glob], check=True, capture_output=True)
        for fragment in (site / f"deel-{i}" / "fragment").glob("*.pf_fragment"):
            url = json.loads(gzip.decompress(fragment.read_bytes())[len(PAGEFIND_KOP):])["url"].lstrip("/")
            gevonden.setdefault(url + "index.html", []).append(i)
    assert gevonden == {p: d for p, d in verwacht.items() if d}


def _urls(fragmenten: list[dict]) -> list[str]:
    return sorted(f["url"] for f in fragmenten)


def test_a_site_in_parts_indexes_every_page_in_exactly_one_part(site_in_delen, built_site):
    delen = kaart_fragmenten(site_in_delen)
    assert list(delen) == pagefind_mappen(4)  # pagefind/, pagefind-2/, -3/, -4/
    alle = [url for deel in delen.values() for url in _urls(deel)]
    # The same pages as the one index of a site that fits in one part, each once.
    assert sorted(alle) == _urls(kaart_fragmenten(built_site)["pagefind"]) and len(alle) == len(set(alle))
    assert not [url for url in alle if url.startswith(("/agenda/", "/redactie/", "/widget/"))]
    for map_, deel in delen.items():
        entry = json.loads((site_in_delen / map_ / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert 1 <= entry["languages"]["nl"]["page_count"] == len(deel) <= DELEN_MAX, map_
    delen_met_steun = [map_ for map_, deel in delen.items() if any(url.startswith("/informele-steun/") for url in _urls(deel))]
    assert len(delen_met_steun) >= 2  # a folder larger than a part is split by its records' names


def test_the_search_page_names_the_other_parts(site_in_delen, built_site):
    form = next(n for n in load(site_in_delen / "zoeken/index.html").iter() if n.tag == "form" and "data-zoeken" in n.attrs)
    assert form.attrs["data-zoeken"] == "../pagefind/pagefind.js"
    assert form.attrs["data-zoeken-delen"] == "../pagefind-2/ ../pagefind-3/ ../pagefind-4/"
    enkel = next(n for n in load(built_site / "zoeken/index.html").iter() if n.tag == "form" and "data-zoeken" in n.attrs)
    assert enkel.attrs["data-zoeken-delen"] == ""


def test_a_site_in_parts_is_built_byte_identical(site_in_delen, tmp_path):
    tweede = run_build_in_delen(make_project(tmp_path / "project"), tmp_path / "site", DELEN_MAX)
    assert tweede.returncode == 0, tweede.output
    assert build_differences(site_in_delen, tweede.site) == []


def test_parts_left_by_an_earlier_build_are_removed(site_in_delen, tmp_path):
    # mkdocs serve --dirty keeps the old site folder; a site that now fits in one part must not
    # keep serving pagefind-2/ to pagefind-4/ beside it.
    site = tmp_path / "site"
    shutil.copytree(site_in_delen, site)
    paginas = [p.relative_to(site).as_posix() for p in site.rglob("index.html")]
    pagefind_index(site, kaartdelen(paginas))
    assert list(kaart_fragmenten(site)) == ["pagefind"]
    assert (site / "pagefind-agenda" / "pagefind-entry.json").is_file()


def test_each_part_holds_what_the_search_page_loads_and_not_pagefinds_own_interfaces(site_in_delen):
    """Pagefind's own search interfaces (about 420 KB per index) are never loaded: not on the server."""
    for map_ in [*pagefind_mappen(4), "pagefind-agenda"]:
        namen = {p.name for p in (site_in_delen / map_).iterdir()}
        assert {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json"} <= namen, map_
        assert not namen & set(PAGEFIND_UI), map_
