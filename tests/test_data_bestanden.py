"""What may stand in data/: only regular files and folders inside it are read.

A named pipe made `check` wait forever, a link loop gave a Python traceback, and a link out
of data/ was followed silently (a pull request could publish any readable file of the build
machine). Each case now gets a Dutch positioned message and exit 1, through the CLI and,
for a link out of data/, through `mkdocs build --strict`, which then writes nothing.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from sitebouw import ROOT, make_project, run_build
from socialekaart.cli import main
from socialekaart.positioned_yaml import YamlFout, read_yaml

BASIS = Path(__file__).parent / "corpus" / "_basis" / "data"
PROVIDER = (BASIS / "providers" / "voorbeeld-jeugdhulp.yml").read_text(encoding="utf-8")
TIMEOUT = 60  # seconds; a hang fails the test instead of the suite

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="links, pipes and sockets as on Linux and macOS")


def check(werkmap: Path) -> Result:
    """`socialekaart check data` in `werkmap` (the fixture has made it the working directory)."""
    return CliRunner().invoke(main, ["check", "data", "--datum", "2026-06-01"])


@pytest.fixture
def werkmap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """./data is a copy of the valid base data; ./buiten is a folder next to it, outside data/."""
    shutil.copytree(BASIS, tmp_path / "data")
    buiten = tmp_path / "buiten"
    buiten.mkdir()
    # A perfectly valid record: only where it stands is wrong.
    (buiten / "geheim.yml").write_text(PROVIDER.replace("Voorbeeld Jeugdhulp", "Geheim bestand"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def assert_refused(result: Result, shown: str, veld: str, bericht: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert f"{shown}:1:1: fout: {veld}: {bericht}" in result.output, result.output
    assert "Geheim bestand" not in result.output


def test_link_to_a_file_outside_data_is_refused(werkmap: Path) -> None:
    (werkmap / "data/providers/geheim.yml").symlink_to(werkmap / "buiten/geheim.yml")
    result = check(werkmap)
    assert_refused(result, "data/providers/geheim.yml", "(bestand)", "deze snelkoppeling wijst naar iets buiten de gegevensmap")
    assert result.output.endswith("1 fout in 6 bestanden gecontroleerd.\n")  # the link is not read


def test_relative_link_climbing_out_of_data_is_refused(werkmap: Path) -> None:
    (werkmap / "data/providers/geheim.yml").symlink_to("../../buiten/geheim.yml")
    assert_refused(check(werkmap), "data/providers/geheim.yml", "(bestand)", "deze snelkoppeling wijst naar iets buiten de gegevensmap")


def test_link_to_a_folder_outside_data_is_refused(werkmap: Path) -> None:
    shutil.rmtree(werkmap / "data/providers")
    (werkmap / "data/providers").symlink_to(werkmap / "buiten", target_is_directory=True)
    assert_refused(check(werkmap), "data/providers", "(bestand)", "deze snelkoppeling wijst naar iets buiten de gegevensmap")


def test_link_to_a_folder_outside_data_is_refused_in_the_agenda(werkmap: Path) -> None:
    (werkmap / "data/agenda").mkdir()
    (werkmap / "data/agenda/utrecht-west").symlink_to(werkmap / "buiten", target_is_directory=True)
    assert_refused(check(werkmap), "data/agenda/utrecht-west", "(bestand)", "deze snelkoppeling wijst naar iets buiten de gegevensmap")


def test_link_inside_data_is_read(werkmap: Path) -> None:
    """A link that stays inside data/ is an editor's choice, not a leak."""
    (werkmap / "data/providers/tweede.yml").write_text(PROVIDER.replace("Voorbeeld Jeugdhulp", "Tweede Jeugdhulp"), encoding="utf-8")
    (werkmap / "data/providers/alias.yml").symlink_to("tweede.yml")
    result = check(werkmap)
    assert "data/providers/alias.yml" in result.output  # read: a copy of 'tweede', so reported as a double record
    assert "snelkoppeling" not in result.output


