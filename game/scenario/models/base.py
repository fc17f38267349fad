"""What every kind of scenario content shares: the frozen base model, ids and asset paths.

Scenarios are immutable data written by trainers in YAML. The models forbid unknown keys, use
enums for closed sets and describe every field: the descriptions become the JSON Schema that
trainers' editors show while typing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic.json_schema import GetJsonSchemaHandler, JsonSchemaValue
from pydantic_core import CoreSchema

from game.said import said

CONTENT_ID_PATTERN = r"^[a-z][a-z0-9_-]{0,63}$"
ID_FORM = (
    "an id is lower-case letters, digits, '-' and '_', starting with a letter "
    "(e.g. 'storm_2' or 'webcare-team')"
)
ContentId = Annotated[
    str,
    StringConstraints(pattern=CONTENT_ID_PATTERN),
    Field(
        description=(
            "A short name used to refer to this item elsewhere in the file: lower-case letters, "
            "digits, '-' and '_', starting with a letter (e.g. 'storm_2' or 'webcare-team')."
        ),
        json_schema_extra={"patternErrorMessage": ID_FORM},
    ),
]

ReferenceKind = Literal["initiative", "channel", "action", "event"]
REFERENCE_KINDS: dict[ReferenceKind, tuple[str, str]] = {
    "initiative": ("an initiative", "initiatives"),
    "channel": ("a channel", "channels"),
    "action": ("a development action", "actions"),
    "event": ("an event", "events"),
}
"""Per kind of item an id can name: how to say it, and the list of the file it is found in."""


@dataclass(frozen=True)
class Reference:
    """Marks a text that names another item of the file by its id.

    The loader checks that the item exists (``game.scenario.references``, with "did you mean");
    the JSON Schema tells editors what the text names and the form of an id, so that a
    reference is described as one rather than as free text (issue 20).
    """

    kind: ReferenceKind

    def describe(self) -> str:
        what, where = REFERENCE_KINDS[self.kind]
        return f"The id of {what} in this file (an 'id:' under '{where}')."

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        schema.update(
            pattern=CONTENT_ID_PATTERN, patternErrorMessage=ID_FORM, description=self.describe()
        )
        return schema


def reference(kind: ReferenceKind) -> Any:
    """The type of a text that names an item of ``kind`` by its id."""
    return Annotated[str, Reference(kind)]


def _filled(*names: str) -> dict[str, Any]:
    """JSON Schema: each of ``names`` is given and not left empty (``round: ~`` counts as left
    out, as it does for the models)."""
    return {"required": list(names), "properties": {n: {"not": {"type": "null"}} for n in names}}


def not_both_given(first: str, second: str) -> dict[str, Any]:
    """JSON Schema of a model validator's rule "give ``first`` or ``second``, not both"; the
    editor says so at ``second``."""
    message = f"give either '{first}' or '{second}', not both"
    return {
        "if": _filled(first),
        "then": {"properties": {second: {"type": "null", "errorMessage": message}}},
    }


def one_of_given(first: str, second: str) -> dict[str, Any]:
    """JSON Schema of a model validator's rule "give ``first`` or ``second``, one of them"."""
    return {"anyOf": [_filled(first), _filled(second)], **not_both_given(first, second)}


def some_given(*names: str) -> dict[str, Any]:
    """JSON Schema of a model validator's rule "give at least one of ``names``"."""
    return {"not": {"properties": {name: {"type": "null"} for name in names}}}


def _relative_inside(path: str) -> str:
    """Assets travel with the scenario's folder: no absolute paths, no way out with '..'.

    Whether the file exists is checked by the cross-reference pass, which knows the folder.
    """
    if not path.isprintable():
        raise ValueError(said("a file path cannot hold invisible characters"))
    if path.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", path) or "://" in path:
        raise ValueError(
            said(
                "'{path}' must be a path relative to the scenario's folder, e.g. 'images/logo.png'",
                path=path,
            )
        )
    if ".." in re.split(r"[/\\]", path):
        raise ValueError(
            said("'{path}' leaves the scenario's folder ('..'); keep assets inside it", path=path)
        )
    return path


ASSET_PATH_PATTERN = (
    r"^(?![/\\])(?![A-Za-z]:)(?!.*://)(?!(?:.*[/\\])?\.\.(?:[/\\]|$))[^\x00-\x1f\x7f-\x9f]+$"
)
"""``_relative_inside`` for editors: not absolute, no drive, no URL, no '..', no control
character. (Other invisible characters, which ``str.isprintable`` refuses, only the loader sees.)"""

AssetPath = Annotated[
    str,
    Field(
        min_length=1,
        description=(
            "Path of an image or icon, relative to the scenario file's folder "
            "(e.g. 'images/townhall.png'). It must stay inside that folder."
        ),
        json_schema_extra={
            "pattern": ASSET_PATH_PATTERN,
            "patternErrorMessage": (
                "a path relative to the scenario's folder that stays inside it, e.g. "
                "'images/logo.png': no '/' or drive letter at the start, no '..', no web address"
            ),
        },
    ),
    AfterValidator(_relative_inside),
]
SurveyProfile = Literal["twitter", "facebook", "linkedin"]
MAX_BUDGET = 100_000
"""Thousand euro: a budget (or a change to one) beyond 100 million euro is a typo. A bound also
keeps ``.inf`` out for editors, which read it as a number (the models refuse it anyway)."""


class ContentModel(BaseModel):
    """Base for all scenario content: unknown keys are errors, and content never changes."""

    # Built on first use, not at import: building every content model took 130 ms of each
    # start, before the title screen needs any of them (issue 22).
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=False,
        allow_inf_nan=False,
        defer_build=True,
    )
