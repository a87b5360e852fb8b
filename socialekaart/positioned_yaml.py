"""Read one YAML file into plain Python values, remembering where every value stands.

Only the safe YAML subset is accepted. Anchors and aliases are refused outright:
records are small and hand-written, and refusing them removes alias bombs
("billion laughs") without any counting. Duplicate keys, which PyYAML silently
lets win, are errors, because the policy officer meant one of the two.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from . import yaml_syntax

try:  # libyaml is much faster and ships in PyYAML's wheels
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - pure-Python fallback
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader with a lean tag resolver: libyaml calls back into Python for every
    node, and the general resolver also walks path resolvers that safe loading never has."""

    _by_first_char = {
        first: resolvers + _BaseLoader.yaml_implicit_resolvers.get(None, [])
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        # A tag depends on nothing but the node's kind, text and quoting, and the same field
        # names and values recur in every file: libyaml then calls a C cache, not Python.
        self.resolve = _cached_tag  # type: ignore[method-assign]

    @classmethod
    def tag(cls, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:  # a plain (unquoted) scalar: null, bool, int, float, date ... or text
                for tag, regexp in cls._by_first_char.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return cls.DEFAULT_SCALAR_TAG
        return cls.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else cls.DEFAULT_MAPPING_TAG


# Bounded: the many texts seen once (descriptions) come and go, the recurring ones stay.
_cached_tag = lru_cache(maxsize=8192)(_Loader.tag)

MAX_BYTES = 256 * 1024  # a record is a few KB; anything this large is a mistake or an attack
MAX_DEPTH = 20  # records nest a few levels; deeper is a mistake or an attack
# libyaml's composer recurses in C and crashes the process on nesting deeper than ~20,000
# levels. Every level needs an indicator character, so a file with fewer indicators than this
# cannot be that deep; a file with more has its depth measured from the event stream first.
_C_SAFE_INDICATORS = 5_000
_INDICATORS = "[{-:?"

Loc = tuple[str | int, ...]
Position = tuple[int, int]  # 1-based line and column


class YamlFout(Exception):
    """The file is not a readable YAML record. Carries a Dutch message, a position and,
    when the problem belongs to one field (a duplicate key, an impossible date), that field."""

    def __init__(self, message: str, line: int = 1, col: int = 1, loc: Loc = ()) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col
        self.loc = loc


@dataclass
class Positions:
    """Where each value (and each mapping key) stands in the file."""

    values: dict[Loc, Position] = field(default_factory=dict)
    keys: dict[Loc, Position] = field(default_factory=dict)

    def of_value(self, loc: Loc) -> Position:
        """The position of the value at `loc`, or of the nearest enclosing value."""
        for n in range(len(loc), -1, -1):
            if loc[:n] in self.values:
                return self.values[loc[:n]]
        return (1, 1)

    def of_key(self, loc: Loc) -> Position:
        """The position of the key that names `loc` (falls back to the value)."""
        return self.keys.get(loc) or self.of_value(loc)


_scalar_constructor = yaml.SafeLoader("")  # only used to turn scalar nodes into Python values


def _pos(mark: yaml.Mark) -> Position:
    return (mark.line + 1, mark.column + 1)


_GEEN_ANKERS = "ankers en verwijzingen (& en *) zijn niet toegestaan; schrijf de waarde gewoon uit"


_TE_DIEP = f"de gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus); een record heeft een paar niveaus"


_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_DATUM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_MERGE = "tag:yaml.org,2002:merge"


def _build(node: yaml.Node, loc: Loc, positions: Positions | None, seen: set[int] | None, text: str) -> Any:
    """The Python value of `node`, recording positions on the way unless `positions` is None.
    `seen` is None when the text cannot hold an alias (see `_kan_verwijzen`)."""
    if seen is not None:
        if id(node) in seen:
            raise YamlFout(_GEEN_ANKERS, *_first_alias(text), loc=loc)
        seen.add(id(node))
    if positions is not None:
        mark = node.start_mark
        positions.values[loc] = (mark.line + 1, mark.column + 1)
    if len(loc) > MAX_DEPTH:
        raise YamlFout(_TE_DIEP, *_pos(node.start_mark), loc=loc[:1])
    if node.tag == _STR:  # by far the most common: plain text needs no constructor
        return node.value
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlFout("een veldnaam moet gewone tekst zijn", *_pos(key_node.start_mark), loc=loc)
            if key_node.tag == _MERGE:
                raise YamlFout("'<<' (samenvoegen) is niet toegestaan; schrijf de velden uit", *_pos(key_node.start_mark), loc=loc)
            key = str(key_node.value)
            key_loc = (*loc, key)
            if key in result:
                first = next(k for k, _ in node.value if str(k.value) == key)
                raise YamlFout(
                    f"veld '{key}' staat twee keer in dit blok (eerst op regel {first.start_mark.line + 1}); haal er één weg",
                    *_pos(key_node.start_mark),
                    loc=key_loc,
                )
            if positions is not None:
                key_mark = key_node.start_mark
                positions.keys[key_loc] = (key_mark.line + 1, key_mark.column + 1)
            result[key] = _build(value_node, key_loc, positions, seen, text)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*loc, i), positions, seen, text) for i, item in enumerate(node.value)]
    return _scalar(node, loc)


