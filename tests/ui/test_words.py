"""Words and numbers on screen follow the language and the kind of organisation (issue 10)."""

from __future__ import annotations

import pytest

from game.domain import InitiativeOwner, MunicipalRole
from game.ui.words import number, org_words


def test_numbers_follow_the_language() -> None:
    assert number(60000, "en") == "60,000"
    assert number(60000, "nl") == "60.000"
    assert number(2.5, "nl", 1) == "2,5"


def test_62_of_62_is_never_shown_as_still_to_do() -> None:
    from game.ui.words import shown_progress as _shown_progress

    assert _shown_progress(61.7, 62, "en") == ("61.7", "62")
    assert _shown_progress(61.96, 62, "nl") == ("61,9", "62")
    assert _shown_progress(40.4, 62, "en") == ("40", "62")


@pytest.mark.parametrize(
    ("kind", "org", "building"),
    [
        ("municipality", "the municipality", "Town hall"),
        ("police", "the police", "Police station"),
        ("council_clerk", "the clerk's office", "Clerk's office"),
        ("water_board", "the water board", "Water board office"),
        ("province", "the province", "Provincial house"),
    ],
)
def test_words_follow_the_kind_of_organisation(kind, org, building) -> None:
    from game.domain import OrganisationKind

    words = org_words(OrganisationKind(kind), "en")
    assert (words.org, words.building) == (org, building)
    assert org_words(OrganisationKind(kind), "nl").org != org


def test_owner_label_follows_the_kind() -> None:
    assert InitiativeOwner.MUNICIPALITY.value == "municipality"
    assert MunicipalRole.DIRECTING in MunicipalRole


def test_the_end_title_speaks_of_the_organisation_that_played() -> None:
    """A police force does not end as a "Netwerkende gemeente"."""
    from game.domain import OrganisationKind
    from game.sim.score import TITLES
    from game.ui.words import score_title

    top, talking, learning = TITLES[0][1], TITLES[1][1], TITLES[2][1]
    police, clerk = OrganisationKind.POLICE, OrganisationKind.COUNCIL_CLERK
    assert score_title(top, police, "nl") == "Netwerkende politie"
    assert score_title(talking, clerk, "nl") == "Griffie in gesprek"
    assert score_title(learning, OrganisationKind.WATER_BOARD, "nl") == "Lerend waterschap"
    assert score_title(top, clerk, "en") == "Networking clerk's office"
    assert score_title(top, OrganisationKind.MUNICIPALITY, "nl") == "Netwerkende gemeente"
    assert score_title(TITLES[-1][1], police, "nl") == TITLES[-1][1].nl  # no organisation in it
