"""The scenario format described for machines (JSON Schema) and for people (a field reference).

Both are generated from the models, so neither can drift from what the loader accepts; tests
keep the shipped ``scenarios/scenario.schema.json`` and the reference in ``docs/scenarios.md``
current. Regenerate them with ``python main.py schema --out … --docs …``.
"""

from __future__ import annotations

import json
import types
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel, RootModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from game.scenario.json_schema import scenario_json_schema, words
from game.scenario.messages import strip_annotation
from game.scenario.models import (
    CONTENT_ID_PATTERN,
    REFERENCE_KINDS,
    AsWritten,
    OneOrMore,
    Reference,
    Scenario,
    Text,
)
from game.scenario.vocabulary import meanings

REFERENCE_BEGIN = (
    "<!-- BEGIN FIELD REFERENCE: generated from the models by "
    "`python main.py schema --docs docs/scenarios.md`; do not edit by hand -->"
)
REFERENCE_END = "<!-- END FIELD REFERENCE -->"


def schema_text() -> str:
    """The JSON Schema as the shipped file holds it."""
    return json.dumps(scenario_json_schema(), indent=2, ensure_ascii=False) + "\n"


# --- The field reference for trainers ------------------------------------------------------------


def reference_markdown() -> str:
    """Every model a scenario is made of, one table each: field, value, default, meaning."""
    order, used_in = _models_in_order()
    parts = [REFERENCE_BEGIN, ""]
    for model in order:
        parts.append(f"### {_title(model)}")
        parts.append("")
        parts.append(_first_line(model.__doc__ or ""))
        places = used_in.get(model, [])
        if places:
            parts.append("")
            parts.append("Used in: " + ", ".join(f"`{place}`" for place in places) + ".")
        parts.append("")
        parts.append("| field | value | default | meaning |")
        parts.append("|---|---|---|---|")
        for name, info in model.model_fields.items():
            parts.append(
                f"| `{name}` | {_kind(info.annotation, info)} | {_default(info)} | "
                f"{_escape(_description(info))} |"
            )
        parts.append("")
    parts.extend(_closed_sets(order))
    parts.append(REFERENCE_END)
    return "\n".join(parts) + "\n"


def with_reference(document: str) -> str:
    """``document`` (docs/scenarios.md) with its generated section replaced by the current one."""
    start = document.find(REFERENCE_BEGIN)
    end = document.find(REFERENCE_END)
    if start < 0 or end < start:
        raise ValueError(
            "the document has no field reference section; add these two lines where it should "
            f"go:\n{REFERENCE_BEGIN}\n{REFERENCE_END}"
        )
    return document[:start] + reference_markdown() + document[end + len(REFERENCE_END) + 1 :]


def _models_in_order() -> tuple[list[type[BaseModel]], dict[type[BaseModel], list[str]]]:
    """Scenario first, then each model in the order a reader meets it, with where it is used."""
    order: list[type[BaseModel]] = [Scenario]
    used_in: dict[type[BaseModel], list[str]] = {}
    queue: list[tuple[type[BaseModel], str]] = [(Scenario, "")]
    while queue:
        model, prefix = queue.pop(0)
        for name, info in model.model_fields.items():
            place = f"{prefix}{name}"
            for inner, suffix in _models_inside(info.annotation):
                where = used_in.setdefault(inner, [])
                if len(where) < 6 and f"{place}{suffix}" not in where:
                    where.append(f"{place}{suffix}")
                if inner not in order:
                    order.append(inner)
                    queue.append((inner, f"{place}{suffix}."))
    return order, used_in


def _models_inside(annotation: Any) -> list[tuple[type[BaseModel], str]]:
    """The models a field holds, with ``[]`` (list items) or ``.*`` (map values) on the way."""
    annotation = strip_annotation(annotation)
    origin = get_origin(annotation)
    if origin is list:
        return [(m, "[]" + s) for m, s in _models_inside(get_args(annotation)[0])]
    if origin is dict:
        return [(m, ".*" + s) for m, s in _models_inside(get_args(annotation)[1])]
    if origin is Union or origin is types.UnionType:
        return [found for arg in get_args(annotation) for found in _models_inside(arg)]
    if isinstance(annotation, type) and issubclass(annotation, Text):
        return []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [(annotation, "")]
    return []


