"""The YAML reader: safe values, exact positions, and a Dutch YamlFout for everything else."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from socialekaart.positioned_yaml import MAX_BYTES, MAX_DEPTH, YamlFout, parse_value, parse_yaml, read_yaml

TESTS = Path(__file__).parent
EVERY_YAML_FILE = sorted(
    [*TESTS.parent.glob("data/**/*.yml"), *TESTS.glob("corpus/**/*.yml"), *TESTS.glob("hostile/*.yml")]
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


@pytest.mark.parametrize(
    ("text", "line", "col", "begins"),
    [
        ("naam: x\ncontact:\n\temail: a\n", 3, 1, "een tab is niet toegestaan"),
        ('naam: "open\nb: c\n', 1, 7, "aanhalingsteken niet afgesloten"),
        ("beschrijving: let op: dit\n", 1, 21, "onverwachte ':'"),
        ("a: b\n--- \nc: d\n", 2, 1, "een bestand bevat één record"),
        ("naam: a\x07b\n", 1, 8, "onzichtbaar stuurteken (#x0007)"),
        ("naam: @x\n", 1, 7, "'@' mag niet aan het begin"),
    ],
)
def test_syntax_errors_in_dutch_at_the_right_place(text: str, line: int, col: int, begins: str) -> None:
    error = fout_van(text)
    assert (error.line, error.col) == (line, col)
    assert error.message.startswith(begins)


def test_deep_nesting_is_refused_without_crashing() -> None:
    # libyaml's C composer overflows the stack at this depth; the reader must not reach it.
    error = fout_van("naam: " + "[" * 60_000 + "]" * 60_000)
    assert "te diep genest" in error.message
    assert "te diep genest" in fout_van("naam: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5)).message


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
