"""Memory that stays flat over a game (issue 22): what a scene drops is freed when it is dropped,
the text pictures kept for reuse stay within their budget, the comparison shows what a room can
discuss, and the scenario list is read while the title shows, not in the frame that opens it."""

from __future__ import annotations

import gc
import weakref
from html import escape
from pathlib import Path

import pygame
import pytest

from game.ui import look
from tests.helpers.ui import start_app


@pytest.fixture
def pilot(monkeypatch, tmp_path):
    harness = start_app(monkeypatch, tmp_path, lang="nl", size=(1920, 1080))
    yield harness
    harness.app.close()


def _text_boxes(app) -> list[object]:
    from pygame_gui.elements import UITextBox

    return [w for w in app.ui.get_sprite_group().sprites() if isinstance(w, UITextBox)]


def _turn_until_freed(pilot, refs: list) -> int:
    """Help pages turned until the widgets behind ``refs`` are gone; how many turns it took."""
    for turns in range(1, 9):
        pilot.press(pygame.K_RIGHT)
        pilot.advance(2)
        if all(ref() is None for ref in refs):
            return turns
    return 0


def test_help_pages_turned_are_freed_once_their_pictures_add_up(pilot):
    """pygame_gui's text boxes hold themselves in cycles; without a collection when widgets are
    dropped, every page turned kept its pictures (20 MB at 1920×1080) until Python happened to
    collect. Automatic collection is off here, so only the window's own collection frees them:
    within a page or two, and never more than a collection's worth waits."""
    from game.ui.memory import COLLECT_AFTER_BYTES

    app = pilot.app
    pilot.press(pygame.K_F1)
    pilot.advance(2)
    boxes = _text_boxes(app)
    assert boxes, "the help page shows its text in text boxes"
    gone = [weakref.ref(box) for box in boxes]
    del boxes
    gc.disable()
    try:
        turns = _turn_until_freed(pilot, gone)
        assert 1 <= turns <= 2, turns
        assert app.scene.name == "help" and _text_boxes(app)
        assert app.ui.dropped_bytes < COLLECT_AFTER_BYTES
    finally:
        gc.enable()


def test_small_drops_wait_for_a_collections_worth(monkeypatch, tmp_path):
    """A frame that drops a few buttons does not pay for a collection; the bytes add up."""
    from game.ui.memory import COLLECT_AFTER_BYTES

    pilot = start_app(monkeypatch, tmp_path, size=(1280, 720))
    app = pilot.app
    app.ui.dropped_bytes = 0
    app.scene.rebuild()  # the title's buttons: far less than a collection's worth
    dropped = app.ui.dropped_bytes
    assert 0 < dropped < COLLECT_AFTER_BYTES
    app.ui.dropped_bytes = COLLECT_AFTER_BYTES - 1
    collections = gc.get_stats()[2]["collections"]
    app.scene.rebuild()
    assert app.ui.dropped_bytes == 0 and gc.get_stats()[2]["collections"] > collections
    app.close()


def test_leaving_a_scene_frees_its_widgets_by_the_next_change(pilot):
    app = pilot.app
    pilot.press(pygame.K_F1)
    pilot.advance(2)
    gone = [weakref.ref(box) for box in _text_boxes(app)]
    gc.disable()
    try:
        pilot.press(pygame.K_ESCAPE)  # back to the title: the help scene is dropped
        pilot.press(pygame.K_F2)  # settings: the title's widgets dropped, with the help's
        pilot.advance(2)
        assert app.scene.name == "settings"
        assert [ref() for ref in gone] == [None] * len(gone)
    finally:
        gc.enable()


def test_text_pictures_kept_stay_within_their_budget(monkeypatch):
    """Kept by bytes, the least recently drawn first: 2,048 lines at 1920×1080 and 140% were
    100 MB, and a game grew by that much (issue 22)."""
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    pygame.init()
    monkeypatch.setattr(look, "_RENDERED", type(look._RENDERED)())
    monkeypatch.setattr(look, "_rendered_bytes", 0)
    monkeypatch.setattr(look, "_RENDERED_BUDGET", 8 * 2**20)
    font = look.Fonts(2.1).get(22)
    first = look.rendered(font, "regel 0 " * 8, (255, 255, 255))
    for n in range(1, 400):
        look.rendered(font, f"regel {n} " * 8, (255, 255, 255))
        assert look.rendered(font, "regel 0 " * 8, (255, 255, 255)) is first  # used: kept
    kept = sum(look._pixel_bytes(image) for image in look._RENDERED.values())
    assert kept == look._rendered_bytes <= 8 * 2**20
    assert 10 < len(look._RENDERED) < 400
    assert (font, "regel 1 " * 8, (255, 255, 255)) not in look._RENDERED  # the oldest went