class _Ongewoon(Exception):
    """Something `_value` leaves to `_build`, which says exactly what and where."""


_MAPPING, _SEQUENCE = yaml.MappingNode, yaml.SequenceNode


def _value(node: yaml.Node, depth: int, seen: set[int] | None) -> Any:
    """The Python value of `node`, for the many files that turn out fine: no positions and no
    field paths, which cost a third of the time. Anything unusual raises `_Ongewoon`."""
    if seen is not None:
        if id(node) in seen:
            raise _Ongewoon
        seen.add(id(node))
    if depth > MAX_DEPTH:  # before text too: `_build` refuses any value this deep
        raise _Ongewoon
    if node.tag == _STR:
        return node.value
    kind = node.__class__
    # Plain text, most values, is taken here rather than in a call of its own (unless aliases
    # are possible: then every node is counted in `seen`; or it lies too deep).
    inline = seen is None and depth < MAX_DEPTH
    if kind is _MAPPING:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key_node.__class__ is not yaml.ScalarNode or key_node.tag == _MERGE or key in result:
                raise _Ongewoon
            if inline and value_node.tag == _STR:
                result[key] = value_node.value
            else:
                result[key] = _value(value_node, depth + 1, seen)
        return result
    if kind is _SEQUENCE:
        if inline:
            return [item.value if item.tag == _STR else _value(item, depth + 1, seen) for item in node.value]
        return [_value(item, depth + 1, seen) for item in node.value]
    try:
        return _scalar(node, ())
    except (YamlFout, yaml.constructor.ConstructorError):
        raise _Ongewoon from None


def _kan_verwijzen(text: str) -> bool:
    """Could the text hold an alias? That takes an anchor ('&name') and an alias ('*name'):
    Markdown's '**bold**' alone is no reason to count every node."""
    return "*" in text and "&" in text


def _first_alias(text: str) -> Position:
    """Where the first '*alias' stands. The composer hands back the anchored node itself,
    whose position is the anchor's, so read the events again (only on this error path)."""
    loader = _Loader(text)
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, yaml.AliasEvent):
                return _pos(event.start_mark)
    finally:
        loader.dispose()
    return (1, 1)


def _refuse_deep_nesting(text: str) -> None:
    """Walk the events (without building anything) and stop at the first level too deep."""
    loader = _Loader(text)
    depth = 0
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH + 1:  # the record itself is one level
                    raise YamlFout(_TE_DIEP, *_pos(event.start_mark))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()


def _shown_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!", 1)


def _scalar(node: yaml.Node, loc: Loc) -> Any:
    # Call the tag's constructor directly: construct_object() would cache every node forever.
    construct = _scalar_constructor.yaml_constructors.get(node.tag)
    if construct is None:
        raise YamlFout(f"het label '{_shown_tag(node.tag)}' is niet toegestaan; laat het weg", *_pos(node.start_mark), loc=loc)
    try:
        if node.tag in _UIT_TEKST:
            return _uit_tekst(node.tag, node.value)
        return construct(_scalar_constructor, node)
    except ValueError:  # the only one: a date that does not exist, like 2024-02-30
        raise YamlFout(
            f"'{node.value}' is geen bestaande datum; schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2024-03-01",
            *_pos(node.start_mark),
            loc=loc,
        ) from None


