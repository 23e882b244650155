"""Bindings: keep an element property and an attribute (or dict key) of any object in step.

Sources that can tell when they change propagate at once, without a polling loop: element
properties (``value``, ``text``, ``visible``) and attributes declared with ``BindableProperty``
(or classes made with ``bindable_dataclass``). Plain attributes and dict keys cannot notify; links
from them are checked by one polling greenlet per hub, every ``POLL_INTERVAL`` seconds, only
while such links exist::

    @binding.bindable_dataclass
    class Settings:
        volume: int = 5

    settings = Settings()
    ui.slider(min=0, max=10).bind_value(settings, "volume")   # two-way, no polling
    ui.label().bind_text_from(settings, "volume", backward=lambda v: f"volume {v}")
    ui.label("muted").bind_visibility_from(state_dict, "muted")  # a dict: polled
"""
from __future__ import annotations

import dataclasses
import weakref
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Generic, TypeVar

import gevent

if TYPE_CHECKING:
    from .element import Element

#: Seconds between checks of links whose source cannot notify (plain attributes, dict keys).
POLL_INTERVAL = 0.1

T = TypeVar("T")
Transform = Callable[[Any], Any]
_MISSING = object()


def get_attribute(source: Any, name: str) -> Any:
    """``source[name]`` for mappings, ``getattr(source, name)`` otherwise."""
    return source[name] if isinstance(source, MutableMapping) else getattr(source, name)


def set_attribute(target: Any, name: str, value: Any) -> None:
    if isinstance(target, MutableMapping):
        target[name] = value
    else:
        setattr(target, name, value)


@dataclass(eq=False)
class Link:
    """One direction of a binding: ``target.target_name = transform(source.source_name)``."""

    source: Any
    source_name: str
    target: Any
    target_name: str
    transform: Transform
    owner: Element
    last: Any = _MISSING

    def propagate(self, value: Any) -> None:
        self.last = value
        new = self.transform(value)
        if get_attribute(self.target, self.target_name) != new:
            set_attribute(self.target, self.target_name, new)


_links: dict[tuple[int, str], list[Link]] = {}
# Polled links per gevent hub (one per thread), each with its own polling greenlet.
_polled: weakref.WeakKeyDictionary[Any, list[Link]] = weakref.WeakKeyDictionary()


def notify(source: Any, name: str, value: Any) -> None:
    """``source.name`` changed to ``value``: propagate it to everything bound to it."""
    links = _links.get((id(source), name))
    if links:
        for link in list(links):
            if not link.owner.deleted:
                link.propagate(value)


def _can_notify(source: Any, name: str) -> bool:
    from .element import Element

    if isinstance(source, Element):
        return name in ("value", "text", "visible", "enabled")
    return isinstance(getattr(type(source), name, None), BindableProperty)


def link(source: Any, source_name: str, target: Any, target_name: str, transform: Transform | None,
         owner: Element) -> None:
    """Bind one direction, copy the current value over, and keep it until ``owner`` is deleted."""
    new = Link(source, source_name, target, target_name, transform or (lambda value: value), owner)
    new.propagate(get_attribute(source, source_name))
    if _can_notify(source, source_name):
        _links.setdefault((id(source), source_name), []).append(new)
    else:
        hub = gevent.get_hub()
        if hub not in _polled:
            _polled[hub] = []
            gevent.spawn(_poll, _polled[hub])
        _polled[hub].append(new)
    owner._bindings = [*owner._bindings, new]


def unlink(owner: Element) -> None:
    """Drop every link kept alive by ``owner`` (it was deleted)."""
    for dead in owner._bindings:
        key = (id(dead.source), dead.source_name)
        links = _links.get(key)
        if links and dead in links:
            links.remove(dead)
            if not links:
                del _links[key]
        for polled in _polled.values():
            if dead in polled:
                polled.remove(dead)
    owner._bindings = ()


def _poll(polled_links: list[Link]) -> None:
    """Check this hub's polled links until none is left."""
    hub = gevent.get_hub()
    while polled_links:
        for polled in list(polled_links):
            try:
                value = get_attribute(polled.source, polled.source_name)
            except (AttributeError, KeyError):
                continue
            if value is not polled.last and value != polled.last:
                polled.propagate(value)
        gevent.sleep(POLL_INTERVAL)
    del _polled[hub]


