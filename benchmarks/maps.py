"""Size and build time of overview maps, against folium's one-Marker-per-point approach,
and (when Debian's Chromium is installed) how long Chromium takes to draw them.

Run: .venv/bin/python benchmarks/maps.py
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

import folium

from socialekaart.maps import Punt, kaart_html, map_assets

AANTALLEN = (100, 1_000, 3_000)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]


def punten(aantal: int) -> list[Punt]:
    rng = random.Random(aantal)
    return [
        Punt(round(rng.uniform(51.8, 52.4), 2), round(rng.uniform(4.7, 5.6), 2), f"Initiatief {i}", f"../initiatief-{i}/", "informele-steun")
        for i in range(aantal)
    ]


def timed(build) -> tuple[int, float]:
    start = time.perf_counter()
    html = build()
    return len(html.encode()), time.perf_counter() - start


def one_marker_each(lijst: list[Punt]) -> str:
    kaart = folium.Map(location=[52.1, 5.1], zoom_start=9)
    for punt in lijst:
        folium.Marker([punt.lat, punt.lon], tooltip=punt.titel, popup=punt.titel).add_to(kaart)
    return kaart.get_root().render()


def browser_seconds(kaarten: dict[int, str]) -> dict[int, float]:
    """Seconds from navigation until the markers are drawn, per map; tiles are answered locally."""
    if not CHROMIUM.exists():
        return {}
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        root = Path(tmp)
        for name, content in map_assets().items():
            (root / "assets" / "kaart" / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "assets" / "kaart" / name).write_bytes(content)
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        seconds = {}
        for aantal, html in kaarten.items():
            (root / str(aantal)).mkdir()
            (root / str(aantal) / "kaart.html").write_text(html, encoding="utf-8")
            page = browser.new_page()
            page.route("https://service.pdok.nl/**", lambda route: route.fulfill(status=204))
            start = time.perf_counter()
            page.goto((root / str(aantal) / "kaart.html").as_uri())
            page.wait_for_selector(".leaflet-marker-icon")
            seconds[aantal] = time.perf_counter() - start
            page.close()
        browser.close()
    return seconds


def main() -> None:
    kaarten = {}
    rijen = []
    for aantal in AANTALLEN:
        lijst = punten(aantal)
        size, seconds = timed(lambda: kaart_html(lijst, "Kaart", "../assets/kaart/"))
        ref_size, ref_seconds = timed(lambda: one_marker_each(lijst))
        kaarten[aantal] = kaart_html(lijst, "Kaart", "../assets/kaart/")
        rijen.append((aantal, size, seconds, ref_size, ref_seconds))
    in_browser = browser_seconds(kaarten)

    print(f"{'punten':>7}  {'kaart_html':>10}  {'bouwen':>7}  {'Chromium':>8}  {'1 Marker/punt':>13}  {'bouwen':>7}")
    for aantal, size, seconds, ref_size, ref_seconds in rijen:
        browser = f"{in_browser[aantal]:.2f}s" if aantal in in_browser else "-"
        print(
            f"{aantal:>7}  {size / 1024:>7.0f} KB  {seconds:>6.2f}s  {browser:>8}  {ref_size / 1024:>10.0f} KB  {ref_seconds:>6.2f}s"
        )


if __name__ == "__main__":
    main()
