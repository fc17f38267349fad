"""Branding packs: an organisation's name, logo, colours, language and scenarios.

A pack is a folder with a ``pack.yaml`` (and optionally a logo and a ``scenarios/`` folder of the
organisation's own scenarios). ``python main.py pack new DIR`` writes a commented one; ``validate
DIR`` checks it with ``file:line:column`` messages; ``build --pack DIR`` puts it into a built game.
"""

from game.packs.loader import (
    Pack,
    PackError,
    check_pack,
    contrast,
    is_pack,
    load_pack,
    pack_file,
    text_colour_on,
)
from game.packs.models import PackContent

__all__ = [
    "Pack",
    "PackContent",
    "PackError",
    "check_pack",
    "contrast",
    "is_pack",
    "load_pack",
    "pack_file",
    "text_colour_on",
]
