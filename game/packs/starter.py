"""The starter pack that ``python main.py pack new DIR`` writes: a commented ``pack.yaml``.

Kept as text, not built from the models, because its comments are the point: an organisation's
communications officer opens it in a text editor and fills it in. Comments are in Dutch and
English. A test loads it, so it never drifts from the format.
"""

from __future__ import annotations

import re
from pathlib import Path

from game.scenario.loader import SCENARIO_DIR

STARTER = """\
# Huisstijlpakket voor Netwerkende Gemeente  ·  Branding pack for Netwerkende Gemeente
#
# NL  Dit bestand geeft het spel de naam, het logo en de kleuren van jullie organisatie.
#     Regels die met '#' beginnen zijn uitleg; het spel slaat ze over. Verander de waarden
#     achter de dubbele punt, sla op en start het spel opnieuw. Klopt er iets niet, dan noemt
#     het spel de regel en wat er mis is.
# EN  This file gives the game your organisation's name, logo and colours. Lines starting
#     with '#' are explanations; the game skips them. Change the values after the colons,
#     save, and start the game again. If something is wrong, the game names the line and
#     what is wrong with it.
#
# Controleren · Check:      python main.py validate __FOLDER__
# Bekijken · Look:          python main.py tour --pack __FOLDER__ --out screenshots
# Spel bouwen · Build:      python main.py build --pack __FOLDER__

# NL  Korte naam van het pakket: kleine letters, cijfers, '-' en '_'. De map en het zip-bestand
#     van de build krijgen deze naam.
# EN  Short name of the pack: lower-case letters, digits, '-' and '_'. The build's folder and
#     zip file are named after it.
id: __ID__

# NL  De naam van jullie organisatie, bovenaan het titelscherm. Eén tekst, of per taal.
# EN  Your organisation's name, at the top of the title screen. One text, or one per language.
name:
  nl: Gemeente Voorbeeld
  en: Municipality of Voorbeeld

# NL  Een korte regel onder de naam (mag weg).
# EN  A short line under the name (may be left out).
tagline:
  nl: Workshop netwerkend werken
  en: Networking workshop

# NL  Het logo: een PNG- of JPEG-bestand in deze map. Een logo van zo'n 400 pixels breed is
#     ruim genoeg. Haal het '#' voor 'logo' weg als het bestand er staat.
# EN  The logo: a PNG or JPEG file in this folder. About 400 pixels wide is plenty. Remove
#     the '#' before 'logo' once the file is there.
# logo: logo.png

# NL  Kleuren als '#' met zes tekens, tussen aanhalingstekens (zoals in een huisstijlhandboek:
#     "#005a9c").
#     band:   de balk bovenaan het titelscherm, achter het logo en de naam. De tekst erop
#             wordt vanzelf wit of zwart, wat het best leest.
#     accent: titels en koppen in het hele spel. Die staan op de donkerblauwe achtergrond,
#             dus kies een lichte kleur; is hij te donker, dan zegt het spel dat.
# EN  Colours as '#' and six characters, in quotes (as in a style guide: "#005a9c").
#     band:   the band at the top of the title screen, behind the logo and the name. The
#             text on it turns white or black, whichever reads better.
#     accent: titles and headings throughout the game. They stand on the dark blue
#             background, so choose a light colour; if it is too dark, the game says so.
colours:
  band: "#005a9c"
  accent: "#8fd3ff"

# NL  De taal waarin het spel start: nl (Nederlands) of en (Engels). Spelers kunnen bij
#     Instellingen wisselen.
# EN  The language the game starts in: nl (Dutch) or en (English). Players can switch in
#     Settings.
language: nl

# NL  Welke scenario's van het spel zelf meegaan, in deze volgorde. Laat de lijst weg om ze
#     allemaal mee te nemen. Eigen scenario's zet je in de map 'scenarios' naast dit bestand;
#     die gaan altijd mee (maak er een met: python main.py new NAAM --out
#     __FOLDER__/scenarios/NAAM.yaml).
# EN  Which of the game's own scenarios are included, in this order. Leave the list out to
#     include them all. Put your own scenarios in the 'scenarios' folder beside this file;
#     they are always included (make one with: python main.py new NAME --out
#     __FOLDER__/scenarios/NAME.yaml).
scenarios:
  - gemeente-middelgroot
  - raadsgriffie
"""


def starter_pack_text(pack_id: str, folder_shown: str) -> str:
    """The starter ``pack.yaml`` for ``pack_id``; ``folder_shown`` appears in its commands."""
    return STARTER.replace("__ID__", pack_id).replace("__FOLDER__", folder_shown)


def starter_for(pack_id: str, folder: Path) -> str:
    """The starter text, naming scenarios this game really has (a build may hold fewer)."""
    shipped = {path.stem for path in SCENARIO_DIR.glob("*.yaml")}
    wanted = [name for name in ("gemeente-middelgroot", "raadsgriffie") if name in shipped]
    text = starter_pack_text(pack_id, folder.as_posix())
    if not wanted:  # no game scenarios to name: the list is left out, so all are included
        return re.sub(r"\nscenarios:\n(  - .*\n)+", "\n", text)
    lines = "".join(f"  - {name}\n" for name in wanted)
    return re.sub(r"\nscenarios:\n(  - .*\n)+", f"\nscenarios:\n{lines}", text)
