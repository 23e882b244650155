"""``ui.download``: make the current tab save bytes, text, a server file or a URL.

Content and files go through a single-use URL of this tab (``flaskui.files.downloads``), never
through the websocket; the tab gets a ``["dl", url, filename]`` op and clicks a temporary
``<a download>``::

    ui.download.content("a,b\\n1,2\\n", "table.csv")
    ui.download.file(Path("reports/2024.pdf"), "Bericht 2024 – März.pdf")
    ui.download.from_url("https://example.com/data.zip")
"""
from __future__ import annotations

import mimetypes
import os
from pathlib import Path

from ..context import current_client
from ..files.downloads import offer
from ..files.responses import Source


def _start(url: str, filename: str) -> None:
    current_client().outbox.enqueue_message(["dl", url, filename])


class Download:
    """``ui.download``: start a download in the current tab."""

    @staticmethod
    def content(content: bytes | str, filename: str, media_type: str | None = None) -> None:
        """Save ``content`` (text is UTF-8 encoded) as ``filename``.

        Args:
            content: the bytes or text.
            filename: the name the browser saves it under (any Unicode).
            media_type: the MIME type (default: guessed from ``filename``).
        """
        data = content.encode() if isinstance(content, str) else bytes(content)
        media_type = media_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
        _start(offer(current_client(), Source(filename, media_type, data=data)), filename)

    @staticmethod
    def file(path: str | os.PathLike[str], filename: str | None = None) -> None:
        """Save the server's file at ``path`` as ``filename`` (default: its own name).

        Raises:
            FileNotFoundError: ``path`` is not a file.
        """
        file = Path(path).resolve()
        if not file.is_file():
            raise FileNotFoundError(f"{file} is not a file")
        name = filename or file.name
        _start(offer(current_client(), Source(name, path=str(file))), name)

    @staticmethod
    def from_url(url: str, filename: str | None = None) -> None:
        """Save what ``url`` points to; ``filename`` is a hint the browser follows for same-origin URLs."""
        _start(url, filename or "")


download = Download()
