"""``schema``: the JSON Schema of scenario files (for editors) and the field reference."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from game.cli.options import Commands
from game.cli.usage import EXIT_FAILED, EXIT_OK, UsageError


def add_parser(commands: Commands) -> argparse.ArgumentParser:
    schema = commands.add_parser(
        "schema",
        help="write the JSON Schema of scenario files (for editors)",
        description="Print the JSON Schema of scenario files, or write it to a file; "
        "optionally refresh the field reference in the trainers' documentation.",
    )
    schema.add_argument("--out", default=None, help="write the schema to this file")
    schema.add_argument(
        "--docs", default=None, help="refresh the field reference section of this Markdown file"
    )
    schema.set_defaults(usage=schema.format_usage())
    return schema


def run(args: argparse.Namespace, out: TextIO) -> int:
    from game.scenario.schema import schema_text, with_reference

    text = schema_text()
    if args.out is None and args.docs is None:
        out.write(text)
        return EXIT_OK
    try:
        if args.out is not None:
            _write_text(Path(args.out), text)
            out.write(f"wrote {args.out}\n")
        if args.docs is not None:
            docs = Path(args.docs)
            _write_text(docs, with_reference(docs.read_text(encoding="utf-8")))
            out.write(f"refreshed the field reference in {args.docs}\n")
    except OSError as error:
        where = getattr(error, "filename", None) or args.out or args.docs
        raise UsageError(f"{where}: {error.strerror or error}", args.usage) from error
    except (ValueError, UnicodeDecodeError) as error:
        out.write(f"{error}\n")
        return EXIT_FAILED
    return EXIT_OK


def _write_text(path: Path, text: str) -> None:
    """Write through a temporary file, so an interrupted write never leaves half a file."""
    if path.is_dir():
        raise IsADirectoryError(21, "is a folder, not a file", str(path))
    temporary = path.with_name(path.name + ".new")
    try:
        temporary.write_text(text, encoding="utf-8", newline="\n")
        temporary.replace(path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise
