"""The host's bookkeeping, without sockets: who is in, what each round sends, what comes back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.net.messages import (
    PROTOCOL,
    End,
    Hello,
    News,
    Opened,
    Pause,
    Ready,
    Refused,
    Reveal,
    Skip,
    Timer,
    Welcome,
    WorkshopInfo,
)
from game.net.workshop import CODE_LETTERS, MAX_TEAMS, Workshop, new_code, team_game_id
from game.results.files import decode
from game.scenario.models import Scenario
from tests.net.conftest import team_results

EVENTS = ("storm", "viraal")


def _hello(team: str, code: str = "ABCD", token: str = "", protocol: int = PROTOCOL) -> Hello:
    return Hello(protocol=protocol, code=code, team=team, token=token)


def _workshop(info: WorkshopInfo, teams: int | None = 3, results_dir: Path | None = None):
    return Workshop(info, "ABCD", 5, teams=teams, results_dir=results_dir, events=EVENTS)


def test_join_codes_are_drawn_from_letters_that_cannot_be_misread() -> None:
    codes = {new_code() for _ in range(50)}
    assert len(codes) > 45
    assert all(len(c) == 6 and set(c) <= set(CODE_LETTERS) for c in codes)
    assert not set("01IO") & set(CODE_LETTERS)


def test_a_team_joins_and_gets_its_game(info: WorkshopInfo) -> None:
    workshop = _workshop(info)
    welcome = workshop.join(_hello("  Team\tBlauw  "), "127.0.0.1:1")
    assert isinstance(welcome, Welcome)
    assert welcome.team == "Team Blauw"  # a name as shown: no tabs, single spaces
    assert welcome.workshop == info and welcome.opened == 0 and not welcome.ended
    assert welcome.game_id == team_game_id(info.workshop_id, "team blauw")
    assert len(welcome.token) == 32
    # A lower-case code typed off the projector is fine.
    assert isinstance(workshop.join(_hello("Rood", code=" abcd ")), Welcome)
    assert set(workshop.teams) == {"Team Blauw", "Rood"}


def test_a_wrong_code_or_protocol_is_refused_and_noted(info: WorkshopInfo) -> None:
    workshop = _workshop(info)
    assert workshop.join(_hello("Blauw", code="ABCE"), "10.0.0.9:5") == Refused(reason="code")
    assert workshop.join(_hello("Blauw", code="ABCDE")) == Refused(reason="code")
    assert workshop.join(_hello("Blauw", code="")) == Refused(reason="code")
    assert workshop.join(_hello("Blauw", code="ÄBCD")) == Refused(reason="code")
    assert workshop.join(_hello("Blauw", protocol=PROTOCOL + 1)) == Refused(reason="protocol")
    assert workshop.teams == {}
    assert len(workshop.refusals) == 5 and "10.0.0.9:5" in workshop.refusals[0]
    assert "(code)" in workshop.refusals[0]


def test_the_code_is_compared_in_constant_time(info: WorkshopInfo, monkeypatch) -> None:
    import hmac

    import game.net.workshop as module

    seen = []
    compare = hmac.compare_digest

    def spy(a, b):
        seen.append((a, b))
        return compare(a, b)

    monkeypatch.setattr(module.hmac, "compare_digest", spy)
    _workshop(info).join(_hello("Blauw", code="WXYZ"))
    assert seen and seen[0] == (b"WXYZ", b"ABCD")


def test_a_name_of_nothing_but_control_characters_is_refused(info: WorkshopInfo) -> None:
    assert _workshop(info).join(_hello("\x00\x01 \t")) == Refused(reason="bad_message")


def test_a_team_rejoins_with_its_token_even_while_it_seems_connected(info: WorkshopInfo) -> None:
    workshop = _workshop(info)
    first = workshop.join(_hello("Blauw"))
    assert isinstance(first, Welcome)
    again = workshop.join(_hello("blauw", token=first.token))  # case does not matter
    assert isinstance(again, Welcome)
    assert (again.team, again.game_id, again.token) == ("Blauw", first.game_id, first.token)
    assert len(workshop.teams) == 1


def test_a_taken_name_is_refused_while_its_team_is_connected(info: WorkshopInfo) -> None:
    workshop = _workshop(info)
    first = workshop.join(_hello("Blauw"))
    assert workshop.join(_hello("BLAUW")) == Refused(reason="name_taken")
    assert workshop.join(_hello("Blauw", token="0" * 32)) == Refused(reason="name_taken")
    assert "name_taken" in workshop.refusals[-1]
    # Once its line dropped, the same name may come back (a restarted laptop has no token).
    workshop.left("Blauw")
    assert not workshop.teams["Blauw"].connected
    back = workshop.join(_hello("Blauw"))
    assert isinstance(back, Welcome) and back.game_id == first.game_id
    assert workshop.teams["Blauw"].connected


def test_a_full_workshop_refuses_new_teams_but_not_returning_ones(info: WorkshopInfo) -> None:
    workshop = _workshop(info, teams=2)
    tokens = [workshop.join(_hello(name)).token for name in ("A", "B")]
    assert workshop.join(_hello("C")) == Refused(reason="full")
    assert isinstance(workshop.join(_hello("A", token=tokens[0])), Welcome)
    open_ = _workshop(info, teams=None)
    for number in range(MAX_TEAMS):
        assert isinstance(open_.join(_hello(f"team {number}")), Welcome)
    assert open_.join(_hello("one more")) == Refused(reason="full")


def test_an_ended_workshop_takes_no_new_team(info: WorkshopInfo) -> None:
    workshop = _workshop(info)
    token = workshop.join(_hello("A")).token
    assert workshop.end() == [(None, End())]
    assert workshop.join(_hello("B")) == Refused(reason="ended")
    welcome = workshop.join(_hello("A", token=token))
    assert isinstance(welcome, Welcome) and welcome.ended


def test_the_refusal_log_keeps_the_last_fifty_short_lines(info: WorkshopInfo) -> None:
    workshop = _workshop(info)
    for number in range(70):
        workshop.refuse(f"{number} " + "x" * 1000)
    assert len(workshop.refusals) == 50
    assert workshop.refusals[0].startswith("20 ") and max(map(len, workshop.refusals)) == 300


# --- rounds ---------------------------------------------------------------------------------------


def _three(info: WorkshopInfo, **kw) -> Workshop:
    workshop = _workshop(info, **kw)
    for name in ("A", "B", "C"):
        assert isinstance(workshop.join(_hello(name)), Welcome)
    return workshop


def test_the_news_of_a_round_is_sent_before_the_round_opens(info: WorkshopInfo) -> None:
    workshop = _three(info)
    assert workshop.open_next() == [(None, Opened(round=1))]
    out = workshop.open_next(("storm", "viraal"))
    kinds = [message.kind for _, message in out]
    assert kinds == ["news", "news", "open"], "a team must apply the news before deciding"
    assert out[0] == (None, News(round=2, event="storm"))
    assert out[-1] == (None, Opened(round=2))
    assert [n.event for n in workshop.news] == ["storm", "viraal"]
    assert workshop.teams["A"].news == ["storm", "viraal"]


def test_open_next_reveals_the_decided_round_first_and_stops_at_the_last(
    default_scenario: Scenario, info: WorkshopInfo
) -> None:
    workshop = _three(info)
    workshop.open_next()
    for name in ("A", "B"):
        workshop.ready(name, Ready(round=1, results=team_results(default_scenario, info, name)))
    assert not workshop.everyone_decided()
    workshop.ready("C", Ready(round=1, results=team_results(default_scenario, info, "C")))
    assert workshop.everyone_decided()
    out = workshop.open_next(("storm",))
    assert [m.kind for _, m in out] == ["reveal", "reveal", "reveal", "news", "open"]
    assert {name for name, m in out if m.kind == "reveal"} == {"A", "B", "C"}
    workshop.opened = 5
    assert workshop.open_next() == []


def test_news_for_every_team_or_for_one(info: WorkshopInfo) -> None:
    workshop = _three(info)
    assert workshop.inject("storm") == [], "no round is open yet"
    workshop.open_next()
    assert workshop.inject("storm") == [(None, News(round=1, event="storm"))]
    one = workshop.inject("viraal", ("B",))
    assert one == [("B", News(round=1, event="viraal", teams=["B"]))]
    assert workshop.teams["A"].news == ["storm"] and workshop.teams["B"].news == ["storm", "viraal"]
    assert workshop.inject("no_such_event") == []
    # News for a team that is not here goes to no one, never to every team instead.
    assert workshop.inject("viraal", ("Nobody",)) == []
    assert workshop.teams["A"].news == ["storm"]
    # A team joining (or rejoining) later hears the news meant for it, and only that.
    late = _workshop(info, teams=4)
    late.teams = workshop.teams
    late.news, late.opened = workshop.news, workshop.opened
    welcome = late.join(_hello("D"))
    assert [n.event for n in welcome.news] == ["storm"]
    workshop.left("B")
    back = workshop.join(_hello("B"))
    assert [n.event for n in back.news] == ["storm", "viraal"]


def test_reveal_team_by_team(default_scenario: Scenario, info: WorkshopInfo) -> None:
    workshop = _three(info)
    workshop.open_next()
    for name in ("A", "B", "C"):
        workshop.ready(name, Ready(round=1, results=team_results(default_scenario, info, name)))
    assert workshop.reveal("B") == [("B", Reveal(round=1))]
    assert workshop.reveal("B") == []
    assert workshop.reveal() == [("A", Reveal(round=1)), ("C", Reveal(round=1))]
    assert workshop.reveal() == []


def test_pause_timer_skip_and_end_go_to_every_team(info: WorkshopInfo) -> None:
    workshop = _three(info)
    assert workshop.skip() == [], "nothing to skip before the first round"
    workshop.open_next()
    assert workshop.pause(True) == [(None, Pause(paused=True))] and workshop.paused
    assert workshop.set_timer(-5) == [(None, Timer(seconds=0))]
    assert workshop.set_timer(300) == [(None, Timer(seconds=300))]
    assert workshop.skip() == [(None, Skip(round=1))]
    workshop.end()
    assert workshop.skip() == [] and workshop.open_next() == [] and workshop.inject("storm") == []


# --- results ------------------------------------------------------------------------------------


def test_results_are_kept_and_written_under_a_name_the_host_makes(
    default_scenario: Scenario, info: WorkshopInfo, tmp_path: Path
) -> None:
    folder = tmp_path / "results"
    folder.mkdir()
    workshop = _workshop(info, results_dir=folder)
    workshop.join(_hello("../../evil"))
    workshop.join(_hello("/etc/passwd"))
    workshop.open_next()
    for name in ("../../evil", "/etc/passwd"):
        results = team_results(default_scenario, info, name)
        workshop.ready(name, Ready(round=1, results=results))
    written = sorted(p.name for p in folder.iterdir())
    assert len(written) == 2
    assert all(p.startswith("results-") and p.endswith(".json") for p in written)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["results"]
    for team in workshop.teams.values():
        assert team.results_file is not None and team.results_file.parent == folder
        assert decode(team.results_file.read_bytes()).team == team.name
        assert team.decided == 1 and not team.finished


@pytest.mark.parametrize(
    "changes, why",
    [
        ({"game_id": "fedcba9876543210"}, "another game"),
        ({"seed": 8}, "another seed or length"),
        ({"length": "full"}, "another seed or length"),
        ({"scenario": "other"}, "another scenario"),
        ({"checksum": "sha256:0"}, "checksum"),
    ],
)
def test_results_of_another_game_are_refused_and_logged(
    default_scenario: Scenario, info: WorkshopInfo, tmp_path: Path, changes: dict, why: str
) -> None:
    workshop = _workshop(info, results_dir=tmp_path)
    workshop.join(_hello("A"))
    workshop.open_next()
    if "checksum" in changes:
        results = team_results(default_scenario, info, "A").replace('"sha256:', '"sha256:0')
    elif "scenario" in changes:
        document = json.loads(team_results(default_scenario, info, "A"))
        results = team_results(
            default_scenario, info, "A", scenario={**document["scenario"], "id": "other"}
        )
    else:
        results = team_results(default_scenario, info, "A", **changes)
    assert workshop.ready("A", Ready(round=1, results=results)) == []
    assert workshop.teams["A"].results is None and workshop.teams["A"].decided == 0
    assert list(tmp_path.iterdir()) == []
    assert "A: results refused" in workshop.refusals[-1] and why in workshop.refusals[-1]


def test_results_of_another_scenario_version_are_refused(
    default_scenario: Scenario, info: WorkshopInfo
) -> None:
    other = info.model_copy(update={"scenario_version": "1.0"})
    workshop = Workshop(other, "ABCD", 5, teams=1, events=EVENTS)
    workshop.join(_hello("A"))
    workshop.ready("A", Ready(round=1, results=team_results(default_scenario, other, "A")))
    assert workshop.refusals[-1].endswith("(another scenario)")


def test_results_that_are_not_a_results_file_are_refused(info: WorkshopInfo) -> None:
    workshop = _workshop(info)
    workshop.join(_hello("A"))
    for text in ("", "not json", "[]", '{"format": "netwerkende-gemeente-save"}', "\x00"):
        assert workshop.ready("A", Ready(round=1, results=text)) == []
    assert len(workshop.refusals) == 5
    assert workshop.ready("Stranger", Ready(round=1, results="{}")) == []


def test_the_comparison_has_every_team_whose_results_came(
    default_scenario: Scenario, info: WorkshopInfo, tmp_path: Path
) -> None:
    workshop = _three(info, results_dir=tmp_path)
    workshop.open_next()
    for name in ("A", "B"):
        workshop.ready(name, Ready(round=1, results=team_results(default_scenario, info, name)))
    comparison = workshop.comparison()
    assert sorted(team.name for team in comparison.teams) == ["A", "B"]
