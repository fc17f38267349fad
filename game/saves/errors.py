"""Why a save cannot be used, in words a workshop group understands, in Dutch and English.

The title screen shows these sentences to people who just lost a laptop's battery: they say what
is wrong and, where there is one, what to do. They never carry a traceback.
"""

from __future__ import annotations

from pathlib import Path

from game.domain import Language


class FileProblem(Exception):
    """A file of the game's own (a save, a results file) that cannot be used, said in both
    languages. ``kind`` is a short fixed code for programs and tests."""

    def __init__(self, kind: str, reason: str, reason_nl: str, path: Path | None = None) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason
        self.reason_nl = reason_nl
        self.path = path

    def explain(self, lang: Language) -> str:
        """The reason in ``lang``."""
        return self.reason_nl if lang == "nl" else self.reason

    def __str__(self) -> str:
        return f"{self.path.name}: {self.reason}" if self.path is not None else self.reason


class SaveError(FileProblem):
    """A save that cannot be read, written or trusted.

    ``kind`` is a short fixed code for programs and tests (``truncated``, ``checksum``,
    ``scenario_missing`` …); ``reason`` is the English sentence and ``reason_nl`` the Dutch one.
    """

    def at(self, path: Path) -> SaveError:
        """The same error, remembering which file it was about."""
        self.path = path
        return self
