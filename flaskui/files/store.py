"""Per-client file state, the app's upload elements, and the checks every file route shares.

One ``FileRegistry`` per app (``app.extensions["flaskui.files"]``) holds, for each client that
uses files, a ``ClientFiles``: its media entries and its pending downloads under a random token
that appears in their URLs. Everything of a client is dropped when the client is deleted::

    files = FileRegistry.of(client.app).client_files(client)
    files.media[key] = Source("cat.png", "image/png", data=png)
    client_url(client, "media", token=files.token, key=key, name="cat.png")
"""
from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Literal

from flask import Flask, abort, session

from ..session import BROWSER_KEY, same_browser
from .responses import Source

if TYPE_CHECKING:
    from ..client import Client
    from ..elements.upload import Upload


class ClientFiles:
    """One client's media entries (by key) and single-use downloads (by key)."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.token = secrets.token_urlsafe(16)
        self.media: dict[str, Source] = {}
        self.downloads: dict[str, Source] = {}


class FileRegistry:
    """An app's ``ClientFiles`` by URL token, and its upload elements by upload token."""

    def __init__(self) -> None:
        self._files: dict[str, ClientFiles] = {}
        self._of_client: dict[str, ClientFiles] = {}
        self.uploads: dict[str, Upload] = {}

    @staticmethod
    def of(app: Flask) -> FileRegistry:
        registry: FileRegistry = app.extensions.setdefault("flaskui.files", FileRegistry())
        return registry

    def client_files(self, client: Client) -> ClientFiles:
        """``client``'s files, created on first use and forgotten when the client is deleted."""
        files = self._of_client.get(client.id)
        if files is None:
            files = ClientFiles(client)
            if not client.deleted:
                self._files[files.token] = self._of_client[client.id] = files
                client.on_delete(lambda: self._forget(files))
        return files

    def _forget(self, files: ClientFiles) -> None:
        self._files.pop(files.token, None)
        self._of_client.pop(files.client.id, None)

    def find(self, token: str) -> ClientFiles | None:
        """The files behind a URL token, if their client is still alive."""
        files = self._files.get(token)
        return None if files is None or files.client.deleted else files

    def owned_entry(self, token: str, key: str, table: Literal["media", "downloads"]) -> tuple[ClientFiles, Source]:
        """Entry ``key`` of the ``table`` behind ``token``: 404 if there is none, 403 if the
        request does not come from the browser that owns it."""
        files = self.find(token)
        source = getattr(files, table).get(key) if files is not None else None
        if files is None or source is None:
            abort(404)
        if not owned_by_session(files.client):
            abort(403)
        return files, source


def owned_by_session(client: Client) -> bool:
    """Whether the current request carries the session cookie of the browser that owns ``client``."""
    return same_browser(client.browser_id, session.get(BROWSER_KEY))
