"""Workshop mode in the window (issue 12): teams, the facilitator's panel, comparison, export.

- **Teams**: the new-game screen takes one team name or several (hot-seat: the teams take turns
  per round on one laptop, each its own game). ``after_turn`` hands the laptop to the next team.
- **The facilitator's panel** (F9, behind the PIN from settings if one is set): pause with a
  large discuss card, the round timer (drawn large over the round; a soft chime when time is up),
  bring one of the scenario's events in now, reveal outcomes one at a time or all, skip to the
  next round, end the game early into the debrief, write the results now. Every step goes to
  the controller, which records it through the core; the panel never changes the game itself.
  It returns to the very scene it was opened over, as it was (``Scene.resuming``).
- **Comparison**: reads the results files of a folder (a USB stick from several laptops) and
  shows the teams side by side; files that cannot be compared are listed with the reason.
- **Export**: the debrief's button writes the team's report (HTML) beside its results file.
"""

from __future__ import annotations

import math
import time
import webbrowser
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.domain import CitizenRelation
from game.labels import label
from game.sim.state import InterventionKind
from game.ui.dashboard import panel
from game.ui.look import text, text_block
from game.ui.scene import Scene

if TYPE_CHECKING:
    from game.results.compare import Comparison
    from game.ui.app import App

TIMER_CHOICES = (3, 5, 10)  # minutes
PIN_LENGTH = (4, 8)


# --- the round timer ------------------------------------------------------------------------------


