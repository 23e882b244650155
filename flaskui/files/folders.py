"""App files on a flaskui Blueprint: static folders and files, media folders and files.

They are Blueprint methods, so they work like Flask's own ``static_folder``: call them before
``register_blueprint``; every app the Blueprint is registered on serves them under the
Blueprint's ``url_prefix`` (and the app's ``SCRIPT_NAME``); a relative folder is relative to the
Blueprint's ``root_path`` (the folder of the module that created it)::

    pages = flaskui.Blueprint("pages", __name__)
    pages.add_static_files("/assets", "assets")               # /assets/<path>, max-age 1 hour
    logo = pages.add_static_file("assets/logo.svg")            # -> "/_files/2b7e1f9c/logo.svg"
    pages.add_media_files("/recordings", "/srv/recordings")   # Range requests, revalidated
    app.register_blueprint(pages, url_prefix="/shop")          # /shop/assets/..., /shop/recordings/...

Every path is resolved with ``paths.resolve`` (no way out of the folder) and every response
carries an ETag, ``Last-Modified``, ``Cache-Control``, ``nosniff`` and Range support.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import flask
from flask import abort
from werkzeug.wrappers import Response

from .paths import resolve
from .responses import Source, send


def _endpoint(url_path: str) -> str:
    return url_path.strip("/").replace("/", "_").replace(".", "_") or "files"


def _cache(max_age: int) -> str:
    return f"public, max-age={max_age}" if max_age > 0 else "no-cache"


class FileRoutes(flask.Blueprint):
    """The file methods of ``flaskui.Blueprint``."""

    def _folder(self, folder: str | os.PathLike[str]) -> Path:
        return Path(os.path.realpath(os.path.join(self.root_path, folder)))

    def add_static_files(self, url_path: str, folder: str | os.PathLike[str], *, max_age: int = 3600,
                         follow_symlinks: bool = False, endpoint: str | None = None) -> None:
        """Serve the files of ``folder`` at ``{url_path}/<path>``.

        Args:
            url_path: where, e.g. ``"/assets"``, under the Blueprint's ``url_prefix``.
            folder: the folder, absolute or relative to the Blueprint's ``root_path``.
            max_age: seconds browsers may use a file without asking again (0: always revalidate).
            follow_symlinks: serve symlinks that point outside ``folder`` (off: they are 404).
            endpoint: the endpoint name for ``url_for`` (default: ``url_path`` as a name,
                ``"/assets"`` → ``url_for("pages.assets", filename="logo.svg")``).
        """
        root = self._folder(folder)
        if not root.is_dir():
            raise NotADirectoryError(f"{root} is not a folder")
        cache = _cache(max_age)

        def view(filename: str) -> Response:
            path = resolve(root, filename, follow_symlinks)
            if path is None:
                abort(404)
            return send(Source(path.name, path=str(path)), cache=cache)

        self.add_url_rule(f"{url_path.rstrip('/')}/<path:filename>", endpoint or _endpoint(url_path), view)

    def add_static_file(self, path: str | os.PathLike[str], url_path: str | None = None, *, max_age: int = 3600,
                        endpoint: str | None = None) -> str:
        """Serve one file at ``url_path``; returns the URL path (under the Blueprint's prefix).

        Without ``url_path`` the file gets ``/_files/<hash of its path>/<its name>``.
        """
        file = self._folder(path)
        if not file.is_file():
            raise FileNotFoundError(f"{file} is not a file")
        if url_path is None:
            url_path = f"/_files/{hashlib.sha256(str(file).encode()).hexdigest()[:8]}/{file.name}"
        cache = _cache(max_age)

        def view() -> Response:
            return send(Source(file.name, path=str(file)), cache=cache)

        self.add_url_rule(url_path, endpoint or _endpoint(url_path), view)
        return url_path

    def add_media_files(self, url_path: str, folder: str | os.PathLike[str], *, max_age: int = 0,
                        follow_symlinks: bool = False, endpoint: str | None = None) -> None:
        """Serve large media (video, audio) from ``folder``: ``add_static_files`` revalidating each use.

        Browsers play and seek with Range requests; with ``max_age=0`` a re-recorded file shows at
        once, while an unchanged one costs a 304.
        """
        self.add_static_files(url_path, folder, max_age=max_age, follow_symlinks=follow_symlinks, endpoint=endpoint)

    def add_media_file(self, path: str | os.PathLike[str], url_path: str | None = None, *, max_age: int = 0,
                       endpoint: str | None = None) -> str:
        """Serve one media file (see ``add_media_files``); returns its URL path."""
        return self.add_static_file(path, url_path, max_age=max_age, endpoint=endpoint)
