"""Search at national scale: Pagefind on a phone profile, and against lunr (Material's search).

Writes a national data set (the generator of check_10k.py, deterministic), builds it once with
both engines (Material's lunr search plugin added to a copy of mkdocs.yml; Pagefind runs in
on_post_build as always), then measures the search page in Chromium on the phone profile below
and without any throttling, per query, the best and the median of --keer runs:

- bytes: what the page fetched for search (engine, index, fragments, synonyms) before the
  first result was on screen, on a cold page;
- koud (cold): the query in the address of a page opened with an empty cache, from the start
  of the search (Pagefind not loaded yet: its engine, wasm and meta file are part of it) to
  the first result (or the "nothing found" next step) on screen;
- warm: the page has been open a moment (Pagefind loaded), the query is typed letter by
  letter; from the last key (its input event) to the first result on screen. This is the
  budget's "answers in < 300 ms". It includes the pause the page waits after a key;
- geplakt (pasted): as warm, but the whole query arrives in one input event, so nothing of it
  was fetched ahead while typing: the worst case of a warm page.

The phone profile ("mid-range phone") is Lighthouse's mobile profile, applied through the
Chrome DevTools Protocol: CPU 4x slower (Emulation.setCPUThrottlingRate), 1.6 Mbit/s down,
750 kbit/s up, 150 ms round trip (Network.emulateNetworkConditions), viewport 360x740.
A throttled Chromium on a busy 2-core machine is slower than a real phone; the load average
is printed with every figure.

Run: .venv/bin/python benchmarks/zoeken.py [--records 10000] [--keer 5] [--site MAP/site] [--met-lunr]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from check_10k import write_records  # noqa: E402 (a script next to this one)

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
DATUM = "2026-06-01"
VRAGEN = ["maatje", "geld", "echtscheiding", "gepest"]


@dataclass(frozen=True)
class Profiel:
    naam: str
    cpu: float  # times slower
    rtt_ms: float = 0
    down_kbit: float = 0  # 0: not throttled
    up_kbit: float = 0


TELEFOON = Profiel("telefoon (Lighthouse mobiel: CPU 4x, 1,6 Mbit/s, 150 ms RTT, 360x740)", 4, 150, 1638.4, 750)
ONGEREMD = Profiel("ongeremd (deze machine, 360x740)", 1)
TYPTEMPO = 250  # ms between keys: a steady typist on a phone

def project(doel: Path, records: int) -> Path:
    doel.mkdir(parents=True)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [{"search": {"lang": "nl"}}]  # lunr next to Pagefind, for the comparison
    (doel / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for deel in ("content", "hooks", "overrides"):
        (doel / deel).symlink_to(ROOT / deel, target_is_directory=True)
    write_records(doel / "data", records)
    return doel


def bouw(map_: Path, site: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOCIALEKAART_DATUM": DATUM}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], cwd=map_, env=env, check=True)
    return time.perf_counter() - start


def serveer(root: Path, zonder_lunr: bool = False) -> str:
    """The site over HTTP. For Pagefind's figures without lunr's index: Material's search worker
    would otherwise fetch and build it on every page, as it never does on the real site."""
    class Stil(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib signature)
            pass

        def do_GET(self) -> None:
            if zonder_lunr and ("/search/search_index.json" in self.path or "/workers/search" in self.path):
                self.send_error(404)
            else:
                super().do_GET()

    handler = functools.partial(Stil, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def kb(n: float) -> str:
    return f"{n / 1024:,.0f} KB"


def context_met(browser, profiel: Profiel):
    """A fresh browser context (empty cache) with the profile's CPU and network."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, service_workers="block")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": profiel.cpu})
    if profiel.down_kbit:
        cdp.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": profiel.rtt_ms,
            "downloadThroughput": profiel.down_kbit * 1024 / 8, "uploadThroughput": profiel.up_kbit * 1024 / 8,
        })
    return context, page


# The index's parts (pagefind/, pagefind-2/, ...; not the agenda's) and the search page's own files.
ZOEKVERKEER = re.compile(r"/pagefind(-[0-9]+)?/|/zoeken/(synoniemen|teams)\.json")
GELADEN = ["pagefind.js", "pagefind-worker.js", ".pagefind", ".pf_meta", "synoniemen.json"]  # after init()
MARK = "(naam) => performance.timeOrigin + performance.getEntriesByName(naam).pop().startTime"


