"""Quasar in two tiers: ``core.js`` on every page, ``rest.js`` only on pages that need it.

``frontend/quasar-build.mjs`` builds both tiers from Quasar's sources. ``core.js`` has the
components most pages use (the page frame, buttons, text fields, cards, lists...); ``rest.js`` the
others (tables, selects, pickers, trees...). Its ``manifest.json`` lists each tier's files (the
module and the chunks it imports, which the page preloads) and the tier of every component tag.

A tab loads the rest tier like a custom component: announced before the first element whose
tag is in it, or before a custom component whose source names something only it has::

    "q-table" in REST_TAGS                       # -> True; "q-btn" is in core.js
    names_rest_tier("h(Quasar.QSelect, props)")  # -> True
    REST.url(client)                             # -> "/_flaskui/static/3f9a1c2e4b/vendor/quasar/rest.js"
"""
from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from .assets import ASSETS, STATIC_FOLDER
from .urls import client_url

if TYPE_CHECKING:
    from .client import Client
    from .components import ComponentModule

_FOLDER = "vendor/quasar"
_MANIFEST = json.loads((STATIC_FOLDER / _FOLDER / "manifest.json").read_text(encoding="utf-8"))

#: The core tier's files (static folder paths), its module first: every page preloads them.
CORE_FILES: tuple[str, ...] = tuple(f"{_FOLDER}/{name}" for name in _MANIFEST["core"])
#: The rest tier's files that the core tier does not already bring.
REST_FILES: tuple[str, ...] = tuple(f"{_FOLDER}/{name}" for name in _MANIFEST["rest"])
#: Tags of the components in ``rest.js`` (``"q-table"``).
REST_TAGS: frozenset[str] = frozenset(tag for tag, tier in _MANIFEST["tags"].items() if tier == "rest")
# What only rest.js puts on `window.Quasar`: component names (QTable), utils and composables (date).
_REST_NAMES: frozenset[str] = frozenset(_MANIFEST["rest_names"])

# A tag (`q-table`, in a template or `resolveComponent`) or a name (`QTable`, `Quasar.date`).
_NAME = re.compile(r"\b(q-[a-z]+(?:-[a-z]+)*)\b|\bQuasar\.(\w+)|\b(Q[A-Z]\w*)\b")


def names_rest_tier(source: str) -> bool:
    """Whether JavaScript ``source`` names something only the rest tier has: a component by tag
    (``<q-select``, ``resolveComponent('q-table')``) or by name (``QSelect``), or one of
    ``window.Quasar``'s utils or composables (``Quasar.date``)."""
    for tag, attribute, name in _NAME.findall(source):
        if tag in REST_TAGS or attribute in _REST_NAMES or name in _REST_NAMES:
            return True
    return False


class RestTier:
    """``rest.js`` as a module a tab loads (see ``Client._use_component``); the browser registers
    its ``components`` export by tag (``frontend/src/components.js``)."""

    name = "quasar"
    requires: tuple[ComponentModule, ...] = ()

    def url(self, client: Client) -> str:
        """``rest.js``'s URL for ``client``'s tab: next to ``core.js``, so both share one copy of
        their chunks (and of Quasar's internals)."""
        return client_url(client, "asset", version=ASSETS.version, filename=f"{_FOLDER}/rest.js")


REST = RestTier()
