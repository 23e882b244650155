"""``ui.refreshable``: a section of a page that can be rebuilt by calling its function again.

A rebuild keeps element ids where it can: a rebuilt element of the same class and tag at the same
place takes over the old element's id, so the browser gets updates of what changed instead of a
removed and an inserted subtree::

    @ui.refreshable
    def cart() -> None:
        for item in items:
            ui.label(item)

    cart()                                     # builds it here
    ui.button("Add", on_click=lambda: (items.append("apple"), cart.refresh()))
"""
from __future__ import annotations

import functools
import weakref
from dataclasses import dataclass, field
from typing import Any, Callable, Generic, ParamSpec, TypeVar

from .element import Element

P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class _Section:
    container: Element
    args: tuple[Any, ...]
    kwargs: dict[str, Any] = field(default_factory=dict)


def _compatible(old: Element, new: Element) -> bool:
    return type(old) is type(new) and old.tag == new.tag and old.slot == new.slot


def _adopt(old: Element, new: Element) -> None:
    """``new`` replaces ``old`` under ``old``'s id; their children pair up the same way."""
    old_children = list(old.children)
    new.client._take_over(old, new)
    _pair_up(old_children, new.children)


def _pair_up(old_children: list[Element], new_children: list[Element]) -> None:
    """Pair each old child with the next compatible new one, in order; the rest are new or gone."""
    cursor = 0
    for old in old_children:
        match = next((i for i in range(cursor, len(new_children)) if _compatible(old, new_children[i])), None)
        if match is None:
            for node in list(old.descendants()):
                node._forget()
        else:
            _adopt(old, new_children[match])
            cursor = match + 1


def rebuild(container: Element, build: Callable[[], Any]) -> Any:
    """Empty ``container``, run ``build`` inside it, and let new elements take over old ids."""
    old_children = list(container.children)
    container.client.outbox.children_changing(container)
    container.children = []
    with container:
        result = build()
    _pair_up(old_children, container.children)
    return result


class _WeaklyBound:
    """``function`` bound to ``instance`` through a weak reference: the per-instance table of a
    refreshable method must not keep its instance (an element, and so its page) alive."""

    def __init__(self, function: Callable[..., Any], instance: Any) -> None:
        self._function = function
        self._instance = weakref.ref(instance)
        functools.update_wrapper(self, function)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        instance = self._instance()
        if instance is None:
            raise ReferenceError(f"the instance of {self._function.__qualname__} is gone")
        return self._function(instance, *args, **kwargs)


class refreshable(Generic[P, R]):
    """Decorate a function (or method) that builds UI; ``.refresh()`` rebuilds where it was called.

    Calling the function builds its UI in a container at the current place. ``refresh(*args)``
    rebuilds every live container of the function (for a method: of that instance), with new
    arguments if given, else with the ones it was built with.
    """

    def __init__(self, function: Callable[P, R]) -> None:
        self.function = function
        self._sections: list[_Section] = []
        self._by_instance: weakref.WeakKeyDictionary[Any, refreshable[Any, R]] = weakref.WeakKeyDictionary()
        functools.update_wrapper(self, function)

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        bound = self._by_instance.get(instance)
        if bound is None:
            bound = self._by_instance[instance] = refreshable(_WeaklyBound(self.function, instance))
        return bound

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        container = Element("div").classes("flaskui-refreshable")
        self.prune()   # sections of deleted pages would keep their clients alive
        self._sections.append(_Section(container, args, kwargs))
        with container:
            return self.function(*args, **kwargs)

    def refresh(self, *args: Any, **kwargs: Any) -> None:
        """Rebuild every live instance of this section."""
        self._sections = [section for section in self._sections if not section.container.deleted]
        for section in self._sections:
            if args or kwargs:
                section.args, section.kwargs = args, kwargs
            rebuild(section.container, functools.partial(self.function, *section.args, **section.kwargs))

    def prune(self) -> None:
        """Forget sections whose page is gone (``refresh`` does this too)."""
        self._sections = [section for section in self._sections if not section.container.deleted]
