"""The web face: FastAPI app factory, thin routes, the canonical error shape."""

from __future__ import annotations

from tilbake.web.app import create_app

__all__ = ["create_app"]
