"""Containers that show part of their content: expansion, tabs, stepper, splitter, carousel, timeline.

Tabs, tab panels, steppers and carousels show one of their named children; their ``value`` is
that child's name (assign a name or the child element). The first child becomes the value when
none is given::

    with ui.tabs() as tabs:
        ui.tab("One")
        ui.tab("Two")
    with ui.tab_panels(tabs):             # follows the tabs, in both directions
        with ui.tab_panel("One"):
            ui.label("first")
        with ui.tab_panel("Two"):
            ui.label("second")
"""
from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any, Literal

from .. import context
from ..element import Element
from ..events import Handler
from .layout import flex_classes, set_props
from .openable import Openable
from .value_element import ValueElement


class Named(Element):
    """A child that a ``Panels`` container shows by name (a tab, a step, a slide)."""

    def __init__(self, tag: str, name: str) -> None:
        super().__init__(tag)
        self.props["name"] = name
        if isinstance(self.parent, Panels) and self.parent.value is None:
            self.parent.value = name

    @property
    def name(self) -> str:
        """The name that the container's ``value`` uses for this child."""
        return str(self.props["name"])


def _name_of(value: Named | str | None) -> str | None:
    return value.name if isinstance(value, Named) else value


class Panels(ValueElement):
    """A container whose ``value`` is the name of the child it shows."""

    def __init__(self, tag: str, *, value: Named | str | None, on_change: Handler | None) -> None:
        super().__init__(tag, value=value, on_change=on_change)

    def _value_to_model(self, value: Any) -> Any:
        return _name_of(value)

    def _value_changed(self, value: Any, previous: Any) -> None:
        name = _name_of(value)
        if name != previous:  # assigning the element that is shown already changes nothing
            super()._value_changed(name, previous)

    def _move(self, step: int) -> None:
        names = [child.name for child in self.children if isinstance(child, Named)]
        if self.value in names:
            index = names.index(self.value) + step
            if 0 <= index < len(names):
                self.value = names[index]

    def next(self) -> None:
        """Show the next child (nothing at the last)."""
        self._move(1)

    def previous(self) -> None:
        """Show the previous child (nothing at the first)."""
        self._move(-1)


class Expansion(Openable):
    """A header that opens to show its children (https://quasar.dev/vue-components/expansion-item).

    Args:
        text: the header's text (build a custom header with ``add_slot("header")``).
        caption: a second line under the text.
        icon: a Material icon before the text.
        group: expansions with the same group name close when another of them opens.
        value: open or not (``open()``, ``close()``, ``toggle()``).
        on_value_change: called after it opens or closes.
    """

    def __init__(self, text: str = "", *, caption: str | None = None, icon: str | None = None,
                 group: str | None = None, value: bool = False, on_value_change: Handler | None = None) -> None:
        super().__init__("q-expansion-item", value=value, on_change=on_value_change)
        self.classes("flaskui-expansion")
        self.props["label"] = text
        set_props(self, caption=caption, icon=icon, group=group)


class Tabs(Panels):
    """A row of tabs (https://quasar.dev/vue-components/tabs); ``value`` is the selected tab's name.

    Args:
        value: the selected ``ui.tab`` or its name (default: the first tab).
        on_change: called after the selection changes (in the browser or on the server).
    """

    def __init__(self, *, value: Tab | str | None = None, on_change: Handler | None = None) -> None:
        super().__init__("q-tabs", value=value, on_change=on_change)


class Tab(Named):
    """One tab of ``ui.tabs``.

    Args:
        name: the name ``tabs.value`` uses.
        label: the text shown (default: the name).
        icon: a Material icon above the text.
    """

    def __init__(self, name: str, label: str | None = None, icon: str | None = None) -> None:
        super().__init__("q-tab", name)
        self.props["label"] = name if label is None else label
        set_props(self, icon=icon)


class TabPanels(Panels):
    """Shows one ``ui.tab_panel`` at a time (https://quasar.dev/vue-components/tab-panels).

    Args:
        tabs: ``ui.tabs`` to follow: selecting a tab shows its panel, and the other way round.
        value: the panel shown or its name (default: the tabs' value, else the first panel).
        on_change: called after the shown panel changes.
        animated: slide between panels.
        keep_alive: keep hidden panels' components alive (their input states survive switching).
    """

    def __init__(self, tabs: Tabs | None = None, *, value: TabPanel | Tab | str | None = None,
                 on_change: Handler | None = None, animated: bool = True, keep_alive: bool = True) -> None:
        super().__init__("q-tab-panels", value=value, on_change=on_change)
        self.props["animated"] = animated
        self.props["keep-alive"] = keep_alive
        if tabs is not None:
            if value is not None:
                tabs.value = value
            self.bind_value(tabs)


class TabPanel(Named):
    """The content shown for one tab; ``name`` is the tab's name (or the ``ui.tab`` itself)."""

    def __init__(self, name: Tab | str) -> None:
        super().__init__("q-tab-panel", name.name if isinstance(name, Tab) else name)
        flex_classes(self, "flaskui-column")


class Stepper(Panels):
    """Steps shown one at a time with their titles as a progress line (https://quasar.dev/vue-components/stepper).

    ``next()`` and ``previous()`` move between the steps. ``.props("vertical")`` stacks them.

    Args:
        value: the step shown or its name (default: the first step).
        on_value_change: called after the shown step changes.
        keep_alive: keep hidden steps' components alive.
    """

    def __init__(self, *, value: Step | str | None = None, on_value_change: Handler | None = None,
                 keep_alive: bool = True) -> None:
        super().__init__("q-stepper", value=value, on_change=on_value_change)
        self.props["keep-alive"] = keep_alive


