"""Search at national scale: lunr (Material's search plugin) against Pagefind, on one site.

Writes a national data set (the generator of check_10k.py, deterministic), builds it once with
both engines (Material's lunr search plugin added to a copy of mkdocs.yml; Pagefind runs in
on_post_build as always), then prints per engine: the index on disk, what the first query
downloads, and the time from opening the page to the first result in Chromium with the CPU
slowed down 4x (Chrome DevTools' mid-range phone profile), plus a second query on the warm page.

Run: .venv/bin/python benchmarks/zoeken.py [--records 10000] [--vraag maatje] [--keer 3]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
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
VERTRAGING = 4  # CPU throttle: DevTools' "mid-tier mobile"
DATUM = "2026-06-01"

# In the page: when the first result appears, counted from the start of the navigation.
EERSTE_RESULTAAT = """
window.__skEerste = null;
new MutationObserver(function () {
  if (window.__skEerste === null && document.querySelector('.md-search-result__item, #zoek-resultaten li')) {
    window.__skEerste = performance.now();
  }
}).observe(document, {subtree: true, childList: true});
"""
DOWNLOADS = """(delen) => performance.getEntriesByType('resource')
  .filter(e => delen.some(d => e.name.includes(d)))
  .reduce((som, e) => som + (e.encodedBodySize || e.transferSize || 0), 0)"""


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


def serveer(root: Path) -> str:
    class Stil(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib signature)
            pass

    handler = functools.partial(Stil, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def kb(n: float) -> str:
    return f"{n / 1024:,.0f} KB"


ZOEKTIJD = """() => {
  const start = performance.getEntriesByName('sk-zoeken-start').pop();
  const klaar = performance.getEntriesByName('sk-zoeken-kaart').pop();
  return klaar.startTime - start.startTime;
}"""
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
class Meting:
    pagina_tot_resultaat: float  # ms from navigation start to the first result on screen
    zoekvraag: float  # ms from the query to the results: the first query on the page
    tweede: float  # ms for a second query on the same page
    download: int  # bytes fetched for search (index, engine, fragments), first query


def meet(browser, engine: str, url: str, delen: list[str], vraag: str, tweede: str) -> Meting:
    context = browser.new_context(viewport={"width": 360, "height": 740}, service_workers="block")
    try:
        page = context.new_page()
        page.add_init_script(EERSTE_RESULTAAT)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": VERTRAGING})
        page.goto(url)
        page.wait_for_function("window.__skEerste !== null", timeout=600_000, polling=50)
        eerste = page.evaluate("window.__skEerste")
        page.wait_for_timeout(1000)  # fragments of the shown results, the agenda index
        download = page.evaluate(DOWNLOADS, delen)
        if engine == "lunr":
            zoekvraag = eerste  # lunr builds its whole index first: the query itself is not separate
            page.evaluate(LUNR_VRAAG, tweede)
            page.wait_for_function(LUNR_KLAAR, arg=tweede, timeout=60_000, polling=20)
            nog = page.evaluate("window.__skKlaar - window.__skStart")
        else:
            zoekvraag = page.evaluate(ZOEKTIJD)
            veld = page.locator("#zoekvraag")
            veld.fill(tweede)
            veld.press("Enter")  # submit: no typing pause
            page.wait_for_selector(f'form[data-klaar="{tweede}"]', state="attached", timeout=60_000)
            nog = page.evaluate(ZOEKTIJD)
        return Meting(eerste, zoekvraag, nog, download)
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--vraag", default="maatje")
    parser.add_argument("--tweede", default="huiswerk", help="een tweede zoekvraag op dezelfde pagina")
    parser.add_argument("--keer", type=int, default=3, help="metingen per zoekmachine; de mediaan telt")
    parser.add_argument("--site", type=Path, help="een al gebouwde site (van dit script) opnieuw meten")
    parser.add_argument("--bewaar", type=Path, help="bouw de site in deze (nieuwe) map en laat hem staan")
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
        pagefind = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
        print(f"{paginas} pagina's; belasting van de machine (load average, 1 min): {os.getloadavg()[0]:.1f} op {os.cpu_count()} kernen")
        print(f"lunr-index: {kb(lunr_index.stat().st_size)} (gzip {kb(len(gzip.compress(lunr_index.read_bytes())))}), één bestand")
        print(f"Pagefind-index: {kb(sum(p.stat().st_size for p in pagefind))} in {len(pagefind)} bestanden (al gecomprimeerd)")
        basis = serveer(site)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            try:
                for naam, url, delen in [
                    ("lunr", f"{basis}?q={args.vraag}", ["/search/", "/workers/search", "lunr"]),
                    ("Pagefind", f"{basis}zoeken/?q={args.vraag}", ["/pagefind", "/zoeken/synoniemen.json"]),
                ]:
                    metingen = [meet(browser, naam, url, delen, args.vraag, args.tweede) for _ in range(args.keer)]

                    def mediaan(veld: str) -> str:
                        return f"{statistics.median(getattr(m, veld) for m in metingen):,.0f} ms"

                    print(
                        f"{naam} (CPU {VERTRAGING}x trager, mediaan van {args.keer}): eerste zoekvraag {mediaan('zoekvraag')}, "
                        f"pagina openen tot eerste resultaat {mediaan('pagina_tot_resultaat')}, "
                        f"tweede zoekvraag ({args.tweede}) {mediaan('tweede')}; download voor de eerste zoekvraag {kb(metingen[0].download)}"
                    )
            finally:
                browser.close()


if __name__ == "__main__":
    main()
