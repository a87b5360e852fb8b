"""The map documents as text: local assets only, PDOK tiles, stable output, safe escaping."""

from __future__ import annotations

import random
import re
from urllib.parse import urljoin

import pytest

from socialekaart.maps import Punt, kaart_html, map_assets

PREFIX = "../assets/kaart/"
TILE_URL = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
ATTRIBUTION_LINKS = {"https://www.kadaster.nl", "https://leafletjs.com"}
URL = re.compile(r"""https?://[^\s"'\\<>)]+""")


def _punten(aantal: int, seed: int = 1) -> list[Punt]:
    rng = random.Random(seed)
    return [
        Punt(rng.uniform(51.8, 52.4), rng.uniform(4.7, 5.6), f"Initiatief {i}", f"../initiatief-{i}/", "informele-steun")
        for i in range(aantal)
    ]


def _data_rows(html: str) -> str:
    return re.search(r"var data = (\[.*?\]\]);", html).group(1)


@pytest.fixture(scope="module")
def html() -> str:
    return kaart_html(_punten(25), "Kaart: informele steun", PREFIX)


def test_no_url_but_the_tiles_and_attribution_links(html):
    assert set(URL.findall(html)) == {TILE_URL, *ATTRIBUTION_LINKS}
    for link in ATTRIBUTION_LINKS:
        # Only as the target of an <a>, never as something the page loads.
        for match in re.finditer(re.escape(link), html):
            assert html[match.start() - 7 : match.start()] == 'href=\\"', html[match.start() - 40 : match.end()]


def test_no_cdn_library_is_referenced(html):
    for name in ("bootstrap", "font-awesome", "fontawesome", "awesome-markers", "awesome_markers", "jquery", "glyphicons"):
        assert name not in html.lower()


def test_every_loaded_file_is_a_published_asset(html):
    assets = map_assets()
    loaded = re.findall(r'<script src="([^"]+)"|<link rel="stylesheet" href="([^"]+)"', html)
    paths = [src or href for src, href in loaded]
    assert len(paths) == 6
    for path in paths:
        assert path.startswith(PREFIX)
        assert path.removeprefix(PREFIX) in assets

    # Leaflet's stylesheet finds its images relative to itself; they must be published too.
    css = assets["leaflet.css"].decode()
    for image in re.findall(r"url\((images/[^)]+)\)", css):
        assert urljoin("leaflet.css", image) in assets


def test_tiles_are_pdok_with_kadaster_attribution(html):
    assert f'L.tileLayer(\n                "{TILE_URL}"' in html
    assert "Kaartgegevens \\u0026copy; \\u003ca href=\\\"https://www.kadaster.nl\\\" target=\\\"_top\\\"\\u003eKadaster" in html


def test_document_is_dutch_with_title_and_hidden_heading(html):
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"nl\">")
    assert "<title>Kaart: informele steun</title>" in html
    assert '<h1 class="visueel-verborgen">Kaart: informele steun</h1>' in html
    assert "user-scalable=no" not in html


def test_two_builds_are_byte_identical():
    punten = _punten(50)
    first = kaart_html(punten, "Kaart", PREFIX)
    assert kaart_html(list(punten), "Kaart", PREFIX) == first
    assert kaart_html(list(reversed(punten)), "Kaart", PREFIX) == first
    assert not re.search(r"[0-9a-f]{32}", first), "folium's random uuid4 ids must be gone"


def test_markers_are_one_compact_array_not_one_object_each(html):
    assert html.count("L.marker(") == 1
    assert _data_rows(html).count("], [") == 24


def test_repeated_names_get_distinct_titles():
    punten = [
        Punt(52.09, 4.88, "Buurtgezin", "../a/", "informele-steun"),
        Punt(52.03, 5.10, "Buurtgezin", "../b/", "informele-steun"),
        Punt(52.00, 5.00, "Buurtgezin", "../c/", "informele-steun"),
        Punt(52.05, 5.05, "Buurtgezin (2)", "../d/", "informele-steun"),
    ]
    rows = _data_rows(kaart_html(punten, "Kaart", PREFIX))
    titles = re.findall(r'"(Buurtgezin[^"]*)"', rows)
    assert sorted(titles) == ["Buurtgezin", "Buurtgezin (2)", "Buurtgezin (3)", "Buurtgezin (4)"]


