"""Reading saves is bounded: whatever lies in the saves folder, listing and loading finish.

Guards against what issue 11 found: a number of over 4,300 digits raised a ValueError that
escaped the listing; a FIFO or an endless device named ``*.json`` froze the game (read before its
size was checked); a NUL in a team name loaded and broke every round screen, because the checksum
did not cover the envelope; a year-9999 date raised an OverflowError.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from game.saves import SaveError, SaveStore, load_save, new_game_id, read_save
from game.saves.codec import MAX_SAVE_BYTES
from game.scenario.models import Scenario
from tests.helpers.saves import finder, forged, played, rewrite


def _in_time(call, seconds: float = 10.0) -> Any:
    """Run ``call`` in a thread; fail the test (instead of hanging it) if it blocks."""
    result: list[Any] = []
    worker = threading.Thread(target=lambda: result.append(call()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"{call} blocked for more than {seconds} s"
    return result[0]


@pytest.fixture
def good(small: Scenario, tmp_path: Path) -> Path:
    """A save folder with one good autosave of the small scenario."""
    return SaveStore(tmp_path).autosave(played(small, 9, 2), small, "Team A", new_game_id())


def _write_raw_number(path: Path, digits: int) -> None:
    """The seed replaced by a number of ``digits`` digits (JSON allows it; Python balks)."""
    text = path.read_text(encoding="utf-8")
    text = text.replace('"seed":9,', f'"seed":{"9" * digits},', 1)
    assert str(9) * digits in text
    path.write_text(text, encoding="utf-8")


def test_a_number_of_thousands_of_digits_is_refused_and_listed(
    small: Scenario, good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = good.with_name("autosave-odd-0123456789abcdef.json")
    odd.write_bytes(good.read_bytes())
    _write_raw_number(odd, 5000)
    with pytest.raises(SaveError) as caught:
        read_save(odd)
    assert caught.value.kind == "number_too_large"
    assert "5000" in caught.value.reason and "5000" in caught.value.reason_nl
    store = SaveStore(good.parent)
    assert [i.path for i in store.list()] == [good]
    assert [e.path for e in store.broken()] == [odd]
    from game.cli import main

    assert main(["saves", "--saves", str(good.parent)]) == 0
    out = capsys.readouterr().out
    assert "autosave-odd-0123456789abcdef.json: This save holds a number" in out
    assert main(["load", str(odd), "--check"]) == 1
    assert "holds a number of 5000 characters" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_named_json_never_blocks_the_listing(good: Path) -> None:
    fifo = good.with_name("autosave-pipe.json")
    os.mkfifo(fifo)
    store = SaveStore(good.parent)
    listing = _in_time(store.scan)
    assert [i.path for i in listing.saves] == [good]
    [problem] = listing.broken
    assert problem.kind == "not_a_file" and "pipe" in problem.reason
    assert "pijp" in problem.reason_nl

    def read_fifo() -> SaveError:
        with pytest.raises(SaveError) as caught:
            read_save(fifo)
        return caught.value

    assert _in_time(read_fifo).kind == "not_a_file"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_link_to_an_endless_device_is_refused_without_reading(good: Path) -> None:
    link = good.with_name("slot-zero.json")
    link.symlink_to("/dev/zero")
    folder_link = good.with_name("autosave-folder.json")
    folder_link.mkdir()
    listing = _in_time(SaveStore(good.parent).scan)
    kinds = {e.path.name: e.kind for e in listing.broken}
    assert kinds == {"slot-zero.json": "not_a_file", "autosave-folder.json": "not_a_file"}
    assert "device" in next(e for e in listing.broken if e.path == link).reason


def test_a_huge_file_is_refused_by_its_size_before_reading(good: Path) -> None:
    huge = good.with_name("autosave-huge.json")
    with huge.open("wb") as handle:  # sparse: takes no disk, reads as gigabytes of zeros
        handle.truncate(4 * 1024**3)
    started = time.perf_counter()
    with pytest.raises(SaveError) as caught:
        read_save(huge)
    assert caught.value.kind == "too_large" and "4096 MB" in caught.value.reason
    assert time.perf_counter() - started < 5  # checked, not read
    just_over = good.with_name("autosave-over.json")
    just_over.write_bytes(b" " * (MAX_SAVE_BYTES + 1))
    with pytest.raises(SaveError) as caught:
        read_save(just_over)
    assert caught.value.kind == "too_large"


@pytest.mark.parametrize("depth", [60, 900, 100_000])
def test_deep_nesting_is_refused_with_a_reason(good: Path, depth: int) -> None:
    def nest(document: dict[str, Any]) -> None:
        deep: Any = 1
        for _ in range(depth):
            deep = [deep]
        document["body"]["plan"] = {"deep": deep}

    if depth > 1000:  # too deep for json.dumps itself: write the text by hand
        text = good.read_text(encoding="utf-8")
        text = text.replace('"seed":9,', '"seed":9,"deep":' + "[" * depth + "]" * depth + ",", 1)
        good.write_text(text, encoding="utf-8")
    else:
        forged(good, nest)
    with pytest.raises(SaveError) as caught:
        read_save(good)
    assert caught.value.kind == "damaged" and "nested too deeply" in caught.value.reason


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(team="Team\x00Rood"),
        lambda d: d.update(name="auto\x00save"),
        lambda d: d["scenario_title"].update(nl="Titel\x00"),
        lambda d: d["body"]["decisions"][0]["actions"].append("x\x00y"),
        lambda d: d["body"]["interventions"].append(
            {"round": 1, "kind": "timer", "subject": "\ud800"}
        ),
        lambda d: d["body"].update(plan={"roles": {"a\x00": "normative"}}),
    ],
    ids=["team", "name", "title", "body", "surrogate", "key"],
)
def test_a_nul_anywhere_is_refused(good: Path, small: Scenario, change) -> None:
    """Even by a forger who fixes the checksum: a NUL in a team name broke every round screen."""
    document = json.loads(good.read_text(encoding="utf-8"))
    change(document)
    from game.saves.migrations import document_checksum

    # A lone surrogate cannot even be checksummed: then the old checksum stays.
    with contextlib.suppress(UnicodeEncodeError):
        document["checksum"] = document_checksum(document)
    good.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(SaveError) as caught:
        load_save(good, finder(small))
    assert caught.value.kind == "control_character"
    assert "NUL" in caught.value.reason and "NUL" in caught.value.reason_nl


@pytest.mark.parametrize(
    "field", ["team", "name", "created", "kind", "game_id", "sequence", "scenario_file"]
)
def test_the_checksum_covers_the_envelope(good: Path, small: Scenario, field: str) -> None:
    value = {
        "team": "Team B",
        "name": "other",
        "created": "2020-01-01T00:00:00+00:00",
        "kind": "slot",
        "game_id": "ffffffffffffffff",
        "sequence": 999,
        "scenario_file": "/elsewhere/test.yaml",
    }[field]
    rewrite(good, lambda d: d.update({field: value}), fix_checksum=False)
    with pytest.raises(SaveError) as caught:
        load_save(good, finder(small))
    assert caught.value.kind == "checksum"


@pytest.mark.parametrize(
    "created",
    [
        "9999-12-31T23:59:59-14:00",
        "9999-12-31T23:59:59+00:00",
        "0001-01-01T00:00:00+14:00",
        "1900-01-01T00:00:00+00:00",
    ],
)
def test_dates_out_of_range_are_refused_and_never_break_a_listing(
    good: Path, created: str, capsys: pytest.CaptureFixture[str]
) -> None:
    forged(good, lambda d: d.update(created=created))
    with pytest.raises(SaveError) as caught:
        read_save(good)
    assert caught.value.kind == "invalid" and "created" in caught.value.reason
    store = SaveStore(good.parent)
    assert store.list() == [] and [e.path for e in store.broken()] == [good]
    from game.cli import main

    assert main(["saves", "--saves", str(good.parent)]) == 0
    assert "Cannot be used:" in capsys.readouterr().out


def test_listing_never_raises_whatever_lies_in_the_folder(good: Path, small: Scenario) -> None:
    """One of each odd file at once: the good save is still listed and 'continue' still works."""
    folder = good.parent
    (folder / "slot-empty.json").write_bytes(b"")
    (folder / "slot-binary.json").write_bytes(bytes(range(256)))
    (folder / "slot-list.json").write_text("[1, 2, 3]", encoding="utf-8")
    (folder / "slot-nan.json").write_text('{"format": NaN}', encoding="utf-8")
    (folder / "slot-big.json").write_text("1" * 5000, encoding="utf-8")
    (folder / "slot-float.json").write_text('{"a": 1' + "0" * 5000 + ".5}", encoding="utf-8")
    (folder / "slot-gone.json").symlink_to(folder / "nowhere.json")
    store = SaveStore(folder)
    listing = _in_time(store.scan)
    assert [i.path for i in listing.saves] == [good]
    assert len(listing.broken) == 7
    assert all(e.reason and e.reason_nl for e in listing.broken)
    latest = store.latest_autosave()
    assert latest is not None and latest.path == good


def test_an_unreadable_saves_folder_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small: Scenario
) -> None:
    folder = tmp_path / "saves"
    SaveStore(folder).autosave(played(small, 1, 1), small, "A", new_game_id())
    real = os.scandir

    def refused(path: Any = ".") -> Any:
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", refused)
    store = SaveStore(folder)
    listing = store.scan()
    assert listing.problem is not None and listing.problem.kind == "folder_unreadable"
    assert "cannot be read (Permission denied)" in listing.problem.reason
    with pytest.raises(SaveError):
        store.latest_autosave()


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root reads any folder")
def test_a_saves_folder_without_permission_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    folder.chmod(0)
    try:
        listing = SaveStore(folder).scan()
        assert listing.problem is not None and listing.problem.kind == "folder_unreadable"
    finally:
        folder.chmod(0o755)
