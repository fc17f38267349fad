"""The dashboard's pictures: the phase ladder, the competence 2×2, the lines as bars, resources.

Each function only draws: it reads the values it is given and paints them into a rectangle.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.domain import CompetenceStage, Indicator, Language
from game.labels import label
from game.sim import GameState, Line, line_strengths
from game.ui.look import Fonts, inked, note, rendered, shortened, text
from game.ui.palette import Colour, Palette
from game.ui.words import indicator_word, line_name, money

Translate = Callable[[str], str]


def mix(a: Colour, b: Colour, share: float) -> Colour:
    """``share`` of ``a`` over ``b``."""
    return tuple(round(x * share + y * (1 - share)) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def panel(surface: pygame.Surface, rect: pygame.Rect, palette: Palette, radius: int) -> None:
    pygame.draw.rect(surface, palette.panel, rect, border_radius=radius)
    pygame.draw.rect(surface, palette.panel_edge, rect, width=2, border_radius=radius)
    note("panel", rect)


def relation_phases(
    surface: pygame.Surface,
    rect: pygame.Rect,
    state: GameState,
    palette: Palette,
    fonts: Fonts,
    t: Translate,
    lang: Language,
    columns: int = 1,
    heading: bool = True,
) -> None:
    """The growth phase overall, and per citizen relation as a row of four steps.

    A municipality can be conversing with its customers and still experimenting as a policy
    maker: each relation grows on its own, and the whole follows most of them. ``columns``
    lays the relations out side by side where a panel is wide and low (the debrief).
    """
    top = rect.top
    if heading:
        title = fonts.get(17, bold=True)
        big = fonts.get(20, bold=True)
        top = text(surface, title, t("Growth phase"), palette.text_dim, rect.topleft).bottom + 2
        phase = state.phase
        name = f"{phase.level}  {label(phase, lang)}"
        top = text(surface, big, name, palette.accent, (rect.left, top)).bottom + 6
    relations = list(state.relation_phase.items())
    if not relations:
        return
    rows = -(-len(relations) // columns)
    row_h = (rect.bottom - top) / rows
    column_w = (rect.width - (columns - 1) * 16) // columns
    small = fonts.get(16)
    cell = max(8, min(round(row_h) - 6, round(fonts.scale * 22)))
    gap = max(3, cell // 5)
    cells_w = 4 * cell + 3 * gap
    for i, (relation, held) in enumerate(relations):
        column, row = divmod(i, rows)
        left = rect.left + column * (column_w + 16)
        middle = round(top + row * row_h + row_h / 2)
        word = label(relation, lang).capitalize()
        font = small if small.size(word)[0] <= column_w - cells_w - 10 else fonts.get(14)
        text(surface, font, word, palette.text, (left, middle), "midleft")
        x = left + column_w - cells_w
        for level in range(1, 5):
            box = pygame.Rect(x, middle - cell // 2, cell, cell)
            reached = level <= held.level
            fill = palette.accent if reached else mix(palette.accent, palette.panel, 0.1)
            pygame.draw.rect(surface, fill, box, border_radius=max(2, cell // 5))
            x += cell + gap


def competence_grid(
    surface: pygame.Surface,
    rect: pygame.Rect,
    stage: CompetenceStage,
    palette: Palette,
    fonts: Fonts,
    t: Translate,
) -> None:
    """Conscious/unconscious × incompetent/competent, with a marker in the current cell."""
    title = fonts.get(17, bold=True)
    small = fonts.get(14)
    top = text(surface, title, t("Competence"), palette.text_dim, rect.topleft).bottom + 2
    head = small.get_linesize()
    side = small.size(t("unconscious"))[0] + 8
    grid = pygame.Rect(rect.left + side, top + head, rect.width - side, rect.bottom - top - head)
    half_w, half_h = grid.width // 2, grid.height // 2
    text(
        surface, small, t("incompetent"), palette.text_dim, (grid.left + half_w / 2, top), "midtop"
    )
    text(
        surface, small, t("competent"), palette.text_dim, (grid.left + 1.5 * half_w, top), "midtop"
    )
    text(
        surface,
        small,
        t("unconscious"),
        palette.text_dim,
        (rect.left, grid.top + half_h / 2),
        "midleft",
    )
    text(
        surface,
        small,
        t("conscious"),
        palette.text_dim,
        (rect.left, grid.top + 1.5 * half_h),
        "midleft",
    )
    cells = {
        CompetenceStage.UNCONSCIOUSLY_INCOMPETENT: (0, 0),
        CompetenceStage.CONSCIOUSLY_INCOMPETENT: (0, 1),
        CompetenceStage.CONSCIOUSLY_COMPETENT: (1, 1),
        CompetenceStage.UNCONSCIOUSLY_COMPETENT: (1, 0),
    }
    number = fonts.get(20, bold=True)
    for cell_stage, (col, row) in cells.items():
        box = pygame.Rect(
            grid.left + col * half_w + 2, grid.top + row * half_h + 2, half_w - 4, half_h - 4
        )
        current = cell_stage == stage
        fill = palette.accent if current else mix(palette.accent, palette.panel, 0.1)
        pygame.draw.rect(surface, fill, box, border_radius=6)
        colour = palette.background if current else palette.text_dim
        text(surface, number, str(cell_stage.level), colour, box.center, "center")
        if current:
            pygame.draw.circle(surface, palette.background, (box.right - 12, box.top + 12), 6)


def _name_font(name: str, room: int, fonts: Fonts) -> pygame.font.Font:
    """A bar's name in its size, a size or two down when it is too long for ``room``."""
    font = fonts.get(17, bold=True)
    for size in (15, 14, 13):
        if font.size(name)[0] <= room:
            break
        font = fonts.get(size, bold=True)
    return font


