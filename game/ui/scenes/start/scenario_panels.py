"""The new-game screen's panels, measured for the type size and drawn: the scenario (title,
facts, description), the team block and the length block with each length's minutes."""

from __future__ import annotations

import pygame

from game.domain import (
    GameLength,
)
from game.ui.look import (
    block_height,
    fit_text_block,
    note,
    shortened,
    text,
    text_block,
    wrap,
)
from game.ui.scene import Scene
from game.ui.scenes.start.scenario_list import problem_lines
from game.ui.words import number

# The scenario choice's description steps down these sizes to fit; below the last it scrolls.
DESCRIPTION_SIZES = (19, 17, 16, 15, 14, 13)


class ScenarioPanels(Scene):
    """Measures and draws the new-game screen's panels; the scene (``ScenarioChoiceScene``)
    gives it ``current``, ``teams``, ``length`` and where its widgets went."""

    def blocks(self) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        """(the scenario's description, the team block, the length block) in pixels; the
        blocks are as tall as the larger needs at this type size (more teams, more rows)."""
        fonts = self.app.fonts
        entry_h = self._entry_height()
        label_h = fonts.get(18).get_linesize()
        button_h = max(self.u(44), self._button_height(None))
        small_h = max(self.u(40), self._button_height("@small_button"))
        minutes_h = fonts.get(16).get_linesize() * 2
        length_h = label_h + self.u(6) + button_h + self.u(4) + minutes_h + self.u(20)
        rows = -(-len(getattr(self, "teams", [""])) // 2)
        team_h = label_h + self.u(6) + rows * (entry_h + self.u(6)) + small_h + self.u(22)
        height = max(length_h, team_h)
        bottom = self.r(0, 640, 0, 0).top
        top = bottom - height
        team = pygame.Rect(self.r(40, 0, 0, 0).left, top, self.u(380), height)
        length = pygame.Rect(self.r(450, 0, 0, 0).left, top, self.u(790), height)
        info = pygame.Rect(
            self.r(450, 90, 0, 0).topleft,
            (self.u(790), top - self.u(12) - self.r(0, 90, 0, 0).top),
        )
        return info, team, length

    def _entry_height(self) -> int:
        return max(self.u(44), self.app.fonts.get(22).get_linesize() + self.u(10))

    def _facts(self, scenario) -> list[tuple[str, str]]:
        """The scenario's facts beside its description: organisation, languages, author."""
        t, lang = self.t, self.lang
        org = scenario.organisation
        facts = [
            (
                t("Organisation"),
                f"{org.name.get(lang)} · {number(org.inhabitants, lang)} " + t("inhabitants"),
            ),
            (
                t("Languages"),
                ", ".join({"nl": "Nederlands", "en": "English"}[x] for x in scenario.languages),
            ),
        ]
        if scenario.author:
            facts.append((t("Author"), scenario.author))
        return facts

    def _info_inner(self) -> pygame.Rect:
        info, _, _ = self.blocks()
        return info.inflate(-self.u(40), -self.u(32))

    def description_area(self, scenario) -> pygame.Rect:
        """Where the description goes: under the title (two lines at most) and the facts."""
        fonts = self.app.fonts
        inner = self._info_inner()
        title_font, small, bold = fonts.get(28, True), fonts.get(17), fonts.get(17, True)
        lines = len(wrap(title_font, scenario.title.get(self.lang), inner.width)[:2])
        y = inner.top + lines * title_font.get_linesize() + self.u(6)
        facts = self._facts(scenario)
        key_w = max(bold.size(key)[0] for key, _ in facts) + self.u(14)
        step = round(small.get_linesize() * 1.15)
        for _, value in facts:
            used = min(2, len(wrap(small, value, inner.width - key_w))) * step
            y += max(used, small.get_linesize()) + self.u(2)
        y += self.u(8)
        return pygame.Rect(inner.left, y, inner.width, max(0, inner.bottom - y))

    def draw(self, surface: pygame.Surface) -> None:
        entry = self.current
        fonts, palette, t = self.app.fonts, self.app.palette, self.t
        info, team, length = self.blocks()
        for rect in (team, length):
            pygame.draw.rect(surface, palette.panel, rect, border_radius=self.u(10))
            pygame.draw.rect(surface, palette.panel_edge, rect, width=2, border_radius=self.u(10))
            note("panel", rect)
        self._draw_lengths(surface, length)
        if entry is None:
            return
        box = info
        pygame.draw.rect(surface, palette.panel, box, border_radius=self.u(10))
        note("panel", box)
        inner = box.inflate(-self.u(40), -self.u(32))
        if entry.scenario is None:
            y = text(
                surface,
                fonts.get(22, True),
                t("This scenario cannot be loaded"),
                palette.bad,
                inner.topleft,
            ).bottom + self.u(6)
            y = text(
                surface,
                fonts.get(17),
                shortened(fonts.get(17), str(entry.path), inner.width),
                palette.text_dim,
                (inner.left, y),
            ).bottom
            y += self.u(10)
            area = pygame.Rect(inner.left, y, inner.width, inner.bottom - y)
            for line in problem_lines(entry.error, self.lang):
                used = text_block(surface, fonts.get(16), line, palette.text, area)
                area.top += used + self.u(2)
                area.height = max(0, inner.bottom - area.top)
                if area.height <= 0:
                    break
            return
        scenario = entry.scenario
        lang = self.lang
        title_font = fonts.get(28, True)
        y = inner.top
        for line in wrap(title_font, scenario.title.get(lang), inner.width)[:2]:
            text(surface, title_font, line, palette.accent, (inner.left, y))
            y += title_font.get_linesize()
        y += self.u(6)
        facts = self._facts(scenario)
        small = fonts.get(17)
        bold = fonts.get(17, True)
        key_w = max(bold.size(key)[0] for key, _ in facts) + self.u(14)
        for key, value in facts:
            text(surface, bold, key, palette.text_dim, (inner.left, y))
            used = text_block(
                surface,
                small,
                value,
                palette.text,
                pygame.Rect(inner.left + key_w, y, inner.width - key_w, block_height(small, 2)),
                max_lines=2,
            )
            y += max(used, small.get_linesize()) + self.u(2)
        if getattr(self, "description_box", None) is not None:
            return  # it scrolls, in its text box
        fit_text_block(
            surface,
            fonts,
            scenario.description.get(lang),
            palette.text,
            self.description_area(scenario),
            sizes=DESCRIPTION_SIZES,
        )

    def _draw_lengths(self, surface: pygame.Surface, block: pygame.Rect) -> None:
        """The length block: its heading, and under each choice its minutes and rounds."""
        from game.sim.length import estimated_minutes, rounds_played

        fonts, palette, t = self.app.fonts, self.app.palette, self.t
        inset = self.u(14)
        heading = fonts.get(18)
        # Hot-seat teams play one after another: the minutes are the whole workshop's (issue 19).
        teams = max(1, len(getattr(self, "teams", ())))
        title = t("Length of the game")
        if teams > 1:
            title = t("Length: {n} teams one after another, minutes for all").format(n=teams)
        text(
            surface,
            heading,
            shortened(heading, title, block.width - 2 * inset),
            palette.text_dim,
            (block.left + inset, block.top + self.u(10)),
        )
        entry = self.current
        if entry is None or entry.scenario is None:
            return
        scenario = entry.scenario
        small = fonts.get(16)
        width = (block.width - 2 * inset - 2 * self.u(12)) // 3
        x = block.left + inset
        for choice in GameLength:
            minutes = workshop_minutes(estimated_minutes(scenario, choice), teams)
            rounds = rounds_played(scenario, choice)
            colour = palette.accent if choice == self.length else palette.text_dim
            for i, line in enumerate(
                (
                    t("about {minutes} minutes").format(minutes=minutes),
                    t("{n} rounds").format(n=rounds),
                )
            ):
                text(
                    surface,
                    small,
                    shortened(small, line, width),
                    colour,
                    (x, self.length_bottom + i * small.get_linesize()),
                )
            x += width + self.u(12)


def workshop_minutes(per_game: int, teams: int) -> int:
    """About how long ``teams`` take on one laptop, taking turns: each plays a whole game
    (``estimated_minutes`` is one game's), one after another."""
    return per_game * max(1, teams)
