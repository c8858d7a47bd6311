"""The public API is pinned against the package's real members, so it cannot drift unnoticed."""

import inspect

import tilbake
import tilbake.errors


def test_all_names_exist():
    for name in tilbake.__all__:
        assert hasattr(tilbake, name), name


def test_every_public_member_is_in_all():
    # what `import tilbake` defines without an underscore (submodules aside) is the public API
    public = {name for name, value in vars(tilbake).items()
              if not name.startswith("_") and not inspect.ismodule(value)}
    assert public == set(tilbake.__all__) - {"__version__"}


def test_the_error_tree_is_public_whole():
    errors = {name for name, value in vars(tilbake.errors).items()
              if inspect.isclass(value) and issubclass(value, tilbake.errors.TilbakeError)}
    assert errors <= set(tilbake.__all__)
