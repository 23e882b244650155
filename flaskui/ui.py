"""The ``ui`` namespace: ``from flaskui import ui``.

Element modules load on first use (``ui.echart`` imports the chart module the first time a page
uses it), so ``import flaskui`` stays fast; type checkers see the imports below. ``_LAZY`` is the
list of names; a test checks that those imports and ``__all__`` name the same ones.
"""
from __future__ import annotations

import builtins
import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .context import context
    from .refreshable import refreshable
    from .element import Element as element
    from .elements.aggrid import AgGrid as aggrid
    from .elements.basic import Button as button
    from .elements.basic import Label as label
    from .elements.basic import Link as link
    from .elements.buttons import ButtonGroup as button_group
    from .elements.buttons import DropdownButton as dropdown_button
    from .elements.buttons import Pagination as pagination
    from .elements.download import download
    from .elements.containers import Carousel as carousel
    from .elements.containers import CarouselSlide as carousel_slide
    from .elements.containers import Expansion as expansion
    from .elements.containers import Splitter as splitter
    from .elements.containers import Step as step
    from .elements.containers import Stepper as stepper
    from .elements.containers import StepperNavigation as stepper_navigation
    from .elements.containers import Tab as tab
    from .elements.containers import TabPanel as tab_panel
    from .elements.containers import TabPanels as tab_panels
    from .elements.containers import Tabs as tabs
    from .elements.containers import Timeline as timeline
    from .elements.containers import TimelineEntry as timeline_entry
    from .elements.dialog import Dialog as dialog
    from .elements.echart import EChart as echart
    from .elements.feedback import CircularProgress as circular_progress
    from .elements.feedback import LinearProgress as linear_progress
    from .elements.feedback import Notification as notification
    from .elements.feedback import Skeleton as skeleton
    from .elements.feedback import Spinner as spinner
    from .elements.chat import ChatMessage as chat_message
    from .elements.codemirror import CodeMirror as codemirror
    from .elements.decoration import Avatar as avatar
    from .elements.decoration import Badge as badge
    from .elements.decoration import Chip as chip
    from .elements.decoration import Icon as icon
    from .elements.interactive_image import InteractiveImage as interactive_image
    from .elements.json_editor import JsonEditor as json_editor
    from .elements.log import Log as log
    from .elements.text import Code as code
    from .elements.text import Html as html
    from .elements.text import Markdown as markdown
    from .elements.inputs import Checkbox as checkbox
    from .elements.inputs import Input as input
    from .elements.inputs import Number as number
    from .elements.inputs import Switch as switch
    from .elements.inputs import Textarea as textarea
    from .elements.layout import Card as card
    from .elements.layout import CardActions as card_actions
    from .elements.layout import CardSection as card_section
    from .elements.layout import Column as column
    from .elements.layout import Grid as grid
    from .elements.layout import Item as item
    from .elements.layout import ItemLabel as item_label
    from .elements.layout import ItemSection as item_section
    from .elements.layout import List as list
    from .elements.layout import Row as row
    from .elements.layout import ScrollArea as scroll_area
    from .elements.layout import Separator as separator
    from .elements.layout import Space as space
    from .elements.media import Audio as audio
    from .elements.media import Image as image
    from .elements.media import Video as video
    from .elements.menu import ContextMenu as context_menu
    from .elements.menu import Menu as menu
    from .elements.menu import MenuItem as menu_item
    from .elements.menu import Tooltip as tooltip
    from .elements.messages import navigate, notify, run_javascript
    from .elements.mermaid import Mermaid as mermaid
    from .elements.page_layout import Footer as footer
    from .elements.page_layout import Header as header
    from .elements.page_layout import LeftDrawer as left_drawer
    from .elements.page_layout import PageSticky as page_sticky
    from .elements.page_layout import RightDrawer as right_drawer
    from .elements.pickers import ColorInput as color_input
    from .elements.pickers import ColorPicker as color_picker
    from .elements.pickers import Date as date
    from .elements.pickers import DateInput as date_input
    from .elements.pickers import Time as time
    from .elements.pickers import TimeInput as time_input
    from .elements.plotly import Plotly as plotly
    from .elements.pyplot import LinePlot as line_plot
    from .elements.pyplot import Matplotlib as matplotlib
    from .elements.pyplot import Pyplot as pyplot
    from .elements.head import add_css, add_head_html, page_title
    from .elements.keyboard import Keyboard as keyboard
    from .elements.query import Query as query
    from .elements.selection import InputChips as input_chips
    from .elements.selection import Radio as radio
    from .elements.selection import Select as select
    from .elements.selection import Toggle as toggle
    from .elements.sliders import Knob as knob
    from .elements.sliders import Range as range
    from .elements.sliders import Rating as rating
    from .elements.sliders import Slider as slider
    from .elements.table import Table as table
    from .elements.theme import DarkMode as dark_mode
    from .elements.theme import colors
    from .elements.timer import Timer as timer
    from .elements.tree import Tree as tree
    from .elements.upload import Upload as upload

