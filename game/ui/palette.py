"""Colours. Two palettes: the default, and one safe for colour-blind players (Okabe–Ito).

Colour never carries meaning on its own: roles also have their number and name, changes their
sign, so the colour-blind palette is about telling roles apart at a glance, not about reading.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.domain import InitiativeOwner, MunicipalRole

Colour = tuple[int, int, int]


def hex_colour(value: str) -> Colour:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


# eq=False: a palette is one of two constants, hashed by identity (drawing caches key on it).
@dataclass(frozen=True, slots=True, eq=False)
class Palette:
    background: Colour
    panel: Colour
    panel_edge: Colour
    text: Colour
    text_dim: Colour
    accent: Colour
    focus: Colour
    good: Colour
    bad: Colour
    neutral: Colour
    townhall: Colour
    department: Colour
    department_off: Colour
    community: Colour
    business: Colour
    roles: dict[MunicipalRole, Colour]
    owners: dict[InitiativeOwner, Colour]

    def role(self, role: MunicipalRole) -> Colour:
        return self.roles[role]


DEFAULT = Palette(
    background=hex_colour("#101c2b"),
    panel=hex_colour("#18293d"),
    panel_edge=hex_colour("#2e4a6a"),
    text=hex_colour("#f4f7fb"),
    text_dim=hex_colour("#b6c4d6"),
    accent=hex_colour("#ffc857"),
    focus=hex_colour("#ffe14d"),
    good=hex_colour("#5fd38d"),
    bad=hex_colour("#ff7a6b"),
    neutral=hex_colour("#8ea3bd"),
    townhall=hex_colour("#ffc857"),
    department=hex_colour("#f6a04d"),
    department_off=hex_colour("#4a5d74"),
    community=hex_colour("#67c7e8"),
    business=hex_colour("#c39bf0"),
    roles={
        MunicipalRole.NORMATIVE: hex_colour("#ff6b6b"),
        MunicipalRole.DIRECTING: hex_colour("#ffa94d"),
        MunicipalRole.FACILITATING: hex_colour("#69db7c"),
        MunicipalRole.PARTICIPATING: hex_colour("#4dabf7"),
        MunicipalRole.LETTING_GO: hex_colour("#da77f2"),
    },
    owners={
        InitiativeOwner.MUNICIPALITY: hex_colour("#ffc857"),
        InitiativeOwner.COMMUNITY: hex_colour("#67c7e8"),
    },
)

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
COLOUR_BLIND = Palette(
    background=hex_colour("#0d1620"),
    panel=hex_colour("#16222f"),
    panel_edge=hex_colour("#3b4f63"),
    text=hex_colour("#ffffff"),
    text_dim=hex_colour("#c8d2dc"),
    accent=hex_colour("#f0e442"),
    focus=hex_colour("#f0e442"),
    good=hex_colour("#56b4e9"),
    bad=hex_colour("#e69f00"),
    neutral=hex_colour("#9aa8b6"),
    townhall=hex_colour("#f0e442"),
    department=hex_colour("#e69f00"),
    department_off=hex_colour("#4d5b69"),
    community=hex_colour("#56b4e9"),
    business=hex_colour("#cc79a7"),
    roles={
        MunicipalRole.NORMATIVE: hex_colour("#d55e00"),
        MunicipalRole.DIRECTING: hex_colour("#e69f00"),
        MunicipalRole.FACILITATING: hex_colour("#009e73"),
        MunicipalRole.PARTICIPATING: hex_colour("#56b4e9"),
        MunicipalRole.LETTING_GO: hex_colour("#cc79a7"),
    },
    owners={
        InitiativeOwner.MUNICIPALITY: hex_colour("#f0e442"),
        InitiativeOwner.COMMUNITY: hex_colour("#56b4e9"),
    },
)


def palette_for(colour_blind: bool) -> Palette:
    return COLOUR_BLIND if colour_blind else DEFAULT
