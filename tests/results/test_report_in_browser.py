"""The take-home pages in a real browser (Debian's Chromium, headless), as issue 12 asks.

Both pages (a team's report and the comparison) are opened in Chromium: they must render with
no console errors and no request leaving the machine; the report is printed to PDF on A4 with a
sensible number of pages. Screenshots and PDFs are saved in ``tests/output/browser/`` for a
person to look at. Without Chromium the test is skipped with the reason, except in CI
(``CI=true``), where ``.ci/run`` installs it: there a missing browser is a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.results import build_results, read_results, results_name, write_results
from game.results.compare import compare_files
from game.results.compare_page import compare_html
from game.results.report import report_html, write_page
from game.saves import new_game_id
from game.scenario.models import Scenario
from game.sim import play
from tests.helpers.cdp import Chromium, find_chromium, pdf_page_size, pdf_pages

OUTPUT = Path(__file__).resolve().parents[1] / "output" / "browser"
A4 = (595.0, 842.0)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser():
    executable = find_chromium()
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is not installed; .ci/run should have installed it")
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")
    chromium = Chromium(executable)
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture(scope="module")
def pages(default_scenario: Scenario, tmp_path_factory) -> dict[str, Path]:
    """Three teams of one workshop: their results, one report per language, the comparison."""
    folder = tmp_path_factory.mktemp("workshop")
    files = []
    for team, strategy in (
        ("Team Rood", "best"),
        ("Team Blauw", "random"),
        ("Team Groen", "participating"),
    ):
        state = play(default_scenario, 7, strategy)
        document = build_results(state, default_scenario, team, new_game_id())
        files.append(write_results(folder / results_name(team, document["game_id"]), document))
    (folder / "kapot.json").write_text("{ half")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    pack = _pack(tmp_path_factory.mktemp("pack"))
    made = {
        "report-nl": write_page(
            OUTPUT / "report-nl.html", report_html(read_results(files[1]), "nl")
        ),
        "report-en": write_page(
            OUTPUT / "report-en-branded.html", report_html(read_results(files[0]), "en", pack)
        ),
        "compare": write_page(
            OUTPUT / "compare-nl.html", compare_html(compare_files([folder]), "nl")
        ),
    }
    return made


def _pack(folder: Path):
    """A water board's pack with a logo and a light accent (which paper must darken)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    from game.packs import load_pack

    logo = pygame.Surface((160, 60))
    logo.fill((255, 255, 255))
    pygame.draw.circle(logo, (42, 125, 79), (30, 30), 24)
    pygame.draw.rect(logo, (0, 90, 156), (62, 18, 84, 24))
    pygame.image.save(logo, str(folder / "logo.png"))
    (folder / "pack.yaml").write_text(
        "id: waterschap\n"
        "name: {nl: Waterschap Rivierland, en: Rivierland Water Board}\n"
        "tagline: {nl: Samen werken aan water, en: Working on water together}\n"
        "logo: logo.png\n"
        'colours: {band: "#2a7d4f", accent: "#8fd3ff"}\n'
        "language: en\n",
        encoding="utf-8",
    )
    return load_pack(folder)


@pytest.mark.parametrize("name", ["report-nl", "report-en", "compare"])
def test_pages_render_in_chromium_without_errors_or_requests(
    browser: Chromium, pages: dict[str, Path], name: str
) -> None:
    page = pages[name]
    report = browser.open(page, 1280, 900)
    assert report.problems() == []
    assert report.outside() == [], "the page asked for something outside the machine"
    assert [u for u in report.requests if not u.startswith("data:")] == [page.resolve().as_uri()]
    if name == "report-en":  # the pack's logo, from inside the page
        assert any(u.startswith("data:image/png;base64,") for u in report.requests)
    assert browser.evaluate("document.querySelectorAll('svg').length") >= 2
    assert browser.evaluate("document.title").strip()
    # Nothing sticks out sideways on a laptop screen.
    assert browser.evaluate("document.documentElement.scrollWidth") <= 1280
    shot = browser.screenshot(OUTPUT / f"{page.stem}.png")
    assert shot.stat().st_size > 20_000
    # And on a narrow window (a phone, or half a screen) it still reads.
    browser.open(page, 700, 900)
    assert browser.evaluate("document.documentElement.scrollWidth") <= 720
    browser.screenshot(OUTPUT / f"{page.stem}-narrow.png", full_page=False)


@pytest.mark.parametrize(("name", "most"), [("report-nl", 10), ("report-en", 10), ("compare", 6)])
def test_pages_print_on_a4_in_a_sensible_number_of_pages(
    browser: Chromium, pages: dict[str, Path], name: str, most: int
) -> None:
    page = pages[name]
    browser.open(page)
    pdf = browser.pdf(OUTPUT / f"{page.stem}.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    width, height = pdf_page_size(data) or (0, 0)
    assert abs(width - A4[0]) < 3 and abs(height - A4[1]) < 3
    count = pdf_pages(data)
    assert 2 <= count <= most, f"{count} pages"
