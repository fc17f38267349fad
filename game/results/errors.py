"""Why a results file cannot be used, in Dutch and English: ``ResultsError`` and its reasons.

A comparison lists a file it leaves out with one of these sentences and goes on; none carries a
traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.saves.errors import FileProblem


class ResultsError(FileProblem):
    """A results file that cannot be read, written or trusted; ``kind`` is a short code."""


def file_problem(kind: str, detail: Any, path: Path, limit: int) -> ResultsError:
    """A results file that cannot be read, in words about results files."""
    if kind == "not_found":
        return ResultsError(
            "not_found", "This file does not exist.", "Dit bestand bestaat niet.", path
        )
    if kind == "not_a_file":
        return ResultsError(
            "not_a_file",
            "This is not a plain file (a folder, a pipe or a device); it is not read.",
            "Dit is geen gewoon bestand (een map, een pijp of een apparaat); het wordt niet "
            "gelezen.",
            path,
        )
    if kind == "too_large":
        return _too_large(path, limit)
    return ResultsError(
        "unreadable",
        f"This file cannot be read ({detail}).",
        f"Dit bestand kan niet worden gelezen ({detail}).",
        path,
    )


def _too_large(path: Path, limit: int) -> ResultsError:
    """A file larger than a results file can be (``limit`` in bytes)."""
    megabytes = limit // 1024 // 1024
    return ResultsError(
        "too_large",
        f"This file is too large to be a results file (at most {megabytes} MB).",
        f"Dit bestand is te groot voor een resultatenbestand (hoogstens {megabytes} MB).",
        path,
    )


def not_results(extra_en: str = "", extra_nl: str = "") -> ResultsError:
    """A file that is something else; the extra words say what, where that is known."""
    return ResultsError(
        "unknown_format",
        f"This is not a results file of Netwerkende Gemeente{extra_en}.",
        f"Dit is geen resultatenbestand van Netwerkende Gemeente{extra_nl}.",
    )


def control_character() -> ResultsError:
    """Text with a NUL or another control character, which the game never writes."""
    return ResultsError(
        "control_character",
        "This results file holds a control character (such as NUL) in its text.",
        "Dit resultatenbestand bevat een stuurteken (zoals NUL) in de tekst.",
    )
