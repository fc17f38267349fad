"""The house stays walkable: ``docs/architecture.md`` names only what exists, imports never run in
a circle, and no module outside the core outgrows what a newcomer can read (STYLE.md §11)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.conftest import ROOT

DOC = ROOT / "docs" / "architecture.md"
# Where STYLE.md aims (~400 lines a module, ~80 a function), with a little room.
MODULE_LINES = 500
FUNCTION_LINES = 90
# The core (game/sim/) is held to ~80 a function: its round and initiative are named steps.
CORE_FUNCTION_LINES = 80
PATH = re.compile(r"`((?:game|tests|bench|docs|scenarios|assets)/[^`\s]*)`")


def _doc_paths() -> set[str]:
    """Every path the page names: in backticks in its text, and the first word of every line of
    its map (indented lines lie inside the folder above them)."""
    text = DOC.read_text(encoding="utf-8")
    paths = set(PATH.findall(text))
    block = text.split("## The map", 1)[1].split("```")[1]
    parents: dict[int, str] = {}
    for line in block.splitlines():
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        word = line.split()[0]
        if not (word.endswith("/") or "." in word) or indent not in (0, 2, 4):
            continue  # a description carried over to the next line
        path = parents.get(indent - 2, "") + word if indent else word
        if word.endswith("/"):
            parents[indent] = path
        paths.add(path)
    return paths


def test_every_module_and_folder_the_architecture_page_names_exists() -> None:
    paths = _doc_paths()
    assert len(paths) > 60, "the map was not read"
    missing = sorted(p for p in paths if not (ROOT / p).exists())
    assert missing == [], f"docs/architecture.md names what is not there: {missing}"


def _modules() -> dict[str, Path]:
    """``game.ui.scene`` → its file, for every module of the game."""
    found = {}
    for path in (ROOT / "game").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The game's modules that ``path`` imports anywhere: at the top, inside a function or under
    ``TYPE_CHECKING`` (an import for types is still a tie between two files)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for name in names:
            if name in modules:
                found.add(name)
            elif name.rsplit(".", 1)[0] in modules and "." in name:
                found.add(name.rsplit(".", 1)[0])
    return found


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_no_two_modules_import_each_other_even_round_a_longer_circle() -> None:
    """Guards the house split: the app, its scenes and the command line once imported each
    other (app ↔ scene ↔ scenes ↔ workshop; cli ↔ bundle/packs commands for UsageError)."""
    modules = _modules()
    graph = {
        name: {other for other in _imports(path, modules) if other != name}
        for name, path in modules.items()
    }
    assert len(graph["game.ui.app"]) > 5, "the imports were not read"
    assert _circles(graph) == []


def test_the_scenes_never_import_the_app() -> None:
    modules = _modules()
    offenders = [
        name
        for name, path in modules.items()
        if name.startswith(("game.ui.scene", "game.ui.scenes"))
        and "game.ui.app" in _imports(path, modules)
    ]
    assert offenders == []


def _too_long(paths: list[Path], function_lines: int) -> tuple[list[str], list[str]]:
    """The modules over ``MODULE_LINES``, and the functions over ``function_lines``."""
    long_modules, long_functions = [], []
    for path in paths:
        source = path.read_text(encoding="utf-8")
        where = path.relative_to(ROOT).as_posix()
        if len(source.splitlines()) > MODULE_LINES:
            long_modules.append(where)
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > function_lines:
                    long_functions.append(f"{where}:{node.lineno} {node.name} ({length} lines)")
    return long_modules, long_functions


def test_no_module_outside_the_core_is_too_long_to_read() -> None:
    paths = [p for p in (ROOT / "game").rglob("*.py") if "sim" not in p.relative_to(ROOT).parts]
    assert _too_long(paths, FUNCTION_LINES) == ([], [])


def test_the_core_is_in_modules_and_steps_a_newcomer_can_read() -> None:
    """Guards the split of the engine (issue 18): no module of game/sim/ over 500 lines and no
    function over ~80."""
    core = ROOT / "game" / "sim"
    paths = list(core.glob("*.py"))
    assert len(paths) > 15, "the core was not read"
    assert _too_long(paths, CORE_FUNCTION_LINES) == ([], [])