def _words_beside(name: str, value: float, word: str, width: int, fonts: Fonts) -> bool:
    """Whether a bar's words fit between its name and its number."""
    number_w = fonts.get(17, bold=True).size(f"{value:.0f}")[0]
    font = _name_font(name, width - number_w - 8, fonts)
    return width - number_w - 10 - fonts.get(15).size(word)[0] >= font.size(name)[0] + 12


# The size of words written in a bar's track (``bar`` with ``track_h``).
TRACK_WORDS = 13


def _track_words_height(fonts: Fonts) -> int:
    """How tall a track must be for words written in it."""
    font = fonts.get(TRACK_WORDS)
    return round((font.get_ascent() - font.get_descent()) * 0.88) + 4


def bar(
    surface: pygame.Surface,
    rect: pygame.Rect,
    name: str,
    value: float,
    word: str,
    colour: Colour,
    palette: Palette,
    fonts: Fonts,
    before: float | None = None,
    track_h: int | None = None,
) -> None:
    """A labelled bar 0–100 with its number and words; ``before`` shows the change.

    The name and the number share the first line; a long name (in either language, at a large
    type size) steps down a size or two rather than run into the number. The words stand
    between them when they fit there, else under the bar when the row has room, else, with a
    track ``track_h`` tall enough (``lines_panel`` decides), written in the track.
    """
    number_font = fonts.get(17, bold=True)
    small = fonts.get(15)
    bar_h = track_h or max(8, round(fonts.scale * 12))
    shown = f"{value:.0f}"
    number = text(surface, number_font, shown, palette.text, (rect.right, rect.top), "topright")
    room = number.left - 8 - rect.left
    font = _name_font(name, room, fonts)
    text(surface, font, shortened(font, name, room), palette.text, rect.topleft)
    head = max(font.get_linesize(), number_font.get_linesize())
    name_right = rect.left + font.size(name)[0] + 12
    bar_top = rect.top + head + 2
    track = pygame.Rect(rect.left, bar_top, rect.width, bar_h)
    radius = min(bar_h, max(8, round(fonts.scale * 12))) // 2
    pygame.draw.rect(surface, mix(palette.text, palette.panel, 0.12), track, border_radius=radius)
    filled = track.copy()
    filled.width = max(bar_h, round(track.width * max(0.0, min(100.0, value)) / 100))
    pygame.draw.rect(surface, colour, filled, border_radius=radius)
    if before is not None and abs(before - value) >= 0.5:
        x = track.left + round(track.width * before / 100)
        pygame.draw.line(surface, palette.text, (x, track.top - 3), (x, track.bottom + 2), 2)
    if number.left - 10 - small.size(word)[0] >= name_right:
        text(surface, small, word, palette.text_dim, (number.left - 10, number.centery), "midright")
    elif rect.bottom - track.bottom - 2 >= small.get_linesize():
        text(
            surface,
            small,
            shortened(small, word, rect.width),
            palette.text_dim,
            (rect.left, track.bottom + 2),
        )
    elif track_h is not None and track_h >= _track_words_height(fonts):
        _word_in_track(surface, word, track, filled, palette, fonts)


def _word_in_track(
    surface: pygame.Surface,
    word: str,
    track: pygame.Rect,
    filled: pygame.Rect,
    palette: Palette,
    fonts: Fonts,
) -> None:
    """The words written in the bar's track, at its right end: where a long name leaves them no
    room beside it and the row none under the bar (a name at a projector's type size). Dark
    on the filled part, light on the rest, so they read wherever the value reaches."""
    font = fonts.get(TRACK_WORDS)
    place = track.inflate(-track.height, 0)
    word = shortened(font, word, place.width)
    image = rendered(font, word, palette.text)
    # Centre the letters (not the line's box, which has room for accents above them).
    letters = inked(font, word, image.get_rect())
    at = image.get_rect(right=place.right, top=track.centery - letters.centery)
    surface.blit(image, at)
    note("text", inked(font, word, at), word)
    over = at.clip(filled)
    if over.width:
        dark = rendered(font, word, palette.background)
        surface.blit(dark, over.topleft, over.move(-at.left, -at.top))


