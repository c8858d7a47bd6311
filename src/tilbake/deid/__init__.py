"""De-identification of Norwegian clinical text: pure functions from text to spans, and rewrites.

Nothing in this package does I/O or logs text; it imports nothing of tilbake but ``errors`` (and the
version string). ``detect/`` finds spans, ``rewrite/`` rewrites text with them: spans are the contract.
"""

from tilbake.deid.spans import Detector, Label, Span

__all__ = ["Detector", "Label", "Span"]
