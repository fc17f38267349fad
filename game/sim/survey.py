"""Figures from the council clerks' survey of 2014 (MODEL.md §6), as data.

The default fit of a channel for a purpose comes from these tables: the share of clerks' offices
that use (table 13) or would use (table 15) that channel for that purpose. The two tables are
averaged, and scaled so that the most popular choice (about 80%) counts as a full fit.
"""

from __future__ import annotations

from types import MappingProxyType

from game.domain import Purpose

# (twitter, facebook, linkedin, none), per purpose, in percent.
TABLE_13_USERS: MappingProxyType[Purpose, tuple[int, int, int, int]] = MappingProxyType(
    {
        Purpose.ANSWER_QUESTIONS: (35, 6, 0, 59),
        Purpose.DISCUSS: (5, 10, 0, 85),
        Purpose.SPREAD_FACTS: (79, 12, 0, 9),
        Purpose.PROMOTE: (64, 17, 1, 17),
        Purpose.OPINION_FORMING: (5, 6, 2, 87),
        Purpose.SPREAD_REPORT: (31, 6, 0, 63),
        Purpose.LIVE_REPORT: (42, 1, 0, 57),
        Purpose.SPREAD_AGENDA: (72, 3, 0, 25),
        Purpose.FOLLOW_MEMBERS: (76, 3, 0, 21),
        Purpose.FOLLOW_RESIDENTS: (60, 4, 2, 34),
    }
)

TABLE_15_NON_USERS: MappingProxyType[Purpose, tuple[int, int, int, int]] = MappingProxyType(
    {
        Purpose.ANSWER_QUESTIONS: (29, 32, 0, 39),
        Purpose.DISCUSS: (17, 28, 0, 55),
        Purpose.SPREAD_FACTS: (63, 30, 0, 7),
        Purpose.PROMOTE: (52, 42, 0, 6),
        Purpose.OPINION_FORMING: (20, 27, 0, 53),
        Purpose.SPREAD_REPORT: (18, 25, 0, 57),
        Purpose.LIVE_REPORT: (21, 11, 0, 68),
        Purpose.SPREAD_AGENDA: (34, 34, 0, 31),
        Purpose.FOLLOW_MEMBERS: (77, 6, 3, 13),
        Purpose.FOLLOW_RESIDENTS: (60, 20, 0, 20),
    }
)

PROFILES = ("twitter", "facebook", "linkedin")

# Crisis communication and service are not in the survey. These defaults follow the chapter's
# account of phase 2 (webcare and crisis use are the first organised processes): the fast public
# platforms fit crises well, the network platform does not.
_NOT_IN_SURVEY: MappingProxyType[Purpose, tuple[int, int, int]] = MappingProxyType(
    {
        Purpose.CRISIS_COMMUNICATION: (85, 75, 5),
        Purpose.SERVICE: (45, 55, 5),
    }
)

# The most popular answer in the tables is about 80%; treat that as a full fit.
_SCALE = 100 / 80

# Table 14: the ten best council Twitter accounts of 25 August 2014, as % of inhabitants
# (followers, following, tweets). Lower sum of ranks wins.
TABLE_14_TOP_TEN: tuple[tuple[str, float, float, float], ...] = (
    ("Buren", 1.9, 0.5, 6.9),
    ("Achtkarspelen", 2.5, 0.3, 2.2),
    ("Haarlemmerliede", 2.5, 0.2, 4.7),
    ("Hoorn", 2.2, 0.2, 10.5),
    ("Naarden", 1.7, 0.3, 2.2),
    ("Bergeijk", 1.5, 0.4, 1.9),
    ("Horst a/d Maas", 1.3, 0.4, 3.1),
    ("De Wolden", 1.8, 0.2, 2.7),
    ("Harderwijk", 1.6, 0.5, 1.1),
    ("Brummen", 1.2, 1.5, 1.1),
)


def survey_fit(profile: str) -> dict[Purpose, float]:
    """Default fit (0–100) per purpose for a survey profile: twitter, facebook or linkedin."""
    column = PROFILES.index(profile)
    fit: dict[Purpose, float] = {}
    for purpose, users in TABLE_13_USERS.items():
        share = (users[column] + TABLE_15_NON_USERS[purpose][column]) / 2
        fit[purpose] = min(100.0, share * _SCALE)
    for purpose, values in _NOT_IN_SURVEY.items():
        fit[purpose] = float(values[column])
    return fit


# The 93 council Twitter accounts mapped on 25 August 2014, on average: followers, accounts
# followed, tweets sent since the account was made.
AVERAGE_ACCOUNT: tuple[int, int, int] = (673, 145, 555)
