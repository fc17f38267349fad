"""The base of every scene: widgets, keyboard focus, and the rule that ``draw`` changes nothing.

A scene builds its pygame_gui widgets in ``build`` (again after a resize or a change of language
or type size), turns clicks and keys into intents for the controller in ``handle_event``, moves
animations on in ``update``, and paints in ``draw``/``draw_overlay`` without changing anything.
Keyboard: Tab and Shift+Tab move the focus, Enter presses the focused button (or the scene's main
action), Escape goes back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.core.interfaces import IUIElementInterface
from pygame_gui.elements import UIButton, UILabel, UITextBox, UITextEntryLine

from game.domain import GameLength
from game.places import DataHome
from game.saves import SaveStore
from game.ui.branding import Branding
from game.ui.controller import GameController
from game.ui.fitting import button_inset, fit_height, fit_text
from game.ui.look import Fonts
from game.ui.palette import Palette
from game.ui.pin_guard import PinGuard
from game.ui.settings import Settings
from game.ui.timer import RoundTimer

if TYPE_CHECKING:
    from game.packs import Pack
    from game.scenario.models import Scenario

# Each button style's type size (points), as assets/theme.json sets it; 21 for the plain button.
BUTTON_TYPE: dict[str, int] = {
    "@small_button": 18,
    "@channel_button": 18,
    "@left_button": 20,
    "@big_button": 26,
}

Action = Callable[[], None]


@dataclass(frozen=True)
class SceneBook:
    """Every scene of the game, by name. Scenes reach each other through the book the app is
    handed (``self.app.scenes.title``), never by importing each other: a game's flow runs in
    circles (summary → briefing, debrief → title), and imports must not."""

    # Before and outside a game.
    title: type[Scene]
    scenario_choice: type[Scene]
    load: type[Scene]
    message: type[Scene]
    choice: type[Scene]
    settings: type[Scene]
    help: type[Scene]
    error: type[Scene]
    # A round.
    briefing: type[Scene]
    decision: type[Scene]
    development: type[Scene]
    outcome: type[Scene]
    summary: type[Scene]
    # After the game.
    debrief: type[Scene]
    exported: type[Scene]
    # Workshop mode: teams, the facilitator's panel, the comparison.
    turn: type[Scene]
    pin: type[Scene]
    facilitator: type[Scene]
    discuss: type[Scene]
    inject: type[Scene]
    workshop_end: type[Scene]
    compare: type[Scene]
    play_ahead: type[Scene]
    outline: type[Scene]
    ambition: type[Scene]
    # A workshop over the network: hosting it, joining it, waiting for the host.
    host_setup: type[Scene]
    host: type[Scene]
    host_news: type[Scene]
    join: type[Scene]
    room_wait: type[Scene]


class Host(Protocol):
    """What a scene may ask of the window that shows it (the app, ``game.ui.app.App``).

    Scenes never import the app's module: they are handed a host, read what it shows (fonts,
    palette, settings, the controller) and ask it to go to another scene, play a tone or quit.
    """

    controller: GameController
    settings: Settings
    t: Callable[[str], str]
    fonts: Fonts
    palette: Palette
    ui: pygame_gui.UIManager
    scale: float
    origin: tuple[float, float]
    screen: pygame.Surface
    timer: RoundTimer
    pin_guard: PinGuard
    scenes: SceneBook
    scene: Scene | None
    saves: SaveStore | None
    pack: Pack | None
    pack_problem: str | None
    branding: Branding | None
    settings_problem: str | None
    safe_title: bool
    home: DataHome
    results_dir: Path
    seed: int | None
    scenario_dir: Path | None
    preselected_scenario: str | None
    scenario_cache: dict

    def read_scenarios_ahead(self) -> None: ...

    chosen_length: GameLength
    # The networked workshop this window hosts or plays in (``game.ui.room``), if any; and
    # whether it may reach other laptops (False in tests and the tour: 127.0.0.1 only).
    room: object | None
    network: bool

    def close_room(self) -> None: ...

    def go(self, factory: type[Scene] | Callable[[], Scene] | Scene, *args: object) -> None: ...

    def invalidate(self) -> None: ...

    def play(self, name: str) -> None: ...

    def draw(self) -> None: ...

    def quit(self) -> None: ...

    def apply_settings(self, settings: Settings) -> None: ...

    def remember(self, **changes: object) -> None: ...

    def find_scenario(self, scenario_id: str) -> Scenario | None: ...


class Scene:
    """One screen of the game."""

    name = "scene"
    # Whether the facilitator's round timer is drawn over this scene.
    shows_timer = True

    def __init__(self, app: Host) -> None:
        self.app = app
        self.controller = app.controller
        self._actions: dict[IUIElementInterface, Action] = {}
        self._focusable: list[UIButton | UITextEntryLine] = []
        self._focus: int | None = None
        # Where text boxes are: their rounded panel is painted under them with the scene (a
        # pygame_gui rounded shape that large costs a tenth of a second to build at 1920×1080).
        self.boxes: list[pygame.Rect] = []
        # Set when the scene is opened again as it was (back from the facilitator's panel).
        self.resuming = False

    # --- shortcuts --------------------------------------------------------------------------

    @property
    def t(self) -> Callable[[str], str]:
        return self.app.t

    @property
    def lang(self):
        return self.app.settings.language

    @property
    def fs(self) -> float:
        """The room's type size (1.0 normal, up to 1.4 for the back row of a projector room)."""
        return self.app.settings.font_scale

    def needed(self, label: str, kind: str | None = None) -> int:
        """How wide a button must be (pixels) to show ``label`` whole in its theme's font."""
        font = self.app.fonts.get(BUTTON_TYPE.get(kind or "", 21), True)
        return font.size(label)[0] + 2 * 14 + self.u(6)

    def _button_height(self, kind: str | None) -> int:
        """How tall a button must be for its text at this type size (pixels)."""
        return self.app.fonts.get(BUTTON_TYPE.get(kind or "", 21), True).get_linesize() + self.u(4)

    # The step whose "Sure? Press again" button waits for its second press ("": none).
    armed: str | None = ""

    def pressed_twice(self, step: str) -> bool:
        """A step that asks "Sure? Press again" first (skip, end, stop): on the first press the
        button says so and False comes back; on the second, True."""
        if self.armed == step:
            return True
        self.armed = step
        self.rebuild()
        return False

    def fitted(self, label: str, kind: str | None, minimum: float) -> int:
        """A button's width: ``minimum`` (layout units) or what its label needs, if more."""
        return max(self.u(minimum), self.needed(label, kind))

    def u(self, value: float) -> int:
        """A length at 1280×720, in pixels for this window."""
        return round(value * self.app.scale)

    def r(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        """A rectangle laid out on the 1280×720 canvas, placed in this window (centred)."""
        scale = self.app.scale
        ox, oy = self.app.origin
        return pygame.Rect(
            round(ox + x * scale), round(oy + y * scale), round(w * scale), round(h * scale)
        )

    # --- lifecycle ----------------------------------------------------------------------------

    def on_enter(self) -> None:
        """Called when the scene becomes current (before ``build``)."""

    def on_exit(self) -> None:
        """Called when another scene takes over."""

    def rebuild(self) -> None:
        """Drop every widget and build them again (new size, language or type size)."""
        focused = self._focus
        self._actions.clear()
        self._focusable.clear()
        self.boxes.clear()
        self._focus = None
        self.app.ui.clear_and_reset()
        self.app.invalidate()
        self.build()
        if focused is not None and focused < len(self._focusable):
            self._focus = focused

    def build(self) -> None:
        """Create this scene's widgets."""

    # --- widgets ----------------------------------------------------------------------------

    def button(
        self,
        rect: pygame.Rect,
        label: str,
        action: Action,
        *,
        enabled: bool = True,
        selected: bool = False,
        tooltip: str | None = None,
        kind: str | None = None,
        object_id: str | None = None,
    ) -> UIButton:
        widget = UIButton(
            rect,
            label,
            manager=self.app.ui,
            tool_tip_text=tooltip,
            object_id=ObjectID(class_id=kind, object_id=object_id),
        )
        fit_height(widget, label)
        fit_text(widget, label, tooltip, inside=2 * button_inset(widget))
        if not enabled:
            widget.disable()
        if selected:
            widget.select()
        self._actions[widget] = action
        self._focusable.append(widget)
        return widget

    def label(
        self, rect: pygame.Rect, message: str, object_id: str | None = None, grow: bool = True
    ) -> UILabel:
        """A one-line label; taller when the room chose a larger type size, so it still fits
        (``grow`` False: the rectangle was measured for it already), and shortened with "…"
        (the whole text as a tooltip) when it is too wide."""
        scale = max(1.0, self.app.settings.font_scale)
        if scale > 1.0 and grow:
            rect = rect.inflate(0, round(rect.height * (scale - 1)))
        widget = UILabel(rect, message, manager=self.app.ui, object_id=object_id)
        fit_text(widget, message, None, inside=0)
        return widget

    def heading(self, message: str, left: int, top: int, right: int) -> pygame.Rect:
        """A heading, as wide and as tall as its text at this type size (no wider, so nothing
        beside it lies under it)."""
        font = self.app.fonts.get(32, True)
        width = min(right - left, font.size(message)[0] + self.u(8))
        rect = pygame.Rect(left, top, width, font.get_linesize())
        timer = self.app.timer
        if self.shows_timer and timer.visible:
            # The round timer runs over this scene: a heading it would touch goes under it.
            box = timer.box(self.app).inflate(self.u(8), self.u(8))
            if box.colliderect(rect):
                rect.top = box.bottom
        rect.height = font.get_linesize()
        self.label(rect, message, "#heading", grow=False)
        return rect

    def text_box(
        self, rect: pygame.Rect, html: str, kind: str | None = None, must_read: bool = False
    ) -> UITextBox:
        """A text box with markup, on a panel painted with the scene (``draw_boxes``).
        ``must_read``: the layout check counts it as cut when it needs its scroll bar."""
        if kind != "@plain_text":
            self.boxes.append(rect)
        box = UITextBox(
            html, rect, manager=self.app.ui, object_id=ObjectID(class_id=kind, object_id=None)
        )
        box.must_read = must_read  # type: ignore[attr-defined]
        return box

    def entry(
        self, rect: pygame.Rect, initial: str = "", placeholder: str | None = None
    ) -> UITextEntryLine:
        widget = UITextEntryLine(
            rect, manager=self.app.ui, initial_text=initial or None, placeholder_text=placeholder
        )
        widget.set_text_length_limit(40)
        self._focusable.append(widget)
        return widget

    def secret_entry(self, rect: pygame.Rect, placeholder: str | None = None) -> UITextEntryLine:
        """A field for a PIN: what is typed shows as dots and cannot be copied (pygame_gui's
        hidden text, sound from 0.6.14). The dots are bullets drawn in the field's own type
        (its font has no "●"), so they grow with the room's type size, and the placeholder
        keeps its font."""
        widget = self.entry(rect, placeholder=placeholder)
        widget.hidden_font = widget.font
        widget.hidden_text_char = "•"
        widget.set_text_hidden(True)
        return widget

    # --- events -------------------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            action = self._actions.get(event.ui_element)
            if action is not None:
                self._focus_on(event.ui_element)
                action()
            return
        if event.type != pygame.KEYDOWN:
            return
        typing = self._typing()
        key = event.key
        if key == pygame.K_TAB:
            self.move_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.activate()
        elif key == pygame.K_ESCAPE:
            if typing is not None:
                typing.unfocus()
            else:
                self.back()
        elif key in (pygame.K_F1, pygame.K_F2) and self.offers_help:
            scenes = self.app.scenes
            self.app.go(scenes.help if key == pygame.K_F1 else scenes.settings, self.reopen())
        elif not typing:
            self.on_key(event)

    def _typing(self) -> UITextEntryLine | None:
        for widget in self._focusable:
            if isinstance(widget, UITextEntryLine) and widget.is_focused:
                return widget
        return None

    # F1 (help) and F2 (settings) work from every scene but those two and the error screens.
    offers_help = True
    # F9 opens the facilitator's panel over the screens of a round and a team's turn only.
    offers_facilitator = False

    def reopen(self) -> Callable[[], Scene]:
        """How to come back to this scene after help or settings."""
        scene_type = type(self)
        return lambda: scene_type(self.app)

    def on_key(self, event: pygame.event.Event) -> None:
        """Scene shortcuts (number keys for roles…); not called while someone is typing."""

    def back(self) -> None:
        """Escape: by default, nothing."""

    def default_action(self) -> None:
        """Enter with nothing focused: the scene's main step forward."""

    def _usable(self, widget: UIButton | UITextEntryLine) -> bool:
        return widget.is_enabled and widget.visible and widget.alive()

    def move_focus(self, step: int) -> None:
        usable = [i for i, w in enumerate(self._focusable) if self._usable(w)]
        if not usable:
            self._focus = None
            return
        if self._focus is None or self._focus not in usable:
            index = usable[0] if step > 0 else usable[-1]
        else:
            position = usable.index(self._focus)
            index = usable[(position + step) % len(usable)]
        self._set_focus(index)

    def _set_focus(self, index: int | None) -> None:
        for widget in self._focusable:
            if isinstance(widget, UITextEntryLine) and widget.is_focused:
                widget.unfocus()
        self._focus = index
        if index is not None:
            widget = self._focusable[index]
            if isinstance(widget, UITextEntryLine):
                widget.focus()

    def _focus_on(self, widget: IUIElementInterface) -> None:
        for i, candidate in enumerate(self._focusable):
            if candidate is widget:
                self._focus = i
                return

    @property
    def focused(self) -> UIButton | UITextEntryLine | None:
        if self._focus is None or self._focus >= len(self._focusable):
            return None
        widget = self._focusable[self._focus]
        return widget if self._usable(widget) else None

    def activate(self) -> None:
        """Enter: press the focused button, or take the scene's main step."""
        widget = self.focused
        if isinstance(widget, UIButton):
            action = self._actions.get(widget)
            if action is not None:
                action()
                return
        self.default_action()

    # --- frames -------------------------------------------------------------------------------

    @property
    def animating(self) -> bool:
        """True while something moves, so the app keeps drawing frames."""
        return False

    def update(self, dt: float) -> None:
        """Move animations on by ``dt`` seconds."""

    def draw_boxes(self, surface: pygame.Surface) -> None:
        """The panels under the text boxes: rounded, with an edge."""
        from game.ui.look import note

        palette, radius = self.app.palette, self.u(8)
        for rect in self.boxes:
            pygame.draw.rect(surface, palette.panel, rect, border_radius=radius)
            pygame.draw.rect(surface, palette.panel_edge, rect, width=2, border_radius=radius)
            note("panel", rect)

    def draw(self, surface: pygame.Surface) -> None:
        """Paint what lies under the widgets. Must not change any state."""

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """Paint what lies over the widgets: the keyboard focus ring."""
        widget = self.focused
        if widget is None:
            return
        rect = widget.get_abs_rect().inflate(self.u(8), self.u(8))
        pygame.draw.rect(
            surface, self.app.palette.focus, rect, width=max(3, self.u(3)), border_radius=self.u(4)
        )