class Verkeer:
    """The search's own requests, also those of Pagefind's web worker (the page's performance
    entries miss those): size and the moment each had arrived, in ms since the epoch."""

    def __init__(self, page) -> None:
        self.klaar: list = []
        page.on("requestfinished", lambda r: self.klaar.append(r) if ZOEKVERKEER.search(r.url) else None)

    def bytes(self, van: float, tot: float) -> int:
        def grootte(r) -> int:
            lengte = (r.response().headers if r.response() else {}).get("content-length", "0")
            return max(r.sizes()["responseBodySize"], int(lengte))
        return sum(grootte(r) for r in self.klaar if van < r.timing["startTime"] + r.timing["responseEnd"] <= tot)

    def geladen(self) -> bool:
        return all(any(d in r.url for r in self.klaar) for d in GELADEN)


@dataclass
class Pagefindmeting:
    koud: float  # ms, search start (Pagefind not loaded) to first result
    bytes_koud: int
    warm: float  # ms, last key to first result, Pagefind loaded
    bytes_warm: int  # fetched for the typed query (index chunks while typing, fragments)
    geplakt: float  # ms, as warm but the query pasted: one input event, nothing fetched ahead
    teller: str  # what the page says it found


def meet_pagefind(browser, basis: str, vraag: str, profiel: Profiel) -> Pagefindmeting:
    context, page = context_met(browser, profiel)
    try:  # cold: the query in the address, nothing loaded
        verkeer = Verkeer(page)
        page.goto(f"{basis}zoeken/?q={vraag}")
        page.wait_for_selector(f'form[data-getoond="{vraag}"]', state="attached", timeout=600_000)
        tot = page.evaluate(MARK, "sk-zoeken-kaart")
        koud = tot - page.evaluate(MARK, "sk-zoeken-start")
        bytes_koud = verkeer.bytes(0, tot)
        page.wait_for_selector(f'form[data-klaar="{vraag}"]', state="attached", timeout=600_000)
        teller = page.locator("#zoek-teller").inner_text()
    finally:
        context.close()
    warm, bytes_warm = meet_warm(browser, basis, vraag, profiel, geplakt=False)
    geplakt, _ = meet_warm(browser, basis, vraag, profiel, geplakt=True)
    return Pagefindmeting(koud, bytes_koud, warm, bytes_warm, geplakt, teller)


def meet_warm(browser, basis: str, vraag: str, profiel: Profiel, geplakt: bool) -> tuple[float, int]:
    """The page open a moment (Pagefind loaded), then the query typed or pasted: ms from the
    last input event to the first result, and the bytes fetched for it."""
    context, page = context_met(browser, profiel)
    try:
        verkeer = Verkeer(page)
        page.goto(f"{basis}zoeken/")
        while not verkeer.geladen():  # init(): engine, worker, wasm, meta, synonyms
            page.wait_for_timeout(100)
        page.wait_for_timeout(1000)
        voor = page.evaluate("performance.timeOrigin + performance.now()")
        if geplakt:
            page.locator("#zoekvraag").fill(vraag)
        else:
            page.locator("#zoekvraag").press_sequentially(vraag, delay=TYPTEMPO)
        page.wait_for_selector(f'form[data-getoond="{vraag}"]', state="attached", timeout=600_000)
        tot = page.evaluate(MARK, "sk-zoeken-kaart")
        return tot - page.evaluate(MARK, "sk-invoer"), verkeer.bytes(voor, tot)
    finally:
        context.close()


# lunr: when its first result appears, counted from the start of the navigation.
EERSTE_RESULTAAT = """
window.__skEerste = null;
new MutationObserver(function () {
  if (window.__skEerste === null && document.querySelector('.md-search-result__item')) {
    window.__skEerste = performance.now();
  }
}).observe(document, {subtree: true, childList: true});
"""
LUNR_VRAAG = """(vraag) => {
  const veld = document.querySelector('input[data-md-component=search-query]');
  window.__skStart = performance.now();
  veld.value = vraag;
  veld.dispatchEvent(new Event('input', {bubbles: true}));
  veld.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
}"""
LUNR_KLAAR = """(vraag) => {
  const r = document.querySelector('.md-search-result__item');
  if (r && r.textContent.toLowerCase().includes(vraag)) { window.__skKlaar = performance.now(); return true; }
  return false;
}"""


@dataclass
class Lunrmeting:
    pagina_tot_resultaat: float  # ms from navigation start to the first result on screen
    tweede: float  # ms for a second query on the same page
    download: int  # bytes fetched for search, first query


