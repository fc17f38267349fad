"""Workshop mode: teams taking turns, the facilitator's panel, the comparison and the export.

- **Teams** (``turn``, ``end``): the new-game screen takes one team name or several (hot-seat:
  the teams take turns per round on one laptop, each its own game). ``after_turn`` hands the
  laptop to the next team.
- **The facilitator's panel** (``pin``, ``facilitator``, ``discuss``, ``inject``; F9, behind the
  PIN from settings if one is set; typed as dots, and wrong tries cost time, counted for the
  session by ``game.ui.pin_guard``): pause with a large discuss card, the round timer, bring one
  of the scenario's events in now, reveal outcomes one at a time or all, skip to the next round,
  end the game early into the debrief, write the results now. Every step goes to the
  controller, which records it through the core; the panel never changes the game itself. It
  returns to the very scene it was opened over, as it was (``Scene.resuming``).
- **Comparison** (``compare``): reads the results files of a folder (a USB stick from several
  laptops) and shows the teams side by side; files that cannot be compared are listed with the
  reason.
- **Export** (``exported``): the debrief's button writes the team's report (HTML) beside its
  results file."""
