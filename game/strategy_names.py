"""The bots' strategies by name (``game.sim.bots`` plays them).

Kept apart from ``game.domain`` so that the command line lists them in ``--help`` without
loading the domain or the simulation (issue 22); the domain re-exports them, and a test holds
the role strategies to the domain's roles.
"""

# One strategy per municipal role, named by the role's value: always that role.
ROLE_STRATEGIES: tuple[str, ...] = (
    "normative",
    "directing",
    "facilitating",
    "participating",
    "letting_go",
)
HEURISTICS: tuple[str, ...] = (
    "community-facilitate-own-direct",
    "fit-no-development",
    "development-only",
    "one-channel",
    "cheapest",
    "greedy",
    "never-let-go",
)
# Strategies that play as workshop groups do (game.sim.groups).
GROUPS: tuple[str, ...] = ("table", "group", "learner")
STRATEGIES: tuple[str, ...] = ("best", "random", *GROUPS, *ROLE_STRATEGIES, *HEURISTICS)
