"""Starting and stopping a hosted workshop from the window."""

from __future__ import annotations

import secrets

from game.domain import GameLength


def start_hosting(app, scenario, length: GameLength) -> str:
    """Open the room: a workshop, its server and (on a real network) its announcement.

    Returns "" when hosting, else why not (for the screen). A window made for tests or the tour
    (``app.network`` False) listens on 127.0.0.1 only and announces nothing.
    """
    from game.net.messages import WorkshopInfo
    from game.net.server import HostServer
    from game.net.workshop import DEFAULT_PORT, Workshop, new_code, workshop_folder
    from game.sim.length import rounds_played
    from game.ui.room import HostRoom

    network = getattr(app, "network", False)
    seed = app.seed if app.seed is not None else 1 + secrets.randbelow(999_999)
    info = WorkshopInfo(
        workshop_id=secrets.token_hex(8),
        scenario_id=scenario.id,
        scenario_version=scenario.version,
        seed=seed,
        length=GameLength(length).value,
    )
    workshop = Workshop(
        info,
        new_code(),
        rounds_played(scenario, length),
        results_dir=workshop_folder(app.results_dir, scenario.id),
        events=tuple(e.id for e in scenario.events),
    )
    listen = "0.0.0.0" if network else "127.0.0.1"
    server = HostServer(workshop, listen, DEFAULT_PORT if network else 0)
    try:
        port = server.start()
    except OSError:
        server = HostServer(workshop, listen, 0)  # the usual port is taken: any free one
        try:
            port = server.start()
        except OSError as error:
            return app.t("This laptop cannot host: {reason}").format(reason=error)
    announcement = None
    address = "127.0.0.1"
    if network:
        from game.net.discovery import Announcement, local_address

        address = local_address()
        announcement = Announcement(scenario.title.get(app.settings.language), address, port)
        if not announcement.start():
            announcement = None
    app.close_room()
    app.room = HostRoom(workshop, server, f"{address}:{port}", announcement)
    app.room.scenario = scenario
    app.remember(last_length=GameLength(length).value)
    return ""
