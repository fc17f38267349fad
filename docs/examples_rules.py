"""Every example number of docs/rules.md, computed by running the engine.

Run from the repository root: ``python docs/examples_rules.py`` (a section: ``… record``).
Prints one block per section of the page; when the core changes, run it again and update the
page. Nothing here is imported by the game or the tests.
"""

from __future__ import annotations

import sys
from pathlib import Path
from statistics import mean

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.domain import (
    CitizenRelation,
    GameLength,
    GrowthPhase,
    Indicator,
    MunicipalRole,
    Prediction,
)
from game.scenario.loader import load_scenario
from game.scenario.models import Scenario
from game.scenario.shorter import MAX_WEIGHT_FACTOR, selection
from game.sim import Decisions, InitiativeDecision, new_game, resolve_round
from game.sim.bots import Bot, play
from game.sim.changes import RoundChanges
from game.sim.channels import channels_fit, resolve_channels
from game.sim.initiative import _role_result
from game.sim.length import estimated_minutes, played_scenario
from game.sim.phases import overall_level
from game.sim.risk import execution_risk, role_options
from game.sim.rules import compile_rules
from game.sim.score import score
from game.sim.verdict import judge

R = MunicipalRole
C = CitizenRelation
STANDARD = "gemeente-middelgroot"
SHIPPED = ("gemeente-middelgroot", "grote-stad", "politieregio", "raadsgriffie")


def _scenario(**changes: object) -> Scenario:
    """A small scenario for the rule tables (the shape of the tests' base scenario)."""
    data: dict = {
        "id": "examples",
        "title": "Examples",
        "description": "Rule examples.",
        "briefing": "Examples.",
        "organisation": {"name": "Voorbeeld", "inhabitants": 10000},
        "rounds": 8,
        "start": {"capacity": 40, "budget": 50, "budget_per_round": 10},
        "channels": [
            {
                "id": "twitter",
                "name": "Twitter",
                "survey_profile": "twitter",
                "in_use": True,
                "interaction": "dialogue",
                "audience": 50,
            }
        ],
        "initiatives": [],
    }
    data.update(changes)
    return Scenario.model_validate(data)


def _card(cid: str, owner: str, relation: str, fits: dict, rnd: int | None = 1) -> dict:
    card = {
        "id": cid,
        "title": cid,
        "text": cid,
        "owner": owner,
        "relation": relation,
        "purposes": [],
        "role_fit": fits,
    }
    if rnd is not None:
        card["round"] = rnd
    return card


def record() -> None:
    """§1: the track record of one relation, decision by decision (one card a round)."""
    cards = [
        _card(f"c{n}", "community", "resident", {"letting_go": 100, "facilitating": 70}, n)
        for n in range(1, 9)
    ]
    scenario = _scenario(initiatives=cards)
    runs = {
        "all fitting": [R.LETTING_GO] * 6,
        "also fits every time": [R.FACILITATING] * 6,
        "misfit first, then fitting": [R.DIRECTING] + [R.LETTING_GO] * 5,
        "two misfits, then fitting": [R.DIRECTING] * 2 + [R.LETTING_GO] * 4,
        "fitting, then a misfit": [R.LETTING_GO] * 3 + [R.DIRECTING] + [R.LETTING_GO] * 2,
    }
    print("## record: after 0..6 decisions")
    for name, roles in runs.items():
        state = new_game(scenario, 1)
        values = [state.relation_record[C.RESIDENT]]
        for role in roles:
            d = Decisions((InitiativeDecision(state.current_initiatives[0], role, ()),))
            state, _ = resolve_round(state, d, scenario, state.rng())
            values.append(state.relation_record[C.RESIDENT])
        print(f"{name:30}", " ".join(f"{v:5.1f}" for v in values))
    # A relation that starts further along (80).
    started = _scenario(
        initiatives=cards,
        start={
            "capacity": 40,
            "budget": 50,
            "budget_per_round": 10,
            "relations": {"resident": {"phase": "experimenting", "interaction": 30}},
            "indicators": {"awareness": 40},
        },
    )
    state = new_game(started, 1)
    values = [state.relation_record[C.RESIDENT]]
    for role in [R.DIRECTING, R.DIRECTING, R.LETTING_GO]:
        d = Decisions((InitiativeDecision(state.current_initiatives[0], role, ()),))
        state, _ = resolve_round(state, d, started, state.rng())
        values.append(state.relation_record[C.RESIDENT])
    print("started further, misfit, misfit, fit:", " ".join(f"{v:.1f}" for v in values))


