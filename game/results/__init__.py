"""Workshop results: a results file per team, the comparison of teams, the take-home report.

``files`` makes, writes and reads results files (versioned, checksummed, validated like saves);
``compare`` puts several side by side and says why any were left out; ``report`` renders the
debrief report and the comparison as self-contained HTML pages (Jinja2 templates, pygal charts).
Nothing here imports pygame: the commands run without a window.
"""

from game.results.errors import ResultsError
from game.results.files import (
    build_results,
    read_results,
    results_name,
    write_game_results,
    write_results,
)
from game.results.models import DEFAULT_LENGTH, LENGTHS, ResultsFile

__all__ = [
    "DEFAULT_LENGTH",
    "LENGTHS",
    "ResultsError",
    "ResultsFile",
    "build_results",
    "read_results",
    "results_name",
    "write_game_results",
    "write_results",
]
