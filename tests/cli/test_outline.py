"""``python main.py outline``: a scenario's outline for a trainer, from the command line."""

from __future__ import annotations

import io

import pytest

from game.cli import main


def test_outline_prints_the_short_game_in_english() -> None:
    out = io.StringIO()
    status = main(["outline", "gemeente-middelgroot", "--length", "short", "--lang", "en"], out)
    text = out.getvalue()
    assert status == 0
    assert text.startswith("Municipality of Middelgroot (gemeente-middelgroot), short game\n")
    assert "\nQuarter 1 (quarter 1 of the full game)\n  Initiatives:\n" in text
    assert "\nDevelopment actions\n" in text


def test_outline_defaults_to_the_whole_game_in_dutch() -> None:
    out = io.StringIO()
    assert main(["outline"], out) == 0
    text = out.getvalue()
    assert "het hele spel\n12 rondes, elk een kwartaal\n" in text
    assert "\nKwartaal 12\n" in text and "van het hele spel)" not in text


def test_outline_of_a_scenario_that_is_not_there_exits_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["outline", "nosuch"], io.StringIO()) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: ")
    assert "no scenario 'nosuch'" in err
