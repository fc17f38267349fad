"""Values read as editors read them, where a number, a truth value or a name is expected.

``game.scenario.yamltree`` keeps every value as the text written, so that a text is what the
trainer typed. Editors that check a scenario against the JSON Schema (yaml-language-server)
read a plain value by YAML 1.2 instead: ``4`` is a number, ``true`` a truth value, ``yes`` and
``"4"`` are text. For the game and the editor to accept the same files (issue 20), this pass
reads each value by the kind of field it stands in, with one rule per kind:

- **a number** (``round``, ``weight``): a plain number, read as YAML 1.2 reads it (``4``,
  ``1.5``, ``1e3``, ``0x1F``). A number in quotes (``round: "4"``) is text to an editor, which then
  cannot check its range either; the game refuses it too and says to drop the quotes.
- **a truth value** (``in_use``, ``online``): ``true`` or ``false``, and YAML 1.1's other words
  for them, ``yes``/``no`` and ``on``/``off`` (lower case, Capitalised or CAPITALS, quoted or
  not), since that is what a trainer means by them; the schema lists the same words. Anything
  else (``1``, ``y``, ``ja``) is refused.
- **a text** (a title, a description, ``author``): anything written, kept exactly as written:
  ``title: 2024`` is the text "2024" and ``title: 1.10`` stays "1.10". The schema lets a number or
  truth value stand where a text goes (``AsWritten``).
- **a name** (an id, a reference, a file path, ``version``): text only. A value YAML reads as a
  number or truth value is refused with the advice to quote it: ``version: 1.10`` is the number
  1.1 to YAML and to every editor, and ``version: 2.0`` the number 2.

Closed sets (``relation: customer``) need no rule: no value of theirs looks like anything else.
The pass returns the values to validate (numbers and truth values as Python values) and the
problems it found; a value it refused is not reported again by the models.
"""

from __future__ import annotations

import math
import re
import types
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, RootModel, TypeAdapter, ValidationError

from game.said import said
from game.scenario.errors import Problem
from game.scenario.models import AsWritten
from game.scenario.yamltree import DataPath, Document, path_text

TRUTH_WORDS: dict[str, bool] = {
    spelling: value
    for word, value in (
        ("true", True),
        ("yes", True),
        ("on", True),
        ("false", False),
        ("no", False),
        ("off", False),
    )
    for spelling in (word, word.capitalize(), word.upper())
}
"""The truth values a scenario may write: YAML 1.1's (PyYAML's) words for them."""


def _integer(text: str) -> int | float:
    """A whole number; one longer than Python reads as an integer (4,300 digits) is read as a
    float, that is infinite, so that the models refuse it at its line instead of a crash."""
    try:
        return int(text)
    except ValueError:
        return float(text)


