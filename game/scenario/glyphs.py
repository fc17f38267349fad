"""Which characters the game's font can draw, and warnings for scenario texts it cannot.

The game draws every text with Noto Sans (shipped with pygame_gui). A character that font has
no sign for, such as an emoji, is drawn as an empty box in front of a group. Bundling a colour
emoji font would add megabytes and still not mix with our text rendering, so the validator
warns instead: ``validate`` names the file, line and field, and the character.

The font's character map (its ``cmap`` table) is read directly from the file, without pygame:
the scenario checks run in the command line and in tests without a window.
"""

from __future__ import annotations

import importlib.util
import struct
import unicodedata
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.said import said
from game.scenario.errors import Problem
from game.scenario.yamltree import DataPath, Document, path_text, read_yaml

if TYPE_CHECKING:
    from game.scenario.models import Scenario

FONT_NAME = "NotoSans-Regular.ttf"


def font_file() -> Path | None:
    """Where the game's text font lies (pygame_gui's data folder), found without importing it."""
    spec = importlib.util.find_spec("pygame_gui")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / FONT_NAME
    return path if path.is_file() else None


@cache
def drawable() -> frozenset[int]:
    """The code points the font has a sign for (empty when the font cannot be found or read)."""
    path = font_file()
    if path is None:
        return frozenset()
    try:
        return frozenset(_cmap(path.read_bytes()))
    except (OSError, struct.error, ValueError):
        return frozenset()


def _cmap(data: bytes) -> set[int]:
    """Code points in a TrueType/OpenType font's cmap (formats 4 and 12, Unicode subtables)."""
    tables = struct.unpack_from(">H", data, 4)[0]
    offset = None
    for i in range(tables):
        tag, _, start, _ = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if tag == b"cmap":
            offset = start
    if offset is None:
        raise ValueError("no cmap table")
    count = struct.unpack_from(">H", data, offset + 2)[0]
    points: set[int] = set()
    for i in range(count):
        platform, encoding, sub = struct.unpack_from(">HHI", data, offset + 4 + 8 * i)
        if not (platform == 0 or (platform == 3 and encoding in (1, 10))):
            continue
        base = offset + sub
        kind = struct.unpack_from(">H", data, base)[0]
        if kind == 4:
            segments = struct.unpack_from(">H", data, base + 6)[0] // 2
            ends = struct.unpack_from(f">{segments}H", data, base + 14)
            starts = struct.unpack_from(f">{segments}H", data, base + 16 + 2 * segments)
            deltas = struct.unpack_from(f">{segments}h", data, base + 16 + 4 * segments)
            ranges_at = base + 16 + 6 * segments
            ranges = struct.unpack_from(f">{segments}H", data, ranges_at)
            for s, (first, last) in enumerate(zip(starts, ends, strict=True)):
                for code in range(first, last + 1):
                    if code == 0xFFFF:
                        continue
                    if ranges[s] == 0:
                        glyph = (code + deltas[s]) & 0xFFFF
                    else:
                        at = ranges_at + 2 * s + ranges[s] + 2 * (code - first)
                        glyph = struct.unpack_from(">H", data, at)[0]
                        glyph = (glyph + deltas[s]) & 0xFFFF if glyph else 0
                    if glyph:
                        points.add(code)
        elif kind == 12:
            groups = struct.unpack_from(">I", data, base + 12)[0]
            for g in range(groups):
                first, last, _ = struct.unpack_from(">III", data, base + 16 + 12 * g)
                points.update(range(first, last + 1))
    return points


def missing(text: str) -> list[str]:
    """The characters of ``text`` the font cannot draw, each once, in order (spaces and line
    breaks aside; an unreadable font means nothing is reported)."""
    known = drawable()
    if not known:
        return []
    out: list[str] = []
    for char in text:
        code = ord(char)
        if code in known or char in "\n\t" or char in out:
            continue
        if unicodedata.category(char) in ("Mn", "Cf"):  # joiners and variation selectors
            continue
        out.append(char)
    return out


def _strings(value: Any, path: DataPath = ()) -> list[tuple[DataPath, str]]:
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, dict):
        return [found for k, v in value.items() for found in _strings(v, (*path, k))]
    if isinstance(value, list):
        return [found for i, v in enumerate(value) for found in _strings(v, (*path, i))]
    return []


def text_warnings(document: Document) -> list[Problem]:
    """A warning for every text in the file with characters the game cannot draw."""
    warnings = []
    for path, value in _strings(document.data):
        chars = missing(value)
        if not chars:
            continue
        shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in chars[:5])
        line, column = document.mark(path)
        warnings.append(
            Problem(
                document.file,
                line,
                column,
                path_text(path, document.data),
                said(
                    "warning: the game's font cannot draw {characters}; it shows as an empty box "
                    "(emoji are not in the font): use words instead",
                    characters=shown,
                ),
            )
        )
    return warnings


def scenario_warnings(path: Path, scenario: Scenario | None = None) -> list[Problem]:
    """Warnings for a scenario file that loads (``validate`` prints them; they never fail it):
    characters the font cannot draw, a first line that sends editors to a schema that is not
    there (``game.scenario.modeline``), and, given the loaded ``scenario``, what will not play
    as meant (``game.scenario.play_warnings``)."""
    try:
        document = read_yaml(path.read_bytes(), str(path))
    except Exception:  # the loader reports what is wrong with the file itself
        return []
    found = text_warnings(document)
    from game.scenario.modeline import schema_warnings
    from game.scenario.starter import SCHEMA_FILE

    found += schema_warnings(path, path.read_bytes().decode("utf-8"), SCHEMA_FILE)
    if scenario is not None:
        from game.scenario.play_warnings import play_warnings

        found += play_warnings(scenario, document)
    return sorted(found, key=lambda problem: (problem.line, problem.column))
