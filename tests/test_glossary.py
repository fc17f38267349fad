"""The game speaks the glossary's words (``docs/glossary.md``): its labels, its screens, its
report, the core's explanations, the trainers' messages and the starter scenarios; and none of
the words we decided against ("gereedheid", "co-creatie", "normative", "so-so", …) comes back."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum

import pytest
import yaml
from babel.messages.pofile import read_po

from game.domain import (
    CitizenRelation,
    CompetenceStage,
    GrowthPhase,
    Indicator,
    InitiativeOwner,
    InteractionLevel,
    MunicipalRole,
    Prediction,
    Purpose,
)
from game.labels import label
from game.sim import Line
from game.sim.fit import FitClass
from tests.conftest import ROOT
from tests.helpers.glossary import read_sections, scenario_violations, violations

# The model's terms whose names ``game.labels`` gives.
LABELLED: tuple[type[StrEnum], ...] = (
    GrowthPhase,
    CompetenceStage,
    MunicipalRole,
    InitiativeOwner,
    CitizenRelation,
    InteractionLevel,
    Indicator,
    Prediction,
    Purpose,
)
UI_CATALOGUE = ROOT / "game" / "ui" / "locales" / "nl.po"
TRAINER_CATALOGUE = ROOT / "game" / "locales" / "nl.po"
STARTERS = sorted((ROOT / "game" / "scenario" / "starters").glob("*.yaml"))
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))


def _catalogue(path) -> Iterator[tuple[str, str]]:
    with path.open("rb") as handle:
        for message in read_po(handle, locale="nl"):
            if message.id and isinstance(message.id, str):
                yield str(message.id), str(message.string)


def _report_texts() -> Iterator[tuple[str, str, str]]:
    path = ROOT / "game" / "results" / "report_texts.yaml"
    for key, value in yaml.safe_load(path.read_text(encoding="utf-8")).items():
        yield key, str(value["nl"]), str(value["en"])


def _core_pairs() -> Iterator[tuple[str, str, str]]:
    """The core's own sentences and names: (place, Dutch, English)."""
    from game.labels import _LABELS
    from game.sim.effect_texts import TEMPLATES
    from game.sim.effects import ALL_RELATIONS_PHRASE, RELATION_PHRASES
    from game.sim.rules import OWNER_PHRASES
    from game.sim.score import TITLES
    from game.sim.telling import _HOW

    for key, (nl, en) in TEMPLATES.items():
        yield f"effect_texts {key}", nl, en
    for term, (nl, en) in _LABELS.items():
        yield f"labels {term}", nl, en
    phrases = {
        **{f"relation phrase {k}": v for k, v in RELATION_PHRASES.items()},
        "all relations": ALL_RELATIONS_PHRASE,
        **{f"owner phrase {k}": v for k, v in OWNER_PHRASES.items()},
        **{f"verdict {k}": v for k, v in _HOW.items()},
        **{f"title {points}": v for points, v in TITLES},
    }
    for place, said in phrases.items():
        yield place, said.nl, said.en


def _trainer_pairs() -> Iterator[tuple[str, str, str]]:
    """What a trainer reads besides the catalogue: the outline, conditions, the simulator."""
    from game.scenario.condition_words import _PHRASES
    from game.sim.balance_warnings import TABLE_WORDS, WARNINGS
    from game.sim.outline import _WORDS

    for name, table in (
        ("outline", _WORDS),
        ("conditions", _PHRASES),
        ("balance", WARNINGS),
        ("balance table", TABLE_WORDS),
    ):
        for key, (nl, en) in table.items():
            yield f"{name} {key}", nl, en


def _screen_texts() -> Iterator[tuple[str, str, str]]:
    """Every text a group reads, as (place, language, text)."""
    for english, dutch in _catalogue(UI_CATALOGUE):
        yield f"ui nl.po {english[:40]!r}", "en", english
        yield f"ui nl.po {english[:40]!r}", "nl", dutch
    for key, nl, en in _report_texts():
        yield f"report_texts {key}", "nl", nl
        yield f"report_texts {key}", "en", en
    for place, nl, en in _core_pairs():
        yield place, "nl", nl
        yield place, "en", en


def _trainer_texts() -> Iterator[tuple[str, str, str]]:
    for english, dutch in _catalogue(TRAINER_CATALOGUE):
        yield f"locales nl.po {english[:40]!r}", "en", english
        yield f"locales nl.po {english[:40]!r}", "nl", dutch
    for place, nl, en in _trainer_pairs():
        yield place, "nl", nl
        yield place, "en", en


