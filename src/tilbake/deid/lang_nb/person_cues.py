"""Context that makes a capitalised word a person's name even when no name list knows it (lower case).

Half the names in Norwegian notes today are in no Norwegian name list (Somali, Tamil, Polish,
Vietnamese, Sámi names ...), so the words around a name must carry the decision: a referral verb
before it ("Jeg henviser Ánná"), a relation word ("svigerinnen Nazdar", "kona hans Shweta"), an age
or a birth date after it ("Reynaldo, som er 39 år", "Siriporn Stangeland (født 12.01.1951)").
"""

from __future__ import annotations

# Relation words are built, not listed: prefix* + stem + ending ("stedatteren", "svigerinnen",
# "barnebarnet", "oldefaren"), so every inflected and compounded form is covered.
RELATION_PREFIXES = ("ste", "svigers", "sviger", "halv", "olde", "tipp", "bonus", "besteste")
RELATION_STEMS = ("datter", "døtre", "sønn", "mor", "mora", "far", "bror", "søster", "søstr", "kone", "kon",
                  "mann", "ektemann", "ektefelle", "samboer", "kjæreste", "venn", "venninne", "onkel",
                  "tante", "fetter", "kusine", "nevø", "niese", "svoger", "svigerinne", "barnebarn",
                  "bestemor", "bestefar", "besteforelder", "mormor", "morfar", "farmor", "farfar", "gutt",
                  "jente", "barn", "pappa", "mamma",
                  "nabo", "kollega", "sjef", "verge", "partner", "forelder", "foreldre", "sønnesønn",
                  "datterdatter", "dattersønn", "sønnedatter", "bestevenn", "bestevenninne")
RELATION_ENDINGS = ("", "en", "n", "a", "et", "ene", "ren", "eren", "e",
                    "s", "ens", "ns", "as", "ets", "enes", "rens", "erens")  # with the genitive
# Nouns for a person that start a note like a name would ("Kvinne, 45 år", "Gutt (født 2015)").
PERSON_NOUNS = ("kvinne", "dame", "herre", "pike", "baby", "spedbarn", "ungdom", "elev", "student",
                "pasient", "pensjonist", "tvilling", "enke", "enkemann", "mannlig", "kvinnelig")
POSSESSIVES = frozenset({"hans", "hennes", "min", "mi", "mitt", "sin", "si", "sitt", "deres", "vår"})

# Phrases right before a name (lower case, the last one or two words; punctuation stripped).
CUES_BEFORE = frozenset({
    "henviser", "henvises", "kontakter", "kontaktet", "ringer", "ringte", "informerer", "informert",
    "fastlegen", "fastlegen er", "fastlege er", "lege er", "behandler er", "navn", "pasientopplysninger",
    "konsultasjon med", "time med", "samtale med", "snakket med", "møte med", "kontroll av",
    "telefonsamtale med", "telefonkonsultasjon med", "videokonsultasjon med", "oppfølging av",
    "beskjed til", "melding til", "brev til", "svar til", "kopi til", "oppsatt hos", "oppsatt til",
    "sist hos", "time hos", "timen hos", "behandlet av", "undersøkt av", "vurdert av", "fulgt opp av",
    "henvist av", "sykmeldt av", "sykmeldingen fra", "sykemeldingen fra", "sykmelding fra",
    "hilsen fra", "følge av", "sendes fastlegen", "sendt fastlegen", "epikrise til", "avtalt med",
    "drøftet med", "pasienten", "pasientens", "pas", "pt", "ifølge",
    "kjørte", "fulgte", "vurderer at", "heter", "kontakt", "sendt melding til", "henvist fra",
    "på vegne av", "sammen med", "bor sammen med",
    "hos",  # a capitalised word after "hos" is a person or an organisation ("funnene hos Volodymyr")
})

# Words right after a name that make it one: "Stang forteller", "Ovllá Austbråten har gått til".
VERBS_AFTER = ("forteller", "opplyser", "beskriver", "møter", "møtte", "tok kontakt", "ringte", "ringer",
               "sier", "angir", "rapporterer", "har blitt", "har gått", "har hatt", "ønsker", "fikk",
               "kom inn", "kommer", "er alvorlig", "ble med", "var med", "oppgir", "klager",
               "ringe", "kontakte")

# Nouns a person's genitive opens in a note ("Åstas plager begynte i mai", "Hansens smerter"); not
# "sykdom" or "test", which follow eponyms ("Bechterews sykdom", "Lasègues test").
GENITIVE_NOUNS = frozenset({"plager", "plage", "smerter", "smerte", "symptomer", "sykehistorie", "tilstand",
                            "allmenntilstand", "fastlege", "journal", "medisiner", "medisinliste",
                            "situasjon", "helse", "smertebilde", "anamnese"})
# Words for a document or plan that name the person it is for ("Behandlingsplan for Kari:",
# "Notat for Hansen", "Treningsprogram for Ali"): the word before "for" ends with one of these.
DOCUMENT_FOR = ("plan", "notat", "oppsummering", "epikrise", "journal", "rapport", "program", "attest",
                "erklæring", "henvisning", "sammendrag", "journalnotat")

