"""The command line: autoplay's output, determinism across processes, and usage errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from game.cli import main
from tests.conftest import ROOT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_autoplay_json_is_identical_in_two_processes() -> None:
    first = _run("autoplay", "--strategy", "best", "--seed", "7", "--json")
    second = _run("autoplay", "--strategy", "best", "--seed", "7", "--json")
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    document = json.loads(first.stdout)
    assert document["scenario"] == "gemeente-middelgroot"
    assert document["seed"] == 7 and document["strategy"] == "best"
    assert len(document["rounds"]) == 12
    for record in document["rounds"]:
        assert set(record["indicators"]) == {
            "awareness",
            "skill",
            "embedding",
            "ownership_breadth",
            "interaction",
            "trust",
            "community_energy",
        }
        assert record["decisions"]["initiatives"]
    final = document["final"]
    assert {"phase", "stage", "indicators", "score"} <= set(final)
    assert final["phase"] == document["rounds"][-1]["phase"]


def test_autoplay_summary_lists_every_round_and_the_end() -> None:
    out = io.StringIO()
    assert main(["autoplay", "--strategy", "random", "--seed", "3"], out) == 0
    text = out.getvalue()
    assert text.count("round ") == 12
    assert "score" in text and "end: phase" in text
    out = io.StringIO()
    assert main(["autoplay", "--seed", "3", "--lang", "nl"], out) == 0
    assert "ontdekken" in out.getvalue() or "samenwerken" in out.getvalue()


@pytest.mark.parametrize(
    "args",
    [
        ["autoplay", "--strategy", "lucky"],
        ["autoplay", "--seed", "seven"],
        ["autoplay", "no-such-scenario"],
        ["fly"],
        ["autoplay", "--nonsense"],
    ],
)
def test_bad_arguments_give_usage_and_exit_2_without_traceback(args: list[str]) -> None:
    result = _run(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_help_exits_cleanly(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "autoplay" in capsys.readouterr().out