@pytest.fixture(scope="module")
def sections() -> dict[str, list[dict[str, str]]]:
    return read_sections()


def _rows(sections, term: type[StrEnum]) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in sections[term.__name__]}


@pytest.mark.parametrize("term", [*LABELLED, Line, FitClass], ids=lambda t: t.__name__)
def test_the_glossary_names_every_term_once(sections, term):
    ids = [row["id"] for row in sections[term.__name__]]
    assert sorted(ids) == sorted(m.value for m in term), f"docs/glossary.md, {term.__name__}"


@pytest.mark.parametrize("term", LABELLED, ids=lambda t: t.__name__)
def test_the_labels_are_the_glossary_words(sections, term):
    rows = _rows(sections, term)
    for member in term:
        row = rows[member.value]
        assert (label(member, "nl"), label(member, "en")) == (row["Nederlands"], row["English"])


def test_a_relation_in_a_sentence_is_the_glossary_phrase(sections):
    from game.sim.effects import RELATION_PHRASES

    rows = _rows(sections, CitizenRelation)
    for relation, phrase in RELATION_PHRASES.items():
        row = rows[relation.value]
        assert (phrase.nl, phrase.en) == (row["in een zin"], row["in a sentence"])


def test_the_screens_name_lines_and_fit_classes_as_the_glossary_does(sections):
    """What ``t()`` says for a line, a fit class or a verdict: the glossary's words."""
    from game.ui.i18n import Translator
    from game.ui.words import line_name

    dutch = Translator("nl")
    lines = _rows(sections, Line)
    for line in Line:
        assert line_name(line, dutch).casefold() == lines[line.value]["Nederlands"].casefold()
        english = line_name(line, lambda s: s).casefold()
        assert english == lines[line.value]["English"].casefold()
    for row in sections["FitClass"]:
        assert dutch(row["English"]) == row["Nederlands"], row["English"]


def test_every_text_that_names_a_glossary_term_uses_its_dutch_word(sections):
    """A catalogue entry or report text that is just a term ("mixed", "Initiative ownership")
    is translated as the glossary translates it."""
    dutch_for: dict[str, set[str]] = {}
    for rows in sections.values():
        for row in rows:
            if "English" in row and "Nederlands" in row:
                dutch_for.setdefault(row["English"].casefold(), set()).add(
                    row["Nederlands"].casefold()
                )
    pairs = [
        *((en, nl) for en, nl in _catalogue(UI_CATALOGUE)),
        *((en, nl) for en, nl in _catalogue(TRAINER_CATALOGUE)),
        *((en, nl) for _, nl, en in _report_texts()),
    ]
    wrong = [
        (en, nl)
        for en, nl in pairs
        if en.casefold() in dutch_for and nl.casefold() not in dutch_for[en.casefold()]
    ]
    assert wrong == []


def test_no_screen_uses_a_word_we_decided_against():
    assert [str(v) for v in violations(_screen_texts(), "screens")] == []


def test_no_trainer_message_uses_a_word_we_decided_against():
    assert [str(v) for v in violations(_trainer_texts(), "game")] == []


def test_the_starter_scenarios_use_the_glossary_words():
    assert len(STARTERS) >= 5
    assert [str(v) for v in scenario_violations(STARTERS, "game")] == []


def test_the_check_finds_what_it_should(tmp_path):
    """The scenario check reads per-language texts with their lines, and skips ids."""
    path = tmp_path / "probe.yaml"
    path.write_text(
        "id: webcare\n"
        "title: {nl: Co-creatie in vier fases, en: Webcare}\n"
        "text:\n  nl: Goed.\n  en: It went so-so.\n",
        encoding="utf-8",
    )
    found = [(v.place, v.lang, v.found.casefold()) for v in scenario_violations([path])]
    assert found == [
        ("probe.yaml:2", "en", "webcare"),
        ("probe.yaml:2", "nl", "co-creatie"),
        ("probe.yaml:2", "nl", "fases"),
        ("probe.yaml:5", "en", "so-so"),
    ]


def test_the_shipped_scenarios_use_the_glossary_words():
    """Issue 21: every shipped scenario speaks the glossary's words (``python -m
    tests.helpers.glossary scenarios/*.yaml`` lists what to change)."""
    assert SCENARIOS
    assert [str(v) for v in scenario_violations(SCENARIOS, "all")] == []
