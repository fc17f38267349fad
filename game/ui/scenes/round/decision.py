"""One initiative's card: who took it, the roles with what each asks, the channels and a
prediction."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.domain import MunicipalRole, Prediction
from game.labels import label
from game.sim.channel_preview import percent
from game.ui.controller import PREDICTIONS
from game.ui.fitting import button_inset
from game.ui.scene import Scene
from game.ui.scenes.round.decision_card import DecisionCard
from game.ui.scenes.round.pager import Pager
from game.ui.words import (
    ROLE_ORDER,
    prediction_name,
    role_meaning,
)

ROLE_KEYS = {
    pygame.K_1: 0,
    pygame.K_2: 1,
    pygame.K_3: 2,
    pygame.K_4: 3,
    pygame.K_5: 4,
    pygame.K_KP1: 0,
    pygame.K_KP2: 1,
    pygame.K_KP3: 2,
    pygame.K_KP4: 3,
    pygame.K_KP5: 4,
}


def keep_hours(widget, name: str, hours: str) -> None:
    """A channel's name too long for its button is shortened, never its hours: the group
    counts them against the round's budget. (The whole name stays in the tooltip.)"""
    written = f"{name}{hours}"
    if widget.text == written or widget.font is None:
        return
    room = widget.rect.width - 2 * button_inset(widget)
    short = name
    while short and widget.font.get_rect(f"{short.rstrip()}…{hours}").width > room:
        short = short[:-1]
    widget.set_text(f"{short.rstrip()}…{hours}")


