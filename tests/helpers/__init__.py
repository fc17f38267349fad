"""Helpers shared by the test folders: the app on dummy drivers, saves, results, Chromium."""
