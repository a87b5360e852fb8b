"""No third-party requests: every kind of page contacts only this site and PDOK (tiles).

The request log comes from the browser harness (tests/browser/conftest.py): every request
the page makes passes through it, and anything but 127.0.0.1 and service.pdok.nl is
blocked and recorded. The planted test proves a third-party script is caught.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

from trust_browser import open_page
from trust_gates import page_types

ALLOWED = {"127.0.0.1", "service.pdok.nl"}


def third_party_requests(urls: list[str]) -> list[str]:
    return [url for url in urls if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).hostname not in ALLOWED]


def test_every_page_type_contacts_only_this_site_and_pdok(page, request_log, site_url, built_site):
    problems = []
    tiles = 0
    for name, path in page_types(Path(built_site)).items():
        before = len(request_log.urls)
        open_page(page, site_url + path, idle=True)
        urls = request_log.urls[before:]
        problems += [f"{name} ({path or '/'}): {url}" for url in third_party_requests(urls)]
        tiles += sum(urlsplit(url).hostname == "service.pdok.nl" for url in urls)
    assert problems == [], "\n".join(problems)
    assert tiles > 0, "no page asked PDOK for tiles: were the maps shown?"
    assert request_log.errors == [], "JavaScript errors"


def test_the_request_gate_catches_a_third_party_script(page, request_log, built_site, serve_directory, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    target = copy / "over" / "index.html"
    html = target.read_text(encoding="utf-8")
    planted = '<script src="https://cdn.example.net/analytics.js"></script><link rel="stylesheet" href="https://fonts.example.com/css">'
    target.write_text(html.replace("</head>", planted + "</head>", 1), encoding="utf-8")

    open_page(page, serve_directory(copy) + "over/", idle=True)

    assert set(third_party_requests(request_log.urls)) == {"https://cdn.example.net/analytics.js", "https://fonts.example.com/css"}