class RoundTimer:
    """A countdown the facilitator starts; drawn large over the round, a soft chime at zero.

    Time is read from ``clock`` (monotonic), so a changed wall clock does not move it. The app
    asks ``needs_frame`` to draw only when the shown second changes: an idle game stays idle.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.ends: float | None = None
        self.paused_left: float | None = None
        self.signalled = False
        self.seconds = 0
        self.drawn = ""

    def start(self, seconds: int) -> None:
        self.seconds = seconds
        self.ends = self.clock() + seconds
        self.paused_left = None
        self.signalled = False

    def stop(self) -> None:
        self.ends = None
        self.paused_left = None

    def pause(self) -> None:
        if self.ends is not None and self.paused_left is None:
            self.paused_left = self.left()

    def resume(self) -> None:
        if self.paused_left is not None:
            self.ends = self.clock() + self.paused_left
            self.paused_left = None

    @property
    def visible(self) -> bool:
        return self.ends is not None

    @property
    def paused(self) -> bool:
        return self.paused_left is not None

    def left(self) -> float:
        if self.ends is None:
            return 0.0
        if self.paused_left is not None:
            return self.paused_left
        return max(0.0, self.ends - self.clock())

    def shown(self) -> str:
        """What the timer shows: minutes and seconds, rounded up (it shows 0:00 only at zero)."""
        seconds = math.ceil(self.left())
        return f"{seconds // 60}:{seconds % 60:02d}"

    def ran_out(self) -> bool:
        """True once, the first frame after the time is up."""
        return self.visible and not self.paused and self.left() <= 0 and not self.signalled

    def signal(self, app: App) -> None:
        self.signalled = True
        app.play("time_up")
        app.controller.note(InterventionKind.TIMER_OUT)
        app.invalidate()

    def needs_frame(self, scene: Scene | None) -> bool:
        return (
            self.visible
            and scene is not None
            and scene.shows_timer
            and (self.shown() != self.drawn or self.ran_out())
        )

    def draw(self, surface: pygame.Surface, app: App) -> None:
        """Large, in the middle of the top bar: amber when time is up."""
        shown = self.shown()
        self.drawn = shown
        palette, scale = app.palette, app.scale
        ox, oy = app.origin
        box = pygame.Rect(round(ox + 500 * scale), round(oy), round(280 * scale), round(60 * scale))
        done = self.left() <= 0
        fill = palette.accent if done else palette.panel
        ink = palette.background if done else palette.text
        pygame.draw.rect(surface, fill, box, border_radius=round(8 * scale))
        pygame.draw.rect(surface, palette.accent, box, width=3, border_radius=round(8 * scale))
        font = app.fonts.get(40 if not self.paused else 26, True)
        t = app.t
        caption = shown if not self.paused else f"{shown} · {t('paused')}"
        text(surface, font, caption, ink, box.center, "center")


def soft_chime() -> pygame.mixer.Sound | None:
    """Two soft, falling tones: time is up, without alarming a room."""
    init = pygame.mixer.get_init()
    if init is None or abs(init[1]) != 16:
        return None
    rate, _, channels = init
    samples = array("h")
    for frequency, seconds in ((784.0, 0.35), (587.0, 0.55)):
        count = int(rate * seconds)
        for i in range(count):
            fade = min(1.0, i / (rate * 0.02), (count - i) / (rate * 0.25))
            value = int(32767 * 0.16 * fade * math.sin(2 * math.pi * frequency * i / rate))
            samples.extend([value] * channels)
    return pygame.mixer.Sound(buffer=samples.tobytes())


# --- opening the panel ----------------------------------------------------------------------------


def open_facilitator(app: App) -> None:
    """F9: the panel over the current round scene (after the PIN, when one is set)."""
    from game.ui.scenes.rounds import RoundScene

    scene = app.scene
    if app.controller.state is None or not isinstance(scene, RoundScene | TurnScene):
        return
    if app.settings.facilitator_pin:
        app.go(PinScene(app, scene))
    else:
        app.go(FacilitatorScene(app, scene))


def back_to(app: App, scene: Scene) -> None:
    """Return to ``scene`` exactly as it was (no ``on_enter``; its widgets are built again)."""
    scene.resuming = True
    app.go(lambda: scene)


class PinScene(Scene):
    """The facilitator's PIN, asked before the panel opens."""

    name = "facilitator_pin"
    offers_help = False
    shows_timer = False

    def __init__(self, app: App, over: Scene) -> None:
        super().__init__(app)
        self.over = over
        self.wrong = False

    def build(self) -> None:
        t = self.t
        self.label(self.r(340, 180, 600, 56), t("Facilitator"), "#heading")
        self.pin = self.entry(self.r(440, 300, 400, 56))
        self.pin.set_text_length_limit(PIN_LENGTH[1])
        self.button(self.r(440, 380, 400, 56), t("Open the panel"), self.check, kind="@big_button")
        self.button(self.r(440, 450, 400, 50), t("Back to the game"), self.back)
        self._set_focus(0)

    def check(self) -> None:
        if self.pin.get_text().strip() == self.app.settings.facilitator_pin:
            self.app.go(FacilitatorScene(self.app, self.over))
        else:
            self.wrong = True
            self.rebuild()

    def default_action(self) -> None:
        self.check()

    def activate(self) -> None:
        self.check() if self._typing() is not None else super().activate()

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def back(self) -> None:
        back_to(self.app, self.over)

    def draw(self, surface: pygame.Surface) -> None:
        t, palette, fonts = self.t, self.app.palette, self.app.fonts
        message = t("The PIN is wrong. Try again.") if self.wrong else t("Enter the PIN.")
        colour = palette.bad if self.wrong else palette.text_dim
        text(surface, fonts.get(20), message, colour, self.r(640, 270, 0, 0).topleft, "center")


