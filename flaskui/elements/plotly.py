"""``ui.plotly``: a Plotly chart (https://plotly.com/javascript/reference/).

The figure is a dict with ``data`` (traces) and optionally ``layout`` and ``config``, or a
``plotly.graph_objects.Figure`` (the ``plotly`` package is optional). Plotly events such as
``plotly_click`` reach ``plot.on("plotly_click", handler)`` with their points' plain fields::

    plot = ui.plotly({"data": [{"x": [1, 2, 3], "y": [1, 3, 2], "type": "scatter"}],
                      "layout": {"title": {"text": "Growth"}}})
    plot.figure["data"][0]["y"][0] = 5
    plot.update()
"""
from __future__ import annotations

import json
from typing import Any

from ..element import Element


def _figure_dict(figure: Any) -> dict[str, Any]:
    """A plain JSON dict of a figure dict or of a plotly ``Figure`` (numpy arrays become lists)."""
    if isinstance(figure, dict):
        return figure
    if hasattr(figure, "to_json"):
        data: dict[str, Any] = json.loads(figure.to_json())
        return data
    raise TypeError(f"ui.plotly needs a dict or a plotly Figure, not {type(figure).__name__}")


class Plotly(Element, component="plotly.js", dependencies=["lib/plotly/plotly.min.js"]):
    """A chart drawn by plotly.js in the browser.

    Args:
        figure: a dict (``data``, ``layout``, ``config``) or a ``plotly.graph_objects.Figure``.
    """

    def __init__(self, figure: Any) -> None:
        super().__init__()
        self.figure = figure

    @property
    def figure(self) -> Any:
        """The figure as given; assigning one redraws the chart."""
        return self._figure

    @figure.setter
    def figure(self, figure: Any) -> None:
        self._figure = figure
        self.props["figure"] = _figure_dict(figure)

    def update_figure(self, figure: Any) -> None:
        """Show ``figure`` instead."""
        self.figure = figure

    def update(self) -> None:
        """Send the figure again (after changing it in place)."""
        self.props["figure"] = _figure_dict(self._figure)