def _title(model: type[BaseModel]) -> str:
    return "Scenario (the whole file)" if model is Scenario else words(model.__name__)


def _anchor(title: str) -> str:
    return title.lower().replace(" ", "-").replace("(", "").replace(")", "")


# The section that describes each kind of item an id can name.
_REFERRED = {"initiative": "Initiative", "channel": "Channel", "action": "DevelopmentAction"}
_REFERRED["event"] = "Event"


def _id_of(reference: Reference, many: bool = False) -> str:
    """``id of [an initiative](#initiative)``; ``ids of [initiatives](#initiative)``."""
    what, where = REFERENCE_KINDS[reference.kind]
    link = f"(#{_anchor(words(_REFERRED[reference.kind]))})"
    if many:
        return f"ids of [{where if reference.kind != 'action' else 'development actions'}]{link}"
    article, noun = what.split(" ", 1)
    return f"id of {article} [{noun}]{link}"


def _metadata(annotation: Any, info: FieldInfo | None = None) -> list[Any]:
    """Every ``Annotated`` marker on a field's type, through ``X | None`` (not into lists)."""
    found = list(info.metadata) if info is not None else []
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            found.extend(annotation.__metadata__)
            annotation = get_args(annotation)[0]
        elif origin is Union or origin is types.UnionType:
            members = [a for a in get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return found
            annotation = members[0]
        else:
            return found


def _closed_sets(order: list[type[BaseModel]]) -> list[str]:
    """A table per closed set the models use: each value and what it means."""
    seen: list[type[Enum]] = []
    for model in order:
        for info in model.model_fields.values():
            for closed in _enums_inside(info.annotation):
                if closed not in seen:
                    seen.append(closed)
    parts = ["### Values and what they mean", ""]
    for closed in seen:
        values = [member.value for member in closed]
        parts += [f"#### {words(closed.__name__)}", "", _first_line(closed.__doc__ or ""), ""]
        parts += ["| value | meaning |", "|---|---|"]
        described = meanings(values, closed) or [""] * len(values)
        parts += [f"| `{v}` | {_escape(m)} |" for v, m in zip(values, described, strict=True)]
        parts.append("")
    return parts


def _enums_inside(annotation: Any) -> list[type[Enum]]:
    inner = strip_annotation(annotation)
    if isinstance(inner, type) and issubclass(inner, Enum):
        return [inner]
    return [found for arg in get_args(inner) for found in _enums_inside(arg)]


def _first_line(doc: str) -> str:
    """A docstring's first paragraph on one line, its ``code`` as Markdown's `code`."""
    return " ".join(doc.strip().split("\n\n")[0].split()).replace("``", "`")


def _bounds(info: FieldInfo | None, annotation: Any) -> str:
    """``0–100``, ``at least 1``…, from the field's constraints and the type's own."""
    metadata = list(info.metadata) if info is not None else []
    if get_origin(annotation) is Annotated:
        for meta in get_args(annotation)[1:]:
            metadata.extend(getattr(meta, "metadata", None) or [meta])
    low = high = None
    for meta in metadata:
        if isinstance(meta, annotated_types.Ge | annotated_types.Gt):
            low = getattr(meta, "ge", None)
            low = meta.gt if low is None else low
            low = f"more than {low}" if isinstance(meta, annotated_types.Gt) else low
        if isinstance(meta, annotated_types.Le | annotated_types.Lt):
            high = getattr(meta, "le", None)
            high = meta.lt if high is None else high
    if low is not None and high is not None:
        return f" ({low}–{high})"
    if low is not None:
        return f" (at least {low})"
    if high is not None:
        return f" (at most {high})"
    return ""


def _kind(annotation: Any, info: FieldInfo | None = None) -> str:
    """What to write for a field, in words, with a link to the section of a nested model."""
    bounds = _bounds(info, annotation)
    markers = _metadata(annotation, info)
    inner = strip_annotation(annotation)
    origin = get_origin(inner)
    one_or_more = any(isinstance(marker, OneOrMore) for marker in markers)
    if one_or_more or origin is list:
        item_markers = _metadata(get_args(inner)[0]) if origin is list else []
        references = [m for m in item_markers if isinstance(m, Reference)]
        if references and one_or_more:
            return f"{_id_of(references[0])}, or a list of them"
        if references:
            return (
                "list of "
                + _id_of(references[0], many=True)
                + bounds.replace(" (at least", " (items: at least")
            )
    references = [marker for marker in markers if isinstance(marker, Reference)]
    if references:
        return _id_of(references[0])
    if isinstance(inner, type) and issubclass(inner, Text):
        return "text"
    if any(isinstance(marker, AsWritten) for marker in markers):
        return "text"
    if _is_content_id(annotation, info):
        return "id"
    if _is_asset_path(annotation):
        return "file path"
    if origin is list:
        return (
            "list of "
            + _kind(get_args(inner)[0])
            + bounds.replace(" (at least", " (items: at least")
        )
    if origin is dict:
        key, value = get_args(inner)
        return f"per {_kind(key)}: {_kind(value)}"
    if origin is Literal:
        values = get_args(inner)
        said = meanings(list(values))
        if said is None:
            return "one of " + ", ".join(f"`{v}`" for v in values)
        return "one of " + ", ".join(
            f"`{v}` ({m.rstrip('.')})" for v, m in zip(values, said, strict=True)
        )
    if isinstance(inner, type) and issubclass(inner, Enum):
        listed = ", ".join(f"`{m.value}`" for m in inner)
        return f"one of {listed} ([what they mean](#{_anchor(words(inner.__name__))}))"
    if isinstance(inner, type) and issubclass(inner, RootModel):
        return _kind(inner.model_fields["root"].annotation)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return f"[{_title(inner)}](#{_anchor(_title(inner))})"
    if inner is bool:
        return "true or false (or yes/no, on/off)"
    if inner is int:
        return "whole number" + bounds
    if inner is float:
        return "number" + bounds
    if inner is str:
        return "text"
    return str(inner)


def _is_content_id(annotation: Any, info: FieldInfo | None) -> bool:
    metadata = [*getattr(annotation, "__metadata__", ()), *(info.metadata if info else ())]
    return any(getattr(meta, "pattern", None) == CONTENT_ID_PATTERN for meta in metadata)


def _is_asset_path(annotation: Any) -> bool:
    stripped = annotation
    if get_origin(annotation) in (Union, types.UnionType):
        members = [a for a in get_args(annotation) if a is not type(None)]
        stripped = members[0] if len(members) == 1 else annotation
    return any(
        "relative to the scenario file's folder" in (getattr(meta, "description", "") or "")
        for meta in getattr(stripped, "__metadata__", ())
    )


def _description(info: FieldInfo) -> str:
    if info.description:
        return info.description
    for meta in getattr(info.annotation, "__metadata__", ()):
        if getattr(meta, "description", None):
            return meta.description
    return ""


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return "**required**"
    factory = info.default_factory
    value = factory() if factory is not None else info.default  # type: ignore[call-arg]
    if value is None or value is PydanticUndefined:
        return "–"
    if isinstance(value, BaseModel) and _all_defaults(value):
        return "the defaults of its fields"
    return f"`{_flow(value)}`"


def _all_defaults(value: BaseModel) -> bool:
    """True when a default model is just its own fields' defaults (documented with them)."""
    model = type(value)
    if any(info.is_required() for info in model.model_fields.values()):
        return False
    return value == model()


def _flow(value: Any) -> str:
    """A default written as a trainer would write it in YAML, on one line."""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False) if ":" in value or not value else value
    return str(value)


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
