"""The balance simulator on the command line, and custom strategies from the docs (issue 9)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from game.cli import main
from game.domain import STRATEGIES
from game.scenario.loader import SCENARIO_DIR
from tests.conftest import ROOT

SCENARIOS = sorted(path.stem for path in SCENARIO_DIR.glob("*.yaml"))


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    out = io.StringIO()
    status = main(args, out)
    return status, out.getvalue(), capsys.readouterr().err


def _example_strategy(tmp_path: Path) -> Path:
    """The example in docs/strategies.md, exactly as a trainer would copy it."""
    text = (ROOT / "docs" / "strategies.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(\"\"\".*?)```", text, re.DOTALL)
    assert code is not None
    path = tmp_path / "by_the_table.py"
    path.write_text(code.group(1), encoding="utf-8")
    return path


@pytest.mark.parametrize("scenario_id", SCENARIOS)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_simulate_prints_the_report_for_every_scenario_in_both_languages(
    scenario_id: str, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["simulate", scenario_id, "--runs", "3", "--strategies", "best,random,directing"]
    status, out, err = _run([*args, "--jobs", "1", "--lang", lang], capsys)
    assert status == 0, err
    heading = {"nl": "Fase per relatie", "en": "Phase per relation"}[lang]
    other = {"nl": "Phase per relation", "en": "Fase per relatie"}[lang]
    assert heading in out and other not in out
    for strategy in ("best", "random", "directing"):
        assert re.search(rf"^{strategy}\s", out, re.MULTILINE), strategy
    assert (
        ("Waarschuwingen:" if lang == "nl" else "Warnings:") in out
        or "No warnings" in out
        or ("Geen waarschuwingen" in out)
    )


def test_simulate_json_holds_phase_and_score_per_strategy(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = _run(
        ["simulate", "gemeente-middelgroot", "--runs", "4", "--json", "--jobs", "1"], capsys
    )
    assert status == 0, err
    document = json.loads(out)
    assert set(document["strategies"]) == set(STRATEGIES)
    for name in STRATEGIES:
        assert 1 <= document["strategies"][name]["phase"]["mean"] <= 4
        assert 0 <= document["strategies"][name]["score"]["mean"] <= 1000
    report = document["scenarios"]["gemeente-middelgroot"]
    best = report["strategies"]["best"]
    assert sum(best["phase"]["distribution"].values()) == pytest.approx(1.0)
    assert set(best["relations"]) == set(report["relations"])
    assert report["strategies"]["greedy"]["greedy_agreement"] is not None
    assert report["dominant"] in STRATEGIES


@pytest.mark.parametrize("length", ["short", "standard"])
def test_simulate_and_autoplay_play_the_same_length(
    length: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``simulate --length`` plays the games ``autoplay --length`` plays, seed for seed."""
    args = ["simulate", "politieregio", "--runs", "3", "--strategies", "group", "--json"]
    status, out, err = _run([*args, "--jobs", "1", "--length", length], capsys)
    assert status == 0, err
    report = json.loads(out)["scenarios"]["politieregio"]
    assert report["length"] == length
    phases, scores = [], []
    for seed in range(3):
        autoplay = ["autoplay", "politieregio", "--length", length, "--strategy", "group"]
        status, out, err = _run([*autoplay, "--json", "--seed", str(seed)], capsys)
        assert status == 0, err
        final = json.loads(out)["final"]
        phases.append(final["phase_level"])
        scores.append(final["score"])
    group = report["strategies"]["group"]
    assert group["phase"]["mean"] == pytest.approx(sum(phases) / 3, abs=1e-3)
    assert group["score"]["mean"] == pytest.approx(sum(scores) / 3, abs=0.05)


