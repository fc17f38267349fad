"""The initiative card as it is drawn: the initiative and its relation, each role with its
hours, the readiness it asks and the risk of stumbling, each channel with how well it serves the
initiative's purposes, the chosen channels together, and the hours left."""

from __future__ import annotations

import pygame

from game.labels import OrgWords, label
from game.sim.channel_preview import WELL_CHANNEL_FIT, percent
from game.ui.dashboard import (
    panel,
)
from game.ui.look import (
    block_height,
    must_read,
    shortened,
    text,
    text_block,
    wrap,
)
from game.ui.scenes.round.base import RoundScene
from game.ui.scenes.round.pager import Line, Paged, draw_page, height_of, lay_out, paginate
from game.ui.words import (
    ROLE_ORDER,
    listed,
    role_meaning,
)


def relation_line(relation, words: OrgWords, t) -> str:
    """The relation in a line, and what it makes of the organisation (MODEL.md §3)."""
    return {
        "customer": t("People as customers: they use a service; {org} provides it."),
        "voter": t("People as voters: they want a say; {org} serves democracy."),
        "subject": t("People as subjects: rules apply to them; {org} upholds them."),
        "user": t("People as users: they use public space; {org} manages it."),
        "partner": t("People as partners: they make plans together with {org}, as equals."),
        "resident": t("People as residents: they organise their own street; {org} is a neighbour."),
    }[relation.value].format(org=words.enforcer if relation.value == "subject" else words.org)


