"""End-of-game words follow the kind of organisation (issue 20): a water board's game ends as a
water board's, in the autoplay summary, its JSON, the results file, the report and the
comparison, never as a "Lerende gemeente". A results file from before keeps a municipality's
words."""

from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path

import pytest

from game.cli import main
from game.results import read_results
from game.results.compare import compare_results
from game.results.compare_page import compare_html
from game.results.files import decode, encode
from game.results.models import FORMAT_NAME
from game.results.report import report_html
from game.saves.migrations import document_checksum

PRODUCT = "Netwerkende Gemeente"  # the game's own name, not the organisation's


def _main(*args: str) -> str:
    out = io.StringIO()
    assert main(list(args), out) == 0, out.getvalue()
    return out.getvalue()


def _page_words(page: str) -> str:
    """What a reader sees: the text without styles, pictures and the game's own name."""
    page = re.sub(r"<style.*?</style>|<svg.*?</svg>", " ", page, flags=re.S)
    words = html.unescape(re.sub(r"<[^>]+>", " ", page)).replace(PRODUCT, "")
    return re.sub(r"\s+", " ", words)


def _says_municipality(text: str) -> list[str]:
    return re.findall(r".{0,50}(?:gemeente|municipal).{0,30}", text, re.I)


@pytest.fixture(scope="module")
def water_board(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path | str]:
    """The water board's starter, played by the best bot: its summaries and results file."""
    folder = tmp_path_factory.mktemp("water_board")
    scenario = folder / "peilbeheer.yaml"
    _main("new", "peilbeheer", "--kind", "water_board", "--out", str(scenario))
    results = folder / "team.json"
    summary = _main("autoplay", str(scenario), "--seed", "7", "--lang", "nl")
    _main("autoplay", str(scenario), "--seed", "7", "--results", str(results))
    return {
        "scenario": scenario,
        "results": results,
        "summary_nl": summary,
        "summary_en": _main("autoplay", str(scenario), "--seed", "7"),
        "json": _main("autoplay", str(scenario), "--seed", "7", "--json"),
    }


def test_a_water_board_ends_as_a_water_board(water_board: dict) -> None:
    """The best bot reaches a title with the organisation in it; it is the water board's."""
    results = read_results(water_board["results"])
    title = results.final.score.title
    assert results.scenario.kind is not None and results.scenario.kind.value == "water_board"
    assert "waterschap" in title.nl.lower() and "water board" in title.en.lower(), title
    assert f"/ 1000: {title.nl};" in water_board["summary_nl"]
    assert f"/ 1000: {title.en};" in water_board["summary_en"]
    detail = json.loads(water_board["json"])["final"]["score_detail"]["title"]
    assert detail == {"nl": title.nl, "en": title.en}
    for text in (water_board["summary_nl"], water_board["summary_en"], water_board["json"]):
        assert _says_municipality(text) == []
    # The file's own name and the owner's value (as in the scenario) are data, not words.
    kept = water_board["results"].read_text(encoding="utf-8").replace(FORMAT_NAME, "")
    kept = kept.replace('"owner":"municipality"', "")
    assert _says_municipality(kept) == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_water_boards_pages_never_call_it_a_municipality(
    water_board: dict, lang: str, tmp_path: Path
) -> None:
    page = tmp_path / "report.html"
    _main("report", str(water_board["results"]), "--out", str(page), "--lang", lang)
    words = _page_words(page.read_text(encoding="utf-8"))
    assert _says_municipality(words) == []
    own, title = ("waterschap", "Lerend waterschap") if lang == "nl" else ("water board", "")
    assert own in words.lower() and title in words
    # The initiatives of its own are the water board's ("✓ past waterschap · klant ·").
    assert re.search(rf"\b{own} · (klant|customer) ·", words.lower())
    results = read_results(water_board["results"])
    compared = _page_words(compare_html(compare_results([(None, results)]), lang))  # type: ignore[arg-type]
    assert _says_municipality(compared) == []
    assert results.final.score.title.get(lang) in compared


def test_a_results_file_from_before_the_kind_reads_as_a_municipalitys(water_board: dict) -> None:
    """Files written before issue 20 have no kind: they still read, and say "gemeente"."""
    document = json.loads(water_board["results"].read_text(encoding="utf-8"))
    del document["scenario"]["kind"]
    document["checksum"] = document_checksum(document)
    older = decode(encode(document))
    assert older.scenario.kind is None
    words = _page_words(report_html(older, "nl"))
    assert "De gemeente als geheel" in words


def test_the_outline_names_the_water_boards_own_initiatives(water_board: dict) -> None:
    """A trainer's plan of the starter says "eigenaar waterschap", as the game will."""
    plan = _main("outline", str(water_board["scenario"]), "--lang", "nl")
    assert "eigenaar waterschap, relatie klant" in plan
    assert _says_municipality(plan) == []
