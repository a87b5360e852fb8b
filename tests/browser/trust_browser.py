"""Reusable browser checks for the trust gates (accessibility, layout, hostile text).

Each function takes a Playwright page (or frame) that is already loaded and returns a list
of findings: empty means the rule holds. The same functions run on the real site and on
planted violations, so every gate is shown to be able to fail.
"""

from __future__ import annotations

import functools
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MAP_FRAME = 'iframe.sk-kaart-frame'  # its own kaart.html, or the shared one with the places after '#'
BEST_PRACTICE_RULES = ("aria-dialog-name", "landmark-unique", "scrollable-region-focusable")


@functools.cache
def _axe() -> Axe:
    return Axe()  # reads axe.min.js shipped inside the package: no download


def axe_violations(target, *, iframes: bool = False, rules: tuple[str, ...] = ()) -> list[str]:
    """axe-core's WCAG 2.0/2.1 A+AA violations in `target` (a page or a frame), one line each;
    only those of `rules` when given.

    Map iframes are separate documents; they are checked on their own with this function
    (axe would otherwise wait for an axe instance inside every frame).
    """
    options = {
        "runOnly": {"type": "rule", "values": list(rules)} if rules else {"type": "tag", "values": WCAG_TAGS},
        # Best-practice rules the site keeps too (issue 10): named dialogs, unique landmarks.
        "rules": {rule: {"enabled": True} for rule in BEST_PRACTICE_RULES},
        "resultTypes": ["violations"],
        "iframes": iframes,
    }
    response = _axe().run(target, options=options).response
    found = []
    for violation in response["violations"]:
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            found.append(f"{violation['id']} ({violation['impact']}) at {node['target']}: {summary[:300]}")
    return found


def open_page(page, url: str, *, with_maps: bool = True, idle: bool = False) -> list:
    """Load `url`, bring lazy map iframes into view and wait until they are drawn.

    `idle` also waits until the network is quiet (every tile and the search index asked
    for), which the request-log gate needs. Returns the map frames (Playwright `Frame`s).
    """
    page.goto(url)
    page.wait_for_load_state("load")
    frames = []
    if with_maps:
        iframes = page.locator(MAP_FRAME)
        for index in range(iframes.count()):
            iframes.nth(index).scroll_into_view_if_needed()
            page.frame_locator(MAP_FRAME).nth(index).locator(".leaflet-container").first.wait_for()
        frames = [frame for frame in page.frames if frame.url.split("#")[0].endswith("kaart.html")]
        page.evaluate("() => window.scrollTo(0, 0)")
    # Let CSS transitions end (the header title fades on scroll): axe would read mid-fade colours.
    # Two frames first: the fade starts a frame after the scroll, so an early check sees nothing running.
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    page.wait_for_function(SETTLED_JS)
    if idle:
        page.wait_for_load_state("networkidle")
    return frames


SETTLED_JS = """() => {
    const running = document.getAnimations().some(a => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
    const topic = document.querySelector('.md-header__topic');
    return !running && (!topic || getComputedStyle(topic).opacity === '1');
}"""


OVERFLOW_JS = """() => {
    const root = document.documentElement;
    const wide = [];
    if (root.scrollWidth > root.clientWidth) {
        for (const el of document.body.querySelectorAll('*')) {
            const box = el.getBoundingClientRect();
            if (box.right > root.clientWidth + 1 && getComputedStyle(el).position !== 'fixed') {
                wide.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''));
            }
        }
    }
    return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: wide.slice(0, 8)};
}"""


def horizontal_overflow(page) -> list[str]:
    """The page is wider than the window (text that does not wrap breaks the layout on a phone)."""
    result = page.evaluate(OVERFLOW_JS)
    if result["scrollWidth"] <= result["clientWidth"]:
        return []
    return [f"page is {result['scrollWidth']}px wide in a {result['clientWidth']}px window; too wide: {result['wide']}"]


FOCUS_STYLE_JS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    const label = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (el.getAttribute('href') ? '[href=' + el.getAttribute('href') + ']' : '');
    return {label: label, visible: outline || shadow, outline: style.outline, shadow: style.boxShadow};
}"""


def focus_style(page) -> dict | None:
    """What the focused element looks like: does it have a visible outline or box-shadow?"""
    return page.evaluate(FOCUS_STYLE_JS)


def site_url_for(base: str, site: Path, file: Path) -> str:
    """The URL at which `file` (inside `site`) is served from `base`."""
    rel = file.relative_to(site).as_posix()
    return base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
