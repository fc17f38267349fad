"""Starting and stopping a hosted workshop from the window."""

from __future__ import annotations

import secrets

from game.domain import GameLength


def start_hosting(app, scenario, length: GameLength) -> str:
    """Open the room: a workshop, its server and (on a real network) its announcement.

    Returns "" when hosting, else why not (for the screen). Where it listens and whether it
    announces is ``app.network`` (a ``RoomPlan``): tests and the tour stay on 127.0.0.1.
    """
    from game.net.messages import WorkshopInfo
    from game.net.server import HostServer
    from game.net.workshop import Workshop, new_code, workshop_folder
    from game.sim.length import rounds_played
    from game.ui.room import HostRoom

    plan = app.network
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
        plan.code or new_code(),
        rounds_played(scenario, length),
        results_dir=workshop_folder(app.results_dir, scenario.id),
        events=tuple(e.id for e in scenario.events),
    )
    server = HostServer(workshop, plan.address, plan.port)
    try:
        port = server.start()
    except OSError:
        server = HostServer(workshop, plan.address, 0)  # the port is taken: any free one
        try:
            port = server.start()
        except OSError as error:
            return app.t("This laptop cannot host: {reason}").format(reason=error)
    announcement = None
    address = plan.address
    if address in ("0.0.0.0", ""):  # every network: the teams type this laptop's own address
        from game.net.discovery import local_address

        address = local_address()
    if plan.discovery:
        from game.net.discovery import Announcement

        announcement = Announcement(scenario.title.get(app.settings.language), address, port)
        if not announcement.start():
            announcement = None
    app.close_room()
    app.room = HostRoom(workshop, server, f"{address}:{port}", announcement)
    app.room.scenario = scenario
    app.remember(last_length=GameLength(length).value)
    return ""
