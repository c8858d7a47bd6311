"""The prompt side of every exported row: a Norwegian system prompt per suggestion type and a user turn.

The user turn is built only from *anonymized* context: the chief complaint after de-identification, the
patient's age as a decade range and diagnosis codes that look like ICPC-2 / ICD-10 codes. Nothing else
from ``context_data`` reaches a row, so a client that stuffs free text into an unexpected key cannot leak
it through the prompt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tilbake.deid.rewrite.operators import age_range as deid_age_range

Message = dict[str, str]


@dataclass(frozen=True, slots=True)
class TaskPrompt:
    system: str
    request: str  # the last line of the user turn: what the assistant is asked to write


_BASE = (
    "Du er en klinisk skriveassistent for kiropraktorer og annet helsepersonell i Norge. "
    "Du skriver på norsk bokmål, kort, presist og i et faglig journalspråk. "
)

TASKS: dict[str, TaskPrompt] = {
    "soap_subjective": TaskPrompt(
        _BASE
        + "Du skriver S-delen (subjektivt) av et SOAP-notat: pasientens egne opplysninger og sykehistorie.",
        "Skriv subjektiv del av journalnotatet.",
    ),
    "soap_objective": TaskPrompt(
        _BASE + "Du skriver O-delen (objektivt) av et SOAP-notat: funn ved undersøkelse og tester.",
        "Skriv objektiv del av journalnotatet.",
    ),
    "soap_assessment": TaskPrompt(
        _BASE + "Du skriver A-delen (vurdering) av et SOAP-notat: klinisk vurdering og arbeidsdiagnose.",
        "Skriv vurderingen.",
    ),
    "soap_plan": TaskPrompt(
        _BASE + "Du skriver P-delen (plan) av et SOAP-notat: behandling, råd og oppfølging.",
        "Skriv planen.",
    ),
    "soap_notes": TaskPrompt(
        _BASE + "Du skriver et fullstendig SOAP-notat (subjektivt, objektivt, vurdering, plan).",
        "Skriv journalnotatet.",
    ),
    "diagnosis_code": TaskPrompt(
        _BASE + "Du foreslår diagnosekoder (ICPC-2 eller ICD-10) som passer til konsultasjonen.",
        "Foreslå diagnosekode(r).",
    ),
    "diagnosis_suggestion": TaskPrompt(
        _BASE + "Du foreslår den mest sannsynlige diagnosen med kort begrunnelse.",
        "Foreslå diagnose.",
    ),
    "differential_diagnosis": TaskPrompt(
        _BASE + "Du setter opp differensialdiagnoser i prioritert rekkefølge med kort begrunnelse.",
        "List differensialdiagnoser.",
    ),
    "treatment_suggestion": TaskPrompt(
        _BASE + "Du foreslår behandling og tiltak i tråd med faglige retningslinjer.",
        "Foreslå behandling.",
    ),
    "red_flag": TaskPrompt(
        _BASE + "Du vurderer røde flagg som krever videre utredning eller henvisning.",
        "Vurder røde flagg.",
    ),
    "red_flag_analysis": TaskPrompt(
        _BASE + "Du analyserer opplysningene for røde flagg og anbefaler eventuell henvisning.",
        "Analyser for røde flagg.",
    ),
    "clinical_reasoning": TaskPrompt(
        _BASE + "Du beskriver den kliniske resonneringen trinn for trinn.",
        "Beskriv den kliniske resonneringen.",
    ),
    "clinical_summary": TaskPrompt(
        _BASE + "Du skriver et kort klinisk sammendrag av forløpet.",
        "Skriv et klinisk sammendrag.",
    ),
    "communication": TaskPrompt(
        _BASE + "Du skriver en vennlig og forståelig melding til pasienten.",
        "Skriv meldingen til pasienten.",
    ),
    "referral_letter": TaskPrompt(
        _BASE + "Du skriver en henvisning til lege, spesialist eller annen behandler.",
        "Skriv henvisningen.",
    ),
    "spelling": TaskPrompt(
        _BASE + "Du retter skrivefeil og språk i journaltekst uten å endre det faglige innholdet.",
        "Rett teksten.",
    ),
    "spell_check": TaskPrompt(
        _BASE + "Du retter skrivefeil og språk i journaltekst uten å endre det faglige innholdet.",
        "Rett teksten.",
    ),
    "template": TaskPrompt(
        _BASE + "Du fyller ut en journalmal med opplysningene fra konsultasjonen.",
        "Fyll ut malen.",
    ),
    "journal_organization": TaskPrompt(
        _BASE + "Du strukturerer journalteksten under riktige overskrifter.",
        "Strukturer journalteksten.",
    ),
}

#: used for suggestion types an organization registered itself
DEFAULT_TASK = TaskPrompt(_BASE + "Du skriver et forslag til journalføringen.", "Skriv forslaget.")

# ICPC-2 (L03, A97, -30) and ICD-10 (M54.5, S13.4) shapes; anything else in the list is dropped.
_CODE = re.compile(r"^(?:[A-Z]\d{2}(?:\.\d{1,3})?|-\d{2})$")


def task_prompt(suggestion_type: str) -> TaskPrompt:
    return TASKS.get(suggestion_type, DEFAULT_TASK)


def patient_age_range(age: object) -> str | None:
    """A patient's age as the deid age operator writes it ("40-49", "90+"); None when it is no age."""
    if isinstance(age, bool) or age is None:
        return None
    if isinstance(age, str):
        age = age.strip()
        if not age.isdigit():
            return None
    try:
        years = int(age)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None
    if not 0 <= years <= 130:
        return None
    return deid_age_range(years)


