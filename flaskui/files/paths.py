"""Safe file names: resolving a URL's path inside a folder, and cleaning names browsers send.

A URL path is decoded once by Werkzeug's router; what reaches ``resolve`` is refused if it could
leave the folder on any platform (``..``, absolute paths, drive letters, backslashes, NUL) or if
its real path, symlinks followed, lies outside the folder::

    resolve(Path("assets"), "css/site.css")      # -> Path(".../assets/css/site.css")
    resolve(Path("assets"), "../secret.txt")     # -> None
    clean_filename("C:\\\\Users\\\\ada\\\\résumé.pdf")    # -> "résumé.pdf"
"""
from __future__ import annotations

import ntpath
import os
import unicodedata
from pathlib import Path

from werkzeug.security import safe_join

_MAX_NAME_BYTES = 255


def resolve(folder: Path, relative: str, follow_symlinks: bool = False) -> Path | None:
    """The regular file ``relative`` names inside ``folder``, or None if there is none or it escapes.

    Args:
        folder: the served folder (already absolute).
        relative: the path from the URL, ``/``-separated.
        follow_symlinks: allow symlinks whose target lies outside ``folder``.
    """
    # safe_join knows POSIX rules only on POSIX; a backslash or drive would escape on Windows
    if "\\" in relative or "\x00" in relative or any(ntpath.splitdrive(part)[0] for part in relative.split("/")):
        return None
    joined = safe_join(os.fspath(folder), relative)
    if joined is None:
        return None
    real = Path(os.path.realpath(joined))
    if not follow_symlinks and not real.is_relative_to(os.path.realpath(folder)):
        return None
    return real if real.is_file() else None


def clean_filename(name: str | None, default: str = "upload") -> str:
    """A browser-sent file name without directories, control characters or dot-only names.

    Unlike ``werkzeug.utils.secure_filename`` it keeps non-ASCII letters, so names stay readable;
    the result is still safe to join to a folder (``folder / clean_filename(name)``).
    """
    base = ntpath.basename((name or "").replace("/", "\\"))
    text = "".join(c for c in unicodedata.normalize("NFC", base) if not unicodedata.category(c).startswith("C"))
    text = text.strip()
    if not text.strip("."):
        return default
    if len(text.encode()) > _MAX_NAME_BYTES:  # most file systems' limit; keep the extension
        stem, suffix = os.path.splitext(text)
        if len(suffix.encode()) > 32:
            stem, suffix = text, ""
        text = stem.encode()[:_MAX_NAME_BYTES - len(suffix.encode())].decode(errors="ignore") + suffix
    return text
