"""The rule-based recognizers, one family per module; importing this registers their number patterns."""

from __future__ import annotations

from tilbake.deid.recognizers.addresses import AddressRecognizer
from tilbake.deid.recognizers.ages import AgeRecognizer
from tilbake.deid.recognizers.base import Finding, Recognizer, Scan
from tilbake.deid.recognizers.contact import ContactRecognizer
from tilbake.deid.recognizers.dates import DateRecognizer
from tilbake.deid.recognizers.ids import IdRecognizer
from tilbake.deid.recognizers.names import NameRecognizer
from tilbake.deid.recognizers.orgs import OrgRecognizer

__all__ = ["AddressRecognizer", "AgeRecognizer", "ContactRecognizer", "DateRecognizer", "Finding",
           "IdRecognizer", "NameRecognizer", "OrgRecognizer", "Recognizer", "Scan", "rule_recognizers"]


def rule_recognizers() -> list[Recognizer]:
    """Every rule-based recognizer, structured families first."""
    return [IdRecognizer(), ContactRecognizer(), DateRecognizer(), AgeRecognizer(), AddressRecognizer(),
            NameRecognizer(), OrgRecognizer()]
