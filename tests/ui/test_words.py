"""Numbers and progress on screen follow the language (issue 10); the organisation's own words
are tested with ``game.labels`` in ``tests/test_labels.py``."""

from __future__ import annotations

from game.ui.words import number


def test_numbers_follow_the_language() -> None:
    assert number(60000, "en") == "60,000"
    assert number(60000, "nl") == "60.000"
    assert number(2.5, "nl", 1) == "2,5"


def test_62_of_62_is_never_shown_as_still_to_do() -> None:
    from game.ui.words import shown_progress as _shown_progress

    assert _shown_progress(61.7, 62, "en") == ("61.7", "62")
    assert _shown_progress(61.96, 62, "nl") == ("61,9", "62")
    assert _shown_progress(40.4, 62, "en") == ("40", "62")
