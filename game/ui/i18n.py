"""UI strings in Dutch and English through gettext catalogues, read with Babel.

Why gettext and Babel: the catalogue format (``.po``) is what translators and their tools know
(Poedit, Weblate), Babel extracts the strings from the code (``make messages``) and reads the
catalogues directly, so no compiled ``.mo`` files have to be kept in step. English is the source
language; ``locales/nl.po`` holds the Dutch. Scenario texts come from the scenario, not from here.
"""

from __future__ import annotations

from pathlib import Path

from game.domain import Language
from game.said import read_catalogue

LOCALE_DIR = Path(__file__).resolve().parent / "locales"


class Translator:
    """``t("New game")`` gives the text in the chosen language; unknown strings stay English."""

    def __init__(self, lang: Language) -> None:
        self.lang: Language = lang
        self._messages = read_catalogue(LOCALE_DIR / f"{lang}.po", lang) if lang != "en" else {}

    def __call__(self, message: str) -> str:
        return self._messages.get(message, message)
