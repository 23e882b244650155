"""Choosing from options: radio, toggle, select, and input chips (a list of typed words).

Options are a list (each item is both value and label) or a dict (``{value: label}``); values
must be JSON values (text, numbers, booleans), since the browser sends them back::

    ui.radio(["red", "green"], value="red")
    ui.select({1: "one", 2: "two"}, label="Number", value=1)
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Union

from ..events import Handler
from .validation import Validation, ValidationElement
from .value_element import ValueElement

Options = Union[list[Any], dict[Any, Any]]
NewValueMode = Literal["add", "add-unique", "toggle"]

if TYPE_CHECKING:
    _Base = ValueElement
else:
    _Base = object


class ChoiceElement(_Base):
    """Mixin for value elements with ``options``, sent as Quasar's ``[{label, value}]`` list."""

    _options: Options
    _SHOWN_PROPS = ("label", "placeholder", "title", "caption")

    @property
    def options(self) -> Options:
        """The options; assign (or call ``set_options``) to replace them."""
        return self._options

    @options.setter
    def options(self, options: Options) -> None:
        self.set_options(options)

    def set_options(self, options: Options, *, value: Any = ...) -> None:
        """Replace the options; the value becomes ``value`` if given, else loses what is no longer offered."""
        self._show_options(options)
        if value is not ...:
            self.value = value
        elif isinstance(self.value, list):
            self.value = [item for item in self.value if item in options]
        elif self.value not in options:
            self.value = None

    def _show_options(self, options: Options) -> None:
        self._options = options
        pairs = options.items() if isinstance(options, dict) else ((option, option) for option in options)
        self.props["options"] = [{"label": str(label), "value": value} for value, label in pairs]

    def _user_content(self) -> list[str]:
        """Its label and the labels of its options: every option of a radio or toggle, the chosen
        ones of a select (its value shows only as their labels)."""
        shown = super()._user_content()
        return shown + [option["label"] for option in self.props["options"] if self._shows(option["value"])]

    def _shows(self, value: Any) -> bool:
        return True

    def _check_value(self, value: Any) -> None:
        """Refuse an initial value that is not among the options (a likely typo)."""
        for item in value if isinstance(value, list) else [value]:
            if item is not None and item not in self._options:
                raise ValueError(f"{item!r} is not among the options {list(self._options)!r}")


class Radio(ChoiceElement, ValueElement):
    """Radio buttons (https://quasar.dev/vue-components/option-group).

    Args:
        options: a list of values, or a dict ``{value: label}``.
        value: the initial choice (None: none).
        on_change: called after each change of ``value``.
    """

    def __init__(self, options: Options, *, value: Any = None, on_change: Handler | None = None) -> None:
        super().__init__("q-option-group", value=value, on_change=on_change)
        self._show_options(options)
        self._check_value(value)


class Toggle(ChoiceElement, ValueElement):
    """A row of buttons of which one is on (https://quasar.dev/vue-components/button-toggle).

    Args:
        options: a list of values, or a dict ``{value: label}``.
        value: the initial choice (None: none).
        on_change: called after each change of ``value``.
        clearable: clicking the chosen button again turns it off (value None).
    """

    def __init__(self, options: Options, *, value: Any = None, on_change: Handler | None = None,
                 clearable: bool = False) -> None:
        super().__init__("q-btn-toggle", value=value, on_change=on_change)
        self.props.update({"clearable": clearable, "no-caps": True})
        self._show_options(options)
        self._check_value(value)


class Select(ChoiceElement, ValidationElement, component="select.js"):
    """A dropdown list (https://quasar.dev/vue-components/select).

    Args:
        options: a list of values, or a dict ``{value: label}``.
        label: the floating label.
        value: the initial choice (a list with ``multiple``; None: none).
        on_change: called after each change of ``value``.
        with_input: type to filter the options (by label, in the browser).
        new_value_mode: let users add typed values (Enter): ``"add"``, ``"add-unique"`` or ``"toggle"``;
            a new value is appended to ``options``.
        multiple: choose several; ``value`` is a list.
        clearable: show a button that empties the choice.
        validation: as for ``ui.input``.
    """

    def __init__(self, options: Options, *, label: str | None = None, value: Any = None,
                 on_change: Handler | None = None, with_input: bool = False,
                 new_value_mode: NewValueMode | None = None, multiple: bool = False, clearable: bool = False,
                 validation: Validation | None = None) -> None:
        if multiple and value is None:
            value = []
        super().__init__(None, label=label, value=value, on_change=on_change, validation=validation)
        self.multiple = multiple
        self.new_value_mode = new_value_mode
        self.props.update({"emit-value": True, "map-options": True, "multiple": multiple, "clearable": clearable})
        self.style("min-width: 10rem")  # it is as wide as its choice: without one, even its label would not show
        if with_input or new_value_mode:
            self.props.update({"use-input": True, "input-debounce": 0})
            if not multiple:  # show the chosen label in the text box, ready to be edited
                self.props.update({"fill-input": True, "hide-selected": True})
        if new_value_mode:
            self.props["new-value-mode"] = new_value_mode
        self._show_options(options)
        self._check_value(value)

    def _value_from_args(self, args: list[Any]) -> Any:
        value = args[0] if args else None
        return _as_list(value) if self.multiple else value

    def _shows(self, value: Any) -> bool:
        return value in _as_list(self.value) if self.multiple else value == self.value

    def _value_changed(self, value: Any, previous: Any) -> None:
        new = [item for item in _as_list(value) if item is not None and item not in self._options]
        if new and self.new_value_mode:  # typed by the user: offer them from now on
            added = {**self._options, **{item: item for item in new}} if isinstance(self._options, dict) \
                else [*self._options, *new]
            self._show_options(added)
        super()._value_changed(value, previous)


class InputChips(ValidationElement):
    """A field where typed words become chips (https://quasar.dev/vue-components/select); ``value``
    is the list of words.

    Args:
        label: the floating label.
        value: the initial words.
        on_change: called after each change of ``value``.
        new_value_mode: what Enter does with the typed word: ``"toggle"`` (add, or remove if present),
            ``"add"`` or ``"add-unique"``.
        clearable: show a button that removes all chips.
        validation: as for ``ui.input``.
    """

    def __init__(self, label: str | None = None, *, value: list[str] | None = None, on_change: Handler | None = None,
                 new_value_mode: NewValueMode = "toggle", clearable: bool = False,
                 validation: Validation | None = None) -> None:
        super().__init__("q-select", label=label, value=list(value or []), on_change=on_change, validation=validation)
        self.props.update({"use-input": True, "use-chips": True, "multiple": True, "hide-dropdown-icon": True,
                           "input-debounce": 0, "new-value-mode": new_value_mode, "clearable": clearable})

    def _value_from_args(self, args: list[Any]) -> list[str]:
        return [str(item) for item in _as_list(args[0] if args else None)]


def _as_list(value: Any) -> list[Any]:
    """A multiple select's value: a list (Quasar sends null once cleared)."""
    return list(value) if isinstance(value, list) else [] if value is None else [value]
