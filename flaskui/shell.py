"""The HTML a page GET returns: the framework assets and the initial element tree inline.

The tree is a JSON script, so the page's texts are in the HTML itself (the Flask test client and
search engines see them) and the browser renders without waiting for the socket.
"""
from __future__ import annotations

import functools
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from flask import Flask, url_for
from markupsafe import escape

from . import quasar
from .outbox import dumps

if TYPE_CHECKING:
    from .assets import Assets
    from .client import Client

_SCRIPT_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


@functools.lru_cache(maxsize=64)
def _core_urls(app: Flask, script_root: str, assets: Assets) -> tuple[str, str]:
    """The websocket path and the asset folder URL for pages under ``script_root``.

    They only change with the app and its mount point; two ``url_for`` calls per page GET cost
    about 3 % of it.
    """
    return urlsplit(url_for("_flaskui.websocket")).path, assets.base_url()


def render(client: Client, assets: Assets) -> str:
    """The page HTML for ``client`` as it is now (frame ``client.outbox.frame_id``)."""
    websocket_path, base = _core_urls(client.app, client.script_root, assets)
    component_urls = client.component_urls()
    state = {
        "client": client.id,
        "frame": client.outbox.frame_id,
        "root": client.layout.id,
        "elements": client.layout.subtree_dict(),
        "components": component_urls,
        "ws": websocket_path,
        "reconnect_timeout": client.runtime.settings.reconnect_timeout,
        "dark": client.dark,
    }
    # Every module the page will import, fetched at once instead of one import level at a time:
    # Quasar's core tier, flaskui's modules, then the components (and the rest tier's chunks).
    modules = [f"{base}/{name}" for name in (*quasar.CORE_FILES, *assets.imports("flaskui.js"))]
    if quasar.REST.name in client.components:
        modules += (f"{base}/{name}" for name in quasar.REST_FILES)
    modules += component_urls.values()
    preloads = "".join(f"<link rel=\"modulepreload\" href=\"{url}\">" for url in dict.fromkeys(modules))
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{escape(client.title)}</title><link rel=\"icon\" href=\"data:,\">"
        f"<link rel=\"stylesheet\" href=\"{base}/vendor/quasar.prod.css\">"
        f"<link rel=\"stylesheet\" href=\"{base}/vendor/material-icons/material-icons.css\">"
        f"<link rel=\"stylesheet\" href=\"{base}/flaskui.css\">"
        f"<script src=\"{base}/vendor/vue.global.prod.js\" defer></script>"
        f"<script type=\"module\" src=\"{base}/flaskui.js\"></script>"
        f"{preloads}"
        f"{''.join(client.runtime.head_html)}{''.join(client.head_html)}"
        "</head><body>"
        f"<script type=\"application/json\" id=\"flaskui-state\">{dumps(state).translate(_SCRIPT_ESCAPES)}</script>"
        "<div id=\"flaskui-app\"></div>"
        "<div id=\"flaskui-reconnecting\" hidden>Reconnecting…</div>"
        "</body></html>"
    )
