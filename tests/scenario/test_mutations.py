"""Property: whatever is done to a valid scenario file, the loader accepts it or reports problems
with a line number — it never raises anything else (no traceback for a trainer, ever).

Mutations are what trainers and accidents do to files: lines deleted, duplicated, swapped or
re-indented; values replaced by junk (brackets, anchors, tags, YAML 1.1 booleans, huge numbers,
times); random bytes inserted (invalid UTF-8, control characters); files cut short.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from game.scenario.errors import ScenarioError
from game.scenario.loader import DEFAULT_SCENARIO, SCENARIO_DIR, read_scenario
from game.scenario.starter import starter_text

DEFAULT_FILE = SCENARIO_DIR / f"{DEFAULT_SCENARIO}.yaml"
DEFAULT_BYTES = DEFAULT_FILE.read_bytes()
STARTER_FILE = SCENARIO_DIR / "starter-check.yaml"
STARTER_BYTES = starter_text("starter-check", STARTER_FILE).encode()
BASES = {DEFAULT_FILE: DEFAULT_BYTES, STARTER_FILE: STARTER_BYTES}

JUNK = [
    "",
    "[",
    "]",
    "{",
    "}",
    "{a: 1, a: 2}",
    "&a x",
    "*a",
    "<<: *a",
    "!!python/object/apply:os.system [ls]",
    "!!binary aGVsbG8=",
    "! x",
    "~",
    "null",
    "no",
    "yes",
    "on",
    "1:30",
    "'",
    '"',
    '"a\\0b"',
    '"\\x07"',
    "- x",
    "? x",
    "|",
    ">-",
    "%",
    "@x",
    "`x`",
    "\t",
    "0x1F",
    "1e999",
    "-1e999",
    ".inf",
    "-.nan",
    "nan",
    "9" * 5000,
    "-" + "9" * 40,
    "1_000",
    "12,5",
    "[" * 60 + "]" * 60,
    "{x: {x: {x: {x: {x: {x: {x: {x: {x: {x: {x: {x: {x: {}}}}}}}}}}}}}}",
    "---",
    "...",
    "#",
    "ü",
    "\u2028",
    "../../etc/passwd",
    "/etc/passwd",
    "images/" + "x" * 300 + ".png",
    "C:\\x.png",
    "Storm: wat nu?",
    "[webcare, webcare]",
    "{phase_at_least: collaborating}",
    "{any_of: [{any_of: [{}]}]}",
    "{action_done: nothing}",
    "0",
    "-5",
    "41",
    "true",
]
junk = st.sampled_from(JUNK) | st.text(max_size=12)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[Path, bytes]:
    """A shipped-style scenario with one to three mutations applied."""
    path = draw(st.sampled_from(sorted(BASES)))
    data = BASES[path]
    for _ in range(draw(st.integers(1, 3))):
        lines = data.split(b"\n")
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(
            st.sampled_from(
                [
                    "delete",
                    "duplicate",
                    "swap",
                    "indent",
                    "value",
                    "insert",
                    "bytes",
                    "truncate",
                    "asset",
                ]
            )
        )
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "indent":
            shift = draw(st.integers(-4, 4))
            line = lines[i]
            lines[i] = b" " * shift + line if shift > 0 else line[-shift:]
        elif kind == "value":
            head, colon, _ = lines[i].partition(b": ")
            lines[i] = head + (colon or b": ") + draw(junk).encode("utf-8", "surrogatepass")
        elif kind == "insert":
            indent = b" " * draw(st.sampled_from([0, 2, 4, 6]))
            key = draw(st.sampled_from(["id", "title", "round", "x", "- id", "when", "tittle"]))
            lines.insert(
                i, indent + key.encode() + b": " + draw(junk).encode("utf-8", "surrogatepass")
            )
        elif kind == "bytes":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.binary(min_size=1, max_size=6)) + lines[i][at:]
        elif kind == "truncate":
            lines = lines[:i]
        else:
            name = draw(st.sampled_from(["logo", "background"]))
            lines.append(f"assets: {{{name}: {draw(junk)!r}}}".encode("utf-8", "surrogatepass"))
        data = b"\n".join(lines)
    return path, data


def _check(path: Path, data: bytes) -> None:
    try:
        scenario = read_scenario(data, path, folder=SCENARIO_DIR)
    except ScenarioError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file == str(path)
            assert problem.line >= 1 and problem.column >= 1, problem
            assert problem.message.strip(), problem
            assert "Traceback" not in problem.message
        assert str(error)
    else:
        assert scenario.id == path.stem


def test_the_unmutated_bases_are_valid() -> None:
    for path, data in BASES.items():
        assert read_scenario(data, path, folder=SCENARIO_DIR).id == path.stem


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated())
@example((DEFAULT_FILE, DEFAULT_BYTES.replace(b"rounds: 12", b"rounds: 12\nrounds: 12")))
@example((DEFAULT_FILE, DEFAULT_BYTES.replace(b"id: storm\n", b"id: &s storm\n")))
@example((DEFAULT_FILE, DEFAULT_BYTES[:1000] + b"\xff\xfe" + DEFAULT_BYTES[1000:]))
@example((DEFAULT_FILE, DEFAULT_BYTES + b'assets: {logo: "a\\0b"}\n'))
def test_a_mutated_scenario_loads_or_reports_problems_with_lines(case: tuple[Path, bytes]) -> None:
    _check(*case)
