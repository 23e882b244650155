"""The ``ui`` namespace: ``from flaskui import ui``."""
from __future__ import annotations

from .context import context
from .element import Element as element
from .elements.basic import Button as button
from .elements.basic import Label as label
from .elements.basic import Link as link
from .elements.inputs import Checkbox as checkbox
from .elements.inputs import Input as input
from .elements.layout import Card as card
from .elements.layout import Column as column
from .elements.layout import Row as row
from .elements.messages import navigate, notify, run_javascript
from .elements.timer import Timer as timer

__all__ = [
    "button", "card", "checkbox", "column", "context", "element", "input", "label", "link",
    "navigate", "notify", "row", "run_javascript", "timer",
]
