"""What is wrong with a scenario file, said so that a trainer can find it and fix it.

Every problem carries the file, a 1-based line and column, the field path and a plain-language
message, and prints as ``file:line:column: field.path: message`` like a compiler's error, so
editors and terminals can jump to it. The game shows the same list on screen.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from game.domain import Language
from game.said import into, said


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a scenario file.

    ``line`` and ``column`` start at 1. They are 0 only when the problem is with the file as a
    whole and there is no line to point at (it does not exist, or cannot be opened).
    """

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: Language) -> str:
        """``file:line:column: field.path: message``, the message in ``lang``."""
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        message = into(self.message, lang)
        if self.path:
            return f"{where}: {self.path}: {message}"
        return f"{where}: {message}"


class ScenarioError(Exception):
    """A scenario file could not be loaded; ``problems`` lists everything wrong with it at once."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            raise ValueError("a ScenarioError needs at least one problem")
        self.problems: tuple[Problem, ...] = tuple(
            sorted(problems, key=lambda p: (p.file, p.line, p.column))
        )
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def file(self) -> str:
        """The file the (first) problem is in."""
        return self.problems[0].file


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """`` — did you mean 'title'?`` when a known name is close to ``word``, else ``''``."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    if not close and word.lower() != word:
        close = difflib.get_close_matches(word.lower(), list(options), n=1, cutoff=0.6)
    return said(" — did you mean '{name}'?", name=close[0]) if close else ""


def shown(value: object, limit: int = 40) -> str:
    """A value as the trainer wrote it, short enough for one line of an error message."""
    if value is None:
        return said("nothing")
    if isinstance(value, dict):
        return said("a group of 'name: value' lines")
    if isinstance(value, list):
        return said("a list")
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return "'" + text.replace("\n", " ") + "'"
