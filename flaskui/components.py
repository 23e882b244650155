"""Vue components that elements bring along, served only to pages that use them.

An element class names its component file (an ES module whose default export is a Vue component)
and the files that file loads; only those declared files are reachable, under a URL that changes
with their content::

    class Counter(ui.element, component="counter.js", dependencies=["confetti.min.js"]):
        def __init__(self, start: int = 0) -> None:
            super().__init__()
            self.props["value"] = start

Inside ``counter.js``, load a declared file relative to the module:
``await flaskui.loadScript(new URL("confetti.min.js", import.meta.url))``. A component file that
(or a declared module it imports) names Quasar components (``<q-select>`` in a template,
``resolveComponent("q-table")``, ``Quasar.QSelect``) or utils (``Quasar.date``) of its rest tier
gets that tier loaded before it (see ``flaskui.quasar``).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from flask import abort
from werkzeug.wrappers import Response

from . import quasar
from .assets import StaticFile, load_static_file
from .urls import client_url

if TYPE_CHECKING:
    from .client import Client

_registry: dict[str, Component] = {}
# A module next to this one that it imports or re-exports, statically or dynamically.
_RELATIVE_IMPORT = re.compile(r"""
    ^\s*(?:import|export)\b[^;'"(]*['"]\./([\w.-]+\.m?js)['"]    # import x from './x.js'; export {x} from ...
    | \bimport\(\s*['"]\./([\w.-]+\.m?js)['"]\s*\)              # import('./x.js')
""", re.MULTILINE | re.VERBOSE)


class ComponentModule(Protocol):
    """An ES module a tab loads before it renders the elements that use it."""

    name: str
    #: Modules the tab must have loaded before this one.
    requires: tuple[ComponentModule, ...]

    def url(self, client: Client) -> str:
        """The module's URL for ``client``'s tab."""
        ...


@dataclass
class Component:
    """A component file and its dependencies, served at ``{core}/components/<key>/<file name>``."""

    name: str
    files: dict[str, Path]
    requires: tuple[ComponentModule, ...] = ()
    key: str = ""
    _cache: dict[str, StaticFile] = field(default_factory=dict)

    def __post_init__(self) -> None:
        digest = hashlib.sha1()
        for filename, path in sorted(self.files.items()):
            digest.update(filename.encode() + b"\0" + path.read_bytes())
        self.key = f"{self.name}-{digest.hexdigest()[:10]}"

    @property
    def entry(self) -> str:
        """The component module's file name."""
        return next(iter(self.files))

    def url(self, client: Client) -> str:
        """The component module's URL for ``client``'s tab."""
        return client_url(client, "component", key=self.key, filename=self.entry)


def register(name: str, component_file: Path, dependencies: list[Path]) -> Component:
    """Declare a component (its file first) and the files it may load."""
    files = {component_file.name: component_file}
    for dependency in dependencies:
        if dependency.name in files:
            raise ValueError(f"component {name!r} declares two files named {dependency.name!r}")
        files[dependency.name] = dependency
    for path in files.values():
        if not path.is_file():
            raise FileNotFoundError(f"component {name!r} declares {path}, which is not a file")
    sources = _module_sources(files, component_file.name)
    requires = (quasar.REST,) if any(quasar.names_rest_tier(source) for source in sources) else ()
    component = _registry[name] = Component(name, files, requires)
    return component


def _module_sources(files: dict[str, Path], entry: str) -> Iterator[str]:
    """The source of the entry module and of the declared modules it imports (``import ... from
    './x.js'`` or ``import('./x.js')``), at any depth; not the classic scripts it loads."""
    seen: set[str] = set()
    pending = [entry]
    while pending:
        filename = pending.pop()
        if filename in seen or filename not in files:
            continue
        seen.add(filename)
        source = files[filename].read_text(encoding="utf-8")
        yield source
        pending.extend(name for pair in _RELATIVE_IMPORT.findall(source) for name in pair if name)


def serve(key: str, filename: str) -> Response:
    """``GET {core}/components/<key>/<filename>``: a declared file, or 404."""
    name = key.rsplit("-", 1)[0]
    component = _registry.get(name)
    if component is None or filename not in component.files:
        abort(404)
    cached = component._cache.get(filename)
    if cached is None:
        cached = component._cache[filename] = load_static_file(component.files[filename])
    return cached.response(immutable=component.key == key)
