"""A workshop over the local network: one laptop per team, in step with the facilitator's.

The facilitator's laptop *hosts* (``server.HostServer`` around ``workshop.Workshop``); each team's
laptop *joins* (``link.TeamLink``) and runs its own game with its own autosave, so a team whose
host goes away simply plays on alone. Only rounds, reveals and the panel's steps travel from the
host; only results travel back. Every message is a pydantic model in ``messages`` with a size
limit, read as hostile: nothing from the network is executed or used as a path.

``discovery`` finds a host with zeroconf (switched off in tests, which join by address on
127.0.0.1); ``team`` plays one team headless (``main.py autoplay --join``).
"""

# The port a workshop is hosted on unless it is taken (here, so the window needs no network
# module to know it).
DEFAULT_PORT = 8470
