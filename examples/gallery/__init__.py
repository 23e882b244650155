"""The showcase's gallery: every element with a short, runnable code sample.

Each module of this package holds one family of elements; a demo is a function decorated with
``@demo("Title")`` whose body is both run (inside a card) and shown as its code sample::

    @demo("Label")
    def label() -> None:
        ui.label("Hello!")
"""
from __future__ import annotations

import inspect
import textwrap
from dataclasses import dataclass
from typing import Callable

Demo = Callable[[], None]


@dataclass
class Section:
    title: str
    function: Demo
    family: str

    @property
    def code(self) -> str:
        """The demo's body, dedented, as the sample to show."""
        source = inspect.getsource(self.function)
        body = source.split("\n", 2)[2]  # drop the decorator and the def line
        return textwrap.dedent(body).strip()


sections: list[Section] = []


def demo(title: str) -> Callable[[Demo], Demo]:
    """Register a demo under ``title`` in the family named by its module."""

    def register(function: Demo) -> Demo:
        sections.append(Section(title, function, function.__module__.rsplit(".", 1)[-1]))
        return function

    return register
