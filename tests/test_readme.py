"""The README's adoption path, followed literally: every command in its "Zo begin je" block runs
in an empty folder (init, check, build), and the example message it shows is the real one."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from sitebouw import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block_after(kop: str) -> str:
    deel = README[README.index(kop):]
    return re.search(r"```sh\n(.*?)```", deel, re.DOTALL).group(1)


def _shell(script: str, cwd: Path) -> subprocess.CompletedProcess:
    # The commands as a user types them; `socialekaart` and `mkdocs` from this Python's install.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_every_command_of_the_adoption_path_runs(tmp_path):
    script = _block_after("### Zo begin je")
    commands = [line.split()[0] for line in script.splitlines() if line.strip()]
    assert commands == ["socialekaart", "cd", "socialekaart", "mkdocs"]
    assert "socialekaart init" in script and "socialekaart check" in script and "mkdocs build --strict" in script
    result = _shell(script, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Volledigheid Regio Rivierenland: 0 van 3 gemeenten compleet" in result.stdout  # check says what is missing
    site = tmp_path / "mijn-regio" / "site"
    assert "in Regio Rivierenland." in (site / "index.html").read_text(encoding="utf-8")
    assert (tmp_path / "mijn-regio" / ".github" / "workflows" / "publiceren.yml").is_file()


def test_the_message_the_readme_shows_is_the_real_one(tmp_path):
    voorbeeld = re.search(r"`(mkdocs\.yml:\d+:\d+: fout: extra\.socialekaart\.correctie_mail: [^`]+)`", README).group(1)
    script = _block_after("### Zo begin je").split("\n")[0]  # only init
    assert _shell(script, tmp_path).returncode == 0
    project = tmp_path / "mijn-regio"
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("correctie_email:", "correctie_mail:"), encoding="utf-8")
    check = _shell("socialekaart check", project)
    assert check.returncode == 1 and voorbeeld in check.stdout.splitlines()
    build = _shell("mkdocs build --strict", project)
    assert build.returncode == 1 and voorbeeld in build.stdout + build.stderr
    assert not (project / "site").exists()
