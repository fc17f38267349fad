"""The outcome story agrees with itself, the help page and the dashboard, over many games.

Over 216 seeded bot games (every shipped scenario, every workshop length, the strategies random,
group and best), every outcome's story is read in Dutch and English and held against what
happened: its verdict, the chosen role's fit class (``game.sim.fit``) and its numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from game.domain import Indicator, Prediction
from game.scenario.loader import SCENARIO_DIR, load_scenario
from game.sim import Bot, resolve_round
from game.sim.effects import signed
from game.sim.fit import FitClass
from game.sim.length import start_game
from game.sim.review import end_of_round
from game.sim.telling import movements, outcome_class, retold
from game.ui.i18n import Translator
from game.ui.story import build_story, too_small

SCENARIOS = sorted(path.stem for path in SCENARIO_DIR.glob("*.yaml"))
LENGTHS = ("short", "standard", "full")
STRATEGIES = ("random", "group", "best")
SEEDS = range(6)
T = {"nl": Translator("nl"), "en": Translator("en")}

# Words that call a role a misfit, and words that say it fitted and went well.
MISFIT_WORDS = re.compile(
    r"paste hier niet|past hier niet|paste niet|did not fit|does not fit|"
    r"did not suit|does not suit"
)
WENT_WELL_WORDS = re.compile(r"paste en het ging goed|fitted and it went well")
# A number written the other language's way: "+0.3" in Dutch, "+0,3" in English.
WRONG_DECIMAL = {"nl": re.compile(r"[+−-]\d+\.\d"), "en": re.compile(r"[+−-]\d+,\d")}
# Keys that say the role did not fit; keys that say it fitted (best) or went well.
MISFIT_KEYS = {
    "role_fit_trust_down",
    "role_fit_energy_down",
    "role_misfit_trust_up",
    "role_misfit_energy_up",
    "role_misfit_stumble_trust",
    "misfit_rework",
    "misfit_stumble_rework",
}
FITTED_KEYS = {"role_fit_trust_up", "role_fit_energy_up", "role_stumble_trust"}


def _rounds(name: str, length: str, strategy: str, seed: int) -> Iterator:
    scenario, state = start_game(load_scenario(name), seed, length)
    rng = state.rng()
    bot = Bot(strategy, seed)
    while not state.finished:
        before = state
        state, effects = resolve_round(state, bot.decide(state, scenario), scenario, rng)
        yield scenario, before, state, effects


@pytest.fixture(scope="module", params=SCENARIOS)
def rounds(request: pytest.FixtureRequest) -> list:
    return [
        played
        for length in LENGTHS
        for strategy in STRATEGIES
        for seed in SEEDS
        for played in _rounds(request.param, length, strategy, seed)
    ]


def _story(scenario, before, state, effects, lang):
    record = state.history[-1]
    after = end_of_round(state)
    moves = movements(
        effects,
        before.indicators,
        after.indicators,
        len(after.relation_interaction),
        scenario.tuning.inertia,
    )
    news = tuple(e for e in record.effects if e.source == "event")
    steps = build_story(effects, record.outcomes, scenario, lang, T[lang], news=news, moves=moves)
    return steps, moves, news, after


def test_every_line_agrees_with_the_verdict_and_the_fit_class(rounds) -> None:
    seen: set[tuple[FitClass, Prediction]] = set()
    for scenario, before, state, effects in rounds:
        outcomes = state.history[-1].outcomes
        for lang in ("nl", "en"):
            steps, *_ = _story(scenario, before, state, effects, lang)
            told = [s for s in steps if s.kind == "initiative"]
            assert len(told) == len(outcomes)
            for outcome, step in zip(outcomes, told, strict=True):
                kind = outcome_class(outcome)
                seen.add((kind, outcome.verdict))
                keys = {retold(e, outcome).key for e in step.effects}
                lines = [line.text for line in step.lines]
                where = (outcome, lang, lines)
                if kind is not FitClass.MISFIT:
                    assert not keys & MISFIT_KEYS, where
                    assert not any(MISFIT_WORDS.search(line) for line in lines), where
                else:
                    assert not keys & FITTED_KEYS, where
                    assert not keys & {"ownership_spreads", "arc_grows"}, where
                if "ownership_spreads" in keys or any(WENT_WELL_WORDS.search(x) for x in lines):
                    assert outcome.verdict is Prediction.WELL and kind is FitClass.FITS, where
                # A verdict that is not "well" names its cause, first; "well" needs none.
                cause = "verdict_cause" in {e.key for e in _causes(step, outcome, scenario)}
                assert cause == (outcome.verdict is not Prediction.WELL), where
                own = _own(scenario, outcome, lang)
                if own is not None:
                    _check_headline(step.headline, own, outcome, kind, lang)
    assert {FitClass.ALSO, FitClass.MISFIT, FitClass.FITS} <= {k for k, _ in seen}
    assert (FitClass.FITS, Prediction.MIXED) in seen


# How the headline says that the scenario's words for the role are not what happened.
COULD_HAVE = {"nl": "Zo had het kunnen gaan: ", "en": "How it could have gone: "}


def _check_headline(headline, own, outcome, kind, lang) -> None:
    """The scenario's words for a role that (also) fits tell how it goes when the role works:
    after a stumble they say it could have gone so, in lower case after the colon; when the
    role worked (even if only the channels fell short) they stand as they are."""
    where = (outcome, lang, headline)
    if not outcome.succeeded and kind is not FitClass.MISFIT:
        assert headline.startswith(COULD_HAVE[lang]), where
        rest = headline[len(COULD_HAVE[lang]) :]
        assert rest[1:] == own[1:], where
        first = own.split(" ", 1)[0]
        if first.isalpha() and first[1:].islower():  # an ordinary word, not a name like "MT"
            assert rest[0].islower(), where
    else:
        assert headline == own, where
    for prefix in ("Als deze rol lukt", "When this role works"):
        assert prefix not in headline, where


def _causes(step, outcome, scenario):
    from game.sim.telling import verdict_cause

    cause = verdict_cause(outcome, scenario)
    if cause is not None:
        assert step.lines[0].text == cause.explain("nl") or step.lines[0].text == cause.explain(
            "en"
        )
    return [cause] if cause is not None else []


def _own(scenario, outcome, lang):
    said = scenario.initiative(outcome.initiative).outcomes.for_role(outcome.role)
    return None if said is None else said.get(lang)


def test_every_number_is_the_effects_and_the_dashboards_in_the_languages_format(rounds) -> None:
    for scenario, before, state, effects in rounds:
        record = state.history[-1]
        for lang in ("nl", "en"):
            steps, moves, news, after = _story(scenario, before, state, effects, lang)
            by_step = {s.kind: s for s in steps}
            # Every initiative line with a number shows the effect's own number.
            for step in steps:
                if step.kind != "initiative":
                    continue
                outcome = next(
                    o for o in record.outcomes if o.initiative == step.effects[0].source_id
                )
                texts = [line.text for line in step.lines]
                for effect in step.effects:
                    if effect.delta and effect.key != "prediction_wrong" and not too_small(effect):
                        number = signed(effect.delta, lang)
                        if effect.target == "rework":
                            number = str(effect.params["hours"])
                        shown = retold(effect, outcome).explain(lang)
                        assert number in shown and any(
                            shown.lower().endswith(t.lower()) for t in texts
                        ), (
                            effect,
                            lang,
                        )
            for step in steps:
                for line in (step.headline or "", *(x.text for x in step.lines)):
                    if step.kind in ("initiative", "news", "action", "drift", "dashboard"):
                        assert not WRONG_DECIMAL[lang].search(_numbers_only(line)), (lang, line)
            # The dashboard step's "moved" is the dashboard's change, as the summary shows it.
            for move in moves:
                moved = after.indicators[move.indicator] - before.indicators[move.indicator]
                assert move.moved == pytest.approx(moved)
                assert abs(move.arrived + move.earlier - move.moved) < 1e-9
                line = next(
                    x.text
                    for x in by_step["dashboard"].lines
                    if x.text.lower().startswith(_label(move.indicator, lang))
                )
                assert signed(moved, lang) in line, (line, moved)
            # The round's news is told, with its own numbers.
            if news:
                told = [x.text for x in by_step["news"].lines]
                for effect in news:
                    assert effect.explain(lang) in told


def _label(indicator: Indicator, lang: str) -> str:
    from game.labels import label

    return label(indicator, lang).lower()


def _numbers_only(line: str) -> str:
    """The line without titles in quotes (a scenario may name "Web 2.0" in a title)."""
    return re.sub(r"‘[^’]*’|'[^']*'", "", line)


def test_repeated_effects_are_folded_into_one_line_naming_what_they_cover(rounds) -> None:
    for scenario, before, state, effects in rounds:
        for lang in ("nl", "en"):
            steps, *_ = _story(scenario, before, state, effects, lang)
            for step in steps:
                if step.kind != "action":
                    continue
                texts = [line.text for line in step.lines]
                assert len(texts) == len(set(texts)), texts
                many = [e for e in step.effects if e.key == "action_interaction"]
                if len(many) > 1:
                    from game.labels import label

                    line = next(x for x in texts if label(Indicator.INTERACTION, lang) in x.lower())
                    for effect in many:
                        assert label(effect.params["relation"], lang) in line, line


# Words a sentence must never show: a plural after one, an English term in Dutch, "(s)".
NOT_WRITTEN = {
    "nl": re.compile(
        r"\b1 rondes\b|rol\(len\)|track record|"
        r"\ben [^.;()]*\bpaste slecht|, [^.;()]* paste slecht"
    ),
    "en": re.compile(r"\b1 rounds\b|role\(s\)"),
}


def test_channels_that_served_too_little_are_no_good_news_and_both_causes_are_named(
    rounds,
) -> None:
    """Under "the channels served too little" the channel line is not marked good; a role that
    does not fit and in which the organisation also stumbled names both; lists, plurals and
    terms read as the language writes them."""
    seen_short = seen_both = False
    for scenario, before, state, effects in rounds:
        outcomes = {o.initiative: o for o in state.history[-1].outcomes}
        for lang in ("nl", "en"):
            steps, *_ = _story(scenario, before, state, effects, lang)
            for step in steps:
                for line in step.lines:
                    assert not NOT_WRITTEN[lang].search(line.text), (lang, line.text)
                if step.kind != "initiative":
                    continue
                outcome = outcomes[step.effects[0].source_id]
                keys = [retold(e, outcome).key for e in step.effects if not too_small(e)]
                tones = dict(zip(keys, (x.tone for x in step.lines[-len(keys) :]), strict=False))
                short = outcome.channel_fit is not None and outcome.channel_fit < 0.5
                for key in ("channels_interaction", "channels_interaction_others"):
                    if short:
                        assert key not in keys, (outcome, keys)
                        if key + "_low" in keys:
                            seen_short = True
                            assert tones.get(key + "_low") != "good", (outcome, step.lines)
                if not outcome.succeeded and outcome_class(outcome) is FitClass.MISFIT:
                    seen_both = True
                    why = step.lines[0].text
                    assert MISFIT_WORDS.search(why), why
                    assert "struikelde" in why or "stumbled" in why, why
    assert seen_short and seen_both
