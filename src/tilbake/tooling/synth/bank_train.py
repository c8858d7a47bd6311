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
    "{pname} ⟨kommer med|har hatt|søker hjelp for|kommer pga.⟩ {complaint}⟨| {duration}⟩.",
    "⟨Oppstart|Debut|Startet⟩ {date}⟨| {cause}⟩.",
    "Pasienten har hatt {complaint} siden {date}.",
    "Smertene beskrives som ⟨verkende|stikkende|murrende|jagende⟩, {score}.",
    "Jobber som ⟨lærer|assistent|vaktmester⟩ på {school}⟨, mye stående|⟩.",
    "⟨Jobber|Arbeider⟩ i {employer}⟨, tunge løft|, mye kontorarbeid| i skift⟩.",
    "Er sykmeldt fra jobben i {employer} {duration}.",
    "Kommer ⟨sammen med|i følge med⟩ {rel}⟨| i dag⟩.",
    "{Rel} har lignende plager.",
    "Bor ⟨sammen med|med⟩ {rel} i {town}.",
    "Flyttet til {town} for noen år siden.",
    "Har ⟨brukt|prøvd⟩ {drug_dose} ⟨uten særlig effekt|med noe effekt|med god effekt⟩.",
    "Tidligere operert ⟨på|ved⟩ {hospital} {year}⟨| for prolaps⟩.",
    "Fikk tatt MR på {hospital} {date} som viste prolaps {vertebra}.",
    "Var hos {otherclinic} ⟨i fjor|for noen år siden⟩ med tilsvarende⟨| plager⟩.",
    "Datteren går på {school} og {pname} må kjøre henne hver dag.",
    "Ingen nattesmerter, ingen feber.",
    "Verst ⟨om morgenen|om kvelden|etter lange dager⟩, bedre ⟨ut på dagen|i bevegelse|etter hvile⟩.",
    "Søvnen er forstyrret {duration}.",
    "{pposs} ⟨mor|far|søster|bror⟩ har hatt ⟨brystkreft|hjerteinfarkt|diabetes|revmatisme⟩.",
    "Trener på treningssenteret til {employer} tre ganger i uken.",
    "Var på ⟨ferie|besøk|hytta⟩ i {town} da plagene startet.",
    "Jobber som {job} i {employer}, mye løfting.",
    "{wordname}",
    "{wordname}",
    "Spiller ⟨fotball|håndball|innebandy⟩ på {club}⟨| to ganger i uken⟩.",
    "Trener med {club}, siste kamp {date}.",
    "{Rel} ⟨kjørte|fulgte⟩ {pname} hit i dag.",
    "Kjenner {rel} som også går her.",
    "{pname} er {age} og har ⟨tre barn|to barn|ingen barn|fire barnebarn⟩.",
    "Forverring etter en lang dag på jobb hos {employer}.",
    "Pasienten bor i {town} og jobber i {town}.",
    "Var innlagt på {hospital} i fjor, utskrevet {date}.",
    "Hadde time hos {person} ⟨på|ved⟩ {otherclinic} {date}.",
    "Har tidligere gått til fysioterapeut på {otherclinic}.",
    "Samboeren {personlast} mener det har blitt verre.",
    "{pname} ⟨sier|oppgir|anslår⟩ at smertene er {score} i ⟨hvile|aktivitet⟩.",
    "Samtale med {ptitled} og {rel}.",
    "Pårørende ({rel}) ringte {date}.",
    "Kontakt: {person}/{phone}.",
)
OBJ = (
    "{finding}.",
    "{finding}, {finding}.",
    "Positiv {eponym} ⟨høyre|venstre|begge⟩ side⟨|r⟩.",
    "{eponym} negativ bilateralt.",
    "⟨Fleksjon|Fleks.⟩ {rom}, ⟨ekstensjon|ekst.⟩ {rom}.",
    "BT {blood_pressure}.",
    "⟨Palpasjonsøm|Øm|Trykkøm⟩ over {vertebra}⟨| bilateralt| på høyre side⟩.",
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
    "Bedring ⟨på|ca.|omtrent⟩ {percent} siden ⟨sist|forrige time|oppstart⟩.",
    "Diagnose: {icd}.",
    "Trolig muskulært, {icpc}.",
    "Tilstanden er bedret, {score}.",
    "Vurderer at {pname} kan gå tilbake i jobb.",
)
PLAN = (
    "{treatment}.",
    "{treatment} og {treatment}.",
    "Ny time {date}⟨ {time}|⟩.",
    "Kontroll {week}.",
    "Henvist til ⟨MR|røntgen|CT|ortoped⟩ ved {hospital}.",
    "Henvises videre til {otherclinic}.",
    "Sykmeldt {percent} {duration}.",
    "Søknad sendt til {agency}.",
    "Egenandel {money}.",
    "Fortsetter {drug_dose}.",
    "Ringer {pname} på {phone} når ⟨svaret kommer|MR-svaret foreligger|vi hører fra sykehuset⟩.",
    "Kopi til ⟨fastlege|henvisende lege⟩ {person}⟨| ved {otherclinic}⟩.",
    "Time igjen om {dur}.",
    "⟨Bestilt|Satt opp⟩ ny time {date} {time} hos {clin}.",
    "Kontakt {agency} om refusjon.",
    "Ta kontakt på {landline} ved forverring.",
    "Sendt melding til {pname} på {email}.",
    "Informert {ptitled} om røde flagg.",
)
PROSE_OPEN = (
    "{patient}, {age}, ble sett ⟨{visit}|i dag|til kontroll {visit}⟩.",
    "{patient}, {age}, konsulterer for {complaint}.",
    "⟨Kontroll|Oppfølging|Ny konsultasjon⟩ av {patient} ({age}).",
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
    "Takk for at dere ⟨ser på|vurderer⟩ denne pasienten ({age}) med {complaint} {duration}.",
    "Pasienten har vært ⟨til behandling|i behandling⟩ hos oss siden {date} "
    "⟨uten tilstrekkelig bedring|med begrenset effekt⟩.",
    "⟨MR|CT⟩ tatt ved {hospital} {date} viser ⟨prolaps|skiveutbuling|spinal stenose⟩ {vertebra}.",
    "Ønsker vurdering med tanke på ⟨operasjon|injeksjon|videre utredning⟩.",
    "Pasienten kan ⟨nås|treffes⟩ på {phone}⟨| på dagtid⟩.",
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
    "Feil navn i ⟨utkastet|forslaget⟩, pasienten heter {patient}.",
    "Bra, men {pname} er {age}, ikke 34.",
    "Fjernet fnr {fnr} fra teksten.",
    "Utkastet glemte at pasienten jobber i {employer}.",
    "⟨Riktig|Korrekt⟩ dato er {date}.",
    "Endret {icd} til {icpc}.",
    "Ok, la til {eponym} positiv.",
    "Pasienten ble henvist fra {otherclinic}, ikke {hospital}.",
    "Mangler at {rel} var med.",
    "⟨Ta ut|Fjern⟩ telefonnummeret {phone}.",
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
