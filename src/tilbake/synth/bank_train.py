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
    "{Rel} har lignende plager.",
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
    "Trener på treningssenteret til {employer} tre ganger i uken.",
    "Var på ferie i {town} da plagene startet.",
    "Jobber som {job} i {employer}, mye løfting.",
    "{wordname}",
    "{wordname}",
    "Spiller fotball på {club} to ganger i uken.",
    "Trener med {club}, siste kamp {date}.",
    "{Rel} kjørte {pname} hit i dag.",
    "Kjenner {rel} som også går her.",
    "{pname} er {age} og har tre barn.",
    "Forverring etter en lang dag på jobb hos {employer}.",
    "Pasienten bor i {town} og jobber i {town}.",
    "Var innlagt på {hospital} i fjor, utskrevet {date}.",
    "Hadde time hos {person} på {otherclinic} {date}.",
    "Har tidligere gått til fysioterapeut på {otherclinic}.",
    "Samboeren {personlast} mener det har blitt verre.",
    "{pname} sier smertene er {score} i hvile.",
    "Samtale med {ptitled} og {rel}.",
    "Pårørende ({rel}) ringte {date}.",
    "Kontakt: {person}/{phone}.",
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
    "SLR og {eponym} negativ, {finding}.",
    "Abduksjon skulder {rom}.",
    "SLR positiv ved {rom}.",
    "Puls 68, BT {blood_pressure}, afebril.",
    "Kraft og reflekser ua., {finding}.",
)
ASSESS = (
    "{complaint}, {icpc}.",
    "Mekaniske ryggsmerter, ICPC-2 {icpc}.",
    "Prolaps {vertebra} med rotaffeksjon, {icd}.",
    "Forenlig med fasettleddsdysfunksjon {vertebra}.",
    "Ingen røde flagg.",
    "Bedring {percent} siden sist.",
    "Diagnose: {icd}.",
    "Trolig muskulært, {icpc}.",
    "Tilstanden er bedret, {score}.",
    "Vurderer at {pname} kan gå tilbake i jobb.",
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
    "Time igjen om {dur}.",
    "Bestilt ny time {date} {time} hos {clin}.",
    "Kontakt {agency} om refusjon.",
    "Ta kontakt på {landline} ved forverring.",
    "Sendt melding til {pname} på {email}.",
    "Informert {ptitled} om røde flagg.",
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
    "Takk for at dere ser på denne pasienten ({age}) med {complaint} {duration}.",
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
    "Pasienten bor i {town}, ikke i {town}.",
    "Skal stå {clinic}, ikke {otherclinic}.",
    "{pname} var {age} i fjor, rett alder er {age}.",
    "Fjernet e-postadressen {email}.",
    "Bra utkast, men mangler HPR-nr. {hpr}.",
)
MESSAGE = (
    "Hei {pfirst}! Du har time hos {clin} {date} {time}. Mvh {clinic}",
    "Hei, dette er {patient}. Kan jeg flytte timen {date}? Ring meg på {phone}.",
    "Påminnelse: time {date} {time} hos {clinic}, {address}. Avbestilling: {landline}.",
)
PHONE_NOTE = (
    "Telefon fra {patient} {date} {time}.",
    "{pname} ringte og fortalte at smertene er verre, {score}.",
    "{Rel} ringte på vegne av {pname}.",
    "Avtalt ny time {date}.",
    "Tilbakeringing til {phone}.",
    "Rådet til å ta {drug_dose} ved behov.",
    "Ønsker sykmelding forlenget, sendes {agency}.",
)
JOURNAL_HEAD = (
    "{jdate} Konsultasjon, {clin}:",
    "{jdate} – kontroll",
    "Notat {jdate}",
    "{jdate} {time} ({clin})",
)
