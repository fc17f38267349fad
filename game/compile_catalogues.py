"""Compile the gettext catalogues (``.po`` → ``.mo``) that the game reads at start-up.

``make messages`` runs it after updating the catalogues; a test fails when a compiled catalogue
says something else than its ``.po``. Babel's own ``pybabel compile`` refuses the catalogue for
a literal "%" in a sentence ("… as % of inhabitants"), which it takes for a placeholder.
"""

from __future__ import annotations

from pathlib import Path

CATALOGUES = (
    Path(__file__).parent / "locales" / "nl.po",
    Path(__file__).parent / "ui" / "locales" / "nl.po",
)


def compile_catalogue(source: Path) -> bytes:
    """The ``.mo`` of ``source``, as bytes (the same bytes for the same catalogue)."""
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with source.open("rb") as handle:
        catalogue = read_po(handle, locale="nl")
    out = io.BytesIO()
    write_mo(out, catalogue)
    return out.getvalue()


def main() -> None:
    for source in CATALOGUES:
        source.with_suffix(".mo").write_bytes(compile_catalogue(source))


if __name__ == "__main__":
    main()
