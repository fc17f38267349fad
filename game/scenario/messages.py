"""Pydantic's validation errors, turned into problems a trainer can read and find.

Each error's location (``('initiatives', 3, 'owner')``) is followed through the data read from
the file, to the line and column of the nearest value that exists, and through the models, to
the field's description and the names allowed there (for "did you mean …?").
"""

from __future__ import annotations

import difflib
import re
import types
from dataclasses import dataclass
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, RootModel, Tag, ValidationError
from pydantic.fields import FieldInfo

from game.said import Aside, Said, said
from game.scenario.errors import Problem, did_you_mean, shown
from game.scenario.models import CONTENT_ID_PATTERN
from game.scenario.yamltree import DataPath, Document, path_text

_CONTENT_ID = re.compile(CONTENT_ID_PATTERN)
MAX_PROBLEMS = 200
"""Past this many, more messages do not help a trainer: they fix these and check again."""
_QUOTED = re.compile(r"'([^']*)'")


@dataclass
class _Located:
    """Where a pydantic error's location leads, in the data and in the models."""

    data_path: DataPath
    at_key: bool  # the error is about a key itself (unknown field, bad key)
    parent_model: type[BaseModel] | None  # the model that holds the last field, if known
    field: FieldInfo | None


def validation_problems(
    error: ValidationError, model: type[BaseModel], document: Document
) -> list[Problem]:
    """One problem per pydantic error, placed at its line; errors at made-up values dropped."""
    problems: list[Problem] = []
    details = error.errors(include_url=False)[:MAX_PROBLEMS]
    misspelt = _misspelt(details, model, document)
    for detail in details:
        located = _locate(detail["loc"], model, document.data)
        path = located.data_path
        if document.is_poisoned(path):
            continue
        kind = detail["type"]
        name = detail["loc"][-1] if detail["loc"] else None
        if kind == "missing" and (tuple(detail["loc"][:-1]), name) in misspelt:
            continue  # the misspelling says it: 'intiatives' is 'initiatives', not missing
        shown_path = path
        if kind == "missing" and isinstance(name, str):
            shown_path = (*path, name)
        at_key = located.at_key or kind == "extra_forbidden"
        line, column = document.key_mark(path) if at_key else document.mark(path)
        problems.append(
            Problem(
                document.file,
                line,
                column,
                path_text(shown_path, document.data),
                _message(detail, located, name),
            )
        )
    hidden = error.error_count() - MAX_PROBLEMS
    if hidden > 0 and problems:
        last = max(problems, key=lambda p: (p.line, p.column))
        problems.append(
            Problem(
                document.file,
                last.line,
                last.column,
                "",
                said(
                    "… and {count} more problems; fix these first, then check again",
                    count=hidden,
                ),
            )
        )
    return _unique(problems)


def _misspelt(details: list[Any], model: type[BaseModel], document: Document) -> set:
    """(parent location, field) of every required field that a misspelt field beside it stands
    for: reporting it missing too only made noise before the cause (issue 20)."""
    found = set()
    for detail in details:
        if detail["type"] != "extra_forbidden" or not detail["loc"]:
            continue
        located = _locate(detail["loc"], model, document.data)
        allowed = list(located.parent_model.model_fields) if located.parent_model else []
        close = difflib.get_close_matches(str(detail["loc"][-1]), allowed, n=1, cutoff=0.6)
        if close:
            found.add((tuple(detail["loc"][:-1]), close[0]))
    return found


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[Problem] = set()
    kept = []
    for problem in problems:
        if problem not in seen:
            seen.add(problem)
            kept.append(problem)
    return kept


