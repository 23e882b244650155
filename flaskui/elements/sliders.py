"""Numbers picked by dragging or clicking: slider, range, knob, rating."""
from __future__ import annotations

from ..events import Handler
from .layout import set_props
from .value_element import ValueElement

#: Seconds between the values a dragged slider sends; the last value of a drag always arrives.
DRAG_THROTTLE = 0.05


class Slider(ValueElement):
    """A Quasar slider (https://quasar.dev/vue-components/slider).

    Args:
        min: the value at the left end.
        max: the value at the right end.
        step: the distance between values (0: any value).
        value: the initial value (default: ``min``).
        on_change: called after each change of ``value`` (at most every 50 ms while dragging).
    """

    def __init__(self, *, min: float, max: float, step: float = 1.0, value: float | None = None,
                 on_change: Handler | None = None) -> None:
        super().__init__("q-slider", value=min if value is None else value, on_change=on_change,
                         throttle=DRAG_THROTTLE)
        self.props.update({"min": min, "max": max, "step": step})


class Range(ValueElement):
    """A Quasar range slider with two handles (https://quasar.dev/vue-components/range).

    Args:
        min: the value at the left end.
        max: the value at the right end.
        step: the distance between values (0: any value).
        value: the initial ``{"min": ..., "max": ...}`` (default: the whole range).
        on_change: called after each change of ``value`` (at most every 50 ms while dragging).
    """

    def __init__(self, *, min: float, max: float, step: float = 1.0, value: dict[str, float] | None = None,
                 on_change: Handler | None = None) -> None:
        super().__init__("q-range", value={"min": min, "max": max} if value is None else value, on_change=on_change,
                         throttle=DRAG_THROTTLE)
        self.props.update({"min": min, "max": max, "step": step})


class Knob(ValueElement):
    """A Quasar knob: a round slider (https://quasar.dev/vue-components/knob).

    Args:
        value: the initial value.
        min: the smallest value.
        max: the largest value.
        step: the distance between values.
        color: the Quasar color of the arc.
        center_color: the color of the center.
        track_color: the color of the track.
        size: the diameter as CSS, e.g. ``"100px"``.
        show_value: show the value in the center.
        on_change: called after each change of ``value`` (at most every 50 ms while dragging).
    """

    def __init__(self, value: float = 0.0, *, min: float = 0.0, max: float = 1.0, step: float = 0.01,
                 color: str | None = "primary", center_color: str | None = None, track_color: str | None = None,
                 size: str | None = None, show_value: bool = False, on_change: Handler | None = None) -> None:
        super().__init__("q-knob", value=value, on_change=on_change, throttle=DRAG_THROTTLE)
        self.props.update({"min": min, "max": max, "step": step, "show-value": show_value})
        set_props(self, color=color, size=size, **{"center-color": center_color, "track-color": track_color})


class Rating(ValueElement):
    """A Quasar rating: a row of clickable icons (https://quasar.dev/vue-components/rating).

    Args:
        value: the initial rating (0: none).
        max: the number of icons.
        icon: the Material icon name (default: a star).
        color: the Quasar color of the icons.
        size: the icon size as CSS, e.g. ``"2em"``.
        on_change: called after each change of ``value`` (clicking the current rating clears it to 0).
    """

    def __init__(self, value: float = 0, *, max: int = 5, icon: str | None = None, color: str | None = "primary",
                 size: str | None = None, on_change: Handler | None = None) -> None:
        super().__init__("q-rating", value=value, on_change=on_change)
        self.props["max"] = max
        set_props(self, icon=icon, color=color, size=size)
