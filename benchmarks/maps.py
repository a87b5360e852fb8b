"""Size and build time of overview maps, against folium's one-Marker-per-point approach.

Run: .venv/bin/python benchmarks/maps.py
"""

from __future__ import annotations

import random
import time

import folium

from socialekaart.maps import Punt, kaart_html

AANTALLEN = (100, 1_000, 3_000)


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


def main() -> None:
    print(f"{'punten':>7}  {'kaart_html':>12}  {'tijd':>7}  {'1 Marker/punt':>14}  {'tijd':>7}")
    for aantal in AANTALLEN:
        lijst = punten(aantal)
        size, seconds = timed(lambda: kaart_html(lijst, "Kaart", "../assets/kaart/"))
        ref_size, ref_seconds = timed(lambda: one_marker_each(lijst))
        print(
            f"{aantal:>7}  {size / 1024:>9.0f} KB  {seconds:>6.2f}s  {ref_size / 1024:>11.0f} KB  {ref_seconds:>6.2f}s"
        )


if __name__ == "__main__":
    main()
