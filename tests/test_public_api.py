"""The public names: ``ui``'s list is one list, and every event-argument class is exported."""
from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import subprocess
import sys
from pathlib import Path

import flaskui
from flaskui import ui
from flaskui.events import EventArguments

UI_SOURCE = Path(ui.__file__).read_text()


def _type_checking_imports(source: str) -> dict[str, tuple[str, str]]:
    """``{name: (module, attribute)}`` of the ``if TYPE_CHECKING:`` block of a module's source."""
    names: dict[str, tuple[str, str]] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom)
                for alias in statement.names:
                    names[alias.asname or alias.name] = ("." * statement.level + (statement.module or ""), alias.name)
    return names


def test_ui_names_are_one_list_that_type_checkers_and_linters_see_too() -> None:
    imports = _type_checking_imports(UI_SOURCE)
    assert sorted(imports) == sorted(ui._LAZY) == ui.__all__
    for name, (module, attribute) in imports.items():
        assert getattr(ui, name) is getattr(importlib.import_module(module, "flaskui"), attribute), name


def test_every_event_argument_class_is_exported() -> None:
    defined = set()
    for module in pkgutil.walk_packages(flaskui.__path__, "flaskui."):
        if module.name.startswith(("flaskui.testing", "flaskui.__main__")):
            continue
        for name, value in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            if issubclass(value, EventArguments) and value.__module__ == module.name:
                defined.add(name)
    assert defined <= set(flaskui.__all__)
    for name in defined:
        assert issubclass(getattr(flaskui, name), EventArguments)
    assert sorted(_type_checking_imports(Path(flaskui.__file__).read_text())) == sorted(flaskui._LAZY)
    assert set(flaskui._LAZY) <= set(flaskui.__all__)


def test_importing_flaskui_loads_no_element_module() -> None:
    loaded = subprocess.run([sys.executable, "-c", "import sys, flaskui; print(sorted(m for m in sys.modules "
                             "if m.startswith('flaskui.elements')))"], capture_output=True, text=True, check=True)
    assert loaded.stdout == "[]\n"   # ui.* and the event arguments load their modules on first use
