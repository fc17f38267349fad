"""``python main.py build``: a one-folder PyInstaller build of the game, and a zip of it.

The folder a person unzips looks like this::

    netwerkende-gemeente-<pack>/
        netwerkende-gemeente(.exe)   the game; also every command (validate, new, autoplay…)
        README.txt                   for the organisation, Dutch and English
        scenarios/                   the scenarios; trainers drop new ones in here
        pack/                        the branding (or pack-example/ in an unbranded build)
        _internal/                   Python, pygame, fonts: nothing to touch

PyInstaller runs in its own process with ``game/bundle/game.spec``; everything a person sees
beside the executable is copied afterwards, so it stays plain files they can open and change.
Of a pack, exactly the files its check accepted are copied (``Pack.files``), each read again
sealed and written as a new plain file: never a link, never anything from outside the pack.
"""

from __future__ import annotations

import importlib.util
import os
import platform
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from game.bundle.readme import readme_text
from game.packs import Pack
from game.packs.files import limit_for, read_pack_file, refusal
from game.packs.starter import starter_pack_text
from game.places import PACK_FILE, PACK_FOLDER, SOURCE_ROOT
from game.scenario.loader import SCENARIO_DIR, SUFFIXES
from game.untrusted import Refused

SPEC = Path(__file__).resolve().parent / "game.spec"
EXECUTABLE = "netwerkende-gemeente"
EXAMPLE_PACK = "pack-example"
SCHEMA = "scenario.schema.json"


class BuildError(Exception):
    """The build could not be made; the message says why in a sentence."""


@dataclass(frozen=True, slots=True)
class Build:
    """What a build produced."""

    folder: Path
    zip: Path
    executable: Path

    @property
    def zip_bytes(self) -> int:
        return self.zip.stat().st_size


def system_name() -> str:
    """'windows', 'macos' or 'linux': for file names and the README's instructions."""
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


def folder_name(pack: Pack | None) -> str:
    return f"{EXECUTABLE}-{pack.id}" if pack is not None else EXECUTABLE


def build(pack: Pack | None, out: Path, log: TextIO) -> Build:
    """Build the game (branded with ``pack``) into ``out``; raises ``BuildError``.

    ``out`` receives the folder and the zip, nothing else: PyInstaller's working files and its
    own output go to a temporary folder that is removed afterwards, also when the build fails.
    """
    if importlib.util.find_spec("PyInstaller") is None:
        raise BuildError(
            "PyInstaller is not installed in this Python; install the development tools with "
            "'make test' (or: python -m pip install -e '.[dev]') and try again"
        )
    out = out.resolve()
    name = folder_name(pack)
    folder = out / name
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BuildError(f"{out}: cannot make this folder: {error.strerror or error}") from None
    log.write(f"building {name} with PyInstaller (this takes a minute or two)…\n")
    log.flush()
    executable = folder / (EXECUTABLE + (".exe" if system_name() == "windows" else ""))
    with tempfile.TemporaryDirectory(prefix="ng-build-", ignore_cleanup_errors=True) as work:
        log_file = _run_pyinstaller(out, name, Path(work))
        if not executable.is_file():
            raise BuildError(
                f"PyInstaller made no {executable}; the end of its output:\n" + _tail(log_file)
            )
    _add_visible_files(folder, pack)
    archive = out / f"{name}-{system_name()}-{platform.machine().lower() or 'unknown'}.zip"
    _zip(folder, archive)
    return Build(folder, archive, executable)


def _run_pyinstaller(out: Path, name: str, work: Path) -> Path:
    """Run PyInstaller with its working files in ``work``; returns the file with its output."""
    environment = dict(os.environ)
    environment.update(NG_SOURCE_ROOT=str(SOURCE_ROOT), NG_EXECUTABLE=EXECUTABLE, NG_FOLDER=name)
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(out),
        "--workpath",
        str(work / "build"),
    ]
    log_file = work / "build.log"
    with log_file.open("w", encoding="utf-8") as handle:
        result = subprocess.run(
            command, cwd=SOURCE_ROOT, env=environment, stdout=handle, stderr=subprocess.STDOUT
        )
    if result.returncode != 0:
        raise BuildError(
            f"PyInstaller failed (exit {result.returncode}); the end of its output:\n"
            + _tail(log_file)
        )
    return log_file


def _tail(log_file: Path) -> str:
    return "\n".join(log_file.read_text(encoding="utf-8", errors="replace").splitlines()[-15:])


