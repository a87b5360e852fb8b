"""A record as the YAML file a person would have typed: schema line first, naam on top, the
fields in the order `socialekaart nieuw` uses, short lists on one line, Markdown as a block."""

from __future__ import annotations

import yaml

from ...models import RECORD_TYPES, Record
from ...schema import schema_comment
from ...template import _ordered

try:  # libyaml writes several times faster and ships in PyYAML's wheels
    from yaml import CSafeDumper as _BaseDumper
except ImportError:  # pragma: no cover - pure-Python fallback
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]


class _Dumper(_BaseDumper):  # type: ignore[misc, valid-type]
    pass


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _list(dumper: yaml.SafeDumper, value: list) -> yaml.Node:
    plain = all(isinstance(v, str) and "\n" not in v for v in value) and sum(len(v) for v in value) < 60
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=plain)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(list, _list)


def record_yaml(record: Record, folder: str) -> str:
    """The file text for `record` in data/<folder>/: only what is filled in and not a default."""
    values = record.model_dump(exclude_defaults=True, exclude_none=True)
    ordered = {name: values[name] for name, _ in _ordered(RECORD_TYPES[folder].model) if name in values}
    body = yaml.dump(ordered, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)
    return f"{schema_comment(folder, 2)}\n{body}"
