"""Widgets that fit their text: a projector's large type never cuts a word off unseen.

A button too low for its text grows around its middle; text too wide for its widget is
shortened with "…" and the whole text becomes the tooltip.
"""

from __future__ import annotations

from pygame_gui.elements import UIButton, UILabel


def _border(widget) -> int:
    """A widget's border width (pygame_gui keeps one per side)."""
    border = getattr(widget, "border_width", 0) or 0
    if isinstance(border, dict):
        return max(int(v) for v in border.values()) if border else 0
    return int(border)


def button_inset(widget: UIButton) -> int:
    """The room a button keeps on each side of its text: padding and border."""
    padding = int(getattr(widget, "text_horiz_alignment_padding", 0) or 0)
    return padding + _border(widget)


def fit_height(widget: UIButton, message: str) -> None:
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


def fit_text(widget: UIButton | UILabel, message: str, tooltip: str | None, inside: int) -> None:
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