class FacilitatorScene(Scene):
    """The trainer's controls over a round in progress; everything it does is recorded."""

    name = "facilitator"
    offers_help = False

    def __init__(self, app: App, over: Scene, message: str = "") -> None:
        super().__init__(app)
        self.over = over
        self.message = message
        self.armed: str | None = None

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    @property
    def playing(self) -> bool:
        state = self.controller.state
        return state is not None and not state.finished

    def build(self) -> None:
        t = self.t
        self.label(self.r(60, 24, 900, 50), t("Facilitator"), "#heading")
        over = self.over
        can_reveal = getattr(over, "revealed", None) is not None and over.revealed < len(
            getattr(over, "entries", ())
        )
        columns = (
            (
                60,
                t("The room"),
                [
                    (t("Pause: discuss"), self.pause, self.playing, "pause"),
                    (t("Reveal the next effect"), self.reveal_one, can_reveal, "reveal"),
                    (t("Reveal every effect"), self.reveal_all, can_reveal, "reveal_all"),
                ],
            ),
            (
                450,
                t("Round timer"),
                [
                    (
                        t("{n} minutes").format(n=minutes),
                        lambda m=minutes: self.timer(m),
                        True,
                        f"timer{minutes}",
                    )
                    for minutes in TIMER_CHOICES
                ]
                + [(t("Stop the timer"), self.stop_timer, self.app.timer.visible, "stop")],
            ),
            (
                840,
                t("The game"),
                [
                    (t("Bring in news…"), self.inject, self.playing, "inject"),
                    (
                        t("Sure? Press again")
                        if self.armed == "skip"
                        else t("Skip to the next round"),
                        self.skip,
                        self.playing,
                        "skip",
                    ),
                    (
                        t("Sure? Press again") if self.armed == "end" else t("End the game now"),
                        self.end,
                        self.playing,
                        "end",
                    ),
                    (t("Write the results now"), self.results, True, "results"),
                ],
            ),
        )
        for x, heading, buttons in columns:
            self.label(self.r(x, 96, 380, 40), heading, "#dim")
            y = 140
            for caption, action, enabled, _ in buttons:
                self.button(self.r(x, y, 380, 56), caption, action, enabled=enabled)
                y += 68
        self.button(
            self.r(60, 640, 420, 58), t("Back to the game (Esc)"), self.back, kind="@big_button"
        )
        if self._focus is None:
            self.move_focus(1)

    # -- the room --

    def pause(self) -> None:
        self.controller.note(InterventionKind.PAUSE)
        self.app.go(DiscussScene(self.app, self.over))

    def reveal_one(self) -> None:
        self._reveal("one", "reveal")

    def reveal_all(self) -> None:
        self._reveal("all", "reveal_all")

    def _reveal(self, subject: str, method: str) -> None:
        action = getattr(self.over, method, None)
        if action is None:
            return
        self.controller.note(InterventionKind.REVEAL, subject)
        action()
        back_to(self.app, self.over)

    def timer(self, minutes: int) -> None:
        self.app.timer.start(minutes * 60)
        self.controller.note(InterventionKind.TIMER, str(minutes * 60))
        back_to(self.app, self.over)

    def stop_timer(self) -> None:
        self.app.timer.stop()
        self.controller.note(InterventionKind.TIMER, "stop")
        self.rebuild()

    # -- the game --

    def inject(self) -> None:
        self.app.go(InjectScene(self.app, self.over))

    def skip(self) -> None:
        if self.armed != "skip":
            self.armed = "skip"
            self.rebuild()
            return
        from game.ui.scenes.rounds import OutcomeScene

        self.controller.skip()
        self.app.go(OutcomeScene)

    def end(self) -> None:
        if self.armed != "end":
            self.armed = "end"
            self.rebuild()
            return
        self.app.timer.stop()
        self.controller.end_early()
        if self.controller.hot_seat:
            self.app.go(WorkshopEndScene)
        else:
            from game.ui.scenes.debrief import DebriefScene

            self.app.go(DebriefScene)

    def results(self) -> None:
        written = self.controller.write_results()
        t = self.t
        if written is not None:
            self.message = t("Results written: {path}").format(path=written)
        elif self.controller.results_error is not None:
            self.message = t("The results could not be written: {reason}").format(
                reason=_reason(self.controller.results_error, self.lang)
            )
        else:
            self.message = t("This window keeps no results.")
        self.rebuild()

    def back(self) -> None:
        back_to(self.app, self.over)

    def draw(self, surface: pygame.Surface) -> None:
        t, palette, fonts = self.t, self.app.palette, self.app.fonts
        state, scenario = self.controller.state, self.controller.scenario
        if state is not None and scenario is not None:
            shown = min(state.round, scenario.rounds)
            where = t("{team} · round {n} of {total}").format(
                team=self.controller.team, n=shown, total=scenario.rounds
            )
            if state.finished:
                where += " · " + t("the game is over")
            text(
                surface,
                fonts.get(20),
                where,
                palette.text_dim,
                self.r(1220, 50, 0, 0).topleft,
                "midright",
            )
        area = self.r(60, 440, 1160, 120)
        if self.app.timer.visible:
            timer = t("Timer: {left}").format(left=self.app.timer.shown())
            text(surface, fonts.get(36, True), timer, palette.accent, area.topleft)
            area.top += self.u(56)
        if self.message:
            text_block(
                surface, fonts.get(18), self.message, palette.text, self.r(500, 640, 740, 70)
            )
        hint = t("Everything done here is recorded in the save and the results.")
        text(surface, fonts.get(16), hint, palette.text_dim, area.topleft)


