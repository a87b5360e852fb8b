"""Dutch messages for YAML that cannot be read, whichever layer refuses it.

libyaml (the C reader) and PyYAML's pure-Python reader describe the same mistake in different
English words, and new releases add new ones (PyYAML 6.0.4 refuses deep nesting itself). A
policy officer gets neither: each kind of mistake a person can make by typing is recognised from
the error and the text around it, and told in Dutch with what to change. Anything not
recognised gets a Dutch message that points at the place, never the English original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

Position = tuple[int, int]  # 1-based line and column

_SLEUTEL = re.compile(r"^(\s*)(?:-\s+)?([^\s#:'\"\[\]{}-][^:#]*?|'[^']*'|\"[^\"]*\")\s*:(?:\s|$)")
GEEN_GELDIGE_YAML = (
    "deze plek kan niet als YAML worden gelezen; kijk op deze regel en de regel erboven naar de "
    "inspringing, de aanhalingstekens (' en \") en de haakjes ([ ] en { })"
)


@dataclass(frozen=True)
class Melding:
    bericht: str
    line: int
    col: int


def _pos(mark: yaml.Mark | None) -> Position | None:
    return (mark.line + 1, mark.column + 1) if mark else None


class _Tekst:
    """The lines of the file, for looking around the place of the error."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    def char(self, position: Position) -> str:
        line, col = position
        return self.line(line)[col - 1 : col]

    def before(self, position: Position) -> str:
        line, col = position
        return self.line(line)[: col - 1]

    def key(self, number: int) -> tuple[int, str] | None:
        """(indentation, key) of a `key: ...` line, or None."""
        match = _SLEUTEL.match(self.line(number))
        return (match.start(2), match.group(2).strip()) if match else None

    def previous(self, number: int) -> int | None:
        """The nearest line above `number` with content (not empty, not only a comment)."""
        for n in range(number - 1, 0, -1):
            stripped = self.line(n).strip()
            if stripped and not stripped.startswith("#"):
                return n
        return None

    def open_keys(self, number: int) -> list[tuple[int, int, str]]:
        """(line, indentation, key) of the keys a line below `number - 1` could belong to,
        from the innermost block outwards."""
        result: list[tuple[int, int, str]] = []
        deepest = 1 << 30
        for n in range(number - 1, 0, -1):
            found = self.key(n)
            if found and found[0] < deepest:
                result.append((n, *found))
                deepest = found[0]
                if deepest == 0:
                    break
        return result


def _inspringing(tekst: _Tekst, line: int) -> str | None:
    """'de inspringing van regel 7 klopt niet: zet `website:` even ver naar rechts als `naam:`'."""
    found = tekst.key(line)
    if found is None:
        return None
    eigen_inspringing, eigen = found
    kandidaten = [(n, sleutel) for n, inspringing, sleutel in tekst.open_keys(line) if inspringing != eigen_inspringing]
    if not kandidaten:
        return None
    n, sleutel = min(kandidaten, key=lambda k: abs(tekst.key(k[0])[0] - eigen_inspringing))  # type: ignore[index]
    return (
        f"de inspringing van regel {line} klopt niet: zet `{eigen}:` even ver naar rechts als "
        f"`{sleutel}:` (regel {n}), of juist minder ver als het bij een blok hoger op hoort"
    )


def _dubbele_punt(tekst: _Tekst, problem: Position) -> str:
    line, _ = problem
    found = tekst.key(line)
    if found and tekst.before(problem).rstrip().rfind(":") > tekst.line(line).find(found[1]):
        veld = found[1]
        return (
            f"de tekst van `{veld}` bevat een ': ' (dubbele punt met spatie); zet de hele tekst "
            f"tussen aanhalingstekens, bijvoorbeeld {veld}: 'Let op: ...'"
        )
    vorige = tekst.previous(line)
    if vorige is not None and found:
        vorige_tekst = tekst.line(vorige).strip()
        if tekst.key(vorige) is None and ":" not in vorige_tekst and not vorige_tekst.startswith("-"):
            return (
                f"regel {vorige} (`{vorige_tekst}`) heeft geen ':'; schrijf een veld als "
                f"`{vorige_tekst}: <waarde>`, of haal de regel weg"
            )
        melding = _inspringing(tekst, line)
        if melding:
            return melding
    return "onverwachte ':'; zet tekst met een dubbele punt tussen aanhalingstekens"


def _geen_sleutel(tekst: _Tekst, problem: Position) -> str:
    """libyaml's 'did not find expected key' (pure Python: 'expected <block end>')."""
    char = tekst.char(problem)
    if char == "-":
        return (
            "een '-' (lijstpunt) hoort hier niet; een lijst staat onder een veldnaam, ingesprongen: "
            "`thema:` en op de regel eronder `  - maatje`"
        )
    voor = tekst.before(problem).rstrip()
    if voor.endswith(("'", '"')) and tekst.key(problem[0]) is not None:
        return (
            f"na het afsluitende aanhalingsteken ({voor[-1]}) mag alleen nog commentaar (#) staan; "
            "zet de hele tekst tussen de aanhalingstekens"
        )
    return _inspringing(tekst, problem[0]) or (
        f"de inspringing van regel {problem[0]} klopt niet; velden van hetzelfde blok staan precies onder elkaar"
    )


