"""Capture: suggestions, the clinician's decision on each, the organizations' suggestion types, and
the reports built on them (``service``, over the area's own ``tables`` and ``repository``)."""
