"""Trust gates on the built files: statements in every footer, no third-party resources,
gezinshuizen at plaats level only, reproducible builds and the same site from ProperDocs.

Each gate is a function in trust_gates.py; every test that runs it on the real site has a
partner that plants a violation in a copy and shows the same function catches it.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from sitebouw import FIXTURE_DATA, ROOT, make_project, run_build
from trust_gates import (
    build_differences,
    external_references,
    gezinshuis_leaks,
    page_paths,
    statement_link_problems,
)

from socialekaart.load import load_dataset

PROPERDOCS = Path(sys.executable).with_name("properdocs")


def _gezinshuis_words(data: Path) -> tuple[list[str], list[str]]:
    dataset, _ = load_dataset(data, date.today())
    names = [h.naam for h in dataset.gezinshuizen.values()]
    places = [h.plaats for h in dataset.gezinshuizen.values()] + [dataset.gemeente_naam(h.gemeente) for h in dataset.gezinshuizen.values()]
    return names, places


def _copy(site: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    return copy


# --- both statements linked from every page -----------------------------------------------------


def test_every_page_links_to_both_statements(built_site):
    assert statement_link_problems(built_site) == []
    for page in ("toegankelijkheid/index.html", "privacy/index.html"):
        assert (built_site / page).exists()


def test_statements_say_what_they_must(built_site):
    toegankelijkheid = (built_site / "toegankelijkheid/index.html").read_text(encoding="utf-8")
    for words in ("Toegankelijkheidsverklaring", "axe-core", "nog geen volledig onderzoek", "Wat nog niet goed is", "Probleem gevonden", "opgesteld op"):
        assert words in toegankelijkheid
    privacy = (built_site / "privacy/index.html").read_text(encoding="utf-8")
    for words in ("Privacyverklaring", "Geen cookies", "Geen tracking", "PDOK", "Kadaster", "IP-adres", "tegelcoördinaten", "kinderen", "alleen per plaats"):
        assert words in privacy


def test_the_footer_gate_catches_a_page_without_the_links(built_site, tmp_path):
    copy = _copy(built_site, tmp_path)
    page = copy / "over/index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace('href="../privacy/"', 'href="../over/"'), encoding="utf-8")

    assert statement_link_problems(copy) == ["over/index.html: footer does not link to the privacyverklaring (privacy/)"]


# --- no third-party resources in any file --------------------------------------------------------


def test_no_file_loads_anything_from_a_third_party(built_site):
    assert external_references(built_site) == []


@pytest.mark.parametrize(
    ("file", "planted"),
    [
        ("over/index.html", '<script src="https://cdn.example.net/x.js"></script>'),
        ("over/index.html", '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'),
        ("over/index.html", '<img src="//tracker.example.com/pixel.gif" alt="">'),
        ("over/index.html", '<p style="background:url(https://cdn.example.net/bg.png)">x</p>'),
        ("assets/stylesheets/socialekaart.css", '@import url("https://fonts.example.com/font.css");'),
        ("assets/stylesheets/socialekaart.css", '.x { background: url(https://cdn.example.net/bg.png); }'),
        ("assets/javascripts/socialekaart.js", 'fetch("https://analytics.example.com/hit");'),
    ],
)
def test_the_static_resource_gate_catches_planted_references(built_site, tmp_path, file, planted):
    copy = tmp_path / "site"  # just the one file: the gate reads any folder
    target = copy / file
    target.parent.mkdir(parents=True)
    shutil.copy(built_site / file, target)
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("</h1>", "</h1>" + planted, 1) if file.endswith(".html") else text + "\n" + planted, encoding="utf-8")

    found = external_references(copy)

    assert len(found) == 1 and found[0].startswith(file), found


def test_pdok_tiles_and_plain_links_are_allowed(built_site, tmp_path):
    copy = _copy(built_site, tmp_path)
    page = copy / "over/index.html"
    html = page.read_text(encoding="utf-8")
    allowed = '<img src="https://service.pdok.nl/brt/tile.png" alt="kaart"><a href="https://www.rijksoverheid.nl/">link</a>'
    page.write_text(html.replace("</h1>", "</h1>" + allowed, 1), encoding="utf-8")
    assert external_references(copy) == []


# --- gezinshuizen: plaats level only, everywhere ----------------------------------------------------


def test_no_gezinshuis_address_or_precise_point_in_any_file(built_site):
    names, places = _gezinshuis_words(FIXTURE_DATA)
    assert names
    assert gezinshuis_leaks(built_site, names, places) == []


def test_the_gezinshuis_gate_catches_planted_leaks(built_site, tmp_path):
    names, places = _gezinshuis_words(FIXTURE_DATA)
    copy = _copy(built_site, tmp_path)
    overzicht = copy / "gezinshuizen/index.html"
    html = overzicht.read_text(encoding="utf-8")
    naam = names[0]
    assert naam in html
    overzicht.write_text(html.replace(naam, naam + ", Dorpsstraat 12, 3441 AB", 1), encoding="utf-8")
    kaart = copy / "gezinshuizen/kaart.html"
    rows = kaart.read_text(encoding="utf-8")
    first_point = rows[rows.index("var data = [[") + len("var data = [[") :].split(",")[0]
    kaart.write_text(rows.replace(f"[[{first_point},", "[[52.0912,", 1), encoding="utf-8")
    # The search index: a Pagefind fragment (gzip-compressed JSON). The overview's list of
    # gezinshuizen is not indexed, so the leak plants the name with a precise point itself.
    index = sorted((copy / "pagefind/fragment").iterdir())[0]
    fragment = gzip.decompress(index.read_bytes()).decode("utf-8")
    assert '"content":"' in fragment
    index.write_bytes(gzip.compress(fragment.replace('"content":"', f'"content":"{naam} (52.0912, 4.8812) ', 1).encode("utf-8")))

    found = "\n".join(gezinshuis_leaks(copy, names, places))

    assert "gezinshuizen/index.html" in found and "'Dorpsstraat 12'" in found and "'3441 AB'" in found
    assert "gezinshuizen/kaart.html: map point (52.0912" in found
    assert f"pagefind/fragment/{index.name}" in found and "precise coordinate '52.0912'" in found


def _plant(path: Path, key: str, line: str) -> None:
    """Replace the top-level `key` (with its indented continuation lines) by `line`."""
    out, skipping = [], False
    for regel in path.read_text(encoding="utf-8").splitlines():
        if regel.startswith(f"{key}:"):
            out.append(line)
            skipping = True
        elif skipping and regel.startswith((" ", "-")):
            continue
        else:
            skipping = False
            out.append(regel)
    if line not in out:
        out.append(line)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _line_of(path: Path, text: str) -> int:
    return next(i for i, regel in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in regel)


def test_the_build_refuses_a_gezinshuis_address_or_precise_point(tmp_path):
    project = make_project(tmp_path / "project")
    files = sorted((project / "data/gezinshuizen").glob("*.yml"))
    planted = {
        "coordinaten": (files[0], "coordinaten: {lat: 52.0912, lon: 4.88}", "52.0912"),
        "naam": (files[1], "naam: Gezinshuis Dorpsstraat 12", "Dorpsstraat 12"),
        "plaats": (files[2], "plaats: 3441 AB Woerden", "3441 AB"),
        "beschrijving": (files[3], "beschrijving: Je vindt ons aan de Kerkweg 7.", "Kerkweg 7"),
        "specialisaties": (files[4], "specialisaties: [autisme, Molenlaan 3]", "Molenlaan 3"),
        "adres": (files[5], "adres: Dorpsstraat 12", "adres:"),
    }
    for key, (path, line, _) in planted.items():
        _plant(path, key, line)
    site = tmp_path / "site"

    result = run_build(project, site)

    assert result.returncode != 0
    assert "Traceback" not in result.output
    assert not site.exists() or not any(site.iterdir()), "a site was written despite the errors"
    for key, (path, _, marker) in planted.items():
        rel = path.relative_to(project).as_posix()
        expected = f"{rel}:{_line_of(path, marker)}:"
        lines = [regel for regel in result.output.splitlines() if expected in regel and ": fout: " in regel and key in regel]
        assert lines, f"no positioned error for {key} ({expected}) in:\n{result.output}"


# --- reproducible builds ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory, built_site) -> tuple[Path, Path, int]:
    """Two fresh builds of the fixture data into different folders, at the same time."""
    today = datetime.now(timezone.utc).date()
    epoch = int(datetime(today.year, today.month, today.day, tzinfo=timezone.utc).timestamp())
    base = tmp_path_factory.mktemp("reproducible")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(lambda name: run_build(make_project(base / name / "project"), base / name / "site"), ["een", "twee"]))
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    for result in results:
        assert result.returncode == 0, result.output
    return results[0].site, results[1].site, epoch


def test_two_builds_are_byte_identical(two_builds):
    first, second, _ = two_builds
    assert build_differences(first, second) == []
    assert len(list(first.rglob("*"))) > 100


def test_build_dates_come_from_source_date_epoch(two_builds):
    first, _, epoch = two_builds
    header = (first / "sitemap.xml.gz").read_bytes()[:10]
    assert int.from_bytes(header[4:8], "little") == epoch
    gzip.decompress((first / "sitemap.xml.gz").read_bytes())


def test_the_reproducibility_gate_catches_a_changed_or_extra_file(built_site, tmp_path):
    copy = _copy(built_site, tmp_path)
    kaart = copy / "gezinshuizen" / "kaart.html"  # a map document with its own data
    kaart.write_text(kaart.read_text(encoding="utf-8").replace("var data", "var data_4f2a9c", 1), encoding="utf-8")
    (copy / "build-info.txt").write_text("gebouwd om 10:42:17", encoding="utf-8")

    found = build_differences(built_site, copy)

    assert found == ["only in second build: build-info.txt", f"differs: {kaart.relative_to(copy).as_posix()}"]


# --- ProperDocs builds the same site from the same mkdocs.yml ---------------------------------------


def page_set_differences(a: Path, b: Path) -> list[str]:
    first, second = page_paths(a), page_paths(b)
    return [f"only from MkDocs: {p}" for p in sorted(first - second)] + [f"only from ProperDocs: {p}" for p in sorted(second - first)]


def test_properdocs_builds_the_same_pages(built_site, tmp_path):
    if not PROPERDOCS.exists():
        pytest.fail(f"properdocs ontbreekt in de venv ({PROPERDOCS}); pip install -e '.[test]'")
    site = tmp_path / "properdocs-site"
    proc = subprocess.run(
        [str(PROPERDOCS), "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site)],
        cwd=make_project(tmp_path / "project"),
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert page_set_differences(built_site, site) == []
    assert len(page_paths(site)) > 50


def test_the_page_set_gate_catches_a_missing_page(built_site, tmp_path):
    copy = _copy(built_site, tmp_path)
    shutil.rmtree(copy / "gezinshuizen")
    assert page_set_differences(built_site, copy) == ["only from MkDocs: gezinshuizen/index.html"]