# Header words that open a line like a name but never are one ("Navn/fnr:", "Angår:", "HPR-nummer").
HEADER_WORDS = ("Navn", "NAVN", "Pasientopplysninger", "Angår", "Gjelder", "Vedr", "HPR", "HPR-nr",
                "HPR-nummer", "Betalt", "Fnr", "Personnr", "Fødselsnummer", "Rekvirent", "Bosted",
                "Sykehistorie", "Sluttrapport", "Sluttnotat", "Timebekreftelse", "Konsultasjonsdato",
                "Mail", "E-post", "Ref", "Ifølge", "Iflg", "Yrke", "Jobb", "Arbeidssted")

# Capitalised words that open a sentence in clinical notes; when a dropped period glues them to a
# name ("sign. Marte Yri Driver med orientering") they end the name rather than continue it.
SENTENCE_WORDS = (
    "Driver", "Underviser", "Arbeider", "Jobber", "Trener", "Pendler", "Bor", "Plagene", "Smertene",
    "Hadde", "Fikk", "Ble", "Kom", "Var", "Mistanke", "Undersøkt", "Behandlet", "Startet", "Tidligere",
    "Videre", "Ifølge", "Iflg", "Våkner", "Falt", "Ses", "Verre", "Bedre", "Mye", "Lite", "Normal",
    "Angir", "Beskriver", "Forteller", "Sender", "Melding", "Skriftlig", "Går", "Gikk", "Løfter", "Står",
    "Sitter", "Ligger", "Henvender", "Konservativ", "Oppfølging", "Oppsatt", "Drøftet", "Beskjed",
    "Telefonkonsultasjon", "Konsultasjon", "Sykmeldingen", "Sykmelding", "Gradert", "Arbeidsfør",
    "Hjemmehørende", "Fremgang", "Svekket", "Nedsatt", "Reflekser", "Kraft", "Sensibilitet", "Ømhet",
    "Uke", "Informert", "Noe",
)

# Cues strong enough that the lower-case words after them are a name even when no list knows it
# (messy dictation: "Oppsatt til dragana kvist 20.9.2023", "Vi kontakter öztürk på 9260 1536"),
# provided the words end where a name would: at punctuation, a number, "på", or a verb of telling.
STRONG_LOWER_CUES = ("fastlege er", "fastlegen er", "fastlegeer", "fastlegen,", "sign", "sign.", "signert",
                     "vi kontakter", "vi ringer", "beskjed til pasienten", "med pasienten", "til pasienten",
                     "oppsatt til", "oppsatt hos", "sykmeldingen fra", "sykmeldingenfra", "hilsen fra",
                     "time med", "konsultasjon med", "telefonkonsultasjon med", "telefonkonsultasjonm/",
                     "fru", "herr", "hr.", "dr.", "navn –", "sist hos", "varsist hos", "fastlegen",
                     "kjørte", "fulgte", "vurderer at", "heter", "kontakt:", "sendt melding til",
                     "melding til", "henvist fra:", "pasient:", "pasienten heter")
# Words that end a run of lower-case name words: function words, fillers, dictated punctuation.
RUN_STOPS = frozenset({
    "er", "har", "på", "i", "til", "med", "og", "som", "fra", "eh", "øh", "altså", "komma", "punktum", "ble",
    "blitt", "var", "skal", "kan", "ved", "om", "for", "at", "den", "det", "en", "et", "ei", "hos", "etter",
    "før", "nå", "da", "så", "ikke", "hadde", "kl", "kl.", "ny", "time", "kontroll", "samtale", "neste",
    "oppfølging", "behandling", "i dag", "idag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag",
    "lørdag", "søndag", "uke", "ca", "mr", "ct", "røntgen", "henvisning", "svar", "prøvesvar", "forteller",
    "noe", "noen", "annet", "annen", "andre", "alle", "litt", "mye", "mer", "også", "bare", "jo", "vel",
    "hun", "han", "de", "vi", "jeg", "du", "seg", "dette", "denne", "disse", "hjem", "hit", "dit", "inn",
    "ring", "ringe", "send", "sende", "ta", "gi", "se", "sjekk", "kontakt", "legen", "legevakt", "oss",
    "meg", "dem", "sentralbordet", "resepsjonen", "klinikken", "kontoret", "bil", "opp",
})

# Of CUES_BEFORE, those strong enough for a name that is also a word ("Vi kontakter Eng på …").
WORDLIKE_NAME_CUES = frozenset({"kontakter", "kontaktet", "ringer", "ringte", "henviser", "fastlegen",
                                "fastlege er", "fastlegen er", "sendes fastlegen", "oppsatt hos",
                                "oppsatt til",
                                "sykmeldingen fra", "beskjed til", "pasienten", "heter", "kjørte", "fulgte",
                                "konsultasjon med", "time med", "samtale med", "hilsen fra", "sist hos"})
