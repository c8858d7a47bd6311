import tilbake


def test_public_api_is_pinned():
    # Changing the public API is a decision: update this list on purpose.
    assert sorted(tilbake.__all__) == sorted([
        "AuthError", "ConfigError", "ConflictError", "ExportError", "InputError", "ModelError",
        "NotFoundError", "StorageError", "TilbakeError", "ValidationError", "__version__",
    ])
    for name in tilbake.__all__:
        assert hasattr(tilbake, name)
