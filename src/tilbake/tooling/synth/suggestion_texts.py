"""Sentence templates for AI drafts, grouped by what they say (see ``scene.SLOTS`` for the holes)."""

from __future__ import annotations

SUBJ = (
    "{patient} ({age}) ⟨kommer med|presenterer|beskriver⟩ {complaint} {duration}.",
    "Pasienten, {pname}, oppgir {complaint} som ⟨startet|oppsto|debuterte⟩ {cause}.",
    "{pname} beskriver {complaint}, verst om morgenen, {score}.",
    "Pasienten har hatt {complaint} siden {date}, forverret siste {dur}.",
    "Jobber som sykepleier på {hospital} og har mye løfting.",
    "Arbeider i {employer}⟨, mye stillesittende arbeid|, fysisk krevende arbeid|⟩.",
    "Kommer sammen med {rel}, som ⟨forteller|bekrefter⟩ at smertene har ⟨økt|avtatt noe⟩.",
    "Bruker {drug_dose} med noe effekt.",
    "Tidligere behandlet hos {otherclinic} for tilsvarende plager {year}.",
    "{pname} er {age} og går på {school}.",
    "Smertene stråler ned i benet, {score}.",
    "Ingen ⟨nattlige smerter|nattesmerter⟩, ingen ⟨vekttap|feber|nevrologiske symptomer⟩.",
    "{pposs} plager begynte {date}.",
)
OBJ = (
    "⟨Ved undersøkelse|Klinisk|Funn⟩: {finding}, {finding}.",
    "Positiv {eponym} på venstre side ved {rom}.",
    "Negativ {eponym}, {finding}.",
    "Fleksjon lumbalt {rom}, ekstensjon {rom}.",
    "BT {blood_pressure}, puls ⟨64|72|80|88⟩.",
    "Palpasjonsøm over {vertebra}, {finding}.",
    "Nedsatt rotasjon i nakken til venstre, {rom}.",
    "Redusert kraft i stortåekstensjon, tilsvarende {vertebra}.",
)
ASSESS = (
    "Vurderes som {complaint}, forenlig med {icpc}.",
    "Sannsynlig prolaps {vertebra} med rotaffeksjon, ICD-10 {icd}.",
    "⟨Mekaniske|Uspesifikke⟩ ⟨korsryggsmerter|nakkesmerter⟩ uten røde flagg.",
    "Funnene tyder på fasettleddsdysfunksjon {vertebra}.",
    "Klinisk bilde forenlig med {icpc} {complaint}.",
    "Myalgi i nakke og skulder, {percent} bedring siden forrige konsultasjon.",
)
PLAN = (
    "Plan: {treatment} og {treatment}, ny time {date} {time}.",
    "⟨Anbefaler|Foreslår⟩ {treatment}, ⟨kontroll|ny vurdering⟩ om {dur}.",
    "Sykmelding {percent} fra {week}, vurderes på nytt.",
    "Henvises til ⟨MR|røntgen|ortopedisk vurdering⟩ ved {hospital}.",
    "Henvises til {otherclinic} for videre oppfølging.",
    "Fortsetter {drug_dose} ved behov.",
    "Egenandel {money} betalt, refusjon via {agency}.",
    "Kontakt {agency} angående arbeidsavklaringspenger.",
    "Pasienten ringes opp på {phone} ⟨dersom MR-svar foreligger|ved behov|innen en uke⟩.",
)
DX = (
    "Foreslått diagnose: {icpc} {complaint}.",
    "Forslag ICPC-2: {icpc}, ICD-10: {icd}.",
    "Kode {icd} passer best med funnene hos {pname}.",
    "{icpc} Ryggsmerter (alternativt {icpc}).",
)
TX = (
    "Foreslår {treatment} ⟨to|tre⟩ ganger i uken i {dur}.",
    "Behandlingsplan for {pname}: {treatment}, deretter {treatment}.",
    "Hjemmeøvelser: {treatment}, 3 x 10 repetisjoner daglig.",
    "Vurder {drug_dose} i en kort periode.",
)
RF = (
    "Ingen røde flagg: ingen sadelanestesi, normal blære- og tarmfunksjon.",
    "OBS: vekttap og nattsmerter hos {pname} ({age}), vurder henvisning til {hospital}.",
    "Rødt flagg: progredierende nevrologiske utfall tilsvarende {vertebra}.",
    "Feber og ryggsmerter; utelukk infeksjon, ta CRP.",
    "Ved forverring skal {pname} ringe legevakten eller {phone}.",
)
COMM = (
    "Hei {pfirst}! Takk for besøket {visit}.",
    "Hei {pfirst}, her er øvelsene vi snakket om.",
    "Du har fått ny time {date} {time} hos {clinic}.",
    "Ta kontakt på {landline} eller {clinemail} om du har spørsmål.",
    "Husk å ta med henvisningen fra {person}.",
    "Mvh {clin}, {title}, {clinic}.",
    "Les mer på {url}.",
)
SUMMARY = (
    "Oppsummering for {patient}, født {dob}, fnr. {fnr}:",
    "Pasient ({age}) med {complaint} {duration}.",
    "Behandlet {week} med {treatment}, god effekt.",
    "Bor i {address}, {post}, med {rel}.",
    "Fastlege er {person} ved {otherclinic}.",
    "Telefon {phone}, e-post {email}.",
)
DIFF = (
    "Differensialdiagnoser: prolaps {vertebra}, spinal stenose, fasettleddssyndrom.",
    "Alternativt {icpc} eller {icd}, avhengig av MR-funn.",
    "Bør skille mot {complaint} og visceral årsak.",
    "Mindre sannsynlig: inflammatorisk ryggsykdom (alder {age}).",
)
REASON = (
    "Siden {eponym} er positiv og smertene følger dermatom {vertebra}, er rotaffeksjon sannsynlig.",
    "Alder {age} og fravær av røde flagg taler for konservativ behandling.",
    "Bedring med {percent} siden {date} støtter valgt behandling.",
    "{score} ved oppstart og nå {score}; forløpet er gunstig.",
)
REFERRAL = (
    "Henvisning til {hospital}, ortopedisk poliklinikk.",
    "Gjelder: {patient}, fnr. {fnr}, {address}, {post}.",
    "Tlf. {phone}.",
    "Pasienten henvises for vurdering av {complaint} {duration}.",
    "Med vennlig hilsen {clin}, {title}, HPR-nr. {hpr}, {clinic}.",
    "Ref. nr. {jnr}.",
)
JOURNAL = (
    "S: {complaint} {duration}. O: {finding}. A: {icpc}. P: {treatment}.",
    "Anamnese: {pname} oppgir {complaint}.",
    "Funn: {finding}, {eponym} negativ.",
    "Tiltak: {treatment}, kontroll {date}.",
    "Journalnr. {jnr}.",
)
SPELL = (
    "Pasienten har hatt smerter i {region} {duration}.",
    "{pname} forteller om {complaint} etter at {rel} ble syk.",
    "Undersøkelsen viste {finding}.",
    "Fortsetter behandlingen hos {clinic} {date}.",
)
TEMPLATE = (
    "Mal: Ny pasient – {complaint}.",
    "Navn: {patient}",
    "Fødselsdato: {dob}",
    "Fnr: {fnr}",
    "Tlf: {phone}",
    "Adresse: {address}, {post}",
    "Henvist fra: {person}, {otherclinic}",
)
# Openers naming the patient, added to many drafts whatever their type (real drafts name people).
HEAD = (
    "{patient} ({age}):",
    "Pasient: {patient}, f. {dob}.",
    "Gjelder {pname}, {age}.",
    "Konsultasjon {visit} hos {clin}, {clinic}.",
    "{pname}, fnr {fnr}, tlf. {phone}.",
    "Notat for {patient}, {address}, {post}.",
    "Pas. {pname} ({agenum}), henvist av {person}.",
)
# Which families each suggestion type draws its sentences from (both of the client's vocabularies).
FAMILIES = {
    "soap_subjective": (SUBJ,),
    "soap_objective": (OBJ,),
    "soap_assessment": (ASSESS, DX),
    "soap_plan": (PLAN, TX),
    "diagnosis_code": (DX,),
    "treatment_suggestion": (TX, PLAN),
    "red_flag": (RF,),
    "communication": (COMM,),
    "spelling": (SPELL,),
    "template": (TEMPLATE,),
    "soap_notes": (SUBJ, OBJ, ASSESS, PLAN),
    "clinical_summary": (SUMMARY, SUBJ),
    "diagnosis_suggestion": (DX, ASSESS),
    "differential_diagnosis": (DIFF,),
    "red_flag_analysis": (RF, REASON),
    "clinical_reasoning": (REASON, ASSESS),
    "spell_check": (SPELL,),
    "referral_letter": (REFERRAL, SUBJ),
    "journal_organization": (JOURNAL,),
}
FEEDBACK_NOTES = (
    "Feil navn: pasienten heter {patient}.",
    "Bra forslag.",
    "Manglet at {pname} har {complaint}.",
    "Diagnosekoden var feil, skal være {icpc}.",
    "Ring {pname} på {phone} for å avtale ny time.",
    "Alder stemmer ikke, pasienten er {age}.",
    "For langt, kortet ned.",
    "Fnr. {fnr} ble lagt inn feil i utkastet.",
    "Sjekk med {person} på {hospital}.",
    "Foreslo {treatment}, men pasienten ønsket ikke det.",
    "Datoen skal være {date}.",
    "Ikke relevant for denne konsultasjonen.",
)
CHIEF = (
    "{complaint}",
    "{complaint} {duration}",
    "{complaint} {cause}",
    "kontroll {complaint}",
    "{complaint}, henvist fra {otherclinic}",
    "{complaint} etter arbeid hos {employer}",
)
