"""Testing tools for flaskui apps: a live server and a protocol-level client."""
from .live_server import LiveServer
from .protocol_client import ProtocolClient

__all__ = ["LiveServer", "ProtocolClient"]