_LAZY: dict[str, tuple[str, str]] = {
    "add_css": (".elements.head", "add_css"),
    "add_head_html": (".elements.head", "add_head_html"),
    "aggrid": (".elements.aggrid", "AgGrid"),
    "audio": (".elements.media", "Audio"),
    "avatar": (".elements.decoration", "Avatar"),
    "badge": (".elements.decoration", "Badge"),
    "button": (".elements.basic", "Button"),
    "button_group": (".elements.buttons", "ButtonGroup"),
    "card": (".elements.layout", "Card"),
    "card_actions": (".elements.layout", "CardActions"),
    "card_section": (".elements.layout", "CardSection"),
    "carousel": (".elements.containers", "Carousel"),
    "carousel_slide": (".elements.containers", "CarouselSlide"),
    "chat_message": (".elements.chat", "ChatMessage"),
    "checkbox": (".elements.inputs", "Checkbox"),
    "chip": (".elements.decoration", "Chip"),
    "circular_progress": (".elements.feedback", "CircularProgress"),
    "code": (".elements.text", "Code"),
    "codemirror": (".elements.codemirror", "CodeMirror"),
    "color_input": (".elements.pickers", "ColorInput"),
    "color_picker": (".elements.pickers", "ColorPicker"),
    "colors": (".elements.theme", "colors"),
    "column": (".elements.layout", "Column"),
    "context": (".context", "context"),
    "context_menu": (".elements.menu", "ContextMenu"),
    "dark_mode": (".elements.theme", "DarkMode"),
    "date": (".elements.pickers", "Date"),
    "date_input": (".elements.pickers", "DateInput"),
    "dialog": (".elements.dialog", "Dialog"),
    "download": (".elements.download", "download"),
    "dropdown_button": (".elements.buttons", "DropdownButton"),
    "echart": (".elements.echart", "EChart"),
    "element": (".element", "Element"),
    "expansion": (".elements.containers", "Expansion"),
    "footer": (".elements.page_layout", "Footer"),
    "grid": (".elements.layout", "Grid"),
    "header": (".elements.page_layout", "Header"),
    "html": (".elements.text", "Html"),
    "icon": (".elements.decoration", "Icon"),
    "image": (".elements.media", "Image"),
    "input": (".elements.inputs", "Input"),
    "input_chips": (".elements.selection", "InputChips"),
    "interactive_image": (".elements.interactive_image", "InteractiveImage"),
    "item": (".elements.layout", "Item"),
    "item_label": (".elements.layout", "ItemLabel"),
    "item_section": (".elements.layout", "ItemSection"),
    "json_editor": (".elements.json_editor", "JsonEditor"),
    "keyboard": (".elements.keyboard", "Keyboard"),
    "knob": (".elements.sliders", "Knob"),
    "label": (".elements.basic", "Label"),
    "left_drawer": (".elements.page_layout", "LeftDrawer"),
    "line_plot": (".elements.pyplot", "LinePlot"),
    "linear_progress": (".elements.feedback", "LinearProgress"),
    "link": (".elements.basic", "Link"),
    "list": (".elements.layout", "List"),
    "log": (".elements.log", "Log"),
    "markdown": (".elements.text", "Markdown"),
    "matplotlib": (".elements.pyplot", "Matplotlib"),
    "menu": (".elements.menu", "Menu"),
    "menu_item": (".elements.menu", "MenuItem"),
    "mermaid": (".elements.mermaid", "Mermaid"),
    "navigate": (".elements.messages", "navigate"),
    "notification": (".elements.feedback", "Notification"),
    "notify": (".elements.messages", "notify"),
    "number": (".elements.inputs", "Number"),
    "page_sticky": (".elements.page_layout", "PageSticky"),
    "page_title": (".elements.head", "page_title"),
    "pagination": (".elements.buttons", "Pagination"),
    "plotly": (".elements.plotly", "Plotly"),
    "pyplot": (".elements.pyplot", "Pyplot"),
    "query": (".elements.query", "Query"),
    "radio": (".elements.selection", "Radio"),
    "range": (".elements.sliders", "Range"),
    "rating": (".elements.sliders", "Rating"),
    "refreshable": (".refreshable", "refreshable"),
    "right_drawer": (".elements.page_layout", "RightDrawer"),
    "row": (".elements.layout", "Row"),
    "run_javascript": (".elements.messages", "run_javascript"),
    "scroll_area": (".elements.layout", "ScrollArea"),
    "select": (".elements.selection", "Select"),
    "separator": (".elements.layout", "Separator"),
    "skeleton": (".elements.feedback", "Skeleton"),
    "slider": (".elements.sliders", "Slider"),
    "space": (".elements.layout", "Space"),
    "spinner": (".elements.feedback", "Spinner"),
    "splitter": (".elements.containers", "Splitter"),
    "step": (".elements.containers", "Step"),
    "stepper": (".elements.containers", "Stepper"),
    "stepper_navigation": (".elements.containers", "StepperNavigation"),
    "switch": (".elements.inputs", "Switch"),
    "tab": (".elements.containers", "Tab"),
    "tab_panel": (".elements.containers", "TabPanel"),
    "tab_panels": (".elements.containers", "TabPanels"),
    "table": (".elements.table", "Table"),
    "tabs": (".elements.containers", "Tabs"),
    "textarea": (".elements.inputs", "Textarea"),
    "time": (".elements.pickers", "Time"),
    "time_input": (".elements.pickers", "TimeInput"),
    "timeline": (".elements.containers", "Timeline"),
    "timeline_entry": (".elements.containers", "TimelineEntry"),
    "timer": (".elements.timer", "Timer"),
    "toggle": (".elements.selection", "Toggle"),
    "tooltip": (".elements.menu", "Tooltip"),
    "tree": (".elements.tree", "Tree"),
    "upload": (".elements.upload", "Upload"),
    "video": (".elements.media", "Video"),
}


