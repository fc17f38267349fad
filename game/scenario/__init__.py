"""Scenario content and loading it.

``models`` holds every kind of content; ``loader`` reads a file (``load_scenario``), lists the
shipped ones (``list_scenarios``) and raises ``errors.ScenarioError`` with every problem placed at
its line. ``yamltree`` (with ``yamlsyntax`` for syntax errors), ``messages`` and ``references``
are the loader's steps; ``schema`` makes the JSON Schema and the field reference; ``starter`` is
the template of ``main.py new``.
"""
