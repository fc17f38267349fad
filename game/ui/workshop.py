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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.domain import CitizenRelation, GameLength
from game.labels import label
from game.sim.state import InterventionKind
from game.ui.dashboard import panel
from game.ui.look import block_height, fit_text_block, shortened, text, text_block, wrap
from game.ui.scene import Scene

if TYPE_CHECKING:
    from game.results.compare import Comparison
    from game.ui.app import App

TIMER_CHOICES = (3, 5, 10)  # minutes
PIN_LENGTH = (4, 8)


def _heading(scene: Scene, message: str, left: int, top: int, right: int) -> pygame.Rect:
    """A scene's heading, as wide and as tall as its text at this type size (no wider, so
    nothing beside it lies under it)."""
    font = scene.app.fonts.get(32, True)
    width = min(right - left, font.size(message)[0] + scene.u(8))
    rect = pygame.Rect(left, top, width, font.get_linesize())
    scene.label(rect, message, "#heading", grow=False)
    return rect


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

    def face(self, app: App) -> tuple[pygame.font.Font, str]:
        """The timer's font and words: as large as its box holds at this type size."""
        shown = self.shown()
        caption = shown if not self.paused else f"{shown} · {app.t('paused')}"
        room = round(60 * app.scale) - 4
        font = app.fonts.get(18, True)
        for size in (40, 34, 30, 26, 22) if not self.paused else (26, 22, 18):
            if app.fonts.get(size, True).get_linesize() <= room:
                font = app.fonts.get(size, True)
                break
        return font, caption

    def box(self, app: App) -> pygame.Rect:
        """Where the timer goes: the middle of the top, as wide as its longest words need (not
        the words of this second, so the box stays put while it counts down). The round's
        top bar leaves this room free while the timer runs."""
        font, _ = self.face(app)
        sample = "00:00" if not self.paused else f"00:00 · {app.t('paused')}"
        scale = app.scale
        width = max(round(280 * scale), font.size(sample)[0] + round(32 * scale))
        centre = app.origin[0] + 640 * scale
        return pygame.Rect(
            round(centre - width / 2), round(app.origin[1]), width, round(60 * scale)
        )

    def draw(self, surface: pygame.Surface, app: App) -> None:
        """Large, in the middle of the top bar: amber when time is up."""
        self.drawn = self.shown()
        palette, scale = app.palette, app.scale
        box = self.box(app)
        done = self.left() <= 0
        fill = palette.accent if done else palette.panel
        ink = palette.background if done else palette.text
        pygame.draw.rect(surface, fill, box, border_radius=round(8 * scale))
        pygame.draw.rect(surface, palette.accent, box, width=3, border_radius=round(8 * scale))
        font, caption = self.face(app)
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
        t, u, fonts = self.t, self.u, self.app.fonts
        left, right = self.r(60, 0, 0, 0).left, self.r(1220, 0, 0, 0).left
        width = right - left
        heading = _heading(self, t("Facilitator"), left, self.r(0, 20, 0, 0).top, right)
        # The team and round beside the heading, or under it when they do not fit beside it
        # (the round timer, when it runs, is drawn in the middle of the top).
        where_font = fonts.get(20)
        beside = heading.right + u(24)
        if self.app.timer.visible:
            beside = max(beside, self.app.timer.box(self.app).right + u(12))
        y = heading.bottom + u(10)
        if where_font.size(self._where())[0] <= right - beside:
            self.where_at: tuple[int, int, str] = (right, heading.centery, "midright")
        else:
            self.where_at = (left, heading.bottom, "topleft")
            y += where_font.get_linesize()
        over = self.over
        can_reveal = getattr(over, "revealed", None) is not None and over.revealed < len(
            getattr(over, "entries", ())
        )
        sure = t("Sure? Press again")
        # Each group: its heading and its buttons (caption, other caption it can show, action,
        # enabled); the other caption is measured too, so arming a button moves nothing.
        groups = (
            (
                t("The room"),
                [
                    (t("Pause: discuss"), "", self.pause, self.playing),
                    (t("Reveal the next effect"), "", self.reveal_one, can_reveal),
                    (t("Reveal every effect"), "", self.reveal_all, can_reveal),
                ],
            ),
            (
                t("Round timer"),
                [
                    (t("{n} minutes").format(n=minutes), "", lambda m=minutes: self.timer(m), True)
                    for minutes in TIMER_CHOICES
                ]
                + [(t("Stop the timer"), "", self.stop_timer, self.app.timer.visible)],
            ),
            (
                t("The game"),
                [
                    (t("Bring in news…"), "", self.inject, self.playing),
                    (
                        sure if self.armed == "skip" else t("Skip to the next round"),
                        sure,
                        self.skip,
                        self.playing,
                    ),
                    (
                        sure if self.armed == "end" else t("End the game now"),
                        sure,
                        self.end,
                        self.playing,
                    ),
                    (t("Write the results now"), "", self.results, True),
                ],
            ),
        )

        def widest(buttons) -> int:
            return max(self.needed(c) for b in buttons for c in b[:2] if c)

        gap, label_h = u(10), fonts.get(18).get_linesize()
        column_w = (width - 2 * gap) // 3
        columns = max(widest(buttons) for _, buttons in groups) <= column_w
        height = max(u(56) if columns else u(46), self._button_height(None))
        if columns:
            # Three columns side by side, when every label fits one.
            bottom = y
            for i, (name, buttons) in enumerate(groups):
                x = left + i * (column_w + gap)
                self.label(pygame.Rect(x, y, column_w, label_h), name, "#dim", grow=False)
                top = y + label_h + u(4)
                for caption, _, action, enabled in buttons:
                    self.button(
                        pygame.Rect(x, top, column_w, height), caption, action, enabled=enabled
                    )
                    top += height + u(12)
                bottom = max(bottom, top)
            y = bottom
        else:
            # Large type: the groups one under the other, each as many buttons a row as fit.
            for name, buttons in groups:
                self.label(pygame.Rect(left, y, width, label_h), name, "#dim", grow=False)
                y += label_h + u(4)
                per_row = max(1, min(len(buttons), (width + gap) // (widest(buttons) + gap)))
                button_w = (width - (per_row - 1) * gap) // per_row
                for i, (caption, _, action, enabled) in enumerate(buttons):
                    x = left + (i % per_row) * (button_w + gap)
                    top = y + (i // per_row) * (height + gap)
                    rect = pygame.Rect(x, top, button_w, height)
                    self.button(rect, caption, action, enabled=enabled)
                y += -(-len(buttons) // per_row) * (height + gap) + u(4)
        self.area_top = y + u(8)
        back = t("Back to the game (Esc)")
        back_h = max(u(58), self._button_height("@big_button"))
        back_top = min(self.r(0, 640, 0, 0).top, self.r(0, 706, 0, 0).top - back_h)
        self.area_bottom = back_top - u(8)
        back_w = self.fitted(back, "@big_button", 420)
        self.button(
            pygame.Rect(left, back_top, back_w, back_h), back, self.back, kind="@big_button"
        )
        if self._focus is None:
            self.move_focus(1)

    def _where(self) -> str:
        """The team and round, for the top right."""
        state, scenario = self.controller.state, self.controller.scenario
        if state is None or scenario is None:
            return ""
        t = self.t
        where = t("{team} · round {n} of {total}").format(
            team=self.controller.team, n=min(state.round, scenario.rounds), total=scenario.rounds
        )
        if state.finished:
            where += " · " + t("the game is over")
        return where

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
        where = self._where()
        if where:
            x, y, anchor = self.where_at
            text(surface, fonts.get(20), where, palette.text_dim, (x, y), anchor)
        left, right = self.r(60, 0, 0, 0).left, self.r(1220, 0, 0, 0).left
        area = pygame.Rect(left, self.area_top, right - left, self.area_bottom - self.area_top)
        # What the last step did, or else what every step here does. (A running timer shows
        # at the top, as over the round.)
        if self.message:
            message = _fold(fonts.get(18), self.message, area.width)
            fit_text_block(surface, fonts, message, palette.text, area, (18, 16, 14))
        else:
            hint = t("Everything done here is recorded in the save and the results.")
            fit_text_block(surface, fonts, hint, palette.text_dim, area, (16, 14))


def _fold(font: pygame.font.Font, message: str, width: int) -> str:
    """``message`` with line breaks inside a word too long for ``width`` (a file's path),
    after a "/" or "\\" where it can: wrapped text breaks only between words."""
    words = []
    for word in message.split(" "):
        if font.size(word)[0] <= width:
            words.append(word)
            continue
        lines, line = [], ""
        for char in word:
            if line and font.size(line + char)[0] > width:
                cut = max(line.rfind("/"), line.rfind("\\")) + 1 or len(line)
                lines.append(line[:cut])
                line = line[cut:]
            line += char
        words.append("\n".join([*lines, line]))
    return " ".join(words)


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
        caption = self.t("Continue (Enter)")
        width = self.fitted(caption, "@big_button", 400)
        height = max(self.u(60), self._button_height("@big_button"))
        top = min(self.r(0, 640, 0, 0).top, self.r(0, 706, 0, 0).top - height)
        centre = self.r(640, 0, 0, 0).left
        self.card_bottom = top - self.u(16)
        self.button(
            pygame.Rect(centre - width // 2, top, width, height),
            caption,
            self.back,
            kind="@big_button",
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
        t, palette, fonts, u = self.t, self.app.palette, self.app.fonts, self.u
        card = self.r(60, 24, 1160, 0)
        if self.app.timer.visible:  # the paused round timer, at the top, stays in sight
            card.top = max(card.top, self.app.timer.box(self.app).bottom + u(8))
        card.height = self.card_bottom - card.top
        panel(surface, card, palette, u(16))
        pygame.draw.rect(surface, palette.accent, card, width=4, border_radius=u(16))
        inner = card.inflate(-u(80), -u(48))
        kicker = fonts.get(22, True)
        text(surface, kicker, t("Discuss together"), palette.text_dim, inner.topleft)
        # The question for the room at the bottom, whole; the title and the text above it in
        # the largest type that fits between (a long text steps down rather than being cut).
        prompt = t("Which role fits here, and why? What do you expect it to do?")
        prompt_font = fonts.get(24, True)
        prompt_h = block_height(prompt_font, len(wrap(prompt_font, prompt, inner.width)))
        prompt_top = inner.bottom - prompt_h
        title, body = self.question()
        area = pygame.Rect(inner.left, inner.top + kicker.get_linesize() + u(8), inner.width, 0)
        title_h = block_height(fonts.get(46, True), 3)
        area.height = min(title_h, prompt_top - u(16) - area.top)
        used = fit_text_block(
            surface, fonts, title, palette.accent, area, (46, 40, 34, 28), bold=True
        )
        area.top += used + u(12)
        area.height = max(0, prompt_top - u(16) - area.top)
        fit_text_block(surface, fonts, body, palette.text, area, (30, 27, 24, 21, 18))
        text_block(
            surface,
            prompt_font,
            prompt,
            palette.text,
            pygame.Rect(inner.left, prompt_top, inner.width, prompt_h),
        )


class InjectScene(Scene):
    """Choose one of the scenario's events to bring into this round's news now."""

    name = "facilitator_inject"
    offers_help = False

    def __init__(self, app: App, over: Scene, page: int = 0) -> None:
        super().__init__(app)
        self.over = over
        self.page = page

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def hint(self) -> str:
        return self.t(
            "Its effects apply at once and stay in the game's record; initiatives it brings join "
            "the table."
        )

    def build(self) -> None:
        from game.sim.facilitator import injectable_events

        t, u, fonts, lang = self.t, self.u, self.app.fonts, self.lang
        left, right = self.r(60, 0, 0, 0).left, self.r(1220, 0, 0, 0).left
        width = right - left
        heading = _heading(self, t("Bring in news now"), left, self.r(0, 20, 0, 0).top, right)
        # What bringing news in does, under the heading, as many lines as it takes.
        hint_font = fonts.get(17)
        lines = len(wrap(hint_font, self.hint(), width))
        self.hint_rect = pygame.Rect(
            left, heading.bottom + u(4), width, block_height(hint_font, lines)
        )
        back_h = max(u(58), self._button_height("@big_button"))
        bottom = min(self.r(0, 640, 0, 0).top, self.r(0, 706, 0, 0).top - back_h)
        back_w = self.fitted(t("Back"), "@big_button", 300)
        self.button(
            pygame.Rect(left, bottom, back_w, back_h), t("Back"), self.back, kind="@big_button"
        )
        # The events in two columns when every title fits one, else in one; a page at a time
        # when there are more than fit.
        scenario, state = self.controller.scenario, self.controller.state
        events = injectable_events(state, scenario) if scenario and state else []
        gap = u(10)
        row_h = max(u(52), self._button_height("@left_button"))
        top = self.hint_rect.bottom + u(14)
        half = (width - u(20)) // 2
        titles = [event.title.get(lang) for event in events]
        widest = max((self.needed(title, "@left_button") for title in titles), default=0)
        columns = 2 if widest <= half else 1
        column_w = half if columns == 2 else width
        rows = max(1, (bottom - u(12) - top + gap) // (row_h + gap))
        per_page = rows * columns
        pages = max(1, -(-len(events) // per_page))
        self.page = max(0, min(self.page, pages - 1))
        self.pages = pages
        shown = events[self.page * per_page : (self.page + 1) * per_page]
        for i, event in enumerate(shown):
            x = left + (i % columns) * (column_w + u(20))
            y = top + (i // columns) * (row_h + gap)
            self.button(
                pygame.Rect(x, y, column_w, row_h),
                event.title.get(lang),
                lambda e=event.id: self.bring(e),
                tooltip=event.text.get(lang),
                kind="@left_button",
            )
        if pages > 1:
            x = right
            for caption, step, enabled in (
                (t("Later"), 1, self.page < pages - 1),
                (t("Earlier"), -1, self.page > 0),
            ):
                w = self.fitted(caption, None, 130)
                x -= w
                rect = pygame.Rect(x, bottom, w, back_h)
                self.button(rect, caption, lambda s=step: self.turn(s), enabled=enabled)
                x -= gap
        self.move_focus(1)

    def turn(self, step: int) -> None:
        self.page += step
        self.rebuild()

    def bring(self, event_id: str) -> None:
        self.controller.inject(event_id)
        self.app.play("confirm")
        back_to(self.app, self.over)

    def back(self) -> None:
        self.app.go(FacilitatorScene(self.app, self.over))

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts = self.app.palette, self.app.fonts
        text_block(surface, fonts.get(17), self.hint(), palette.text_dim, self.hint_rect)
        if self.pages > 1:
            note = self.t("Page {n} of {total}").format(n=self.page + 1, total=self.pages)
            where = (self.r(1220, 0, 0, 0).left, self.hint_rect.top - self.u(4))
            text(surface, fonts.get(16, True), note, palette.text_dim, where, "bottomright")


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
        caption = self.t("Start the round")
        width = self.fitted(caption, "@big_button", 400)
        height = max(self.u(64), self._button_height("@big_button"))
        self.button_top = self.r(0, 520, 0, 0).top
        centre = self.r(640, 0, 0, 0).left
        self.button(
            pygame.Rect(centre - width // 2, self.button_top, width, height),
            caption,
            self.start,
            kind="@big_button",
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
        t, palette, fonts, u = self.t, self.app.palette, self.app.fonts, self.u
        controller = self.controller
        state, scenario = controller.state, controller.scenario
        if state is None or scenario is None:
            return
        width = u(1160)
        # The team's name large, a size smaller when a long name would not fit the width.
        team_font = fonts.get(34, True)
        for size in (60, 52, 44):
            if fonts.get(size, True).size(controller.team)[0] <= width:
                team_font = fonts.get(size, True)
                break
        lines: list[tuple[pygame.font.Font, str, tuple[int, int, int], int]] = [
            (fonts.get(26), t("Next up"), palette.text_dim, u(4)),
            (team_font, controller.team, palette.accent, u(4)),
            (
                fonts.get(28),
                t("Round {n} of {total}").format(n=state.round, total=scenario.rounds),
                palette.text,
                u(24),
            ),
        ]
        others = [s.team for i, s in enumerate(controller.seats) if i != controller.seat]
        if others:
            turns = t("Taking turns: {teams}").format(teams=", ".join([controller.team, *others]))
            small = fonts.get(18)
            lines += [(small, line, palette.text_dim, u(2)) for line in wrap(small, turns, width)]
        # One block, centred above the button.
        height = sum(font.get_linesize() + gap for font, _, _, gap in lines)
        space = self.r(0, 110, 0, 0).top + self.button_top - self.u(24) - height
        y = max(self.r(0, 24, 0, 0).top, space // 2)
        centre = self.r(640, 0, 0, 0).left
        for font, line, colour, gap in lines:
            text(surface, font, line, colour, (centre, y), "midtop")
            y += font.get_linesize() + gap


class WorkshopEndScene(Scene):
    """Every team's game is over: each team's debrief, and the teams side by side."""

    name = "workshop_end"

    def build(self) -> None:
        from game.sim import score

        t, u, fonts = self.t, self.u, self.app.fonts
        left, right = self.r(60, 0, 0, 0).left, self.r(1240, 0, 0, 0).left
        heading = _heading(self, t("Every team has played"), left, self.r(0, 24, 0, 0).top, right)
        # One row a team: its debrief button and its score and title, beside the button when
        # they fit, else under it.
        captions = [t("Debrief of {team}").format(team=seat.team) for seat in self.controller.seats]
        self.lines = [
            f"{card.total} · {card.title.get(self.lang)}"
            for card in (score(seat.state) for seat in self.controller.seats)
        ]
        button_w = min(
            right - left, max([u(520)] + [self.needed(c, "@left_button") for c in captions])
        )
        height = max(u(54), self._button_height("@left_button"))
        line_font = fonts.get(20)
        widest = max((line_font.size(line)[0] for line in self.lines), default=0)
        beside = left + button_w + u(20) + widest <= right
        self.line_at: list[tuple[int, int, str]] = []
        y = heading.bottom + u(14)
        for i, caption in enumerate(captions):
            self.button(
                pygame.Rect(left, y, button_w, height),
                caption,
                lambda i=i: self.debrief(i),
                kind="@left_button",
            )
            if beside:
                self.line_at.append((left + button_w + u(20), y + height // 2, "midleft"))
                y += height + u(12)
            else:
                self.line_at.append((left + u(14), y + height + u(2), "topleft"))
                y += height + line_font.get_linesize() + u(14)
        bottom_h = max(u(58), self._button_height("@big_button"))
        top = min(self.r(0, 640, 0, 0).top, self.r(0, 706, 0, 0).top - bottom_h)
        compare_w = self.fitted(t("Compare the teams"), "@big_button", 380)
        self.button(
            pygame.Rect(right - compare_w, top, compare_w, bottom_h),
            t("Compare the teams"),
            self.compare,
            kind="@big_button",
        )
        title_w = self.fitted(t("Title screen"), None, 300)
        self.button(pygame.Rect(left, top, title_w, bottom_h), t("Title screen"), self.back)
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
        palette, font = self.app.palette, self.app.fonts.get(20)
        for line, (x, y, anchor) in zip(self.lines, self.line_at, strict=True):
            text(surface, font, line, palette.text, (x, y), anchor)


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
        self.page = 0

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
        t, u, fonts = self.t, self.u, self.app.fonts
        left, right = self.r(40, 0, 0, 0).left, self.r(1240, 0, 0, 0).left
        width = right - left
        heading = _heading(self, t("Teams side by side"), left, self.r(0, 12, 0, 0).top, right)
        # The folder to read, under the heading.
        read = t("Read this folder")
        read_w = self.fitted(read, None, 330)
        entry_h = max(u(46), fonts.get(22).get_linesize() + u(10), self._button_height(None))
        y = heading.bottom + u(6)
        self.folder_entry = self.entry(
            pygame.Rect(left, y, width - read_w - u(10), entry_h), self.folder
        )
        self.folder_entry.set_text_length_limit(400)
        self.button(pygame.Rect(right - read_w, y, read_w, entry_h), read, self.read_folder)
        top = y + entry_h + u(12)
        # Along the bottom: back (and the pages of teams), and saving the comparison.
        bottom_h = max(u(56), self._button_height("@big_button"))
        bottom = min(self.r(0, 650, 0, 0).top, self.r(0, 706, 0, 0).top - bottom_h)
        self.message_rect = None
        if self.message:
            font = fonts.get(16)
            lines = len(wrap(font, _fold(font, self.message, width), width))
            height = block_height(font, lines)
            self.message_rect = pygame.Rect(left, bottom - u(8) - height, width, height)
            bottom_of_middle = self.message_rect.top - u(8)
        else:
            bottom_of_middle = bottom - u(12)
        # The teams' table, as tall as the teams on this page need; the differences and the
        # files left out under it.
        self.plan = self._plan(pygame.Rect(left, top, width, bottom_of_middle - top))
        boxes_top = self.plan.panel.bottom + u(10) if self.plan.panel.height else top
        boxes_h = bottom_of_middle - boxes_top
        split = left + round(width * 0.635)
        self.text_box(pygame.Rect(left, boxes_top, split - left, boxes_h), self._differences_html())
        self.text_box(
            pygame.Rect(split + u(12), boxes_top, right - split - u(12), boxes_h),
            self._left_out_html(),
        )
        back_w = self.fitted(t("Back"), None, 240)
        self.button(pygame.Rect(left, bottom, back_w, bottom_h), t("Back"), self.back)
        x = left + back_w + u(10)
        pages = len(self.plan.pages)
        if pages > 1:
            for caption, step, enabled in (
                (t("Earlier"), -1, self.page > 0),
                (t("Later"), 1, self.page < pages - 1),
            ):
                w = self.fitted(caption, None, 130)
                rect = pygame.Rect(x, bottom, w, bottom_h)
                self.button(rect, caption, lambda s=step: self.turn(s), enabled=enabled)
                x += w + u(10)
        enabled = bool(self.comparison and self.comparison.teams)
        save = t("Save as a web page")
        save_w = self.fitted(save, "@big_button", 360)
        self.button(
            pygame.Rect(right - save_w, bottom, save_w, bottom_h),
            save,
            self.export,
            enabled=enabled,
            kind="@big_button",
        )
        if self._focus is None:
            self.move_focus(1)

    def turn(self, step: int) -> None:
        """Another page of teams."""
        self.page = max(0, min(len(self.plan.pages) - 1, self.page + step))
        self.rebuild()

    def _plan(self, room: pygame.Rect) -> _TablePlan:
        """The teams' table for this type size: one line a team when everything fits the
        width; else the long cells wrap; else the relations get a table of their own under
        the first. As many teams a page as fit, leaving the texts under it two lines (they
        scroll)."""
        t, u, fonts, lang = self.t, self.u, self.app.fonts, self.lang
        comparison = self.comparison
        if comparison is None or not comparison.teams:
            self.page = 0
            return _TablePlan(pygame.Rect(room.left, room.top, room.width, 0))
        head, body, small = fonts.get(16, True), fonts.get(17), fonts.get(14, True)
        inner_w = room.width - 2 * u(12)
        gap = u(14)
        headers = (t("Team"), t("Score"), t("Title"), t("Phase"), t("Stage"))
        values = [
            (
                team.name,
                str(team.results.final.score.total),
                team.results.final.score.title.get(lang),
                f"{team.results.final.phase.level} {label(team.results.final.phase, lang)}",
                label(team.results.final.stage, lang),
            )
            for team in comparison.teams
        ]
        natural = [
            max([head.size(h)[0]] + [body.size(v[i])[0] for v in values])
            for i, h in enumerate(headers)
        ]
        least = [
            max([head.size(h)[0]] + [body.size(w)[0] for v in values for w in v[i].split()])
            for i, h in enumerate(headers)
        ]
        relations = list(CitizenRelation)
        cell = max(u(44), max(small.size(label(r, lang))[0] for r in relations) + u(8))
        block = len(relations) * cell
        gaps = (len(headers) - 1) * gap
        if sum(natural) + gaps + gap + block <= inner_w:
            widths, split = natural, False
        elif sum(least) + gaps + gap + block <= inner_w:
            widths, split = _share(least, natural, inner_w - gaps - gap - block), False
        else:
            widths, split = _share(least, natural, inner_w - gaps), True
        step = round(body.get_linesize() * 1.15)

        def row_height(cells: list[str], columns: list[int]) -> int:
            lines = max(len(wrap(body, v, w)) for v, w in zip(cells, columns, strict=True))
            return (lines - 1) * step + body.get_linesize() + u(6)

        rows = [row_height(list(v), widths) for v in values]
        team_w = max(least[0], min(natural[0], inner_w - gap - block))
        second = [row_height([v[0]], [team_w]) for v in values] if split else []
        facts_h = fonts.get(16).get_linesize() + u(4)
        head_h = max(head.get_linesize(), small.get_linesize()) + u(4)
        base = u(8) + facts_h + head_h + (u(12) + head_h if split else 0) + u(8)
        texts = self.app.fonts.get(20).get_linesize() * 2 + u(40)
        budget = max(base + rows[0] + (second[0] if split else 0), room.height - texts)
        pages: list[list[int]] = [[]]
        used = base
        for i in range(len(values)):
            need = rows[i] + (second[i] if split else 0)
            if pages[-1] and used + need > budget:
                pages.append([])
                used = base
            pages[-1].append(i)
            used += need
        self.page = max(0, min(self.page, len(pages) - 1))
        height = base + sum(rows[i] + (second[i] if split else 0) for i in pages[self.page])
        return _TablePlan(
            pygame.Rect(room.left, room.top, room.width, height),
            headers,
            values,
            widths,
            rows,
            split,
            team_w,
            second,
            cell,
            pages,
        )

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
            when = t("Round {n}").format(n=row.round)
            fit = t("best fit: {roles}").format(roles=best)
            parts.append(
                f"{e(when)} · <b>{e(row.title(lang))}</b> ({e(fit)}): {'; '.join(choices)}<br>"
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
        t, palette, fonts, lang, u = self.t, self.app.palette, self.app.fonts, self.lang, self.u
        if self.message_rect is not None:
            font, rect = fonts.get(16), self.message_rect
            text_block(surface, font, _fold(font, self.message, rect.width), palette.text, rect)
        plan, comparison = self.plan, self.comparison
        if comparison is None or not comparison.teams or not plan.panel.height:
            return
        panel(surface, plan.panel, palette, u(10))
        inner = plan.panel.inflate(-2 * u(12), -2 * u(8))
        reference = comparison.teams[0].results
        lengths = {
            GameLength.SHORT: t("Short"),
            GameLength.STANDARD: t("Standard"),
            GameLength.FULL: t("Whole game"),
        }
        length = lengths.get(GameLength(reference.length), reference.length)
        facts = t("{scenario} · seed {seed} · {length}").format(
            scenario=reference.scenario.title.get(lang), seed=reference.seed, length=length.lower()
        )
        dim = fonts.get(16)
        note = ""
        if len(plan.pages) > 1:
            note = t("Page {n} of {total}").format(n=self.page + 1, total=len(plan.pages))
            text(surface, fonts.get(16, True), note, palette.text_dim, inner.topright, "topright")
        room = inner.width - (fonts.get(16, True).size(note)[0] + u(16) if note else 0)
        text(surface, dim, shortened(dim, facts, room), palette.text_dim, inner.topleft)
        head, body, small = fonts.get(16, True), fonts.get(17), fonts.get(14, True)
        gap = u(14)
        head_h = max(head.get_linesize(), small.get_linesize()) + u(4)
        y = inner.top + dim.get_linesize() + u(4)
        shown = plan.pages[self.page]
        relations = list(CitizenRelation)
        block = len(relations) * plan.cell
        # The first table: the team, its score, title, phase and stage (and the relations,
        # when they fit beside them).
        x = inner.left
        for caption, width in zip(plan.headers, plan.widths, strict=True):
            text(surface, head, caption, palette.text_dim, (x, y))
            x += width + gap
        if not plan.split:
            self._relation_heads(surface, inner.right - block, y)
        y += head_h
        for i in shown:
            x = inner.left
            for value, width in zip(plan.values[i], plan.widths, strict=True):
                rect = pygame.Rect(x, y, width, plan.rows[i])
                text_block(surface, body, value, palette.text, rect)
                x += width + gap
            if not plan.split:
                self._relation_cells(surface, comparison.teams[i], inner.right - block, y)
            y += plan.rows[i]
        if not plan.split:
            return
        # The relations under it, in a table of their own.
        y += u(12)
        text(surface, head, plan.headers[0], palette.text_dim, (inner.left, y))
        start = inner.left + plan.team_w + gap
        self._relation_heads(surface, start, y)
        y += head_h
        for i in shown:
            rect = pygame.Rect(inner.left, y, plan.team_w, plan.second[i])
            text_block(surface, body, plan.values[i][0], palette.text, rect)
            self._relation_cells(surface, comparison.teams[i], start, y)
            y += plan.second[i]

    def _relation_heads(self, surface: pygame.Surface, x: int, y: int) -> None:
        """The relations' names over their columns, whole."""
        small, palette = self.app.fonts.get(14, True), self.app.palette
        for i, relation in enumerate(CitizenRelation):
            where = (x + i * self.plan.cell, y + self.u(2))
            text(surface, small, label(relation, self.lang), palette.text_dim, where)

    def _relation_cells(self, surface: pygame.Surface, team, x: int, y: int) -> None:
        """A team's phase per relation: a shaded square with its level."""
        palette, fonts, u = self.app.palette, self.app.fonts, self.u
        final = team.results.final
        cell_h = fonts.get(17).get_linesize() + u(2)
        for i, relation in enumerate(CitizenRelation):
            phase = final.relation_phase.get(relation)
            if phase is None:
                continue
            rect = pygame.Rect(x + i * self.plan.cell, y, self.plan.cell - u(8), cell_h)
            shade = 0.25 + 0.25 * (phase.level - 1)
            colour = tuple(
                round(a * shade + b * (1 - shade))
                for a, b in zip(palette.accent, palette.panel, strict=True)
            )
            pygame.draw.rect(surface, colour, rect, border_radius=u(4))
            ink = palette.background if phase.level >= 3 else palette.text
            text(surface, fonts.get(15, True), str(phase.level), ink, rect.center, "center")


@dataclass
class _TablePlan:
    """Where the comparison's table goes and how it is laid out (``CompareScene._plan``)."""

    panel: pygame.Rect
    headers: tuple[str, ...] = ()
    values: list[tuple[str, ...]] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    split: bool = False
    team_w: int = 0
    second: list[int] = field(default_factory=list)
    cell: int = 0
    pages: list[list[int]] = field(default_factory=lambda: [[]])


def _share(least: list[int], natural: list[int], room: int) -> list[int]:
    """Column widths for ``room`` pixels: each at least its longest word; what is left goes
    to the columns that need the least of it to show their text on one line (a team's name
    and its phase stay whole; a long title wraps)."""
    widths = list(least)
    spare = room - sum(least)
    for i in sorted(range(len(least)), key=lambda i: natural[i] - least[i]):
        extra = max(0, min(natural[i] - least[i], spare))
        widths[i] += extra
        spare -= extra
    return widths


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
