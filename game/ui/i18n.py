"""UI strings in Dutch and English through gettext catalogues, read with Babel.

Why gettext and Babel: the catalogue format (``.po``) is what translators and their tools know
(Poedit, Weblate), Babel extracts the strings from the code (``make messages``) and reads the
catalogues directly, so no compiled ``.mo`` files have to be kept in step. English is the source
language; ``locales/nl.po`` holds the Dutch. Scenario texts come from the scenario, not from here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

from game.domain import Language

LOCALE_DIR = Path(__file__).resolve().parent / "locales"


@cache
def _catalogue(lang: Language) -> dict[str, str]:
    path = LOCALE_DIR / f"{lang}.po"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=lang)
    return {
        str(message.id): str(message.string)
        for message in catalogue
        if message.id and isinstance(message.id, str) and message.string
    }


class Translator:
    """``t("New game")`` gives the text in the chosen language; unknown strings stay English."""

    def __init__(self, lang: Language) -> None:
        self.lang: Language = lang
        self._messages = _catalogue(lang) if lang != "en" else {}

    def __call__(self, message: str) -> str:
        return self._messages.get(message, message)
