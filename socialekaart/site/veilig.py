"""Markdown fields to HTML, cleaned with nh3: defence in depth on top of `socialekaart check`."""

from __future__ import annotations

import re

import markdown as python_markdown
import nh3
from markupsafe import Markup

TOEGESTANE_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "a", "blockquote", "code"}
TOEGESTANE_ATTRIBUTEN = {"a": {"href", "title"}}
TOEGESTANE_SCHEMAS = {"http", "https", "mailto", "tel"}

# A heading in a field would break the page's heading order; keep the words, in bold.
_KOP = re.compile(r"<(/?)h[1-6][^>]*>")


def _kop_naar_vet(match: re.Match[str]) -> str:
    return "</strong></p>" if match.group(1) else "<p><strong>"


def markdown_html(tekst: str | None) -> Markup:
    if not tekst:
        return Markup("")
    html = python_markdown.markdown(tekst, extensions=["sane_lists"], output_format="html")
    html = _KOP.sub(_kop_naar_vet, html)
    schoon = nh3.clean(
        html,
        tags=TOEGESTANE_TAGS,
        attributes=TOEGESTANE_ATTRIBUTEN,
        url_schemes=TOEGESTANE_SCHEMAS,
        link_rel="noopener noreferrer",
    )
    return Markup(schoon)
