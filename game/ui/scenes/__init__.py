"""Every scene of the game, one a file, in folders that follow a game's flow.

- ``start/``: the title and what lies around it (scenario choice, load, settings, help,
  questions, messages, the error screen);
- ``round/``: a round's screens, in their order (briefing, decision, development, outcome,
  summary);
- ``debrief/``: the end of the game;
- ``workshop/``: teams taking turns, the facilitator's panel, the comparison.

Scenes reach each other through the book the app is handed (``book.py``), never by importing
each other.
"""
