"""One Settings object, read from TILBAKE_* environment variables.

Bad values fail loudly at start-up with a message naming the variable; nothing silently falls back.

TILBAKE_DATA_DIR        ./data: where the SQLite file, the secret and exports live
TILBAKE_DATABASE_URL    sqlite:///<data dir>/tilbake.db; postgresql+psycopg://... for PostgreSQL
TILBAKE_SECRET          installation secret for keyed hashes and pseudonyms (>= 32 chars);
                        by default generated once into <data dir>/secret.key
TILBAKE_MAX_TEXT_CHARS  20000: the longest free-text field the API accepts
TILBAKE_LOG_LEVEL       INFO: DEBUG, INFO, WARNING or ERROR
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tilbake.errors import ConfigError

_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def _positive_int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a positive integer, got {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be a positive integer, got {raw!r}")
    return value


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str = field(repr=False)
    max_text_chars: int = 20_000
    log_level: str = "INFO"
    secret_override: str | None = field(default=None, repr=False)

    def __repr__(self) -> str:  # the URL's password and the secret never reach a log
        from sqlalchemy.engine import make_url

        url = make_url(self.database_url).render_as_string(hide_password=True)
        return (f"Settings(data_dir={str(self.data_dir)!r}, database_url={url!r}, "
                f"max_text_chars={self.max_text_chars}, log_level={self.log_level!r})")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        data_dir = Path(env.get("TILBAKE_DATA_DIR") or "./data").expanduser().resolve()
        url = env.get("TILBAKE_DATABASE_URL") or f"sqlite:///{data_dir / 'tilbake.db'}"
        if not url.startswith(("sqlite", "postgresql")):
            raise ConfigError(
                f"TILBAKE_DATABASE_URL must be a sqlite:/// or postgresql+psycopg:// URL, got scheme "
                f"{url.split(':', 1)[0]!r}"
            )
        level = (env.get("TILBAKE_LOG_LEVEL") or "INFO").upper()
        if level not in _LOG_LEVELS:
            raise ConfigError(f"TILBAKE_LOG_LEVEL must be one of {', '.join(_LOG_LEVELS)}, got {level!r}")
        secret = env.get("TILBAKE_SECRET") or None
        if secret is not None and len(secret) < 32:
            raise ConfigError("TILBAKE_SECRET must be at least 32 characters long")
        return cls(
            data_dir=data_dir,
            database_url=url,
            max_text_chars=_positive_int(env, "TILBAKE_MAX_TEXT_CHARS", 20_000),
            log_level=level,
            secret_override=secret,
        )

    def secret(self) -> bytes:
        """The installation secret: TILBAKE_SECRET, or a random key made once and kept in the data dir."""
        if self.secret_override:
            return self.secret_override.encode()
        path = self.data_dir / "secret.key"
        if not path.exists():
            from tilbake.files import private_dir

            private_dir(self.data_dir)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_hex(32))
        return path.read_text().strip().encode()