def test_the_comparison_shows_the_telling_differences_and_counts_the_rest(monkeypatch, tmp_path):
    from game.results.compare import compare_files
    from game.scenario.loader import load_scenario
    from game.sim import play
    from game.ui.scenes.workshop.compare import SHOWN_DIFFERENCES, _fit
    from tests.helpers.results import write_team_results

    scenario = load_scenario()
    files = [
        write_team_results(tmp_path, play(scenario, 5, strategy), scenario, name)
        for name, strategy in (("Rood", "best"), ("Blauw", "directing"))
    ]
    rows = [row for row in compare_files(files, []).initiative_rows() if row.differed]
    assert len(rows) > SHOWN_DIFFERENCES
    pilot = start_app(monkeypatch, tmp_path, lang="en", size=(1920, 1080))
    app = pilot.app
    try:
        app.go(app.scenes.compare, files)
        pilot.advance(2)
        html = app.scene._differences_html()
        shown = [row for row in rows if f"<b>{escape(row.title('en'))}</b>" in html]
        assert len(shown) == SHOWN_DIFFERENCES
        more = len(rows) - SHOWN_DIFFERENCES
        assert f"… and {more} more in the web page this screen saves." in html
        # Those where one team's role fitted and the other's did not come first.
        split = [r for r in rows if len({_fit(c) for c in r.choices if c is not None}) > 1]
        if len(split) >= SHOWN_DIFFERENCES:
            assert shown == split[:SHOWN_DIFFERENCES]
        else:
            assert all(row in shown for row in split)
        assert app.errors == []
    finally:
        app.close()


def test_the_scenario_list_is_read_while_the_title_shows(monkeypatch, tmp_path: Path):
    """Reading the six scenarios took 0.3 s in the frame that opened the list (issue 22)."""
    from game.scenario import loader
    from game.scenario.loader import SCENARIO_DIR
    from game.ui.scenes.start import scenario_list

    monkeypatch.setattr(scenario_list, "SCENARIOS_READ", {})
    pilot = start_app(monkeypatch, tmp_path, size=(1280, 720))
    app = pilot.app
    try:
        assert not app.warmth.done  # not while anyone could be waiting for a frame
        app.invalidate()
        pilot.advance(1)
        app._active_until = 0.0  # a while since the last input
        pilot.advance(1)
        assert app.warmth.done  # the first idle moment starts it
        app.read_scenarios_ahead()
        shipped = sorted(SCENARIO_DIR.glob("*.yaml"))
        assert set(shipped) <= set(app.scenario_cache)
        read = []
        original = loader.scenario_info
        monkeypatch.setattr(loader, "scenario_info", lambda *a: read.append(a) or original(*a))
        pilot.click_button("New game")
        assert pilot.scene == "scenario_choice"
        assert read == []  # nothing read again: every file was read ahead, and unchanged
        assert len(app.scene.entries) == len(shipped)
    finally:
        app.close()


def test_settling_on_the_title_keeps_no_scene_for_the_session(pilot):
    """Once the list is read, the window freezes what it loaded out of later collections, on the
    title only, and makes the title again: a frozen scene would keep its widgets for good."""
    app = pilot.app
    app.warm_up()
    app.read_scenarios_ahead()
    gone = weakref.ref(app.scene)
    frozen = gc.get_freeze_count()
    app.warmth.settle()
    pilot.advance(2)
    assert app.warmth.settled and gc.get_freeze_count() > frozen
    assert app.scene is not gone() and app.scene.name == "title"
    pilot.press(pygame.K_F1)  # the title's widgets dropped: the first title is long gone
    pilot.advance(2)
    assert gone() is None
    boxes = [weakref.ref(box) for box in _text_boxes(app)]
    gc.disable()
    try:
        assert 1 <= _turn_until_freed(pilot, boxes) <= 2  # still freed when dropped
    finally:
        gc.enable()


def test_settling_waits_for_the_title(pilot):
    app = pilot.app
    app.warm_up()
    app.read_scenarios_ahead()
    pilot.press(pygame.K_F2)  # settings: not the title
    app.warmth.settle()
    assert not app.warmth.settled and app.scene.name == "settings"
