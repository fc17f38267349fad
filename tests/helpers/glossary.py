"""The glossary (``docs/glossary.md``) as data, and a check of texts against it.

The glossary is a page of Markdown tables, one per kind of term, each row a term with its
``id``, its Dutch and its English word; its last table lists the words we decided against, with
the texts they are kept out of (``where``). ``scenario_violations`` holds scenario files to that
list: run it as ``python -m tests.helpers.glossary scenarios/*.yaml``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.conftest import ROOT

GLOSSARY = ROOT / "docs" / "glossary.md"
AVOID_SECTION = "Words we do not use"
# Which texts each ``where`` covers: a word kept out of "game" texts is kept out of the screens
# too, and one kept out of "all" out of the scenario files as well.
SCOPES = {"screens": ("screens",), "game": ("screens", "game"), "all": ("screens", "game", "all")}


@dataclass(frozen=True, slots=True)
class Avoided:
    """A word we decided against: in which language, what to write instead, and where."""

    lang: str
    avoid: str
    use: str
    where: str
    why: str

    @property
    def pattern(self) -> re.Pattern[str]:
        """The word in a text, case-insensitively, whole unless it starts or ends with ``*``."""
        core = self.avoid.strip("*")
        left = "" if self.avoid.startswith("*") or not core[0].isalnum() else r"\b"
        right = "" if self.avoid.endswith("*") or not core[-1].isalnum() else r"\b"
        return re.compile(left + re.escape(core) + right, re.IGNORECASE)

    def kept_out_of(self, scope: str) -> bool:
        """True when this word must not appear in texts of ``scope`` (screens, game, all)."""
        return scope in SCOPES[self.where]


@dataclass(frozen=True, slots=True)
class Violation:
    """An avoided word found in a text: where, in which language, and what to write instead."""

    place: str
    lang: str
    found: str
    use: str
    text: str

    def __str__(self) -> str:
        return f"{self.place}: [{self.lang}] '{self.found}' → '{self.use}': {self.text!r}"


def _cells(line: str) -> list[str]:
    return [cell.strip().strip("`").strip() for cell in line.strip().strip("|").split("|")]


def read_sections(path: Path = GLOSSARY) -> dict[str, list[dict[str, str]]]:
    """Every table's rows, by the heading of its section (the class name in backticks when
    the heading has one: ``## Roles (`MunicipalRole`)`` is ``MunicipalRole``)."""
    sections: dict[str, list[dict[str, str]]] = {}
    section = ""
    header: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            named = re.search(r"`(\w+)`", line)
            section = named.group(1) if named else line[3:].strip()
            header = None
        elif line.startswith("|"):
            cells = _cells(line)
            if header is None:
                header = cells
            elif not all(set(c) <= set("-: ") for c in cells):
                sections.setdefault(section, []).append(dict(zip(header, cells, strict=True)))
        else:
            header = None
    return sections


def avoided(path: Path = GLOSSARY) -> list[Avoided]:
    """The words we decided against."""
    rows = read_sections(path)[AVOID_SECTION]
    return [Avoided(r["language"], r["avoid"], r["use"], r["where"], r["why"]) for r in rows]


def violations(
    texts: Iterable[tuple[str, str, str]], scope: str, words: list[Avoided] | None = None
) -> list[Violation]:
    """The avoided words in ``texts`` — (place, language, text) — for texts of ``scope``."""
    words = avoided() if words is None else words
    found = []
    for place, lang, text in texts:
        for word in words:
            if word.lang != lang or not word.kept_out_of(scope):
                continue
            match = word.pattern.search(text)
            if match:
                found.append(Violation(place, lang, match.group(0), word.use, text))
    return found


def yaml_texts(path: Path) -> Iterator[tuple[str, str, str]]:
    """Every text of a scenario file given per language (``{nl: …, en: …}``), with its line:
    ids, numbers, comments and texts given once for both languages are not words to judge."""
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                language = key.value if isinstance(key, yaml.ScalarNode) else None
                if language in ("nl", "en") and isinstance(value, yaml.ScalarNode):
                    yield f"{path.name}:{value.start_mark.line + 1}", language, str(value.value)
                else:
                    stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def scenario_violations(paths: Iterable[Path], scope: str = "all") -> list[Violation]:
    """The avoided words in the texts of these scenario files, in file and line order."""
    found: list[Violation] = []
    for path in paths:
        found.extend(violations(yaml_texts(Path(path)), scope))

    def order(v: Violation) -> tuple[str, int, str, str]:
        name, _, line = v.place.rpartition(":")
        return name, int(line), v.lang, v.found.casefold()

    return sorted(found, key=order)


if __name__ == "__main__":
    problems = scenario_violations([Path(p) for p in sys.argv[1:]])
    for problem in problems:
        print(problem)
    print(f"{len(problems)} to change")
