"""The README.txt that lies in every build: for the organisation, in Dutch and English.

Plain text, not Markdown: it is opened by double-clicking, in Notepad or TextEdit. It names the
executable as it is called on the platform the build was made on.
"""

from __future__ import annotations

README = """\
NETWERKENDE GEMEENTE
__BRANDED__
==========================================================================================
Nederlands (English below)
==========================================================================================

Een spel voor workshops over de netwerkende overheid. Een team bestuurt rond één laptop een
organisatie en kiest per initiatief de rol en de kanalen. Python of een installatie is niet
nodig: alles wat het spel nodig heeft staat in deze map.

STARTEN
  __START_NL__
  Het spel opent in een venster. F11 schakelt volledig scherm, F1 legt het model uit.

WAAR BLIJFT WAT?
  Opgeslagen spellen, instellingen en resultaten komen in de map 'saves' (en 'results')
  naast het spel, als deze map beschreven kan worden. Zo reizen ze mee op een USB-stick van
  workshop naar workshop. Staat het spel op een plek waar niet geschreven mag worden (een
  netwerkschijf, Program Files), dan komen ze in de eigen map van de gebruiker. Het scherm
  Instellingen laat zien waar ze staan.

EEN SCENARIO TOEVOEGEN
  Zet een scenario-bestand (.yaml) in de map 'scenarios' en start het spel (opnieuw). Het
  staat dan in de lijst bij "Nieuw spel". Heeft het bestand fouten, dan toont de lijst het
  regelnummer en wat er mis is; na het verbeteren leest "Opnieuw laden" het bestand opnieuw.
  Controleren kan ook vanaf de opdrachtregel:
      __CLI__ validate scenarios
  Een nieuw scenario beginnen, met uitleg bij elk veld:
      __CLI__ new mijn-scenario
  scenarios/scenario.schema.json laat een teksteditor (zoals VS Code) meekijken.

EIGEN NAAM, LOGO EN KLEUREN
  De map 'pack' bevat de huisstijl: pack.yaml (naam, kleuren, taal) en het logo. Pas
  pack.yaml aan in een teksteditor en start het spel opnieuw; de uitleg staat in het bestand.
  __PACK_NL__
  Kan het spel het pakket niet gebruiken, dan start het zonder huisstijl en noemt het
  titelscherm de regel met de fout.

LICENTIES
  Het spel valt onder de EUPL-1.2. De lettertypen (Noto Sans, Fira Code) vallen onder de SIL
  Open Font License; zie _internal/pygame_gui/data/licenses.

==========================================================================================
English
==========================================================================================

A game for workshops about networking government. Around one laptop, a team runs an
organisation and chooses a role and channels for every initiative. No Python and no
installation are needed: everything the game needs is in this folder.

STARTING
  __START_EN__
  The game opens in a window. F11 toggles full screen, F1 explains the model.

WHERE THINGS GO
  Saved games, settings and results go into the folders 'saves' (and 'results') beside the
  game, when this folder can be written. That way they travel on a USB stick from workshop
  to workshop. When the game sits where nothing may be written (a network drive, Program
  Files), they go into the user's own folder instead. The Settings screen shows where.

ADDING A SCENARIO
  Put a scenario file (.yaml) into the 'scenarios' folder and start the game (again). It is
  then listed under "New game". If the file has mistakes, the list shows the line number and
  what is wrong; after fixing it, "Reload" reads the file again. From a command line:
      __CLI__ validate scenarios
  To begin a new scenario, with an explanation of every field:
      __CLI__ new my-scenario
  scenarios/scenario.schema.json lets a text editor (such as VS Code) check as you type.

YOUR OWN NAME, LOGO AND COLOURS
  The 'pack' folder holds the branding: pack.yaml (name, colours, language) and the logo.
  Change pack.yaml in a text editor and start the game again; the file explains every line.
  __PACK_EN__
  If the game cannot use the pack, it starts without branding and the title screen names
  the line with the mistake.

LICENCES
  The game is licensed under the EUPL-1.2. The fonts (Noto Sans, Fira Code) are under the
  SIL Open Font License; see _internal/pygame_gui/data/licenses.
"""

_START = {
    "windows": (
        "Dubbelklik op __EXE__ (er opent ook een zwart venster; laat dat open).",
        "Double-click __EXE__ (a black window opens too; leave it open).",
    ),
    "macos": (
        "Dubbelklik op __EXE__. De eerste keer: rechtsklik, 'Open', en bevestig.",
        "Double-click __EXE__. The first time: right-click, 'Open', and confirm.",
    ),
    "linux": (
        "Dubbelklik op __EXE__, of typ in een terminal in deze map: ./__EXE__",
        "Double-click __EXE__, or type in a terminal in this folder: ./__EXE__",
    ),
}


def readme_text(executable: str, system: str, pack_name: str | None, has_example: bool) -> str:
    """The README for a build made on ``system`` ('windows', 'macos' or 'linux')."""
    start_nl, start_en = _START.get(system, _START["linux"])
    cli = executable if system == "windows" else f"./{executable}"
    if has_example:
        pack_nl = (
            "Deze build heeft nog geen huisstijl: hernoem de map 'pack-example' naar 'pack' en\n"
            "  vul pack.yaml in."
        )
        pack_en = (
            "This build has no branding yet: rename the folder 'pack-example' to 'pack' and\n"
            "  fill in pack.yaml."
        )
    else:
        pack_nl = pack_en = f"Controleren · Check:  {cli} validate pack"
    branded = f"{pack_name}\n" if pack_name else ""
    return (
        README.replace("__BRANDED__\n", branded)
        .replace("__START_NL__", start_nl)
        .replace("__START_EN__", start_en)
        .replace("__PACK_NL__", pack_nl)
        .replace("__PACK_EN__", pack_en)
        .replace("__CLI__", cli)
        .replace("__EXE__", executable)
    )