def role_table() -> None:
    """§4: what a role brings, by fit, on a community and an own initiative, ready, no purposes."""
    community = [
        _card(
            "a",
            "community",
            "resident",
            {
                "letting_go": 100,
                "facilitating": 90,
                "participating": 80,
                "directing": 70,
                "normative": 60,
            },
        ),
        _card(
            "b",
            "community",
            "resident",
            {
                "letting_go": 100,
                "facilitating": 50,
                "participating": 40,
                "directing": 20,
                "normative": 0,
            },
        ),
    ]
    own = [
        _card(
            "c",
            "municipality",
            "resident",
            {
                "directing": 100,
                "facilitating": 90,
                "normative": 80,
                "letting_go": 70,
                "participating": 60,
            },
        ),
        _card(
            "d",
            "municipality",
            "resident",
            {
                "directing": 100,
                "normative": 50,
                "facilitating": 40,
                "letting_go": 20,
                "participating": 0,
            },
        ),
    ]
    rules = compile_rules(_scenario(initiatives=community + own))
    rows: dict[float, dict] = {}
    for cid in ("a", "b"):
        info = rules.initiatives[cid]
        for role in R:
            res = _role_result(info, role, True, rules)
            pulls = {p[0]: p[1] for p in (*res.pulls, *res.lessons)}
            rows[info.fit[role]] = {
                "q": res.quality,
                "trust": pulls[Indicator.TRUST],
                "energy": pulls[Indicator.COMMUNITY_ENERGY],
                "hours": res.hours,
                "skill": pulls[Indicator.SKILL],
                "own": pulls.get(Indicator.OWNERSHIP_BREADTH, 0.0),
                "verdict": judge(res.quality, None).value,
                "record": res.worth,
            }
    for cid in ("c", "d"):
        info = rules.initiatives[cid]
        for role in R:
            res = _role_result(info, role, True, rules)
            rows[info.fit[role]]["own_energy"] = res.pulls[1][1]
    print("## role table: fit q trust energy own-energy hours skill ownership verdict record")
    for fit in sorted(rows, reverse=True):
        r = rows[fit]
        print(
            f"| {fit:.1f} | {r['q']:.2f} | {r['trust']:+.2f} | {r['energy']:+.2f} | "
            f"{r['own_energy']:+.2f} | {r['hours']} | {r['skill']:+.2f} | {r['own']:+.2f} | "
            f"{r['verdict']} | {r['record']:.0f} |"
        )
    info = rules.initiatives["a"]
    for role in (R.LETTING_GO, R.FACILITATING, R.DIRECTING):
        res = _role_result(info, role, False, rules)
        print(
            f"stumbled, fit {info.fit[role]:.1f}, {role.value}: q={res.quality:.2f} "
            f"trust {res.pulls[0][1]:+.2f} energy {res.pulls[1][1]:+.2f} hours {res.hours}"
        )