def diagnosis_codes(raw: object) -> tuple[str, ...]:
    """The entries of ``raw`` shaped like diagnosis codes, upper-cased, in order, without repeats."""
    if isinstance(raw, str):
        items: Iterable[object] = re.split(r"[,;\s]+", raw)
    elif isinstance(raw, list | tuple):
        items = raw
    else:
        return ()
    seen: dict[str, None] = {}
    for item in items:
        if isinstance(item, str):
            code = item.strip().upper()
            if _CODE.match(code):
                seen.setdefault(code, None)
    return tuple(seen)


#: the label of the chief complaint in the user turn; the field is anonymized with it in front, so a
#: complaint that is only a name still has the cue a detector needs ("Hovedplage: Kari Nordmann")
COMPLAINT_LABEL = "Hovedplage: "
CONTEXT_LABELS = (COMPLAINT_LABEL,)


def labelled(label: str, value: str) -> str:
    return f"{label}{value}" if value else ""


def unlabelled(label: str, text: str) -> str:
    """``text`` without the label it was anonymized with (kept whole if the anonymizer rewrote the label)."""
    return text[len(label):] if text.startswith(label) else text


def user_turn(
    suggestion_type: str, chief_complaint: str | None, age: str | None, codes: tuple[str, ...]
) -> str:
    """The user message: the anonymized context as labelled lines, then the request."""
    lines = []
    if chief_complaint:
        lines.append(labelled(COMPLAINT_LABEL, chief_complaint))
    if age:
        lines.append(f"Alder: {age} år")
    if codes:
        lines.append(f"Diagnosekoder: {', '.join(codes)}")
    request = task_prompt(suggestion_type).request
    return "\n".join(lines) + "\n\n" + request if lines else request


def prompt_messages(
    suggestion_type: str, chief_complaint: str | None, age: str | None, codes: tuple[str, ...]
) -> list[Message]:
    """``[system, user]``: the shared prompt of every row built from one suggestion."""
    return [
        {"role": "system", "content": task_prompt(suggestion_type).system},
        {"role": "user", "content": user_turn(suggestion_type, chief_complaint, age, codes)},
    ]
