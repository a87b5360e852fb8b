""""Klopt er iets niet?" as an e-mail: parents, schools and providers have no GitHub account.

The message arrives with what the editors need to find the record: its id and the page.
"""

from __future__ import annotations

from urllib.parse import quote, urljoin


def pagina_url(site_url: str | None, pad: str) -> str:
    """The page's full address when the site knows its own (site_url), else its path."""
    if not site_url:
        return "/" + pad
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", pad)


def record_id(bron: str) -> str:
    """'data/lokale-teams/team-x.yml' -> 'lokale-teams/team-x': what editors search for."""
    zonder_map = bron.split("/", 1)[1] if "/" in bron else bron
    return zonder_map.rsplit(".", 1)[0]


def correctie_mailto(email: str, titel: str, bron: str, url: str) -> str:
    """A mailto: link with subject and body filled in, every part URL-encoded (RFC 6068)."""
    onderwerp = f"Correctie: {titel}"
    tekst = (
        "Wat klopt er niet, en wat moet het zijn?\n\n\n\n"
        f"(Laat dit staan, dan weten we om welke gegevens het gaat.)\nPagina: {url}\nRecord: {record_id(bron)}\n"
    )
    tekst = tekst.replace("\n", "\r\n")  # RFC 6068: line breaks in a mailto body are CRLF
    return f"mailto:{quote(email, safe='@')}?subject={quote(onderwerp, safe='')}&body={quote(tekst, safe='')}"
