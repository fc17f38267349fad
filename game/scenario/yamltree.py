"""Reading a scenario's YAML safely, remembering where every value stands in the file.

PyYAML's own loaders are not used to build values: they follow YAML 1.1, in which ``no`` and
``on`` are booleans and ``1:30`` is the number 90, they expand aliases (the "billion laughs"),
and they silently keep the last of two duplicate keys. Instead this module reads the parser's
events (libyaml's C parser where present) and builds plain dicts, lists and strings itself:

- every plain scalar stays a string, except ``~``/``null``/empty, which are nothing (``None``);
  the pydantic models then turn ``"12"`` into 12 where a number is expected, so ``no`` stays
  ``"no"`` wherever text is expected and a time like ``1:30`` is never a number;
- anchors, aliases, tags, duplicate keys, more than one document and deep nesting are refused
  with a line and column;
- each value's start position (and each key's) is kept by its path, so that any error found
  later, by pydantic or by the cross-reference pass, can point at a line.

Problems that leave the data usable (a duplicate key, an anchor) are collected so the loader can
report them together with the validation errors; a syntax error stops the reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from game.said import said
from game.scenario.errors import Problem, ScenarioError, shown
from game.scenario.yamlsyntax import syntax_problem

MAX_BYTES = 1_048_576
"""A scenario is a few dozen kilobytes; a file over 1 MiB is the wrong file (or an attack)."""
MAX_DEPTH = 32
"""Deeper nesting than any scenario needs (the default one goes 7 deep)."""
MAX_VALUES = 25_000
"""More values than any scenario needs (the default one has about 1,400); bounds the work."""

DataPath = tuple[Any, ...]
"""Keys (str) and list positions (int, from 0) from the top of the file to a value."""
Mark = tuple[int, int]
"""A 1-based line and column."""

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
# Characters YAML does not allow in a file (the printable set of the YAML spec, inverted).
# Control characters a text may not hold once read: all but the line break (and the tab,
# which YAML's own reader turns away where it matters).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Invisible characters YAML treats otherwise than a trainer sees them (issue 20: they were
# reported a line late, and never named): line breaks of their own, and a non-breaking space
# in the indentation, which YAML does not count as indentation.
_ODD_BREAK = re.compile("[\u2028\u2029\x85]")
_ODD_INDENT = re.compile("^[ \t]*\u00a0", re.MULTILINE)
_ODD_NAMES = {
    "\u2028": said("line separator (U+2028)"),
    "\u2029": said("paragraph separator (U+2029)"),
    "\x85": said("next-line character (U+0085)"),
}
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Discarded:
    """Path element for values that are read but not kept (the second of two duplicate keys)."""


_DISCARDED = _Discarded()


@dataclass
class Document:
    """A scenario file read into plain data, with where each value starts."""

    file: str
    data: Any
    marks: dict[DataPath, Mark]
    key_marks: dict[DataPath, Mark]
    problems: list[Problem] = field(default_factory=list)
    poisoned: list[DataPath] = field(default_factory=list)
    """Paths whose values were made up (an alias), so errors found there later are noise."""
    merged: bool = False
    """Two list items ran together (a missing '- '): checks of the ids are noise until fixed."""

    def mark(self, path: DataPath) -> Mark:
        """Where the value at ``path`` starts, or its nearest parent that exists in the file."""
        for end in range(len(path), -1, -1):
            found = self.marks.get(path[:end])
            if found is not None:
                return found
        return (1, 1)

    def key_mark(self, path: DataPath) -> Mark:
        """Where the key of the entry at ``path`` starts (falls back to where its value starts)."""
        return self.key_marks.get(path) or self.mark(path)

    def is_poisoned(self, path: DataPath) -> bool:
        return any(path[: len(bad)] == bad for bad in self.poisoned)


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    path: DataPath
    key: Any = None  # the pending key of a mapping, until its value arrives
    keep: bool = True  # False after a duplicate or unusable key: read the value, do not keep it
    merged: bool = False  # a second 'id' came in this list item: a '- ' is missing before it


@dataclass
class _Builder:
    """Builds plain data from parser events; one per file."""

    file: str
    marks: dict[DataPath, Mark] = field(default_factory=dict)
    key_marks: dict[DataPath, Mark] = field(default_factory=dict)
    found: list[tuple[Mark, str, DataPath]] = field(default_factory=list)
    poisoned: list[DataPath] = field(default_factory=list)
    merged: bool = False
    stack: list[_Frame] = field(default_factory=list)
    root: Any = None
    root_mark: Mark | None = None
    documents: int = 0
    values: int = 0

    def problem(self, mark: Mark, message: str, path: DataPath = ()) -> None:
        self.found.append((mark, message, path))

    def problems(self) -> list[Problem]:
        """The problems found so far, their paths named by ids where the data has them."""
        return [
            Problem(self.file, line, column, path_text(path, self.root), message)
            for (line, column), message, path in self.found
        ]

    def run(self, loader: Any) -> None:
        while loader.check_event():
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                self.scalar(event)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self.start(event, kind is yaml.MappingStartEvent)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                self.stack.pop()
            elif kind is yaml.AliasEvent:
                mark = _mark(event)
                path = self.place(None, mark, key_text=None)
                self.problem(
                    mark,
                    said(
                        "'*{anchor}' repeats a value marked elsewhere with '&{anchor}'; "
                        "repeated values (aliases) are not allowed: write the value out here",
                        anchor=event.anchor,
                    ),
                    path or (),
                )
                if path is not None:
                    self.poisoned.append(path)
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    self.problem(
                        _mark(event),
                        said(
                            "a scenario file holds one document: remove this '---' and what "
                            "follows, or put it in a file of its own"
                        ),
                    )
                    return

    def scalar(self, event: Any) -> None:
        mark = _mark(event)
        value: str | None = event.value
        if event.tag is None and event.implicit[0] and value in _NULLS:
            value = None
        path = self.place(value, mark, key_text=event.value)
        self.check_node(event, mark, path)
        if value is not None:
            # An escape in a quoted text ("\0", "\x07") makes a control character the file
            # itself does not show; the game cannot draw it, so it is refused like a raw one.
            bad = _CONTROL.search(value)
            if bad is not None:
                self.problem(
                    mark,
                    said(
                        "a control character ({code}) written as an escape (such as '\\0'); "
                        "the game cannot show it: remove it",
                        code=f"U+{ord(bad.group()):04X}",
                    ),
                    path or (),
                )

    def start(self, event: Any, mapping: bool) -> None:
        mark = _mark(event)
        container: dict[str, Any] | list[Any] = {} if mapping else []
        path = self.place(container, mark, key_text=None)
        self.check_node(event, mark, path)
        if len(self.stack) >= MAX_DEPTH:
            self.problem(
                mark,
                said(
                    "nested more than {depth} levels deep; no scenario needs that", depth=MAX_DEPTH
                ),
            )
            raise ScenarioError(self.problems())
        self.stack.append(_Frame(container, path if path is not None else (_DISCARDED,)))

    def check_node(self, event: Any, mark: Mark, path: DataPath | None) -> None:
        """Anchors and tags are refused wherever they appear, keys included."""
        where = path or ()
        if event.anchor is not None:
            self.problem(
                mark,
                said(
                    "'&{anchor}' marks a value to repeat elsewhere; anchors and aliases are "
                    "not allowed: write each value out where it is needed",
                    anchor=event.anchor,
                ),
                where,
            )
        if event.tag is not None:
            self.problem(
                mark,
                said(
                    "tags such as '{tag}' are not allowed; write the value plainly (in quotes if "
                    "it must stay text)",
                    tag=_short_tag(event.tag),
                ),
                where,
            )
            if path is not None:
                self.poisoned.append(path)

    def place(self, value: Any, mark: Mark, key_text: str | None) -> DataPath | None:
        """Put a value where the parser says it belongs; its path, or None if not kept."""
        self.values += 1
        if self.values > MAX_VALUES:
            self.problem(
                mark,
                said("more than {count:,} values; no scenario needs that many", count=MAX_VALUES),
            )
            raise ScenarioError(self.problems())
        if not self.stack:
            self.root, self.root_mark = value, mark
            self.marks[()] = mark
            return ()
        top = self.stack[-1]
        container = top.container
        if isinstance(container, list):
            path = (*top.path, len(container))
            container.append(value)
            self.marks[path] = mark
            return path
        if top.key is None:
            self.place_key(top, mark, key_text)
            return None
        key, keep = top.key, top.keep
        top.key, top.keep = None, True
        if not keep:
            return None
        path = (*top.path, key)
        container[key] = value
        self.marks[path] = mark
        return path

    def place_key(self, top: _Frame, mark: Mark, key_text: str | None) -> None:
        container = top.container
        assert isinstance(container, dict)
        if key_text is None:
            top.key, top.keep = _DISCARDED, False
            self.problem(
                mark, said("a name before ':' must be plain text, not a list or a group"), top.path
            )
            return
        top.key = key_text
        path = (*top.path, key_text)
        if key_text in container:
            top.keep = False
            first = self.key_marks.get(path, mark)
            if top.merged:
                return  # the rest of the item that ran into this one: said once, at its 'id'
            if key_text == "id" and top.path and isinstance(top.path[-1], int):
                # "remove one of them" would delete the next item (issue 20).
                top.merged = self.merged = True
                self.problem(
                    mark,
                    said(
                        "a second 'id' in the item that starts on line {line}: is the '- ' "
                        "missing before it? Write '- id: …' to start a new item",
                        line=first[0],
                    ),
                    path,
                )
                return
            self.problem(
                mark,
                said(
                    "'{name}' appears twice here (first on line {line}); remove one of them",
                    name=key_text,
                    line=first[0],
                ),
                path,
            )
            return
        self.key_marks[path] = mark


def read_yaml(data: bytes, file: str) -> Document:
    """Read a scenario file's bytes into plain data with positions; refuse what is unsafe."""
    if len(data) > MAX_BYTES:
        raise too_big(file, len(data))
    text = _decode(data, file)
    bad = _NOT_PRINTABLE.search(text)
    if bad is not None:
        line, column = _position(text, bad.start())
        raise _refused(
            file,
            (line, column),
            said(
                "an invisible control character ({code}) that YAML does not allow; delete it",
                code=f"U+{ord(bad.group()):04X}",
            ),
        )
    odd = _ODD_BREAK.search(text)
    if odd is not None:
        raise _refused(
            file,
            _position(text, odd.start()),
            said(
                "an invisible {character}, often pasted from a word processor: YAML reads it as "
                "the end of the line; delete it, and press Enter where a new line is meant",
                character=_ODD_NAMES[odd.group()],
            ),
        )
    odd = _ODD_INDENT.search(text)
    if odd is not None:
        raise _refused(
            file,
            _position(text, odd.end() - 1),
            said(
                "a non-breaking space (U+00A0) in the indentation, often pasted from a word "
                "processor: YAML does not count it as a space; replace it by an ordinary space"
            ),
        )
    builder = _Builder(file)
    loader = _Loader(text)
    try:
        builder.run(loader)
    except yaml.MarkedYAMLError as error:
        raise ScenarioError([*builder.problems(), syntax_problem(error, text, file)]) from None
    except yaml.YAMLError as error:  # a reader error without a mark: point at its position
        position = getattr(error, "position", 0) or 0
        line, column = _position(text, min(position, len(text)))
        builder.problem((line, column), said("YAML cannot read this: {problem}", problem=error))
        raise ScenarioError(builder.problems()) from None
    finally:
        loader.dispose()
    if builder.root_mark is None:
        builder.problem(
            (1, 1), said("the file is empty; a scenario starts with 'id:' and 'title:'")
        )
        raise ScenarioError(builder.problems())
    if not isinstance(builder.root, dict):
        builder.problem(
            builder.root_mark,
            said(
                "a scenario is a set of 'name: value' lines (id:, title:, rounds:, …), "
                "but this file holds {value}",
                value=shown(builder.root),
            ),
        )
        raise ScenarioError(builder.problems())
    return Document(
        file,
        builder.root,
        builder.marks,
        builder.key_marks,
        builder.problems(),
        builder.poisoned,
        builder.merged,
    )


