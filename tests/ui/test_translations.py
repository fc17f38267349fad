"""The catalogues cover every UI string, keep its placeholders, and the font draws every one."""

from __future__ import annotations

from babel.messages.extract import extract_from_dir

from game.scenario.glyphs import missing
from game.ui.i18n import LOCALE_DIR, Translator
from tests.conftest import ROOT

UI_DIR = ROOT / "game" / "ui"


def test_every_ui_string_has_a_dutch_translation():
    found = {
        message
        for _, _, message, *_ in extract_from_dir(
            UI_DIR, method_map=[("**.py", "python")], keywords={"t": None}, comment_tags=()
        )
    }
    assert len(found) > 100
    dutch = Translator("nl")
    missing = sorted(m for m in found if isinstance(m, str) and m not in dutch._messages)
    assert missing == [], f"add these to {LOCALE_DIR / 'nl.po'} (make messages): {missing}"


def test_translations_keep_their_placeholders():
    dutch = Translator("nl")
    import re

    for english, translated in dutch._messages.items():
        assert set(re.findall(r"{\w+}", english)) == set(re.findall(r"{\w+}", translated)), english


def test_every_ui_string_can_be_drawn_by_the_font() -> None:
    """Asked for by issue 10."""
    from babel.messages.pofile import read_po

    path = ROOT / "game" / "ui" / "locales" / "nl.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale="nl")
    for message in catalogue:
        if message.id:
            assert not missing(str(message.id)), message.id
            assert not missing(str(message.string)), message.string


def test_no_ui_string_is_asked_for_inside_an_f_string() -> None:
    """Babel does not look inside f-strings, so a ``t("…")`` there never reaches the catalogue
    ("paused" stayed English on the Dutch pause card, issue 19)."""
    import ast

    hidden = []
    for path in sorted(UI_DIR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call):
                    func = inner.func
                    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                    if name == "t":
                        hidden.append(f"{path.name}:{inner.lineno}")
    assert hidden == []


def test_the_paused_timer_is_dutch() -> None:
    assert Translator("nl")("paused") != "paused"
