"""Does every text fit? A check of one frame, for the projector-proof test and the tour.

A projector room turns the type up to 120 or 140%: a label that then runs into its neighbour,
off its panel or off its button is unreadable from the back. This check repaints the current
scene while ``game.ui.look`` notes every line drawn (and every panel, and every paragraph that
did not fit its rectangle), then looks at the widgets pygame_gui shows, and reports:

- a paragraph cut off, or a single word wider than its rectangle;
- a line of text that overlaps another line, a widget, or the edge of the window;
- a line that crosses a panel's edge (partly in, partly out);
- a button or label whose text is wider or taller than the widget (clipped);
- two widgets on top of each other;
- a text a group must read to decide (a card's text, the news, an action's description:
  ``look.must_read``, or a text box made with ``must_read``) that is not drawn whole in its
  place: shortened, cut off, or left to a scroll bar. What does not fit is paged instead;
- a text or widget that touches the round timer drawn over the scene.

Texts shortened on purpose with "…" carry their whole text in a tooltip; they are not problems,
but ``shortened`` lists them so a layout that leans on them can be noticed. A label written
with "…" ("Bring in news…": more choices follow) is its whole text, not a shortened one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame
from pygame_gui.elements import UIButton, UILabel, UITextBox, UITextEntryLine

from game.ui import look

# Lines may touch by this many pixels (anti-aliasing, rounding) before they count as overlapping.
TOLERANCE = 1


@dataclass
class FitReport:
    """What one frame's check found."""

    scene: str
    problems: list[str] = field(default_factory=list)
    shortened: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return not self.problems


def _overlap(a: pygame.Rect, b: pygame.Rect) -> bool:
    clip = a.clip(b)
    return clip.width > TOLERANCE and clip.height > TOLERANCE


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 50 else text[:47] + "…"


def widgets(app) -> list:
    """The widgets a person sees: buttons, labels, text boxes and fields of the scene."""
    root = app.ui.get_root_container()
    shown = []
    for sprite in app.ui.get_sprite_group().sprites():
        if not isinstance(sprite, UIButton | UILabel | UITextBox | UITextEntryLine):
            continue
        if not sprite.visible or not sprite.alive() or sprite.ui_container is not root:
            continue
        shown.append(sprite)
    return shown


def _border(widget) -> int:
    """A widget's border width (pygame_gui keeps one per side)."""
    border = getattr(widget, "border_width", 0) or 0
    if isinstance(border, dict):
        return max(int(v) for v in border.values()) if border else 0
    return int(border)


def _text_fits(widget) -> tuple[bool, str]:
    """Whether a button's or label's text fits inside it (its padding and border left out)."""
    font = getattr(widget, "font", None)
    message = getattr(widget, "text", "")
    if font is None or not message:
        return True, ""
    width, height = font.get_rect(message).size
    rect = widget.rect
    if isinstance(widget, UIButton):
        padding = int(getattr(widget, "text_horiz_alignment_padding", 0) or 0)
        border = _border(widget)
        room_w = rect.width - 2 * (padding + border)
        room_h = rect.height - 2 * border
    else:
        room_w, room_h = rect.width, rect.height
    if width > room_w + TOLERANCE:
        return False, f"{width - room_w}px too wide"
    if height > room_h + TOLERANCE:
        return False, f"{height - room_h}px too tall"
    return True, ""


def check(app) -> FitReport:
    """Repaint the current scene, noting what is drawn, and report what does not fit."""
    scene = app.scene
    report = FitReport(scene.name if scene is not None else "")
    look.RECORDING = []
    try:
        app.invalidate()
        app.draw()
        records = look.RECORDING
    finally:
        look.RECORDING = None
    window = app.screen.get_rect()
    texts = [(rect, what) for kind, rect, what in records if kind == "text"]
    panels = [rect for kind, rect, _ in records if kind == "panel"]
    for kind, _rect, what in records:
        if kind == "cut":
            report.problems.append(f"cut off: '{_short(what)}'")
    for rect, what in texts:
        if not window.contains(rect):
            report.problems.append(f"outside the window: '{_short(what)}' at {tuple(rect)}")
        for edge in panels:
            if _overlap(rect, edge) and not edge.inflate(2, 2).contains(rect):
                report.problems.append(
                    f"crosses a panel's edge: '{_short(what)}' at {tuple(rect)}, panel "
                    f"{tuple(edge)}"
                )
                break
    for i, (a, what_a) in enumerate(texts):
        for b, what_b in texts[i + 1 :]:
            if _overlap(a, b):
                report.problems.append(
                    f"overlaps: '{_short(what_a)}' and '{_short(what_b)}' at {tuple(a.clip(b))}"
                )
    shown = widgets(app)
    for widget in shown:
        rect = widget.rect
        name = _short(getattr(widget, "text", "") or type(widget).__name__)
        if not window.contains(rect):
            report.problems.append(f"widget outside the window: '{name}' at {tuple(rect)}")
        if isinstance(widget, UIButton | UILabel):
            fits, why = _text_fits(widget)
            if not fits:
                report.problems.append(f"text clipped in '{name}': {why}")
            message = getattr(widget, "text", "")
            if message.endswith("…") and message != getattr(widget, "written", None):
                tip = getattr(widget, "tool_tip_text", None)
                if not tip:
                    report.problems.append(f"shortened without a tooltip: '{name}'")
                else:
                    report.shortened.append(name)
        for rect_text, what in texts:
            if _overlap(rect, rect_text):
                report.problems.append(f"'{_short(what)}' lies under the widget '{name}'")
    report.problems.extend(_unread(records, shown))
    report.problems.extend(_under_the_timer(records, texts, shown))
    for i, a in enumerate(shown):
        for b in shown[i + 1 :]:
            if _overlap(a.rect, b.rect):
                report.problems.append(
                    f"widgets overlap: '{_short(getattr(a, 'text', '') or '')}' and "
                    f"'{_short(getattr(b, 'text', '') or '')}'"
                )
    return report


def _words(message: str) -> str:
    return " ".join(message.split())


def _unread(records, shown) -> list[str]:
    """Must-read texts not drawn whole: every word of a ``look.must_read`` text, in order,
    among the lines drawn inside its rectangle; a must-read text box without a scroll bar."""
    problems = []
    lines = [(rect, what) for kind, rect, what in records if kind == "text"]
    for kind, rect, what in records:
        if kind != "read" or not what.strip():
            continue
        room = rect.inflate(4, 4)
        drawn = _words(" ".join(line for at, line in lines if room.contains(at)))
        if _words(what) not in drawn:
            problems.append(f"must be read but is not shown whole: '{_short(what)}'")
    for widget in shown:
        must = isinstance(widget, UITextBox) and getattr(widget, "must_read", False)
        if must and getattr(widget, "scroll_bar", None) is not None:
            text = getattr(widget, "html_text", "") or ""
            problems.append(f"must be read but needs scrolling: '{_short(text)}'")
    return problems


def _under_the_timer(records, texts, shown) -> list[str]:
    """Text or widgets touching the round timer, which is drawn over the scene."""
    problems = []
    for kind, rect, _ in records:
        if kind != "timer":
            continue
        edge = rect.inflate(4, 4)
        for at, what in texts:
            if edge.colliderect(at) and not rect.contains(at):
                problems.append(f"touches the round timer: '{_short(what)}'")
        for widget in shown:
            if edge.colliderect(widget.rect):
                name = _short(getattr(widget, "text", "") or type(widget).__name__)
                problems.append(f"the widget '{name}' touches the round timer")
    return problems
