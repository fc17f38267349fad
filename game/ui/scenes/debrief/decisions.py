"""The debrief's decisions tab: every decision against the best fit, page by page."""

from __future__ import annotations

from typing import NamedTuple

import pygame

from game.domain import Prediction
from game.labels import label
from game.sim.channel_preview import percent
from game.sim.fit import FitClass, fit_class
from game.sim.review import best_available_channels
from game.ui.dashboard import panel
from game.ui.look import shortened, text, wrap
from game.ui.scenes.round.base import RoundScene
from game.ui.story import verdict_name
from game.ui.words import listed, prediction_name

# The styles of a decision's lines: its title with how it went (bold, coloured by the verdict),
# the role against the best (coloured by the fit), plain lines, and the investments.
VERDICTS = ("well", "mixed", "badly")
FITS = ("fits", "also", "misses")
INDENTED = (*FITS, "plain")


class Piece(NamedTuple):
    """A round's decisions on a page of the debrief: its lines ``start`` to ``end`` (all of
    them, unless the round is taller than a column), in ``column``."""

    round: int
    start: int
    end: int
    column: int


def _prediction_words(predicted: Prediction, verdict: Prediction, t) -> str:
    """What the team predicted against how it went: right, close, or the opposite."""
    said, went = prediction_name(predicted, t), verdict_name(verdict, t)
    if predicted is verdict:
        return t("Predicted '{said}': right.").format(said=said)
    if {predicted, verdict} == {Prediction.WELL, Prediction.BADLY}:
        return t("Predicted '{said}': the opposite, it {went}.").format(said=said, went=went)
    return t("Predicted '{said}': close, it {went}.").format(said=said, went=went)


