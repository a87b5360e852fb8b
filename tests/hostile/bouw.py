"""A site built from the fixture data with hostile values planted past check (omzeil_hook.py)."""

from __future__ import annotations

from pathlib import Path

import yaml
from sitebouw import BuildResult, make_project, run_build

HOOK = Path(__file__).with_name("omzeil_hook.py")


def build_hostile_site(base: Path, *, zonder_escape: bool = False) -> BuildResult:
    project = make_project(base / "project")
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    hooks = yaml.safe_load(text)["hooks"]
    # The real hook first, then the one that plants: a plain text edit keeps the rest of mkdocs.yml
    # (its !!python tags) untouched.
    text = text.replace(f"  - {hooks[-1]}\n", f"  - {hooks[-1]}\n  - {HOOK}\n", 1)
    config_file.write_text(text, encoding="utf-8")
    env = {"SOCIALEKAART_TEST_ZONDER_ESCAPE": "1"} if zonder_escape else {}
    return run_build(project, base / "site", env=env)
