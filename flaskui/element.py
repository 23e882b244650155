"""The element base class: a node of one client's UI tree.

Every change to an element (text, props, classes, style, listeners, children) is reported to its
client's outbox, which sends it to the browser as a diff::

    with ui.card():                                   # a Quasar card; children go inside
        title = ui.label("Hello").classes("text-h6")
    title.text = "Hello again"                        # the browser sees a one-field update
    title.props["title"] = "tooltip"                  # props, classes and style act like a
    title.style("color: teal")                        # dict, a list and a dict, and are callable
"""
from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Iterator, Mapping, MutableMapping, MutableSequence, Sequence, Set as AbstractSet
from contextlib import AbstractContextManager
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Generic, TypeVar, cast, overload

from . import binding, components, context, quasar
from .binding import BindingMixin, Link
from .events import Handler, Listener
from .shown import shown_text

if TYPE_CHECKING:
    from .client import Client
    from .components import Component

E = TypeVar("E", bound="Element")
T = TypeVar("T")

_ABSENT = object()
# The shared, read-only contents of every empty Props/Style: an element gets its own dict on its
# first entry (most elements never have style, many no props), so idle pages hold fewer objects.
_NO_ENTRIES: dict[str, Any] = cast("dict[str, Any]", MappingProxyType({}))


class _NoChildren(list):  # type: ignore[type-arg]
    """The one child list shared by every element without children: equal to ``[]``, unchangeable.

    Most elements of a page are leaves; sharing saves a list (and a GC-tracked object) each.
    """

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("change an element's children with flaskui calls (with, move, delete, clear)")

    append = extend = insert = remove = pop = clear = sort = reverse = _refuse
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse


_NO_CHILDREN: list[Any] = _NoChildren()
_PROP_PATTERN = re.compile(r"""([\w\-.:@]+)(?:=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(\S+)))?""")


def parse_props(text: str) -> dict[str, Any]:
    """Parse ``'outline color=red label="Say hi"'`` into ``{'outline': True, 'color': 'red', ...}``."""
    props: dict[str, Any] = {}
    for match in _PROP_PATTERN.finditer(text):
        key, double_quoted, single_quoted, bare = match.groups()
        quoted = double_quoted if double_quoted is not None else single_quoted
        if quoted is not None:
            props[key] = quoted.replace('\\"', '"').replace("\\'", "'")
        else:
            props[key] = True if bare is None else bare
    return props


def parse_style(text: str) -> dict[str, str]:
    """Parse ``'color: red; font-size: 2em'`` into a dict."""
    style = {}
    for declaration in text.split(";"):
        name, colon, value = declaration.partition(":")
        if colon and name.strip():
            style[name.strip()] = value.strip()
    return style


