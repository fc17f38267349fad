"""What every kind of scenario content shares: the frozen base model, ids and asset paths.

Scenarios are immutable data written by trainers in YAML. The models forbid unknown keys, use
enums for closed sets and describe every field: the descriptions become the JSON Schema that
trainers' editors show while typing.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from game.said import said

CONTENT_ID_PATTERN = r"^[a-z][a-z0-9_-]{0,63}$"
ContentId = Annotated[
    str,
    StringConstraints(pattern=CONTENT_ID_PATTERN),
    Field(
        description=(
            "A short name used to refer to this item elsewhere in the file: lower-case letters, "
            "digits, '-' and '_', starting with a letter (e.g. 'storm_2' or 'webcare-team')."
        )
    ),
]


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


AssetPath = Annotated[
    str,
    Field(
        min_length=1,
        description=(
            "Path of an image or icon, relative to the scenario file's folder "
            "(e.g. 'images/townhall.png'). It must stay inside that folder."
        ),
    ),
    AfterValidator(_relative_inside),
]
SurveyProfile = Literal["twitter", "facebook", "linkedin"]


class ContentModel(BaseModel):
    """Base for all scenario content: unknown keys are errors, and content never changes."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, use_attribute_docstrings=False, allow_inf_nan=False
    )
