"""Static trust gates over a built site folder: functions that return what is wrong.

Every gate is a plain function of a built site (a folder); an empty list means the rule
holds. Tests run each one on the real build and on a copy with a planted violation, so a
gate that can no longer fail is noticed.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from site_dom import Node, load, parse

ALLOWED_EXTERNAL_HOSTS = frozenset({"service.pdok.nl"})
TEXT_SUFFIXES = {".html", ".htm", ".css", ".js", ".json", ".xml", ".txt", ".ics", ".csv", ".geojson", ".svg", ".map", ".webmanifest"}
STATEMENT_PAGES = {"toegankelijkheid/": "toegankelijkheidsverklaring", "privacy/": "privacyverklaring"}


# --- the pages of a site ----------------------------------------------------------------


MAP_DOCUMENT = "kaart.html"  # map documents are shown inside pages (iframes), not on their own


def html_pages(site: Path) -> list[Path]:
    """The site's pages: every HTML file but theme assets and the map documents."""
    return sorted(
        p for p in site.rglob("*.html") if p.name != MAP_DOCUMENT and p.relative_to(site).parts[0] != "assets"
    )


def page_paths(site: Path) -> set[str]:
    """Every HTML file, relative to the site root ('gemeenten/woerden/index.html')."""
    return {p.relative_to(site).as_posix() for p in html_pages(site)}


def page_types(site: Path) -> dict[str, str]:
    """One page per kind: the overview of every section and its first page at each depth.

    'gemeenten/' and 'gemeenten/de-ronde-venen/', 'agenda/', 'agenda/<regio>/',
    'agenda/<regio>/<item>/' ... New sections (the agenda, exports) are covered as soon as
    they appear. Keys are readable names, values site paths ('' is the home page).
    """
    found: dict[str, str] = {"home": "", "404": "404.html"}
    for index in sorted(site.rglob("index.html"), key=lambda p: (len(p.parts), p.as_posix())):
        parts = index.relative_to(site).parts[:-1]
        if not parts or parts[0] in ("assets", "search"):
            continue
        name = parts[0] if len(parts) == 1 else f"{parts[0]} (diepte {len(parts)})"
        found.setdefault(name, "/".join(parts) + "/")
    return found


def text_files(site: Path) -> Iterator[tuple[Path, str]]:
    """Every file a visitor can fetch that holds text, gzip files unpacked."""
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        if path.suffix == ".gz" or path.suffix.startswith(".pf_"):  # Pagefind's index files are gzip too
            yield path, gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        elif path.suffix in TEXT_SUFFIXES:
            yield path, path.read_text(encoding="utf-8", errors="replace")


# --- footer: both statements on every page ---------------------------------------------------


def statement_link_problems(site: Path) -> list[str]:
    """Pages whose footer does not link to the accessibility and the privacy statement."""
    problems = []
    for path in html_pages(site):
        footers = load(path).find_all("footer")
        if not footers:
            problems.append(f"{path.relative_to(site)}: no <footer>")
            continue
        targets = {_resolve(path, site, a.get("href") or "") for footer in footers for a in footer.find_all("a")}
        for target, name in STATEMENT_PAGES.items():
            if target not in targets:
                problems.append(f"{path.relative_to(site)}: footer does not link to the {name} ({target})")
    return problems


def _resolve(page: Path, site: Path, href: str) -> str:
    """A relative link on `page` as a site path ('privacy/'); other links as they are."""
    if urlsplit(href).scheme or href.startswith(("//", "#")):
        return href
    if href.startswith("/"):  # the 404 page links from the site root: it is shown at any path
        return href[1:]
    target = (page.parent / href.split("#")[0]).resolve()
    try:
        rel = target.relative_to(site.resolve()).as_posix()
    except ValueError:
        return href
    return rel + "/" if rel and not rel.endswith(".html") else rel


# --- third-party resources -------------------------------------------------------------------