def readiness() -> None:
    """§5: readiness and risk at the default start, and letting go against trust."""
    scenario = load_scenario(STANDARD)
    state = new_game(scenario, 7)
    print("## readiness at the start (standard scenario, a resident card)")
    for option in role_options(state, scenario, "buurtmoestuin"):
        print(
            f"{option.role.value:14} {option.readiness:6.2f} {option.demand:4.0f} "
            f"{option.risk:5.0%}"
        )
    rules = compile_rules(scenario)
    info = rules.initiatives["buurtmoestuin"]
    well = _role_result(info, R.LETTING_GO, True, rules)
    bad = _role_result(info, R.LETTING_GO, False, rules)
    print(
        "letting go well:",
        well.pulls[0][1],
        well.pulls[1][1],
        "stumbled:",
        bad.pulls[0][1],
        bad.pulls[1][1],
        bad.hours,
    )
    for trust, energy in ((20, 35), (30, 35), (45, 35), (45, 55), (60, 35), (60, 55)):
        s = state.clone()
        s.indicators[Indicator.TRUST] = trust
        s.indicators[Indicator.COMMUNITY_ENERGY] = energy
        risk = execution_risk(s, rules, R.LETTING_GO, C.RESIDENT)
        exp_t = (1 - risk.chance) * well.pulls[0][1] + risk.chance * bad.pulls[0][1]
        exp_e = (1 - risk.chance) * well.pulls[1][1] + risk.chance * bad.pulls[1][1]
        print(
            f"| {trust} | {energy} | {risk.readiness:.2f} | {risk.chance:.0%} | "
            f"{exp_t:+.1f} | {exp_e:+.1f} |"
        )


def channels() -> None:
    """§6: the energy cooperative's channels, a misfit's floor, others' platforms."""
    scenario = load_scenario(STANDARD)
    rules = compile_rules(scenario)
    state = new_game(scenario, 7)
    info = rules.initiatives["energiecooperatie"]
    print("## channels: energy cooperative, possible", round(info.possible_channel_fit, 2))
    sets = [
        ("website",),
        ("facebook",),
        ("twitter",),
        ("co_creatieplatform",),
        ("twitter", "facebook"),
        ("twitter", "co_creatieplatform"),
    ]
    for chosen in sets:
        fit, dialogue = channels_fit(state, rules, info, chosen)
        gains = []
        for quality in (1.0, 0.0):
            s = state.clone()
            work = RoundChanges(s, rules.tuning.saturation / 100.0)
            resolve_channels(s, info, quality, chosen, rules, work, [])
            gains.append(sum(e.delta for e in work.effects if e.target == Indicator.INTERACTION))
        served = 100 * min(1.0, fit / info.possible_channel_fit)
        print(
            f"| {' + '.join(chosen)} | {fit:.2f} | {dialogue:.2f} | {gains[0]:+.1f} | "
            f"{gains[1]:+.1f} | {served:.0f} |"
        )
    youth = rules.initiatives["overlast_jongeren"]
    for phase in (GrowthPhase.EXPERIMENTING, GrowthPhase.CONVERSING):
        s = state.clone()
        s.relation_phase[youth.relation] = phase
        fit, dialogue = channels_fit(s, rules, youth, ("buurtapp",))
        print(
            f"buurtapp for youth nuisance, {phase.value}: fit {fit:.2f} dialogue {dialogue:.2f}"
            f" (possible {youth.possible_channel_fit:.2f})"
        )
    # The channel record: how it moves.
    value, path = 50.0, []
    for served in (100, 100, 100, 100, 100, 100, 100, 100):
        value += (served - value) * rules.tuning.channel_record_weight
        path.append(value)
    print("channel record, every card served fully:", " ".join(f"{v:.0f}" for v in path))


def phases() -> None:
    """§12: thresholds, and the overall phase with one lagging relation."""
    tuning = load_scenario(STANDARD).tuning
    for name in ("experimenting", "conversing", "collaborating"):
        print(name, getattr(tuning.phases, name).model_dump(exclude_none=True))
    for name in ("consciously_incompetent", "consciously_competent", "unconsciously_competent"):
        print(name, getattr(tuning.stages, name).model_dump(exclude_none=True))
    print("## overall level (0.5 | 1.0)")
    for levels in (
        [2, 3, 2, 3, 1],
        [3, 3, 3, 3, 3, 1],
        [4, 4, 4, 4, 4, 1],
        [4, 4, 4, 4, 4, 2],
        [3, 3, 3, 1, 1, 1],
        [3, 3, 2, 1, 1, 1],
        [4, 4, 4, 3, 3, 2],
    ):
        print(levels, overall_level(levels, 0.5), overall_level(levels, 1.0))


