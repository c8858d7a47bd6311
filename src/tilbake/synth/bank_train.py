"""Phrasings of the ``train`` split. The ``heldout`` split has its own (``bank_heldout.py``); the
tests check that no template is shared. Holes are ``scene.SLOTS``."""

from __future__ import annotations

HEADER = {
    "name": ("Pasient: {patient}", "Pas.: {patient}", "Pasient: {plast}, {pfirst}", "PASIENT: {patient}"),
    "fnr": ("Fnr: {fnr}", "Fnr.: {fnr}", "f.nr {fnr}", "Fødselsnr: {fnr}"),
    "dob": ("Født: {dob}", "Fødselsdato: {dob}", "F: {dob}"),
    "age": ("Alder: {age}", "Alder: {agenum}"),
    "phone": ("Tlf: {phone}", "Tlf.: {phone}", "Telefon: {phone}", "Mob: {phone}"),
    "email": ("E-post: {email}", "Epost: {email}"),
    "address": ("Adresse: {address}, {post}", "Adr: {address}, {post}", "Adresse: {address}\n{post}"),
    "referrer": ("Henvisende lege: {person}, {otherclinic}", "Henvist fra: {person} ({otherclinic})"),
    "gp": ("Fastlege: {person}", "Fastlege: {person}, {otherclinic}"),
    "date": ("Dato: {visit}", "Konsultasjon: {visit}", "Dato for us.: {visit}"),
    "jnr": ("Journalnr.: {jnr}", "Jnr: {jnr}"),
    "employer": ("Arbeidsgiver: {employer}",),
    "relative": ("Pårørende: {rel}, tlf. {phone}", "Pårørende: {rel}"),
}
SECTIONS = (
    ("S:", "O:", "A:", "P:"),
    ("Subjektivt:", "Objektivt:", "Vurdering:", "Plan:"),
    ("S -", "O -", "A -", "P -"),
)
SUBJ = (
    "{pname} kommer med {complaint} {duration}.",
    "Oppstart {date} {cause}.",
    "Pasienten har hatt {complaint} siden {date}.",
    "Smertene beskrives som verkende, {score}.",
    "Jobber som lærer på {school}, mye stående.",
    "Jobber i {employer}, tunge løft.",
    "Er sykmeldt fra jobben i {employer} {duration}.",
    "Kommer sammen med {rel}.",
    "{rel} har lignende plager.",
    "Bor sammen med {rel} i {town}.",
    "Flyttet til {town} for noen år siden.",
    "Har brukt {drug_dose} uten særlig effekt.",
    "Tidligere operert på {hospital} {year}.",
    "Fikk tatt MR på {hospital} {date} som viste prolaps {vertebra}.",
    "Var hos {otherclinic} i fjor med tilsvarende.",
    "Datteren går på {school} og {pname} må kjøre henne hver dag.",
    "Ingen nattesmerter, ingen feber.",
    "Verst om morgenen, bedre ut på dagen.",
    "Søvnen er forstyrret {duration}.",
    "{pposs} mor har hatt brystkreft.",
    "Trener på {employer}-gymmen tre ganger i uken.",
    "Var på ferie i {town} da plagene startet.",
)
OBJ = (
    "{finding}.",
    "{finding}, {finding}.",
    "Positiv {eponym} høyre side.",
    "{eponym} negativ bilateralt.",
    "Fleksjon {rom}, ekstensjon {rom}.",
    "BT {blood_pressure}.",
    "Palpasjonsøm over {vertebra}.",
    "Nedsatt sensibilitet i dermatom {vertebra}.",
    "Rotasjon cervikalt {rom} til høyre.",
    "{score} ved us.",
    "Gange på tå og hæl ua.",
)
ASSESS = (
    "{complaint}, {icpc}.",
    "Mekaniske ryggsmerter, ICPC-2 {icpc}.",
    "Prolaps {vertebra} med rotaffeksjon, {icd}.",
    "Forenlig med fasettleddsdysfunksjon {vertebra}.",
    "Ingen røde flagg.",
    "Bedring {percent} siden sist.",
    "Diagnose: {icd}.",
)
PLAN = (
    "{treatment}.",
    "{treatment} og {treatment}.",
    "Ny time {date} {time}.",
    "Kontroll {week}.",
    "Henvist til MR ved {hospital}.",
    "Henvises videre til {otherclinic}.",
    "Sykmeldt {percent} {duration}.",
    "Søknad sendt til {agency}.",
    "Egenandel {money}.",
    "Fortsetter {drug_dose}.",
    "Ringer {pname} på {phone} når svaret kommer.",
    "Kopi til fastlege {person}.",
)
PROSE_OPEN = (
    "{patient}, {age}, ble sett {visit}.",
    "{patient}, {age}, konsulterer for {complaint}.",
    "Kontroll av {patient} ({age}).",
    "Ny pasient {visit}: {patient}.",
)
LETTER_OPEN = (
    "Henvisning til {hospital}",
    "HENVISNING – {hospital}, ortopedisk poliklinikk",
    "Til {hospital}, nevrologisk avdeling",
)
LETTER_ABOUT = (
    "Gjelder: {patient}, fnr. {fnr}",
    "Vedr.: {patient}, født {dob}",
    "Pasient: {patient} ({fnr}), {address}, {post}",
)
LETTER_BODY = (
    "Takk for at dere ser på denne {age} pasienten med {complaint} {duration}.",
    "Pasienten har vært til behandling hos oss siden {date} uten tilstrekkelig bedring.",
    "MR tatt ved {hospital} {date} viser prolaps {vertebra}.",
    "Ønsker vurdering med tanke på operasjon.",
    "Pasienten kan nås på {phone}.",
    "Arbeider i {employer} og er sykmeldt {percent}.",
)
EPI_OPEN = (
    "Epikrise",
    "EPIKRISE fra {clinic}",
    "Epikrise etter avsluttet behandling",
)
EPI_BODY = (
    "{patient} ble behandlet ved {clinic} fra {date} til {date} for {complaint}.",
    "Totalt ti behandlinger med {treatment}.",
    "Ved avslutning {score}, tilnærmet smertefri.",
    "Anbefaler fortsatt {treatment}.",
    "Ny vurdering ved behov, ta kontakt på {landline}.",
)
SIGNATURE = (
    "Med vennlig hilsen\n{clin}\n{title}\n{clinic}\n{address}, {post}\nTlf. {landline}",
    "Mvh\n{clin}, {title}\nHPR-nr. {hpr}\n{clinic}",
    "Vennlig hilsen {clin}, {title}, {clinic}, {clinemail}",
    "{clin}\n{title}, HPR {hpr}\n{clinic} – {url}",
)
COMMENT = (
    "Feil navn i utkastet, pasienten heter {patient}.",
    "Bra, men {pname} er {age}, ikke 34.",
    "Fjernet fnr {fnr} fra teksten.",
    "Utkastet glemte at pasienten jobber i {employer}.",
    "Riktig dato er {date}.",
    "Endret {icd} til {icpc}.",
    "Ok, la til {eponym} positiv.",
    "Pasienten ble henvist fra {otherclinic}, ikke {hospital}.",
    "Mangler at {rel} var med.",
    "Ta ut telefonnummeret {phone}.",
)
MESSAGE = (
    "Hei {pfirst}! Du har time hos {clin} {date} {time}. Mvh {clinic}",
    "Hei, dette er {patient}. Kan jeg flytte timen {date}? Ring meg på {phone}.",
    "Påminnelse: time {date} {time} hos {clinic}, {address}. Avbestilling: {landline}.",
)
