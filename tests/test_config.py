import pytest

from tilbake.config import Settings
from tilbake.errors import ConfigError


def test_defaults_put_sqlite_in_data_dir(tmp_path):
    s = Settings.from_env({"TILBAKE_DATA_DIR": str(tmp_path)})
    assert s.data_dir == tmp_path.resolve()
    assert s.database_url == f"sqlite:///{tmp_path.resolve() / 'tilbake.db'}"
    assert s.max_text_chars == 20_000


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({"TILBAKE_MAX_TEXT_CHARS": "lots"}, "TILBAKE_MAX_TEXT_CHARS"),
        ({"TILBAKE_MAX_TEXT_CHARS": "-3"}, "TILBAKE_MAX_TEXT_CHARS"),
        ({"TILBAKE_LOG_LEVEL": "chatty"}, "TILBAKE_LOG_LEVEL"),
        ({"TILBAKE_DATABASE_URL": "mysql://x"}, "TILBAKE_DATABASE_URL"),
        ({"TILBAKE_SECRET": "short"}, "TILBAKE_SECRET"),
    ],
)
def test_bad_values_fail_loudly_naming_the_variable(env, names):
    with pytest.raises(ConfigError, match=names):
        Settings.from_env(env)


def test_secret_is_made_once_and_kept(tmp_path):
    s = Settings.from_env({"TILBAKE_DATA_DIR": str(tmp_path)})
    first = s.secret()
    assert len(first) == 64
    assert s.secret() == first
    assert (tmp_path / "secret.key").stat().st_mode & 0o777 == 0o600


def test_secret_never_in_repr():
    s = Settings.from_env({"TILBAKE_SECRET": "x" * 40})
    assert "xxxx" not in repr(s)


def test_the_repr_of_settings_hides_the_database_password(tmp_path):
    s = Settings.from_env({"TILBAKE_DATA_DIR": str(tmp_path),
                           "TILBAKE_DATABASE_URL": "postgresql+psycopg://tilbake:s3cret-pw@db.local:5432/t",
                           "TILBAKE_SECRET": "k" * 40})
    assert "s3cret-pw" not in repr(s) and "s3cret-pw" not in str(s) and "k" * 40 not in repr(s)
    assert "db.local" in repr(s)