class DecisionCard(Paged, RoundScene):
    """Lays out and draws the initiative card; the scene (``DecisionScene``) gives it
    ``initiative``, ``options`` and its widgets."""

    @property
    def initiative(self):
        return self.controller.initiatives()[self.index]

    def options(self):
        """Per role: hours, readiness asked and present, risk (from the core)."""
        from game.sim.engine import role_options

        scenario = self.controller.scenario
        assert scenario is not None
        return {o.role: o for o in role_options(self.state, scenario, self.initiative.id)}

    def channel_fits(self):
        """Per channel, how well it alone serves this initiative's purposes, and the chosen
        channels together (None: the initiative has no purposes); the core's own numbers."""
        from game.sim.channel_preview import channel_fits, chosen_fit

        scenario = self.controller.scenario
        assert scenario is not None
        initiative = self.initiative.id
        chosen = tuple(self.controller.plan.channels.get(initiative, ()))
        return (
            channel_fits(self.state, scenario, initiative),
            chosen_fit(self.state, scenario, initiative, chosen),
        )

    def channel_cell(self, g: dict[str, object], i: int) -> tuple[pygame.Rect, pygame.Rect]:
        """Where the ``i``-th channel goes: its button, and beside it the mark of its fit."""
        column: pygame.Rect = g["column"]  # type: ignore[assignment]
        top: int = g["grid_top"]  # type: ignore[assignment]
        height: int = g["channel_row"]  # type: ignore[assignment]
        mark: int = g["mark_width"]  # type: ignore[assignment]
        gap = self.u(8)
        half = (column.width - gap) // 2
        col, line = i % 2, i // 2
        cell = pygame.Rect(
            column.left + col * (half + gap), top + line * height, half, height - self.u(6)
        )
        if not mark:
            return cell, pygame.Rect(cell.right, cell.top, 0, cell.height)
        button = pygame.Rect(cell.left, cell.top, half - mark - self.u(4), cell.height)
        return button, pygame.Rect(cell.right - mark, cell.top, mark, cell.height)

    def geometry(self) -> dict[str, object]:
        """Where everything goes, in pixels, from the window and the type size: first what
        each part needs at least, then the room that is left goes to the roles' rows."""
        fonts, u = self.app.fonts, self.u
        column = self.r(552, 64, 712, 580)
        heading = fonts.get(19, True).get_linesize()
        sub = fonts.get(17, True).get_linesize()
        channels = self.controller.channels()
        channel_rows = -(-len(channels) // 2)
        predict = self.app.settings.predict
        small_h = self._button_height("@small_button")
        channel_row = max(u(40), small_h + u(4))
        legend_font = fonts.get(15)
        legend_h = block_height(legend_font, len(wrap(legend_font, self.legend(), column.width)))
        role_w = self.role_width()
        meaning_w = column.width - role_w - u(12) - u(14) - u(14)
        two_lines = self.role_height(17, meaning_w)

        def rest(row: int) -> int:
            """Room the channels and the prediction take, with rows of ``row`` pixels."""
            below = sub + u(4) + channel_rows * row + (u(10) + row if predict else 0)
            return u(10) + below

        above = heading + u(6) + legend_h + u(4)
        split = above + 5 * two_lines + rest(channel_row) > column.height
        if split and above + 5 * two_lines + rest(small_h + u(2)) <= column.height:
            split, channel_row = False, small_h + u(2)
        predict_row = channel_row if predict else 0
        # Too little room for every role with its meaning and the channels: the column shows
        # one or the other (two tabs at its top, ←/→), each whole.
        meaning_size = 17
        if split:
            above = small_h + u(8) + legend_h + u(4)
            room = (column.height - above) // 5
            for meaning_size in (17, 16, 15):
                two_lines = self.role_height(meaning_size, meaning_w)
                if two_lines <= room:
                    break
            role_row = max(two_lines, min(u(100), room))
            channels_top = column.top + small_h + u(10)
        else:
            room = (column.height - above - rest(channel_row)) // 5
            role_row = min(max(u(64), two_lines), room)
            channels_top = column.top + above + 5 * role_row + u(10)
        roles_top = column.top + above
        grid_top = channels_top + sub + u(4)
        predict_top = grid_top + channel_rows * channel_row + u(10)
        view = getattr(self, "column_view", "roles")
        # The mark beside each channel is as wide as its widest percentage: the room it leaves
        # goes to the channels' names.
        fits, _together = self.channel_fits()
        bold = fonts.get(15, True)
        mark = max((bold.size(f"{percent(f.fit)}%")[0] for f in fits.values()), default=0)
        return {
            "column": column,
            "role_w": role_w,
            "roles_top": roles_top,
            "role_row": role_row,
            "two_lines": role_row >= two_lines,
            "meaning_size": meaning_size,
            "split": split,
            "show_roles": not split or view == "roles",
            "show_channels": not split or view == "channels",
            "legend_top": roles_top - legend_h - u(4),
            "legend_h": legend_h,
            "channels_top": channels_top,
            "grid_top": grid_top,
            "channel_row": channel_row,
            "mark_width": mark + u(2) if mark else 0,
            "predict_top": predict_top,
            "predict_row": predict_row,
        }

    def role_width(self) -> int:
        """The role buttons are as wide as the longest role's name needs ("participating" at
        140% type), within a limit that leaves the stats beside them their room."""
        return min(
            self.u(300),
            max(
                self.fitted(f"{key}  {label(role, self.lang)}", "@left_button", 232)
                for key, role in enumerate(ROLE_ORDER, start=1)
            ),
        )

    def role_height(self, size: float, width: int) -> int:
        """How tall a role's row must be for its meaning (wrapped in ``size`` type to ``width``)
        and its line of hours, readiness and risk."""
        meaning, stats = self.app.fonts.get(size), self.app.fonts.get(15)
        lines = max(len(wrap(meaning, role_meaning(role, self.t), width)) for role in ROLE_ORDER)
        return lines * meaning.get_linesize() + stats.get_linesize() + self.u(6)

    def legend(self) -> str:
        """What the two numbers of a role's readiness are."""
        t = self.t
        example = t("readiness {have} of {needs}").format(have="A", needs="B")
        meaning = t("A = how ready {org} is for the role now, B = what the role asks")
        return f"{example}: {meaning.format(org=self.words.org)}"

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        count = len(self.state.current_initiatives)
        self.top_bar(surface, t("Initiative {n} of {total}").format(n=self.index + 1, total=count))
        self._draw_card(surface)
        g = self.geometry()
        column: pygame.Rect = g["column"]  # type: ignore[assignment]
        if not g["split"]:
            heading = t("Role of {org} (keys 1–5)").format(org=self.words.org)
            head = fonts.get(19, True)
            text(
                surface,
                head,
                shortened(head, heading, column.width),
                palette.text_dim,
                column.topleft,
            )
        if g["show_roles"]:
            legend = pygame.Rect(column.left, g["legend_top"], column.width, g["legend_h"])  # type: ignore[arg-type]
            text_block(surface, fonts.get(15), self.legend(), palette.text_dim, legend)
            must_read(legend, self.legend())
            self._draw_roles(surface, g)
        if g["show_channels"]:
            self._draw_channels(surface, g)
        self._draw_hours(surface)

    def _draw_channels(self, surface: pygame.Surface, g: dict[str, object]) -> None:
        """The channels' heading (with the chosen ones together) and the prediction's label."""
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        column: pygame.Rect = g["column"]  # type: ignore[assignment]
        sub = fonts.get(17, True)
        together = self._draw_channel_fits(surface, g)
        channels_head = t("Channels (hours, opening included)")
        text(
            surface,
            sub,
            shortened(sub, channels_head, column.width - together),
            palette.text_dim,
            (column.left, g["channels_top"]),  # type: ignore[arg-type]
        )
        if self.app.settings.predict:
            ptop: int = g["predict_top"]  # type: ignore[assignment]
            prow: int = g["predict_row"]  # type: ignore[assignment]
            text(
                surface,
                sub,
                t("Prediction"),
                palette.text_dim,
                (column.left, ptop + (prow - self.u(6)) // 2),
                "midleft",
            )

    def _draw_channel_fits(self, surface: pygame.Surface, g: dict[str, object]) -> int:
        """Beside each channel how well it serves the purposes (a percentage over a bar), and
        at the end of the channels' heading the chosen ones together; returns the width that
        heading's end takes (0 for an initiative without purposes)."""
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        fits, together = self.channel_fits()
        if together is None:
            return 0
        bold = fonts.get(15, True)
        bar_h = max(3, self.u(4))
        for i, (channel, usable, _hours) in enumerate(self.controller.channels()):
            _button, mark = self.channel_cell(g, i)
            fit = fits[channel.id].fit
            if not usable:
                colour = palette.text_dim
            else:
                colour = palette.good if fit >= WELL_CHANNEL_FIT else palette.neutral
            with_bar = mark.height >= bold.get_linesize() + bar_h + self.u(2)
            lines = bold.get_linesize() + (bar_h + self.u(2) if with_bar else 0)
            top = mark.top + (mark.height - lines) // 2
            text(surface, bold, f"{percent(fit)}%", colour, (mark.right, top), "topright")
            if with_bar:
                bar = pygame.Rect(mark.left, top + lines - bar_h, mark.width, bar_h)
                pygame.draw.rect(surface, palette.panel_edge, bar)
                bar.width = round(mark.width * min(1.0, fit))
                pygame.draw.rect(surface, colour, bar)
        column: pygame.Rect = g["column"]  # type: ignore[assignment]
        sub = fonts.get(17, True)
        said = t("Together: {pct}%").format(pct=percent(together))
        colour = palette.good if together >= WELL_CHANNEL_FIT else palette.bad
        drawn = text(surface, sub, said, colour, (column.right, g["channels_top"]), "topright")
        return drawn.width + self.u(16)

    def card_rect(self) -> pygame.Rect:
        return self.r(16, 64, 520, 580)

    def _card_inner(self) -> pygame.Rect:
        inner = self.card_rect().inflate(-self.u(52), -self.u(32))
        inner.left += self.u(8)
        return inner

    def lay_out_card(self) -> None:
        """The card's title, and its facts and text in pages: the largest type that shows them
        whole on the card, else pages ("More", Page Down) with the pager at the card's foot.
        Called from ``build``; ``draw`` shows ``self.card_pages[self.pager.page]``."""
        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        initiative = self.initiative
        inner = self._card_inner()
        title_font = fonts.get(26, True)
        self.card_title = wrap(title_font, initiative.title.get(lang), inner.width)
        top = inner.top + len(self.card_title) * title_font.get_linesize() + self.u(4)
        body = pygame.Rect(inner.left, top, inner.width, inner.bottom - top)
        words = self.words
        owner = (
            t("Initiative of {org}").format(org=words.org)
            if initiative.owner.value == "municipality"
            else t("Initiative of the community")
        )
        facts = [
            owner,
            relation_line(initiative.relation, words, t),
        ]
        if initiative.purposes:
            facts.append(
                t("Channels for {purposes}; a good result needs {well}% together.").format(
                    purposes=listed((label(p, lang) for p in initiative.purposes), lang),
                    well=percent(WELL_CHANNEL_FIT),
                )
            )
        small = fonts.get(17)

        def lines(size: float) -> list[Line]:
            paragraphs = [(fact, small, palette.text_dim, self.u(2)) for fact in facts]
            paragraphs.append((initiative.text.get(lang), fonts.get(size), palette.text, self.u(8)))
            return lay_out(paragraphs, body.width)

        for size in (20, 18, 17):
            if height_of(lines(size)) <= body.height:
                self.card_body, self.card_pages = body, [lines(size)]
                break
        else:
            body.height -= self._button_height("@small_button") + self.u(8)
            self.card_body, self.card_pages = body, paginate(lines(18), body.height)
        self.pager.set_pages(len(self.card_pages))
        self.pager_row = None
        if self.pager.pages > 1:
            self.pager_row = self.pager.build(self, inner.right, inner.bottom)

    def _draw_card(self, surface: pygame.Surface) -> None:
        palette, fonts = self.app.palette, self.app.fonts
        initiative = self.initiative
        card = self.card_rect()
        panel(surface, card, palette, self.u(12))
        stripe = card.copy()
        stripe.width = self.u(10)
        pygame.draw.rect(
            surface,
            palette.owners[initiative.owner],
            stripe,
            border_top_left_radius=self.u(12),
            border_bottom_left_radius=self.u(12),
        )
        inner = self._card_inner()
        title_font = fonts.get(26, True)
        y = inner.top
        for line in self.card_title:
            text(surface, title_font, line, palette.accent, (inner.left, y))
            y += title_font.get_linesize()
        draw_page(surface, self.card_pages[self.pager.page], self.card_body)
        if self.pager_row is not None:
            self.pager.draw_count(surface, self, self.pager_row)

    def _draw_roles(self, surface: pygame.Surface, g: dict[str, object]) -> None:
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        column: pygame.Rect = g["column"]  # type: ignore[assignment]
        row: int = g["role_row"]  # type: ignore[assignment]
        y: int = g["roles_top"]  # type: ignore[assignment]
        two: bool = g["two_lines"]  # type: ignore[assignment]
        meaning = fonts.get(g["meaning_size"])  # type: ignore[arg-type]
        stats, bold = fonts.get(15), fonts.get(15, True)
        options = self.options()
        hours_unit = t("h")
        left = column.left + g["role_w"] + self.u(12)  # type: ignore[operator]
        width = column.right - left - self.u(14)
        for role in ROLE_ORDER:
            option = options[role]
            box = pygame.Rect(left, y, width, row - self.u(6))
            pygame.draw.line(
                surface,
                palette.role(role),
                (box.left, box.top + self.u(4)),
                (box.left, box.bottom - self.u(4)),
                max(4, self.u(6)),
            )
            x = box.left + self.u(14)
            room = box.right - x
            said = wrap(meaning, role_meaning(role, t), room)
            lines_h = stats.get_linesize() + (len(said) * meaning.get_linesize() if two else 0)
            top = box.top + (box.height - lines_h) // 2
            must_read(box, role_meaning(role, t))
            if two:
                for line in said:
                    text(surface, meaning, line, palette.text, (x, top))
                    top += meaning.get_linesize()
            ready = t("readiness {have} of {needs}").format(
                have=round(option.readiness), needs=round(option.demand)
            )
            first = f"{option.hours} {hours_unit} · {ready} · "
            if option.risk <= 0:
                risk, colour = t("no risk"), palette.good
            else:
                risk = t("risk {pct}%").format(pct=max(1, round(option.risk * 100)))
                colour = palette.bad if option.risk >= 0.2 else palette.neutral
            if stats.size(first + risk)[0] > room:
                have, needs = round(option.readiness), round(option.demand)
                first = f"{option.hours} {hours_unit} · {have}/{needs} · "
            drawn = text(surface, stats, first, palette.text_dim if two else palette.text, (x, top))
            text(
                surface,
                bold,
                shortened(bold, risk, box.right - drawn.right),
                colour,
                (drawn.right, top),
            )
            y += row

    def _draw_hours(self, surface: pygame.Surface) -> None:
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        cost = self.controller.cost()
        left = cost.hours_available - cost.hours
        colour = palette.bad if left < 0 else palette.text
        summary = t("This round so far: {used} of {available} hours").format(
            used=cost.hours, available=cost.hours_available
        )
        start, end = self.free
        area = pygame.Rect(
            start + self.u(6), self.r(0, 656, 0, 54).top, end - start - self.u(6), self.u(54)
        )
        big = fonts.get(19, True)
        if left < 0:
            warn = fonts.get(15)
            total = big.get_linesize() + warn.get_linesize()
            top = area.centery - total // 2
            text(surface, big, shortened(big, summary, area.width), colour, (area.left, top))
            message = t("Too many hours: drop a channel or choose a lighter role.")
            text(
                surface,
                warn,
                shortened(warn, message, area.width),
                palette.bad,
                (area.left, top + big.get_linesize()),
            )
        else:
            text(surface, big, shortened(big, summary, area.width), colour, area.midleft, "midleft")