def _trace(scenario: Scenario, seed: int, strategy: str, **options: object) -> list:
    """Round by round: records, phases, the overall phase and the stage."""
    bot = Bot(strategy, seed, **options)
    state = new_game(scenario, seed)
    rng = state.rng()
    rows = []
    while not state.finished:
        decisions = bot.decide(state, scenario)
        cards = [(d.initiative, d.role.value) for d in decisions.initiatives]
        state, _ = resolve_round(state, decisions, scenario, rng, check=False)
        rows.append(
            (
                state.round - 1,
                cards,
                dict(state.relation_record),
                {r: p.level for r, p in state.relation_phase.items()},
                state.phase.level,
                state.stage.level,
            )
        )
    return rows, state


def recovery() -> None:
    """§12: a wrong role in round 1 (the waste calendar, customers), and how it comes back."""
    scenario = load_scenario(STANDARD)
    for seed in (7,):
        for label, options in (("best", {}), ("wrong first", {"wrong_first": True})):
            rows, state = _trace(scenario, seed, "best", **options)
            print(
                f"## {label}, seed {seed}: end phase {state.phase.level}, score "
                f"{score(state).total}"
            )
            for rnd, cards, rec, ph, overall, stage in rows:
                print(
                    f" r{rnd:2} {cards} customer rec {rec[C.CUSTOMER]:5.1f} ph "
                    f"{ph[C.CUSTOMER]} | mean rec {mean(rec.values()):5.1f} | phases "
                    f"{[ph[r] for r in ph]} overall {overall} stage {stage}"
                )
    print("## 200 seeds per length: best against best with one wrong role in round 1")
    for sid in SHIPPED:
        whole = load_scenario(sid)
        for length in GameLength:
            sc = played_scenario(whole, length)
            a = [play(sc, s, "best") for s in range(200)]
            b = [play(sc, s, "best", wrong_first=True) for s in range(200)]
            print(
                f"{sid:22} {length.value:9} best {mean(x.phase.level for x in a):.2f} "
                f"({mean(score(x).total for x in a):.0f})  wrong first "
                f"{mean(x.phase.level for x in b):.2f} ({mean(score(x).total for x in b):.0f})"
            )


def lagging() -> None:
    """§12: a real game whose overall phase goes on with one relation behind."""
    scenario = load_scenario(STANDARD)
    for seed in range(40):
        rows, state = _trace(scenario, seed, "group")
        levels = list(rows[-1][3].values())
        if state.phase.level >= 3 and min(levels) <= 2 and sorted(levels).count(min(levels)) == 1:
            print(f"## group, seed {seed}: end {rows[-1][3]} overall {state.phase.level}")
            for rnd, cards, rec, ph, overall, _ in rows:
                print(
                    f" r{rnd:2} {cards} phases {[ph[r] for r in ph]} overall {overall} "
                    f"rec {[round(rec[r]) for r in rec]}"
                )
            break


def stages() -> None:
    """§12: competence waits for growth: best's stage and phase per round, standard game."""
    scenario = load_scenario(STANDARD)
    rows, _ = _trace(scenario, 7, "best")
    for rnd, _, _, ph, overall, stage in rows:
        print(f" r{rnd:2} overall {overall} stage {stage} relations {list(ph.values())}")


