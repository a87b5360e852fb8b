"""Hostile text in every free-text and URL field of every record type, in the real browser.

The corpus (tests/hostile/payloads.yml: script tags, event handlers, javascript:/data: URLs,
broken HTML, Markdown link tricks, entities, 10k-character words, RTL and zero-width text)
goes into every str field found by walking the pydantic models (tests/hostile/planting.py).
Each value is either refused by `socialekaart check` with file:line:col and the field, or
built into a site and loaded in Chromium, where no script may run, no dialog open, no
event-handler attribute or javascript: link appear, and the page may not grow wider than
the window.

The second half does the same *past* check (tests/hostile/omzeil_hook.py): values check would
refuse are planted in the validated records of a real build, so the escaping of every output
is tested on its own: every page and map document, every page type with its scripts, the
search results, the search index and the iCal feeds.
"""

from __future__ import annotations

import html
import importlib.util
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import icalendar
import pytest
from hostile.bouw import build_hostile_site
from hostile.omzeilen import plant_in_dataset
from hostile.planting import (
    Payload,
    Uitkomst,
    classify,
    copy_data,
    load_payloads,
    plan,
    plant,
    positioned_refusals,
    refused_in,
    rounds,
    run_check,
)
from trust_browser import MAP_FRAME, horizontal_overflow, open_page
from trust_gates import html_pages, page_types

from socialekaart.check import load_checked
from socialekaart.models import RECORD_TYPES

PHONE = {"width": 390, "height": 844}


