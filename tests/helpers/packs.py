"""Hostile branding packs: each reaches out of its folder, hangs, eats memory or lies about a
picture in one way. Shared by the pack tests (validate, play, report, build) and the build test.

Every case is made in a fresh folder ``pack`` beside a folder ``outside`` that holds what must
never be read: a file with a secret, and a logo of the wrong colour.
"""

from __future__ import annotations

import io
import itertools
import os
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pygame

SECRET = "SECRET-do-not-ship-4711"
GOOD_PACK = "id: hostile\nname: Hostile\n"
OWN_SCENARIO = "scenarios/eigen.yaml"


def png_bytes(width: int, height: int, colour: tuple[int, int, int] = (250, 30, 30)) -> bytes:
    """A real PNG of one colour, made by pygame."""
    surface = pygame.Surface((width, height))
    surface.fill(colour)
    written = io.BytesIO()
    pygame.image.save(surface, written, "x.png")
    return written.getvalue()


def jpeg_bytes(width: int, height: int) -> bytes:
    surface = pygame.Surface((width, height))
    for x in range(width):  # not one colour, so the compressed data is more than a few bytes
        pygame.draw.line(surface, (x * 7 % 256, x * 3 % 256, 90), (x, 0), (x, height - 1))
    written = io.BytesIO()
    pygame.image.save(surface, written, "x.jpg")
    return written.getvalue()


