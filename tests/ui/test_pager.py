"""What a group must read is read whole, a page at a time (``game.ui.scenes.round.pager``):
the briefing's situation and news, an initiative card's text, the development's descriptions,
and the roles with a legend for readiness — at 140% type on 1280×720, never in a scroll box and
never cut (issue 19, part 4).

Each page is held to the layout check, which counts a must-read text not drawn whole as cut;
the texts noted as must-read on all pages together must hold the whole text, in order."""

from __future__ import annotations

import pygame
import pytest

from game.scenario.loader import load_scenario
from game.sim import Bot
from game.ui import look
from game.ui.app import App
from game.ui.fit import check
from game.ui.harness import Harness
from game.ui.scenes.round.pager import Line, height_of, lay_out, paginate
from game.ui.settings import Settings
from tests.helpers.ui import drawn

pytestmark = pytest.mark.filterwarnings("error::UserWarning")


def _app(monkeypatch, tmp_path, lang: str = "nl", scale: float = 1.4) -> Harness:
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    settings = Settings(language=lang, sound=False, font_scale=scale)  # type: ignore[arg-type]
    pilot = Harness(App((1280, 720), settings, log_dir=tmp_path / "logs"))
    pilot.advance(2)
    return pilot


def _words(message: str) -> str:
    return " ".join(message.split())


def _read_on_every_page(pilot: Harness, within=None) -> tuple[int, str]:
    """Turn every page of the current scene with Page Down, each checked: (the pages, the
    must-read lines of all of them joined; only those ``within`` a rectangle if given)."""
    app = pilot.app
    pages = app.scene.pager.pages
    said: list[str] = []
    for page in range(pages):
        assert app.scene.pager.page == page
        report = check(app)
        assert report.problems == [], (page, report.problems)
        look.RECORDING = []
        try:
            app.invalidate()
            app.draw()
            said += [
                what
                for kind, rect, what in look.RECORDING
                if kind == "read" and (within is None or within.contains(rect))
            ]
            counted = [what for kind, _, what in look.RECORDING if kind == "text"]
        finally:
            look.RECORDING = None
        if pages > 1:
            assert f"{page + 1}/{pages}" in counted, "the page count is shown"
        pilot.press(pygame.K_PAGEDOWN)
    assert app.scene.pager.page == 0, "Page Down on the last page goes back to the first"
    return pages, _words(" ".join(said))


def test_pages_hold_every_line_once_in_order_and_each_fits() -> None:
    pygame.font.init()
    font = pygame.font.Font(None, 30)
    message = " ".join(f"word{i}." if i % 7 == 0 else f"word{i}" for i in range(400))
    lines = lay_out([(message, font, (255, 255, 255), 0)], 300)
    pages = paginate(lines, 200)
    assert len(pages) > 3
    assert [line for page in pages for line in page] == lines
    assert all(height_of(page) <= 200 for page in pages)
    assert paginate([], 200) == [[]]
    one = [Line("a", font, (0, 0, 0))]
    assert paginate(one, 1) == [one], "a line taller than the page still gets a page"


def test_the_briefing_pages_through_the_situation_and_news_brought_in(monkeypatch, tmp_path):
    pilot = _app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        scenario = load_scenario()
        app.controller.start(scenario, 1, "Team Rood")
        event = max(scenario.events, key=lambda e: len(e.text.get("nl")))
        app.controller.inject(event.id)
        app.go(app.scenes.briefing)
        pilot.advance(2)
        pages, read = _read_on_every_page(pilot)
        assert pages >= 2
        assert _words(scenario.briefing.get("nl")) in read
        assert _words(event.text.get("nl")) in read
        # The dashboard is the last page: the competence grid is drawn there.
        app.scene.pager.page = pages - 1
        app.scene.rebuild()
        assert "Competentie" in drawn(app)
    finally:
        app.close()


def test_a_quiet_briefing_is_one_page_with_the_dashboard(monkeypatch, tmp_path):
    pilot = _app(monkeypatch, tmp_path, "en", 1.0)
    app = pilot.app
    try:
        scenario = load_scenario()
        app.controller.start(scenario, 1, "T")
        bot = Bot("best", 1)
        app.controller.apply(bot.decide(app.controller.state, scenario))
        app.controller.resolve()
        app.controller.state.news = ()
        app.go(app.scenes.briefing)
        pilot.advance(2)
        assert app.scene.pager.pages == 1
        lines = drawn(app)
        assert "Competence" in lines and "A quiet round: no news." in lines
        assert check(app).problems == []
    finally:
        app.close()


def _to_card(app, initiative_id: str) -> None:
    scenario = load_scenario()
    app.controller.start(scenario, 1, "Team Rood", length="short")
    bot = Bot("best", 1)
    while initiative_id not in app.controller.state.current_initiatives:
        app.controller.apply(bot.decide(app.controller.state, scenario))
        app.controller.resolve()
    index = list(app.controller.state.current_initiatives).index(initiative_id)
    app.go(app.scenes.decision, index)


def test_a_long_card_pages_its_text_and_shows_every_role_with_the_readiness_legend(
    monkeypatch, tmp_path
):
    """The card of round 3 whose text a group found cut ("…een afspraak over wie wat")."""
    pilot = _app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        _to_card(app, "moestuin_groen")
        pilot.advance(2)
        scene = app.scene
        pages, read = _read_on_every_page(pilot, within=scene.card_rect())
        assert pages == 2
        assert _words(scene.initiative.text.get("nl")) in read
        assert "een afspraak over wie wat doet." in read
        pages, read = _read_on_every_page(pilot)
        assert "rijpheid A (nodig B): A = hoe rijp de gemeente nu is voor de rol" in read
        for meaning in ("Stelt de regels en zorgt dat ze worden nageleefd.", "Doet mee"):
            assert meaning in read
        # At this type size the column shows the roles or the channels: → shows the channels.
        pilot.press(pygame.K_RIGHT)
        assert any(b.text.startswith("Website") for b in pilot.buttons())
        assert check(app).problems == []
        pilot.press(pygame.K_1)  # choosing a role shows the roles again
        assert any(b.text.startswith("1  normerend") for b in pilot.buttons())
    finally:
        app.close()


@pytest.mark.parametrize("scale", [1.0, 1.4])
def test_the_readiness_legend_is_shown(monkeypatch, tmp_path, scale):
    pilot = _app(monkeypatch, tmp_path, "en", scale)
    app = pilot.app
    try:
        app.controller.start(load_scenario(), 1, "T")
        app.go(app.scenes.decision, 0)
        pilot.advance(2)
        said = " ".join(drawn(app))
        assert "readiness A of B: A = how ready the municipality is for the role now" in said
        assert "B = what the role asks" in said
        assert "readiness 9 of 15" in said
        assert check(app).problems == []
    finally:
        app.close()


def test_development_pages_through_every_whole_description(monkeypatch, tmp_path):
    pilot = _app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        _to_card(app, "moestuin_groen")
        scenario = app.controller.scenario
        app.controller.apply(Bot("best", 1).decide(app.controller.state, scenario))
        app.go(app.scenes.development)
        pilot.advance(2)
        scene = app.scene
        offers = [action for action, _ in scene.offers[:9]]
        assert len(offers) >= 6
        pages, read = _read_on_every_page(pilot)
        assert pages >= 2
        for action in offers:
            assert _words(action.text.get("nl")) in read
        # A number key turns to its action's page.
        pilot.press(getattr(pygame, f"K_{len(offers)}"))
        assert app.scene.pager.page == pages - 1
        assert any(b.text.startswith(f"{len(offers)}  ") for b in pilot.buttons())
    finally:
        app.close()
