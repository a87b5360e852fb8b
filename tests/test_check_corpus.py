"""Golden tests: the exact messages `socialekaart check` prints for broken data.

Each folder in tests/corpus/ (except _basis) is one kind of mistake. Its `data/`
files are laid over a copy of the valid data in tests/corpus/_basis/, then the
real CLI runs on the result. `expected.txt` holds the full transcript: command,
output and exit code.

After changing a message on purpose, rewrite the transcripts with

    SOCIALEKAART_GOLDEN=schrijf .venv/bin/pytest tests/test_check_corpus.py

and read every changed line in `git diff` before committing: each message must
name the file, line, column and field, and say in Dutch what is allowed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from socialekaart.cli import main

CORPUS = Path(__file__).parent / "corpus"
BASIS = CORPUS / "_basis"
ARGS = ["check", "data", "--datum", "2026-06-01"]
REWRITE = os.environ.get("SOCIALEKAART_GOLDEN") == "schrijf"

CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir() and not p.name.startswith("_"))


def build_case(case: str, target: Path) -> None:
    """The valid base with the case's files laid over it; `weg.txt` lists base files to delete."""
    shutil.copytree(BASIS / "data", target / "data")
    overlay = CORPUS / case / "data"
    if overlay.is_dir():
        shutil.copytree(overlay, target / "data", dirs_exist_ok=True)
    removals = CORPUS / case / "weg.txt"
    if removals.is_file():
        for line in removals.read_text(encoding="utf-8").split():
            (target / line).unlink()


def transcript(output: str, exit_code: int) -> str:
    return f"$ socialekaart {' '.join(ARGS)}\n{output}[exitcode {exit_code}]\n"


def meldingen(output: str) -> list[str]:
    """The problem lines of the output: without the completeness table and the summary line."""
    return [line for line in output.splitlines()[:-1] if not line.startswith(("Volledigheid ", "  "))]


def run_check(folder: Path, monkeypatch: pytest.MonkeyPatch, *extra: str):
    monkeypatch.chdir(folder)  # paths in messages are relative to where the command runs
    return CliRunner().invoke(main, [*ARGS, *extra])


def test_corpus_has_enough_kinds_of_mistakes() -> None:
    assert len(CASES) >= 25


def test_basis_is_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(BASIS / "data", tmp_path / "data")
    result = run_check(tmp_path, monkeypatch)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Alles in orde: 6 bestanden gecontroleerd")


@pytest.mark.parametrize("case", CASES)
def test_corpus_case(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_case(case, tmp_path)
    result = run_check(tmp_path, monkeypatch)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    actual = transcript(result.output, result.exit_code)
    expected_path = CORPUS / case / "expected.txt"
    if REWRITE:
        expected_path.write_text(actual, encoding="utf-8")
    assert actual == expected_path.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES)
def test_corpus_case_github_format(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same problems, as GitHub annotations: one per problem, in the same order."""
    build_case(case, tmp_path)
    tekst = run_check(tmp_path, monkeypatch).output
    github = run_check(tmp_path, monkeypatch, "--format", "github").output
    assert github.splitlines()[-1] == tekst.splitlines()[-1]  # the summary line
    assert len(meldingen(github)) == len(meldingen(tekst))
    for gcc, annotation in zip(meldingen(tekst), meldingen(github)):
        path, line, col, rest = gcc.split(":", 3)
        niveau, veld_bericht = rest.strip().split(": ", 1)
        kind = "error" if niveau == "fout" else "warning"
        assert annotation == f"::{kind} file={path},line={line},col={col}::{veld_bericht}"


@pytest.mark.parametrize("case", CASES)
def test_corpus_problems_sorted_by_file_and_line(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_case(case, tmp_path)
    lines = meldingen(run_check(tmp_path, monkeypatch).output)
    keys = [(path, int(line), int(col)) for path, line, col, _ in (text.split(":", 3) for text in lines)]
    assert keys == sorted(keys)
