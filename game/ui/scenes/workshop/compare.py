"""The teams side by side, from their results files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.domain import CitizenRelation, GameLength
from game.labels import label
from game.sim.fit import FitClass, fit_class
from game.ui.dashboard import panel
from game.ui.look import block_height, fold, shortened, text, text_block, wrap
from game.ui.scene import Host, Scene
from game.ui.scenes.workshop.compare_table import TablePlan, share_widths
from game.ui.words import listed

if TYPE_CHECKING:
    from game.results.compare import Comparison, InitiativeRow, LeftOut

# The differences a room can talk through on the projector; the web page holds every one. A
# whole game's list was 80 lines in a box showing four, and pygame_gui drew all of it as one
# picture: 38 MB at 1920×1080 and 140% type (issue 22).
SHOWN_DIFFERENCES = 8


class CompareScene(Scene):
    """The teams side by side, from the results files of a folder (or the hot-seat's files)."""

    name = "compare"

    def __init__(
        self,
        app: Host,
        files: list[Path] | None = None,
        back: Callable[[], Scene] | type[Scene] | None = None,
        folder: str | None = None,
        left_out: list[LeftOut] | None = None,
    ) -> None:
        super().__init__(app)
        self.files = files
        # Left out before any file was read (a hot-seat team without a results file).
        self.left_out = list(left_out or [])
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
            self.comparison = compare_files(self.files, self.left_out)
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
        heading = self.heading(t("Teams side by side"), left, self.r(0, 12, 0, 0).top, right)
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
            lines = len(wrap(font, fold(font, self.message, width), width))
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
        if self.comparison is not None and not self.comparison.left_out:
            # Nothing left out: the differences (and the news) get the whole width, one line
            # says no file was left out.
            html = self._differences_html() + "<br>" + self._left_out_html()
            self.text_box(pygame.Rect(left, boxes_top, width, boxes_h), html)
        else:
            split = left + round(width * 0.635)
            self.text_box(
                pygame.Rect(left, boxes_top, split - left, boxes_h), self._differences_html()
            )
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

    def _plan(self, room: pygame.Rect) -> TablePlan:
        """The teams' table for this type size: one line a team when everything fits the
        width; else the long cells wrap; else the relations get a table of their own under
        the first. As many teams a page as fit, leaving the texts under it two lines (they
        scroll)."""
        t, u, fonts, lang = self.t, self.u, self.app.fonts, self.lang
        comparison = self.comparison
        if comparison is None or not comparison.teams:
            self.page = 0
            return TablePlan(pygame.Rect(room.left, room.top, room.width, 0))
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
            widths, split = share_widths(least, natural, inner_w - gaps - gap - block), False
        else:
            widths, split = share_widths(least, natural, inner_w - gaps), True
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
        return TablePlan(
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
        from game.results.compare_page import compare_html
        from game.results.report import write_page

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

        self.app.go(self.back_to or self.app.scenes.title)

    def _differences_html(self) -> str:
        import html

        t, lang, e = self.t, self.lang, html.escape
        comparison = self.comparison
        if comparison is None or not comparison.teams:
            return e(
                t("No results to compare yet: each team's file is written when its game ends.")
            )
        names = [team.name for team in comparison.teams]
        parts = [self._news_html(), "<b>" + e(t("Where the teams chose differently")) + "</b><br>"]
        rows = [row for row in comparison.initiative_rows() if row.differed]
        for row in _telling(rows, SHOWN_DIFFERENCES):
            choices = []
            for name, choice in zip(names, row.choices, strict=True):
                if choice is None:
                    continue
                kind = _fit(choice)
                mark = {
                    FitClass.FITS: t("fits best"),
                    FitClass.ALSO: t("also fits"),
                }.get(kind, t("does not fit"))
                choices.append(f"{e(name)}: {e(label(choice.role, lang))} ({e(mark)})")
            best = listed((label(r, lang) for r in row.best_roles), lang, either=True)
            when = t("Round {n}").format(n=row.round)
            fit = t("best fit: {roles}").format(roles=best)
            parts.append(
                f"{e(when)} · <b>{e(row.title(lang))}</b> ({e(fit)}): {'; '.join(choices)}<br>"
            )
        if not rows:
            parts.append(e(t("The teams chose the same role everywhere.")))
        elif len(rows) > SHOWN_DIFFERENCES:
            more = len(rows) - SHOWN_DIFFERENCES
            parts.append(e(t("… and {n} more in the web page this screen saves.").format(n=more)))
        return "".join(parts)

    def _news_html(self) -> str:
        """The news the facilitator brought in, and for which teams: the comparison is only fair
        when every team had it (the game's own news may differ with the teams' choices)."""
        import html

        t, lang, e = self.t, self.lang, html.escape
        comparison = self.comparison
        if comparison is None or not comparison.teams:
            return ""
        rows = [row for row in comparison.news_rows() if row.brought]
        if not rows:  # only the game's own news: nothing to weigh in
            return ""
        names = [team.name for team in comparison.teams]
        parts = ["<b>" + e(t("News brought in")) + "</b><br>"]
        for row in rows:
            when = t("Round {n}").format(n=row.round)
            if row.differed:
                teams = listed(row.teams_with_it(names), lang)
                who = t("only for {teams}").format(teams=teams)
            else:
                who = t("for every team")
            parts.append(f"{e(when)} · <b>{e(row.title(lang))}</b>: {e(who)}<br>")
        if not comparison.same_news:
            parts.append(e(t("Not every team had the same news: weigh that in.")) + "<br>")
        return "".join(parts) + "<br>"

    def _left_out_html(self) -> str:
        import html

        e = html.escape
        comparison = self.comparison
        if comparison is not None and comparison.teams and not comparison.left_out:
            heading, nothing = self.t("Left out"), self.t("Nothing: every file could be compared.")
            return f"<b>{e(heading)}</b>: {e(nothing)}"
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
            text_block(surface, font, fold(font, self.message, rect.width), palette.text, rect)
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


def _fit(choice) -> FitClass:
    return fit_class(choice.role, choice.fit, tuple(choice.best_roles))


def _telling(rows: list[InitiativeRow], most: int) -> list[InitiativeRow]:
    """At most ``most`` rows, in the order they came up: first those where one team's role
    fitted and another's did not (what a room learns from), then the others."""
    split = [row for row in rows if len({_fit(c) for c in row.choices if c is not None}) > 1]
    chosen = {id(row) for row in (split + [r for r in rows if r not in split])[:most]}
    return [row for row in rows if id(row) in chosen]
