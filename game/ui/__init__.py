"""The game window: one pygame loop, scenes under a manager, one controller over the core.

Nothing here holds rules: scenes read the controller's state and send it intents; the controller
calls ``game.sim``. Importing this package does no work; the ``play`` command
(``game/cli/play.py``) opens the window with ``game.ui.app.App``.
"""
