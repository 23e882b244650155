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


@functools.lru_cache(maxsize=64)
def _framework_head(base: str, quasar_rest: bool) -> str:
    """The stylesheets, scripts and ``modulepreload`` links every page under ``base`` has.

    ``flaskui.js`` is flaskui's browser code in one module (bundled from ``frontend/src``); the
    modules it imports are preloaded, so the browser fetches them with it instead of after it:
    Quasar's core tier and, if the page needs it, the rest tier (whose module URL is also in the
    page's components).
    """
    modules = (*quasar.CORE_FILES, *(quasar.REST_FILES if quasar_rest else ()))
    return (
        f"<link rel=\"stylesheet\" href=\"{base}/vendor/quasar.prod.css\">"
        f"<link rel=\"stylesheet\" href=\"{base}/vendor/material-icons/material-icons.css\">"
        f"<link rel=\"stylesheet\" href=\"{base}/flaskui.css\">"
        f"<script src=\"{base}/vendor/vue.runtime.global.prod.js\" defer></script>"
        f"<script type=\"module\" src=\"{base}/flaskui.js\"></script>"
        + "".join(f"<link rel=\"modulepreload\" href=\"{base}/{name}\">" for name in modules)
    )


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
    quasar_rest = quasar.REST.name in component_urls
    component_preloads = "".join(f"<link rel=\"modulepreload\" href=\"{url}\">"
                                 for name, url in component_urls.items() if name != quasar.REST.name)
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{escape(client.title)}</title><link rel=\"icon\" href=\"data:,\">"
        f"{_framework_head(base, quasar_rest)}{component_preloads}"
        f"{''.join(client.runtime.head_html)}{''.join(client.head_html)}"
        "</head><body>"
        f"<script type=\"application/json\" id=\"flaskui-state\">{dumps(state).translate(_SCRIPT_ESCAPES)}</script>"
        "<div id=\"flaskui-app\"></div>"
        "<div id=\"flaskui-reconnecting\" hidden>Reconnecting…</div>"
        "</body></html>"
    )
