"""Every message is checked before anything reads it: each way of being refused has a reason."""

from __future__ import annotations

import json

import pytest

from game.net.messages import (
    MAX_MESSAGE_BYTES,
    PROTOCOL,
    BadMessage,
    Hello,
    News,
    Opened,
    Ready,
    Refused,
    Welcome,
    WorkshopInfo,
    read_to_host,
    read_to_team,
    write,
)

HELLO = {"kind": "hello", "protocol": PROTOCOL, "code": "ABCD", "team": "Blauw"}
INFO = {
    "workshop_id": "0123456789abcdef",
    "scenario_id": "gemeente-middelgroot",
    "scenario_version": "2.0",
    "seed": 7,
    "length": "short",
}
WELCOME = {
    "kind": "welcome",
    "team": "Blauw",
    "token": "t",
    "game_id": "fedcba9876543210",
    "workshop": INFO,
    "opened": 1,
    "revealed": 0,
}


def test_every_message_travels_as_json_and_comes_back_the_same() -> None:
    for message in (Hello(**{k: v for k, v in HELLO.items() if k != "kind"}),):
        assert read_to_host(write(message)) == message
    ready = Ready(round=3, finished=True, results='{"a": 1}')
    assert read_to_host(write(ready)) == ready
    assert read_to_host(write(ready).encode()) == ready
    welcome = Welcome.model_validate(WELCOME)
    for message in (welcome, Refused(reason="code"), Opened(round=2), News(round=2, event="storm")):
        assert read_to_team(write(message)) == message


def _refused(reader, raw) -> str:
    with pytest.raises(BadMessage) as caught:
        reader(raw)
    reason = str(caught.value)
    assert reason and "\n" not in reason and len(reason) <= 200
    return reason


def test_a_message_over_the_limit_is_refused_before_it_is_parsed() -> None:
    big = json.dumps({**HELLO, "team": "x" * MAX_MESSAGE_BYTES})
    assert "too big" in _refused(read_to_host, big)
    assert "too big" in _refused(read_to_team, big.encode())
    # The limit is in bytes: a text of fewer characters but more bytes is too big as well.
    assert "too big" in _refused(read_to_host, "é" * (MAX_MESSAGE_BYTES // 2 + 1))


@pytest.mark.parametrize(
    "raw", ["", "not json", "{", '{"kind": "hello"', b"\xff\xfe\x00garbage", "[1, 2]", "null", "42"]
)
def test_what_is_not_a_json_object_is_refused(raw) -> None:
    _refused(read_to_host, raw)
    _refused(read_to_team, raw)


@pytest.mark.parametrize("kind", ["launch", "", None, 3, "welcome", "HELLO"])
def test_an_unknown_kind_is_refused(kind) -> None:
    # A host's kind is unknown to a host too: a team may only say hello and ready.
    _refused(read_to_host, json.dumps({**HELLO, "kind": kind}))
    _refused(read_to_host, json.dumps({k: v for k, v in HELLO.items() if k != "kind"}))
    _refused(read_to_team, json.dumps({**WELCOME, "kind": "hello" if kind == "welcome" else kind}))


def test_an_extra_field_is_refused_even_nested() -> None:
    assert "path" in _refused(read_to_host, json.dumps({**HELLO, "path": "/etc/passwd"}))
    _refused(read_to_team, json.dumps({**WELCOME, "workshop": {**INFO, "exec": "rm -rf /"}}))
    _refused(read_to_team, json.dumps({"kind": "end", "now": True}))


@pytest.mark.parametrize(
    "field, value",
    [
        ("team", "x" * 41),
        ("team", ""),
        ("code", "A" * 17),
        ("token", "t" * 65),
        ("protocol", "one"),
        ("team", 12),
    ],
)
def test_a_field_too_long_or_of_the_wrong_type_is_refused(field: str, value) -> None:
    reason = _refused(read_to_host, json.dumps({**HELLO, field: value}))
    assert field in reason


@pytest.mark.parametrize(
    "changes",
    [
        {"game_id": "../../etc/passwd"},
        {"game_id": "0123456789ABCDEF"},
        {"workshop": {**INFO, "workshop_id": "short"}},
        {"workshop": {**INFO, "scenario_id": "../evil"}},
        {"workshop": {**INFO, "scenario_id": "Gemeente"}},
        {"workshop": {**INFO, "length": "forever"}},
        {"workshop": {**INFO, "seed": -1}},
        {"opened": 100},
        {"news": [{"kind": "news", "round": 1, "event": "storm; rm -rf /"}]},
    ],
)
def test_a_field_off_its_pattern_or_range_is_refused(changes: dict) -> None:
    _refused(read_to_team, json.dumps({**WELCOME, **changes}))


def test_news_events_and_rounds_keep_to_their_patterns() -> None:
    _refused(read_to_team, json.dumps({"kind": "news", "round": 2, "event": "a/b"}))
    _refused(read_to_team, json.dumps({"kind": "news", "round": 2, "event": ""}))
    _refused(read_to_team, json.dumps({"kind": "open", "round": -1}))
    _refused(read_to_team, json.dumps({"kind": "refused", "reason": "because"}))
    _refused(read_to_team, json.dumps({"kind": "timer", "seconds": 10**9}))
    _refused(read_to_host, json.dumps({"kind": "ready", "round": 1}))  # no results
    assert read_to_team('{"kind": "news", "round": 2, "event": "storm"}') == News(
        round=2, event="storm"
    )


def test_messages_cannot_be_changed_once_read() -> None:
    hello = read_to_host(json.dumps(HELLO))
    with pytest.raises(ValueError):
        hello.team = "other"  # type: ignore[misc]
    assert isinstance(WorkshopInfo.model_validate(INFO), WorkshopInfo)
