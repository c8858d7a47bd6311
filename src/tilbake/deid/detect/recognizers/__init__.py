"""The rule-based recognizers, one family per module; importing this registers their number patterns."""

from __future__ import annotations

from tilbake.deid.detect.recognizers.addresses import AddressRecognizer, PlaceRecognizer
from tilbake.deid.detect.recognizers.ages import AgeRecognizer
from tilbake.deid.detect.recognizers.base import Finding, Recognizer, Scan
from tilbake.deid.detect.recognizers.contact import ContactRecognizer
from tilbake.deid.detect.recognizers.dates import DateRecognizer
from tilbake.deid.detect.recognizers.ids import IdRecognizer
from tilbake.deid.detect.recognizers.initials import InitialsRecognizer
from tilbake.deid.detect.recognizers.names import NameRecognizer
from tilbake.deid.detect.recognizers.orgs import OrgRecognizer

__all__ = ["AddressRecognizer", "AgeRecognizer", "ContactRecognizer", "DateRecognizer", "Finding",
           "IdRecognizer", "InitialsRecognizer", "NameRecognizer", "OrgRecognizer", "PlaceRecognizer",
           "Recognizer", "Scan",
           "rule_recognizers",
           "structured_recognizers"]


def structured_recognizers() -> list[Recognizer]:
    """The pattern part: identifiers, contact details, dates, ages, addresses and postcodes."""
    return [IdRecognizer(), ContactRecognizer(), DateRecognizer(), AgeRecognizer(), AddressRecognizer()]


def rule_recognizers() -> list[Recognizer]:
    """Every rule-based recognizer: the pattern part, then names, initials, organisations and places."""
    return [*structured_recognizers(), NameRecognizer(), InitialsRecognizer(), OrgRecognizer(),
            PlaceRecognizer()]