def lines_panel(
    surface: pygame.Surface,
    rect: pygame.Rect,
    state: GameState,
    palette: Palette,
    fonts: Fonts,
    t: Translate,
    lang: Language,
    before: dict[str, float] | None = None,
) -> None:
    """The three lines, then trust and community energy, each as a bar with words."""
    strengths = line_strengths(state)
    values: list[tuple[str, str, float]] = [
        (line.value, line_name(line, t), strengths[line]) for line in Line
    ]
    values.append(
        (
            Indicator.TRUST.value,
            label(Indicator.TRUST, lang).capitalize(),
            state.indicators[Indicator.TRUST],
        )
    )
    values.append(
        (
            Indicator.COMMUNITY_ENERGY.value,
            label(Indicator.COMMUNITY_ENERGY, lang).capitalize(),
            state.indicators[Indicator.COMMUNITY_ENERGY],
        )
    )
    title = fonts.get(17, bold=True)
    top = text(surface, title, t("The three lines"), palette.text_dim, rect.topleft).bottom + 4
    slot = (rect.bottom - top) / len(values)
    words = [indicator_word(_word_key(key), value, t) for key, _, value in values]
    # Where a long name leaves its words no room beside it, every bar is made tall enough to
    # hold words (the same for all, so they compare), if the rows have room for it.
    track_h = None
    if not all(
        _words_beside(name, value, word, rect.width, fonts)
        for (_, name, value), word in zip(values, words, strict=True)
    ):
        head = fonts.get(17, bold=True).get_linesize() + 2
        under = head + max(8, round(fonts.scale * 12)) + 2 + fonts.get(15).get_linesize()
        thick = _track_words_height(fonts)
        if under + 4 > slot and head + thick + 4 <= slot:
            track_h = thick
    for i, (key, name, value) in enumerate(values):
        y = round(top + i * slot)
        if i == 3:
            pygame.draw.line(
                surface, palette.panel_edge, (rect.left, y - 3), (rect.right, y - 3), 1
            )
        colour = palette.accent if i < 3 else (palette.community if i == 4 else palette.good)
        bar(
            surface,
            pygame.Rect(rect.left, y, rect.width, round(slot) - 4),
            name,
            value,
            words[i],
            colour,
            palette,
            fonts,
            before=None if before is None else before.get(key),
            track_h=track_h,
        )


def _word_key(key: str) -> Indicator | Line:
    """Which words describe the value of ``lines_panel``'s row ``key``."""
    if key == Line.INTERACTION.value:
        return Indicator.INTERACTION
    return Line(key) if key in {line.value for line in Line} else Indicator(key)


def line_values(state: GameState) -> dict[str, float]:
    """The values ``lines_panel`` shows, keyed as it keys them (for before/after)."""
    out = {line.value: value for line, value in line_strengths(state).items()}
    out[Indicator.TRUST.value] = state.indicators[Indicator.TRUST]
    out[Indicator.COMMUNITY_ENERGY.value] = state.indicators[Indicator.COMMUNITY_ENERGY]
    return out


def resources(
    surface: pygame.Surface,
    rect: pygame.Rect,
    hours_left: int,
    hours_total: int,
    budget_left: float,
    palette: Palette,
    fonts: Fonts,
    t: Translate,
    lang: Language = "en",
) -> None:
    """Capacity and budget left this round, big enough to read from the back: side by side
    where they fit, else the budget under the hours."""
    small = fonts.get(15)
    big = fonts.get(24, bold=True)
    hours = f"{hours_left} / {hours_total} " + t("h")
    budget = money(budget_left, lang)
    names = (t("Capacity left"), t("Budget left"))
    first_w = max(small.size(names[0])[0], big.size(hours)[0]) + 16
    second_w = max(small.size(names[1])[0], big.size(budget)[0])
    side_by_side = first_w + second_w <= rect.width
    half = max(rect.width // 2, first_w) if side_by_side else 0
    hours_colour = palette.bad if hours_left < 0 else palette.text
    money_colour = palette.bad if budget_left < 0 else palette.text
    text(surface, small, names[0], palette.text_dim, rect.topleft)
    text(surface, big, hours, hours_colour, (rect.left, rect.top + small.get_linesize()))
    if side_by_side:
        x, y = rect.left + half, rect.top
    else:
        x, y = rect.left, rect.top + small.get_linesize() + big.get_linesize()
    text(surface, small, names[1], palette.text_dim, (x, y))
    text(surface, big, budget, money_colour, (x, y + small.get_linesize()))


def resources_height(
    fonts: Fonts, width: int, t: Translate, hours: str = "999 / 999", lang: Language = "en"
) -> int:
    """How tall ``resources`` is at this type size and width."""
    small = fonts.get(15)
    big = fonts.get(24, bold=True)
    first_w = max(small.size(t("Capacity left"))[0], big.size(hours + " " + t("h"))[0]) + 16
    second_w = max(small.size(t("Budget left"))[0], big.size(money(999, lang))[0])
    rows = 1 if first_w + second_w <= width else 2
    return rows * (small.get_linesize() + big.get_linesize())
