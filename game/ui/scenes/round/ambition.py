"""Before round 1, the group says which phase it aims for in each relation (issue 21).

The source names setting one's own ambition per citizen relation as what the growth model is
for: not every relation has to reach collaborating. The aims change nothing in the play; the
debrief's growth table holds the result to them. A relation may be left without an aim.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.domain import CitizenRelation, GrowthPhase
from game.labels import label
from game.sim.ambition import can_set_ambition
from game.ui.look import block_height, text, text_block, wrap
from game.ui.scene import Host, Scene
from game.ui.scenes.round.base import RoundScene


def asks_ambition(app: Host) -> bool:
    """Whether the step to the first round's cards goes by the ambition first: once per game,
    before anything is decided, in a window that may change the game."""
    controller = app.controller
    state = controller.state
    if state is None or controller.read_only or not can_set_ambition(state):
        return False
    return not state.ambition and controller.game_id not in controller.ambition_asked


class AmbitionScene(RoundScene):
    """A row per relation: the phase it is in now, and a button per phase to aim for."""

    name = "ambition"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.aims: dict[CitizenRelation, GrowthPhase | None] = dict(self.state.ambition)
        app.controller.ambition_asked.add(app.controller.game_id)

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def explanation(self) -> str:
        return self.t(
            "Not every relation has to reach phase 4 ({phase}). Say for each relation which "
            "phase you aim for by the end of the game: the debrief holds your result to it. "
            "Press a phase again to leave the relation without an aim."
        ).format(phase=label(GrowthPhase.COLLABORATING, self.lang))

    def relations(self) -> list[CitizenRelation]:
        return [r for r in CitizenRelation if r in self.state.relation_phase]

    def build(self) -> None:
        t, u, fonts, lang = self.t, self.u, self.app.fonts, self.lang
        self.title_button()
        left, right = self.r(16, 0, 0, 0).left, self.r(1264, 0, 0, 0).left
        width = right - left
        heading = fonts.get(26, True)
        top = self.r(0, 56, 0, 0).top
        self.heading_at = (left, top)
        body = fonts.get(18)
        lines = len(wrap(body, self.explanation(), width))
        self.explanation_rect = pygame.Rect(
            left, top + heading.get_linesize() + u(4), width, block_height(body, lines)
        )
        name_font, head_font = fonts.get(18, True), fonts.get(16, True)
        self.name_w = max(name_font.size(self._name(r))[0] for r in self.relations()) + u(16)
        gap = u(8)
        button_w = (width - self.name_w - 3 * gap) // 4
        # The phases head the columns (wrapped when long); the buttons carry the numbers.
        self.heads: list[tuple[list[str], int]] = []
        head_lines = 1
        for i, phase in enumerate(GrowthPhase):
            words = wrap(head_font, f"{phase.level} {label(phase, lang)}", button_w)
            self.heads.append((words, left + self.name_w + i * (button_w + gap)))
            head_lines = max(head_lines, len(words))
        self.heads_top = self.explanation_rect.bottom + u(12)
        y = self.heads_top + head_lines * head_font.get_linesize() + u(4)
        self.button_w = button_w
        room = self.r(0, 650, 0, 0).top - y
        count = max(1, len(self.relations()))
        row_h = min(max(u(44), self._button_height(None)), room // count - u(6))
        self.rows: list[tuple[CitizenRelation, int, int]] = []
        for relation in self.relations():
            start = self.state.relation_phase[relation].level
            for i, phase in enumerate(GrowthPhase):
                caption = str(phase.level)
                if phase.level == start:
                    caption = t("{n} · now").format(n=phase.level)
                self.button(
                    pygame.Rect(left + self.name_w + i * (button_w + gap), y, button_w, row_h),
                    caption,
                    lambda relation=relation, phase=phase: self.choose(relation, phase),
                    selected=self.aims.get(relation) is phase,
                    enabled=phase.level >= start,
                    tooltip=label(phase, lang),
                )
            self.rows.append((relation, y, row_h))
            y += row_h + u(6)
        to_cards = (
            t("To the initiatives") if self.state.current_initiatives else t("To development")
        )
        self.bottom_bar(
            [(t("Back"), self.back, {})],
            (to_cards, self.next, {"kind": "@big_button"}),
        )
        if self._focus is None:
            self._focus_on(self.main)  # Enter goes on: the aims are a choice, not a must

    def _name(self, relation: CitizenRelation) -> str:
        return label(relation, self.lang).capitalize()

    def choose(self, relation: CitizenRelation, phase: GrowthPhase) -> None:
        """Aim for ``phase`` in ``relation``; the same phase again takes the aim away."""
        self.aims[relation] = None if self.aims.get(relation) is phase else phase
        self.rebuild()

    def _keep(self) -> None:
        """The aims into the game (and its autosave) as they stand now."""
        if self.aims != dict(self.state.ambition):
            self.controller.set_ambition(self.aims)

    def next(self) -> None:
        self._keep()
        if self.state.current_initiatives:
            self.app.go(self.app.scenes.decision, 0)
        else:
            self.app.go(self.app.scenes.development)

    def default_action(self) -> None:
        self.next()

    def back(self) -> None:
        self._keep()
        self.app.go(self.app.scenes.briefing)

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts = self.app.palette, self.app.fonts
        self.top_bar(surface, self.t("Ambition"))
        text(
            surface,
            fonts.get(26, True),
            self.t("Our ambition per relation"),
            palette.accent,
            self.heading_at,
        )
        text_block(surface, fonts.get(18), self.explanation(), palette.text, self.explanation_rect)
        name_font, head_font = fonts.get(18, True), fonts.get(16, True)
        for words, x in self.heads:
            y = self.heads_top
            for line in words:
                centre = (x + self.button_w // 2, y)
                text(surface, head_font, line, palette.text_dim, centre, "midtop")
                y += head_font.get_linesize()
        left = self.r(16, 0, 0, 0).left
        for relation, y, row_h in self.rows:
            at = (left, y + row_h // 2)
            text(surface, name_font, self._name(relation), palette.text, at, "midleft")