class Step(Named):
    """One step of ``ui.stepper``.

    Args:
        name: the name ``stepper.value`` uses.
        title: the title shown in the progress line (default: the name).
        icon: a Material icon for the step.
    """

    def __init__(self, name: str, title: str | None = None, icon: str | None = None) -> None:
        super().__init__("q-step", name)
        self.classes("flaskui-step")
        self.props["title"] = name if title is None else title
        set_props(self, icon=icon)


class StepperNavigation(Element):
    """The row of buttons at the bottom of a step: ``ui.button("Next", on_click=stepper.next)``.

    Args:
        wrap: wrap the buttons onto a new line when they do not fit.
    """

    def __init__(self, *, wrap: bool = True) -> None:
        super().__init__("q-stepper-navigation")
        flex_classes(self, "flaskui-row", wrap_class=None if wrap else "no-wrap")


class Splitter(ValueElement):
    """Two areas with a draggable bar between them, as wide as the page (https://quasar.dev/vue-components/splitter).

    Build into ``with splitter.before:`` and ``with splitter.after:`` (and ``splitter.separator``
    for something on the bar).

    Args:
        horizontal: areas above each other instead of side by side.
        reverse: ``value`` sizes the second area instead of the first.
        limits: the smallest and largest ``value``.
        value: the first area's size in percent.
        on_change: called after the user moved the bar (or ``value`` was assigned).
    """

    def __init__(self, *, horizontal: bool = False, reverse: bool = False,
                 limits: tuple[float, float] = (0, 100), value: float = 50, on_change: Handler | None = None) -> None:
        super().__init__("q-splitter", value=value, on_change=on_change)
        self.classes("flaskui-splitter")
        self.props["limits"] = list(limits)
        set_props(self, horizontal=horizontal, reverse=reverse)

    @property
    def before(self) -> AbstractContextManager[None]:
        """``with splitter.before:`` builds into the first area."""
        return self.add_slot("before")

    @property
    def after(self) -> AbstractContextManager[None]:
        """``with splitter.after:`` builds into the second area."""
        return self.add_slot("after")

    @property
    def separator(self) -> AbstractContextManager[None]:
        """``with splitter.separator:`` builds onto the bar (an icon, say)."""
        return self.add_slot("separator")


class Carousel(Panels):
    """Slides shown one at a time, as wide as the page (https://quasar.dev/vue-components/carousel).

    Args:
        value: the slide shown or its name (default: the first slide).
        on_value_change: called after the shown slide changes.
        animated: slide between slides.
        arrows: show arrows to move to the previous and next slide.
        navigation: show a dot per slide.
    """

    def __init__(self, *, value: CarouselSlide | str | None = None, on_value_change: Handler | None = None,
                 animated: bool = False, arrows: bool = False, navigation: bool = False) -> None:
        super().__init__("q-carousel", value=value, on_change=on_value_change)
        self.classes("flaskui-carousel")
        set_props(self, animated=animated, arrows=arrows, navigation=navigation)


class CarouselSlide(Named):
    """One slide of ``ui.carousel``; ``name`` defaults to ``slide_<n>`` (n counting from 0)."""

    def __init__(self, name: str | None = None) -> None:
        if name is None:
            siblings = context.current_parent()[0].children
            name = f"slide_{sum(isinstance(sibling, CarouselSlide) for sibling in siblings)}"
        super().__init__("q-carousel-slide", name)
        flex_classes(self, "flaskui-column")


TimelineSide = Literal["left", "right"]


class Timeline(Element):
    """A vertical line of ``ui.timeline_entry``s (https://quasar.dev/vue-components/timeline).

    Args:
        side: the side of the line the entries' contents go (in ``comfortable``/``loose`` layouts).
        layout: ``dense``, ``comfortable`` or ``loose``.
        color: a Quasar color for the dots.
    """

    def __init__(self, *, side: TimelineSide = "left", layout: Literal["dense", "comfortable", "loose"] = "dense",
                 color: str | None = None) -> None:
        super().__init__("q-timeline")
        self.props["side"] = side
        self.props["layout"] = layout
        set_props(self, color=color)


class TimelineEntry(Element):
    """One entry of ``ui.timeline``.

    Args:
        body: the entry's text (or build children inside it).
        side: which side of the line (in ``comfortable``/``loose`` layouts).
        heading: make it a heading that separates groups of entries (``body`` is its text).
        tag: the HTML tag of a heading (``h3``...).
        icon: a Material icon in the dot.
        avatar: an image URL in the dot.
        title: a title above the body.
        subtitle: a line above the title (a date, say).
        color: a Quasar color for the dot.
    """

    def __init__(self, body: str = "", *, side: TimelineSide = "left", heading: bool = False, tag: str | None = None,
                 icon: str | None = None, avatar: str | None = None, title: str | None = None,
                 subtitle: str | None = None, color: str | None = None) -> None:
        super().__init__("q-timeline-entry", text=body or None)
        self.props["side"] = side
        set_props(self, heading=heading, tag=tag, icon=icon, avatar=avatar, title=title, subtitle=subtitle,
                  color=color)
