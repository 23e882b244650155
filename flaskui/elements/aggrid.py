"""``ui.aggrid``: an AG Grid data grid (https://www.ag-grid.com/javascript-data-grid/grid-options/).

The options are AG Grid's grid options as a dict (``columnDefs``, ``rowData``, ``rowSelection``
...). Grid events reach ``aggrid.on("cellClicked", handler)`` with their plain fields (``value``,
``rowIndex``, ``colId``, ``data``, ``rowId``, ``selected`` ...)::

    grid = ui.aggrid({"columnDefs": [{"field": "name"}, {"field": "age"}],
                      "rowData": [{"name": "Ada", "age": 36}]})
    grid.on("cellClicked", lambda e: ui.notify(e.args[0]["value"]))
    grid.options["rowData"].append({"name": "Grace", "age": 45})
    grid.update()

A key starting with ``":"`` holds JavaScript code for a function, e.g.
``{"field": "age", ":valueFormatter": "p => p.value + ' years'"}``.
"""
from __future__ import annotations

from typing import Any, Literal

from ..element import PropAttribute
from ..javascript import JavaScriptRequest
from .js_library import LibraryElement


class AgGrid(LibraryElement, component="aggrid.js",
             dependencies=["dynamic_props.js", "lib/aggrid/ag-grid-community.min.js"]):
    """A data grid with sorting, filtering, selection and editing, drawn by AG Grid Community.

    Args:
        options: AG Grid's grid options.
        html_columns: indexes of the columns whose values are shown as HTML.
        theme: AG Grid's look: ``"quartz"``, ``"balham"``, ``"alpine"`` or ``"material"``.
        auto_size_columns: fit the columns to the grid's width (unless ``options`` has an
            ``autoSizeStrategy``).
    """

    options = PropAttribute[dict[str, Any]](
        "options", "The grid options; call update() after changing them in place, or assign new ones.")

    def __init__(self, options: dict[str, Any], *, html_columns: list[int] | None = None,
                 theme: Literal["quartz", "balham", "alpine", "material"] = "quartz",
                 auto_size_columns: bool = True) -> None:
        super().__init__()
        self.props["options"] = options
        self.props["html-columns"] = html_columns or []
        self.props["theme"] = theme
        self.props["auto-size-columns"] = auto_size_columns

    def run_grid_method(self, name: str, *args: Any) -> JavaScriptRequest:
        """Call a grid API method in the browser, e.g. ``("selectAll",)``; ``.result(timeout)`` on the
        request returns its value."""
        return self._run_method(name, *args)

    def get_selected_rows(self, timeout: float = 1.0) -> list[dict[str, Any]]:
        """The rows selected in the browser (waits for the browser's answer)."""
        rows: list[dict[str, Any]] = self.run_grid_method("getSelectedRows").result(timeout)
        return rows
