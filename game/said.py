"""Messages for trainers (scenario checks, ``validate``, ``new``) in English and in Dutch.

A message is built once, where the problem is found, without knowing who will read it: the
game's scenario list shows it in the interface's language, ``validate --lang nl`` in Dutch, a
test in English. So a message keeps its English template and its values; ``into(lang)`` says it
again in another language from the gettext catalogue ``game/locales/nl.po`` (``make messages``
extracts every ``said("…")`` into it; Babel reads it, as the interface's catalogue is read).

``Said`` is a ``str`` holding the English text, so code and tests that treat a message as text
keep working, and a value that is itself a message (a "did you mean …?" part) follows the
language of the message it is put into.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from game.domain import LANGUAGES, Language

LOCALE_DIR = Path(__file__).resolve().parent / "locales"


@cache
def read_catalogue(path: Path, lang: Language) -> dict[str, str]:
    """English → translation for every message a gettext catalogue (``.po``) translates; empty
    when there is no such file. The interface's catalogue is read with it too.

    The compiled catalogue beside it (``.mo``, made by ``make messages``) is read when there is
    one, with the standard library: reading the ``.po`` with Babel took a tenth of a second of
    every start (issue 22). A test keeps the two the same."""
    compiled = path.with_suffix(".mo")
    if compiled.is_file():
        import gettext

        with compiled.open("rb") as handle:
            messages = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
        return {
            str(key): str(value) for key, value in messages.items() if key and isinstance(key, str)
        }
    return read_source_catalogue(path, lang)


def read_source_catalogue(path: Path, lang: Language) -> dict[str, str]:
    """The same from the ``.po`` itself, with Babel (a catalogue with no compiled one)."""
    if not path.is_file():
        return {}
    from babel.messages.pofile import read_po  # only when something is said in Dutch

    with path.open("rb") as handle:
        read = read_po(handle, locale=lang)
    return {
        str(message.id): str(message.string)
        for message in read
        if message.id and isinstance(message.id, str) and message.string
    }


def catalogue(lang: Language) -> dict[str, str]:
    """English template → translation, for every trainers' message translated into ``lang``."""
    return {} if lang == "en" else read_catalogue(LOCALE_DIR / f"{lang}.po", lang)


class Said(str):
    """An English message that can be said again in another language (``into``)."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Said:
        said = super().__new__(cls, _fill(template, values, "en"))
        said.template = template
        said.values = values
        return said

    def into(self, lang: Language) -> str:
        """The message in ``lang``; English where the catalogue has no translation yet."""
        if lang == "en":
            return str(self)
        return _fill(catalogue(lang).get(self.template, self.template), self.values, lang)

    def __reduce__(self) -> tuple[Any, ...]:  # a copy or pickle keeps the template (and kind)
        return (_rebuild, (type(self), self.template, self.values))


class Aside(Said):
    """A part of a message that is left out where it has no translation: a field's English
    description inside a Dutch message would read worse than no description."""

    def into(self, lang: Language) -> str:
        if lang == "en" or self.template in catalogue(lang):
            return super().into(lang)
        return ""


class Given(Said):
    """A text the game already has in both languages (an explanation from the core), put into
    a message as it is."""

    nl: str

    def __new__(cls, nl: str, en: str) -> Given:
        given = super().__new__(cls, "{en}", en=en)
        given.nl = nl
        return given

    def into(self, lang: Language) -> str:
        return self.nl if lang == "nl" else str(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Given, (self.nl, str(self)))


def _rebuild(kind: type[Said], template: str, values: dict[str, Any]) -> Said:
    return kind(template, **values)


def said(template: str, /, **values: Any) -> Said:
    """A message for a trainer: ``said("'{name}' is required", name=name)``."""
    return Said(template, **values)


def into(text: str, lang: Language) -> str:
    """Any text in ``lang``: a ``Said`` is translated, plain text stays as it is."""
    return text.into(lang) if isinstance(text, Said) else str(text)


def joined(parts: list[str], separator: str = "") -> Said:
    """Parts (messages or plain text) put together, each said in the reader's language."""
    names = {f"p{i}": part for i, part in enumerate(parts)}
    return Said(separator.join("{" + name + "}" for name in names), **names)


def _fill(template: str, values: dict[str, Any], lang: Language) -> str:
    shown = {name: into(v, lang) if isinstance(v, str) else v for name, v in values.items()}
    return template.format(**shown)


def chosen_language(lang: str | None) -> Language:
    """``--lang``'s value as a language the messages know (English when none is given)."""
    return lang if lang in LANGUAGES else "en"  # type: ignore[return-value]
