"""The first line that tells editors where the schema is, and whether it points at it.

A scenario starts with ``# yaml-language-server: $schema=PATH``. yaml-language-server (the YAML
extension of VS Code and other editors) resolves a relative PATH against the folder of the
scenario file itself, not the project's, and lets this line win over the editor's own schema
settings; when PATH leads nowhere the editor completes and checks nothing and says only
"Unable to load schema" (tests/scenario/test_editor_language_server.py shows both). A scenario
moved to another folder, or written elsewhere and copied in, loses its help without a word, so
``validate`` warns, with the line to write instead.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from game.said import said
from game.scenario.errors import Problem

# As yaml-language-server reads them (its modelineUtil): a comment among the file's first
# comments, then '$schema=' or '$schema:' and the path.
_MODELINE = re.compile(r"^#\s+(?:yaml-language-server\s*:|\$schema:)")
_SCHEMA = re.compile(r"\$schema(?:=|:[^\S\r\n]*)(\S+)")


def schema_reference(path: Path, schema: Path) -> str:
    """How the scenario at ``path`` names ``schema`` so that editors find it.

    Relative to the file's folder when both lie in one folder tree (the game's folder: the path
    survives moving or copying the whole folder, as the built game does, which ships the schema
    in its scenarios folder); else the schema's full ``file:`` address, which survives moving
    the scenario anywhere on this computer.
    """
    folder = path.resolve().parent
    schema = schema.resolve()
    if folder.is_relative_to(schema.parent.parent):
        return Path(os.path.relpath(schema, folder)).as_posix()
    return schema.as_uri()


def schema_modeline(text: str) -> tuple[int, int, str] | None:
    """Line, column (1-based) and path of the ``$schema=`` the file's opening comments give."""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            return None
        found = _SCHEMA.search(stripped) if _MODELINE.match(stripped) else None
        if found is not None:
            return number, line.index(found.group(1)) + 1, found.group(1)
    return None


def schema_warnings(path: Path, text: str, schema: Path) -> list[Problem]:
    """A warning when the file's ``$schema=`` leads to no file, with the line to write."""
    found = schema_modeline(text)
    if found is None:
        return []
    line, column, reference = found
    target = _target(path, reference)
    if target is None or target.is_file():
        return []
    advice: str = ""
    if schema.is_file():
        advice = said(
            "; write this first line instead: {line}",
            line=f"# yaml-language-server: $schema={schema_reference(path, schema)}",
        )
    message = said(
        "warning: editors look for the schema at '{reference}' from this file's folder, and "
        "there is no such file there ({target}), so they neither complete nor check this "
        "scenario{advice}",
        reference=reference,
        target=str(target),
        advice=advice,
    )
    return [Problem(str(path), line, column, "", message)]


def _target(path: Path, reference: str) -> Path | None:
    """The file a ``$schema=`` names, as the editor resolves it; None for a web address."""
    if reference.startswith("file:"):
        local = unquote(urlparse(reference).path)
        return Path(local[1:] if re.match(r"^/[A-Za-z]:", local) else local)
    if "://" in reference or reference.startswith("http"):
        return None
    # Joined and normalised as the editor does (node's path.resolve): '..' by name.
    return Path(os.path.normpath(path.resolve().parent / reference.split("#", 1)[0]))
