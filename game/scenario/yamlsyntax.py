"""YAML syntax errors, said in words a trainer can act on, at the most useful position.

libyaml's messages name the parser's state ("mapping values are not allowed here"); the common
ones are turned into what to change in the file (``game.scenario.yamltree`` reads the file).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from game.said import said
from game.scenario.errors import Problem


def _char_at(text: str, mark: Any) -> str:
    lines = text.split("\n")
    if 0 <= mark.line < len(lines) and 0 <= mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""


def syntax_problem(error: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    """libyaml's message, said in words a trainer can act on, at the most useful position."""
    problem = error.problem or ""
    context = error.context or ""
    mark = error.problem_mark
    opened = error.context_mark
    if "mapping values are not allowed" in problem:
        found = _misread_value(text, mark.line)
        if found is not None:
            (line, column), message = found
            return Problem(file, line, column, "", message)
        message = said(
            "this value contains ': ', which YAML reads as the start of a new 'name: value'; "
            'put the whole value in quotes, e.g. title: "Storm: what now?"'
        )
    elif "unexpected end of stream" in problem and "quoted" in context and opened is not None:
        mark = opened
        message = said("this quote is never closed: add the closing quote")
    elif "could not find expected ':'" in problem and opened is not None:
        mark = opened
        message = said(
            "this line has no ':'; write it as 'name: value', or indent it further to continue "
            "the text above"
        )
    elif ("did not find expected ',' or" in problem) and opened is not None:
        closing = "}" if "'}'" in problem else "]"
        message = said(
            "the '{opening}' that opens here is not closed: a '{closing}' or a ',' is missing",
            opening="{" if closing == "}" else "[",
            closing=closing,
        )
        mark = opened
    elif "did not find expected key" in problem:
        message = said("this line does not line up with the lines above it: check its indentation")
    elif "did not find expected '-' indicator" in problem:
        message = said(
            "this line does not line up with the list items ('- ') above it: check its indentation"
        )
    elif "tab character" in problem or _char_at(text, mark) == "\t":
        message = said("a tab character: YAML indents with spaces only; replace the tab by spaces")
    elif "cannot start any token" in problem:
        char = _char_at(text, mark)
        message = said("a value cannot start with '{char}'; put the value in quotes", char=char)
    elif "unknown escape character" in problem:
        message = said(
            "an unknown '\\' escape inside double quotes; use single quotes instead, or write a "
            "backslash as '\\\\'"
        )
    elif "expected hexdecimal number" in problem or "invalid Unicode character" in problem:
        message = said(
            "a '\\u' inside double quotes must be followed by four hexadecimal digits "
            "(\\u00e9 is é); type the character itself, or use single quotes"
        )
    elif "expected <document start>" in problem:
        message = said(
            "this line is not part of a 'name: value' line above it: check its indentation "
            "(a line of the scenario starts at the left edge), or whether it lacks a ':'"
        )
    elif "tag" in problem:
        message = said("tags such as '!!python/object' are not allowed; write the value plainly")
    else:
        told = f"{problem} ({context})" if context else problem
        message = said("YAML cannot read this: {problem}", problem=told)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return Problem(file, line, column, "", message)


_CURLY = "\u201c\u201d\u2018\u2019\u201e"
_GLUED = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):(?=[^\s:])")
_WITH_VALUE = re.compile(r"^(\s*(?:-\s+)?)[\w-]+:\s+\S")


def _misread_value(text: str, index: int) -> tuple[tuple[int, int], str] | None:
    """The cause of "mapping values are not allowed" when it is not a ': ' inside a value:
    curly quotes, a 'name:value' without its space, or a line indented too far (issue 20: all
    four got the same advice about quotes)."""
    lines = text.split("\n")
    line = lines[index] if 0 <= index < len(lines) else ""
    curly = next((i for i, char in enumerate(line) if char in _CURLY), None)
    if curly is not None:
        return (index + 1, curly + 1), said(
            "curly quotes ({quote}) are letters to YAML, not quotes: type straight "
            'quotes around the value, e.g. title: "Storm: what now?"',
            quote=line[curly],
        )
    before = next((i for i in range(index - 1, -1, -1) if lines[i].strip()), None)
    for at in (index, before):
        glued = _GLUED.match(lines[at]) if at is not None else None
        if glued is not None:
            name = glued.group(1)
            return (at + 1, glued.end()), said(
                "'{name}:' needs a space after the colon: write '{name}: …'", name=name
            )
    above = _WITH_VALUE.match(lines[before]) if before is not None else None
    indent = len(line) - len(line.lstrip(" "))
    if above is not None and indent > len(above.group(1)):
        return (index + 1, indent + 1), said(
            "this line is indented further than the 'name: value' line above it, so YAML reads "
            "it as more of that value: indent it as far as the line above"
        )
    return None
