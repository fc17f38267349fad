"""The organisation's own words follow the scenario's kind, on screen and off it (issues 10 and
20): the module is pure, so the results files and the exported report use the same words."""

from __future__ import annotations

import subprocess
import sys

import pytest

from game.domain import Bilingual, InitiativeOwner, OrganisationKind
from game.labels import kind_title, org_words, owner_label, score_title
from game.sim.score import TITLES
from tests.conftest import ROOT


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
def test_words_follow_the_kind_of_organisation(kind: str, org: str, building: str) -> None:
    words = org_words(OrganisationKind(kind), "en")
    assert (words.org, words.building) == (org, building)
    assert org_words(OrganisationKind(kind), "nl").org != org


def test_the_owner_of_its_own_initiatives_is_the_organisation_that_plays() -> None:
    own, community = InitiativeOwner.MUNICIPALITY, InitiativeOwner.COMMUNITY
    assert owner_label(own, OrganisationKind.WATER_BOARD, "nl") == "waterschap"
    assert owner_label(own, OrganisationKind.PROVINCE, "en") == "province"
    assert owner_label(own, None, "nl") == "gemeente"
    assert owner_label(community, OrganisationKind.POLICE, "nl") == "gemeenschap"


def test_the_end_title_speaks_of_the_organisation_that_played() -> None:
    """A police force does not end as a "Netwerkende gemeente"."""
    top, talking, learning = TITLES[0][1], TITLES[1][1], TITLES[2][1]
    police, clerk = OrganisationKind.POLICE, OrganisationKind.COUNCIL_CLERK
    assert score_title(top, police, "nl") == "Netwerkende politie"
    assert score_title(talking, clerk, "nl") == "Griffie in gesprek"
    assert score_title(learning, OrganisationKind.WATER_BOARD, "nl") == "Lerend waterschap"
    assert score_title(top, clerk, "en") == "Networking clerk's office"
    assert score_title(top, OrganisationKind.MUNICIPALITY, "nl") == "Netwerkende gemeente"
    assert score_title(TITLES[-1][1], police, "nl") == TITLES[-1][1].nl  # no organisation in it


def test_a_title_kept_in_a_file_is_in_both_languages_and_worded_once() -> None:
    """``kind_title`` goes into results files; reading it again must not change it."""
    province = OrganisationKind.PROVINCE
    worded = kind_title(TITLES[2][1], province)
    assert worded == Bilingual("Lerende provincie", "Learning province")
    assert kind_title(worded, province) == worded
    assert kind_title(TITLES[1][1], OrganisationKind.WATER_BOARD).en == (
        "Water board in conversation"
    )


def test_the_words_need_no_window() -> None:
    """The results layer imports them: they must not bring pygame or the UI along."""
    code = (
        "import sys, game.labels\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pygame', 'game.ui', 'game.sim'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
