"""The commonest mistakes of a trainer who is not a programmer (issue 20): each gets one message
at the right line that names the cause, and doing what it says gives a valid file with nothing
lost. The files are in the broken-file corpus (``tests/scenarios/broken``), which also pins each
message to its line and column."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from game.scenario.errors import ScenarioError
from game.scenario.loader import load_scenario
from tests.conftest import ROOT

BROKEN = ROOT / "tests" / "scenarios" / "broken"

# What a trainer does on reading the message: the file's text, mended as the message says.
FOLLOWED: dict[str, tuple[str, Callable[[str], str]]] = {
    "nbsp_indent": ("replace it by an ordinary space", lambda t: t.replace("\u00a0", " ")),
    "curly_quotes": ("type straight quotes", lambda t: re.sub("[\u201c\u201d]", '"', t)),
    "no_space_after_colon": ("write 'id: …'", lambda t: t.replace("- id:tuin", "- id: tuin")),
    "too_deep": (
        "indent it as far as the line above",
        lambda t: t.replace("\n      round: 1", "\n    round: 1"),
    ),
    "unicode_escape": ("type the character itself", lambda t: t.replace("\\u12 ", "")),
    "line_separator": ("delete it", lambda t: t.replace("\u2028", "")),
    "comma_in_text": (
        "put the text in quotes",
        lambda t: t.replace("{nl: Tuin, groen,", '{nl: "Tuin, groen",'),
    ),
    "missing_dash": (
        "Write '- id: …'",
        lambda t: t.replace("\n    id: groene_wijk", "\n  - id: groene_wijk"),
    ),
    "misspelt_field": (
        "did you mean 'initiatives'",
        lambda t: t.replace("intiatives", "initiatives"),
    ),
}


@pytest.mark.parametrize("name", sorted(FOLLOWED))
def test_following_the_message_gives_a_valid_file_with_nothing_lost(
    name: str, tmp_path: Path
) -> None:
    advice, follow = FOLLOWED[name]
    source = BROKEN / f"{name}.yaml"
    with pytest.raises(ScenarioError) as refused:
        load_scenario(source)
    problems = refused.value.problems
    assert len(problems) == 1, [str(p) for p in problems]  # one message, not noise
    assert advice in problems[0].message
    mended = tmp_path / source.name
    mended.write_text(follow(source.read_text(encoding="utf-8")), encoding="utf-8")
    scenario = load_scenario(mended)
    kept = ["tuin", "groene_wijk"] if name == "missing_dash" else ["tuin"]
    assert [i.id for i in scenario.initiatives] == kept  # every initiative is still there
    assert scenario.initiatives[0].round == 1


# The same advice as a Dutch trainer reads it (``validate --lang nl``, the game in Dutch).
DUTCH_ADVICE = {
    "nbsp_indent": "vervang hem door een gewone spatie",
    "curly_quotes": "typ rechte aanhalingstekens",
    "no_space_after_colon": "schrijf 'id: …'",
    "too_deep": "laat hem even ver inspringen als de regel erboven",
    "unicode_escape": "typ het teken zelf",
    "line_separator": "verwijder het",
    "comma_in_text": "zet de tekst tussen aanhalingstekens",
    "missing_dash": "Schrijf '- id: …'",
    "misspelt_field": "bedoel je 'initiatives'",
}


@pytest.mark.parametrize("name", sorted(FOLLOWED))
def test_validate_gives_the_same_one_message_in_dutch(name: str) -> None:
    """Issue 20, item 6: the line and the cause in Dutch and English, from ``validate``."""
    import io

    from game.cli import main

    source = str(BROKEN / f"{name}.yaml")
    said: dict[str, list[str]] = {}
    for lang in ("en", "nl"):
        out = io.StringIO()
        assert main(["validate", "--lang", lang, source], out) == 1
        said[lang] = [line for line in out.getvalue().splitlines() if line.startswith(source)]
    assert len(said["en"]) == len(said["nl"]) == 1, said
    english, dutch = said["en"][0], said["nl"][0]
    where = re.match(r".+?:\d+:\d+:", english)
    assert where is not None and dutch.startswith(where.group())  # the same line and column
    assert FOLLOWED[name][0] in english
    assert DUTCH_ADVICE[name] in dutch, dutch
