"""``ui.echart``: an Apache ECharts chart (https://echarts.apache.org/en/option.html).

The options are a dict as ECharts documents them. Appending points or changing one sends only
that change, which the browser merges into the chart, so a 10,000-point series stays cheap::

    chart = ui.echart({"xAxis": {"type": "value"}, "yAxis": {},
                       "series": [{"type": "line", "data": [[0, 1], [1, 3]]}]})
    chart.append([2, 2])                        # one small splice op
    chart.set_point(0, [0, 5])
    chart.options["title"] = {"text": "Sales"}
    chart.update()                              # after changing options in place

A key starting with ``":"`` holds JavaScript code for a function, e.g.
``{"tooltip": {":formatter": "p => p.value + ' %'"}}``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ..events import EventArguments, Handler, call_handler
from ..element import PropAttribute
from ..javascript import JavaScriptRequest
from .js_library import LibraryElement


@dataclass
class EChartPointClickEventArguments(EventArguments):
    """A click on a chart item, with ECharts' fields of the click."""

    component_type: str = ""
    series_type: str | None = None
    series_index: int | None = None
    series_name: str | None = None
    name: str | None = None
    data_index: int | None = None
    data: Any = None
    data_type: str | None = None
    value: Any = None


class EChart(LibraryElement, component="echart.js",
             dependencies=["dynamic_props.js", "lib/echarts/echarts.min.js"]):
    """A chart drawn by Apache ECharts in the browser.

    Args:
        options: the ECharts option dict; ``series`` must be a list for ``append``/``set_point``.
        on_point_click: called with ``EChartPointClickEventArguments`` when the user clicks an item.
        renderer: ``"canvas"`` or ``"svg"``.
        theme: a theme name registered in ECharts (``"dark"``) or a theme dict.
    """

    options = PropAttribute[dict[str, Any]](
        "options", "The option dict; call update() after changing it in place, or assign a new one.")

    def __init__(self, options: dict[str, Any], on_point_click: Handler | None = None, *,
                 renderer: Literal["canvas", "svg"] = "canvas", theme: str | dict[str, Any] | None = None) -> None:
        super().__init__()
        self.props["options"] = options
        self.props["renderer"] = renderer
        if theme is not None:
            self.props["theme"] = theme
        if on_point_click is not None:
            self.on_point_click(on_point_click)

    def append(self, *points: Any, series: int = 0, max_points: int | None = None) -> None:
        """Append points to a series' data, dropping the oldest beyond ``max_points``."""
        path: list[str | int] = ["options", "series", series, "data"]
        data = self._prop_target(path)
        self._splice(path, len(data), 0, points)
        if max_points is not None and len(data) > max_points:
            self._splice(path, 0, len(data) - max_points, [])

    def set_point(self, index: int, value: Any, *, series: int = 0) -> None:
        """Replace one point of a series' data."""
        self._set_path(["options", "series", series, "data", index], value)

    def run_chart_method(self, name: str, *args: Any) -> JavaScriptRequest:
        """Call an ECharts instance method in the browser, e.g. ``("dispatchAction", {...})``;
        ``.result(timeout)`` on the request returns its value."""
        return self._run_method(name, *args)

    def on_point_click(self, handler: Handler) -> EChart:
        """Also call ``handler`` when the user clicks an item of the chart."""

        def deliver(event: EventArguments) -> None:
            click = event.args[0] if event.args else {}
            call_handler(handler, EChartPointClickEventArguments(
                sender=self, client=self.client, args=event.args,
                component_type=click.get("componentType", ""), series_type=click.get("seriesType"),
                series_index=click.get("seriesIndex"), series_name=click.get("seriesName"), name=click.get("name"),
                data_index=click.get("dataIndex"), data=click.get("data"), data_type=click.get("dataType"),
                value=click.get("value")))

        return self.on("pointClick", deliver)
