"""Real-browser fixtures: Debian's Chromium driven by Playwright, pages served over HTTP.

One browser per session keeps the suite fast; every test gets a fresh context whose
requests are all logged. The machine is offline, so PDOK tile requests are answered
with a small local PNG (and recorded); any other external request is aborted and
recorded, so a test can assert that pages only contact 127.0.0.1 and service.pdok.nl.
"""

from __future__ import annotations

import functools
import http.server
import struct
import threading
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
LOCAL_HOST = "127.0.0.1"
TILE_HOST = "service.pdok.nl"
ALLOWED_HOSTS = frozenset({LOCAL_HOST, TILE_HOST})


def _png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain-colour PNG, built here so tiles need no file and no network."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b"")


TILE_PNG = _png(256, 256, (232, 236, 228))


@dataclass
class RequestLog:
    """Every URL the page asked for, plus the ones that were blocked and the JS errors."""

    urls: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def hosts(self) -> set[str]:
        return {urlsplit(url).hostname or "" for url in self.urls if urlsplit(url).scheme in ("http", "https")}

    @property
    def tiles(self) -> list[str]:
        return [url for url in self.urls if urlsplit(url).hostname == TILE_HOST]

    @property
    def external(self) -> list[str]:
        """Requests to any host but the local server and PDOK: each one is a privacy leak."""
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname not in ALLOWED_HOSTS
        ]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib signature)
        pass


@pytest.fixture(scope="session")
def serve_directory() -> Iterator[Callable[[Path], str]]:
    """Serve a directory on 127.0.0.1 with a free port; returns its base URL ending in '/'."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def serve(root: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(root))
        server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://{LOCAL_HOST}:{server.server_address[1]}/"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium ontbreekt op {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def request_log() -> RequestLog:
    return RequestLog()


@pytest.fixture
def page(browser, request_log: RequestLog):
    """A page in a fresh context; all requests pass through the log and the offline rules."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL", service_workers="block")

    def route(route) -> None:
        url = route.request.url
        request_log.urls.append(url)
        host = urlsplit(url).hostname
        if host == LOCAL_HOST:
            route.continue_()
        elif host == TILE_HOST:
            route.fulfill(status=200, content_type="image/png", body=TILE_PNG)
        else:
            request_log.blocked.append(url)
            route.abort("blockedbyclient")

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda error: request_log.errors.append(str(error)))
    yield page
    context.close()


@pytest.fixture(scope="session")
def site_url(built_site: Path, serve_directory: Callable[[Path], str]) -> str:
    """Base URL of the site built once per session by `built_site` (tests/conftest.py)."""
    return serve_directory(Path(built_site))
