"""The ``ui`` namespace: ``from flaskui import ui``."""
from __future__ import annotations

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

__all__ = [
    "avatar", "badge", "chat_message", "chip", "code", "html", "icon", "interactive_image", "log", "markdown",
    "button_group", "color_input", "color_picker", "date", "date_input", "dropdown_button", "input_chips", "knob",
    "number", "pagination", "radio", "range", "rating", "select", "slider", "switch", "textarea", "time",
    "time_input", "toggle",
    "add_css", "add_head_html", "colors", "dark_mode", "keyboard", "page_title", "query",
    "audio", "button", "card", "checkbox", "column", "context", "download", "element", "image", "input", "label",
    "link", "navigate", "notify", "refreshable", "row", "run_javascript", "timer", "upload", "video",
    "card_actions", "card_section", "carousel", "carousel_slide", "circular_progress", "context_menu", "dialog",
    "expansion", "footer", "grid", "header", "item", "item_label", "item_section", "left_drawer", "linear_progress",
    "list", "menu", "menu_item", "notification", "page_sticky", "right_drawer", "scroll_area", "separator",
    "skeleton", "space", "spinner", "splitter", "step", "stepper", "stepper_navigation", "tab", "tab_panel",
    "tab_panels", "tabs", "timeline", "timeline_entry", "tooltip",
    "aggrid", "codemirror", "echart", "json_editor", "line_plot", "matplotlib", "mermaid", "plotly", "pyplot",
    "table", "tree",
]