def _reason(error: Exception, lang: str) -> str:
    explain = getattr(error, "explain", None)
    return explain(lang) if callable(explain) else str(error)


class DiscussScene(Scene):
    """Pause: the initiative's question, large, for the room to talk about. The timer waits."""

    name = "discuss"
    offers_help = False

    def __init__(self, app: App, over: Scene) -> None:
        super().__init__(app)
        self.over = over

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def on_enter(self) -> None:
        self.app.timer.pause()

    def build(self) -> None:
        self.button(
            self.r(440, 640, 400, 60), self.t("Continue (Enter)"), self.back, kind="@big_button"
        )
        self.move_focus(1)

    def back(self) -> None:
        self.app.timer.resume()
        back_to(self.app, self.over)

    def default_action(self) -> None:
        self.back()

    def question(self) -> tuple[str, str]:
        """The initiative on the card (or the first on the table), else the round's news."""
        scenario, state, lang = self.controller.scenario, self.controller.state, self.lang
        if scenario is None or state is None:
            return self.t("Discuss"), ""
        initiative = getattr(self.over, "initiative", None)
        if initiative is None and state.current_initiatives:
            initiative = scenario.initiative(state.current_initiatives[0])
        if initiative is not None:
            return initiative.title.get(lang), initiative.text.get(lang)
        if state.news:
            event = scenario.event(state.news[0])
            return event.title.get(lang), event.text.get(lang)
        return self.t("Discuss"), scenario.briefing.get(lang)

    def draw(self, surface: pygame.Surface) -> None:
        t, palette, fonts = self.t, self.app.palette, self.app.fonts
        card = self.r(60, 40, 1160, 580)
        panel(surface, card, palette, self.u(16))
        pygame.draw.rect(surface, palette.accent, card, width=4, border_radius=self.u(16))
        inner = card.inflate(-self.u(80), -self.u(60))
        text(surface, fonts.get(22, True), t("Discuss together"), palette.text_dim, inner.topleft)
        title, body = self.question()
        area = pygame.Rect(inner.left, inner.top + self.u(44), inner.width, inner.height)
        used = text_block(surface, fonts.get(46, True), title, palette.accent, area, max_lines=3)
        area.top += used + self.u(20)
        area.height = max(0, inner.bottom - area.top - self.u(60))
        text_block(surface, fonts.get(30), body, palette.text, area, max_lines=7)
        prompt = t("Which role fits here, and why? What do you expect it to do?")
        text_block(
            surface,
            fonts.get(24, True),
            prompt,
            palette.text,
            pygame.Rect(inner.left, inner.bottom - self.u(40), inner.width, self.u(44)),
            max_lines=1,
        )


