"""Safe file names: resolving a URL's path inside a folder, and cleaning names browsers send.

A URL path is decoded once by Werkzeug's router; what reaches ``resolve`` is refused if it could
leave the folder on any platform (``..``, absolute paths, drive letters, backslashes, NUL) or if
its real path, symlinks followed, lies outside the folder::

    resolve(Path("assets"), "css/site.css")      # -> Path(".../assets/css/site.css")
    resolve(Path("assets"), "../secret.txt")     # -> None
    clean_filename("C:\\\\Users\\\\ada\\\\résumé.pdf")    # -> "résumé.pdf"
    part_filename('form-data; name="file"; filename="C:\\\\ada\\\\a%22b.txt"')  # -> 'C:\\\\ada\\\\a"b.txt'
"""
from __future__ import annotations

import ntpath
import os
import re
import unicodedata
from pathlib import Path

from werkzeug.http import parse_options_header
from werkzeug.security import safe_join

_MAX_NAME_BYTES = 255
# a multipart part's parameters as browsers write them: quoted strings hold no backslash escapes
_PART_PARAMETER = re.compile(r';\s*([^\s=;]+)\s*=\s*(?:"([^"]*)"|([^;\s]*))')
_BROWSER_ESCAPES = {"%22": '"', "%0D": "\r", "%0A": "\n"}


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


def part_filename(content_disposition: str) -> str | None:
    """The file name a multipart part's ``Content-Disposition`` header carries, as the browser meant it.

    Browsers follow the HTML standard's form encoding: a quoted ``filename`` escapes only ``"``,
    CR and LF (as ``%22``, ``%0D``, ``%0A``) and never uses backslash escapes, so a backslash is
    part of the name (a Windows path). Werkzeug from 3.1.9 unescapes backslashes as in an HTTP
    quoted-string (``C:\\Users\\ada`` became ``C:Usersada``), hence this reading of the raw header.
    An RFC 5987 ``filename*`` wins over ``filename``.
    """
    names: dict[str, str] = {}
    for key, quoted, token in _PART_PARAMETER.findall(content_disposition):
        names.setdefault(key.lower(), quoted or token)
    if "filename*" in names:
        return parse_options_header(content_disposition)[1].get("filename")
    if "filename" not in names:
        return None
    return re.sub("%22|%0D|%0A", lambda match: _BROWSER_ESCAPES[match.group().upper()], names["filename"],
                  flags=re.IGNORECASE)
