"""The end of the game: the result with advice worked out from the game itself, growth per
relation and the three lines as charts a room can read, every decision (page by page), and the
council account where the scenario ranks one.

Nothing here is a fixed text about the team: advice comes from ``game.sim.review`` (what the
team did, and what it could have done at that moment), and a scenario's own recommendation is
shown only when it does not name something the team already did.

``scene.py`` is the debrief with its tabs and buttons; each tab is drawn by a module of its
own (``result``, ``growth``, ``decisions``, ``council``)."""
