"""Fixtures for the lifecycle tests: the shared quick services (tests/quick_services.py)."""

from tests.quick_services import auth, client, services  # noqa: F401 - fixtures, used by name
