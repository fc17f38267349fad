"""Issue 12: results files, the comparison of teams, and the take-home pages (without a browser;
tests/test_issue12_browser.py opens them in Chromium)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.cli import main
from game.results import ResultsError, build_results, read_results, results_name, write_results
from game.results.compare import compare_files, compare_results
from game.results.files import MAX_RESULTS_BYTES, decode, encode
from game.results.report import _all_texts, compare_html, report_html
from game.saves import SaveStore, new_game_id
from game.saves.migrations import document_checksum
from game.scenario.models import Scenario
from game.sim import play
from game.sim.facilitator import end_early, inject_event, skip_round
from game.sim.state import GameState
from tests.save_helpers import played


@pytest.fixture(scope="module")
def games(default_scenario: Scenario) -> dict[str, GameState]:
    return {
        "best": play(default_scenario, 7, "best"),
        "random": play(default_scenario, 7, "random"),
        "participating": play(default_scenario, 7, "participating"),
    }


def _write(folder: Path, state: GameState, scenario: Scenario, team: str, **kw) -> Path:
    document = build_results(state, scenario, team, kw.pop("game_id", new_game_id()), **kw)
    return write_results(folder / results_name(team, document["game_id"]), document)


def test_issue12_a_results_file_holds_what_the_issue_asks(
    games: dict[str, GameState], default_scenario: Scenario, tmp_path: Path
) -> None:
    state = games["best"]
    path = _write(tmp_path, state, default_scenario, "Team Rood", length="standard")
    assert path.name.startswith("results-team-rood-") and path.suffix == ".json"
    results = read_results(path)
    assert results.team == "Team Rood" and results.length == "standard"
    assert (results.scenario.id, results.scenario.version) == ("gemeente-middelgroot", "2.0")
    assert results.seed == 7 and results.finished and not results.ended_early
    assert len(results.rounds) == default_scenario.rounds == results.rounds_played
    first = results.rounds[0]
    assert first.decisions and first.indicators and first.relation_phase
    decision = first.decisions[0]
    original = state.history[0].decisions.initiatives[0]
    assert decision.initiative == original.initiative and decision.role == original.role
    assert decision.prediction == original.prediction
    assert decision.outcome_text is not None and decision.outcome_text.nl
    assert results.final.score.total == json.loads(path.read_text())["final"]["score"]["total"]
    assert results.final.score.title.nl and results.final.relation_phase
    # People read these files too: indented, UTF-8.
    assert "\n " in path.read_text(encoding="utf-8")


def test_issue12_results_are_checked_like_saves(
    games: dict[str, GameState], default_scenario: Scenario, tmp_path: Path
) -> None:
    good = _write(tmp_path, games["best"], default_scenario, "Team")
    document = json.loads(good.read_text(encoding="utf-8"))

    def variant(name: str, change) -> Path:
        data = json.loads(json.dumps(document))
        change(data)
        path = tmp_path / name
        path.write_text(json.dumps(data), encoding="utf-8")
        return path

    cases = {
        "edited": (variant("edited.json", lambda d: d.update(team="Team Winnaar")), "checksum"),
        "newer": (
            variant(
                "newer.json",
                lambda d: d.update(
                    format_version=2, checksum=document_checksum({**d, "format_version": 2})
                ),
            ),
            "newer_format",
        ),
        "cut": (tmp_path / "cut.json", "truncated"),
        "empty": (tmp_path / "empty.json", "truncated"),
        "binary": (tmp_path / "binary.json", "unknown_format"),
        "list": (tmp_path / "list.json", "unknown_format"),
        "huge_number": (tmp_path / "number.json", "damaged"),
        "folder": (tmp_path / "folder.json", "not_a_file"),
        "missing": (tmp_path / "missing.json", "not_found"),
        "too_large": (tmp_path / "large.json", "too_large"),
    }
    (tmp_path / "cut.json").write_bytes(good.read_bytes()[:500])
    (tmp_path / "empty.json").write_bytes(b"")
    (tmp_path / "binary.json").write_bytes(b"\xff\xfe\x00PNG")
    (tmp_path / "list.json").write_text("[1, 2]")
    (tmp_path / "number.json").write_text('{"format": ' + "9" * 5000 + "}")
    (tmp_path / "folder.json").mkdir()
    (tmp_path / "large.json").write_bytes(b" " * (MAX_RESULTS_BYTES + 10))
    for name, (path, kind) in cases.items():
        with pytest.raises(ResultsError) as caught:
            read_results(path)
        assert caught.value.kind == kind, name
        assert caught.value.explain("nl") and caught.value.explain("en")

    forged = json.loads(json.dumps(document))
    forged["final"]["score"]["total"] = 4000
    forged["checksum"] = document_checksum(forged)
    with pytest.raises(ResultsError) as caught:
        decode(encode(forged))
    assert caught.value.kind == "invalid" and "final.score.total" in caught.value.reason


def test_issue12_a_save_is_not_a_results_file_and_says_so(
    games: dict[str, GameState], default_scenario: Scenario, tmp_path: Path
) -> None:
    path = SaveStore(tmp_path).autosave(games["best"], default_scenario, "Team", new_game_id())
    with pytest.raises(ResultsError) as caught:
        read_results(path)
    assert "save" in caught.value.reason


def test_issue12_compare_leaves_out_bad_files_and_other_games_with_the_reason(
    games: dict[str, GameState], default_scenario: Scenario, tmp_path: Path
) -> None:
    scenario = default_scenario
    rood = _write(tmp_path, games["best"], scenario, "Team Rood")
    blauw = _write(tmp_path, games["random"], scenario, "Team Blauw")
    groen = _write(tmp_path, games["participating"], scenario, "Team Rood")  # same name
    other_seed = _write(tmp_path, play(scenario, 8, "best"), scenario, "Team Zaad")
    short = _write(tmp_path, games["best"], scenario, "Team Kort", length="short")
    broken = tmp_path / "broken.json"
    broken.write_text("{ nope")
    game_id = new_game_id()
    halfway = _write(
        tmp_path, played(scenario, 7, 4, "best"), scenario, "Team Geel", game_id=game_id
    )
    whole = _write(tmp_path / "usb", games["best"], scenario, "Team Geel", game_id=game_id)
    comparison = compare_files([rood, blauw, groen, other_seed, short, broken, halfway, whole])
    names = [team.name for team in comparison.teams]
    assert names == ["Team Rood", "Team Blauw", "Team Rood (2)", "Team Geel"]
    assert comparison.teams[-1].path == whole  # the copy that got furthest
    reasons = {item.path.name: item.explain("en") for item in comparison.left_out}
    assert "seed" in reasons[other_seed.name]
    assert "length" in reasons[short.name]
    assert "damaged" in reasons[broken.name]
    assert "same game" in reasons[halfway.name]
    assert all(item.explain("nl") for item in comparison.left_out)
    rows = comparison.initiative_rows()
    assert rows and all(len(row.choices) == 4 for row in rows)
    assert any(row.differed for row in rows)
    # A folder (a USB stick's results/) is read whole; another scenario is left out.
    raad = play_other(tmp_path)
    folder = compare_files([tmp_path / "usb", raad])
    assert [t.name for t in folder.teams] == ["Team Geel"]
    assert "scenario" in folder.left_out[0].explain("en")
    assert compare_results([]).teams == []


def play_other(tmp_path: Path) -> Path:
    from game.scenario.loader import load_scenario, scenario_path

    scenario = load_scenario(scenario_path("raadsgriffie"))
    return _write(tmp_path, play(scenario, 7, "best"), scenario, "Griffie")


def test_issue12_results_of_a_game_the_facilitator_steered(
    default_scenario: Scenario, tmp_path: Path
) -> None:
    from game.sim import new_game

    scenario = default_scenario
    state = new_game(scenario, 3)
    state, _ = inject_event(state, scenario, "storm")
    state, _ = skip_round(state, scenario, state.rng())
    state = end_early(state)
    results = read_results(_write(tmp_path, state, scenario, "Team"))
    assert results.ended_early and results.rounds_played == 1 and results.rounds[0].skipped
    assert [i.kind.value for i in results.interventions] == ["inject", "skip", "end"]
    html = report_html(results, "nl")
    assert "De spelleider beëindigde het spel eerder." in html
    assert "Deze ronde sloeg de spelleider over." in html


def test_issue12_report_pages_are_self_contained_and_in_the_language_asked(
    games: dict[str, GameState], default_scenario: Scenario, tmp_path: Path
) -> None:
    results = read_results(_write(tmp_path, games["random"], default_scenario, "Team <b>Rood</b>"))
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
        first = results.rounds[0].decisions[0]
        assert first.outcome_text is not None
        assert _escaped(first.outcome_text.get(lang)) in html
    comparison = compare_results([(None, results)])
    page = compare_html(comparison, "en")
    assert "Teams side by side" in page and "<script" not in page.lower()


def _escaped(text: str) -> str:
    from markupsafe import escape  # as the templates escape

    return str(escape(text))


def test_issue12_every_page_text_has_both_languages() -> None:
    for key, value in _all_texts().items():
        assert value["nl"].strip() and value["en"].strip(), key
    # A comma in an unquoted flow mapping once cut a heading to its first word.
    assert _all_texts()["chart_indicators"]["en"] == "Trust, energy and the organisation"


def test_issue12_report_carries_the_branding(
    games: dict[str, GameState], default_scenario: Scenario, tmp_path: Path
) -> None:
    from game.packs import load_pack

    folder = tmp_path / "pack"
    assert main(["pack", "new", str(folder), "--id", "waterschap"]) == 0
    pack = load_pack(folder)
    results = read_results(_write(tmp_path, games["best"], default_scenario, "Team"))
    html = report_html(results, "nl", pack)
    assert pack.name.nl in html
    if pack.logo is not None:
        assert "data:image/png;base64," in html


def test_issue12_cli_autoplay_results_compare_and_report(tmp_path: Path, capsys) -> None:
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
def test_issue12_bad_arguments_exit_2_with_the_usage(
    argv: list[str], tmp_path: Path, capsys
) -> None:
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


def test_issue12_a_bad_file_given_to_report_fails_with_the_reason(tmp_path: Path, capsys) -> None:
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