@pytest.mark.parametrize("lus", [("lus.yml", "lus.yml"), ("a.yml", "b.yml")])
def test_link_loop_is_refused_without_a_traceback(werkmap: Path, lus: tuple[str, str]) -> None:
    first, second = lus
    (werkmap / "data/providers" / first).symlink_to(second)
    if first != second:
        (werkmap / "data/providers" / second).symlink_to(first)
    result = check(werkmap)
    assert_refused(result, f"data/providers/{first}", "(bestand)", "deze snelkoppeling wijst (via andere) naar zichzelf")


def test_link_loop_as_a_folder_is_refused(werkmap: Path) -> None:
    (werkmap / "data/informele-steun").rename(werkmap / "data/weg")
    (werkmap / "data/informele-steun").symlink_to("informele-steun")
    assert_refused(check(werkmap), "data/informele-steun", "(bestand)", "deze snelkoppeling wijst (via andere) naar zichzelf")


def test_broken_link_is_refused(werkmap: Path) -> None:
    (werkmap / "data/providers/kapot.yml").symlink_to("bestaat-niet.yml")
    assert_refused(check(werkmap), "data/providers/kapot.yml", "(bestand)", "deze snelkoppeling wijst naar iets dat niet bestaat")


def test_folder_named_yml_is_reported(werkmap: Path) -> None:
    (werkmap / "data/providers/map.yml").mkdir()
    (werkmap / "data/providers/map.yml/binnen.yml").write_text(PROVIDER, encoding="utf-8")
    assert_refused(check(werkmap), "data/providers/map.yml", "(map)", "'map.yml' is een map, geen bestand")