def _tab(problem: Position) -> str:
    return f"regel {problem[0]} bevat een tab om in te springen; YAML kent alleen spaties: vervang de tab door spaties"


def melding(error: yaml.YAMLError, text: str, te_diep: str) -> Melding:
    """The Dutch message and position for a YAML error. `te_diep` is the reader's own message
    for nesting, so that libyaml's limit and ours read the same."""
    if not isinstance(error, yaml.MarkedYAMLError):
        return Melding(GEEN_GELDIGE_YAML, 1, 1)
    tekst = _Tekst(text)
    problem_text = (error.problem or "").lower()
    context = (error.context or "").lower()
    problem = _pos(error.problem_mark) or _pos(error.context_mark) or (1, 1)
    start = _pos(error.context_mark) or problem

    def op_probleem(bericht: str) -> Melding:
        return Melding(bericht, *problem)

    def op_begin(bericht: str) -> Melding:
        return Melding(bericht, *start)

    if "nesting depth" in problem_text:
        return op_begin(te_diep)
    if "tab" in problem_text or tekst.char(problem) == "\t":
        return op_probleem(_tab(problem))
    if "quoted scalar" in context and "end of stream" in problem_text:
        teken = tekst.char(start) or "'"
        return op_begin(
            f"het aanhalingsteken ({teken}) op regel {start[0]} wordt niet afgesloten; zet aan het eind "
            f"van de tekst nog een {teken}"
        )
    if "escape" in problem_text:
        return op_probleem(
            "een '\\' tussen dubbele aanhalingstekens begint een code die YAML niet kent; gebruik "
            "enkele aanhalingstekens ('...') of schrijf '\\\\'"
        )
    if "flow sequence" in context or "flow mapping" in context:
        open_teken, sluit_teken = ("[", "]") if "sequence" in context else ("{", "}")
        return op_begin(
            f"de '{open_teken}' op regel {start[0]} wordt niet afgesloten met '{sluit_teken}'; zet "
            f"'{sluit_teken}' achter het laatste item, of zet tekst met een komma of dubbele punt "
            "tussen aanhalingstekens"
        )
    if "mapping values are not allowed" in problem_text:
        return op_probleem(_dubbele_punt(tekst, problem))
    if "sequence entries are not allowed" in problem_text:
        return op_probleem(
            "een lijst kan niet op dezelfde regel als de veldnaam beginnen; zet '- ...' op de regel "
            "eronder, ingesprongen met twee spaties"
        )
    if "expected '-' indicator" in problem_text or ("block collection" in context and "block end" in problem_text):
        return op_probleem(
            "in een lijst begint elk item met '- '; zet '- ' voor deze regel, of spring hem even ver "
            "in als de velden van het item erboven"
        )
    if "expected key" in problem_text or "block end" in problem_text:
        return op_probleem(_geen_sleutel(tekst, problem))
    if "cannot start any token" in problem_text:
        teken = tekst.char(problem)
        return op_probleem(f"'{teken}' mag niet aan het begin van een waarde staan; zet de tekst tussen aanhalingstekens")
    if "anchor" in context or "alias" in context or "alias" in problem_text:
        return op_probleem("ankers en verwijzingen (& en *) zijn niet toegestaan; schrijf de waarde gewoon uit")
    if "tag" in problem_text:
        return op_probleem("een waarde mag niet met '!' beginnen (een YAML-label); zet de tekst tussen aanhalingstekens")
    if "another document" in problem_text:
        return op_probleem(
            "een bestand bevat één record; haal de tweede '---' en wat erna komt weg, of zet het in een eigen bestand"
        )
    if "document start" in problem_text or "directive" in problem_text or "yaml document" in problem_text:
        return op_probleem(
            "een regel die met '%' begint, is een YAML-aanwijzing en mag hier niet staan; haal hem weg "
            "of zet de tekst tussen aanhalingstekens"
        )
    if "node content" in problem_text:
        return op_probleem(
            f"hier ontbreekt een waarde, of staat een losse '{tekst.char(problem)}'; zet tekst met "
            "haakjes of leestekens tussen aanhalingstekens"
        )
    if "comment or a line break" in problem_text:
        return op_probleem("na een waarde tussen aanhalingstekens mag alleen nog commentaar (#) staan")
    if "could not find expected ':'" in problem_text:
        return op_probleem("hier ontbreekt een ':' achter de veldnaam")
    return op_probleem(GEEN_GELDIGE_YAML)