class InjectScene(Scene):
    """Choose one of the scenario's events to bring into this round's news now."""

    name = "facilitator_inject"
    offers_help = False

    def __init__(self, app: App, over: Scene) -> None:
        super().__init__(app)
        self.over = over

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def build(self) -> None:
        from game.sim.facilitator import injectable_events

        t = self.t
        self.label(self.r(60, 24, 1100, 50), t("Bring in news now"), "#heading")
        scenario, state = self.controller.scenario, self.controller.state
        events = injectable_events(state, scenario) if scenario and state else []
        for i, event in enumerate(events[:16]):
            x = 60 + (i % 2) * 590
            y = 110 + (i // 2) * 62
            self.button(
                self.r(x, y, 570, 52),
                event.title.get(self.lang),
                lambda e=event.id: self.bring(e),
                tooltip=event.text.get(self.lang),
                kind="@left_button",
            )
        self.button(self.r(60, 640, 300, 58), t("Back"), self.back, kind="@big_button")
        self.move_focus(1)

    def bring(self, event_id: str) -> None:
        self.controller.inject(event_id)
        self.app.play("confirm")
        back_to(self.app, self.over)

    def back(self) -> None:
        self.app.go(FacilitatorScene(self.app, self.over))

    def draw(self, surface: pygame.Surface) -> None:
        hint = self.t(
            "Its effects apply at once and stay in the game's record; initiatives it brings join "
            "the table."
        )
        text_block(
            surface,
            self.app.fonts.get(17),
            hint,
            self.app.palette.text_dim,
            self.r(400, 650, 820, 60),
        )


# --- hot-seat: whose turn -------------------------------------------------------------------------


def after_turn(app: App) -> None:
    """A team's round is done: hand the laptop to the team whose turn it is, or end."""
    controller = app.controller
    following = controller.next_turn()
    if following is None:
        app.go(WorkshopEndScene)
        return
    controller.switch_to(following)
    app.go(TurnScene)


class TurnScene(Scene):
    """Hot-seat: the next team takes the laptop."""

    name = "turn"

    def build(self) -> None:
        self.button(
            self.r(440, 520, 400, 64), self.t("Start the round"), self.start, kind="@big_button"
        )
        self.move_focus(1)

    def start(self) -> None:
        from game.ui.scenes.rounds import BriefingScene

        self.app.go(BriefingScene)

    def default_action(self) -> None:
        self.start()

    def back(self) -> None:
        from game.ui.scenes.menu import TitleScene

        self.app.go(TitleScene)

    def draw(self, surface: pygame.Surface) -> None:
        t, palette, fonts = self.t, self.app.palette, self.app.fonts
        controller = self.controller
        state, scenario = controller.state, controller.scenario
        if state is None or scenario is None:
            return
        centre = self.r(640, 200, 0, 0).topleft
        text(surface, fonts.get(26), t("Next up"), palette.text_dim, centre, "center")
        text(
            surface,
            fonts.get(60, True),
            controller.team,
            palette.accent,
            self.r(640, 270, 0, 0).topleft,
            "center",
        )
        where = t("Round {n} of {total}").format(n=state.round, total=scenario.rounds)
        text(surface, fonts.get(28), where, palette.text, self.r(640, 350, 0, 0).topleft, "center")
        others = [s.team for i, s in enumerate(controller.seats) if i != controller.seat]
        if others:
            line = t("Taking turns: {teams}").format(teams=", ".join([controller.team, *others]))
            text(
                surface,
                fonts.get(18),
                line,
                palette.text_dim,
                self.r(640, 420, 0, 0).topleft,
                "center",
            )


class WorkshopEndScene(Scene):
    """Every team's game is over: each team's debrief, and the teams side by side."""

    name = "workshop_end"

    def build(self) -> None:
        t = self.t
        self.label(self.r(60, 30, 1100, 56), t("Every team has played"), "#heading")
        y = 120
        for i, seat in enumerate(self.controller.seats):
            self.button(
                self.r(60, y, 520, 54),
                t("Debrief of {team}").format(team=seat.team),
                lambda i=i: self.debrief(i),
                kind="@left_button",
            )
            y += 66
        self.button(
            self.r(860, 640, 380, 58), t("Compare the teams"), self.compare, kind="@big_button"
        )
        self.button(self.r(60, 640, 300, 58), t("Title screen"), self.back)
        self.move_focus(1)

    def debrief(self, index: int) -> None:
        from game.ui.scenes.debrief import DebriefScene

        self.controller.switch_to(index)
        self.app.go(DebriefScene)

    def compare(self) -> None:
        files = [s.results_file for s in self.controller.seats if s.results_file is not None]
        self.app.go(CompareScene(self.app, files or None, back=WorkshopEndScene))

    def back(self) -> None:
        from game.ui.scenes.menu import TitleScene

        self.app.go(TitleScene)

    def draw(self, surface: pygame.Surface) -> None:
        from game.sim import score

        palette, fonts = self.app.palette, self.app.fonts
        y = 120
        for seat in self.controller.seats:
            card = score(seat.state)
            line = f"{card.total} · {card.title.get(self.lang)}"
            text(
                surface,
                fonts.get(20),
                line,
                palette.text,
                self.r(600, y + 27, 0, 0).topleft,
                "midleft",
            )
            y += 66


# --- the comparison screen ------------------------------------------------------------------------


class CompareScene(Scene):
    """The teams side by side, from the results files of a folder (or the hot-seat's files)."""

    name = "compare"

    def __init__(
        self,
        app: App,
        files: list[Path] | None = None,
        back: Callable[[], Scene] | type[Scene] | None = None,
        folder: str | None = None,
    ) -> None:
        super().__init__(app)
        self.files = files
        self.back_to = back
        self.folder = folder or str(app.results_dir)
        self.message = ""
        self.comparison: Comparison | None = None

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def on_enter(self) -> None:
        self.read()

    def read(self) -> None:
        from game.results.compare import compare_files

        if self.files is not None:
            self.comparison = compare_files(self.files)
            return
        folder = Path(self.folder).expanduser()
        if not folder.is_dir():
            from game.results.compare import Comparison, LeftOut

            self.comparison = Comparison(
                [], [LeftOut(folder, "This folder does not exist.", "Deze map bestaat niet.")]
            )
            return
        self.comparison = compare_files([folder])

    def build(self) -> None:
        t = self.t
        self.label(self.r(40, 16, 900, 50), t("Teams side by side"), "#heading")
        self.folder_entry = self.entry(self.r(40, 74, 860, 46), self.folder)
        self.folder_entry.set_text_length_limit(400)
        self.button(self.r(910, 74, 330, 46), t("Read this folder"), self.read_folder)
        self.text_box(self.r(40, 438, 760, 196), self._differences_html())
        self.text_box(self.r(812, 438, 428, 196), self._left_out_html())
        self.button(self.r(40, 650, 240, 56), t("Back"), self.back)
        enabled = bool(self.comparison and self.comparison.teams)
        self.button(
            self.r(880, 650, 360, 56),
            t("Save as a web page"),
            self.export,
            enabled=enabled,
            kind="@big_button",
        )
        if self._focus is None:
            self.move_focus(1)

    def read_folder(self) -> None:
        self.folder = self.folder_entry.get_text().strip() or str(self.app.results_dir)
        self.files = None
        self.message = ""
        self.read()
        self.rebuild()

    def default_action(self) -> None:
        self.read_folder()

    def export(self) -> None:
        from game.results.report import compare_html, write_page

        if self.comparison is None:
            return
        path = self.app.results_dir / "compare.html"
        try:
            write_page(path, compare_html(self.comparison, self.lang, self.app.pack))
            self.message = self.t("Saved: {path}").format(path=path)
        except OSError as error:
            self.message = self.t("Could not be saved: {reason}").format(
                reason=error.strerror or error
            )
        self.rebuild()

    def back(self) -> None:
        from game.ui.scenes.menu import TitleScene

        self.app.go(self.back_to or TitleScene)

    def _differences_html(self) -> str:
        import html

        t, lang, e = self.t, self.lang, html.escape
        comparison = self.comparison
        if comparison is None or not comparison.teams:
            return e(
                t("No results to compare yet: each team's file is written when its game ends.")
            )
        names = [team.name for team in comparison.teams]
        parts = ["<b>" + e(t("Where the teams chose differently")) + "</b><br>"]
        rows = [row for row in comparison.initiative_rows() if row.differed]
        for row in rows:
            choices = []
            for name, choice in zip(names, row.choices, strict=True):
                if choice is None:
                    continue
                fits = choice.role in choice.best_roles
                mark = t("fits") if fits else t("misses")
                choices.append(f"{e(name)}: {e(label(choice.role, lang))} ({e(mark)})")
            best = ", ".join(label(r, lang) for r in row.best_roles)
            parts.append(
                f"{e(t('Round'))} {row.round} · <b>{e(row.title(lang))}</b> ({e(t('best'))}: "
                f"{e(best)}): {'; '.join(choices)}<br>"
            )
        if not rows:
            parts.append(e(t("The teams chose the same role everywhere.")))
        return "".join(parts)

    def _left_out_html(self) -> str:
        import html

        e = html.escape
        comparison = self.comparison
        parts = ["<b>" + e(self.t("Left out")) + "</b><br>"]
        if comparison is None or not comparison.left_out:
            parts.append(e(self.t("Nothing: every file could be compared.")))
            return "".join(parts)
        for item in comparison.left_out:
            parts.append(f"<b>{e(item.path.name)}</b>: {e(item.explain(self.lang))}<br>")
        return "".join(parts)

    def draw(self, surface: pygame.Surface) -> None:
        t, palette, fonts, lang = self.t, self.app.palette, self.app.fonts, self.lang
        box = self.r(40, 132, 1200, 296)
        panel(surface, box, palette, self.u(10))
        comparison = self.comparison
        if comparison is None or not comparison.teams:
            return
        reference = comparison.teams[0].results
        inner = box.inflate(-self.u(24), -self.u(16))
        title = reference.scenario.title.get(lang)
        facts = f"{title} · {t('seed')} {reference.seed} · {reference.length}"
        text(surface, fonts.get(16), facts, palette.text_dim, inner.topleft)
        head = fonts.get(16, True)
        body = fonts.get(17)
        columns = (0, 200, 270, 480, 640)
        y = inner.top + self.u(26)
        for x, caption in zip(
            columns, (t("Team"), t("Score"), t("Title"), t("Phase"), t("Stage")), strict=True
        ):
            text(surface, head, caption, palette.text_dim, (inner.left + self.u(x), y))
        relations = list(CitizenRelation)
        cell = self.u(54)
        start = inner.left + self.u(880)
        for i, relation in enumerate(relations):
            caption = label(relation, lang)[:6]
            text(
                surface,
                fonts.get(13, True),
                caption,
                palette.text_dim,
                (start + i * cell, y + self.u(2)),
            )
        y += self.u(28)
        step = max(self.u(30), body.get_linesize() + self.u(6))
        for team in comparison.teams:
            if y + step > inner.bottom:
                break
            final = team.results.final
            values = (
                team.name,
                str(final.score.total),
                final.score.title.get(lang),
                f"{final.phase.level} {label(final.phase, lang)}",
                label(final.stage, lang),
            )
            widths = (195, 65, 205, 155, 185)
            for x, value, width in zip(columns, values, widths, strict=True):
                limit = self.u(width)
                while value and body.size(value)[0] > limit:
                    value = value[:-2] + "…" if len(value) > 2 else ""
                text(surface, body, value, palette.text, (inner.left + self.u(x), y))
            for i, relation in enumerate(relations):
                phase = final.relation_phase.get(relation)
                if phase is None:
                    continue
                rect = pygame.Rect(start + i * cell, y, cell - self.u(6), step - self.u(6))
                shade = 0.25 + 0.25 * (phase.level - 1)
                colour = tuple(
                    round(a * shade + b * (1 - shade))
                    for a, b in zip(palette.accent, palette.panel, strict=True)
                )
                pygame.draw.rect(surface, colour, rect, border_radius=self.u(4))
                ink = palette.background if phase.level >= 3 else palette.text
                text(surface, fonts.get(15, True), str(phase.level), ink, rect.center, "center")
            y += step
        if self.message:
            text_block(
                surface, fonts.get(16), self.message, palette.text, self.r(300, 650, 570, 56)
            )


# --- exporting the debrief ------------------------------------------------------------------------


def export_report(app: App) -> Path:
    """Write this team's report (and its results file) into the results folder; its path."""
    from game.results.files import build_results, decode, encode
    from game.results.report import report_html, write_page
    from game.saves.names import slug

    controller = app.controller
    scenario, state = controller.scenario, controller.state
    if scenario is None or state is None:
        raise RuntimeError("no game to export")
    controller.write_results()
    document = build_results(
        state, scenario, controller.team, controller.game_id, controller.length
    )
    results = decode(encode(document))
    readable = slug(controller.team)
    name = f"report-{readable + '-' if readable else ''}{controller.game_id}.html"
    return write_page(app.results_dir / name, report_html(results, app.settings.language, app.pack))


class ExportedScene(Scene):
    """The report was written: where it is, and a way to open it in the browser."""

    name = "exported"

    def __init__(self, app: App, path: Path | None, problem: str | None, back: Callable[[], Scene]):
        super().__init__(app)
        self.path = path
        self.problem = problem
        self.back_to = back

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def build(self) -> None:
        t = self.t
        heading = t("The report is saved") if self.path else t("The report could not be saved")
        self.label(self.r(80, 60, 1100, 56), heading, "#heading")
        self.button(
            self.r(80, 560, 520, 58), t("Back to the debrief"), self.back, kind="@big_button"
        )
        if self.path is not None:
            self.button(self.r(620, 560, 520, 58), t("Open it in the browser"), self.open)
        self.move_focus(1)

    def open(self) -> None:
        if self.path is not None:
            webbrowser.open(self.path.resolve().as_uri())

    def back(self) -> None:
        self.app.go(self.back_to)

    def draw(self, surface: pygame.Surface) -> None:
        t, palette, fonts = self.t, self.app.palette, self.app.fonts
        area = self.r(80, 150, 1100, 380)
        if self.path is None:
            text_block(surface, fonts.get(22), self.problem or "", palette.bad, area)
            return
        used = text_block(
            surface,
            fonts.get(22),
            t(
                "One page with the charts, every decision against the best fit, the model in "
                "brief and the recommendations. It opens in any browser without internet and "
                "prints on A4."
            ),
            palette.text,
            area,
        )
        area.top += used + self.u(20)
        text_block(surface, fonts.get(22, True), str(self.path), palette.accent, area)


# --- the new-game screen's team block -------------------------------------------------------------


def team_block(scene: Scene, rect: pygame.Rect, names: list[str]) -> list:
    """The team names: one for a single team, two to four for hot-seat play. Returns the
    entries (the scene reads their text when the game starts)."""
    t = scene.t
    x, y = rect.left, rect.top
    u = scene.app.scale
    ox, oy = scene.app.origin
    # The block is laid out on the 1280×720 canvas like everything else.
    cx, cy = (x - ox) / u, (y - oy) / u
    scene.label(scene.r(cx, cy, 380, 30), t("Teams (2–4 take turns)"), "#dim")
    entries = []
    for i, name in enumerate(names):
        column, row = i % 2, i // 2
        entry = scene.entry(scene.r(cx + column * 192, cy + 34 + row * 50, 186, 44), name)
        entries.append(entry)
    return entries


def team_names(entries: list) -> list[str]:
    return [entry.get_text() for entry in entries]
