"""The texts a trainer writes: control characters are refused, emoji are warned about (issue 10).

The game's font cannot draw emoji and a control character breaks a screen; the validator says so
with the file and line, and the shipped scenarios have none."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from game.scenario.glyphs import missing, text_warnings
from game.scenario.yamltree import read_yaml
from tests.conftest import ROOT


def test_validator_refuses_escaped_control_characters(tmp_path: Path) -> None:
    for escape in ("\\0", "\\a", "\\x1b", "\\u0007"):
        document = read_yaml(f'id: x\ntitle: "A{escape}B"\n'.encode(), "x.yaml")
        assert any("control character" in p.message for p in document.problems), escape
    # A line break in a text stays allowed.
    assert not read_yaml(b'id: x\ntitle: "A\\nB"\n', "x.yaml").problems


def test_emoji_are_warned_about_and_shipped_texts_have_none(tmp_path: Path) -> None:
    assert missing("Team 🚀") == ["🚀"]
    assert missing("Gemeente Middelgroot · € 20k – ‘60.000’ …") == []
    document = read_yaml("id: x\ntitle: Feest 🎉\n".encode(), "x.yaml")
    warnings = text_warnings(document)
    assert len(warnings) == 1 and "U+1F389" in warnings[0].message
    source = (ROOT / "scenarios" / "gemeente-middelgroot.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "emoji.yaml"
    broken.write_text(
        source.replace("id: gemeente-middelgroot", "id: emoji", 1).replace(
            "Middelgroot", "Middelgroot 🚀", 1
        ),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "main.py", "validate", str(broken), "scenarios"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout
    # (The copy also gets a warning that its first line no longer leads to the schema.)
    lines = [line for line in result.stdout.splitlines() if "font cannot draw" in line]
    assert len(lines) == 1 and str(broken) in lines[0] and "U+1F680" in lines[0]


def test_outcome_texts_call_a_role_what_its_fit_class_is() -> None:
    """A role that fits less than 70% does not "fit reasonably" (the story then says it did
    not fit), and a role that also fits "fits too", never "fits well" as if it were the best."""
    import re

    from game.scenario.loader import SCENARIO_DIR, load_scenario
    from game.sim.fit import FitClass, fit_class
    from game.sim.rules import compile_rules

    sounds_fitting = re.compile(r"past redelijk|past goed|fits reasonably|fits well", re.I)
    wrong = []
    for path in sorted(SCENARIO_DIR.glob("*.yaml")):
        scenario = load_scenario(path)
        rules = compile_rules(scenario)
        for initiative in scenario.initiatives:
            info = rules.initiatives[initiative.id]
            for role, fit in info.fit.items():
                said = initiative.outcomes.for_role(role)
                if said is None or fit_class(role, fit, info.best) is FitClass.FITS:
                    continue
                for lang in ("nl", "en"):
                    if sounds_fitting.search(said.get(lang)):
                        wrong.append((path.stem, initiative.id, role.value, lang))
    assert not wrong
