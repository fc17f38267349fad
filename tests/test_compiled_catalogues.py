"""The compiled catalogues the game reads at start-up (issue 22) say what their ``.po`` says:
``make messages`` compiles them; this fails when one was forgotten."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.compile_catalogues import CATALOGUES, compile_catalogue
from game.said import read_catalogue, read_source_catalogue


@pytest.mark.parametrize("source", CATALOGUES, ids=lambda path: str(path.parent.parent.name))
def test_each_compiled_catalogue_is_its_po_compiled(source: Path) -> None:
    compiled = source.with_suffix(".mo")
    assert compiled.is_file(), f"{compiled} is missing: run make messages"
    assert compiled.read_bytes() == compile_catalogue(source), (
        f"{compiled} is older than {source.name}: run make messages"
    )


@pytest.mark.parametrize("source", CATALOGUES, ids=lambda path: str(path.parent.parent.name))
def test_the_game_reads_from_the_compiled_catalogue_what_the_po_says(source: Path) -> None:
    read = read_catalogue.__wrapped__(source, "nl")
    assert read == read_source_catalogue(source, "nl")
    assert len(read) > 100


def test_without_a_compiled_catalogue_the_po_is_read(tmp_path: Path) -> None:
    source = CATALOGUES[0]
    copy = tmp_path / "nl.po"
    copy.write_bytes(source.read_bytes())
    assert read_catalogue.__wrapped__(copy, "nl") == read_source_catalogue(source, "nl")
