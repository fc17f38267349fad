"""What a branding pack's ``pack.yaml`` may say, as pydantic models.

A pack is an organisation's own content, apart from scenarios: its name, logo, colours, the
language the game starts in, and which of the game's scenarios its build includes. Like scenario
content it forbids unknown keys and describes every field (the descriptions are what "did you
mean" and the missing-field messages draw on).
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from game.domain import Language
from game.scenario.models import CONTENT_ID_PATTERN, Text

HEX_COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"

PackId = Annotated[
    str,
    StringConstraints(pattern=CONTENT_ID_PATTERN),
    Field(
        description=(
            "A short name for the pack: lower-case letters, digits, '-' and '_', starting with a "
            "letter (e.g. 'waterschap-rivierland'). The build's folder and zip are named after it."
        )
    ),
]
ScenarioId = Annotated[
    str,
    StringConstraints(pattern=CONTENT_ID_PATTERN),
    Field(description="A scenario's id: its file name without '.yaml'."),
]
HexColour = Annotated[
    str,
    StringConstraints(pattern=HEX_COLOUR_PATTERN),
    Field(description="A colour written as '#' and six hexadecimal digits, e.g. '#005a9c'."),
]


def _inside_pack(path: str) -> str:
    """The logo travels with the pack's folder: no absolute paths, no way out with '..'."""
    if not path.isprintable():
        raise ValueError("a file path cannot hold invisible characters")
    if path.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", path) or "://" in path:
        raise ValueError(f"'{path}' must be a path inside the pack's folder, e.g. 'logo.png'")
    if ".." in re.split(r"[/\\]", path):
        raise ValueError(f"'{path}' leaves the pack's folder ('..'); keep the logo inside it")
    return path


PackPath = Annotated[
    str,
    Field(min_length=1, description="A file in the pack's folder, e.g. 'logo.png'."),
    AfterValidator(_inside_pack),
]


class PackModel(BaseModel):
    """Base of pack content: unknown keys are errors, and content never changes."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, defer_build=True)


class Colours(PackModel):
    """The organisation's colours; both are optional."""

    band: HexColour | None = Field(
        None,
        description=(
            "The band across the top of the title screen, behind the logo and the name "
            "(the text on it turns white or black, whichever reads better)."
        ),
    )
    accent: HexColour | None = Field(
        None,
        description=(
            "Titles and headings throughout the game. It stands on the game's dark blue "
            "background, so it must be light enough to read there."
        ),
    )


class PackContent(PackModel):
    """The whole of a ``pack.yaml``."""

    id: PackId
    name: Text = Field(description="The organisation's name, shown on the title screen.")
    tagline: Text | None = Field(
        None, description="A short line under the name, e.g. the workshop's theme."
    )
    logo: PackPath | None = Field(
        None,
        description="The organisation's logo: a PNG or JPEG file in the pack's folder.",
    )
    colours: Colours = Field(
        default_factory=Colours, description="The organisation's colours (band and accent)."
    )
    language: Language = Field(
        "nl", description="The language the game starts in: nl (Dutch) or en (English)."
    )
    scenarios: list[ScenarioId] | None = Field(
        None,
        min_length=1,
        description=(
            "Which of the game's own scenarios the build includes, by id, in the order the "
            "scenario list shows them. Leave it out to include them all. The pack's own "
            "scenarios (its 'scenarios' folder) are always included."
        ),
    )
