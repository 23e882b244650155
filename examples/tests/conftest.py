"""Tests of the example apps, written the way a flaskui user writes them.

The ``user`` and ``screen`` fixtures come from flaskui's pytest plugin; they need an ``app``
fixture, which each test module chooses by parametrizing or overriding.
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest
from flask import Flask

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


@pytest.fixture
def app(request: pytest.FixtureRequest) -> Flask:
    """The example app named by the test module's ``EXAMPLE`` constant."""
    module = importlib.import_module(request.module.EXAMPLE)
    return module.app  # type: ignore[no-any-return]
