"""A pack's logo, checked by decoding it, within pixel limits, and scaled once.

A PNG of a few megabytes can hold 20,000 × 20,000 pixels: 1.6 GB once decoded. So the size a
picture says it has is read from its header first, and a picture larger than a logo can need is
refused before anything is decoded. Then it is decoded whole (a cut-off or damaged picture is
refused, not shown half), and scaled down once, here, to what the title band and the report
show at most: the window and the report never hold more than that.
"""

from __future__ import annotations

import io
import os
import struct
import zlib
from dataclasses import dataclass

MAX_LOGO_BYTES = 4 * 1024 * 1024
"""A logo for a title screen is tens of kilobytes; megabytes mean the print version."""
MAX_SIDE = 4096
MAX_PIXELS = 8 * 1024 * 1024
"""32 MB once decoded; a logo needs a few hundred thousand pixels at most."""
SHOWN_HEIGHT = 256
"""The band's logo is 72 pixels high at 1280 × 720, about 220 on a 4K screen."""
SHOWN_WIDTH = 4 * SHOWN_HEIGHT
"""The band shows a logo at most four times as wide as high."""
MAX_SHOWN_BYTES = 512 * 1024
"""A logo kept as it is, larger than this, is written again (the report carries it inline)."""

_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
# JPEG's start-of-frame markers, the segments that carry the picture's size.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


class LogoProblem(ValueError):
    """Why a logo cannot be used, as the end of a sentence that starts with its name."""


@dataclass(frozen=True, slots=True)
class Logo:
    """A checked logo, at most ``SHOWN_WIDTH`` × ``SHOWN_HEIGHT``: its file's bytes (PNG or
    JPEG) and its size in pixels."""

    data: bytes
    mime: str
    size: tuple[int, int]


def read_logo(data: bytes) -> Logo:
    """The logo in ``data``, checked and scaled; raises ``LogoProblem``."""
    if data.startswith(_PNG):
        kind, width, height = "png", *_png_size(data)
    elif data.startswith(_JPEG):
        kind, width, height = "jpeg", *_jpeg_size(data)
    else:
        raise LogoProblem("is not a PNG or JPEG picture; save the logo as PNG")
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise LogoProblem(
            f"is {width:,} × {height:,} pixels; a logo may be at most {MAX_SIDE:,} pixels on a "
            f"side and {MAX_PIXELS // 2**20} million in all (save a smaller version, e.g. "
            "400 pixels wide)"
        )
    image = _decode(data, kind, (width, height))
    factor = min(SHOWN_WIDTH / width, SHOWN_HEIGHT / height, 1.0)
    if factor == 1.0 and len(data) <= MAX_SHOWN_BYTES:
        return Logo(data, f"image/{kind}", (width, height))
    return _scaled(image, factor)


def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the header, once every chunk is there and its checksum holds."""
    position = len(_PNG)
    size: tuple[int, int] | None = None
    pictured = False
    while True:
        if position + 12 > len(data):
            raise LogoProblem("is cut off: the picture ends too soon (save it again)")
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        end = position + 12 + length
        if end > len(data):
            raise LogoProblem("is cut off: the picture ends too soon (save it again)")
        body = data[position + 8 : end - 4]
        if zlib.crc32(kind + body) != int.from_bytes(data[end - 4 : end], "big"):
            raise LogoProblem("is damaged: a checksum in it does not match (save it again)")
        if size is None:
            if kind != b"IHDR" or length != 13:
                raise LogoProblem("is damaged: it does not start with a PNG header")
            size = struct.unpack(">II", body[:8])
            if 0 in size:
                raise LogoProblem("is damaged: it says it has no pixels")
        pictured = pictured or kind == b"IDAT"
        if kind == b"IEND":
            break
        position = end
    if not pictured:
        raise LogoProblem("is damaged: it holds no picture")
    return size


def _jpeg_size(data: bytes) -> tuple[int, int]:
    """Width and height from the frame header, once the picture is known to end as one does."""
    position = 2
    size: tuple[int, int] | None = None
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            raise LogoProblem("is damaged: it is not a JPEG the game can read (save it as PNG)")
        marker = data[position + 1]
        if marker == 0xFF:  # padding before a marker
            position += 1
            continue
        if marker == 0x01 or 0xD0 <= marker <= 0xD8:  # markers without a length
            position += 2
            continue
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        if marker in _SOF and length >= 7 and position + 9 <= len(data):
            height, width = struct.unpack(">HH", data[position + 5 : position + 9])
            size = (width, height)
        if marker == 0xDA:  # the compressed picture follows, up to the end marker
            if size is None or 0 in size:
                raise LogoProblem("is damaged: it does not say its size")
            if not data.rstrip(b"\x00").endswith(b"\xff\xd9"):
                raise LogoProblem("is cut off: the picture ends too soon (save it again)")
            return size
        if length < 2:
            raise LogoProblem("is damaged: it is not a JPEG the game can read (save it as PNG)")
        position += 2 + length
    raise LogoProblem("is cut off: the picture ends too soon (save it again)")


def _decode(data: bytes, kind: str, size: tuple[int, int]):  # -> pygame.Surface
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    try:
        image = pygame.image.load(io.BytesIO(data), f"logo.{kind}")
    except (pygame.error, ValueError, OSError, MemoryError) as error:
        raise LogoProblem(f"cannot be read as a picture ({error}); save it again as PNG") from None
    if image.get_size() != size:
        raise LogoProblem("is damaged: its pixels do not match its header (save it again)")
    return image


def _scaled(image, factor: float) -> Logo:  # image: pygame.Surface
    import pygame

    width = max(1, round(image.get_width() * factor))
    height = max(1, round(image.get_height() * factor))
    # smoothscale needs 24 or 32 bits a pixel; an opaque logo stays opaque (no alpha channel,
    # whose rounding would let the band show through), a transparent one keeps its alpha.
    transparent = bool(image.get_flags() & pygame.SRCALPHA) or image.get_colorkey() is not None
    template = pygame.Surface(
        (1, 1), pygame.SRCALPHA if transparent else 0, 32 if transparent else 24
    )
    smaller = pygame.transform.smoothscale(image.convert(template), (width, height))
    written = io.BytesIO()
    pygame.image.save(smaller, written, "logo.png")
    return Logo(written.getvalue(), "image/png", (width, height))