def round_one() -> None:
    """§16: round 1 of the standard scenario, seed 7, worked."""
    scenario = load_scenario(STANDARD)
    state = new_game(scenario, 7)
    print(
        "## round 1: hours",
        state.capacity_this_round,
        "budget",
        state.budget,
        state.current_initiatives,
    )
    d = Decisions(
        (
            InitiativeDecision("afval_vragen", R.DIRECTING, ("website",), Prediction.MIXED),
            InitiativeDecision("buurtmoestuin", R.LETTING_GO, ("twitter",), Prediction.WELL),
        )
    )
    new, effects = resolve_round(state, d, scenario, state.rng())
    for o in new.history[-1].outcomes:
        print(o)
    for e in effects:
        print(f"  {e.source:10} {e.source_id!s:18} {e.target!s:20} {e.delta:+7.2f} {e.key}")
    for ind in Indicator:
        print(
            f"  {ind.value:18} {state.indicators[ind]:6.2f} -> {new.indicators[ind]:6.2f} "
            f"(target {new.targets[ind]:6.2f})"
        )
    for relation in (C.CUSTOMER, C.RESIDENT):
        print(
            f"  {relation.value} interaction {state.relation_interaction[relation]:.2f} -> "
            f"{new.relation_interaction[relation]:.2f} (target "
            f"{new.relation_targets[relation]:.2f})"
        )
    rules = compile_rules(scenario)
    print(
        "  possible channel fit:",
        {i: rules.initiatives[i].possible_channel_fit for i in state.current_initiatives},
    )
    print(
        "  records",
        {r.value: round(v, 1) for r, v in new.relation_record.items()},
        "channel record",
        round(new.channel_record, 1),
    )
    print("  round 2 hours", new.capacity_this_round, "budget", new.budget)


def lengths() -> None:
    """§17: what a shorter game changes, per scenario."""
    print(
        "| scenario | length | rounds (of the whole) | pace | inertia | trust drift | spread |"
        " card weight × | action pulls × | cards | minutes |"
    )
    for sid in SHIPPED:
        whole = load_scenario(sid)
        cards_full = sum(1 for i in whole.initiatives if i.round is not None)
        for length in GameLength:
            sc = played_scenario(whole, length)
            t = sc.tuning
            pace = whole.rounds / sc.rounds
            kept = sum(1 for i in sc.initiatives if i.round is not None)
            factor = min(MAX_WEIGHT_FACTOR, max(1.0, cards_full / max(1, kept)))
            rounds = selection(whole, length).rounds
            print(
                f"| {sid} | {length.value} | {sc.rounds} ({', '.join(map(str, rounds))}) | "
                f"{pace:.2f} | {t.inertia:.2f} | {dict(t.drift.items())[Indicator.TRUST]:.2f} | "
                f"{t.fit_record_spread:.2f} | {factor:.2f} | "
                f"{min(MAX_WEIGHT_FACTOR, pace**0.5):.2f} | {kept} | "
                f"{estimated_minutes(whole, length)} |"
            )


def balance() -> None:
    """§18: mean end phase (and score) per strategy, scenario and length, 200 seeds."""
    strategies = (
        "best",
        "table",
        "group",
        "learner",
        "random",
        "never-let-go",
        "one-channel",
        "fit-no-development",
        "cheapest",
        "letting_go",
    )
    print("| scenario | length | " + " | ".join(strategies) + " |")
    for sid in SHIPPED:
        whole = load_scenario(sid)
        for length in GameLength:
            sc = played_scenario(whole, length)
            cells = []
            for strategy in strategies:
                games = [play(sc, s, strategy) for s in range(200)]
                cells.append(
                    f"{mean(g.phase.level for g in games):.2f} "
                    f"({mean(score(g).total for g in games):.0f})"
                )
            print(f"| {sid} | {length.value} | " + " | ".join(cells) + " |")


def score_card() -> None:
    """§14: the score of two whole standard games, part by part."""
    scenario = load_scenario(STANDARD)
    for strategy, seed in (("best", 7), ("group", 6), ("random", 7)):
        card = score(play(scenario, seed, strategy))
        print(
            f"| {strategy} (seed {seed}) | {card.phase_points:.0f} | {card.stage_points:.0f} | "
            f"{card.trust_points:.0f} | {card.energy_points:.0f} | {card.fit_points:.0f} | "
            f"{card.channel_points:.0f} | {card.prediction_points:.0f} | {card.total} | "
            f"{card.title.en} |"
        )


SECTIONS = {
    "record": record,
    "roles": role_table,
    "readiness": readiness,
    "channels": channels,
    "phases": phases,
    "recovery": recovery,
    "lagging": lagging,
    "stages": stages,
    "round": round_one,
    "lengths": lengths,
    "score": score_card,
    "balance": balance,
}


if __name__ == "__main__":
    for name in sys.argv[1:] or SECTIONS:
        SECTIONS[name]()
        print()
