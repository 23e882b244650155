"""Matplotlib figures drawn on the server and shown as SVG: ``ui.pyplot``, ``ui.matplotlib`` and
``ui.line_plot``. Matplotlib is optional: ``pip install 'flaskui[plot]'``::

    with ui.pyplot(figsize=(3, 2)):
        plt.plot([1, 2, 3], [1, 4, 9])          # shown when the block ends

    plot = ui.matplotlib(figsize=(3, 2))
    with plot.figure as figure:                 # redrawn when the block ends
        figure.gca().plot([1, 2], [3, 4])

    lines = ui.line_plot(n=2, limit=20).with_legend(["sin", "cos"])
    lines.push([t], [[math.sin(t)], [math.cos(t)]])
"""
from __future__ import annotations

import functools
import io
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..element import Element

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D


def _require_matplotlib() -> None:
    try:
        import matplotlib
    except ImportError:
        raise ImportError("ui.pyplot, ui.matplotlib and ui.line_plot need matplotlib: "
                          "pip install 'flaskui[plot]'") from None
    # Drawn to SVG on the server: never open a window, whatever backend the machine has.
    matplotlib.use("Agg")


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg")
    text = buffer.getvalue()
    return text[text.index("<svg"):]  # without the XML declaration and doctype


@functools.cache
def _live_figure_class() -> Callable[..., Figure]:
    """``LiveFigure(element, **kwargs)``: a ``Figure`` that redraws ``element`` at the end of a ``with``
    block (the class is made once matplotlib is loaded)."""
    from matplotlib.figure import Figure

    class LiveFigure(Figure):
        def __init__(self, element: Matplotlib, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.element = element

        def __enter__(self) -> LiveFigure:
            return self

        def __exit__(self, *exc: object) -> None:
            self.element.update()

    return LiveFigure


class _SvgElement(Element):
    """A div that shows a matplotlib figure as inline SVG."""

    def __init__(self) -> None:
        _require_matplotlib()
        super().__init__("div")

    def _show(self, figure: Figure) -> None:
        self.props["innerHTML"] = _svg(figure)


class Pyplot(_SvgElement):
    """A figure drawn with ``matplotlib.pyplot`` inside a ``with`` block, shown when the block ends.

    Args:
        close: close the figure after showing it (keep it open to draw more later).
        kwargs: passed to ``plt.figure``, e.g. ``figsize=(4, 3)``.
    """

    def __init__(self, *, close: bool = True, **kwargs: Any) -> None:
        super().__init__()
        import matplotlib.pyplot as plt

        self.close = close
        self.fig = plt.figure(**kwargs)
        self._show(self.fig)

    def __enter__(self) -> Pyplot:
        import matplotlib.pyplot as plt

        plt.figure(self.fig)
        return super().__enter__()

    def __exit__(self, *exc: object) -> None:
        import matplotlib.pyplot as plt

        super().__exit__(*exc)
        self.update()
        if self.close:
            plt.close(self.fig)

    def update(self) -> None:
        """Show the figure again (after drawing on ``fig``)."""
        self._show(self.fig)


class Matplotlib(_SvgElement):
    """A matplotlib ``Figure`` of its own (no pyplot state, so safe in concurrent handlers).

    Args:
        kwargs: passed to ``Figure``, e.g. ``figsize=(4, 3)``.

    Draw on ``figure`` inside ``with plot.figure as figure:`` (redrawn at the end), or call
    ``update()`` after drawing.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__()
        self.figure = _live_figure_class()(self, **kwargs)
        self._show(self.figure)

    def update(self) -> None:
        """Show the figure again."""
        self._show(self.figure)


class LinePlot(Matplotlib):
    """Lines that grow as values are pushed, keeping the last ``limit`` points.

    Args:
        n: the number of lines.
        limit: the number of points kept per line.
        update_every: redraw after every this many pushes.
        kwargs: passed to ``Figure``, e.g. ``figsize=(4, 3)``.
    """

    def __init__(self, *, n: int = 1, limit: int = 100, update_every: int = 1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.x: list[float] = []
        self.Y: list[list[float]] = [[] for _ in range(n)]
        self.lines: list[Line2D] = [self.figure.gca().plot([], [])[0] for _ in range(n)]
        self.limit = limit
        self.update_every = update_every
        self.push_counter = 0

    def with_legend(self, titles: list[str], **kwargs: Any) -> LinePlot:
        """Label the lines; ``kwargs`` go to ``Axes.legend``, e.g. ``loc="upper left"``."""
        self.figure.gca().legend(titles, **kwargs)
        self.update()
        return self

    def push(self, x: Sequence[float], Y: Sequence[Sequence[float]], *, x_limits: tuple[float, float] | None = None,
             y_limits: tuple[float, float] | None = None) -> None:
        """Append the values ``x`` and, for each line, its values in ``Y``."""
        self.push_counter += 1
        self.x = [*self.x, *x][-self.limit:]
        for index, values in enumerate(Y):
            self.Y[index] = [*self.Y[index], *values][-self.limit:]
        if self.push_counter % self.update_every != 0:
            return
        for line, values in zip(self.lines, self.Y):
            line.set_data(self.x, values)
        axes = self.figure.gca()
        axes.relim()
        axes.autoscale_view()
        if x_limits is not None:
            axes.set_xlim(*x_limits)
        if y_limits is not None:
            axes.set_ylim(*y_limits)
        self.update()

    def clear(self) -> None:
        """Remove all points."""
        self.x = []
        self.Y = [[] for _ in self.Y]
        self.push_counter = 0
        for line in self.lines:
            line.set_data([], [])
        self.update()
