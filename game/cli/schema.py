"""``schema``: the JSON Schema of scenario files (for editors) and the field reference."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.cli.options import COMMAND_HELP, Commands, given_path
from game.cli.usage import EXIT_FAILED, EXIT_OK, UsageError
from game.cli.writing import write_output

# typing's TYPE_CHECKING without importing typing: this command's --help stays lean.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO


def add_parser(commands: Commands) -> argparse.ArgumentParser:
    schema = commands.add_parser(
        "schema",
        help=COMMAND_HELP["schema"],
        description="Print the JSON Schema of scenario files, or write it to a file; "
        "optionally refresh the field reference in the trainers' documentation.",
    )
    schema.add_argument(
        "--out", type=given_path, default=None, help="write the schema to this file"
    )
    schema.add_argument(
        "--docs",
        type=given_path,
        default=None,
        help="refresh the field reference section of this Markdown file",
    )
    schema.set_defaults(usage=schema.format_usage())
    return schema


def run(args: argparse.Namespace, out: TextIO) -> int:
    from game.scenario.schema import schema_text, with_reference

    text = schema_text()
    if args.out is None and args.docs is None:
        out.write(text)
        return EXIT_OK
    if args.out is not None:
        target = Path(args.out)
        if target.is_dir():
            raise UsageError(f"{target}: is a folder, not a file", args.usage)
        write_output(target, text.encode("utf-8"), args.usage)
        out.write(f"wrote {args.out}\n")
    if args.docs is not None:
        docs = Path(args.docs)
        try:
            document = _read_docs(docs, args.usage)
            refreshed = with_reference(document)
        except ValueError as error:  # not UTF-8, or no place for the reference: unchanged
            sys.stderr.write(f"{error}\n")
            return EXIT_FAILED
        write_output(docs, refreshed.encode("utf-8"), args.usage)
        out.write(f"refreshed the field reference in {args.docs}\n")
    return EXIT_OK


def _read_docs(path: Path, usage: str) -> str:
    """The Markdown file to refresh, as text; a place that is no file is a bad argument."""
    try:
        if path.exists() and not path.is_file():  # a folder, a pipe, a device: never read
            raise UsageError(f"{path}: not a plain file", usage)
        raw = path.read_bytes()
    except OSError as error:
        raise UsageError(f"{path}: {error.strerror or error}", usage) from error
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise ValueError(
            f"{path}:{line}:{column}: not UTF-8 text (the byte 0x{raw[error.start]:02x}); "
            "save it as UTF-8 and run this again. The file is unchanged."
        ) from None
