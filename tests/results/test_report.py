"""The take-home pages (``game.results.report``), read as HTML without a browser (issue 12).

``test_report_in_browser.py`` opens them in Chromium."""

from __future__ import annotations

import re
from pathlib import Path

from game.cli import main
from game.results import read_results
from game.results.compare import compare_results
from game.results.compare_page import compare_html
from game.results.report import _all_texts, report_html
from game.results.texts import with_texts
from game.scenario.models import Scenario
from game.sim.state import GameState
from tests.helpers.results import write_team_results


def test_report_pages_are_self_contained_and_in_the_language_asked(
    games: dict[str, GameState], default_scenario: Scenario, tmp_path: Path
) -> None:
    results = read_results(
        write_team_results(tmp_path, games["random"], default_scenario, "Team <b>Rood</b>")
    )
    for lang, words in (
        ("nl", ("Nabespreking van", "Aanbevelingen")),
        ("en", ("Debrief of", "Recommendations")),
    ):
        html = report_html(results, lang)
        assert all(w in html for w in words)
        assert "Team &lt;b&gt;Rood&lt;/b&gt;" in html  # names are escaped
        assert "<script" not in html.lower()
        assert not re.search(r"(src|href)=\"(https?:)?//", html)
        assert html.count("<svg") == 2
        first = with_texts(results)[0].rounds[0].decisions[0]
        assert first.outcome_text is not None
        assert _escaped(first.outcome_text.get(lang)) in html
    comparison = compare_results([(None, results)])
    page = compare_html(comparison, "en")
    assert "Teams side by side" in page and "<script" not in page.lower()


def test_the_charts_share_one_style_sheet_and_plain_coordinates(
    games: dict[str, GameState], default_scenario: Scenario, tmp_path: Path
) -> None:
    """Issue 22: each chart carried its own copy of pygal's style sheet, six-decimal
    coordinates and the tooltip script's placings, 60% of a report."""
    results = read_results(write_team_results(tmp_path, games["best"], default_scenario, "Rood"))
    html = report_html(results, "nl")
    svgs = re.findall(r"<svg.*?</svg>", html, re.DOTALL)
    assert len(svgs) == 2
    assert all("<style" not in svg and "tooltip" not in svg for svg in svgs)
    assert not re.search(r"\d\.\d{2,}", "".join(svgs))
    (sheet,) = re.findall(r"<style>(.*?)</style>", html, re.DOTALL)
    assert sheet.count(".pygal-chart .color-0,") == 1  # one copy of the charts' rules
    assert "&gt;" not in sheet  # read as CSS, not as XML
    assert ".pygal-chart .graph > .background" in sheet
    assert len(html.encode()) < 70_000


def _escaped(text: str) -> str:
    from markupsafe import escape  # as the templates escape

    return str(escape(text))


def test_every_page_text_has_both_languages() -> None:
    for key, value in _all_texts().items():
        assert value["nl"].strip() and value["en"].strip(), key
    # A comma in an unquoted flow mapping once cut a heading to its first word.
    assert _all_texts()["chart_indicators"]["en"] == "Trust, energy and the organisation"


def test_report_carries_the_branding(
    games: dict[str, GameState], default_scenario: Scenario, tmp_path: Path
) -> None:
    from game.packs import load_pack

    folder = tmp_path / "pack"
    assert main(["pack", "new", str(folder), "--id", "waterschap"]) == 0
    pack = load_pack(folder)
    results = read_results(write_team_results(tmp_path, games["best"], default_scenario, "Team"))
    html = report_html(results, "nl", pack)
    assert pack.name.nl in html
    if pack.logo is not None:
        assert "data:image/png;base64," in html


def test_the_facilitators_steps_are_worded_with_no_raw_values(
    games: dict[str, GameState], default_scenario: Scenario, tmp_path: Path
) -> None:
    """Issue 19: the report listed "uitkomsten getoond: one" and "… all"."""
    from game.results.models import InterventionResult
    from game.sim.interventions import InterventionKind

    results = read_results(write_team_results(tmp_path, games["best"], default_scenario, "Rood"))
    steps = [
        InterventionResult(round=1, kind=InterventionKind.REVEAL, subject="one"),
        InterventionResult(round=1, kind=InterventionKind.REVEAL, subject="all"),
        InterventionResult(round=2, kind=InterventionKind.TIMER, subject="stop"),
        InterventionResult(round=2, kind=InterventionKind.TIMER, subject="300"),
    ]
    results = results.model_copy(update={"interventions": steps})
    for lang, words in (
        ("nl", ("het volgende effect", "alle effecten tegelijk", "gestopt", "5 min")),
        ("en", ("the next effect", "every effect at once", "stopped", "5 min")),
    ):
        html = report_html(results, lang)
        assert all(w in html for w in words), lang
        assert not re.search(r": (one|all|stop)<", html), lang