def strip_annotation(annotation: Any) -> Any:
    """The type under ``Annotated`` and ``X | None`` (a real union stays a union)."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin is Union or origin is types.UnionType:
            members = [a for a in get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation


def _unwrap(annotation: Any) -> Any:
    """The type under ``Annotated``, ``X | None`` and root models: what the data must be."""
    while True:
        annotation = strip_annotation(annotation)
        if not (isinstance(annotation, type) and issubclass(annotation, RootModel)):
            return annotation
        annotation = annotation.model_fields["root"].annotation


def _tagged_member(union: Any, tag: str) -> Any:
    for member in get_args(union):
        if get_origin(member) is Annotated and any(
            isinstance(meta, Tag) and meta.tag == tag for meta in member.__metadata__
        ):
            return member
    return None


def _locate(loc: tuple[Any, ...], model: type[BaseModel], data: Any) -> _Located:
    annotation: Any = model
    current = data
    path: list[Any] = []
    parent: type[BaseModel] | None = None
    field: FieldInfo | None = None
    at_key = False
    for element in loc:
        annotation = _unwrap(annotation)
        origin = get_origin(annotation)
        if origin is Union or origin is types.UnionType:
            member = _tagged_member(annotation, str(element))
            if member is not None:  # a union's tag names the branch; it is not in the file
                annotation = member
                continue
            annotation = None
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            parent = annotation
            field = annotation.model_fields.get(element) if isinstance(element, str) else None
            annotation = field.annotation if field is not None else None
        elif origin is list and isinstance(element, int):
            annotation = get_args(annotation)[0]
        elif origin is dict:
            key_type, value_type = get_args(annotation)
            annotation = key_type if element == "[key]" else value_type
            at_key = element == "[key]"
        else:
            annotation = None
        in_map = isinstance(current, dict) and isinstance(element, str) and element in current
        in_list = isinstance(current, list) and isinstance(element, int) and element < len(current)
        if in_map or in_list:
            path.append(element)
            current = current[element]
    return _Located(tuple(path), at_key, parent, field)


def _options(context: dict[str, Any] | None) -> list[str]:
    return _QUOTED.findall(str((context or {}).get("expected", "")))


def _message(detail: Any, located: _Located, name: Any) -> str:
    kind = detail["type"]
    value = detail.get("input")
    context = detail.get("ctx") or {}
    got = said("got {value}", value=shown(value))
    if kind == "missing":
        return said(
            "'{name}' is required but missing{meaning}",
            name=name,
            meaning=_described(located.field),
        )
    if kind == "extra_forbidden":
        allowed = list(located.parent_model.model_fields) if located.parent_model else []
        if set(allowed) == {"nl", "en"} and value is None:
            # {nl: Storm, dode vis, en: …}: the ',' ended the text, and the rest became a name.
            return said(
                "a ',' inside {{nl: …, en: …}} ends the text, so '{name}' is read as a name of "
                'its own: put the text in quotes, e.g. {{nl: "…, {name}", en: …}}',
                name=name,
            )
        hint = did_you_mean(str(name), allowed)
        if not hint and 0 < len(allowed) <= 16:
            hint = said("; allowed here: {names}", names=", ".join(allowed))
        return said("unknown field '{name}'{hint}", name=name, hint=hint)
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return said("expected a whole number, {got}", got=got)
    if kind == "int_parsing_size":
        return said("this number is far too large, {got}", got=got)
    if kind in ("float_parsing", "float_type"):
        return said("expected a number, {got}{hint}", got=got, hint=_decimal_comma(value))
    if kind == "finite_number":
        return said("expected an ordinary number, {got}", got=got)
    if kind in ("bool_parsing", "bool_type"):
        return said("expected true or false, {got}", got=got)
    if kind == "string_type":
        return said("expected text, {got}", got=got)
    if kind == "text_type":
        if value is None:
            return said("a text is needed here, but it is empty")
        return said(
            "expected a text, or a translation per language {{nl: …, en: …}}, {got}", got=got
        )
    if kind == "string_too_short":
        return said("must not be empty")
    if kind == "string_pattern_mismatch":
        return _pattern_message(str(context.get("pattern", "")), value, located.field)
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return _beyond_limit(kind, _number(next(iter(context.values()), "?")), value)
    if kind in ("too_short", "too_long"):
        count = context.get("min_length" if kind == "too_short" else "max_length", "?")
        actual = context.get("actual_length", "?")
        if kind == "too_short":
            if count == 1:
                return said("needs at least 1 item, got {actual}", actual=actual)
            return said("needs at least {count} items, got {actual}", count=count, actual=actual)
        if count == 1:
            return said("needs at most 1 item, got {actual}", actual=actual)
        return said("needs at most {count} items, got {actual}", count=count, actual=actual)
    if kind in ("enum", "literal_error"):
        options = _options(context)
        hint = did_you_mean(str(value), options) if isinstance(value, str) else ""
        if hint and len(options) > 8:
            return said("{value} is not allowed here{hint}", value=shown(value), hint=hint)
        return said(
            "expected one of: {options}; {got}{hint}",
            options=", ".join(options),
            got=got,
            hint=hint,
        )
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return said("expected 'name: value' lines here (indented below the name), {got}", got=got)
    if kind == "list_type":
        return said("expected a list (lines starting with '- ', or [a, b]), {got}", got=got)
    if kind == "recursion_loop":
        return said("nested too deeply")
    error = context.get("error")
    if isinstance(error, Exception) and error.args and isinstance(error.args[0], Said):
        return error.args[0]  # the models' own message, which can be said in Dutch too
    message = str(detail.get("msg", kind))
    return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")


def _beyond_limit(kind: str, limit: Any, value: Any) -> str:
    if kind == "greater_than_equal":
        return said("must be at least {limit}, got {value}", limit=limit, value=value)
    if kind == "greater_than":
        return said("must be more than {limit}, got {value}", limit=limit, value=value)
    if kind == "less_than_equal":
        return said("must be at most {limit}, got {value}", limit=limit, value=value)
    return said("must be less than {limit}, got {value}", limit=limit, value=value)


def _number(value: Any) -> str:
    """100.0 as 100: trainers write whole numbers."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _described(field: FieldInfo | None) -> str:
    description = field.description if field is not None else None
    # Descriptions are English (the models'); a Dutch message leaves them out.
    return Aside(" — {meaning}", meaning=description) if description else ""


def _decimal_comma(value: Any) -> str:
    if isinstance(value, str) and re.fullmatch(r"-?\d+,\d+", value.strip()):
        return said(
            " (write decimals with a point: {number})", number=value.strip().replace(",", ".")
        )
    return ""


def _pattern_message(pattern: str, value: Any, field: FieldInfo | None) -> str:
    if pattern == _CONTENT_ID.pattern:
        suggestion = re.sub(r"[^a-z0-9_-]+", "_", str(value).strip().lower()).strip("_-")
        hint = (
            said(" — did you mean '{name}'?", name=suggestion)
            if _CONTENT_ID.match(suggestion)
            else ""
        )
        return said(
            "{value} is not a valid id: use lower-case letters, digits, '-' and '_', starting "
            "with a letter{hint}",
            value=shown(value),
            hint=hint,
        )
    if pattern.startswith(r"^\d+"):
        return said(
            "expected a version number such as '1.0' or '2.1.3', got {value}", value=shown(value)
        )
    return said(
        "{value} is not in the expected form{meaning}",
        value=shown(value),
        meaning=_described(field),
    )