def __getattr__(name: str) -> Any:
    try:
        module, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'flaskui.ui' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module, __package__), attribute)
    globals()[name] = value
    return value


def __dir__() -> builtins.list[str]:
    return sorted(__all__)


# ``_LAZY`` is the list of names; the imports for type checkers above and this literal (which
# mypy and flake8 read as the module's exports) mirror it, and tests/test_public_api.py keeps all
# three equal.
__all__ = [
    "add_css", "add_head_html", "aggrid", "audio", "avatar", "badge", "button", "button_group", "card",
    "card_actions", "card_section", "carousel", "carousel_slide", "chat_message", "checkbox", "chip",
    "circular_progress", "code", "codemirror", "color_input", "color_picker", "colors", "column", "context",
    "context_menu", "dark_mode", "date", "date_input", "dialog", "download", "dropdown_button", "echart", "element",
    "expansion", "footer", "grid", "header", "html", "icon", "image", "input", "input_chips", "interactive_image",
    "item", "item_label", "item_section", "json_editor", "keyboard", "knob", "label", "left_drawer", "line_plot",
    "linear_progress", "link", "list", "log", "markdown", "matplotlib", "menu", "menu_item", "mermaid", "navigate",
    "notification", "notify", "number", "page_sticky", "page_title", "pagination", "plotly", "pyplot", "query",
    "radio", "range", "rating", "refreshable", "right_drawer", "row", "run_javascript", "scroll_area", "select",
    "separator", "skeleton", "slider", "space", "spinner", "splitter", "step", "stepper", "stepper_navigation",
    "switch", "tab", "tab_panel", "tab_panels", "table", "tabs", "textarea", "time", "time_input", "timeline",
    "timeline_entry", "timer", "toggle", "tooltip", "tree", "upload", "video",
]