# YAML 1.2's core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution), as editors apply it.
_YAML12: tuple[tuple[re.Pattern[str], Callable[[str], Any]], ...] = (
    (re.compile(r"^(?:[Tt]rue|TRUE)$"), lambda text: True),
    (re.compile(r"^(?:[Ff]alse|FALSE)$"), lambda text: False),
    (re.compile(r"^[-+]?[0-9]+$"), lambda text: _integer(text)),
    (re.compile(r"^0o[0-7]+$"), lambda text: int(text[2:], 8)),
    (re.compile(r"^0x[0-9a-fA-F]+$"), lambda text: int(text[2:], 16)),
    (re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"), float),
    (
        re.compile(r"^[-+]?\.(?:inf|Inf|INF)$"),
        lambda text: -math.inf if text[0] == "-" else math.inf,
    ),
    (re.compile(r"^\.(?:nan|NaN|NAN)$"), lambda text: math.nan),
)


def yaml12_value(text: str) -> Any:
    """What YAML 1.2 makes of a plain (unquoted) value: a bool, int, float, or the text itself.

    (Empty and ``~``/``null`` are already None: ``yamltree`` reads them so.)
    """
    for pattern, convert in _YAML12:
        if pattern.match(text):
            return convert(text)
    return text


def editor_values(
    document: Document, source: str, model: type[BaseModel]
) -> tuple[Any, list[Problem]]:
    """The document's data read as editors read it (see the module), and what that refuses.

    ``source`` is the decoded text of the file: whether a value was quoted is read at its mark.
    """
    reader = _Reader(document, re.split(r"\r\n|\r|\n", source.removeprefix("\ufeff")))
    return reader.value(model, document.data, ()), reader.problems


class _Reader:
    """Follows the models down the data; one per file."""

    def __init__(self, document: Document, lines: list[str]) -> None:
        self.document = document
        self.lines = lines
        self.problems: list[Problem] = []

    def value(self, annotation: Any, value: Any, path: DataPath) -> Any:
        annotation, written = _peel(annotation)
        if value is None:
            return None
        origin = get_origin(annotation)
        if origin is Union or origin is types.UnionType:
            member = _member_for(get_args(annotation), value)
            return value if member is None else self.value(member, value, path)
        if isinstance(annotation, type) and issubclass(annotation, RootModel):
            return self.value(annotation.model_fields["root"].annotation, value, path)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if not isinstance(value, dict):
                return value
            fields = annotation.model_fields
            return {
                key: self.value(_field_type(fields[key]), item, (*path, key))
                if key in fields
                else item
                for key, item in value.items()
            }
        if origin is list:
            (item_type,) = get_args(annotation)
            if isinstance(value, list):
                return [self.value(item_type, item, (*path, i)) for i, item in enumerate(value)]
            return self.value(item_type, value, path)  # one id where a list of ids may stand
        if origin is dict:
            item_type = get_args(annotation)[1]
            if isinstance(value, dict):
                return {
                    key: self.value(item_type, item, (*path, key)) for key, item in value.items()
                }
            return value
        if not isinstance(value, str):
            return value
        if annotation is bool:
            return self.truth(value, path)
        if annotation is int or annotation is float:
            return self.number(value, path)
        if annotation is str and not written:
            self.name(value, path)
        return value

    def truth(self, text: str, path: DataPath) -> Any:
        if text in TRUTH_WORDS:
            return TRUTH_WORDS[text]
        if _passes(bool, text):  # the models would take it ('1', 'y'): say why it is not one
            self.refuse(
                path,
                said(
                    "'{text}' is not a truth value: write true or false (or yes/no, on/off)",
                    text=text,
                ),
            )
        return text

    def number(self, text: str, path: DataPath) -> Any:
        plain = self.plain(path)
        if plain:
            read = yaml12_value(text)
            if isinstance(read, int | float) and not isinstance(read, bool):
                return read
        if _passes(float, text):  # the models would take it: say why it is not one
            if plain:
                message = said(
                    "'{text}' is not a number as YAML writes one: write it with the digits 0–9 "
                    "and at most one point, e.g. 1000 or 1.5",
                    text=text,
                )
            else:
                message = said(
                    '"{text}" is in quotes, so YAML and your editor read it as text: write the '
                    "number without quotes{entry}",
                    text=text,
                    entry=_as_entry(path, text),
                )
            self.refuse(path, message)
        return text

    def name(self, text: str, path: DataPath) -> None:
        if not self.plain(path):
            return
        read = yaml12_value(text)
        if read is text:
            return
        what = said("a truth value") if isinstance(read, bool) else said("a number")
        self.refuse(
            path,
            said(
                "YAML (and your editor) reads {text} as {what}, not as text: put it in "
                "quotes{entry}",
                text=text,
                what=what,
                entry=_as_entry(path, f'"{text}"'),
            ),
        )

    def plain(self, path: DataPath) -> bool:
        """True when the value at ``path`` is written without quotes (and not as a block)."""
        line, column = self.document.mark(path)
        if not 0 < line <= len(self.lines):
            return True
        return self.lines[line - 1][column - 1 : column] not in ("'", '"', "|", ">")

    def refuse(self, path: DataPath, message: str) -> None:
        line, column = self.document.mark(path)
        where = path_text(path, self.document.data)
        self.problems.append(Problem(self.document.file, line, column, where, message))


def _peel(annotation: Any) -> tuple[Any, bool]:
    """The type inside ``Annotated`` layers, and whether one of them marks a text as written."""
    written = False
    while get_origin(annotation) is Annotated:
        written = written or any(isinstance(meta, AsWritten) for meta in annotation.__metadata__)
        annotation = get_args(annotation)[0]
    return annotation, written


def _field_type(info: Any) -> Any:
    """A field's type with the metadata pydantic took off it (``AsWritten`` among them)."""
    if info.metadata:
        return Annotated[(info.annotation, *info.metadata)]
    return info.annotation


def _member_for(members: tuple[Any, ...], value: Any) -> Any:
    """The member of a union that a value of this shape belongs to (None: left to the models)."""
    for member in members:
        inner = _peel(member)[0]
        if inner is type(None):
            continue
        if isinstance(inner, type) and issubclass(inner, RootModel):
            return member
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            if isinstance(value, dict):
                return member
        elif get_origin(inner) in (list, dict) or not isinstance(value, list | dict):
            return member
    return None


@cache
def _reader(kind: type) -> TypeAdapter[Any]:
    return TypeAdapter(kind)


def _passes(kind: type, text: str) -> bool:
    """True when the models (lax, as pydantic is) would read ``text`` as a finite ``kind``."""
    try:
        read = _reader(kind).validate_python(text)
    except ValidationError:
        return False
    return not isinstance(read, float) or math.isfinite(read)


def _as_entry(path: DataPath, value: str) -> str:
    """``, round: 4`` for a named field; nothing for a list item (no name to write)."""
    name = path[-1] if path else None
    return f", {name}: {value}" if isinstance(name, str) else f": {value}"
