"""What a build holds beyond what PyInstaller finds by following imports, and what it leaves out.

Used by the spec file (``game.spec``) at build time and by the tests. Two big savings:

- pygame_gui's own PyInstaller hook adds every font it ships (Japanese, Korean, Chinese, Arabic,
  …: 41 MB). The game's theme uses only Noto Sans in four styles; pygame_gui also opens Fira Code
  when it starts. Only those are kept, with their licence.
- Babel's hook adds the locale data of every language (35 MB). The game reads its gettext
  catalogues with Babel for Dutch and English only.
"""

from __future__ import annotations

EXCLUDED_MODULES = (
    # Development tools that the analysis would otherwise follow.
    "PyInstaller",
    "pytest",
    "hypothesis",
    "jsonschema",
    "setuptools",
    "pip",
    # Only Babel's message extraction names it (a fallback the game never reaches), yet with it
    # in the build PyInstaller's runtime hook imports it at every start, before the game's first
    # line: about 0.05 s of CPU, as much again as all of --help from source.
    "pkg_resources",
    # OpenSSL (libcrypto and libssl, 5.4 MB; 2.2 MB of the zip). Only ssl and _hashlib load
    # it. hashlib and hmac fall back to Python's own SHA-256 and compare_digest, all the game
    # uses; the workshop connects with ws:// on the local network, and websockets' client, which
    # imports ssl when it loads, is loaded without it (game/net/link.py: websocket_client).
    "ssl",
    "_ssl",
    "_hashlib",
    # Standard library parts the game never uses (readline would pull in a terminal library).
    "tkinter",
    "unittest",
    "doctest",
    "pdb",
    "pydoc",
    "readline",
    "xmlrpc",
    "http.server",
    "numpy",
    # pygame's own test suite, docs and examples.
    "pygame.tests",
    "pygame.docs",
    "pygame.examples",
)

KEPT_FONTS = frozenset(
    {
        "NotoSans-Regular.ttf",
        "NotoSans-Bold.ttf",
        "NotoSans-Italic.ttf",
        "NotoSans-BoldItalic.ttf",
        "FiraCode-Regular.ttf",
    }
)
FONT_LICENCES = ("NotoSans-LICENSE.txt", "FiraCode-LICENSE.txt")
KEPT_LOCALE_DATA = frozenset({"root.dat", "en.dat", "nl.dat"})
FONT_SUFFIXES = (".ttf", ".otf")


def keep_data(destination: str) -> bool:
    """Whether a data file PyInstaller collected (by its path inside the build) stays in."""
    parts = destination.replace("\\", "/").split("/")
    name = parts[-1]
    if parts[:2] == ["pygame_gui", "data"] and name.lower().endswith(FONT_SUFFIXES):
        return name in KEPT_FONTS
    if parts[:2] == ["babel", "locale-data"]:
        return name in KEPT_LOCALE_DATA
    return True


# PyInstaller's runtime hooks that run at every start, before the game's first line, and that
# this build does not need (issue 22: with them, the built game's --help took 1.5 times as long
# as from source, 20 ms of it theirs):
# - pyi_rth_pkgutil teaches pkgutil to list modules inside PyInstaller's archive; this build
#   keeps its modules as plain files (noarchive), which pkgutil lists by itself;
# - pyi_rth_inspect lets inspect find the source of a module inside the archive; the build holds
#   no sources, and nothing the game runs reads them.
# pyi_rth_multiprocessing stays: the balance simulator's worker processes need it on Windows
# and macOS.
DROPPED_RUNTIME_HOOKS = frozenset({"pyi_rth_pkgutil", "pyi_rth_inspect"})


def keep_script(name: str) -> bool:
    """Whether a script PyInstaller runs at start (a runtime hook, or main) stays in."""
    return name not in DROPPED_RUNTIME_HOOKS
