"""The help's pages as text: the model in plain words, in the organisation's own words."""

from __future__ import annotations

import html
from collections.abc import Callable

from game.domain import (
    CitizenRelation,
    CompetenceStage,
    GrowthPhase,
    MunicipalRole,
)
from game.labels import OrgWords, label, org_words
from game.ui.words import role_meaning


def model_pages(
    t: Callable[[str], str], lang: str, words: OrgWords | None = None
) -> list[tuple[str, str]]:
    """The help screen's pages: the model in plain words, as pygame_gui's HTML subset.

    ``words`` name the organisation (a municipality's when no game is in progress).
    In pages, not one long text: a page fits the screen without scrolling, and laying out one
    page costs a third of the whole (opening help stays well under a tenth of a second).
    """
    words = words or org_words(None, lang)  # type: ignore[arg-type]
    return [
        (t("Phases and stages"), _phases_page(t, lang, words)),
        (t("Roles"), _roles_page(t, lang, words)),
        (t("Residents and lines"), _lines_page(t, lang, words)),
    ]


def _phases_page(t: Callable[[str], str], lang: str, words: OrgWords) -> str:
    """The four growth phases and the four competence stages, each with what it means."""
    e = html.escape
    phases = {
        GrowthPhase.DISCOVERING: t(
            "A few enthusiasts open accounts and post about their own projects. "
            "Nothing is arranged; it depends on them."
        ),
        GrowthPhase.EXPERIMENTING: t(
            "There is room to try things: online customer care, first co-creation, joining "
            "residents' initiatives. A manager or alderman sponsors it; money is ad hoc."
        ),
        GrowthPhase.CONVERSING: t(
            "The whole organisation uses online channels for service, communication and "
            "listening, and goes where the conversation is. Budgets are structural."
        ),
        GrowthPhase.COLLABORATING: t(
            "{Org} is one partner among many. For every initiative it takes the role that "
            "fits, with whatever means suit."
        ).format(Org=words.Org),
    }
    stages = {
        CompetenceStage.UNCONSCIOUSLY_INCOMPETENT: t(
            "does not yet see what online interaction and collaboration could do."
        ),
        CompetenceStage.CONSCIOUSLY_INCOMPETENT: t("sees the chances, but cannot use them yet."),
        CompetenceStage.CONSCIOUSLY_COMPETENT: t("uses them, with effort and attention."),
        CompetenceStage.UNCONSCIOUSLY_COMPETENT: t("works this way without thinking about it."),
    }
    the_organisation = e(t("the organisation"))
    phases_page = ["<b>" + e(t("Four growth phases")) + "</b><br>"]
    for phase, meaning in phases.items():
        phases_page.append(f"<b>{phase.level}. {e(label(phase, lang))}</b> — {e(meaning)}<br>")
    phases_page.append("<br><b>" + e(t("Four competence stages")) + "</b><br>")
    for stage, meaning in stages.items():
        phases_page.append(
            f"<b>{stage.level}. {e(label(stage, lang))}</b>: {the_organisation} {e(meaning)}<br>"
        )
    return "".join(phases_page)


def _roles_page(t: Callable[[str], str], lang: str, words: OrgWords) -> str:
    """The five roles, and who took the initiative as the key to which fits."""
    e = html.escape
    roles_page = ["<b>" + e(t("Five roles for {org}").format(org=words.org)) + "</b><br>"]
    for i, role in enumerate(MunicipalRole, start=1):
        roles_page.append(f"<b>{i}. {e(label(role, lang))}</b> — {e(role_meaning(role, t))}<br>")
    roles_page.append(
        "<br>"
        + e(
            t(
                "Who took the initiative decides which roles fit. An initiative of {org}: "
                "mostly directing. The community's initiative: facilitating, participating or "
                "letting go. Rules broken: regulating."
            ).format(org=words.org)
        )
    )
    return "".join(roles_page)


def _lines_page(t: Callable[[str], str], lang: str, words: OrgWords) -> str:
    """How residents meet the organisation (the six relations), and the three lines."""
    e = html.escape
    relations = {
        CitizenRelation.CUSTOMER: t("uses its services and expects them to work."),
        CitizenRelation.VOTER: t("chooses the council and wants a say in democracy."),
        CitizenRelation.SUBJECT: t("has to keep the rules {org} upholds.").format(
            org=words.enforcer
        ),
        CitizenRelation.USER: t("uses public space {org} manages.").format(org=words.org),
        CitizenRelation.PARTNER: t("makes policy or plans together with {org}.").format(
            org=words.org
        ),
        CitizenRelation.RESIDENT: t("lives here and organises things with neighbours."),
    }
    the_resident = e(t("the resident"))
    lines_page = ["<b>" + e(t("How residents meet {org}").format(org=words.org)) + "</b><br>"]
    for relation, meaning in relations.items():
        lines_page.append(f"<b>{e(label(relation, lang))}</b>: {the_resident} {e(meaning)}<br>")
    lines_page.append("<br><b>" + e(t("Three lines")) + "</b><br>")
    lines_page.append(
        e(
            t(
                "Interaction grows from presence, through broadcasting, to real dialogue. "
                "Initiative ownership: choosing the role that fits who took the initiative. "
                "Ownership in the organisation: from a few enthusiasts to everyone. Together they "
                "decide the growth phase."
            )
        )
    )
    return "".join(lines_page)


def how_to_play(t: Callable[[str], str], words: OrgWords) -> str:
    """The help's first page: a round step by step, in the words of the organisation."""
    e = html.escape
    steps = [
        t("Briefing: the dashboard and this round's news. Discuss where you stand."),
        t(
            "Initiatives, one card at a time. Ask: whose initiative is it, and how do "
            "residents meet {org} here? Choose the role (keys 1–5). Next to each role: the "
            "hours it takes, the readiness it asks against yours, and the risk of stumbling."
        ).format(org=words.org),
        t(
            "Choose the channels that suit the purposes on the card, within your hours. "
            "Say what you expect (goes well, mixed, goes badly): a good guess counts."
        ),
        t("Development: invest hours and budget in the organisation itself."),
        t(
            "Outcome: step by step, in the scenario's own words. A new phase or stage gets "
            "a moment of its own."
        ),
        t("Summary: what stands between you and the next phase."),
    ]
    parts = ["<b>" + e(t("A round, step by step")) + "</b><br>"]
    for number_, step in enumerate(steps, start=1):
        parts.append(f"<b>{number_}.</b> {e(step)}<br>")
    parts.append("<br><b>" + e(t("At the end")) + "</b><br>")
    parts.append(
        e(
            t(
                "The debrief: your score, advice worked out from your own game, growth per "
                "relation, and every decision against the best fit."
            )
        )
        + "<br>"
    )
    parts.append("<br><b>" + e(t("Keys")) + "</b><br>")
    parts.append(
        e(
            t(
                "Tab and Enter everywhere · Escape back · Space reveals the next step · "
                "F1 help · F2 settings · F11 full screen. The mouse alone works too."
            )
        )
    )
    return "".join(parts)
