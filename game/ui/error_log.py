"""Where the window writes what went wrong: a traceback per error, appended to one file."""

from __future__ import annotations

import logging
import time
from pathlib import Path


def default_log_dir() -> Path:
    from platformdirs import user_log_path

    return user_log_path("netwerkende-gemeente", appauthor=False)


def write_error_log(log_dir: Path, details: str) -> Path | None:
    """Append ``details`` to ``errors.log`` in ``log_dir``; None when it cannot be written."""
    path = log_dir / "errors.log"
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')}\n{details}\n")
        return path
    except OSError as error:
        # One line, no traceback: the error screen still shows, only its details are lost.
        logging.getLogger(__name__).warning(
            "could not write the error log %s: %s", path, error.strerror or error
        )
        return None
