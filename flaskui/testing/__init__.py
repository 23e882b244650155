"""Testing flaskui apps: a simulated ``User``, a real-browser ``Screen``, a live server and a
protocol-level client. The pytest plugin (``flaskui.testing.plugin``) provides them as fixtures.
"""
from .auth import sign_in
from .live_server import LiveServer
from .protocol_client import ProtocolClient
from .screen import Screen
from .user import User, UserInteraction

__all__ = ["LiveServer", "ProtocolClient", "Screen", "User", "UserInteraction", "sign_in"]
