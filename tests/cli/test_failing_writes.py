"""Writing that fails says so: every command that writes a file, on a disk that takes no more.

Each command runs in a fresh process whose writes to files the kernel refuses (a file size
limit of 0 bytes, ``RLIMIT_FSIZE``, with ``SIGXFSZ`` ignored, so ``write`` fails with "File too
large" as it would with "No space left on device" on a full disk; no root and no real disk
needed). The command must exit non-zero with a sentence that names the file, print no
traceback, and leave nothing half-written: no empty or partial file, no temporary file, and a
file that was already there unchanged. Where SDL wrote the pictures itself, ``tour`` reported
"41 screenshots" of 0 bytes each and a traceback from writing ``errors.log``; ``new`` left an
empty scenario behind (issue 17).
"""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from tests.conftest import ROOT

resource = pytest.importorskip("resource")  # POSIX only
signal = pytest.importorskip("signal")
if not hasattr(signal, "SIGXFSZ"):
    pytest.skip("no file size limit signal here", allow_module_level=True)


def _no_room() -> None:
    """In the child: every write to a file fails, as on a full disk."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))


def _on_a_full_disk(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_no_room,
    )


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _said_plainly(result: subprocess.CompletedProcess[str], status: int = 1) -> str:
    assert result.returncode == status, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    assert "File too large" in result.stderr, result.stderr
    return result.stderr


def test_tour_on_a_full_disk_fails_and_leaves_no_empty_pictures(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    result = _on_a_full_disk("tour", "--out", str(out))
    err = _said_plainly(result)
    assert f"{out / '01-title.png'} could not be written" in err
    assert "screenshots in" not in result.stdout
    left = _files(out)
    assert all(data for data in left.values()), left.keys()  # no picture of 0 bytes
    assert not [name for name in left if name.endswith(".png") or ".tmp" in name]


def test_new_on_a_full_disk_leaves_no_empty_scenario(tmp_path: Path) -> None:
    path = tmp_path / "zuid.yaml"
    err = _said_plainly(_on_a_full_disk("new", "zuid", "--out", str(path)))
    assert f"{path} could not be written whole" in err and "nothing was left behind" in err
    assert _files(tmp_path) == {}


def test_pack_new_on_a_full_disk_leaves_no_empty_pack_file(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    err = _said_plainly(_on_a_full_disk("pack", "new", str(folder)))
    assert f"{folder / 'pack.yaml'} could not be written whole" in err
    assert _files(tmp_path) == {}


@pytest.mark.parametrize("command", ["report", "compare"])
def test_a_page_on_a_full_disk_keeps_the_page_that_was_there(command: str, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>the report of last week</p>", encoding="utf-8")
    save = tmp_path / "team.json"
    assert main(["autoplay", "--seed", "4", "--save", str(save)], io.StringIO()) == 0
    before = _files(tmp_path)
    err = _said_plainly(_on_a_full_disk(command, str(save), "--out", str(page)))
    assert f"--out '{page}' could not be written whole" in err
    assert "the file already there is unchanged" in err
    assert _files(tmp_path) == before


def test_schema_on_a_full_disk_says_so_and_keeps_the_old_files(tmp_path: Path) -> None:
    schema = tmp_path / "scenario.schema.json"
    schema.write_text("{}", encoding="utf-8")
    guide = tmp_path / "guide.md"
    guide.write_bytes((ROOT / "docs" / "scenarios.md").read_bytes())
    before = _files(tmp_path)
    err = _said_plainly(_on_a_full_disk("schema", "--out", str(schema)))
    assert f"{schema} could not be written whole" in err
    err = _said_plainly(_on_a_full_disk("schema", "--docs", str(guide)))
    assert f"{guide} could not be written whole" in err
    assert _files(tmp_path) == before


@pytest.mark.parametrize("option", ["--save", "--results"])
def test_autoplay_on_a_full_disk_says_so(option: str, tmp_path: Path) -> None:
    target = tmp_path / "team.json"
    result = _on_a_full_disk("autoplay", "--seed", "2", option, str(target))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "File too large" in result.stderr
    assert _files(tmp_path) == {}


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_output_on_a_full_disk_is_one_line_not_a_traceback() -> None:
    """``schema > FILE`` on a full disk (``/dev/full`` refuses every write with "No space left
    on device"): the output could not be written, said in one line."""
    with Path("/dev/full").open("w") as full:
        result = subprocess.run(
            [sys.executable, "main.py", "schema"],
            cwd=ROOT,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    assert f"the output could not be written ({os.strerror(errno.ENOSPC)})" in result.stderr
