"""Phrasings of the ``heldout`` split: none of them appears in ``bank_train.py`` (tested), so a model
trained on train is measured on wording it never saw. Holes are ``scene.SLOTS``."""

from __future__ import annotations

HEADER = {
    "name": ("Navn: {patient}", "Navn – {patient}", "Pasientens navn: {patient}", "NAVN {plast}, {pfirst}"),
    "fnr": ("Personnr.: {fnr}", "Fødselsnummer - {fnr}", "Pnr {fnr}", "ID-nr: {fnr}"),
    "dob": ("F.dato: {dob}", "Fdt. {dob}", "Født den {dob}"),
    "age": ("Alder (år): {agenum}", "{age}"),
    "phone": ("Mobil: {phone}", "Mobilnr {phone}", "Tlf nr: {phone}", "Kontakt: {phone}"),
    "email": ("Mail: {email}", "E-mail {email}"),
    "address": ("Bosted: {address} / {post}", "Bor: {address}, {post}", "Postadresse {address}, {post}"),
    "referrer": ("Henvist av: dr. {personlast} ({otherclinic})", "Rekvirent: {person}, {otherclinic}"),
    "gp": ("Fastlege er {person}", "Fast lege: {person} ved {otherclinic}"),
    "date": ("Konsultasjonsdato {visit}", "Sett: {visit}", "Time {visit}"),
    "jnr": ("Saksnr. {jnr}", "Ref: {jnr}"),
    "employer": ("Jobb: {employer}", "Yrke/arbeidssted: sjåfør, {employer}"),
    "relative": ("Nærmeste pårørende: {rel} ({phone})", "Kontaktperson {rel}"),
}
SECTIONS = (
    ("Anamnese:", "Funn:", "Vurdering/diagnose:", "Tiltak:"),
    ("Sykehistorie:", "Klinisk us:", "Konklusjon:", "Videre:"),
    ("ANAMNESE", "STATUS", "DIAGNOSE", "BEHANDLING"),
)
SUBJ = (
    "Henvender seg ⟨grunnet|på grunn av|med⟩ {complaint} som har vart {duration}.",
    "Plagene ⟨debuterte|kom⟩ {date}, ⟨trolig|antakelig|muligens⟩ {cause}.",
    "{pname} forteller om {complaint} etter at hen begynte i ny jobb i {employer}.",
    "Underviser ved {school} og ⟨står mye|bærer mye utstyr|sitter lite⟩.",
    "Er i ⟨full|redusert|50 %⟩ stilling hos {employer}.",
    "Mye stress hjemme, {rel} er alvorlig syk.",
    "Hadde følge av {rel} ⟨i dag|til timen⟩.",
    "Hjemmehørende i {town}, pendler daglig.",
    "Har tatt {drug_dose} ⟨noen dager|en ukes tid⟩, ⟨lite hjelp|hjelper litt|uten virkning⟩.",
    "Behandlet for samme ved {hospital} for noen år siden ({year}).",
    "CT fra {hospital}, datert {date}, viser degenerative forandringer {vertebra}.",
    "Gikk ⟨tidligere|for et par år siden⟩ til behandling hos {otherclinic}.",
    "Sønnen begynner på {school} til høsten.",
    "Våkner av smertene flere ganger per natt.",
    "Smertene sitter ⟨dypt|overfladisk⟩ og er ⟨brennende|skjærende|dumpe⟩, {score}.",
    "{pposs} ⟨far|mor|onkel|bestemor⟩ fikk ⟨hjerteinfarkt|slag|kreft⟩ i ung alder.",
    "Var ⟨på hytta|på tur|hos familie⟩ i {town} da det smalt i ryggen.",
    "Tidligere frisk, bruker ingen faste medisiner.",
    "Arbeider som {job} hos {employer} med mye bæring.",
    "{wordname}",
    "{wordname}",
    "Driver med ⟨håndball|langrenn|orientering⟩ i {club}.",
    "Kampen mot {club} {date} utløste det hele.",
    "{Rel} ble med inn på konsultasjonen.",
    "{pname}, som er {age}, har ⟨to barn i barnehagealder|voksne barn|en sønn i militæret⟩.",
    "Plagene økte etter en travel uke hos {employer}.",
    "Hen pendler fra {town} til {town}.",
    "Lå på {hospital} en periode i fjor ({duration}).",
    "Var sist hos {person} ({otherclinic}) ⟨{date}|i vår|før jul⟩.",
    "Fulgt opp av manuellterapeut ved {otherclinic}.",
    "Ifølge {rel} har {pname} blitt mer stille.",
    "Angir smerteintensitet {score} ⟨i ro|ved belastning|om natten⟩.",
    "Sykmeldingen fra {person} gikk ut {date}.",
    "Drøftet videre plan med {ptitled}.",
    "Beskjed til {ptitled}: ta med bildene fra {hospital}.",
    "Tlf./navn: {phone}/{person}.",
)
OBJ = (
    "Undersøkt: {finding}.",
    "Status: {finding}; {finding}.",
    "{eponym} positiv ⟨ve.|hø.|bilat.⟩ side.",
    "Neg. {eponym}.",
    "ROM: ⟨fleksjon|ekstensjon⟩ {rom}, ⟨lateralfleksjon|rotasjon⟩ {rom}.",
    "Blodtrykk målt til {blood_pressure}.",
    "Ømhet ved ⟨palpasjon|trykk⟩ ⟨over|rundt⟩ {vertebra}.",
    "Svekket refleks tilsvarende {vertebra}.",
    "Smerteskår {score}.",
    "Reflekser likt bilateralt, ingen pareser.",
    "Strakt benhev {rom} hø., {rom} ve.",
    "Skulderfleksjon begrenset til {rom}.",
    "Normal kraft, {eponym} utløser smerte.",
    "BT {blood_pressure} sittende, hjerte og lunger ua.",
    "Nevrologisk: {finding}.",
)
ASSESS = (
    "Konkluderer med {complaint} ({icpc}).",
    "Diagnosekode {icpc}/{icd}.",
    "Mistanke om rotirritasjon {vertebra}.",
    "Trolig myofasielt smertesyndrom.",
    "Ingen tegn til alvorlig patologi.",
    "⟨Rundt|Cirka|Anslagsvis⟩ {percent} bedre enn ved forrige ⟨time|konsultasjon⟩.",
    "Mest sannsynlig muskulær årsak, kode {icpc}.",
    "Fremgang, nå {score}.",
    "Arbeidsfør fra {date}.",
)
PLAN = (
    "Behandlet med {treatment}.",
    "Startet med {treatment}; i tillegg {treatment}.",
    "Neste ⟨konsultasjon|time|oppfølging⟩ {date}, {time}.",
    "Oppfølging {week}.",
    "Rekvirert ⟨MR|ultralyd|røntgen⟩, {hospital}.",
    "Overføres til {otherclinic} for videre tiltak.",
    "Gradert sykmelding {percent}.",
    "Melding sendt {agency}.",
    "Betalt {money}.",
    "Skal trappe ned {drug_dose}.",
    "Vi ⟨kontakter|ringer⟩ {pname} på {phone} ⟨ved endringer|når prøvesvar er klare⟩.",
    "⟨Epikrise|Notat|Kopi⟩ sendes fastlegen, {person}.",
    "Ses igjen {date}.",
    "Oppsatt ⟨til|hos⟩ {clin} {date} {time}.",
    "Sender refusjonskrav til {agency}.",
    "Ring oss på {landline} om det ikke går over.",
    "Svar sendes til {email}.",
    "Skriftlig informasjon gitt til {ptitled}.",
)
PROSE_OPEN = (
    "I dag ⟨konsultasjon|time⟩ med {patient}, som er {age}.",
    "{patient} (født {dob}) møter til oppfølging.",
    "⟨Sett|Undersøkt⟩ {visit}: {pname}, {age}.",
    "Telefonkonsultasjon med {patient}.",
)
LETTER_OPEN = (
    "Henvisning: {hospital}, ryggpoliklinikken",
    "Til: {hospital} v/ mottakende lege",
    "Søknad om vurdering ved {hospital}",
)
LETTER_ABOUT = (
    "Angår {patient}, pnr {fnr}",
    "Pasientopplysninger: {patient}, f. {dob}, {address}, {post}",
    "Navn/fnr: {patient} / {fnr}",
)
LETTER_BODY = (
    "Jeg henviser {pname}, {age}, med ⟨langvarig|tiltakende|residiverende⟩ {complaint}.",
    "Konservativ behandling siden {date} har ⟨ikke ført frem|gitt lite bedring⟩.",
    "Bildediagnostikk ({hospital}, {date}) viser ⟨affeksjon av|forandringer ved⟩ {vertebra}.",
    "Ber om vurdering av ⟨kirurgisk behandling|smertepoliklinikk|rehabilitering⟩.",
    "Hen treffes best på ⟨mobil|telefon⟩ {phone}.",
    "Ansatt ved {employer}, delvis sykmeldt.",
)
EPI_OPEN = (
    "Sluttrapport",
    "Sluttnotat – {clinic}",
    "Behandlingsrapport ved avslutning",
)
EPI_BODY = (
    "{pname} har gått til behandling hos oss mellom {date} og {date} pga. {complaint}.",
    "Har fått {treatment} ved i alt åtte konsultasjoner.",
    "Smertene er nå {score}, funksjonen god.",
    "Bør fortsette med {treatment} på egen hånd.",
    "Kontakt oss gjerne på {landline} ved spørsmål.",
)
SIGNATURE = (
    "Hilsen\n{clin} ({title})\n{clinic}, {address}, {post}",
    "--\n{clin}\n{title} | HPR: {hpr}\n{clinic} | {landline}",
    "Beste hilsen fra {clin}, {title} ved {clinic}. {url}",
    "Sign. {clin}, {title}, HPR-nummer {hpr}, e-post {clinemail}",
)
COMMENT = (
    "Navnet stemmer ikke ⟨–|,|:⟩ det er {patient}.",
    "Utkast ok, men rett alder er {age}.",
    "Slettet personnummer {fnr}.",
    "Savner arbeidsgiver ({employer}).",
    "Datoen skal være {date}⟨, ikke i går|⟩.",
    "Byttet kode fra {icpc} til {icd}.",
    "Legger til: {eponym} var negativ.",
    "Henvisningen kom fra {otherclinic}.",
    "Husk at {rel} ringte i går.",
    "Nummeret {phone} skal ikke stå i ⟨notatet|journalen⟩.",
    "Feil bosted, det er {town}.",
    "Klinikken heter {clinic}.",
    "Forslaget nevner {person}, det skal være {patient}.",
    "Mailadressen {email} må ut.",
    "Saksnummer {jnr} manglet.",
)
MESSAGE = (
    "Hei {pfirst}, minner om timen din {date} {time}. Hilsen {clin}, {clinic}",
    "Dette er {patient}, jeg blir dessverre forsinket. Mob {phone}",
    "Timebekreftelse {date} {time} – {clinic}, {address}, {post}. Spørsmål? Ring {landline}.",
)
PHONE_NOTE = (
    "Telefonnotat {date}: {patient} tok kontakt {time}.",
    "Beskriver økende plager siste døgn, {score}.",
    "Det var {rel} som ringte for {pname}.",
    "Får time hos {clin} {date}.",
    "Ringes tilbake på {phone}.",
    "Anbefalt {drug_dose} inntil videre.",
    "Trenger ny sykmelding, {agency} varslet.",
)
JOURNAL_HEAD = (
    "--- {jdate} ---",
    "Oppfølging {jdate}, sign. {clin}",
    "Time {jdate} {time}:",
    "[{jdate}] {clin}",
)
