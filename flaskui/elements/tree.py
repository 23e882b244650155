"""``ui.tree``: a Quasar tree (https://quasar.dev/vue-components/tree) of nested nodes."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Literal

from ..events import Handler
from ..shown import shown_text
from .synced_props import SyncedPropsElement

Node = dict[str, Any]
TickStrategy = Literal["leaf", "leaf-filtered", "strict"]


class Tree(SyncedPropsElement):
    """Nested nodes the user expands, selects and (with ``tick_strategy``) ticks.

    Args:
        nodes: the top-level nodes, dicts with a key, a label and optionally children.
        node_key: the field that identifies a node.
        label_key: the field shown as the node's label.
        children_key: the field that holds a node's children.
        on_select: called with ``ValueChangeEventArguments`` (``value``: the selected key or None).
        on_expand: called with the expanded keys as ``value``.
        on_tick: called with the ticked keys as ``value``.
        tick_strategy: show checkboxes: ``"leaf"``, ``"leaf-filtered"`` or ``"strict"``.

    ``selected``, ``expanded`` and ``ticked`` follow the user; the handlers run on the user's changes.
    """

    def __init__(self, nodes: list[Node], *, node_key: str = "id", label_key: str = "label",
                 children_key: str = "children", on_select: Handler | None = None, on_expand: Handler | None = None,
                 on_tick: Handler | None = None, tick_strategy: TickStrategy | None = None) -> None:
        super().__init__("q-tree")
        self.props["nodes"] = nodes
        self.props["node-key"] = node_key
        self.props["label-key"] = label_key
        self.props["children-key"] = children_key
        if tick_strategy is not None:
            self.props["tick-strategy"] = tick_strategy
        self._sync_prop("selected", None, on_select)
        self._sync_prop("expanded", [], on_expand)
        self._sync_prop("ticked", [], on_tick)

    @property
    def nodes(self) -> list[Node]:
        """The top-level nodes; assigning replaces them (call ``update()`` after changing them in place)."""
        nodes: list[Node] = self.props["nodes"]
        return nodes

    @nodes.setter
    def nodes(self, nodes: list[Node]) -> None:
        self.props["nodes"] = nodes

    @property
    def selected(self) -> Any:
        """The selected node's key (None: none); assigning selects a node."""
        return self.props["selected"]

    @selected.setter
    def selected(self, key: Any) -> None:
        self.props["selected"] = key

    @property
    def expanded(self) -> list[Any]:
        """The keys of the expanded nodes."""
        return list(self.props["expanded"])

    @property
    def ticked(self) -> list[Any]:
        """The keys of the ticked nodes."""
        return list(self.props["ticked"])

    def on_select(self, handler: Handler) -> Tree:
        """Also call ``handler`` when the user selects a node."""
        self._on_prop_change("selected", handler)
        return self

    def on_expand(self, handler: Handler) -> Tree:
        """Also call ``handler`` when the user expands or collapses a node."""
        self._on_prop_change("expanded", handler)
        return self

    def on_tick(self, handler: Handler) -> Tree:
        """Also call ``handler`` when the user ticks or unticks a node."""
        self._on_prop_change("ticked", handler)
        return self

    def select(self, key: Any) -> Tree:
        """Select the node with ``key``."""
        self.selected = key
        return self

    def deselect(self) -> Tree:
        """Select no node."""
        self.selected = None
        return self

    def expand(self, keys: Iterable[Any] | None = None) -> Tree:
        """Expand these nodes (default: all of them)."""
        self.props["expanded"] = _union(self.expanded, self._keys() if keys is None else keys)
        return self

    def collapse(self, keys: Iterable[Any] | None = None) -> Tree:
        """Collapse these nodes (default: all of them)."""
        gone = set(self._keys() if keys is None else keys)
        self.props["expanded"] = [key for key in self.expanded if key not in gone]
        return self

    def tick(self, keys: Iterable[Any] | None = None) -> Tree:
        """Tick these nodes (default: all of them)."""
        self.props["ticked"] = _union(self.ticked, self._keys() if keys is None else keys)
        return self

    def untick(self, keys: Iterable[Any] | None = None) -> Tree:
        """Untick these nodes (default: all of them)."""
        gone = set(self._keys() if keys is None else keys)
        self.props["ticked"] = [key for key in self.ticked if key not in gone]
        return self

    def _user_content(self) -> list[str]:
        """The labels of the nodes shown: the top level and the children of expanded nodes."""
        key, label, children = self.props["node-key"], self.props["label-key"], self.props["children-key"]
        expanded = set(self.expanded)
        shown, stack = super()._user_content(), list(reversed(self.nodes))
        while stack:
            node = stack.pop()
            shown.append(shown_text(node.get(label)))
            if node.get(key) in expanded:
                stack.extend(reversed(node.get(children) or []))
        return shown

    def _keys(self) -> Iterator[Any]:
        """Every node's key, depth first."""
        key, children = self.props["node-key"], self.props["children-key"]
        stack = list(reversed(self.nodes))
        while stack:
            node = stack.pop()
            yield node[key]
            stack.extend(reversed(node.get(children) or []))


def _union(keys: list[Any], more: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys([*keys, *more]))
