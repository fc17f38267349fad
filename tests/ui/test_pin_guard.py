"""Wrong facilitator PINs cost time (``game.ui.pin_guard``): the waits, their ceiling, and what
a try during a wait counts for."""

from __future__ import annotations

from game.ui.pin_guard import PinGuard


def test_the_waits_double_up_to_five_minutes_and_tries_during_a_wait_do_not_count() -> None:
    now = [0.0]
    guard = PinGuard(lambda: now[0])
    waits = []
    for _ in range(2000):  # far past the ceiling: no overflow on the way
        assert guard.check("0000", "2468") is False
        waits.append(guard.wait_left())
        # During the wait even the right PIN is refused, and the try is not counted.
        tries = guard.wrong_tries
        assert guard.wait_left() == 0 or guard.check("2468", "2468") is False
        assert guard.wrong_tries == tries
        now[0] += guard.wait_left()
    assert waits[:9] == [0, 0, 5, 10, 20, 40, 80, 160, 300]
    assert set(waits[8:]) == {300.0}
    assert guard.check("2468", "2468") is True
    assert (guard.wrong_tries, guard.wait_left()) == (0, 0)
