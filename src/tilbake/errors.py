"""The exceptions tilbake raises, in one tree.

    TilbakeError                    base: catch this to catch everything of ours
    ├── ConfigError                 a TILBAKE_* setting is missing or malformed
    ├── InputError                  bad input from a user or client (HTTP 4xx, CLI exit 2)
    │   ├── ValidationError         a field is missing, mistyped, too long or not one of the allowed values
    │   ├── NotFoundError           no such row for this organization (HTTP 404)
    │   ├── ConflictError           the request contradicts what is stored (HTTP 409)
    │   ├── AuthError               missing, malformed, wrong or revoked token or password (HTTP 401)
    │   │   └── TooManyAttemptsError    too many failed sign-ins for this name or address (HTTP 429)
    │   └── ForbiddenError          signed in, but the role does not allow it (HTTP 403)
    ├── StorageError                the database failed or is at an unexpected schema version
    ├── ModelError                  the NER model is missing, corrupt or of the wrong version
    └── ExportError                 an export could not be built (nothing is marked exported)

Messages name the bad value's *field* and the allowed alternatives, never clinical text: an
exception may end up in a log, and logs must never hold patient data.
"""

from __future__ import annotations


class TilbakeError(Exception):
    """Base of every error tilbake raises on purpose."""

    #: machine-readable code used in the canonical JSON error shape
    code = "error"


class ConfigError(TilbakeError):
    code = "config_error"


class InputError(TilbakeError):
    code = "bad_request"
    status = 400


class ValidationError(InputError):
    code = "validation_error"
    status = 422

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(InputError):
    code = "not_found"
    status = 404


class ConflictError(InputError):
    code = "conflict"
    status = 409


class AuthError(InputError):
    code = "unauthorized"
    status = 401


class TooManyAttemptsError(AuthError):
    code = "too_many_attempts"
    status = 429


class ForbiddenError(InputError):
    code = "forbidden"
    status = 403


class StorageError(TilbakeError):
    code = "storage_error"


class ModelError(TilbakeError):
    code = "model_error"


class ExportError(TilbakeError):
    code = "export_error"