_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)""", re.IGNORECASE)
# Fetched as soon as the page loads: anything in src, srcset, poster, data; href on <link>.
_SRC_ATTRS = ("src", "srcset", "poster", "data", "background")
_RESOURCE_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "preconnect", "dns-prefetch", "modulepreload", "manifest", "apple-touch-icon", "shortcut"}
# In scripts: a full URL given to something that fetches it (src=, url(, import, fetch, open,
# importScripts); a link's href inside a string (Leaflet's attribution) is not fetched.
_JS_FETCH = re.compile(
    r"""(?:\bsrc|\burl|\bimport|\bfetch|\bimportScripts|\.open)\s*[(=:,]\s*(?:['"`]GET['"`]\s*,\s*)?['"`](https?:)?//([^'"`/\s]+)""",
    re.IGNORECASE,
)


def _external(url: str) -> str | None:
    """The host of `url` when it is an absolute http(s) or protocol-relative URL to a third party."""
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").split("$")[0]  # a JS template: `https://example.com${path}`
    if host in ALLOWED_EXTERNAL_HOSTS or host in ("127.0.0.1", "localhost"):
        return None
    # RFC 2606 names never reach anyone: Pagefind parses relative URLs against example.com.
    if host in ("example.com", "example.org", "example.net") or host.endswith((".example", ".invalid", ".test")):
        return None
    return host


def _html_references(node: Node) -> Iterator[tuple[str, str]]:
    for el in node.iter():
        for attr in _SRC_ATTRS:
            value = el.get(attr)
            if value:
                for candidate in value.split(","):
                    yield f"<{el.tag} {attr}>", candidate.strip().split(" ")[0]
        if el.tag == "link" and el.get("href"):
            rels = set((el.get("rel") or "").lower().split())
            if rels & _RESOURCE_LINK_RELS:
                yield f"<link rel={el.get('rel')}>", el.get("href") or ""
        if el.tag == "style":
            for css_url in _css_references("".join(c for c in el.children if isinstance(c, str))):
                yield "<style>", css_url
        style = el.get("style")
        if style:
            for css_url in _css_references(style):
                yield f"<{el.tag} style>", css_url


def _css_references(css: str) -> Iterable[str]:
    yield from _CSS_URL.findall(css)
    yield from _CSS_IMPORT.findall(css)


def external_references(site: Path) -> list[str]:
    """Resources in the built site that a browser would fetch from a third-party host.

    HTML: src/srcset/poster/data attributes, <link rel=stylesheet|icon|preload...>, inline
    styles; CSS: url() and @import; JavaScript: URLs assigned or passed to loaders.
    Plain links (<a href>) are not fetched by the browser and are allowed.
    """
    found = []
    for path, text in text_files(site):
        rel = path.relative_to(site).as_posix()
        if path.suffix in (".html", ".htm"):
            refs = list(_html_references(parse(text)))
        elif path.suffix == ".css":
            refs = [("css", url) for url in _css_references(text)]
        elif path.suffix == ".js":
            refs = [("js", f"{m.group(1) or 'https:'}//{m.group(2)}") for m in _JS_FETCH.finditer(text)]
        else:
            refs = []
        for where, url in refs:
            host = _external(url)
            if host:
                found.append(f"{rel}: {where} loads {url[:120]} from third party {host}")
    return sorted(set(found))


# --- gezinshuizen: plaats level only --------------------------------------------------------------

POSTCODE = re.compile(r"\b[1-9][0-9]{3}\s?[A-Z]{2}\b")
STRAAT_HUISNUMMER = re.compile(
    r"\b[A-Z][\w'-]*(straat|laan|weg|plein|kade|gracht|dijk|singel|steeg|pad|hof|dreef|park|erf|veld|baan|wal|markt)\s+\d+\s?[a-zA-Z]?\b",
    re.IGNORECASE,
)
FIJNE_COORDINAAT = re.compile(r"(?<![\d.])(5[0-3]|[3-7])\.\d{3,}")
_MAP_ROWS = re.compile(r"var data = (\[.*?\]);\n", re.DOTALL)


def _decimals(value: float) -> int:
    text = repr(float(value))
    return len(text.split(".")[1].rstrip("0")) if "." in text and "e" not in text else 10


def _address_like(text: str) -> list[str]:
    return [m.group(0) for m in POSTCODE.finditer(text)] + [m.group(0) for m in STRAAT_HUISNUMMER.finditer(text)]


def _spaced_text(node: Node) -> str:
    """The text of `node` with a space at every tag boundary ('3441 AB<br>licht' stays apart)."""
    return " ".join(" ".join(c.split()) if isinstance(c, str) else _spaced_text(c) for c in node.children).strip()


def _enclosing_rows(node: Node, names: Iterable[str]) -> Iterator[tuple[str, Node]]:
    """The innermost row, list item or paragraph that mentions a gezinshuis."""
    blocks = ("tr", "li", "p", "dd", "dt", "td", "th", "h1", "h2", "h3", "article", "title", "figcaption")
    names = list(names)
    for el in node.iter():
        if el.tag not in blocks:
            continue
        text = el.text
        for name in names:
            if name in text and not any(name in child.text for child in el.iter() if child.tag in blocks):
                yield name, el
    for el in node.iter():
        if el.tag == "meta" and any(name in (el.get("content") or "") for name in names):
            yield "meta", Node("meta", {}, [el.get("content") or ""])


def gezinshuis_leaks(site: Path, names: Iterable[str], places: Iterable[str] = ()) -> list[str]:
    """Street, house number, postcode or a point finer than 2 decimals for a gezinshuis.

    `names` are the names of the gezinshuizen, `places` the plaats and gemeente names the
    site may show beside them (left out before matching: 'Zegveld 6' is a place and an
    age, not an address). Map documents are read as data (each row
    with soort 'gezinshuis'); HTML per row/paragraph that names a gezinshuis; every other
    text file (search index, JSON, iCal, CSV) in a window around each mention.
    """
    names = [n for n in names if n]
    places = sorted({p for p in places if p}, key=len, reverse=True)

    def address_like(text: str) -> list[str]:
        for word in [*names, *places]:
            text = text.replace(word, " _ ")
        return _address_like(text)

    found = []
    for path, text in text_files(site):
        rel = path.relative_to(site).as_posix()
        for match in _MAP_ROWS.finditer(text):
            for row in json.loads(match.group(1)):
                if "gezinshuis" in row[4:] or any(name in str(row) for name in names):
                    lat, lon = row[0], row[1]
                    if _decimals(lat) > 2 or _decimals(lon) > 2:
                        found.append(f"{rel}: map point ({lat}, {lon}) for {row[2]!r} is finer than 2 decimals")
                    for hit in address_like(" ".join(str(v) for v in row[2:])):
                        found.append(f"{rel}: map row {row[2]!r} holds an address: {hit!r}")
        if path.suffix in (".html", ".htm"):
            body = _MAP_ROWS.sub("", text)
            for name, el in _enclosing_rows(parse(body), names):
                for hit in address_like(_spaced_text(el)):
                    found.append(f"{rel}: next to gezinshuis {name!r}: address {hit!r}")
                for hit in FIJNE_COORDINAAT.findall(_spaced_text(el)):
                    found.append(f"{rel}: next to gezinshuis {name!r}: precise coordinate")
        else:
            plain = _MAP_ROWS.sub("", text)
            for name in names:
                for mention in re.finditer(re.escape(name), plain):
                    # The name itself is left out: 'De Kersenhof' + '6 plekken' is no address.
                    window = plain[max(0, mention.start() - 150) : mention.start()] + " " + plain[mention.end() : mention.end() + 150]
                    for hit in address_like(window):
                        found.append(f"{rel}: near gezinshuis {name!r}: address {hit!r}")
                    for hit in FIJNE_COORDINAAT.finditer(window):
                        found.append(f"{rel}: near gezinshuis {name!r}: precise coordinate {hit.group(0)!r}")
    return sorted(set(found))


# --- reproducible builds and ProperDocs -----------------------------------------------------------


def build_differences(a: Path, b: Path) -> list[str]:
    """Files that are missing in one build or differ byte for byte."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    found = [f"only in first build: {p}" for p in sorted(files_a - files_b)]
    found += [f"only in second build: {p}" for p in sorted(files_b - files_a)]
    for rel in sorted(files_a & files_b):
        if (a / rel).read_bytes() != (b / rel).read_bytes():
            found.append(f"differs: {rel}")
    return found
