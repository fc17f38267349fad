"""Texts in the scenario's languages: one string for all, or ``{nl: …, en: …}``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import ConfigDict, Discriminator, Field, RootModel, Tag, model_validator
from pydantic.json_schema import GetJsonSchemaHandler, JsonSchemaValue
from pydantic_core import CoreSchema

from game.domain import Bilingual, Language
from game.said import said
from game.scenario.models.base import ContentModel, some_given

NOT_BLANK = r"\S"
"""A text holds something besides spaces (``Text._not_blank``), as a pattern for editors."""


@dataclass(frozen=True)
class AsWritten:
    """Marks a text that is kept exactly as written, whatever YAML would make of it.

    ``title: 2024``, ``author: no`` and ``title: 1.10`` are the texts "2024", "no" and "1.10" to
    the game (``game.scenario.yamltree`` keeps every value as written). Editors read them as a
    number or a truth value, so the JSON Schema lets those stand where such a text goes; a
    blank text is refused by both.
    """

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        schema.update(
            type=["string", "number", "boolean"],
            pattern=NOT_BLANK,
            patternErrorMessage="a text cannot be empty or only spaces: write it",
        )
        return schema


WrittenText = Annotated[str, AsWritten()]
"""A text kept as written: a title, a name, a paragraph."""


class Translations(ContentModel):
    """A text in each language the scenario ships."""

    model_config = ConfigDict(json_schema_extra=some_given("nl", "en"))

    nl: WrittenText | None = Field(None, min_length=1, description="The Dutch text.")
    en: WrittenText | None = Field(None, min_length=1, description="The English text.")

    @model_validator(mode="after")
    def _at_least_one(self) -> Translations:
        if self.nl is None and self.en is None:
            raise ValueError(said("give the text in at least one language: nl or en"))
        return self


def _text_kind(value: Any) -> str | None:
    """Which form of text this is; ``None`` gives one clear error instead of one per form."""
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict | Translations):
        return "translations"
    return None


class Text(
    RootModel[
        Annotated[
            Annotated[WrittenText, Tag("text")] | Annotated[Translations, Tag("translations")],
            Discriminator(
                _text_kind,
                custom_error_type="text_type",
                custom_error_message="Input should be a text or {nl: ..., en: ...}",
            ),
        ]
    ]
):
    """A text: one plain string for every language, or ``{nl: …, en: …}``."""

    @model_validator(mode="after")
    def _not_blank(self) -> Text:
        # ``title: ""`` loaded, and the game showed an empty button (issue 20).
        root = self.root
        texts = [root] if isinstance(root, str) else [t for t in (root.nl, root.en) if t]
        if any(not text.strip() for text in texts):
            raise ValueError(said("a text cannot be empty or only spaces: write it"))
        return self

    def get(self, lang: Language) -> str:
        """The text in ``lang``, falling back to the other language, so a screen is never blank."""
        root = self.root
        if isinstance(root, str):
            return root
        if lang == "nl":
            return root.nl or root.en or ""
        return root.en or root.nl or ""

    def has(self, lang: Language) -> bool:
        """True when the text was written in ``lang`` itself (not a fallback)."""
        root = self.root
        return isinstance(root, str) or getattr(root, lang) is not None

    def pair(self) -> Bilingual:
        """Both languages at once, for effect explanations that are rendered later."""
        return Bilingual(self.get("nl"), self.get("en"))


def text_field(description: str) -> Any:
    """A required text field; one helper so every text field documents the same two forms."""
    return Field(description=f"{description} A string, or {{nl: …, en: …}}.")