def test_names_cannot_break_out_of_the_script():
    titel = '</script><script>alert("x")</script>'
    html = kaart_html([Punt(52.1, 5.1, titel, "../a/", "aanbieder")], titel, PREFIX)
    assert html.count("<script>") == 1
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</title>" in html
    assert "\\u003c/script\\u003e" in _data_rows(html)


def test_names_are_text_never_a_template():
    """folium compiled its rendered output as a Jinja template again: '{{ 7*7 }}' in a name
    became '49' (and Jinja code in the data ran at build time)."""
    titel = "Huis {{ 7*7 }} {% if true %}ja{% endif %}"
    html = kaart_html([Punt(52.1, 5.1, titel, None, "gezinshuis"), Punt(52.2, 5.1, "B", None, "gezinshuis")], titel, PREFIX)
    assert f'"{titel}"' in _data_rows(html)
    assert f"<title>{titel}</title>" in html and "Huis 49" not in html


def test_one_point_is_shown_at_town_zoom_without_fitting_bounds():
    html = kaart_html([Punt(52.08, 4.88, "Gezinshuis", None, "gezinshuis")], "Kaart", PREFIX)
    assert "center: [52.08, 4.88]" in html
    assert '"zoom": 13' in html
    assert "fitBounds" not in html


def test_an_overview_fits_all_points():
    html = kaart_html(
        [Punt(52.0, 4.8, "A", None, "gezinshuis"), Punt(52.4, 6.7, "B", None, "gezinshuis")], "Kaart", PREFIX
    )
    assert "fitBounds(\n                [[52.0, 4.8], [52.4, 6.7]]" in html


def test_an_empty_map_shows_the_netherlands():
    html = kaart_html([], "Kaart", PREFIX)
    assert "center: [52.15, 5.3]" in html
    assert "var data = [];" in html


def test_three_thousand_points_stay_small():
    # One folium.Marker per point gives about 3 MB; the compact array is a tenth of that.
    size = len(kaart_html(_punten(3000), "Kaart", PREFIX).encode())
    assert size < 300_000, size


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "JAVASCRIPT:x"])
def test_links_must_be_relative_or_http(url):
    with pytest.raises(ValueError, match="relatief"):
        Punt(52.0, 5.0, "X", url, "aanbieder")


def test_soort_must_be_a_slug():
    with pytest.raises(ValueError, match="slug"):
        Punt(52.0, 5.0, "X", None, 'a" onclick="x')


# --- the shared map document of record pages (issue 14: no map file per record) ---------------


def test_shared_map_is_one_published_asset_without_data():
    from socialekaart.maps import GEDEELDE_KAART, gedeelde_kaart_html

    html = gedeelde_kaart_html()
    assert map_assets()[GEDEELDE_KAART] == html.encode()
    assert "var data" not in html and "location.hash" in html
    # It lies in assets/kaart/ itself: every file it loads is a neighbour there.
    for src in re.findall(r'(?:src|href)="([^"]+)"', html):
        if not src.startswith("http"):
            assert src in map_assets(), src


def test_shared_map_parameters_carry_places_as_text_and_are_stable():
    from urllib.parse import parse_qs

    from socialekaart.maps import kaart_parameters

    punten = [Punt(52.123456, 5.1, "Buurthuis, 'De Ark' & <b>zo</b>", None, "informele-steun"),
              Punt(52.2, 5.2, "Buurthuis, 'De Ark' & <b>zo</b>", None, "informele-steun")]
    fragment = kaart_parameters(punten, "Kaart: a&b")
    assert fragment == kaart_parameters(list(reversed(punten)), "Kaart: a&b")
    assert fragment.startswith("#") and not re.search(r"[<>&'\" ]", fragment.split("&", 1)[0][1:]) and "<" not in fragment
    velden = parse_qs(fragment[1:])
    assert velden["t"] == ["Kaart: a&b"]
    assert velden["p"] == ["52.12346,5.1,informele-steun,Buurthuis, 'De Ark' & <b>zo</b>",
                           "52.2,5.2,informele-steun,Buurthuis, 'De Ark' & <b>zo</b> (2)"]


def test_shared_map_refuses_links():
    from socialekaart.maps import kaart_parameters

    with pytest.raises(ValueError, match="eigen kaart"):
        kaart_parameters([Punt(52.1, 5.1, "Team", "../team/", "lokaal-team")], "Kaart")