class DecisionsTab(RoundScene):
    """Lays out and draws the decisions tab; the debrief (``DebriefScene``) gives it ``area``,
    ``page`` and ``starts``."""

    def _items(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Every round's decisions as text: (heading, [(style, line)])."""
        scenario = self.controller.scenario
        assert scenario is not None
        t, lang = self.t, self.lang
        items = []
        for index, record in enumerate(self.state.history):
            at = self.starts[index] if index < len(self.starts) else None
            lines: list[tuple[str, str]] = []
            for outcome in record.outcomes:
                title = scenario.initiative(outcome.initiative).title.get(lang)
                kind = fit_class(outcome.role, outcome.fit, outcome.best_roles)
                # The title line says how it went, in its colour (as the outcome's story);
                # the line under it says how the role fitted, in the fit's colour.
                went = {Prediction.WELL: "well", Prediction.MIXED: "mixed"}.get(
                    outcome.verdict, "badly"
                )
                lines.append((went, f"{title} · {verdict_name(outcome.verdict, t)}"))
                fit_mark = {FitClass.FITS: "fits", FitClass.ALSO: "also"}.get(kind, "misses")
                best = " / ".join(label(r, lang) for r in outcome.best_roles)
                you = (
                    t("You: {role} ({fit}%, fits too) · fits best: {best}")
                    if kind is FitClass.ALSO
                    else t("You: {role} ({fit}%) · fits best: {best}")
                ).format(role=label(outcome.role, lang), fit=round(outcome.fit * 100), best=best)
                if not outcome.succeeded:
                    you += " · " + t("stumbled (readiness {have} of {needs})").format(
                        have=round(outcome.readiness), needs=round(outcome.demand)
                    )
                lines.append((fit_mark, you))
                chosen = listed(
                    (scenario.channel(c).name.get(lang) for c in outcome.channels), lang
                ) or t("none")
                cfit = "–" if outcome.channel_fit is None else f"{percent(outcome.channel_fit)}%"
                channel_line = t("Channels: {chosen} ({fit})").format(chosen=chosen, fit=cfit)
                if at is not None and outcome.channel_fit is not None:
                    better = best_available_channels(scenario, at, outcome.initiative)
                    if better and set(better) != set(outcome.channels):
                        channel_line += " · " + t("best available then: {channels}").format(
                            channels=listed(
                                (scenario.channel(c).name.get(lang) for c in better), lang
                            )
                        )
                lines.append(("plain", channel_line))
                if outcome.prediction is not None:
                    lines.append(
                        ("plain", _prediction_words(outcome.prediction, outcome.verdict, t))
                    )
            if record.decisions.actions:
                names = listed(
                    (scenario.action(a).title.get(lang) for a in record.decisions.actions), lang
                )
                lines.append(("action", "+ " + names))
            unit = scenario.round_name.get(lang) if scenario.round_name else t("round")
            items.append((f"{unit.capitalize()} {record.round}", lines))
        return items

    def _item_height(self, item, width: int) -> int:
        fonts = self.app.fonts
        head, body = fonts.get(18, True), fonts.get(16)
        height = head.get_linesize() + self.u(4)
        for style, line in item[1]:
            font = fonts.get(16, True) if style in VERDICTS else body
            indent = self.u(24) if style in INDENTED else 0
            height += len(wrap(font, line, width - indent)) * font.get_linesize()
        return height + self.u(12)

    def _columns(self) -> tuple[pygame.Rect, int, int]:
        """The list's area, how many columns side by side, and each column's width."""
        area = self.area.inflate(-self.u(28), -self.u(20))
        gap = self.u(24)
        columns = 2 if (area.width - gap) // 2 >= self.u(520) * self.fs else 1
        width = (area.width - gap * (columns - 1)) // columns
        return area, columns, width

    def _paginate(self) -> list[list[Piece]]:
        """What each page shows: as many whole rounds as fit, column by column (one round per
        page at the least). A round taller than a column (many decisions at a large type size)
        goes on over the next columns and pages, split between its decisions, its heading
        repeated."""
        area, columns, width = self._columns()
        head = self.app.fonts.get(16, True)
        room = area.height - head.get_linesize() - self.u(8)
        items = self._items()
        self._decision_items = items
        pages: list[list[Piece]] = [[]]
        used, column = 0, 0

        def next_column() -> None:
            nonlocal used, column
            column, used = column + 1, 0
            if column >= columns:
                pages.append([])
                column = 0

        def height(index: int, start: int, end: int) -> int:
            heading, lines = items[index]
            return self._item_height((heading, lines[start:end]), width)

        for index, (_, lines) in enumerate(items):
            whole = height(index, 0, len(lines))
            if whole <= room:
                if used and used + whole > room:
                    next_column()
                pages[-1].append(Piece(index, 0, len(lines), column))
                used += whole
                continue
            # Whole decisions (a verdict and its lines; the investments) stay together.
            ends = [i for i, (style, _) in enumerate(lines) if i and style not in INDENTED]
            ends.append(len(lines))
            start = 0
            while start < len(lines):
                fitting = [e for e in ends if e > start and used + height(index, start, e) <= room]
                if not fitting and used:
                    next_column()
                    continue
                end = fitting[-1] if fitting else min(end for end in ends if end > start)
                pages[-1].append(Piece(index, start, end, column))
                used += height(index, start, end)
                start = end
                if start < len(lines):
                    next_column()
        return pages

    def _draw_decisions(self, surface: pygame.Surface) -> None:
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        box = self.area
        panel(surface, box, palette, self.u(10))
        inner, _, width = self._columns()
        pages = getattr(self, "pages", None) or [[]]
        items = getattr(self, "_decision_items", [])
        head = fonts.get(16, True)
        page_note = t("Page {n} of {total}").format(n=self.page + 1, total=len(pages))
        note = text(
            surface, head, page_note, palette.text_dim, (inner.right, inner.top), "topright"
        )
        caption = t("Every decision against the best fit, and the best channels open then")
        room = note.left - self.u(20) - inner.left
        text(surface, head, shortened(head, caption, room), palette.text_dim, inner.topleft)
        top = inner.top + head.get_linesize() + self.u(8)
        title_font, body, bold = fonts.get(18, True), fonts.get(16), fonts.get(16, True)
        if not items:
            text(surface, body, t("No decisions were made."), palette.text, (inner.left, top))
            return
        y, column = top, 0
        for piece in pages[min(self.page, len(pages) - 1)]:
            heading, lines = items[piece.round]
            if piece.column != column:
                column, y = piece.column, top
            x = inner.left + column * (width + self.u(24))
            text(surface, title_font, heading, palette.accent, (x, y))
            y += title_font.get_linesize() + self.u(4)
            for style, line in lines[piece.start : piece.end]:
                if style in VERDICTS:
                    colour = {"well": palette.good, "mixed": palette.neutral}.get(
                        style, palette.bad
                    )
                    font, indent = bold, 0
                elif style == "action":
                    colour, font, indent = palette.accent, body, 0
                elif style in FITS:
                    colour = {"fits": palette.good, "also": palette.neutral}.get(style, palette.bad)
                    font, indent = body, self.u(24)
                else:
                    colour, font, indent = palette.text, body, self.u(24)
                for part in wrap(font, line, width - indent):
                    text(surface, font, part, colour, (x + indent, y))
                    y += font.get_linesize()
            y += self.u(12)
