"""Framework assets (``flaskui/static``) under a content-hashed, immutably cached URL.

The version segment is a hash of every file, so a new release changes every asset URL and
browsers can cache each one forever. Files are read once, gzip-compressed once, and served from
memory::

    assets.url("flaskui.js")     # -> "/_flaskui/static/3f9a1c2e4b/flaskui.js"
"""
from __future__ import annotations

import gzip
import hashlib
import mimetypes
import os
from functools import cached_property
from pathlib import Path
from typing import cast

import gevent
from flask import Response, abort, request, url_for
from werkzeug.security import safe_join
from werkzeug.wrappers import Response as ResponseBase

STATIC_FOLDER = Path(__file__).parent / "static"
_COMPRESSIBLE = {".js", ".css", ".svg", ".json", ".txt", ".html", ".map"}
_TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".woff2": "font/woff2", ".css": "text/css"}
_YEAR = 365 * 24 * 3600


class StaticFile:
    """A file held in memory, raw and (if compressible) gzipped, served with ETag and nosniff."""

    def __init__(self, path: Path) -> None:
        self.data = path.read_bytes()
        self.etag = hashlib.sha1(self.data).hexdigest()[:16]
        self.mimetype = _TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.gzipped = gzip.compress(self.data, 6, mtime=0) if path.suffix in _COMPRESSIBLE else None

    def response(self, immutable: bool) -> ResponseBase:
        """The file for the current request: gzipped if accepted; cached forever if ``immutable``."""
        use_gzip = self.gzipped is not None and "gzip" in request.headers.get("Accept-Encoding", "")
        response = Response(self.gzipped if use_gzip else self.data, mimetype=self.mimetype)
        if use_gzip:
            response.headers["Content-Encoding"] = "gzip"
        response.headers["Vary"] = "Accept-Encoding"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Cache-Control"] = f"public, max-age={_YEAR}, immutable" if immutable else "public, max-age=60"
        response.set_etag(self.etag + ("-gz" if use_gzip else ""))
        return response.make_conditional(request)


def load_static_file(path: Path) -> StaticFile:
    """Read and gzip ``path`` in gevent's thread pool, once per process and file.

    zlib releases the GIL: compressing a multi-MiB library (plotly: ~120 ms) for its first visitor
    does not stall every other tab's greenlet meanwhile.
    """
    return cast(StaticFile, gevent.get_hub().threadpool.apply(StaticFile, (path,)))


class Assets:
    """The files under ``folder``, served at ``{core}/static/<version>/<path>``."""

    def __init__(self, folder: Path = STATIC_FOLDER, endpoint: str = "_flaskui.asset") -> None:
        self.folder = folder
        self.endpoint = endpoint
        self._files: dict[str, StaticFile] = {}

    @cached_property
    def version(self) -> str:
        digest = hashlib.sha1()
        for path in sorted(self.folder.rglob("*")):
            if path.is_file():
                digest.update(str(path.relative_to(self.folder)).encode())
                digest.update(path.read_bytes())
        return digest.hexdigest()[:10]

    def url(self, filename: str) -> str:
        return url_for(self.endpoint, version=self.version, filename=filename)

    def base_url(self) -> str:
        """The versioned folder URL, for relative imports between ES modules."""
        return self.url("_").rsplit("/", 1)[0]

    def _file(self, filename: str) -> StaticFile:
        cached = self._files.get(filename)
        if cached is None:
            path = safe_join(os.fspath(self.folder), filename)
            if path is None or not os.path.isfile(path):
                abort(404)
            cached = self._files[filename] = load_static_file(Path(path))
        return cached

    def response(self, version: str, filename: str) -> ResponseBase:
        """Serve one asset; an outdated version is served with a short cache, not immutably."""
        return self._file(filename).response(immutable=version == self.version)


#: The framework assets: one set per process; their URLs come from each app's routes.
ASSETS = Assets()
