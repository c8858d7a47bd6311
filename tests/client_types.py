"""The first client's suggestion-type vocabularies (stored types and runtime task types), written out
once for the tests of every area that must cover them."""

CLIENT_TYPES = frozenset({
    "soap_subjective", "soap_objective", "soap_assessment", "soap_plan", "diagnosis_code",
    "treatment_suggestion", "red_flag", "communication", "spelling", "template",  # stored types
    "soap_notes", "clinical_summary", "diagnosis_suggestion", "differential_diagnosis",
    "red_flag_analysis", "clinical_reasoning", "spell_check", "referral_letter",
    "journal_organization",  # task types
})
