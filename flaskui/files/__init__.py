"""Files: app static and media folders, per-client media, uploads and downloads.

Routes of the core blueprint (``{prefix}/_flaskui/...``), all behind safe path handling and
``nosniff``:

- ``media/<token>/<key>/<name>``: a client's images, audio and video (``media``);
- ``upload/<token>``: every upload element's POST target (``uploads``);
- ``download/<token>/<key>``: single-use downloads (``downloads``).

App folders are served by routes on the user's Blueprint (``folders.FileRoutes``)::

    pages.add_static_files("/assets", "assets")
"""
from __future__ import annotations

import flask

from .downloads import download_view
from .media import media_view
from .uploads import UploadedFile, upload_view

__all__ = ["UploadedFile", "register_routes"]


def register_routes(core: flask.Blueprint) -> None:
    """Add the file routes to the core blueprint."""
    core.add_url_rule("/_flaskui/media/<token>/<key>/<name>", "media", media_view)
    core.add_url_rule("/_flaskui/upload/<token>", "upload", upload_view, methods=["POST"])
    core.add_url_rule("/_flaskui/download/<token>/<key>", "download", download_view)
