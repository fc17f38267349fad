"""One byte string per JSON value, whatever the key order or spacing: what checksums and the
fingerprint of a game are taken over."""

from __future__ import annotations

import json
from typing import Any


def canonical_json(value: Any) -> bytes:
    """``value`` as compact UTF-8 JSON with sorted keys; NaN and infinity refused."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")