class Props(MutableMapping[str, Any]):
    """An element's props (Quasar/Vue component properties): a dict that reports changes.

    Call it to add or remove props from a string: ``button.props("outline color=red")``,
    ``button.props(remove="outline")``. It returns the element, for chaining.
    """

    __slots__ = ("_element",)

    def __init__(self, element: Element) -> None:
        self._element = element

    @property
    def _data(self) -> dict[str, Any]:
        return self._element._props

    @_data.setter
    def _data(self, data: dict[str, Any]) -> None:
        self._element._props = data

    def _own(self) -> dict[str, Any]:
        if self._data is _NO_ENTRIES:
            self._data = {}
        return self._data

    def set_quietly(self, key: str, value: Any) -> None:
        """Store a value the browser already shows (it sent it): nothing is sent back."""
        self._own()[key] = value

    def __call__(self, add: str | None = None, *, remove: str | None = None) -> Any:
        for key in parse_props(remove or ""):
            self.pop(key, None)
        for key, value in parse_props(add or "").items():
            self[key] = value
        return self._element

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __setitem__(self, key: str, value: Any) -> None:
        # Equal plain values are not resent; a list or dict may have been changed in place, so it is.
        old = self._data.get(key, _ABSENT)
        if not isinstance(value, (list, dict)) and type(old) is type(value) and old == value:
            return
        self._own()[key] = value
        self._element._changed_prop(key)

    def __delitem__(self, key: str) -> None:
        del self._own()[key]
        self._element._changed_prop(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return repr(self._data)


class Classes(MutableSequence[str]):
    """An element's CSS classes: a list that reports changes.

    Call it with space-separated names: ``label.classes("text-bold", remove="text-grey")`` or
    ``label.classes(replace="text-h6")``. It returns the element, for chaining.
    """

    __slots__ = ("_element",)

    def __init__(self, element: Element) -> None:
        self._element = element

    # Stored as a tuple of strings, which the garbage collector stops tracking: a page keeps one
    # per row or card while it waits for its browser, and every tracked object costs collections.
    @property
    def _data(self) -> tuple[str, ...]:
        return self._element._classes

    @_data.setter
    def _data(self, data: Iterable[str]) -> None:
        self._element._classes = tuple(data)

    def __call__(self, add: str | None = None, *, remove: str | None = None, replace: str | None = None) -> Any:
        names = [] if replace is not None else [c for c in self._data if c not in (remove or "").split()]
        for name in ((replace or "") + " " + (add or "")).split():
            if name not in names:
                names.append(name)
        if tuple(names) != self._data:
            self._data = names
            self._element._changed("classes")
        return self._element

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        return list(self._data[index]) if isinstance(index, slice) else self._data[index]

    def __setitem__(self, index: Any, value: Any) -> None:
        self._edit(lambda data: data.__setitem__(index, value))

    def __delitem__(self, index: int | slice) -> None:
        self._edit(lambda data: data.__delitem__(index))

    def __len__(self) -> int:
        return len(self._data)

    def insert(self, index: int, value: str) -> None:
        self._edit(lambda data: data.insert(index, value))

    def _edit(self, change: Callable[[list[str]], None]) -> None:
        data = list(self._data)
        change(data)
        self._data = data
        self._element._changed("classes")

    def __repr__(self) -> str:
        return repr(self._data)


class Style(MutableMapping[str, str]):
    """An element's inline CSS: a dict that reports changes.

    Call it with CSS text: ``label.style("color: red; font-size: 2em", remove="margin")``.
    It returns the element, for chaining.
    """

    __slots__ = ("_element",)

    def __init__(self, element: Element) -> None:
        self._element = element

    @property
    def _data(self) -> dict[str, str]:
        return self._element._style

    @_data.setter
    def _data(self, data: dict[str, str]) -> None:
        self._element._style = data

    def __call__(self, add: str | None = None, *, remove: str | None = None, replace: str | None = None) -> Any:
        style = {} if replace is not None else dict(self._data)
        for name in parse_style(remove or "") or {n.strip(): "" for n in (remove or "").split(";") if n.strip()}:
            style.pop(name, None)
        style.update(parse_style(replace or ""))
        style.update(parse_style(add or ""))
        if style != dict(self._data):
            self._data = style
            self._element._changed("style")
        return self._element

    def __getitem__(self, key: str) -> str:
        return self._data[key]

    def __setitem__(self, key: str, value: str) -> None:
        self._data = {**self._data, key: value}
        self._element._changed("style")

    def __delitem__(self, key: str) -> None:
        if key not in self._data:
            raise KeyError(key)
        self._data = {k: v for k, v in self._data.items() if k != key}
        self._element._changed("style")

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return repr(self._data)


class PropAttribute(Generic[T]):
    """An attribute kept in a prop, so that assigning it updates the browser::

        class Mermaid(Element, component="mermaid.js"):
            content = PropAttribute[str]("content", "The diagram's source.")
    """

    def __init__(self, prop: str, doc: str = "") -> None:
        self.prop = prop
        self.__doc__ = doc

    @overload
    def __get__(self, instance: None, owner: type) -> PropAttribute[T]: ...

    @overload
    def __get__(self, instance: Element, owner: type) -> T: ...

    def __get__(self, instance: Element | None, owner: type) -> PropAttribute[T] | T:
        if instance is None:
            return self
        value: T = instance.props[self.prop]
        return value

    def __set__(self, instance: Element, value: T) -> None:
        instance.props[self.prop] = value


class Element(BindingMixin):
    """A generic element: any HTML tag or Vue/Quasar component, e.g. ``ui.element("q-badge")``.

    Args:
        tag: an HTML tag (``"div"``), a Quasar component (``"q-chip"``) or a registered component.
        text: text shown as the element's first content.

    Use it as a context manager to put elements inside it; they belong to this element's page
    even when another tab's handler creates them (a chat adding a line to every open tab).
    ``props``, ``classes`` and ``style``
    are live containers (see ``Props``, ``Classes``, ``Style``); ``on`` adds event listeners.
    """

    # Defaults most elements keep: an instance stores only what differs, so a page's many small
    # elements are quicker to build and smaller to hold.
    deleted: bool = False
    parent: Element | None = None
    children: list[Element] = _NO_CHILDREN
    slot: str = "default"
    _visible: bool = True
    # Most elements never get listeners, markers, bindings or a `with` block: these start as
    # shared empty class attributes and become per-element containers on first use, which keeps
    # a page's many small elements cheap to create and to hold (fewer objects for the GC).
    listeners: Mapping[str, Listener] = _NO_ENTRIES
    # Props, classes and style live in these; `props`, `classes` and `style` are views made on use.
    _props: dict[str, Any] = _NO_ENTRIES
    _classes: tuple[str, ...] = ()
    _style: dict[str, str] = _NO_ENTRIES
    markers: AbstractSet[str] = frozenset()
    _scopes: tuple[context.ParentToken, ...] = ()
    _bindings: tuple[Link, ...] | list[Link] = ()
    #: The Vue component this element class renders with (see ``flaskui.components``).
    component: ClassVar[Component | None] = None

    def __init_subclass__(cls, *, component: str | None = None, dependencies: Iterable[str] = (),
                          **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if component is not None:
            folder = Path(inspect.getfile(cls)).parent
            name = "flaskui-" + re.sub(r"[^a-z0-9]+", "-", f"{cls.__module__}-{cls.__name__}".lower()).strip("-")
            cls.component = components.register(name, folder / component, [folder / d for d in dependencies])

    def __init__(self, tag: str | None = None, *, text: str | None = None, _root_of: Client | None = None) -> None:
        parent, slot = (None, "default") if _root_of is not None else context.current_parent()
        if parent is not None and parent.deleted:
            raise RuntimeError(f"cannot add an element to deleted {parent!r}")
        client = _root_of or parent.client  # type: ignore[union-attr]
        self.client: Client = client
        self.id: int = client._register(self)
        self.tag = tag or (self.component.name if self.component else "div")
        self._text = text
        if slot != "default":
            self.slot = slot
        if self.component is not None:
            client._use_component(self.component)
        if self.tag in quasar.REST_TAGS:
            client._use_component(quasar.REST)
        if parent is not None:
            parent._insert_child(self, len(parent.children))

    @property
    def props(self) -> Props:
        """The component's props: a dict you can also call, ``.props("outline color=red")``."""
        return Props(self)

    @property
    def classes(self) -> Classes:
        """CSS classes: a list you can also call, ``.classes("text-bold", remove="text-grey")``."""
        return Classes(self)

    @property
    def style(self) -> Style:
        """Inline CSS: a dict you can also call, ``.style("color: teal")``."""
        return Style(self)

    # -- state -------------------------------------------------------------------------------
    @property
    def text(self) -> str | None:
        """The text shown as the element's content; assigning it updates the browser."""
        return self._text

    @text.setter
    def text(self, value: Any) -> None:
        value = None if value is None else str(value)
        if value != self._text:
            self._text = value
            self._changed("text")
            binding.notify(self, "text", value)

    @property
    def visible(self) -> bool:
        """Whether the element is shown; assigning False hides it (it stays in the page)."""
        return self._visible

    @visible.setter
    def visible(self, value: bool) -> None:
        if bool(value) != self._visible:
            self._visible = bool(value)
            self._changed("hidden")
            binding.notify(self, "visible", self._visible)

    def set_visibility(self: E, visible: bool) -> E:
        """Show or hide the element; returns it, for chaining."""
        self.visible = visible
        return self

    def events_refused_because(self) -> str | None:
        """Why no person could have caused an event of this element now (it, or a container of it,
        is hidden; it is inside a closed popup; ``DisableableElement`` adds "disabled"), or None:
        the server refuses such events."""
        element: Element | None = self
        while element is not None:
            if not element._visible:
                return "is hidden" if element is self else "is inside a hidden element"
            if element is not self and element._hides_content():
                return f"is inside a closed {element.tag}"
            element = element.parent
        return None

    def _hides_content(self) -> bool:
        """Whether what is inside this element is off screen now (a closed dialog or menu)."""
        return False

    def _changed(self, field: str) -> None:
        outbox = self.client.outbox
        if outbox.recording and not self.deleted:
            outbox.element_changed(self, field)

    def _changed_prop(self, key: str) -> None:
        outbox = self.client.outbox
        if outbox.recording and not self.deleted:
            outbox.prop_changed(self, key)

    def update(self) -> None:
        """Send the whole element again (after mutating a prop's list or dict in place)."""
        for field in ("text", "classes", "style", "events", "hidden"):
            self._changed(field)
        for key in self.props:
            self._changed_prop(key)

    def mark(self: E, *markers: str) -> E:
        """Tag the element with names that tests find it by: ``user.find(marker="save")``."""
        self.markers = self.markers | set(markers)
        return self

    def tooltip(self: E, text: str) -> E:
        """Show ``text`` while the pointer is over this element; returns the element."""
        from .elements.menu import Tooltip

        with self:
            Tooltip(text)
        return self

    # the props whose text components show as it is (a choice element's value is shown by its label)
    _SHOWN_PROPS: ClassVar[tuple[str, ...]] = ("label", "placeholder", "title", "caption", "modelValue", "value")

    def _user_content(self) -> list[str]:
        """What a person reads on this element, for ``user.find``/``should_see``: its text and
        the text props components show (label, placeholder, title, caption, value)."""
        content = [] if self._text is None else [self._text]
        for key in self._SHOWN_PROPS:
            value = self.props._data.get(key)
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                content.append(shown_text(value))
        return content

    # -- events ------------------------------------------------------------------------------
    def on(
        self: E,
        type: str,
        handler: Handler | None = None,
        args: list[str] | None = None,
        *,
        throttle: float = 0.0,
        debounce: float = 0.0,
    ) -> E:
        """Listen to a browser event of this element.

        Args:
            type: the DOM or component event, e.g. ``"click"``, ``"keydown"``, ``"update:modelValue"``.
            handler: a function called with no argument or with an ``EventArguments``.
            args: fields to pick from a DOM event argument (default: its common fields).
            throttle: send at most one event per this many seconds.
            debounce: send only after the event stopped for this many seconds.
        """
        if handler is not None:
            self._add_listener(type, handler, args, throttle, debounce)
        return self

    def _add_listener(self, type: str, handler: Handler, args: list[str] | None = None, throttle: float = 0.0,
                      debounce: float = 0.0, *, sync: str | None = None, inline: bool = False) -> Listener:
        listener = Listener(self.client._next_listener_id(), type, handler, args, throttle, debounce, sync, inline)
        self.listeners = {**self.listeners, listener.id: listener}
        self._changed("events")
        return listener

    # -- tree ----------------------------------------------------------------------------------
    def __enter__(self: E) -> E:
        self._scopes += (context.enter_parent(self),)
        return self

    def __exit__(self, *exc: object) -> None:
        token = self._scopes[-1]
        self._scopes = self._scopes[:-1]
        context.exit_parent(token)

    def add_slot(self, name: str) -> AbstractContextManager[None]:
        """Build into the component's slot ``name``: ``with card.add_slot("header"): ui.label("Title")``."""
        return context.ParentContext(self, name)

    # -- nested props: sent as small patches, not as the whole prop -------------------------------------
    def _prop_target(self, path: Sequence[str | int]) -> Any:
        target: Any = self.props._own()
        for key in path:
            target = target[key]
        return target

    def _should_patch(self) -> bool:
        """Whether the browser already has this element (else its insertion carries the change)."""
        return not self.deleted and self.client.outbox.has_sent(self.id)

    def _splice(self, path: Sequence[str | int], start: int, delete_count: int, items: Sequence[Any]) -> None:
        """Replace ``delete_count`` items at ``start`` of the list prop at ``path`` with ``items``."""
        items = list(items)
        target = self._prop_target(path)
        # Queue the patch first: changes recorded before it go out with the value they saw.
        if self._should_patch():
            self.client.outbox.enqueue_message(["l", self.id, list(path), start, delete_count, items])
        target[start:start + delete_count] = items

    def _set_path(self, path: Sequence[str | int], value: Any) -> None:
        """Set one nested value of a prop, e.g. ``("rows", 5, "age")``."""
        target = self._prop_target(path[:-1])
        if self._should_patch():
            self.client.outbox.enqueue_message(["p", self.id, list(path), value])
        target[path[-1]] = value

    def __iter__(self) -> Iterator[Element]:
        return iter(list(self.children))

    def descendants(self) -> Iterator[Element]:
        """This element and everything below it, depth first."""
        stack = [self]
        while stack:   # a stack, not nested generators: O(1) per element at any depth
            element = stack.pop()
            yield element
            stack.extend(reversed(element.children))

    def _insert_child(self, child: Element, index: int) -> None:
        outbox = self.client.outbox
        if outbox.recording:   # else a page is being built: nothing to record (many elements)
            outbox.children_changing(self)
        if self.children is _NO_CHILDREN:
            self.children = []
        self.children.insert(index, child)
        child.parent = self

    def _detach_child(self, child: Element) -> None:
        self.client.outbox.children_changing(self)
        self.children.remove(child)
        child.parent = None

    def move(self, target_container: Element | None = None, target_index: int = -1) -> None:
        """Move this element into ``target_container`` (default: its parent) at ``target_index``."""
        target = target_container or self.parent
        if target is None or self.parent is None:
            raise ValueError("the page's root element cannot be moved")
        if any(node is self for node in _ancestors(target)):
            raise ValueError("an element cannot be moved into itself")
        self.parent._detach_child(self)
        index = len(target.children) if target_index < 0 else min(target_index, len(target.children))
        target._insert_child(self, index)

    def remove(self, element: Element | int) -> None:
        """Delete a child, given as an element or an index."""
        child = self.children[element] if isinstance(element, int) else element
        if child.parent is not self:
            raise ValueError(f"element {child.id} is not a child of element {self.id}")
        child.delete()

    def clear(self) -> None:
        """Delete all children."""
        for child in list(self.children):
            child.delete()

    def delete(self) -> None:
        """Remove this element and everything inside it from the page."""
        if self.deleted:
            return
        if self.parent is not None:
            self.parent._detach_child(self)
        for node in list(self.descendants()):
            node._forget()

    def _forget(self) -> None:
        self.deleted = True
        self._release()
        self.client._unregister(self)
        # Drop the references that make cycles (parent <-> children, element -> handler -> closure
        # -> element): a deleted page is then freed by reference counting at once instead of
        # lingering until the garbage collector's next full pass over every live object.
        self.parent = None
        self.children = _NO_CHILDREN
        self.listeners = _NO_ENTRIES

    def _release(self) -> None:
        """Stop what this element runs or holds (its bindings; subclasses: timers, files...)."""
        if self._bindings:
            binding.unlink(self)

    # -- serialisation --------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The element as the browser's store holds it (see docs/architecture.md)."""
        data: dict[str, Any] = {"tag": self.tag}
        if self._text is not None:
            data["text"] = self._text
        if self._props:
            data["props"] = self._props
        if self._classes:
            data["classes"] = self._classes
        if self._style:
            data["style"] = self._style
        if self.children:
            data["children"] = [child.id for child in self.children]
        if self.slot != "default":
            data["slot"] = self.slot
        if not self._visible:
            data["hidden"] = True
        if self.listeners:
            data["events"] = [listener.to_dict() for listener in self.listeners.values()]
        return data

    def subtree_dict(self) -> dict[int, dict[str, Any]]:
        """This element and its descendants, keyed by id."""
        return {node.id: node.to_dict() for node in self.descendants()}

    def __repr__(self) -> str:
        text = f" {self._text!r}" if self._text is not None else ""
        return f"<{type(self).__name__} #{self.id} {self.tag}{text}>"


def _ancestors(element: Element | None) -> Iterator[Element]:
    while element is not None:
        yield element
        element = element.parent
