"""The title screen and what lies around it: scenario choice, load, settings, help,
questions, messages and the error screen."""
