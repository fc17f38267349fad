"""Do-it-yourself builds: ``python main.py build`` makes a standalone folder and zip (PyInstaller).

``build.py`` runs the build and lays out what a person sees, ``game.spec`` is PyInstaller's
recipe, ``contents.py`` what goes in and stays out, ``readme.py`` the organisation's README.
"""
