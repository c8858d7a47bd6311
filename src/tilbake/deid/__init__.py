"""De-identification of Norwegian clinical text: pure functions from text to spans, and rewrites.

Nothing in this package does I/O or logs text; it imports nothing of tilbake but ``errors``.
"""

from tilbake.deid.spans import Detector, Label, Span

__all__ = ["Detector", "Label", "Span"]
