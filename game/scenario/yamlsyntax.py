"""YAML syntax errors, said in words a trainer can act on, at the most useful position.

libyaml's messages name the parser's state ("mapping values are not allowed here"); the common
ones are turned into what to change in the file (``game.scenario.yamltree`` reads the file).
"""

from __future__ import annotations

from typing import Any

import yaml

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
        message = (
            "this value contains ': ', which YAML reads as the start of a new 'name: value'; "
            'put the whole value in quotes, e.g. title: "Storm: what now?"'
        )
    elif "unexpected end of stream" in problem and "quoted" in context and opened is not None:
        mark = opened
        message = "this quote is never closed: add the closing quote"
    elif "could not find expected ':'" in problem and opened is not None:
        mark = opened
        message = (
            "this line has no ':'; write it as 'name: value', or indent it further to continue "
            "the text above"
        )
    elif ("did not find expected ',' or" in problem) and opened is not None:
        closing = "}" if "'}'" in problem else "]"
        message = (
            f"the '{'{' if closing == '}' else '['}' that opens here is not closed: "
            f"a '{closing}' or a ',' is missing"
        )
        mark = opened
    elif "did not find expected key" in problem:
        message = "this line does not line up with the lines above it: check its indentation"
    elif "did not find expected '-' indicator" in problem:
        message = (
            "this line does not line up with the list items ('- ') above it: check its indentation"
        )
    elif "tab character" in problem or _char_at(text, mark) == "\t":
        message = "a tab character: YAML indents with spaces only; replace the tab by spaces"
    elif "cannot start any token" in problem:
        char = _char_at(text, mark)
        message = f"a value cannot start with '{char}'; put the value in quotes"
    elif "unknown escape character" in problem:
        message = (
            "an unknown '\\' escape inside double quotes; use single quotes instead, or write a "
            "backslash as '\\\\'"
        )
    elif "tag" in problem:
        message = "tags such as '!!python/object' are not allowed; write the value plainly"
    else:
        message = f"YAML cannot read this: {problem}" + (f" ({context})" if context else "")
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return Problem(file, line, column, "", message)