def _project_helpers():
    """make_project/run_build from tests/conftest.py ('conftest' here is the browser one)."""
    path = Path(__file__).resolve().parents[1] / "conftest.py"
    spec = importlib.util.spec_from_file_location("tests_root_conftest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.ROOT, module.make_project, module.run_build


ROOT, make_project, run_build = _project_helpers()

INERT_JS = """() => {
    const found = [];
    if (window.__pwned) found.push('window.__pwned is set');
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            const name = attr.name.toLowerCase();
            const value = attr.value.trim().toLowerCase().replace(/[\\s\\u0000-\\u001f]/g, '');
            if (name.startsWith('on')) found.push(`<${el.tagName.toLowerCase()} ${name}=...>`);
            if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name) &&
                (value.startsWith('javascript:') || value.startsWith('vbscript:') || value.startsWith('data:text/html'))) {
                found.push(`<${el.tagName.toLowerCase()} ${name}="${attr.value.slice(0, 60)}">`);
            }
        }
    }
    // A payload as data inside a script (a JSON string in a map) is fine; a planted script src is not.
    for (const script of document.querySelectorAll('script[src]')) {
        if (script.src.includes('evil.')) found.push('a planted <script src> element');
    }
    return found;
}"""


@dataclass
class HostileSite:
    url: str
    site: Path
    payloads: list[Payload]


@pytest.fixture(scope="module")
def planting():
    return plan(ROOT / "tests" / "fixtures" / "data")


@pytest.fixture(scope="module")
def payloads() -> list[Payload]:
    return load_payloads()


@pytest.fixture(scope="module")
def uitkomst(planting, payloads) -> Uitkomst:
    return classify(planting, payloads, date.today())


@pytest.fixture(scope="module")
def hostile_sites(planting, payloads, uitkomst, tmp_path_factory, serve_directory) -> list[HostileSite]:
    """One site per round of accepted hostile values (usually one), built by `mkdocs build`."""
    sites = []
    for n, values in enumerate(rounds(planting, uitkomst)):
        base = tmp_path_factory.mktemp(f"hostile-{n}")
        # Record rules (a contact's name needs consent ...) may refuse what the model
        # accepted: that is a positioned refusal too. Drop those and plant again.
        for attempt in range(4):
            project = make_project(base / f"project-{attempt}")
            landed = plant(planting, project / "data", values)
            refused, other = refused_in(landed, run_check(project / "data", date.today()))
            assert other == [], "check reports errors where nothing was planted:\n" + "\n".join(map(str, other))
            if not refused:
                break
            values = {plek: group for plek, group in values.items() if plek not in refused}
        else:
            pytest.fail("the hostile data set does not settle")
        result = run_build(project, base / "site")
        assert result.returncode == 0, result.output
        by_value = {p.waarde: p for p in payloads}
        accepted = {by_value[v].naam: by_value[v] for group in values.values() for v in group}
        sites.append(HostileSite(serve_directory(result.site), result.site, list(accepted.values())))
    return sites


def test_every_text_field_of_every_record_type_gets_every_payload(planting, uitkomst, payloads):
    assert planting.uncovered == []
    for folder in RECORD_TYPES:
        assert planting.fields[folder], f"{folder}: no text fields found"
        for field in planting.fields[folder]:
            assert (folder, field.path) in planting.assignments
    for plek in set(uitkomst.accepted) | set(uitkomst.rejected):
        seen = {p.naam for p in uitkomst.accepted.get(plek, []) + uitkomst.rejected.get(plek, [])}
        assert seen == {p.naam for p in payloads}, plek
    # Script tags and javascript: links never get through, in any field.
    for plek, accepted in uitkomst.accepted.items():
        names = {p.naam for p in accepted}
        assert not names & {"script-tag", "img-onerror", "javascript-url", "markdown-link-javascript", "markdown-autolink"}, plek


def test_refused_values_are_reported_at_file_line_and_field(planting, uitkomst, tmp_path):
    data = copy_data(ROOT / "tests" / "fixtures" / "data", tmp_path / "data")
    assert positioned_refusals(planting, uitkomst, data, date.today()) == []


def _pages_showing(site: Path, payloads: list[Payload]) -> list[Path]:
    """Per kind of page (section and depth), the page that shows the most payloads.

    Every template that shows hostile text is loaded once; the last test asserts that each
    accepted payload was indeed seen as text on one of them.
    """
    best: dict[tuple[str, int], tuple[int, Path]] = {}
    for page in html_pages(site):
        text = page.read_text(encoding="utf-8")
        count = sum(any(m in text for m in (p.merk, html.escape(p.merk, quote=False), html.escape(p.merk))) for p in payloads)
        parts = page.relative_to(site).parts
        kind = (parts[0] if len(parts) > 1 else "", len(parts))
        if count and count > best.get(kind, (0, page))[0]:
            best[kind] = (count, page)
    return sorted(page for _, page in best.values())


def test_accepted_hostile_text_is_inert_and_keeps_the_layout(page, hostile_sites):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_viewport_size(PHONE)
    problems = []
    shown: set[str] = set()
    visited = 0
    for hostile in hostile_sites:
        for file in _pages_showing(hostile.site, hostile.payloads):
            rel = file.relative_to(hostile.site).as_posix()
            page.goto(hostile.url + rel.removesuffix("index.html"))
            page.wait_for_load_state("load")
            frames = page.locator(MAP_FRAME)
            for index in range(frames.count()):
                frames.nth(index).scroll_into_view_if_needed()
                page.frame_locator(MAP_FRAME).nth(index).locator(".leaflet-container").first.wait_for()
            page.evaluate("() => window.scrollTo(0, 0)")
            for frame in page.frames:
                problems += [f"{rel} ({frame.url.rsplit('/', 1)[-1] or 'page'}): {found}" for found in frame.evaluate(INERT_JS)]
            problems += [f"{rel}: {found}" for found in horizontal_overflow(page)]
            text = page.evaluate("() => document.body.innerText")
            shown |= {p.naam for p in hostile.payloads if p.merk in text}
            visited += 1
    assert dialogs == [], f"dialogs opened: {dialogs}"
    assert problems == [], "\n".join(problems)
    assert visited >= 5
    missing = {p.naam for h in hostile_sites for p in h.payloads} - shown
    assert missing == set(), f"accepted payloads never shown as text: {missing}"


PLANTED = """
<img src="x" onerror="window.__pwned=1; alert('xss')">
<a href="javascript:window.__pwned=1">klik</a>
<p style="white-space:nowrap">{woord}</p>
"""


def test_the_hostile_gate_catches_live_script_and_overflow(page, built_site, serve_directory, tmp_path):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_viewport_size(PHONE)
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    target = copy / "over/index.html"
    html_text = target.read_text(encoding="utf-8")
    target.write_text(html_text.replace("</h1>", "</h1>" + PLANTED.format(woord="Jeugdhulp" * 200), 1), encoding="utf-8")

    page.goto(serve_directory(copy) + "over/")
    page.wait_for_load_state("load")
    page.wait_for_function("() => window.__pwned === 1")
    found = " | ".join(page.evaluate(INERT_JS))

    assert dialogs == ["xss"]
    assert "window.__pwned is set" in found
    assert "<img onerror=...>" in found
    assert '<a href="javascript:window.__pwned=1">' in found
    assert horizontal_overflow(page) != []


# --- past check: the escaping itself, with values that check would refuse -----------------------
#
# tests/hostile/omzeil_hook.py plants every payload (and hostile URLs) into every free-text and
# URL field of every record type *after* check accepted the fixture data, inside a real
# `mkdocs build`. Whatever the validation rules say, no output may turn them into markup.

SEARCH_WORDS = ("onerror", "onload", "script")  # words of the payloads that the search index holds
# Material's search index keeps only these tags (plugins/search: Parser.keep) and escapes all text.


def _block_subresources(route) -> None:
    """Only the HTML document itself: inline handlers still fire (an <img src=x> fails at once)."""
    if route.request.resource_type == "document" and route.request.frame == route.request.frame.page.main_frame:
        route.continue_()
    else:
        route.abort()


@dataclass
class Omzeild:
    url: str
    site: Path


def _hostile_past_check(base: Path, serve_directory, *, zonder_escape: bool = False) -> Omzeild:
    result = build_hostile_site(base, zonder_escape=zonder_escape)
    assert result.returncode == 0, result.output
    return Omzeild(serve_directory(result.site), result.site)


@pytest.fixture(scope="module")
def past_check(tmp_path_factory, serve_directory) -> Omzeild:
    return _hostile_past_check(tmp_path_factory.mktemp("omzeild"), serve_directory)


def _inert_everywhere(page, site: Omzeild, files: list[Path]) -> list[str]:
    """Load each file (scripts on, other requests refused); what ran or became an attribute."""
    problems = []
    for file in files:
        rel = file.relative_to(site.site).as_posix()
        page.goto(site.url + rel, wait_until="load")
        problems += [f"{rel}: {found}" for found in page.evaluate(INERT_JS)]
    return problems


def test_every_field_of_every_record_type_is_planted_past_check():
    dataset = load_checked(ROOT / "tests" / "fixtures" / "data", date.today())
    counts = plant_in_dataset(dataset)
    folders = {key.split(":")[0] for key in counts}
    assert folders == set(RECORD_TYPES), folders
    assert [key for key, n in counts.items() if n == 0] == []
    for field in ("agendas: titel", "agendas: begrotingen.*.titel", "agenda: korte_titel",
                  "agenda: resultaten.*.omschrijving", "agenda: kpis.*.naam", "regios: gemeenten.*.naam",
                  "providers: beschrijving", "providers: contact.website", "lokale-teams: contactpersonen.*.email"):
        assert counts.get(field), field


def test_every_page_and_map_document_is_inert_past_check(page, past_check):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.route("**/*", _block_subresources)
    files = sorted(past_check.site.rglob("*.html"))
    assert len([f for f in files if f.name == "kaart.html"]) >= 3
    # The hook did plant: (nearly) every page and map document shows the payloads, as text.
    planted = [f for f in files if "__pwned" in f.read_text(encoding="utf-8")]
    assert len(planted) > 0.9 * len([f for f in files if f.parts[-2:] != ("search", "index.html")])
    problems = _inert_everywhere(page, past_check, files)
    assert dialogs == [], f"dialogs opened: {dialogs[:5]}"
    assert problems == [], "\n".join(problems[:40])


def test_every_page_type_is_inert_past_check_with_its_scripts_and_maps(page, past_check):
    """One page per kind with everything loaded: Material's JavaScript, filters, the map iframes."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_viewport_size(PHONE)
    problems = []
    maps = 0
    for name, path in page_types(past_check.site).items():
        frames = open_page(page, past_check.url + path)
        maps += len(frames)
        for frame in [page.main_frame, *frames]:
            problems += [f"{name} ({frame.url}): {found}" for found in frame.evaluate(INERT_JS)]
    assert dialogs == [], f"dialogs opened: {dialogs[:5]}"
    assert problems == [], "\n".join(problems[:40])
    assert maps >= 3, "the map documents were not opened"


def test_search_results_are_inert_past_check(page, past_check):
    """Pagefind's results on the search page: the hostile text is found and shown, as text."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    problems = []
    for word in SEARCH_WORDS:
        open_page(page, past_check.url + f"zoeken/?q={word}", with_maps=False)
        page.wait_for_selector(f'form[data-klaar="{word}"]', state="attached", timeout=60_000)
        assert page.locator("#zoek-resultaten li").count() > 0, word
        assert word in page.locator("#zoek-resultaten").inner_text().lower(), word  # shown, as text
        problems += [f"zoeken naar {word!r}: {found}" for found in page.evaluate(INERT_JS)]
    assert dialogs == [], f"dialogs opened: {dialogs[:5]}"
    assert problems == [], "\n".join(problems[:40])


def _ical_lines(site: Path) -> dict[str, list[str]]:
    """Per feed, its content lines unfolded (a line starting with a space continues the last)."""
    feeds = {}
    for feed in sorted(site.rglob("*.ics")):
        feeds[feed.relative_to(site).as_posix()] = feed.read_bytes().decode("utf-8").replace("\r\n ", "").split("\r\n")
    return feeds


def _names(lines: list[str]) -> set[str]:
    return {line.split(":", 1)[0].split(";", 1)[0] for line in lines if line}


def test_ical_feeds_keep_their_shape_past_check(past_check, built_site):
    """A payload with line breaks ('END:VEVENT BEGIN:VEVENT SUMMARY:ingevoegd') stays inside its value."""
    clean = _ical_lines(Path(built_site))
    assert clean, "no iCal feeds in the site"
    allowed = set().union(*map(_names, clean.values()))
    hostile = _ical_lines(past_check.site)
    assert hostile.keys() == clean.keys()
    for name, lines in hostile.items():
        assert _names(lines) <= allowed, (name, _names(lines) - allowed)
        assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT")
        calendar = icalendar.Calendar.from_ical("\r\n".join(lines).encode("utf-8"))
        events = list(calendar.walk("VEVENT"))
        assert len(events) == lines.count("BEGIN:VEVENT")
        assert [str(e["summary"]) for e in events if str(e["summary"]).strip() == "ingevoegd"] == []
    assert any("ingevoegd" in line for lines in hostile.values() for line in lines), "the line-break payload never reached a feed"


def test_the_gate_past_check_fails_when_titles_are_not_escaped(page, tmp_path, serve_directory):
    """The fix taken away (titles printed by Material as they come): the same scan finds script."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.route("**/*", _block_subresources)
    onveilig = _hostile_past_check(tmp_path, serve_directory, zonder_escape=True)
    files = [onveilig.site / path / "index.html" for path in page_types(onveilig.site).values() if path.endswith("/")]
    found = " | ".join(_inert_everywhere(page, onveilig, files))
    assert "window.__pwned is set" in found
    assert "onerror=...>" in found
