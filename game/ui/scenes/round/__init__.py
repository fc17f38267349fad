"""A round's screens, in their order: briefing, decision, development, outcome, summary."""
