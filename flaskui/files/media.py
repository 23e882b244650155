"""A client's media: bytes, images and files shown by ``ui.image``/``ui.audio``/``ui.video``.

Each source becomes an entry of the client's ``ClientFiles`` and a URL under
``{prefix}/_flaskui/media/<client token>/<key>/<name>``. Bytes and images are keyed by a hash of
their content and cached immutably (the same picture shown twice is stored and fetched once); a
file on disk is keyed by its path, size and modification time and revalidated by ETag. Entries
stay until the client is deleted, so a URL in the page never turns into a "missing file"::

    media_url(client, b"\\x89PNG...")                # -> "/_flaskui/media/Xy.../9f2c.../image.png"
    media_url(client, Path("clips/intro.webm"))     # served from disk, with Range support
    media_url(client, "https://example.com/a.png")  # a URL is used as it is
"""
from __future__ import annotations

import hashlib
import io
import mimetypes
import os
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol, Union

from flask import current_app
from werkzeug.wrappers import Response

from .responses import Source, send
from ..urls import client_url
from .store import FileRegistry

if TYPE_CHECKING:
    from ..client import Client

_YEAR = 365 * 24 * 3600

# Leading bytes of the formats browsers show: (offset, signature, media type).
_SIGNATURES = [
    (0, b"\x89PNG\r\n\x1a\n", "image/png"), (0, b"\xff\xd8\xff", "image/jpeg"), (0, b"GIF8", "image/gif"),
    (8, b"WEBP", "image/webp"), (0, b"<svg", "image/svg+xml"), (0, b"<?xml", "image/svg+xml"),
    (0, b"\x1aE\xdf\xa3", "video/webm"), (4, b"ftyp", "video/mp4"), (0, b"OggS", "audio/ogg"),
    (8, b"WAVE", "audio/wav"), (0, b"fLaC", "audio/flac"), (0, b"ID3", "audio/mpeg"), (0, b"\xff\xfb", "audio/mpeg"),
]


class ImageLike(Protocol):
    """A PIL image (Pillow is optional: any object PIL's ``Image.save`` accepts works)."""

    def save(self, fp: IO[bytes], format: str | None = None) -> None: ...


MediaSource = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, ImageLike]


def sniff(data: bytes, default: str = "application/octet-stream") -> str:
    """The media type of ``data`` from its first bytes, for the formats browsers display."""
    for offset, signature, media_type in _SIGNATURES:
        if data[offset:offset + len(signature)] == signature:
            return media_type
    return default


def _is_pil_image(source: object) -> bool:
    image_module = sys.modules.get("PIL.Image")  # a PIL image exists only if PIL was imported
    return image_module is not None and isinstance(source, image_module.Image)


def _entry(source: Any, media_type: str | None, name: str) -> tuple[str, Source]:
    if isinstance(source, os.PathLike):
        path = Path(source).resolve(strict=True)
        if not path.is_file():
            raise FileNotFoundError(f"{path} is not a file")
        stat = path.stat()
        key = hashlib.sha256(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}".encode()).hexdigest()[:32]
        media_type = media_type or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return key, Source(path.name, media_type, path=str(path))
    if _is_pil_image(source):
        buffer = io.BytesIO()
        source.save(buffer, format="PNG")
        source, media_type = buffer.getvalue(), "image/png"
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        key = hashlib.sha256(data).hexdigest()[:32]
        media_type = media_type or sniff(data)
        subtype = media_type.rpartition("/")[2]
        extension = mimetypes.guess_extension(media_type) or (f".{subtype}" if subtype.isalnum() else "")
        return key, Source(name + extension, media_type, data=data, etag=key)
    raise TypeError(f"a media source is a URL, a path, bytes or a PIL image, not {type(source).__name__}")


def media_url(client: Client, source: MediaSource, media_type: str | None = None, name: str = "media") -> str:
    """The URL ``client``'s tab loads ``source`` from.

    Args:
        client: the client whose page shows it.
        source: a URL (``str``, used as it is), a path (``pathlib.Path``), bytes, or a PIL image.
        media_type: the MIME type; guessed from the file name or the data's first bytes if None.
        name: the file name for bytes (an extension is added), as shown by "Save as".

    Raises:
        FileNotFoundError: a path that does not exist.
    """
    if isinstance(source, str):
        return source
    key, entry = _entry(source, media_type, name)
    files = FileRegistry.of(client.app).client_files(client)
    files.media[key] = entry
    return client_url(client, "media", token=files.token, key=key, name=entry.name)


def media_view(token: str, key: str, name: str) -> Response:
    """``GET {prefix}/_flaskui/media/<token>/<key>/<name>``: only for the owning browser."""
    _, source = FileRegistry.of(current_app).owned_entry(token, key, "media")
    if source.data is not None:  # content-addressed: this URL never changes what it shows
        return send(source, cache=f"private, max-age={_YEAR}, immutable")
    return send(source, cache="private, no-cache")