def huge_png(side: int = 20_000) -> bytes:
    """A whole, decodable black-and-white PNG of ``side`` × ``side`` pixels: tens of kilobytes on
    disk, hundreds of megabytes once decoded."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        checksum = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + checksum

    packer = zlib.compressobj(9)
    row = bytes(1 + (side + 7) // 8)
    data = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def write_pack(folder: Path, text: str = GOOD_PACK) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(text, encoding="utf-8")
    return folder


def with_logo(text: str = GOOD_PACK) -> str:
    return text + "logo: logo.png\n"


@dataclass(frozen=True)
class Case:
    """A hostile pack: ``make(pack, outside)`` builds it; the refusal names ``culprit`` (a path
    inside the pack) and says ``reason``."""

    make: Callable[[Path, Path], None]
    culprit: str
    reason: str


def _outside(outside: Path) -> None:
    (outside / "assets").mkdir(parents=True, exist_ok=True)
    (outside / "SECRET.txt").write_text(SECRET + "\n", encoding="utf-8")
    (outside / "assets" / "SECRET.txt").write_text(SECRET + "\n", encoding="utf-8")
    (outside / "other.yaml").write_text(f"{SECRET}: 1\nid: x\n", encoding="utf-8")
    (outside / "logo.png").write_bytes(png_bytes(40, 20, (0, 255, 0)))


def _pack_yaml_link(pack: Path, outside: Path) -> None:
    pack.mkdir()
    (pack / "pack.yaml").symlink_to(outside / "other.yaml")


def _pack_yaml_fifo(pack: Path, outside: Path) -> None:
    pack.mkdir()
    os.mkfifo(pack / "pack.yaml")


def _pack_yaml_zero(pack: Path, outside: Path) -> None:
    pack.mkdir()
    (pack / "pack.yaml").symlink_to("/dev/zero")


def _yaml_bomb(pack: Path, outside: Path) -> None:
    """Billion laughs: nine lists of six aliases of the list before, 6⁹ "lol"s once expanded."""
    lines = ["id: hostile", "name: Hostile", "scenarios:", "  - &a [lol, lol, lol, lol, lol, lol]"]
    lines += [f"  - &{b} [{', '.join([f'*{a}'] * 6)}]" for a, b in itertools.pairwise("abcdefghi")]
    write_pack(pack, "\n".join(lines) + "\n")


def _scenarios(pack: Path) -> Path:
    folder = pack / "scenarios"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _scenario_passwd(pack: Path, outside: Path) -> None:
    (_scenarios(pack) / "passwd.yaml").symlink_to("/etc/passwd")


def _scenario_fifo(pack: Path, outside: Path) -> None:
    os.mkfifo(_scenarios(pack) / "pipe.yaml")


def _scenario_loop(pack: Path, outside: Path) -> None:
    (_scenarios(pack) / "loop.yaml").symlink_to("loop.yaml")


def _assets_link(pack: Path, outside: Path) -> None:
    (_scenarios(pack) / "assets").symlink_to(outside / "assets", target_is_directory=True)


def _device(pack: Path, outside: Path) -> None:
    (_scenarios(pack) / "null.png").symlink_to("/dev/null")


def _oversized(pack: Path, outside: Path) -> None:
    with (_scenarios(pack) / "poster.png").open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: takes no room on disk


def _scenarios_link(pack: Path, outside: Path) -> None:
    write_pack(pack)
    (pack / "scenarios").symlink_to(outside, target_is_directory=True)


def _in_good_pack(add: Callable[[Path, Path], None]) -> Callable[[Path, Path], None]:
    """A case of one hostile file in ``scenarios/`` of an otherwise good pack."""

    def make(pack: Path, outside: Path) -> None:
        write_pack(pack)
        add(pack, outside)

    return make


# The cases that add one file to ``scenarios/``: they can all live in one pack together.
HELD = {
    "scenario linked to /etc/passwd": (
        _scenario_passwd,
        "scenarios/passwd.yaml",
        "leads outside the pack",
    ),
    "scenario a FIFO": (_scenario_fifo, "scenarios/pipe.yaml", "a pipe (FIFO)"),
    "scenario a loop of links": (_scenario_loop, "scenarios/loop.yaml", "a loop of links"),
    "assets linked out": (_assets_link, "scenarios/assets", "leads outside the pack"),
    "a device": (_device, "scenarios/null.png", "leads outside the pack"),
    "an oversized file": (_oversized, "scenarios/poster.png", "may be at most"),
}


def _logo_link(pack: Path, outside: Path) -> None:
    write_pack(pack, with_logo())
    _logo_link_only(pack, outside)


def _logo_link_only(pack: Path, outside: Path) -> None:
    (pack / "logo.png").symlink_to(outside / "logo.png")


def _logo_fifo(pack: Path, outside: Path) -> None:
    write_pack(pack, with_logo())
    os.mkfifo(pack / "logo.png")


def _logo_zero(pack: Path, outside: Path) -> None:
    write_pack(pack, with_logo())
    (pack / "logo.png").symlink_to("/dev/zero")


def _logo_huge(pack: Path, outside: Path) -> None:
    write_pack(pack, with_logo())
    (pack / "logo.png").write_bytes(huge_png())


def _logo_truncated(pack: Path, outside: Path) -> None:
    write_pack(pack, with_logo())
    whole = png_bytes(300, 200)
    (pack / "logo.png").write_bytes(whole[: len(whole) // 2])


def _logo_damaged(pack: Path, outside: Path) -> None:
    write_pack(pack, with_logo())
    data = bytearray(png_bytes(300, 200))
    data[len(data) // 2] ^= 0xFF
    (pack / "logo.png").write_bytes(bytes(data))


def _logo_truncated_jpeg(pack: Path, outside: Path) -> None:
    write_pack(pack, "id: hostile\nname: Hostile\nlogo: logo.jpg\n")
    whole = jpeg_bytes(300, 200)
    (pack / "logo.jpg").write_bytes(whole[: len(whole) * 2 // 3])


CASES: dict[str, Case] = {
    "pack.yaml linked out": Case(_pack_yaml_link, "pack.yaml", "leads outside the pack"),
    "pack.yaml a FIFO": Case(_pack_yaml_fifo, "pack.yaml", "a pipe (FIFO)"),
    "pack.yaml linked to /dev/zero": Case(_pack_yaml_zero, "pack.yaml", "leads outside the pack"),
    "pack.yaml a YAML bomb": Case(
        _yaml_bomb, "pack.yaml:4:5: scenarios[1]", "anchors and aliases are not allowed"
    ),
    "scenarios linked out": Case(_scenarios_link, "scenarios", "leads outside the pack"),
    "logo linked out": Case(_logo_link, "pack.yaml:3:7: logo", "leads outside the pack"),
    "logo a FIFO": Case(_logo_fifo, "pack.yaml:3:7: logo", "a pipe (FIFO)"),
    "logo linked to /dev/zero": Case(_logo_zero, "pack.yaml:3:7: logo", "leads outside the pack"),
    "logo of 20,000 × 20,000 pixels": Case(_logo_huge, "pack.yaml:3:7: logo", "20,000 × 20,000"),
    "logo cut off": Case(_logo_truncated, "pack.yaml:3:7: logo", "is cut off"),
    "logo damaged": Case(_logo_damaged, "pack.yaml:3:7: logo", "is damaged"),
    "JPEG logo cut off": Case(_logo_truncated_jpeg, "pack.yaml:3:7: logo", "is cut off"),
}
CASES.update(
    {name: Case(_in_good_pack(add), where, why) for name, (add, where, why) in HELD.items()}
)


def every_case_at_once(tmp_path: Path) -> tuple[Path, list[str]]:
    """One pack holding every hostile file that can live beside the others: all of ``HELD``,
    and a logo linked out of the pack. Returns the pack and the names of its cases."""
    outside = tmp_path / "outside"
    _outside(outside)
    pack = write_pack(tmp_path / "pack", with_logo())
    _logo_link_only(pack, outside)
    for add, _, _ in HELD.values():
        add(pack, outside)
    return pack, [*HELD, "logo linked out"]


def hostile(tmp_path: Path, name: str) -> Path:
    """The pack of case ``name`` in ``tmp_path / 'pack'`` (its secrets in ``tmp_path /
    'outside'``)."""
    outside = tmp_path / "outside"
    _outside(outside)
    pack = tmp_path / "pack"
    CASES[name].make(pack, outside)
    return pack


def culprit(pack: Path, name: str) -> str:
    """Where the refusal of case ``name`` points: a file, or ``pack.yaml:line:column: field``."""
    return str(pack / CASES[name].culprit)


GOOD_BAND = (0x00, 0x5A, 0x9C)


def good_pack(folder: Path) -> Path:
    """A pack with everything a sealed pack may hold: its own scenario with pictures beside it
    (one a link to another, inside the pack), a note, and a logo larger than the band shows."""
    from game.scenario.loader import SCENARIO_DIR

    write_pack(
        folder,
        "id: rivierland\nname: Waterschap Rivierland\nlogo: art/logo.png\n"
        "colours: {band: '#005a9c'}\nlanguage: en\n",
    )
    (folder / "art").mkdir()
    (folder / "art" / "logo.png").write_bytes(png_bytes(1200, 400, (250, 30, 30)))
    text = (SCENARIO_DIR / "gemeente-middelgroot.yaml").read_text(encoding="utf-8")
    own = _scenarios(folder)
    (own / "rivierland.yaml").write_text(
        text.replace("id: gemeente-middelgroot", "id: rivierland"), encoding="utf-8"
    )
    (own / "notes.txt").write_text("for the trainers\n", encoding="utf-8")
    (own / "assets").mkdir()
    (own / "assets" / "icon.png").write_bytes(png_bytes(8, 8))
    (own / "assets" / "same-icon.png").symlink_to("icon.png")
    return folder


# What a build holds of ``good_pack``, beside the executable: every file a plain copy.
GOOD_PACK_IN_BUILD = {
    "pack/pack.yaml",
    "pack/art/logo.png",
    "scenarios/rivierland.yaml",
    "scenarios/notes.txt",
    "scenarios/assets/icon.png",
    "scenarios/assets/same-icon.png",
}
