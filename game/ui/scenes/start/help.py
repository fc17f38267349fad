"""How the model works, in pages; one page is the owner × relation table of roles that fit."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.domain import (
    CitizenRelation,
    InitiativeOwner,
    MunicipalRole,
)
from game.labels import OrgWords, label, org_words
from game.ui.dashboard import mix
from game.ui.look import (
    block_height,
    note,
    shortened,
    text,
    text_block,
    wrap,
)
from game.ui.scene import Scene
from game.ui.scenes.start.help_pages import how_to_play, model_pages


class HelpScene(Scene):
    """How to play, the phases and stages, the roles, which role fits whom (the owner ×
    relation table), and the residents and lines: plainly, on pages (←/→ or the page buttons).
    From a game, the words follow its organisation and the table its scenario."""

    name = "help"
    offers_help = False

    def __init__(self, app, return_to: Callable[[], Scene] | type[Scene], page: int = 0) -> None:
        super().__init__(app)
        self.return_to = return_to
        self.page = page

    def reopen(self) -> Callable[[], Scene]:
        return_to, page = self.return_to, self.page
        return lambda: self.app.scenes.help(self.app, return_to, page)

    @property
    def words(self) -> OrgWords:
        scenario = self.controller.scenario
        return org_words(scenario.organisation.kind if scenario else None, self.lang)

    def pages(self) -> list[tuple[str, str | None]]:
        """(title, text) per page; the table page has no text: it is drawn."""
        t = self.t
        model = model_pages(t, self.lang, self.words)
        return [
            (t("How to play"), how_to_play(t, self.words)),
            model[0],
            model[1],
            (t("Which role fits"), None),
            model[2],
        ]

    def build(self) -> None:
        t = self.t
        pages = self.pages()
        self.page %= len(pages)
        self.label(self.r(60, 16, 1000, 50), t("How the model works"), "#heading")
        heading_h = self.app.fonts.get(32, True).get_linesize()
        x = self.r(60, 0, 0, 0).left
        right = self.r(1220, 0, 0, 0).left
        y = self.r(0, 16, 0, 0).top + heading_h + self.u(6)
        height = max(self.u(44), self._button_height(None))
        for index, (title, _) in enumerate(pages):
            width = self.fitted(title, None, 150)
            if x + width > right:
                x = self.r(60, 0, 0, 0).left
                y += height + self.u(8)
            self.button(
                pygame.Rect(x, y, width, height),
                title,
                lambda index=index: self.show(index),
                selected=index == self.page,
            )
            x += width + self.u(10)
        self.content = pygame.Rect(
            self.r(60, 0, 0, 0).left,
            y + height + self.u(12),
            self.u(1160),
            self.r(0, 632, 0, 0).top - (y + height + self.u(12)),
        )
        html_text = pages[self.page][1]
        if html_text is not None:
            self.text_box(self.content, html_text)
        back_w = self.fitted(t("Back"), "@big_button", 220)
        self.button(
            pygame.Rect(self.r(60, 645, 0, 0).topleft, (back_w, self.u(52))),
            t("Back"),
            self.back,
            kind="@big_button",
        )
        if self._focus is None:
            self.move_focus(1)

    def show(self, page: int) -> None:
        self.page = page
        self.rebuild()

    def on_key(self, event: pygame.event.Event) -> None:
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.show(self.page + (1 if event.key == pygame.K_RIGHT else -1))

    def back(self) -> None:
        self.app.go(self.return_to)

    def draw(self, surface: pygame.Surface) -> None:
        if self.pages()[self.page % len(self.pages())][1] is None:
            self._draw_table(surface, self.content)

    def _draw_table(self, surface: pygame.Surface, box: pygame.Rect) -> None:
        """Who took the initiative × how residents meet the organisation: the roles that fit
        best, and those that fit well too (the scenario's own table during a game)."""
        from game.sim.review import role_fit_table

        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        pygame.draw.rect(surface, palette.panel, box, border_radius=self.u(8))
        pygame.draw.rect(surface, palette.panel_edge, box, width=2, border_radius=self.u(8))
        note("panel", box)
        inner = box.inflate(-self.u(28), -self.u(20))
        table = role_fit_table(self.controller.scenario)
        head, body, bold = fonts.get(17, True), fonts.get(16), fonts.get(17, True)
        owners = list(InitiativeOwner)
        words = self.words
        owner_names = {
            InitiativeOwner.MUNICIPALITY: t("Initiative of {org}").format(org=words.org),
            InitiativeOwner.COMMUNITY: t("Initiative of the community"),
        }
        relation_w = max(bold.size(label(r, lang).capitalize())[0] for r in CitizenRelation)
        relation_w += self.u(20)
        column_w = (inner.width - relation_w) // len(owners)
        y = inner.top
        heights = [len(wrap(head, owner_names[o], column_w - self.u(10))) for o in owners]
        for i, owner in enumerate(owners):
            x = inner.left + relation_w + i * column_w
            line_y = y
            for line in wrap(head, owner_names[owner], column_w - self.u(10)):
                text(surface, head, line, palette.text_dim, (x, line_y))
                line_y += head.get_linesize()
        y += max(heights) * head.get_linesize() + self.u(6)
        rows = list(CitizenRelation)
        note_font = fonts.get(15)
        footer = t(
            "Best fit in bold. 'Also' fits too (70% or more): no loss, but not the best choice. "
            "Rules broken: regulating."
        )
        footer_h = block_height(note_font, len(wrap(note_font, footer, inner.width)))
        row_h = (inner.bottom - y - footer_h - self.u(6)) / len(rows)
        for size in (17, 16, 15, 14, 13):
            # Low rows (large type): the table's type steps down so both lines still fit.
            bold, body = fonts.get(size, True), fonts.get(size - 1)
            if bold.get_linesize() + body.get_linesize() <= row_h:
                break
        for index, relation in enumerate(rows):
            top = round(y + index * row_h)
            if index % 2 == 0:
                band = pygame.Rect(inner.left, top, inner.width, round(row_h))
                pygame.draw.rect(surface, mix(palette.text, palette.panel, 0.06), band)
            text(
                surface,
                bold,
                label(relation, lang).capitalize(),
                palette.text,
                (inner.left + self.u(6), top + round(row_h) // 2),
                "midleft",
            )
            for i, owner in enumerate(owners):
                fits = table[(owner, relation)]
                top_fit = max(fits.values())
                best = " / ".join(label(r, lang) for r in MunicipalRole if fits[r] == top_fit)
                also = [label(r, lang) for r in MunicipalRole if 70 <= fits[r] < top_fit]
                x = inner.left + relation_w + i * column_w
                room = column_w - self.u(10)
                lines = [(bold, best, palette.accent)]
                if also:
                    more = t("also: {roles}").format(roles=", ".join(also))
                    if row_h >= bold.get_linesize() + body.get_linesize():
                        lines.append((body, more, palette.text_dim))
                    else:  # a low row: best and also on one line
                        lines = [(bold, f"{best} · {more}", palette.accent)]
                total = sum(f.get_linesize() for f, _, _ in lines)
                line_y = top + (round(row_h) - total) // 2
                for font, message, colour in lines:
                    text(surface, font, shortened(font, message, room), colour, (x, line_y))
                    line_y += font.get_linesize()
        text_block(
            surface,
            note_font,
            footer,
            palette.text_dim,
            pygame.Rect(inner.left, inner.bottom - footer_h, inner.width, footer_h),
        )