# The usual tags: their value follows from the text alone and is immutable, so the same text
# (true, 0, a date, a coordinate) is turned into a value once. Other tags may need the node.
_UIT_TEKST = frozenset({_TIMESTAMP, "tag:yaml.org,2002:int", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:float"})


@lru_cache(maxsize=4096)
def _uit_tekst(tag: str, text: str) -> Any:
    if tag == _TIMESTAMP and _DATUM.match(text):
        return date.fromisoformat(text)  # the usual form, five times faster than the general constructor
    return _scalar_constructor.yaml_constructors[tag](_scalar_constructor, yaml.ScalarNode(tag, text))


def read_yaml(path: str | Path) -> tuple[Any, Positions]:
    """Read `path` and return its value (None for an empty file) and the positions of everything in it."""
    return parse_yaml(_read_text(path))


def read_value(path: str | Path) -> Any:
    """Like `read_yaml`, without positions: a third faster, for the many files that turn out valid."""
    return parse_value(_read_text(path))


def _read_text(path: str | Path) -> str:
    try:
        raw = _read_bytes(path)
    except OSError:  # a broken link, no permission ...
        raise YamlFout("het bestand kan niet worden gelezen (kapotte snelkoppeling of geen leesrechten?)") from None
    if len(raw) > MAX_BYTES:
        size = os.stat(path).st_size
        raise YamlFout(f"bestand is {size // 1024} KB; een record mag hoogstens {MAX_BYTES // 1024} KB zijn")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise YamlFout(
            "het bestand is niet opgeslagen als UTF-8; sla het in je editor op als 'UTF-8'", line, col
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def _read_bytes(path: str | Path) -> bytes:
    """At most MAX_BYTES + 1 bytes of the file: enough to know it is too large. Plain system
    calls: pathlib's file object costs twice as much per file, which shows on 10,000 files.
    Opened without blocking and refused unless it is a regular file: a named pipe would
    otherwise wait forever for a writer, and a device like /dev/zero never ends."""
    import stat  # here, not at the top: this function is the only user

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise YamlFout("dit is geen gewoon bestand (maar bijvoorbeeld een map, named pipe of apparaat); een record is een .yml-bestand")
        raw = os.read(fd, MAX_BYTES + 1)
        while len(raw) <= MAX_BYTES and (more := os.read(fd, MAX_BYTES + 1 - len(raw))):
            raw += more  # a network share may hand out a file in parts
        return raw
    finally:
        os.close(fd)


def parse_yaml(text: str) -> tuple[Any, Positions]:
    """The value of a YAML text and where everything in it stands."""
    positions = Positions()
    return _parse(text, positions), positions


def parse_value(text: str) -> Any:
    """The value of a YAML text, without positions; fails exactly as `parse_yaml` does."""
    return _parse(text, None)


def _parse(text: str, positions: Positions | None) -> Any:
    try:
        if len(text) > _C_SAFE_INDICATORS and sum(text.count(c) for c in _INDICATORS) > _C_SAFE_INDICATORS:
            _refuse_deep_nesting(text)
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as error:  # a control character YAML does not allow
        line = text.count("\n", 0, error.position) + 1
        col = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        raise YamlFout(f"onzichtbaar stuurteken (#x{error.character:04X}) is niet toegestaan; haal het weg", line, col) from None
    except yaml.YAMLError as error:  # libyaml's or PyYAML's words, in any version: told in Dutch
        told = yaml_syntax.melding(error, text, _TE_DIEP)
        raise YamlFout(told.bericht, told.line, told.col) from None
    except RecursionError:  # the pure-Python reader on deep nesting, where libyaml is missing
        raise YamlFout(_TE_DIEP) from None
    if node is None:  # an empty file, or only comments
        return None
    if positions is None:
        try:
            return _value(node, 0, set() if _kan_verwijzen(text) else None)
        except _Ongewoon:
            pass  # _build finds it again and says what and where
    try:
        return _build(node, (), positions, set() if _kan_verwijzen(text) else None, text)
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        raise YamlFout(yaml_syntax.GEEN_GELDIGE_YAML, *(_pos(mark) if mark else (1, 1))) from None