def test_simulate_every_length_reports_each_scenario_once_per_length(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["simulate", "raadsgriffie", "--runs", "2", "--strategies", "best", "--json"]
    status, out, err = _run([*args, "--jobs", "1", "--length", "all"], capsys)
    assert status == 0, err
    reports = json.loads(out)["scenarios"]
    assert set(reports) == {f"raadsgriffie/{n}" for n in ("short", "standard", "full")}
    assert {r["length"] for r in reports.values()} == {"short", "standard", "full"}


def test_simulate_gives_the_same_games_in_one_process_or_two(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["simulate", "raadsgriffie", "--runs", "6", "--strategies", "best,random", "--json"]
    one = json.loads(_run([*args, "--jobs", "1"], capsys)[1])
    two = json.loads(_run([*args, "--jobs", "2"], capsys)[1])
    assert one == two


def test_a_custom_strategy_written_from_the_docs_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _example_strategy(tmp_path)
    status, out, err = _run(
        [
            "simulate",
            "gemeente-middelgroot",
            "--runs",
            "5",
            "--strategies",
            "best,random",
            "--strategy-file",
            str(path),
            "--json",
            "--jobs",
            "1",
        ],
        capsys,
    )
    assert status == 0, err
    report = json.loads(out)["scenarios"]["gemeente-middelgroot"]["strategies"]
    custom = report["file:by_the_table"]
    assert custom["errors"] == []
    # Playing the owner × relation table is thinking too: far above random.
    assert custom["phase"]["mean"] > report["random"]["phase"]["mean"]
    assert custom["fit_rate"] > 0.8


def test_a_strategy_that_breaks_the_rules_is_reported_with_round_and_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "greedy_for_hours.py"
    path.write_text(
        "def decide(view):\n"
        "    roles = {i.id: 'directing' for i in view.initiatives}\n"
        "    actions = [a.id for a in view.actions]\n"
        "    return {'roles': roles, 'actions': actions}\n",
        encoding="utf-8",
    )
    status, out, err = _run(
        [
            "simulate",
            "gemeente-middelgroot",
            "--runs",
            "2",
            "--strategies",
            "best",
            "--strategy-file",
            str(path),
            "--jobs",
            "1",
        ],
        capsys,
    )
    assert status == 0, err
    assert "Strategy 'file:greedy_for_hours' broke the rules: round 1:" in out


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("def decide(view)\n    return {}\n", "could not be run"),
        ("def choose(view):\n    return {}\n", "decide(view)"),
    ],
)
def test_a_strategy_file_that_cannot_be_used_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, reason: str
) -> None:
    path = tmp_path / "broken.py"
    path.write_text(text, encoding="utf-8")
    status, _, err = _run(["simulate", "--runs", "1", "--strategy-file", str(path)], capsys)
    assert status == 2
    assert reason in err and "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["simulate", "--strategies", "best,lucky"],
        ["simulate", "--runs", "0"],
        ["simulate", "--jobs", "-1"],
        ["simulate", "nowhere-to-be-found"],
    ],
)
def test_bad_simulate_arguments_give_the_usage(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = _run(args, capsys)
    assert status == 2
    assert "usage:" in err and "Traceback" not in err


def test_every_field_of_the_view_is_documented() -> None:
    """A trainer writes a strategy from docs/strategies.md alone: no field may be missing there."""
    from dataclasses import fields

    from game.sim import view

    text = (ROOT / "docs" / "strategies.md").read_text(encoding="utf-8")
    classes = (
        view.TeamView,
        view.InitiativeView,
        view.RoleView,
        view.ChannelView,
        view.ActionView,
        view.OutcomeView,
    )
    missing = [
        f"{cls.__name__}.{f.name}"
        for cls in classes
        for f in fields(cls)
        if f"`{f.name}`" not in text
    ]
    assert missing == []


def test_letting_go_risk_follows_trust_as_the_docs_say() -> None:
    """The docs give letting go's risk at trust 45 and 20 in the first round; keep them true."""
    from game.domain import Indicator
    from game.scenario.loader import load_scenario
    from game.sim.engine import new_game
    from game.sim.view import team_view

    scenario = load_scenario(SCENARIO_DIR / "gemeente-middelgroot.yaml")
    state = new_game(scenario, 1)
    risks = {}
    for trust in (45.0, 20.0):
        shown = state.clone()  # the core keeps what it read of a state: change a copy
        shown.indicators[Indicator.TRUST] = trust
        seen = team_view(shown, scenario)
        risks[trust] = seen.initiatives[0].roles["letting_go"].risk
    assert risks[45.0] == pytest.approx(0.16, abs=0.01)
    assert risks[20.0] == pytest.approx(0.32, abs=0.01)
    text = (ROOT / "docs" / "strategies.md").read_text(encoding="utf-8")
    assert "about 16% at trust 45 and about 32% at trust 20" in text
