"""The JSON Schema of a scenario file, shaped for the editors trainers use.

Pydantic's own schema describes the models in Python's terms; yaml-language-server (the YAML
extension of VS Code and other editors) shows it to trainers, and there it read badly (issue
20): hovers headed "CitizenRelation", "Round At Least || Round At Least" for a field that may be
left out, one description for all six relations, and underlines under values the game accepts.
The generator below changes what pydantic writes, in the same terms as the loader:

- a truth value takes true/false and YAML 1.1's yes/no, on/off (``game.scenario.scalars``);
- a field that may be left out takes ``null`` in its own type (``["integer", "null"]``) or as
  the second of a ``oneOf``, never in an ``anyOf``, which the editor's hover reads as
  alternatives to list;
- titles are words ("Citizen relation", "Round at least");
- every value of a closed set has its own line (``enumDescriptions``, ``game.scenario.vocabulary``),
  which the editor shows in completions and hovers;
- a map with id keys takes no other keys (``additionalProperties: false``), as the models.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from game.scenario.models import Scenario
from game.scenario.scalars import TRUTH_WORDS
from game.scenario.vocabulary import meanings

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"
TRUTH_PATTERN = "^(?:" + "|".join(TRUTH_WORDS) + ")$"
_COMBINED = ("$ref", "anyOf", "oneOf", "allOf", "enum", "const", "not")


def scenario_json_schema() -> dict[str, Any]:
    """The JSON Schema of a scenario file, for editors (yaml-language-server and others)."""
    schema = Scenario.model_json_schema(schema_generator=_EditorSchema)
    for name, definition in schema.get("$defs", {}).items():
        definition["title"] = words(name)
    _finish(schema)
    return {
        "$schema": SCHEMA_URL,
        "title": "Netwerkende Gemeente scenario",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def words(name: str) -> str:
    """``CitizenRelation`` and ``round_at_least`` as a person writes them: "Citizen relation",
    "Round at least"."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).replace("_", " ")
    return spaced[:1].upper() + spaced[1:].lower()


class _EditorSchema(GenerateJsonSchema):
    """Pydantic's schema generator with the editor's reading of truth values, empty values,
    titles and closed sets (see the module)."""

    def bool_schema(self, schema: core_schema.BoolSchema) -> JsonSchemaValue:
        message = "write true or false (or yes/no, on/off)"
        return {
            "type": ["boolean", "string"],
            "pattern": TRUTH_PATTERN,
            "patternErrorMessage": message,
            "errorMessage": message,
        }

    def int_schema(self, schema: core_schema.IntSchema) -> JsonSchemaValue:
        return {**super().int_schema(schema), "errorMessage": "write a whole number, no quotes"}

    def float_schema(self, schema: core_schema.FloatSchema) -> JsonSchemaValue:
        message = "write a number, no quotes (with a point for decimals: 1.5)"
        return {**super().float_schema(schema), "errorMessage": message}

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        inner = self.generate_inner(schema["schema"])
        if "type" in inner and not any(key in inner for key in _COMBINED):
            kinds = inner["type"] if isinstance(inner["type"], list) else [inner["type"]]
            return {**inner, "type": [*kinds, "null"]}
        if list(inner) == ["oneOf"]:  # already alternatives that exclude each other
            return {"oneOf": [*inner["oneOf"], {"type": "null"}]}
        return {"oneOf": [inner, {"type": "null"}]}

    def enum_schema(self, schema: core_schema.EnumSchema) -> JsonSchemaValue:
        result = super().enum_schema(schema)
        closed_set = schema["cls"]
        if issubclass(closed_set, StrEnum):
            _describe_values(result, closed_set)
        return result

    def literal_schema(self, schema: core_schema.LiteralSchema) -> JsonSchemaValue:
        result = super().literal_schema(schema)
        _describe_values(result, None)
        return result

    def get_title_from_name(self, name: str) -> str:
        return words(name)


def _describe_values(schema: JsonSchemaValue, closed_set: type[StrEnum] | None) -> None:
    values = schema.get("enum")
    if not values or not all(isinstance(value, str) for value in values):
        return
    found = meanings(values, closed_set)
    if found is not None:
        schema["enumDescriptions"] = found


def _finish(schema: Any) -> None:
    """Every property titled in words (a ``$ref`` gets none from pydantic, and the editor then
    heads its hover with the class name); no stray keys next to id keys."""
    if isinstance(schema, list):
        for item in schema:
            _finish(item)
        return
    if not isinstance(schema, dict):
        return
    if isinstance(schema.get("description"), str):
        schema["description"] = _as_read(schema["description"])
    for name, prop in schema.get("properties", {}).items():
        if isinstance(prop, dict) and "description" in prop and "title" not in prop:
            prop["title"] = words(name)
    if "patternProperties" in schema:
        schema.setdefault("additionalProperties", False)
    for value in schema.values():
        _finish(value)


def _as_read(text: str) -> str:
    """A docstring as a paragraph the editor can show: its lines joined (the editor would make
    each a paragraph of its own), and ``code`` quoted as 'code'."""
    paragraphs = [" ".join(part.split()) for part in text.strip().split("\n\n")]
    return re.sub(r"``([^`]+)``", r"'\1'", "\n\n".join(paragraphs))
