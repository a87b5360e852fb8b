"""Data on its way out: every value reaches the page escaped for its context, whatever check let in.

- Our own templates: Jinja autoescape (HTML text and attributes).
- Markdown fields: rendered, then cleaned with nh3's allow-list (`markdown_html`).
- URLs in href: only http(s), mailto and tel (`veilige_url`).
- Text that Material's templates print as they get it (page title in <title>, the header,
  nav and search index; meta description; table of contents): escaped here (`voor_thema`).
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from html import escape
from urllib.parse import urlsplit

import markdown as python_markdown
import nh3
from markupsafe import Markup

TOEGESTANE_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "a", "blockquote", "code"}
TOEGESTANE_ATTRIBUTEN = {"a": {"href", "title"}}
TOEGESTANE_SCHEMAS = {"http", "https", "mailto", "tel"}

# Browsers drop tabs and newlines in a URL before reading its scheme ("java\tscript:").
_URL_WITRUIMTE = re.compile(r"[\x00-\x20\x7f]+")
GEEN_LINK = "#"


def voor_thema(tekst: str) -> str:
    """Plain text as HTML for the theme, which prints page titles and descriptions unescaped."""
    return escape(tekst, quote=True)


def veilige_url(url: str | None) -> str:
    """`url` when its scheme is one the site links to, else '#': a javascript:, data: or
    vbscript: address in the data never becomes a link. Jinja still escapes the result."""
    if not url:
        return GEEN_LINK
    schema = urlsplit(_URL_WITRUIMTE.sub("", url)).scheme.lower()
    return url if schema in TOEGESTANE_SCHEMAS else GEEN_LINK


# A heading in a field would break the page's heading order; keep the words, in bold.
_KOP = re.compile(r"<(/?)h[1-6][^>]*>")


def _kop_naar_vet(match: re.Match[str]) -> str:
    return "</strong></p>" if match.group(1) else "<p><strong>"


# Building a Markdown object costs more than converting a short field with it: one per
# thread (a Markdown object is not thread-safe), reset between texts.
_per_thread = threading.local()


def _markdown_naar_html(tekst: str) -> str:
    md = getattr(_per_thread, "markdown", None)
    if md is None:
        md = _per_thread.markdown = python_markdown.Markdown(extensions=["sane_lists"], output_format="html")
    return md.reset().convert(tekst)


def markdown_html(tekst: str | None) -> Markup:
    if not tekst:
        return Markup("")
    return Markup(_schone_html(tekst))


# The same text always gives the same clean HTML, and generated and real data repeat
# descriptions (a text shown on the record page and in every overview it appears in).
@lru_cache(maxsize=4096)
def _schone_html(tekst: str) -> str:
    html = _KOP.sub(_kop_naar_vet, _markdown_naar_html(tekst))
    schoon = nh3.clean(
        html,
        tags=TOEGESTANE_TAGS,
        attributes=TOEGESTANE_ATTRIBUTEN,
        url_schemes=TOEGESTANE_SCHEMAS,
        link_rel="noopener noreferrer",
    )
    return schoon