def too_big(file: str, size: int) -> ScenarioError:
    """The error for a file over the size limit, before anything of it is parsed."""
    return _refused(
        file,
        (1, 1),
        said(
            "the file is {size:.1f} MB; a scenario may be at most {limit} MB (is this the right "
            "file?)",
            size=size / 1_048_576,
            limit=MAX_BYTES // 1_048_576,
        ),
    )


def _refused(file: str, mark: Mark, message: str) -> ScenarioError:
    """The file as a whole is refused before it is parsed: one problem, no field path."""
    return ScenarioError([Problem(file, mark[0], mark[1], "", message)])


def path_text(path: DataPath, data: Any = None) -> str:
    """A path as trainers read it: ``initiatives[storm].owner``, ``purposes[2]``.

    List items are named by their ``id`` when ``data`` is given and they have one, otherwise by
    their position counted from 1.
    """
    parts: list[str] = []
    current = data
    for element in path:
        if isinstance(element, _Discarded):
            break
        if isinstance(element, int):
            item = current[element] if isinstance(current, list) else None
            item_id = item.get("id") if isinstance(item, dict) else None
            if isinstance(item_id, str) and item_id:
                parts.append(f"[{item_id}]")
            else:
                parts.append(f"[{element + 1}]")
            current = item
        else:
            parts.append(f".{element}" if parts else str(element))
            current = current.get(element) if isinstance(current, dict) else None
    return "".join(parts)


def _decode(data: bytes, file: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        start = error.start
        line_start = data.rfind(b"\n", 0, start) + 1
        line = data.count(b"\n", 0, start) + 1
        column = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
        raise _refused(
            file,
            (line, column),
            said(
                "byte {byte} is not UTF-8 text; save the file as UTF-8 in your editor (look for "
                "'encoding' when saving)",
                byte=f"0x{data[start]:02X}",
            ),
        ) from None
    return text.removeprefix("\ufeff")


def _position(text: str, index: int) -> Mark:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _mark(event: Any) -> Mark:
    start = event.start_mark
    return start.line + 1, start.column + 1


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag
