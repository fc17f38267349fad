"""A workshop over the network: hosting it (the facilitator), joining it and waiting (a team)."""
