"""The base of every scene: widgets, keyboard focus, and the rule that ``draw`` changes nothing.

A scene builds its pygame_gui widgets in ``build`` (again after a resize or a change of language
or type size), turns clicks and keys into intents for the controller in ``handle_event``, moves
animations on in ``update``, and paints in ``draw``/``draw_overlay`` without changing anything.
Keyboard: Tab and Shift+Tab move the focus, Enter presses the focused button (or the scene's main
action), Escape goes back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.core.interfaces import IUIElementInterface
from pygame_gui.elements import UIButton, UILabel, UITextBox, UITextEntryLine

if TYPE_CHECKING:
    from game.ui.app import App

Action = Callable[[], None]


def _border(widget) -> int:
    """A widget's border width (pygame_gui keeps one per side)."""
    border = getattr(widget, "border_width", 0) or 0
    if isinstance(border, dict):
        return max(int(v) for v in border.values()) if border else 0
    return int(border)


def _button_inset(widget: UIButton) -> int:
    """The room a button keeps on each side of its text: padding and border."""
    padding = int(getattr(widget, "text_horiz_alignment_padding", 0) or 0)
    return padding + _border(widget)


def _fit_height(widget: UIButton, message: str) -> None:
    """A button too low for its text at a large type size grows, around its middle."""
    font = getattr(widget, "font", None)
    if font is None:
        return
    needed = font.get_rect(message or "Hg").height + 2 * _border(widget) + 2
    rect = widget.relative_rect
    if rect.height >= needed:
        return
    grow = needed - rect.height
    widget.set_dimensions((rect.width, needed))
    widget.set_relative_position((rect.left, rect.top - grow // 2))


def _fit_text(widget: UIButton | UILabel, message: str, tooltip: str | None, inside: int) -> None:
    """Text that is wider than its widget is shortened with "…", and the whole text becomes
    the tooltip: a projector's large type never cuts a word off unseen. The widget keeps the
    text it was given (``written``), so a label that ends in "…" itself ("Bring in news…")
    is not taken for a shortened one."""
    widget.written = message  # type: ignore[union-attr]
    font = getattr(widget, "font", None)
    if font is None or not message:
        return
    room = widget.rect.width - inside
    if font.get_rect(message).width <= room:
        return
    short = message
    while short and font.get_rect(short + "…").width > room:
        short = short[:-1]
    widget.set_text(short.rstrip() + "…")
    widget.set_tooltip(message if not tooltip else f"{message} — {tooltip}")


class Scene:
    """One screen of the game."""

    name = "scene"
    # Whether the facilitator's round timer is drawn over this scene.
    shows_timer = True

    def __init__(self, app: App) -> None:
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
        size = {"@small_button": 18, "@left_button": 20, "@big_button": 26}.get(kind or "", 21)
        font = self.app.fonts.get(size, True)
        return font.size(label)[0] + 2 * 14 + self.u(6)

    def _button_height(self, kind: str | None) -> int:
        """How tall a button must be for its text at this type size (pixels)."""
        size = {"@small_button": 18, "@left_button": 20, "@big_button": 26}.get(kind or "", 21)
        return self.app.fonts.get(size, True).get_linesize() + self.u(4)

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
        _fit_height(widget, label)
        _fit_text(widget, label, tooltip, inside=2 * _button_inset(widget))
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
        _fit_text(widget, message, None, inside=0)
        return widget

    def text_box(self, rect: pygame.Rect, html: str, kind: str | None = None) -> UITextBox:
        """A text box with markup, on a panel painted with the scene (``draw_boxes``)."""
        if kind != "@plain_text":
            self.boxes.append(rect)
        return UITextBox(
            html, rect, manager=self.app.ui, object_id=ObjectID(class_id=kind, object_id=None)
        )

    def entry(self, rect: pygame.Rect, initial: str = "") -> UITextEntryLine:
        widget = UITextEntryLine(rect, manager=self.app.ui, initial_text=initial or None)
        widget.set_text_length_limit(40)
        self._focusable.append(widget)
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
            from game.ui.scenes.menu import HelpScene, SettingsScene

            self.app.go(HelpScene if key == pygame.K_F1 else SettingsScene, self.reopen())
        elif not typing:
            self.on_key(event)

    def _typing(self) -> UITextEntryLine | None:
        for widget in self._focusable:
            if isinstance(widget, UITextEntryLine) and widget.is_focused:
                return widget
        return None

    # F1 (help) and F2 (settings) work from every scene but those two and the error screens.
    offers_help = True

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