class DecisionScene(DecisionCard):
    """One initiative as a card: the team picks a role (1–5), channels and maybe a prediction.

    Before choosing, each role shows what it costs in hours, the readiness it asks against the
    organisation's readiness now, and the chance of stumbling that follows: a fitting role can
    still go wrong, and the team should see that coming. The card says in a line what the
    relation means for the organisation. The layout is worked out from the type size, so it
    holds at 140%.
    """

    name = "decision"

    def __init__(self, app, index: int = 0) -> None:
        super().__init__(app)
        self.index = index
        self.column_view = "roles"

    def show(self, view: str) -> None:
        """The roles or the channels, when the column shows one at a time."""
        if view != self.column_view:
            self.column_view = view
            self.rebuild()

    def on_enter(self) -> None:
        count = len(self.state.current_initiatives)
        self.index = max(0, min(self.index, count - 1))
        self.pager = Pager()

    def reopen(self) -> Callable[[], Scene]:
        index = self.index
        return lambda: self.app.scenes.decision(self.app, index)

    # --- layout -------------------------------------------------------------------------------

    def build(self) -> None:
        g = self.geometry()
        if g["split"]:
            self._build_tabs(g)
        if g["show_roles"]:
            self._build_roles(g)
        if g["show_channels"]:
            self._build_channels(g)
        self._build_bottom()

    def _build_tabs(self, g: dict[str, object]) -> None:
        """At a large type size the column shows the roles or the channels: two tabs."""
        t = self.t
        column: pygame.Rect = g["column"]  # type: ignore[assignment]
        tabs = (
            ("roles", t("Role (keys 1–5)")),
            ("channels", t("Channels and prediction")),
        )
        height = self._button_height("@small_button")
        x = column.left
        width = (column.width - self.u(10)) // 2
        for view, caption in tabs:
            self.button(
                pygame.Rect(x, column.top, width, height),
                caption,
                lambda view=view: self.show(view),
                selected=self.column_view == view,
                kind="@small_button",
                tooltip=t("The arrow keys left and right switch between the two."),
            )
            x += width + self.u(10)

    def _build_roles(self, g: dict[str, object]) -> None:
        t, lang = self.t, self.lang
        chosen = self.controller.plan.roles.get(self.initiative.id)
        hours_unit = t("h")
        column: pygame.Rect = g["column"]  # type: ignore[assignment]
        row: int = g["role_row"]  # type: ignore[assignment]
        y: int = g["roles_top"]  # type: ignore[assignment]
        button_w: int = g["role_w"]  # type: ignore[assignment]
        for key, role in enumerate(ROLE_ORDER, start=1):
            hours = self.controller.role_cost(role)
            self.button(
                pygame.Rect(column.left, y, button_w, row - self.u(6)),
                f"{key}  {label(role, lang)}",
                lambda role=role: self.choose(role),
                selected=role == chosen,
                tooltip=f"{role_meaning(role, t)} ({hours} {hours_unit})",
                kind="@left_button",
            )
            y += row

    def _build_channels(self, g: dict[str, object]) -> None:
        t, lang = self.t, self.lang
        initiative = self.initiative
        hours_unit = t("h")
        column: pygame.Rect = g["column"]  # type: ignore[assignment]
        picked = self.controller.plan.channels.get(initiative.id, [])
        fits, _together = self.channel_fits()
        for i, (channel, usable, hours) in enumerate(self.controller.channels()):
            name = channel.name.get(lang)
            tip = channel.description.get(lang) if channel.description else None
            if channel.id in fits:
                serves = self.serves(fits[channel.id])
                tip = f"{tip}\n{serves}" if tip else serves
            if not usable:
                tip = t("Not available yet.")
            button, _mark = self.channel_cell(g, i)
            widget = self.button(
                button,
                f"{name} · {hours} {hours_unit}",
                lambda cid=channel.id: self.toggle(cid),
                enabled=usable,
                selected=channel.id in picked,
                tooltip=tip,
                kind="@channel_button",
            )
            keep_hours(widget, name, f" · {hours} {hours_unit}")
        if self.app.settings.predict:
            current = self.controller.plan.predictions.get(initiative.id)
            label_w = self.prediction_label_width()
            ptop: int = g["predict_top"]  # type: ignore[assignment]
            prow: int = g["predict_row"]  # type: ignore[assignment]
            x = column.left + label_w
            width = (column.right - x - 2 * self.u(8)) // 3
            for prediction in PREDICTIONS:
                self.button(
                    pygame.Rect(x, ptop, width, prow - self.u(6)),
                    prediction_name(prediction, t),
                    lambda p=prediction: self.predict(p),
                    selected=current == prediction,
                    kind="@small_button",
                    tooltip=t("Optional: what do you expect? Said before, judged after."),
                )
                x += width + self.u(8)

    def _build_bottom(self) -> None:
        t = self.t
        chosen = self.controller.plan.roles.get(self.initiative.id)
        self.lay_out_card()
        count = len(self.state.current_initiatives)
        last = self.index == count - 1
        forward = t("To development") if last else t("Next initiative")
        ok = chosen is not None
        why = None if ok else t("Choose a role first (keys 1–5).")
        self.free = self.bottom_bar(
            [(t("Back"), self.back, {})],
            (forward, self.next, {"enabled": ok, "tooltip": why}),
        )
        self.title_button()

    def serves(self, fit) -> str:
        """A channel's fit in words, purpose by purpose, for its tooltip."""
        lang = self.lang
        each = ", ".join(f"{label(p, lang)} {percent(f)}%" for p, f in fit.per_purpose)
        return self.t("Serves these purposes for {pct}%: {each}").format(
            pct=percent(fit.fit), each=each
        )

    def prediction_label_width(self) -> int:
        font = self.app.fonts.get(17, True)
        return font.size(self.t("Prediction"))[0] + self.u(14)

    def choose(self, role: MunicipalRole) -> None:
        self.controller.choose_role(self.initiative.id, role)
        self.column_view = "roles"
        self.rebuild()

    def toggle(self, channel_id: str) -> None:
        self.controller.toggle_channel(self.initiative.id, channel_id)
        self.rebuild()

    def predict(self, prediction: Prediction) -> None:
        current = self.controller.plan.predictions.get(self.initiative.id)
        self.controller.predict(self.initiative.id, None if current == prediction else prediction)
        self.rebuild()

    def on_key(self, event: pygame.event.Event) -> None:
        if event.key in ROLE_KEYS:
            self.choose(ROLE_ORDER[ROLE_KEYS[event.key]])
            return
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT) and self.geometry()["split"]:
            self.show("roles" if event.key == pygame.K_LEFT else "channels")
            return
        super().on_key(event)

    def next(self) -> None:
        if self.initiative.id not in self.controller.plan.roles:
            return
        self.app.play("confirm")
        if self.index + 1 < len(self.state.current_initiatives):
            self.app.go(self.app.scenes.decision, self.index + 1)
        else:
            self.app.go(self.app.scenes.development)

    def default_action(self) -> None:
        self.next()

    def back(self) -> None:
        if self.index > 0:
            self.app.go(self.app.scenes.decision, self.index - 1)
        else:
            self.app.go(self.app.scenes.briefing)

    # --- drawing ------------------------------------------------------------------------------
