"""Keyboard only: the informele-steun filter, the school lookup and the site search work with
Tab, Enter, Space, arrows and Escape; focus is always visible; maps are no keyboard trap.

Every Tab press goes through `press_tab`, which records any focused element without a
visible outline or box-shadow. The planted tests show that a hidden focus ring and a
keyboard trap are caught by the same functions.
"""

from __future__ import annotations

import shutil

from trust_browser import MAP_FRAME, focus_style, open_page

MAX_TABS = 80

VISIBLE_COUNT_JS = "(selector) => [...document.querySelectorAll(selector)].filter(el => !el.hidden && el.offsetParent !== null).length"


class Keyboard:
    """Tab through a page like a keyboard user, keeping track of invisible focus."""

    def __init__(self, page) -> None:
        self.page = page
        self.invisible: list[str] = []

    def press_tab(self, shift: bool = False) -> dict | None:
        self.page.keyboard.press("Shift+Tab" if shift else "Tab")
        state = focus_style(self.page)
        if state and state["label"].startswith("iframe"):
            # Focus is inside the map document: look at the element there.
            frame = next((f for f in self.page.frames if f.url.split("#")[0].endswith("kaart.html") and f.evaluate("() => document.hasFocus()")), None)
            state = focus_style(frame) if frame else state
        if state and not state["visible"]:
            self.invisible.append(state["label"])
        return state

    def tab_to(self, selector: str) -> int:
        """Press Tab until the element matching `selector` has focus; returns the presses."""
        for presses in range(1, MAX_TABS + 1):
            self.press_tab()
            if self.page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
                return presses
        raise AssertionError(f"{selector} not reached with {MAX_TABS} Tab presses")

    def escapes_frame(self, frame_selector: str) -> int | None:
        """From the element before the iframe, Tab until focus lands on something after it.

        Returns the number of presses, or None when focus stays inside (a keyboard trap).
        """
        for presses in range(1, MAX_TABS + 1):
            self.press_tab()
            after = self.page.evaluate(
                """(sel) => {
                    const frame = document.querySelector(sel);
                    const el = document.activeElement;
                    return !!el && el !== frame && el !== document.body &&
                        !!(frame.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
                }""",
                frame_selector,
            )
            if after:
                return presses
        return None


def _focus_before(page, selector: str) -> None:
    """Put focus on the last focusable element before `selector`, as if the user tabbed there."""
    page.evaluate(
        """(sel) => {
            const target = document.querySelector(sel);
            const focusable = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')]
                .filter(el => el.offsetParent !== null && (target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING));
            focusable[focusable.length - 1].focus();
        }""",
        selector,
    )


def test_informele_steun_filter_by_keyboard(page, site_url):
    open_page(page, site_url + "informele-steun/", with_maps=False)
    keys = Keyboard(page)
    total = page.evaluate(VISIBLE_COUNT_JS, "#steun-lijst > li")
    assert total > 5

    keys.tab_to("#filter-gemeente")
    page.keyboard.press("ArrowDown")  # first gemeente
    assert page.input_value("#filter-gemeente") != ""
    after_gemeente = page.evaluate(VISIBLE_COUNT_JS, "#steun-lijst > li")
    assert 0 < after_gemeente < total
    assert "gevonden, van de" in page.inner_text(".sk-teller")

    keys.tab_to("#filter-zonder-verwijzing")
    page.keyboard.press("Space")
    assert page.is_checked("#filter-zonder-verwijzing")
    assert page.evaluate(VISIBLE_COUNT_JS, "#steun-lijst > li") <= after_gemeente

    keys.tab_to(".sk-filter button[type=reset]")
    page.keyboard.press("Enter")
    page.wait_for_function("(n) => [...document.querySelectorAll('#steun-lijst > li')].filter(el => !el.hidden).length === n", arg=total)
    assert keys.invisible == [], f"focus not visible on: {keys.invisible}"


def test_school_lookup_by_keyboard(page, site_url):
    open_page(page, site_url + "voor-scholen/", with_maps=False)
    keys = Keyboard(page)
    rows = "#scholen-tabel tbody tr"
    total = page.evaluate(VISIBLE_COUNT_JS, rows)
    school = page.inner_text(f"{rows} th").strip()

    keys.tab_to("#zoek-school")
    page.keyboard.type(school[:12])
    found = page.evaluate(VISIBLE_COUNT_JS, rows)
    assert 0 < found < total
    url = page.url
    page.keyboard.press("Enter")  # does not submit the page away
    assert page.url == url
    page.keyboard.press("Escape")  # clears the search box: every school is back
    assert page.input_value("#zoek-school") == ""
    page.wait_for_function("([sel, n]) => [...document.querySelectorAll(sel)].filter(el => !el.hidden).length === n", arg=[rows, total])

    keys.tab_to(f"{rows} a[href]")  # on to the first team in the table
    assert keys.invisible == [], f"focus not visible on: {keys.invisible}"


def test_site_search_by_keyboard(page, site_url):
    open_page(page, site_url, with_maps=False)
    keys = Keyboard(page)
    keys.tab_to("#zoek-op-site")  # the home page's search box
    page.keyboard.type("maatje", delay=20)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector('form[data-klaar="maatje"]', state="attached", timeout=20_000)
    keys.tab_to("#zoek-resultaten a[href]")  # on to the first result
    state = focus_style(page)
    assert state and state["visible"], state
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/zoeken/" not in page.url
    assert keys.invisible == [], f"focus not visible on: {keys.invisible}"


def test_maps_are_no_keyboard_trap(page, site_url, built_site):
    for path in ("gezinshuizen/", next(p for p in sorted(built_site.glob("gemeenten/*/kaart.html"))).parent.relative_to(built_site).as_posix() + "/"):
        open_page(page, site_url + path)
        keys = Keyboard(page)
        _focus_before(page, MAP_FRAME)
        presses = keys.escapes_frame(MAP_FRAME)
        assert presses is not None, f"{path}: Tab never left the map after {MAX_TABS} presses"
        assert keys.invisible == [], f"{path}: focus not visible on: {keys.invisible}"


PLANTED = """
<p><a href="#" id="zonder-rand" style="outline: none !important; box-shadow: none !important">link zonder focusrand</a></p>
<div id="val" tabindex="0">Val</div>
<button id="na-de-val">Daarna</button>
<script>
  document.getElementById('val').addEventListener('keydown', function (event) {
    if (event.key === 'Tab') { event.preventDefault(); this.focus(); }
  });
</script>
"""


def test_the_keyboard_gate_catches_hidden_focus_and_a_trap(page, built_site, serve_directory, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    target = copy / "over/index.html"
    html = target.read_text(encoding="utf-8")
    target.write_text(html.replace("</h1>", "</h1>" + PLANTED, 1), encoding="utf-8")
    open_page(page, serve_directory(copy) + "over/", with_maps=False)
    keys = Keyboard(page)

    keys.tab_to("#zonder-rand")
    assert any("#zonder-rand" in label for label in keys.invisible)

    keys.invisible.clear()
    _focus_before(page, "#val")
    keys.press_tab()
    assert keys.escapes_frame("#val") is None  # the trap holds focus: caught