def _add_visible_files(folder: Path, pack: Pack | None) -> None:
    """Scenarios, the pack (or an example one) and the README, beside the executable."""
    scenarios = folder / "scenarios"
    if scenarios.exists():
        shutil.rmtree(scenarios)
    scenarios.mkdir()
    chosen = pack.game_scenarios(SCENARIO_DIR) if pack is not None else _yaml_files(SCENARIO_DIR)
    for path in chosen:
        shutil.copy2(path, scenarios / path.name)
    shutil.copy2(SCENARIO_DIR / SCHEMA, scenarios / SCHEMA)
    for leftover in (folder / PACK_FOLDER, folder / EXAMPLE_PACK):
        if leftover.exists():
            shutil.rmtree(leftover)
    if pack is not None:
        target = folder / PACK_FOLDER
        target.mkdir()
        _copy_sealed(pack, pack.file, target / PACK_FILE)
        if pack.logo is not None and pack.logo_file is not None:
            _copy_sealed(pack, pack.logo_file, target / pack.content.logo)
        for source in pack.files:  # the pack's own scenarios, with any pictures beside them
            if source.is_relative_to(pack.scenario_dir):
                _copy_sealed(pack, source, scenarios / source.relative_to(pack.scenario_dir))
    else:
        example = folder / EXAMPLE_PACK
        example.mkdir()
        text = starter_pack_text("mijn-organisatie", PACK_FOLDER)
        (example / PACK_FILE).write_text(text, encoding="utf-8", newline="\n")
    executable_name = EXECUTABLE + (".exe" if system_name() == "windows" else "")
    readme = readme_text(
        executable_name,
        system_name(),
        pack.name.get(pack.language) if pack is not None else None,
        has_example=pack is None,
    )
    newline = "\r\n" if system_name() == "windows" else "\n"
    (folder / "README.txt").write_text(readme, encoding="utf-8", newline=newline)


def _copy_sealed(pack: Pack, source: Path, destination: Path) -> None:
    """One of the files the pack's check accepted, read again as it was checked (plain, inside
    the pack, bounded) and written as a new plain file that replaces nothing."""
    if source not in pack.files:
        raise BuildError(f"{source}: the pack's check did not accept this file")
    try:
        data = read_pack_file(pack.folder, source, limit_for(source))
    except Refused as refused:
        raise BuildError(f"{source}: {refusal(refused)} (it changed after the check)") from None
    destination.parent.mkdir(parents=True, exist_ok=True)
    try:
        with destination.open("xb") as handle:
            handle.write(data)
    except FileExistsError:
        raise BuildError(
            f"{source}: the build already has a file {destination.name} there; rename the pack's"
        ) from None


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())


def _zip(folder: Path, archive: Path) -> None:
    """Zip ``folder`` (as the top folder inside), keeping the executable's permission bits.

    A link is stored as a link, which ``unzip`` and macOS's Archive Utility restore: PyInstaller
    keeps each of pygame's 26 libraries once (on Linux, in ``pygame_ce.libs``) and links it from
    where the loader looks for it; stored as copies they were 5 MB of the zip. Written beside as
    ``.part`` and renamed, so a zip that exists is a whole one.
    """
    partial = archive.with_name(archive.name + ".part")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
            for path in sorted(folder.rglob("*")):
                name = (Path(folder.name) / path.relative_to(folder)).as_posix()
                if path.is_symlink():
                    bundle.writestr(_link_entry(path, name), _link_target(folder, path))
                elif path.is_file():
                    bundle.write(path, name)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(archive)


def _link_target(folder: Path, link: Path) -> str:
    """Where ``link`` leads, as stored in the zip: a relative path to something in the build.

    Anything else would be broken once unzipped elsewhere, or would carry in what is outside.
    """
    target = os.readlink(link)
    if Path(target).is_absolute() or not (link.parent / target).resolve().is_relative_to(
        folder.resolve()
    ):
        raise BuildError(f"{link}: a link to {target}, outside the build; it cannot be zipped")
    if not (link.parent / target).exists():
        raise BuildError(f"{link}: a link to {target}, which is not there")
    return Path(target).as_posix()


def _link_entry(link: Path, name: str) -> zipfile.ZipInfo:
    """A zip entry that unzip makes into a link: a Unix entry with the link's file type."""
    entry = zipfile.ZipInfo(name, time.localtime(link.lstat().st_mtime)[:6])
    entry.create_system = 3  # Unix: only then do unzip and Archive Utility read the mode
    entry.external_attr = (stat.S_IFLNK | 0o777) << 16
    entry.compress_type = zipfile.ZIP_STORED
    return entry
