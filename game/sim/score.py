"""The end result: a score, a title, and the weakest of the three lines.

Score (0–1000), so that a team sees what counts in the model:
- growth phase: 225 × (end phase − 1) / 3 + 75 × (the relations' mean phase − 1) / 3 — the
  end phase is the verdict; growth in some relations counts before the whole moves
- competence stage: 100 × (stage − 1) / 3
- trust: 100 × trust / 100
- community energy: 100 × energy / 100
- role fit: 200 × the share of decisions in which the team chose a best-fitting role
- channels: 100 × the channel record / 100 (channels that served what people came for)
- predictions: 100 × the share of the team's predictions that came true (0 without any)
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from game.domain import Bilingual, Indicator, OrganisationKind
from game.labels import kind_title
from game.sim.state import GameState


class Line(StrEnum):
    """The three lines that come together in the growth phases (MODEL.md §2)."""

    INTERACTION = "interaction"
    INITIATIVE_OWNERSHIP = "initiative_ownership"
    ORGANISATION_OWNERSHIP = "organisation_ownership"


@dataclass(frozen=True, slots=True)
class ScoreCard:
    total: int
    phase_points: float
    stage_points: float
    trust_points: float
    energy_points: float
    fit_points: float
    prediction_points: float
    fit_rate: float
    prediction_rate: float | None
    title: Bilingual
    channel_points: float = 0.0

    @property
    def without_fit(self) -> float:
        """The score with its points for fitting roles and fitting channels left out: what the
        balance rules compare strategies on."""
        return self.total - self.fit_points - self.channel_points

    def to_dict(self) -> dict[str, object]:
        return {
            "total": self.total,
            "phase_points": round(self.phase_points, 1),
            "stage_points": round(self.stage_points, 1),
            "trust_points": round(self.trust_points, 1),
            "energy_points": round(self.energy_points, 1),
            "fit_points": round(self.fit_points, 1),
            "channel_points": round(self.channel_points, 1),
            "prediction_points": round(self.prediction_points, 1),
            "fit_rate": round(self.fit_rate, 4),
            "prediction_rate": None
            if self.prediction_rate is None
            else round(self.prediction_rate, 4),
            "title": {"nl": self.title.nl, "en": self.title.en},
        }


# (lowest total, title), highest first. Worded for a municipality: ``score`` words them for the
# organisation that played (``game.labels.kind_title``).
TITLES: tuple[tuple[int, Bilingual], ...] = (
    (850, Bilingual("Netwerkende gemeente", "Networking municipality")),
    (700, Bilingual("Gemeente in gesprek", "Municipality in conversation")),
    (550, Bilingual("Lerende gemeente", "Learning municipality")),
    (400, Bilingual("Voorzichtige experimenteerder", "Cautious experimenter")),
    (0, Bilingual("Ontdekkingsreiziger aan het begin", "Explorer at the start")),
)


def score(state: GameState, kind: OrganisationKind | None = None) -> ScoreCard:
    """The score of a game so far (usually read at the end), its title in the words of
    ``kind``: a water board ends as a "Lerend waterschap", never a "Lerende gemeente"."""
    phases = state.relation_phase
    mean_level = sum(p.level for p in phases.values()) / len(phases) if phases else 1.0
    # The end phase is the verdict, so it weighs most; a quarter follows the relations, so
    # growth in some of them counts before the whole organisation moves.
    phase_points = 225.0 * (state.phase.level - 1) / 3 + 75.0 * (mean_level - 1) / 3
    stage_points = 100.0 * (state.stage.level - 1) / 3
    trust_points = 100.0 * state.indicators[Indicator.TRUST] / 100
    energy_points = 100.0 * state.indicators[Indicator.COMMUNITY_ENERGY] / 100
    channel_points = 100.0 * state.channel_record / 100
    fit_rate = state.fit_rate
    fit_points = 200.0 * fit_rate
    prediction_rate = state.prediction_rate
    prediction_points = 0.0 if prediction_rate is None else 100.0 * prediction_rate
    total = round(
        phase_points
        + stage_points
        + trust_points
        + energy_points
        + fit_points
        + channel_points
        + prediction_points
    )
    title = next(t for floor, t in TITLES if total >= floor)
    return ScoreCard(
        total,
        phase_points,
        stage_points,
        trust_points,
        energy_points,
        fit_points,
        prediction_points,
        fit_rate,
        prediction_rate,
        title if kind is None else kind_title(title, kind),
        channel_points,
    )


def line_strengths(state: GameState) -> dict[Line, float]:
    """Each line on 0–100: interaction; choosing the fitting role; ownership inside."""
    ind = state.indicators
    return {
        Line.INTERACTION: ind[Indicator.INTERACTION],
        Line.INITIATIVE_OWNERSHIP: (state.fit_record + ind[Indicator.COMMUNITY_ENERGY]) / 2,
        Line.ORGANISATION_OWNERSHIP: (
            ind[Indicator.OWNERSHIP_BREADTH] + ind[Indicator.EMBEDDING] + ind[Indicator.SKILL]
        )
        / 3,
    }


def weakest_line(state: GameState) -> Line:
    strengths = line_strengths(state)
    return min(strengths, key=lambda line: strengths[line])
