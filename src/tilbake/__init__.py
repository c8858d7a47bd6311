"""tilbake: clinicians' reactions to AI suggestions, turned into privacy-safe training data.

Importing the package is cheap: heavy parts (spaCy, FastAPI, SQLAlchemy) load only when used.
"""

from tilbake._version import __version__
from tilbake.errors import (
    AuthError,
    ConfigError,
    ConflictError,
    ExportError,
    ForbiddenError,
    InputError,
    ModelError,
    NotFoundError,
    StorageError,
    TilbakeError,
    TooManyAttemptsError,
    ValidationError,
)

__all__ = [
    "AuthError",
    "ConfigError",
    "ConflictError",
    "ExportError",
    "ForbiddenError",
    "InputError",
    "ModelError",
    "NotFoundError",
    "StorageError",
    "TilbakeError",
    "TooManyAttemptsError",
    "ValidationError",
    "__version__",
]
