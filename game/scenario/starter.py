"""The starter scenario that ``python main.py new NAME`` writes: small, commented, and playable.

It is kept as text (not built from the models) because its comments are the point: a trainer
copies and changes it. A test loads it and plays it with a bot, so it never drifts from the
format.
"""

from __future__ import annotations

import os
from pathlib import Path

from game.scenario.loader import SCENARIO_DIR

SCHEMA_FILE = SCENARIO_DIR / "scenario.schema.json"

STARTER = """\
# yaml-language-server: $schema=__SCHEMA__
#
# A new scenario for Netwerkende Gemeente. Every line starting with '#' is a comment: the game
# skips it. Change the texts, add initiatives, and check your work with
#     python main.py validate __FILE__
# and play it without a window with
#     python main.py autoplay __FILE__
# docs/scenarios.md explains every field. Texts are one plain text, or one per language:
#     title: {nl: Nederlandse tekst, en: English text}

# The id must be the file's name without '.yaml'.
id: __ID__
version: "1.0"
title: {nl: Mijn scenario, en: My scenario}
description:
  nl: Een korte beschrijving voor de lijst met scenario's.
  en: A short description for the list of scenarios.
author: Your name
languages: [nl, en]

organisation:
  name: {nl: Gemeente Voorbeeld, en: Municipality of Voorbeeld}
  # kind: municipality, council_clerk, city, police, water_board, province or other
  kind: municipality
  inhabitants: 25000

rounds: 4                     # how many rounds (quarters) a game lasts
round_name: {nl: kwartaal, en: quarter}

briefing:
  nl: >-
    Wat de spelers lezen voordat ronde 1 begint: waar staat de organisatie, wat speelt er?
  en: >-
    What the players read before round 1 starts: where does the organisation stand, what is
    going on?

start:
  indicators:                 # 0-100; any you leave out start at their default
    awareness: 15
    skill: 10
    trust: 45
  capacity: 24                # hours of staff time per round
  budget: 20                  # thousand euro at the start
  budget_per_round: 10        # thousand euro added every round

channels:
  - id: website
    name: Website
    interaction: sending      # presence, sending, dialogue or collaboration
    in_use: true              # already in use at the start
    audience: 40
    fit: {spread_facts: 70, service: 60, answer_questions: 30}
  - id: twitter
    name: Twitter
    interaction: dialogue
    survey_profile: twitter   # take its fit per purpose from the clerks' survey
    in_use: true
    audience: 20

initiatives:
  # Each round brings one to three initiatives. The team chooses the municipality's role.
  - id: afvalvragen
    round: 1
    title: {nl: Vragen over afval, en: Questions about waste}
    text:
      nl: Inwoners stellen online veel vragen over de nieuwe afvalinzameling.
      en: Residents ask many questions online about the new waste collection.
    owner: municipality       # who took the initiative: municipality or community
    relation: customer        # customer, voter, subject, user, partner or resident
    purposes: [answer_questions, service]
  - id: buurtfeest
    round: 2
    title: {nl: Een buurtfeest, en: A street party}
    text:
      nl: Bewoners organiseren zelf een buurtfeest en vragen of de gemeente iets wil doen.
      en: Residents organise a street party and ask whether the municipality wants to help.
    owner: community
    relation: resident
    purposes: [follow_residents]
  - id: speelplek
    round: 3
    title: {nl: Een nieuwe speelplek, en: A new playground}
    text:
      nl: De gemeente richt een speelplek in en wil weten wat kinderen en ouders willen.
      en: The municipality lays out a playground and wants to know what children and parents want.
    owner: municipality
    relation: user
    purposes: [opinion_forming, discuss]
  - id: wijkvisie
    round: 4
    title: {nl: Een wijkvisie van bewoners, en: A residents' neighbourhood vision}
    text:
      nl: De bewonersvereniging schrijft haar eigen plan voor de toekomst van de wijk.
      en: The residents' association writes its own plan for the neighbourhood's future.
    owner: community
    relation: partner
    purposes: [discuss, follow_residents]
  - id: zorgcafe
    title: {nl: Een zorgcafé, en: A care café}
    text:
      nl: Mantelzorgers willen elkaar maandelijks ontmoeten en zoeken ruimte en bekendheid.
      en: Informal carers want to meet monthly and look for a room and publicity.
    owner: community
    relation: partner
    purposes: [discuss, promote]
    when: {round_at_least: 3} # no fixed round: it may arrive from round 3 on
    probability: 0.7
  - id: stormvragen           # neither 'round' nor 'when': the event 'storm' brings it
    title: {nl: Vragen na de storm, en: Questions after the storm}
    text:
      nl: Welke wegen zijn dicht en wie ruimt de bomen op? Inwoners zoeken houvast.
      en: Which roads are closed and who clears the trees? Residents look for guidance.
    owner: municipality
    relation: resident
    purposes: [crisis_communication, answer_questions]
    weight: 1.5               # counts 1.5 times as much as an ordinary initiative

actions:
  # Development actions: what the organisation can invest in, with hours and money.
  - id: training
    title: {nl: Training online werken, en: Training in working online}
    text:
      nl: Collega's buiten communicatie leren online in gesprek te gaan.
      en: Colleagues outside communications learn to hold conversations online.
    cost: {capacity: 6, budget: 8}
    effects:
      indicators: {skill: 8, awareness: 3}
  - id: webcare
    title: {nl: Webcareteam, en: Webcare team}
    text:
      nl: Een klein team dat vragen op sociale media snel oppakt.
      en: A small team that picks up questions on social media quickly.
    cost: {capacity: 6, budget: 10}
    requires: {action_done: training}     # can only be bought after the training
    effects:
      indicators: {interaction: 6, trust: 3}
      purpose_bonus: {answer_questions: 25}

events:
  # News at the start of a round: in a fixed round, or 'when' a condition holds.
  - id: storm
    round: 3
    title: {nl: Storm, en: Storm}
    text:
      nl: Een storm legt bomen om. Inwoners willen weten wat ze moeten doen.
      en: A storm brings down trees. Residents want to know what to do.
    effects:
      indicators: {trust: -4}
      mitigated_by: [webcare]             # halved if the webcare team is there
      add_initiatives: [stormvragen]      # this initiative arrives with the storm
  - id: wethouder
    round: 4
    title: {nl: Nieuwe wethouder, en: New alderman}
    text:
      nl: Een nieuwe wethouder trekt geld uit voor samenwerken met inwoners.
      en: A new alderman makes money available for working with residents.
    effects:
      budget: 10
"""


def starter_text(scenario_id: str, path: Path) -> str:
    """The starter scenario for ``scenario_id``, to be written at ``path``."""
    return (
        STARTER.replace("__ID__", scenario_id)
        .replace("__SCHEMA__", _schema_reference(path))
        .replace("__FILE__", _shown_path(path))
    )


def _schema_reference(path: Path) -> str:
    """The schema as editors find it: relative inside the game's folder, else by full path.

    Editors resolve a relative path from the file's own folder, so a file moved to another
    folder loses it: ``validate`` then warns with the line to write (``game.scenario.modeline``).
    """
    from game.scenario.modeline import schema_reference

    return schema_reference(path, SCHEMA_FILE)


def _shown_path(path: Path) -> str:
    try:
        return Path(os.path.relpath(path.resolve(), Path.cwd())).as_posix()
    except ValueError:
        return str(path)