def test_socket_is_refused(werkmap: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind("data/providers/socket.yml")
        assert_refused(check(werkmap), "data/providers/socket.yml", "(bestand)", "dit is een socket, geen gewoon bestand of map")
    finally:
        server.close()


def test_device_is_refused(werkmap: Path) -> None:
    try:
        os.mknod(werkmap / "data/providers/nul.yml", stat.S_IFCHR | 0o600, os.makedev(1, 5))  # like /dev/zero
    except PermissionError:
        pytest.skip("making a device needs root")
    assert_refused(check(werkmap), "data/providers/nul.yml", "(bestand)", "dit is een apparaatbestand, geen gewoon bestand of map")


# A named pipe: if anything opened it for reading in the normal way, it would wait forever for a
# writer. So the CLI runs in a separate process with a timeout (CliRunner inside it).
FIFO_SCRIPT = """
import sys
from click.testing import CliRunner
from socialekaart.cli import main
result = CliRunner().invoke(main, ["check", "data", "--datum", "2026-06-01"])
print(result.output, end="")
print("exit", result.exit_code, repr(result.exception))
"""


def _run_isolated(werkmap: Path, script: str) -> str:
    """Run `script` in its own process group; on a hang, end the group (a forked helper too)
    and fail."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen(
        [sys.executable, "-c", script], cwd=werkmap, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )
    try:
        output, _ = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"still waiting after {TIMEOUT} s: reading data/ blocked")
    return output


def test_named_pipe_is_refused_without_waiting(werkmap: Path) -> None:
    os.mkfifo(werkmap / "data/providers/pijp.yml")
    os.mkfifo(werkmap / "data/pijp.yml")
    output = _run_isolated(werkmap, FIFO_SCRIPT)
    bericht = "dit is een named pipe (FIFO), geen gewoon bestand of map"
    assert f"data/providers/pijp.yml:1:1: fout: (bestand): {bericht}" in output, output
    assert f"data/pijp.yml:1:1: fout: (bestand): {bericht}" in output, output
    assert "exit 1 SystemExit(1)" in output and "Traceback" not in output


def test_reader_never_blocks_on_a_pipe_or_device(tmp_path: Path) -> None:
    """The reader itself refuses what is not a regular file, should the scan ever be bypassed
    (a file replaced by a pipe between scan and read)."""
    os.mkfifo(tmp_path / "pijp.yml")
    script = f"""
from socialekaart.positioned_yaml import YamlFout, read_yaml
for path in [{str(tmp_path / "pijp.yml")!r}, "/dev/zero", {str(tmp_path)!r}]:
    try:
        read_yaml(path)
    except YamlFout as error:
        print(error.message)
"""
    output = _run_isolated(tmp_path, script)
    assert output.count("dit is geen gewoon bestand") == 3, output


def test_reader_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(YamlFout, match="geen gewoon bestand"):
        read_yaml(tmp_path)


# --- the site build --------------------------------------------------------------------------


def test_build_refuses_a_link_out_of_data_and_writes_nothing(tmp_path: Path) -> None:
    buiten = tmp_path / "buiten.yml"
    buiten.write_text(PROVIDER.replace("Voorbeeld Jeugdhulp", "Geheim bestand"), encoding="utf-8")
    project = make_project(tmp_path / "p", BASIS)
    (project / "data/providers/geheim.yml").symlink_to(buiten)
    site = tmp_path / "site"
    result = run_build(project, site, datum="2026-06-01")
    assert result.returncode != 0
    assert "data/providers/geheim.yml:1:1: fout: (bestand): deze snelkoppeling wijst naar iets buiten de gegevensmap" in result.output
    assert "Traceback" not in result.output
    assert not site.exists() or not any(site.iterdir())


def test_forked_loader_never_waits_on_a_pipe(tmp_path: Path) -> None:
    """Should a pipe reach the loader after all (put there between scan and read), neither the
    forked helper nor the main process waits for it: each reports it and the check ends."""
    shutil.copytree(BASIS, tmp_path / "data")
    os.mkfifo(tmp_path / "data/providers/pijp-1.yml")
    os.mkfifo(tmp_path / "data/providers/pijp-2.yml")
    script = """
from datetime import date
from socialekaart import load
from socialekaart.models import RECORD_TYPES

load._cores = lambda: 2
load.PARALLEL_MIN_FILES = 1
names = ["pijp-1", "pijp-2", "voorbeeld-jeugdhulp"]
jobs = [load._Job(RECORD_TYPES["providers"], n, f"data/providers/{n}.yml", n, n) for n in names]
assert load._can_fork()
for job, (record, problems) in zip(jobs, load._load_in_parallel(jobs, date(2026, 6, 1))):
    print(job.record_id, record is not None, [p.bericht for p in problems])
"""
    output = _run_isolated(tmp_path, script)
    assert "pijp-1 False ['dit is geen gewoon bestand" in output, output
    assert "pijp-2 False ['dit is geen gewoon bestand" in output, output
    assert "voorbeeld-jeugdhulp True []" in output, output


def test_record_plek_is_waar_load_dataset_het_record_leest(tmp_path: Path) -> None:
    """`mkdocs serve` places a new file's record with `record_plek`: the same type, id, paths
    and place in the order as a full load, and nothing for what a full load would not read."""
    from sitebouw import FIXTURE_DATA
    from socialekaart.load import bestandsvolgorde, load_dataset, record_plek

    root = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, root)
    for naam in ("a-b.yml", "a.yml"):  # '-' sorts before '.', so a-b.yml is read before a.yml
        (root / "providers" / naam).write_text(PROVIDER, encoding="utf-8")
    dataset, problemen = load_dataset(root)
    assert dataset.records["providers"]
    for folder, records in dataset.records.items():
        assert list(records) == sorted(records, key=bestandsvolgorde), folder
        for record_id, record in records.items():
            plek = record_plek(root, dataset.files[id(record)])
            assert plek is not None, record_id
            assert (plek.record_type.folder, plek.record_id, plek.path, plek.shown, plek.bron) == (
                folder, record_id, dataset.files[id(record)], dataset.paths[id(record)], record.bron)
    (root / "providers" / "Hoofdletter.yml").write_text(PROVIDER, encoding="utf-8")
    (root / "providers" / "x.yaml").write_text(PROVIDER, encoding="utf-8")
    (root / "onbekend").mkdir()
    (root / "onbekend" / "x.yml").write_text(PROVIDER, encoding="utf-8")
    (root / "agenda" / "x.yml").write_text(PROVIDER, encoding="utf-8")  # agenda items stand one folder deeper
    (root / "providers" / ".verborgen.yml").write_text(PROVIDER, encoding="utf-8")
    os.symlink(root / "providers" / "a.yml", root / "providers" / "link.yml")
    for naam in ("providers/Hoofdletter.yml", "providers/x.yaml", "onbekend/x.yml", "agenda/x.yml",
                 "providers/.verborgen.yml", "providers/link.yml", "providers/bestaat-niet.yml"):
        assert record_plek(root, str(root / naam)) is None, naam
