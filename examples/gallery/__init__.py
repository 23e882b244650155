"""The showcase's gallery: every element with a short, runnable code sample.

Each module of this package holds one family of elements; a demo is a function decorated with
``@demo("Title")`` whose body is both run (inside a card) and shown as its code sample::

    @demo("Label")
    def label() -> None:
        ui.label("Hello!")

A demo of an element that needs an optional package names it (``@demo("Pyplot", requires="matplotlib")``);
where that package is not installed, its card says which of flaskui's extras installs it instead.
"""
from __future__ import annotations

import importlib
import inspect
import textwrap
from dataclasses import dataclass
from typing import Callable

Demo = Callable[[], None]

#: The extra of flaskui that installs each optional package a demo may require.
EXTRAS = {"matplotlib": "plot"}


@dataclass
class Section:
    title: str
    function: Demo
    family: str
    requires: str | None = None

    @property
    def missing(self) -> str | None:
        """What to show instead of the demo when the package it requires is not installed; else None."""
        if self.requires is None:
            return None
        try:
            importlib.import_module(self.requires)
        except ImportError:
            return (f"This demo needs {self.requires}, which is not installed: "
                    f"pip install 'flaskui[{EXTRAS[self.requires]}]'")
        return None

    @property
    def code(self) -> str:
        """The demo's body, dedented, as the sample to show."""
        source = inspect.getsource(self.function)
        body = source.split("\n", 2)[2]  # drop the decorator and the def line
        return textwrap.dedent(body).strip()


sections: list[Section] = []


def demo(title: str, requires: str | None = None) -> Callable[[Demo], Demo]:
    """Register a demo under ``title`` in the family named by its module (``requires``: a key of ``EXTRAS``)."""

    def register(function: Demo) -> Demo:
        sections.append(Section(title, function, function.__module__.rsplit(".", 1)[-1], requires))
        return function

    return register
