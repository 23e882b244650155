"""Quasar in two tiers: ``core.js`` on every page, ``rest.js`` only on pages that need it.

``frontend/quasar-build.mjs`` builds both tiers from Quasar's sources. ``core.js`` has the
components most pages use (the page frame, buttons, text fields, cards, lists...); ``rest.js`` the
others (tables, selects, pickers, trees...). Its ``manifest.json`` lists each tier's files (the
module and the chunks it imports, which the page preloads) and the tier of every component tag.

A tab loads the rest tier like a custom component: announced before the first element that needs
it, or by a custom component whose source names a rest-tier component::

    needs_rest("q-table")     # -> True
    needs_rest("q-btn")       # -> False, core.js has it
    REST.url(client)          # -> "/_flaskui/static/3f9a1c2e4b/vendor/quasar/rest.js"
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

# `q-table` or `QTable`, as a template, `resolveComponent` or `Quasar.QTable` would name it.
_COMPONENT_NAME = re.compile(r"\bq-[a-z]+(?:-[a-z]+)*\b|\bQ[A-Z][A-Za-z]*\b")


def _tag(name: str) -> str:
    """``QBtnDropdown`` -> ``q-btn-dropdown``; tags stay as they are."""
    return name if name.startswith("q-") else re.sub(r"(?<!^)([A-Z])", r"-\1", name).lower()


def needs_rest(tag: str) -> bool:
    """Whether an element with ``tag`` renders a component of the rest tier."""
    return tag in REST_TAGS


def names_rest_component(source: str) -> bool:
    """Whether JavaScript ``source`` names a rest-tier component (``<q-select``, ``Quasar.QSelect``)."""
    return any(_tag(name) in REST_TAGS for name in _COMPONENT_NAME.findall(source))


class RestTier:
    """``rest.js`` as a module a tab loads (see ``Client._use_component``); its ``components``
    export registers every rest-tier component by tag."""

    name = "quasar"
    requires: tuple[ComponentModule, ...] = ()

    def url(self, client: Client) -> str:
        return client_url(client, "asset", version=ASSETS.version, filename=f"{_FOLDER}/rest.js")


REST = RestTier()
