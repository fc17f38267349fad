"""Shared fixtures: the shipped default scenario and a small builder for rule tests; and the order
in which `pytest -n` hands out the test files."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import pytest

from game.scenario.loader import load_scenario
from game.scenario.models import Scenario

ROOT = Path(__file__).resolve().parent.parent

BASE: dict[str, Any] = {
    "id": "test",
    "title": "Test",
    "description": "A scenario for rule tests.",
    "briefing": "Test briefing.",
    "organisation": {"name": "Testdorp", "inhabitants": 10000},
    "rounds": 3,
    "start": {"capacity": 40, "budget": 50, "budget_per_round": 10},
    "channels": [
        {
            "id": "twitter",
            "name": "Twitter",
            "survey_profile": "twitter",
            "in_use": True,
            "interaction": "dialogue",
            "audience": 50,
            "cost": 2,
        },
        {
            "id": "website",
            "name": "Website",
            "in_use": True,
            "interaction": "sending",
            "audience": 50,
            "cost": 1,
            "fit": {"spread_facts": 70, "service": 60},
        },
    ],
    "initiatives": [
        {
            "id": "garden",
            "round": 1,
            "title": "Garden",
            "text": "Residents make a garden.",
            "owner": "community",
            "relation": "resident",
            "purposes": ["follow_residents"],
        },
        {
            "id": "waste",
            "round": 2,
            "title": "Waste",
            "text": "Questions about waste.",
            "owner": "municipality",
            "relation": "customer",
            "purposes": ["answer_questions"],
        },
        {
            "id": "parking",
            "round": 3,
            "title": "Parking",
            "text": "Illegal parking.",
            "owner": "municipality",
            "relation": "subject",
            "purposes": ["spread_facts"],
        },
    ],
}


def make_scenario(**changes: Any) -> Scenario:
    """The base test scenario with top-level keys replaced (deep-copied, so tests stay apart)."""
    data = copy.deepcopy(BASE)
    data.update(copy.deepcopy(changes))
    return Scenario.model_validate(data)


@pytest.fixture(scope="session")
def default_scenario() -> Scenario:
    return load_scenario()


@pytest.fixture
def small() -> Scenario:
    return make_scenario()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """With ``pytest -n``, files with slow tests are handed out first (the order within a file
    stays): a long file handed out last would keep one process working while the others wait."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    slow = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow)
