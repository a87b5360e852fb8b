"""The YAML reader: safe values, exact positions, and a Dutch YamlFout for everything else."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import re

import pytest
import yaml

from socialekaart import yaml_syntax
from socialekaart.positioned_yaml import MAX_BYTES, MAX_DEPTH, YamlFout, parse_value, parse_yaml, read_yaml

TESTS = Path(__file__).parent
EVERY_YAML_FILE = sorted(
    [*TESTS.glob("fixtures/**/*.yml"), *TESTS.glob("corpus/**/*.yml"), *TESTS.glob("hostile/*.yml")]
)


def fout_van(text: str) -> YamlFout:
    """The error for `text`, after checking the fast reader (no positions) gives the same one."""
    with pytest.raises(YamlFout) as caught:
        parse_yaml(text)
    with pytest.raises(YamlFout) as fast:
        parse_value(text)
    told = caught.value
    assert (fast.value.message, fast.value.line, fast.value.col, fast.value.loc) == (told.message, told.line, told.col, told.loc)
    return told


@pytest.mark.parametrize("path", EVERY_YAML_FILE, ids=lambda p: str(p.relative_to(TESTS.parent)))
def test_fast_reader_gives_the_same_value_or_error(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        value = parse_yaml(text)[0]
    except YamlFout:
        fout_van(text)
    else:
        fast = parse_value(text)
        assert value == yaml.safe_load(text)  # PyYAML's own reading is the reference
        assert fast == value
        assert [type(v) for v in _leaves(fast)] == [type(v) for v in _leaves(value)]


def _leaves(value: object) -> list[object]:
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in _leaves(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value]


def test_values_and_positions() -> None:
    value, positions = parse_yaml("naam: Maatjes\ngemeenten:\n  - GM0632\n  - GM0335\nplekken: {totaal: 4}\n")
    assert value == {"naam": "Maatjes", "gemeenten": ["GM0632", "GM0335"], "plekken": {"totaal": 4}}
    assert positions.of_value(("naam",)) == (1, 7)
    assert positions.of_key(("gemeenten",)) == (2, 1)
    assert positions.of_value(("gemeenten", 1)) == (4, 5)
    assert positions.of_value(("plekken", "totaal")) == (5, 19)
    assert positions.of_key(("plekken", "totaal")) == (5, 11)


def test_position_of_a_missing_value_is_its_nearest_parent() -> None:
    _, positions = parse_yaml("contact:\n  email: a@example.org\n")
    assert positions.of_value(("contact", "telefoon")) == (2, 3)
    assert positions.of_value(("bestaat", "niet")) == (1, 1)


def test_dates_become_dates_and_impossible_dates_are_refused() -> None:
    assert parse_yaml("d: 2026-05-01")[0] == {"d": date(2026, 5, 1)}
    for text in ["d: 2026-05-01", "d: 2026-5-1 10:00", "d: !!timestamp 2026-05-01", "d: '2026-05-01'", "d: 2026-05-01x"]:
        expected = yaml.safe_load(text)["d"]  # PyYAML's own reading is the reference
        for value in (parse_yaml(text)[0]["d"], parse_value(text)["d"]):
            assert (type(value), value) == (type(expected), expected)
    error = fout_van("naam: x\nd: 2026-02-30\n")
    assert (error.line, error.col, error.loc) == (2, 4, ("d",))
    assert "geen bestaande datum" in error.message


def test_empty_file_and_only_comments_are_none() -> None:
    assert parse_yaml("")[0] is None
    assert parse_yaml("# alleen commentaar\n")[0] is None


def test_duplicate_key_names_both_lines() -> None:
    error = fout_van("contact:\n  email: a@example.org\n  email: b@example.org\n")
    assert (error.line, error.col, error.loc) == (3, 3, ("contact", "email"))
    assert "eerst op regel 2" in error.message


def test_alias_is_refused_at_the_alias() -> None:
    error = fout_van("a: &x [1, 2]\nb: *x\n")
    assert (error.line, error.col, error.loc) == (2, 4, ("b",))
    assert "ankers en verwijzingen" in error.message


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    error = fout_van("\n".join(lines))
    assert error.loc == ("b", 0)


def test_merge_key_and_python_tags_are_refused() -> None:
    assert "samenvoegen" in fout_van("a: {x: 1}\nb:\n  <<: {x: 1}\n").message
    error = fout_van("naam: !!python/object:os.system x\n")
    assert error.message == "het label '!!python/object:os.system' is niet toegestaan; laat het weg"
    assert error.loc == ("naam",)


# Mistakes a person makes by typing: (text, line, column, what the Dutch message says).
TYPFOUTEN = {
    "inspringing te ver": ("naam: Test\n  website: https://example.org\n", 2, 10, "de inspringing van regel 2 klopt niet: zet `website:` even ver naar rechts als `naam:`"),
    "inspringing te kort": ("contact:\n    telefoon: '030'\n  email: a@example.org\n", 3, 3, "zet `email:` even ver naar rechts als `telefoon:`"),
    "inspringing in blok": ("naam: x\ncontact:\n  telefoon: '030'\n   email: a@example.org\n", 4, 4, "de inspringing van regel 4 klopt niet"),
    "tab": ("naam: x\ncontact:\n\temail: a\n", 3, 1, "regel 3 bevat een tab"),
    "tab in blok": ("beschrijving: |\n  a\n\tb\n", 3, 1, "regel 3 bevat een tab"),
    "enkel aanhalingsteken open": ("naam: 'open\nb: c\n", 1, 7, "het aanhalingsteken (') op regel 1 wordt niet afgesloten"),
    "dubbel aanhalingsteken open": ('naam: "open\nb: c\n', 1, 7, 'het aanhalingsteken (") op regel 1 wordt niet afgesloten'),
    "tekst na aanhalingsteken": ("naam: 'a' b\n", 1, 11, "na het afsluitende aanhalingsteken"),
    "vierkante haak open": ("thema: [maatje, buurtgezin\nnaam: x\n", 1, 8, "de '[' op regel 1 wordt niet afgesloten met ']'"),
    "vierkante haak open aan het eind": ("thema: [maatje", 1, 8, "de '[' op regel 1 wordt niet afgesloten"),
    "accolade open": ("contact: {telefoon: 1\nnaam: x\n", 1, 10, "de '{' op regel 1 wordt niet afgesloten met '}'"),
    "losse haak": ("naam: ]\n", 1, 7, "hier ontbreekt een waarde, of staat een losse ']'"),
    "veld zonder dubbele punt": ("naam\nwebsite: x\n", 2, 8, "regel 1 (`naam`) heeft geen ':'"),
    "losse streep": ("naam: x\n- y\n", 2, 1, "een '-' (lijstpunt) hoort hier niet"),
    "lijst op de regel van het veld": ("naam: x\nthema: - maatje\n", 2, 8, "een lijst kan niet op dezelfde regel"),
    "lijstitem zonder streep": ("thema:\n  - a\n  b: c\n", 3, 3, "in een lijst begint elk item met '- '"),
    "dubbele punt in tekst": ("beschrijving: let op: dit\n", 1, 21, "de tekst van `beschrijving` bevat een ': '"),
    "tweede document": ("a: b\n--- \nc: d\n", 2, 1, "een bestand bevat één record"),
    "stuurteken": ("naam: a\x07b\n", 1, 8, "onzichtbaar stuurteken (#x0007)"),
    "apenstaart": ("naam: @x\n", 1, 7, "'@' mag niet aan het begin"),
    "backtick": ("naam: `x`\n", 1, 7, "'`' mag niet aan het begin"),
    "onbekende escape": ('naam: "a\\qb"\n', 1, 9, "een '\\' tussen dubbele aanhalingstekens"),
    "procentteken": ("naam: x\n%YAML 1.1\n", 3, 1, "een regel die met '%' begint"),
    "anker zonder naam": ("naam: &\n", 1, 8, "ankers en verwijzingen"),
    "onbekende verwijzing": ("naam: *x\n", 1, 7, "ankers en verwijzingen"),
    "label": ("naam: !foo!bar x\n", 1, 7, "een waarde mag niet met '!' beginnen"),
    "te diep genest (libyaml)": ("naam: " + "[" * 2_000 + "]" * 2_000, 1, None, "de gegevens zijn te diep genest"),
}
# Words of libyaml's and PyYAML's messages; none may reach a policy officer.
ENGELS = re.compile(
    r"\b(found|expected|while|parsing|scanning|allowed|token|stream|nesting|exceeded|mapping|"
    r"sequence|scalar|indicator|character|could|not|context|document|directive|undefined)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("soort", TYPFOUTEN)
def test_typing_mistakes_are_told_in_dutch_at_the_right_place(soort: str) -> None:
    text, line, col, says = TYPFOUTEN[soort]
    error = fout_van(text)
    assert says in error.message
    assert (error.line, error.col if col else None) == (line, col)
    assert not ENGELS.search(error.message), error.message


@pytest.mark.parametrize("soort", TYPFOUTEN)
def test_pure_python_pyyaml_errors_are_told_in_dutch_too(soort: str) -> None:
    """PyYAML without libyaml words every mistake differently; the message is the same Dutch."""
    text = TYPFOUTEN[soort][0]
    try:
        yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        told = yaml_syntax.melding(error, text, "te diep genest")
    except RecursionError:
        return  # the reader turns this into its own nesting message (tested below)
    else:
        pytest.fail("PyYAML accepted it")
    assert not ENGELS.search(told.bericht), told.bericht
    assert told.bericht != yaml_syntax.GEEN_GELDIGE_YAML or soort == "stuurteken", told.bericht  # the reader words that one


def test_an_unknown_yaml_error_is_told_in_dutch_at_its_place() -> None:
    """A future libyaml or PyYAML wording this module does not know: Dutch, with the place."""
    mark = yaml.Mark("x", 0, 4, 2, "", 0)
    error = yaml.MarkedYAMLError(context="while frobnicating", problem="found a new kind of mistake", problem_mark=mark)
    told = yaml_syntax.melding(error, "a: b\nc: d\n", "te diep")
    assert (told.bericht, told.line, told.col) == (yaml_syntax.GEEN_GELDIGE_YAML, 5, 3)
    assert not ENGELS.search(told.bericht)


def test_the_english_gate_catches_english() -> None:
    assert ENGELS.search("dit is geen geldige YAML (did not find expected key)")
    assert ENGELS.search("exceeded maximum nesting depth")


def test_deep_nesting_is_refused_without_crashing() -> None:
    # libyaml's C composer overflows the stack at this depth; the reader must not reach it.
    error = fout_van("naam: " + "[" * 60_000 + "]" * 60_000)
    assert "te diep genest" in error.message
    assert "te diep genest" in fout_van("naam: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5)).message


@pytest.mark.parametrize("diepte", [MAX_DEPTH, MAX_DEPTH + 1])
def test_text_just_too_deep_is_refused_by_both_readers(diepte: int) -> None:
    # Text at the deepest level once slipped through the fast reader; the positioned reader
    # then refused it while telling a validation error: a traceback instead of a message.
    text = "".join("  " * i + f"k{i}:\n" for i in range(diepte - 1)) + "  " * (diepte - 1) + "laatste: tekst\n"
    if diepte <= MAX_DEPTH:
        assert parse_value(text) == parse_yaml(text)[0]
    else:
        assert "te diep genest" in fout_van(text).message
    lijst = "naam: " + "[" * (diepte - 1) + "tekst" + "]" * (diepte - 1) + "\n"
    if diepte <= MAX_DEPTH:
        assert parse_value(lijst) == parse_yaml(lijst)[0]
    else:
        assert "te diep genest" in fout_van(lijst).message


def test_read_yaml_refuses_non_utf8_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_bytes("naam: Crèche\n".encode("latin-1"))
    with pytest.raises(YamlFout) as caught:
        read_yaml(path)
    assert (caught.value.line, caught.value.col) == (1, 9)
    assert "UTF-8" in caught.value.message


def test_read_yaml_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_bytes(b"\xef\xbb\xbfnaam: x\n")
    assert read_yaml(path)[0] == {"naam": "x"}


def test_read_yaml_refuses_huge_and_unreadable_files(tmp_path: Path) -> None:
    big = tmp_path / "groot.yml"
    big.write_text("naam: " + "x" * MAX_BYTES, encoding="utf-8")
    with pytest.raises(YamlFout, match="hoogstens 256 KB"):
        read_yaml(big)
    link = tmp_path / "link.yml"
    link.symlink_to(tmp_path / "bestaat-niet.yml")
    with pytest.raises(YamlFout, match="kan niet worden gelezen"):
        read_yaml(link)
