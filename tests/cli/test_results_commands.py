"""The results commands: ``autoplay --results``, ``compare`` and ``report`` (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.results import read_results


def test_cli_autoplay_results_compare_and_report(tmp_path: Path, capsys) -> None:
    a, b, c = tmp_path / "a.json", tmp_path / "b.json", tmp_path / "c.json"
    assert main(["autoplay", "--seed", "5", "--team", "Team A", "--results", str(a)]) == 0
    assert (
        main(
            [
                "autoplay",
                "--seed",
                "5",
                "--strategy",
                "random",
                "--team",
                "Team B",
                "--results",
                str(b),
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "autoplay",
                "--seed",
                "6",
                "--team",
                "Team C",
                "--results",
                str(c),
                "--save",
                str(tmp_path / "c-save.json"),
            ]
        )
        == 0
    )
    assert read_results(a).team == "Team A"
    page = tmp_path / "out" / "compare.html"
    assert main(["compare", str(a), str(b), str(c), "--out", str(page), "--lang", "en"]) == 0
    text = page.read_text(encoding="utf-8")
    assert "Team A" in text and "Team B" in text and "Another seed" in text
    report = tmp_path / "report.html"
    assert main(["report", str(a), "--out", str(report)]) == 0
    assert "Nabespreking van Team A" in report.read_text(encoding="utf-8")
    from_save = tmp_path / "from-save.html"
    assert (
        main(["report", str(tmp_path / "c-save.json"), "--out", str(from_save), "--lang", "en"])
        == 0
    )
    assert "Debrief of Team C" in from_save.read_text(encoding="utf-8")
    capsys.readouterr()


@pytest.mark.parametrize(
    "argv",
    [
        ["compare", "--out", "x.html"],
        ["compare", "missing.json", "--out", "x.html"],
        ["compare", "GOOD", "--out", "FOLDER"],
        ["compare", "GOOD"],
        ["report", "missing.json", "--out", "x.html"],
        ["report", "GOOD", "--out", "FOLDER"],
        ["report", "GOOD", "--out", "FILE/x.html"],
        ["report", "GOOD", "--out", "x.html", "--lang", "de"],
        ["report", "GOOD", "--out", "x.html", "--scenario", "missing.yaml"],
        ["autoplay", "--results", "FOLDER"],
        ["autoplay", "--length", "medium"],
    ],
)
def test_bad_arguments_exit_2_with_the_usage(argv: list[str], tmp_path: Path, capsys) -> None:
    good = tmp_path / "good.json"
    assert main(["autoplay", "--seed", "2", "--results", str(good)]) == 0
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("x")
    swap = {
        "GOOD": str(good),
        "FOLDER": str(tmp_path / "folder"),
        "FILE/x.html": str(tmp_path / "file" / "x.html"),
    }
    capsys.readouterr()
    assert main([swap.get(a, a) for a in argv]) == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "error:" in err and "Traceback" not in err


def test_a_bad_file_given_to_report_fails_with_the_reason(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}')
    assert main(["report", str(bad), "--out", str(tmp_path / "r.html")]) == 1
    assert "not a results file" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()
    only_bad = tmp_path / "c.html"
    assert main(["compare", str(bad), "--out", str(only_bad)]) == 1  # nothing to compare
    assert "There are no results to compare" in only_bad.read_text(encoding="utf-8") or (
        "Er zijn geen resultaten" in only_bad.read_text(encoding="utf-8")
    )
