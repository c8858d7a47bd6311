"""What tests of cued PHI ask of the engine's findings (the ``found`` fixture of tests/deid)."""


def labels_on(found, text, piece):
    """Labels of the found pieces that overlap ``piece`` by containment, either way."""
    return {label for p, label in found(text) if piece in p or p in piece and p}