def meet_lunr(browser, url: str, tweede: str) -> Lunrmeting:
    """lunr builds its whole index before the first query: the page with ?q= to its first result."""
    context, page = context_met(browser, Profiel("", 4))  # the CPU only, as in the first comparison
    try:
        page.add_init_script(EERSTE_RESULTAAT)
        page.goto(url)
        page.wait_for_function("window.__skEerste !== null", timeout=600_000, polling=50)
        eerste = page.evaluate("window.__skEerste")
        download = page.evaluate("""() => performance.getEntriesByType('resource')
          .filter(e => ['/search/', '/workers/search', 'lunr'].some(d => e.name.includes(d)))
          .reduce((som, e) => som + (e.encodedBodySize || 0), 0)""")
        page.evaluate(LUNR_VRAAG, tweede)
        page.wait_for_function(LUNR_KLAAR, arg=tweede, timeout=60_000, polling=20)
        return Lunrmeting(eerste, page.evaluate("window.__skKlaar - window.__skStart"), download)
    finally:
        context.close()


def belasting() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--vragen", nargs="+", default=VRAGEN)
    parser.add_argument("--keer", type=int, default=5, help="metingen per zoekvraag en profiel; beste en mediaan")
    parser.add_argument("--site", type=Path, help="een al gebouwde site (van dit script) opnieuw meten")
    parser.add_argument("--bewaar", type=Path, help="bouw de site in deze (nieuwe) map en laat hem staan")
    parser.add_argument("--met-lunr", action="store_true", help="meet ook lunr (traag: de hele index per meting)")
    parser.add_argument("--tweede", default="huiswerk", help="lunr: een tweede zoekvraag op dezelfde pagina")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            werk = args.bewaar or Path(tmp)
            site = werk / "site"
            duur = bouw(project(werk / "p", args.records), site)
            print(f"{args.records} records; build met lunr en Pagefind: {duur:.0f} s")
        paginas = len(list(site.rglob("index.html")))
        lunr_index = site / "search" / "search_index.json"
        pagefind = [p for p in site.glob("pagefind*/**/*") if p.is_file() and ZOEKVERKEER.search(f"/{p.relative_to(site).as_posix()}")]
        print(f"{paginas} pagina's; {os.cpu_count()} kernen; {belasting()} bij de start")
        if lunr_index.exists():
            print(f"lunr-index: {kb(lunr_index.stat().st_size)} (gzip {kb(len(gzip.compress(lunr_index.read_bytes())))}), één bestand")
        print(f"Pagefind-index: {kb(sum(p.stat().st_size for p in pagefind))} in {len(pagefind)} bestanden (al gecomprimeerd)")
        basis = serveer(site, zonder_lunr=True)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            try:
                for profiel in (TELEFOON, ONGEREMD):
                    print(f"Pagefind, {profiel.naam}; beste / mediaan van {args.keer}; warm: getypt, {TYPTEMPO} ms per toets")
                    for vraag in args.vragen:
                        metingen = [meet_pagefind(browser, basis, vraag, profiel) for _ in range(args.keer)]

                        def waarden(veld: str) -> str:
                            rij = [getattr(m, veld) for m in metingen]
                            return f"{min(rij):,.0f} / {statistics.median(rij):,.0f} ms"

                        print(
                            f"  {vraag} ({metingen[0].teller}) | download tot eerste resultaat {kb(max(m.bytes_koud for m in metingen))}"
                            f" | koud (met Pagefind laden) {waarden('koud')} | warm (laatste toets tot resultaat) {waarden('warm')}"
                            f", {kb(max(m.bytes_warm for m in metingen))} | geplakt {waarden('geplakt')} | {belasting()}"
                        )
                if args.met_lunr and lunr_index.exists():
                    rij = [meet_lunr(browser, f"{serveer(site)}?q={args.vragen[0]}", args.tweede) for _ in range(args.keer)]
                    print(
                        f"lunr (CPU 4x trager, mediaan van {args.keer}): pagina openen tot eerste resultaat "
                        f"{statistics.median(m.pagina_tot_resultaat for m in rij):,.0f} ms, tweede zoekvraag ({args.tweede}) "
                        f"{statistics.median(m.tweede for m in rij):,.0f} ms; download {kb(rij[0].download)} | {belasting()}"
                    )
            finally:
                browser.close()


if __name__ == "__main__":
    main()
