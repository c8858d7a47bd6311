"""tilbake: clinicians' reactions to AI suggestions, turned into privacy-safe training data.

Importing the package is cheap: heavy parts (spaCy, FastAPI, SQLAlchemy) load only when used.
"""

from tilbake.errors import (
    AuthError,
    ConfigError,
    ConflictError,
    ExportError,
    InputError,
    ModelError,
    NotFoundError,
    StorageError,
    TilbakeError,
    ValidationError,
)

__version__ = "0.1.0"

__all__ = [
    "AuthError",
    "ConfigError",
    "ConflictError",
    "ExportError",
    "InputError",
    "ModelError",
    "NotFoundError",
    "StorageError",
    "TilbakeError",
    "ValidationError",
    "__version__",
]