class BindableProperty(Generic[T]):
    """A class attribute whose changes propagate to bound elements at once.

        class Order:
            total = BindableProperty(0.0)
    """

    def __init__(self, default: Any = None) -> None:
        self.default = default
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        return instance.__dict__.get(self.name, self.default)

    def __set__(self, instance: Any, value: Any) -> None:
        changed = instance.__dict__.get(self.name, _MISSING) != value
        instance.__dict__[self.name] = value
        if changed:
            notify(instance, self.name, value)


def bindable_dataclass(cls: type[T]) -> type[T]:
    """A ``dataclasses.dataclass`` whose fields are ``BindableProperty`` (they notify on change)."""
    data_class = dataclasses.dataclass(cls)
    for field in dataclasses.fields(data_class):  # type: ignore[arg-type]
        default = field.default if field.default is not dataclasses.MISSING else None
        prop: BindableProperty[Any] = BindableProperty(default)
        prop.__set_name__(data_class, field.name)
        setattr(data_class, field.name, prop)
    return data_class


class BindingMixin:
    """``bind_*`` methods for elements; each binding lives as long as the element."""

    def _bind(self, own: str, source: Any, name: str, forward: Transform | None,
              backward: Transform | None, direction: str) -> Any:
        # "from" first: a two-way binding starts with the model's value, not the element's.
        if direction in ("from", "both"):
            link(source, name, self, own, backward, owner=self)  # type: ignore[arg-type]
        if direction in ("to", "both"):
            link(self, own, source, name, forward, owner=self)  # type: ignore[arg-type]
        return self

    def bind_text_to(self, target: Any, name: str = "text", forward: Transform | None = None) -> Any:
        """Copy this element's text to ``target.name`` whenever it changes."""
        return self._bind("text", target, name, forward, None, "to")

    def bind_text_from(self, source: Any, name: str = "text", backward: Transform | None = None) -> Any:
        """Show ``backward(source.name)`` (default: the value itself) as this element's text."""
        return self._bind("text", source, name, None, backward, "from")

    def bind_text(self, other: Any, name: str = "text", *, forward: Transform | None = None,
                  backward: Transform | None = None) -> Any:
        """Two-way: this element's text and ``other.name``."""
        return self._bind("text", other, name, forward, backward, "both")

    def bind_visibility_to(self, target: Any, name: str = "visible", forward: Transform | None = None) -> Any:
        """Copy whether this element is visible to ``target.name``."""
        return self._bind("visible", target, name, forward, None, "to")

    def bind_visibility_from(self, source: Any, name: str = "visible", backward: Transform | None = None,
                             *, value: Any = _MISSING) -> Any:
        """Show this element while ``source.name`` is truthy (or equals ``value``, if given)."""
        transform = backward or ((lambda v: v == value) if value is not _MISSING else bool)
        return self._bind("visible", source, name, None, transform, "from")

    def bind_visibility(self, other: Any, name: str = "visible", *, forward: Transform | None = None,
                        backward: Transform | None = None) -> Any:
        """Two-way: whether this element is visible and ``other.name``."""
        return self._bind("visible", other, name, forward, backward, "both")


class ValueBindingMixin(BindingMixin):
    """``bind_value*`` for elements with a value."""

    def bind_value_to(self, target: Any, name: str = "value", forward: Transform | None = None) -> Any:
        """Copy this element's value to ``target.name`` whenever it changes."""
        return self._bind("value", target, name, forward, None, "to")

    def bind_value_from(self, source: Any, name: str = "value", backward: Transform | None = None) -> Any:
        """Set this element's value from ``source.name`` whenever that changes."""
        return self._bind("value", source, name, None, backward, "from")

    def bind_value(self, other: Any, name: str = "value", *, forward: Transform | None = None,
                   backward: Transform | None = None) -> Any:
        """Two-way: this element's value and ``other.name``."""
        return self._bind("value", other, name, forward, backward, "both")
