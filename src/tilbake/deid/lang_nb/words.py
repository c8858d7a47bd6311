"""Hand-curated Norwegian word lists used as context by the recognizers (all lower case)."""

from __future__ import annotations


def _words(spaced: str) -> list[str]:
    """A long word list is easiest to read and edit as one string of words."""
    return spaced.split()


MONTHS: dict[str, int] = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
    "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "desember": 12, "des": 12,
}
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
            "man", "tir", "tirs", "ons", "tor", "tors", "fre", "lør", "søn")

# Words right before a bare "12.03" or "12/3" that make it a date rather than a decimal or a score.
DATE_CUES = ("den", "dato", "d.", "sett", "ses", "igjen", "konsultasjon", "kons.", "kons", "oppfølging",
             "debuterte", "debut", "mellom", "datert", "notat", "telefonnotat", "ut", "f.", "født", "fdt.",
             "skadet", "start", "startet", "siste", "sist", "dd", "fra", "til", "siden", "innlagt",
             "utskrevet", "time", "timen",
             "kontroll", "konsultasjon", "henvist", "sykmeldt", "sykemeldt", "opr", "operert",
             "mottatt", "besøk", "undersøkt", "datert", "fom", "f.o.m.", "tom", "t.o.m.", "per", "pr",
             "ny time", "neste time", "og", "-", "–", *WEEKDAYS)

# Words before "7/10" that make it a score, not a date.
SCORE_WORDS = ("vas", "nrs", "score", "skår", "smerteskår", "smerte", "smerter", "poeng", "odi", "ndi",
               "psfs",
               "mmse", "bt", "ks", "styrke", "kraft", "grad", "av")

# Number words for ages written out ("sju år gammel").
NUMBER_WORDS: dict[str, int] = {
    "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9, "ti": 10,
    "elleve": 11, "tolv": 12, "tretten": 13, "fjorten": 14, "femten": 15, "seksten": 16, "sytten": 17,
    "atten": 18, "nitten": 19,
}
TENS: dict[str, int] = {"tjue": 20, "tretti": 30, "førti": 40, "femti": 50, "seksti": 60, "sytti": 70,
                        "åtti": 80, "nitti": 90}
DECADE_WORDS = ("ten", "tjue", "tretti", "førti", "femti", "seksti", "sytti", "åtti", "nitti")

# Words before "N år" that make it a duration or a point in time, not an age.
DURATION_BEFORE = ("vart", "varte", "varer", "varighet", "hatt", "i", "for", "på", "siste", "over",
                   "under", "etter", "innen", "hvert", "om", "per",
                   "pr", "ca. i", "til", "fra", "gjennom", "de", "første", "neste", "noen", "flere",
                   "mindre enn", "mer enn", "enn", "snart", "nesten", "ca", "ca.", "cirka", "omtrent")
DURATION_AFTER = ("siden", "tilbake", "senere", "etter", "før", "frem", "fram")

# Cue words per family, matched at a word start and inside compounds ("fødselsnummeret").
FNR_CUES = ("fnr", "f.nr", "fødselsn", "fødselsnr", "personn", "pers.nr", "personnr", "pnr", "d-nr",
            "d-nummer", "dnr", "h-nummer", "identitetsn", "id-nr", "ssn",
            # other countries' person numbers: Danish CPR, Swedish/Finnish personnummer, social security
            "cpr", "sosialsikkerhetsn", "social security", "personal number", "personal id", "pesel",
            "henkilötunnus", "kennitala")
PHONE_CUES = ("tlf", "telefon", "mobil", "mob", "ring", "nr.", "nummer", "tel", "phone", "sms",
              "kontakt", "mobilnr", "tlf.nr", "telefonnr", "nås på", "treffes på", "fax", "faks",
              "ringt", "ringte", "ringes", "+47", "på", "kontakt:")
NOT_PHONE_CUES = ("varenr", "varenummer", "art.nr", "artikkel", "artnr", "ordre", "lot", "batch",
                  "serien", "produkt", "katalog", "ref.nr", "faktura", "kid", "lopenr", "løpenr")
ID_CUES = ("journaln", "journal-n", "journalnr", "journal nr", "journal", "jnr", "j.nr", "saksn", "saksnr",
           "sak nr", "henvisningsn",
           "henvisnings-id", "henv.nr", "henvisningsnr", "rekvisisjonsn", "rekv.nr", "pasientn",
           "pasient-id", "pas.nr", "pasientnr", "referanse", "ref.", "ref:", "epikrise nr", "case",
           "episode", "prøvenr", "prøvenummer", "kontonr", "kontonummer", "konto", "hpr", "id-nummer",
           "id:", "medlemsn", "forsikringsn", "polisen", "skadenummer", "skadenr", "løpenummer",
           "org.nr", "org nr", "orgnr", "organisasjonsn", "her-id", "skadesak", "saksreferanse", "arkivn")
HPR_CUES = ("hpr",)
# Phone cues that announce the very next number (unlike "på", "nummer", "kontakt"): after one of these
# a number of eight digits in any grouping ("9 12 34 567"), or starting with 0/1, is a phone.
STRONG_PHONE_CUES = ("tlf", "telefon", "mobil", "mob", "tel", "phone", "sms", "mobilnr", "tlf.nr",
                     "telefonnr", "fax", "faks", "ring", "ringe", "ringt", "ringte", "nås på",
                     "treffes på", "mobiltelefon", "telefonnummer", "mobilnummer")
KONTO_CUES = ("kontonr", "kontonummer", "konto", "bankkonto", "kto")
AGE_CUES = ("alder", "alder:", "år gammel")

# Street name endings (lower case) that make the next small number a house number.
STREET_SUFFIXES = (
    "gata", "gate", "gaten", "veien", "vei", "vegen", "veg", "vn.", "gt.", "gt", "plass", "plassen", "allé",
    "alle", "alléen", "alleen", "bakken", "bakke", "stien", "sti", "svingen", "kroken", "lia", "åsen",
    "toppen", "faret", "grenda", "haugen", "brygge", "bryggen", "torg", "torget", "tunet", "terrasse",
    "ringen", "løkka", "løkken", "jordet", "stubben", "kleiva", "enga", "tun", "stredet", "myra", "berget",
    "parken", "sletta", "hagen", "kaia", "kaien", "brekka", "lunden", "marka", "skogen", "dalen", "holmen",
    "linna", "lyngen", "kollen", "hellinga", "vollen", "rabben", "gangen", "passasjen", "promenaden",
)

# Cues before a town or municipality ("bor i Bærum").
RESIDENCE_CUES = ("bor i", "bor på", "bosatt i", "bosatt på", "bodd i", "bor nå i", "bor alene i",
                  "fra", "flyttet til", "flytta til", "flyttet fra", "oppvokst i", "vokst opp i",
                  "født i", "hjemmehørende i", "hjemme i", "bostedskommune", "kommune:", "bosted:",
                  "poststed:", "hytte i", "hytta i", "jobber i", "jobber på", "arbeider i", "reiste til",
                  "ferie i", "besøk i", "kommune", "sted:")

# Header fields whose value is a person's name ("Pasient: Nordmann").
PERSON_FIELDS = ("pasient", "pasientnavn", "navn", "fullt navn", "henvisende lege", "henvist av",
                 "fastlege", "behandler", "behandlende lege", "lege", "kiropraktor", "fysioterapeut",
                 "pårørende", "nærmeste pårørende", "kontaktperson", "signert", "signert av", "sign",
                 "utført av", "skrevet av", "dikt", "diktert av", "godkjent av", "kopi til", "mor",
                 "far", "ektefelle", "samboer", "verge", "mottaker", "til", "fra", "ansvarlig",
                 "ansvarlig lege", "terapeut", "sykepleier", "psykolog", "rekvirent", "avsender",
                 "fast lege", "navn/fnr", "navn / fnr", "tlf./navn", "tlf/navn", "pasientopplysninger",
                 "gjelder", "angår", "vedr", "vedrørende", "pas", "pt", "navn og fnr", "pasientdata")
ORG_FIELDS = ("arbeidsgiver", "arbeidssted", "skole", "barnehage", "klinikk", "sykehus", "legekontor",
              "institusjon", "avdeling", "virksomhet", "behandlingssted")

# Titles and roles before a name ("fastlege Hansen", "datteren Kari").
PERSON_TITLES = (
    "dr", "dr.", "doktor", "fru", "frk", "frk.", "herr", "hr", "hr.", "lege", "fastlege", "overlege",
    "underlege", "turnuslege", "lis", "lis-lege", "kiropraktor", "kiropraktoren", "fysioterapeut",
    "fysioterapeuten", "manuellterapeut", "sykepleier", "sykepleieren", "psykolog", "psykologen",
    "tannlege", "jordmor", "helsesykepleier", "spesialist", "ortoped", "ortopeden", "nevrolog",
    "nevrologen", "revmatolog", "radiolog", "kollega", "kollegaen", "ektefelle", "ektefellen",
    "kona", "kone", "mannen", "ektemann", "datter", "datteren", "sønn", "sønnen", "mor", "moren",
    "mora", "far", "faren", "søster", "søsteren", "bror", "broren", "samboer", "samboeren",
    "kjæreste", "kjæresten", "venninne", "venn", "venninnen", "svigermor", "svigerfar", "bestemor",
    "bestefar", "barnebarn", "nabo", "naboen", "pasient", "pasienten", "pas", "pas.", "sjef", "sjefen",
    "leder", "lederen", "verge", "vergen", "kontaktperson", "professor", "prof.", "v/", "ved",
    "hos", "sign", "sign.", "mvh", "hilsen", "og", "med", "til", "fra", "hei", "hallo", "kjære", "angår",
    "vedr", "vedr.", "gjelder", "barnebarnet", "onkel", "onkelen", "tante", "tanten", "svoger", "svogeren",
    "svigerinne", "svigerinnen", "nevø", "nevøen", "niese", "niesen", "fetter", "fetteren", "kusine",
    "kusinen", "bestemoren", "bestefaren", "stefar", "stemor", "m/",
)
# of the titles above, those that are weak on their own (need a gazetteer name after them)
WEAK_TITLES = frozenset({"og", "med", "til", "fra", "ved", "hos", "pasient", "pasienten", "pas", "pas.",
                         "leder", "lederen", "sjef", "sjefen", "venn", "nabo", "naboen"})
# patient-side vs practitioner-side roles, for the role operator
PRACTITIONER_WORDS = ("lege", "fastlege", "overlege", "turnuslege", "kiropraktor", "fysioterapeut",
                      "manuellterapeut", "sykepleier", "psykolog", "behandler", "terapeut", "dr",
                      "doktor", "signert", "sign", "henvisende", "utført av", "skrevet av", "diktert",
                      "rekvirent", "godkjent", "spesialist", "mvh", "hilsen", "tannlege", "jordmor",
                      "ortoped", "nevrolog", "radiolog", "lis", "professor")
PATIENT_WORDS = ("pasient", "pasienten", "pas", "navn", "pasientnavn", "pt")

SIGNOFFS = ("mvh", "med vennlig hilsen", "vennlig hilsen", "hilsen", "beste hilsen", "sign", "signert")
# Nouns that close the name of a scale, score or test ("Berg Balance Scale", "NYHA klasse"): never a person
INSTRUMENT_NOUNS = _words("scale score index test klasse skala skår indeks kriterier criteria questionnaire "
                          "inventory")
# Short words and acronyms that end a line or an entry themselves, so they are no staff initials there
LINE_END_WORDS = frozenset(_words("ok ua ja nei mvh hilsen obs nb ps tlf kl ca mg ml kg cm mm mmol iv im sc "
                                  "po pr hs sign vs dvs osv mtp inkl evt ev neg pos bilat hø ve sin dx"))
LINE_END_ACRONYMS = frozenset(_words("OK NB PS OBS EKG EEG EMG CRP SR HBA MR CT UL RTG BT BMI ADL AAP "
                                     "NAV BUP AMK DPS LAR HMS TSB PPT PHT KOLS ICD ICPC IPLOS GCS VAS NRS "
                                     "AS ASA DA SA BA HF ANS NUF LEGE SPL PAS AT TT INR HIV MRSA COVID"))

# Name-gazetteer entries that are also ordinary words or clinical terms: never a name on their own.
NAME_STOPWORDS = frozenset(_words(
    "Alle Alt Andre Arm Bak Bare Bein Berg Best Bli Bo Bror By Dag Dal Dam Del Den Der Det Dom "
    "Eik Elv En Ene Ett Fag Far Fast Fin Fisk Fjell Flo Fly Foss Fra Fri Frisk Frost Gang God "
    "Grav Ha Hage Hals Hand Hav Heim Hel Hell Hjelp Hode Holm Hov Hud Hus Hval Ikke Ingen Is "
    "Kan Kant Klar Kne Kort Kule Kvist Land Lang Le Lege Leik Lett Lie Lien Lik Lind Liv Lund Lyng "
    "Mai Mann Mark Mer Mor Mye Mål Natt Ned Ny Nå Om Opp Ord Rask Rett Rik Ro Rom Rygg Rød Sand Se "
    "Sig Sist Sjø Skog Sol Som Sone Stein Stor Strand Sund Syk Sønn Ta Tid Tom Topp Tor Trygg Tveit "
    "Ulv Vann Vei Vik Vil Vinter Vår Aas Ask Bjørk Dahl Eng Falk Gran Haug Hauge Hovde Kvam Li Lia Mo "
    "Moe Myhre Nes Ness Rud Rønning Sand Sol Strøm Tangen Vang Vold Øye Ørn Ås Haga Bakke "
    "Heia Klok Glad Sterk Lys Brun Hvit Svart Grønn Blå Mild Vond God Snill Ung Gammel "
    "Tirsdag Fredag Lørdag Søndag Mandag Onsdag Torsdag Juni Juli August April Mars Desember "
    "Pasient Pasienten Pas Status Plan Tiltak Vurdering Funn Anamnese Diagnose Sykmelding "
    "Kontroll Henvisning Epikrise Konklusjon Behandling Smerter Smerte Ingen Normal Nevro "
    "Laser"
))

# Capitalised words that start a name-like sequence but are never names (sentence starts, headers).
NON_NAME_CAPWORDS = frozenset(_words(
    "Jeg Vi Han Hun De Den Det Denne Dette Disse Pasienten Pasient Pas Hun Han Ved Etter Før Under "
    "Over Med Uten Fra Til Har Hadde Er Var Blir Ble Kan Skal Vil Må Bør Kommer Får Gikk Tar Tok "
    "Ingen Noe Noen Alle God Bra Dårlig Smerter Smerte Ny Nye Neste Siste Første Andre Tredje "
    "Status Plan Tiltak Vurdering Funn Anamnese Diagnose Konklusjon Behandling Kontroll Henvisning "
    "Epikrise Notat Journal Time Telefon Tlf Mobil Adresse Dato Alder Kjønn Sykehus Klinikk Avdeling "
    "Ring Se Sjekk Obs Mvh Hilsen Vennlig Med Og Eller Men Også Samt Hvis Når Som Da Nå Så "
    "Mandag Tirsdag Onsdag Torsdag Fredag Lørdag Søndag I På Av Om Hos Mot Mellom Gjennom "
    # sentence adverbs ("Ellers legevakt ved forverring" is advice, not a clinic called Ellers)
    "Ellers Deretter Derfor Dessuten Likevel Fortsatt Videre Evt Eventuelt Uansett Kanskje Trolig "
    "Sannsynligvis Muligens Antakelig Allerede Fremdeles Imidlertid Samtidig Etterpå Nylig Ofte Alltid "
    "Aldri Igjen"
))

# Capitalised clinical words the model reads as organisations: "Rødt flagg" (a red flag) is no party.
CLINICAL_CAPWORDS = ("Rødt", "Røde")

# National agencies and public services: named often, never PHI.
AGENCIES: tuple[str, ...]  # extended below
AGENCIES = ("NAV", "Nav", "HELFO", "Helfo", "Helsenorge", "helsenorge.no", "Helsedirektoratet",
            "Folkehelseinstituttet", "FHI", "Legemiddelverket", "DMP", "Statens helsetilsyn", "Helsetilsynet",
            "Norsk pasientskadeerstatning", "NPE", "Skatteetaten", "Folkeregisteret", "Trygdeetaten",
            "Arbeidstilsynet", "Pasientreiser", "AMK", "Legevakten", "Legevakta", "Kreftforeningen",
            "Helse Sør-Øst", "Helse Vest", "Helse Midt-Norge", "Helse Nord", "Statens vegvesen",
            "Mental Helse", "BUP", "Statsforvalteren", "Fylkesmannen", "Barnevernet", "Politiet")

# More national services, registers, benefits and patient organisations (issue 13: read as PHI by the model)
AGENCIES = (*AGENCIES, "BankID", "Bankid", "Altinn", "SYSVAK", "Kjernejournal", "Reseptregisteret",
            "MSIS", "Frisklivssentralen", "Rask psykisk helsehjelp", "Pasient- og brukerombudet",
            "Pasientombudet", "Husbanken", "Lånekassen", "UDI", "Utlendingsdirektoratet", "IMDi", "Bufetat",
            "Bufdir", "Statped", "PPT", "Direktoratet for e-helse", "Norsk Helsenett", "LHL",
            "Diabetesforbundet", "Revmatikerforbundet", "Norsk Revmatikerforbund", "NAAF", "ADHD Norge",
            "Autismeforeningen", "Blindeforbundet", "Norges Blindeforbund", "Epilepsiforbundet",
            "Parkinsonforbundet", "MS-forbundet", "Demensforeningen", "Nasjonalforeningen",
            "Rådet for psykisk helse", "Kirkens SOS", "Alarmtelefonen", "Pårørendesenteret",
            "Hørselshemmedes Landsforbund", "Mental Helse Ungdom", "Anonyme Alkoholikere",
            "Anonyme Narkomane", "Arbeids- og velferdsetaten", "Blå Kors", "Røde Kors", "Kirkens Bymisjon",
            "Frelsesarmeen",
            "Norsk Folkehjelp", "Redd Barna", "Leger uten grenser", "Helsebiblioteket", "Felleskatalogen",
            "Norsk legemiddelhåndbok", "Legehåndboka", "UpToDate", "Norsk Helseinformatikk")

# Eponyms in clinical tests and signs (never a person in a note).
EPONYMS: tuple[str, ...] = (
    "Lasègue", "Lasegue", "Lasègues", "Laseques", "Laségue", "Spurling", "Spurlings", "Babinski", "Romberg",
    "Rombergs", "Phalen", "Phalens", "Tinel", "Tinels", "Finkelstein", "Finkelsteins", "Patrick", "Patricks",
    "FABER", "Gaenslen", "Gaenslens", "Hawkins", "Kennedy", "Neer", "Neers", "Jobe", "Jobes", "Lachman",
    "Lachmans", "McMurray", "McMurrays", "Thessaly", "Apley", "Apleys", "Trendelenburg", "Trendelenburgs",
    "Thomas", "Thomas'", "Ober", "Obers", "Faber", "Adson", "Adsons", "Slump", "Schober", "Schobers",
    "Kemp", "Kemps", "Hoffmann", "Hoffmanns", "Lhermitte", "Lhermittes", "Bechterew", "Bechterews",
    "Scheuermann", "Scheuermanns", "Parkinson", "Parkinsons", "Alzheimer", "Alzheimers", "Crohn", "Crohns",
    "Bell", "Bells", "Horner", "Horners", "Raynaud", "Raynauds", "Sjögren", "Sjøgren", "Sjögrens",
    "Dupuytren", "Dupuytrens", "Osgood", "Schlatter", "Baker", "Bakers", "Morton", "Mortons", "Achilles",
    "Tietze", "Tietzes", "Quervain", "Quervains", "Colles", "Smith", "Waddell", "Waddells", "Gillet",
    "Kernig", "Kernigs", "Brudzinski", "Valsalva", "Dix-Hallpike", "Hallpike", "Epley", "Epleys",
    "Semont", "Hautant", "Unterberger", "Fukuda", "Mennell", "Yeoman", "Yeomans", "Ely", "Elys",
    "Hoover", "Hoovers", "Oppenheim", "Gordon", "Cobb", "Cobbs", "Beighton", "Oswestry", "Roland",
    "Morris", "Barthel", "Glasgow", "Wells", "Wells'", "Ottawa", "Canadian", "Maitland", "McKenzie",
    "Mulligan", "Cyriax", "Kaltenborn", "Graston", "Bobath", "Brandt", "Daroff", "Meniere", "Ménière",
    "Menières", "Hodgkin", "Hashimoto", "Graves", "Addison", "Cushing", "Guillain", "Barré", "Down",
    "Tourette", "Asperger", "Aspergers", "Willis", "Ekbom", "Reiter", "Paget", "Pagets", "Perthes",
    "Legg", "Sever", "Severs", "Sinding-Larsen", "Hill-Sachs", "Bankart", "SLAP", "Jones", "Lisfranc",
    "Chopart", "Weber", "Maisonneuve", "Monteggia", "Galeazzi", "Barton", "Bennett", "Rolando", "Boxer",
)

# More eponyms of scores, signs, tests, operations and diseases, none a first name or surname in the
# gazetteers, a Norwegian word or a place a patient may come from (the engine drops a span equal to one)
EPONYMS = (*EPONYMS, *_words(
    "Apgar Ishihara Snellen Mallampati Gleason Breslow Killip Ranson Mantoux Papanicolaou Doppler Billroth "
    "Seldinger Pfannenstiel McBurney Rovsing Kussmaul Cheyne-Stokes Korotkoff Tinetti Montgomery-Åsberg "
    "Ashworth Hoehn Yahr Spetzler Salter-Harris Gustilo Schatzker Frykman Meyerding Modic Pfirrmann Chiari "
    "Klippel-Feil Sprengel Madelung Kienböck Sudeck Klumpke Wernicke Korsakoff Kawasaki Henoch-Schönlein "
    "Behçet Marfan Ehlers-Danlos Klinefelter Prader-Willi Angelman Hirschsprung Mallory-Weiss Wilms Kaposi "
    "Burkitt Fallot Eisenmenger Brugada Stokes-Adams Lyme Coxsackie Epstein-Barr Helicobacter "
    "Glasgow-Blatchford Rockall Rinne Chvostek Homans Heberden Baastrup Forestier Legg-Calvé-Perthes "
    "Hawkins-Kennedy Yergason Silfverskiöld Kleiger Duchenne FABERE Charlson Waterlow MADRS Epworth DUDIT "
    "Osgood-Schlatter"))

# Drug brands common in Norway (not in international drug dictionaries), never names.
DRUG_BRANDS: tuple[str, ...] = (
    "Ibux", "Paracet", "Pinex", "Panodil", "Sobril", "Albyl-E", "Albyl", "Globoid", "Voltaren", "Naproxen",
    "Vival", "Stesolid", "Imovane", "Zopiklon", "Apocillin", "Selexid", "Somac", "Nexium", "Losec",
    "Zyrtec", "Aerius", "Cetirizin", "Ventoline", "Airomir", "Seretide", "Symbicort", "Flutide",
    "Ritalin", "Concerta", "Cipralex", "Sertralin", "Zoloft", "Remeron", "Valdoxan", "Lyrica",
    "Neurontin", "Tramadol", "Nobligan", "Paralgin", "Paralgin forte", "Pinex Forte", "Oxynorm",
    "OxyContin", "Targiniq", "Norspan", "Durogesic", "Arcoxia", "Celebra", "Orudis", "Brexidol",
    "Relifex", "Vimovo", "Cox-2", "Marevan", "Eliquis", "Xarelto", "Pradaxa", "Lipitor", "Simvastatin",
    "Atorvastatin", "Metformin", "Glucophage", "Januvia", "Ozempic", "Victoza", "Levaxin", "Eltroxin",
    "Prednisolon", "Medrol", "Kenacort", "Depo-Medrol", "Lidokain", "Xylocain", "Marcain", "Botox",
    "Imigran", "Maxalt", "Relpax", "Zomig", "Sumatriptan", "Rizatriptan", "Cyclo-Progynova", "Microgynon",
    "Yaz", "Nuvaring", "Mirena", "Kyleena", "Jaydess", "Cerazette", "Trimetoprim", "Furadantin",
    "Keflex", "Dalacin", "Diklofenak", "Ketorax", "Morfin", "Dolcontin", "Temgesic", "Subutex",
    "Suboxone", "Cymbalta", "Duloxetin", "Amitriptylin", "Sarotex", "Noritren", "Truxal", "Nozinan",
    "Seroquel", "Abilify", "Zyprexa", "Lamictal", "Orfiril", "Tegretol", "Keppra", "Vallergan", "Phenergan",
    "Melatonin", "Circadin", "Movicol", "Laxoberal", "Duphalac", "Afipran", "Postafen", "Zofran",
)

# More brands and generics, from the most prescribed and vaccinated in Norway (biologics, insulins,
# inhalers, psychiatry, cardiology, antibiotics, vaccines); none that is also a first name or surname
# ("Yasmin") or a common word, since the engine drops any span equal to one whatever its context.
DRUG_BRANDS = (*DRUG_BRANDS, *_words(
    "Humira Enbrel Remicade Remsima Simponi Cimzia Stelara Cosentyx Taltz Dupixent Xolair Nucala Fasenra "
    "Benepali Amgevita Hyrimoz Imraldi Mabthera Ocrevus Tysabri Tecfidera Aubagio Copaxone Gilenya "
    "Kesimpta Mavenclad Lantus Levemir Tresiba Toujeo Abasaglar Insulatard Humulin NovoRapid Humalog "
    "Apidra Fiasp Lyumjev NovoMix GlucaGen Baqsimi Trulicity Byetta Saxenda Wegovy Mounjaro Janumet "
    "Galvus Trajenta Jardiance Forxiga Invokana Synjardy Xigduo Amaryl Mindiab Spiriva Relvar Bricanyl "
    "Pulmicort Atrovent Flixotide Serevent Oxis Onbrez Ultibro Anoro Trelegy Trimbow Duoresp Giona "
    "Aerinaze Avamys Nasonex Rhinocort Otrivin Nezeril Telfast Kestine Clarityn Lergigan Atarax Stilnoct "
    "Theralen Xanor Rivotril Risperdal Haldol Leponex Invega Xeplion Trevicta Lithionit Elvanse Equasym "
    "Medikinet Strattera Intuniv Wellbutrin Efexor Cipramil Fontex Seroxat Mirtazapin Buvidal Nyxoid "
    "Selincro Campral Antabus Plavix Brilique Lixiana Fragmin Klexane Furix Burinex Aldactone Centyl "
    "Cozaar Atacand Diovan Norvasc Selo-Zok Emconcor Isoptin Cordarone Lanoxin Nitroglycerin Glytrin "
    "Imdur Ismo Crestor Zocor Ezetrol Euthyrox Neo-Mercazole Fosamax Prolia Aclasta Calcigran Nycoplus "
    "Naprosyn Toradol Primolut Provera Loette Zoely Estradot Vagifem Ovesterol Activelle Femanor Livial "
    "Utrogestan Viagra Cialis Levitra Vesicare Betmiga Toviaz Detrusitol Omnic Avodart Proscar Kåvepenin "
    "Weifapenin Imacillin Flagyl Diflucan Zovirax Valtrex Tamiflu Ciproxin Doxyferm Abboticin Klacid "
    "Azitromax Zithromax Bactrim Eusaprim Monurol Hiprex Fucidin Bactroban Locoid Elocon Dermovat "
    "Betnovat Mildison Locobase Canesten Daktacort Pevaryl Lamisil Solu-Medrol Celeston Imurel Metex "
    "Salazopyrin Plaquenil Arava Otezla Xeljanz Olumiant Rinvoq Trileptal Topimax Zonegran Buccolam "
    "Epanutin Madopar Sinemet Stalevo Azilect Mirapexin Requip Neupro Aricept Ebixa Exelon Reminyl "
    "Aimovig Ajovy Emgality Tramagetic Abstral Instanyl Palexia Ketogan Moventig Relistor Microlax Toilax "
    "Dulcolax Imodium Motilium Zantac Gaviscon Novaluzid Asacol Pentasa Mezavant Salofalk Entocort "
    "Budenofalk Creon Ursofalk Benerva Behepan Twinrix Havrix Engerix Boostrix Infanrix Priorix Varilrix "
    "Gardasil Cervarix Prevenar Pneumovax Vaxigrip Fluenz Comirnaty Spikevax Stamaril Ixiaro Dukoral "
    "Vivotif Encepur TicoVac Zopiclone Zolpidem Paxlovid Tradolan Oxycodone Fentanyl Pregabalin "
    "Gabapentin Metadon Naloxon Insulin Alvedon Ipren Treo Magnyl Ibumetin Brufen Dispril Pamol"))

# Clinic and organisation words: "<Name> legesenter" is an ORG.
CLINIC_WORDS = (
    "legesenter", "legesenteret", "legekontor", "legekontoret", "legesentre", "helsesenter",
    "helsesenteret", "fysioterapi", "fysioterapiinstitutt", "fysikalske", "kiropraktikk",
    "kiropraktorklinikk",
    "kiropraktorsenter", "kiropraktorkontor", "kiropraktorene", "klinikk", "klinikken", "tannlegesenter",
    "tannklinikk", "tannlegekontor", "helsestasjon", "helsestasjonen", "sykehjem", "sykehjemmet",
    "dps", "legevakt", "legevakten", "rehabiliteringssenter", "treningssenter", "bedriftshelsetjeneste",
    "bht", "medisinske senter", "medisinske", "helsehus", "helsehuset", "omsorgssenter", "behandlingssenter",
    "sykehus", "sykehuset", "sjukehus", "hospital", "universitetssykehus", "røntgen", "røntgeninstitutt",
    "skole", "skolen", "barnehage", "barnehagen", "videregående", "ungdomsskole", "barneskole",
    "idrettslag", "il", "fotballklubb", "fk", "as", "asa", "kommune", "apotek", "senter",
)
EMPLOYER_CUES = ("arbeidsgiver:", "arbeidsgiver", "treningssenteret til", "jobben i", "jobben hos", "jobbeni",
                 "fotball på", "håndball på", "trener med", "spiller for", "jobb hos", "jobb i",
                 "jobb ved", "jobber ved", "ansatt ved", "underviser ved",
                 "underviser på",
                 "håndball i", "fotball i", "begynner på", "begynte på", "begynte i", "jobber på",
                 "jobber i", "jobber hos", "ansatt i", "ansatt på", "ansatt hos",
                 "arbeider på", "arbeider i", "arbeider hos", "arbeidsgiver", "går på", "elev ved",
                 "student ved", "spiller i", "spiller for", "trener i", "trener på", "medlem av",
                 "stilling hos", "stilling i", "stilling ved", "stilling på", "jobb:", "arbeidssted:",
                 "arbeid hos", "arbeidet hos", "jobbet hos", "jobber for", "arbeider for", "jobbet for",
                 "arbeidsplass:", "uke hos", "uke på jobben i", "langrenn i", "ski i", "turn i", "svømming i",
                 "orientering i", "arbeidsgiver (", "arbeidsgiveren", "vikar i", "vikar hos", "vikar ved")
# "<verb> som <job> hos <Org>", "Yrke/arbeidssted: <job>, <Org>": the job word sits between cue and name
EMPLOYER_JOB_CUES = ("jobber som", "arbeider som", "ansatt som", "jobbet som", "arbeidet som",
                     "er ansatt som", "arbeidssted:", "yrke/arbeidssted:", "yrke:")

# Clinical nouns that follow an eponym ("Hortons hodepine", "Beers kriterier", "Kellgren-Lawrence grad 3"):
# a name-like word right before one of them is an eponym, not a person (``detect/name_words.py``).
EPONYM_NOUNS = _words(
    "sykdom sykdommen syndrom syndromet syndromer test testen tester tegn tegnet kriterier kriteriene "
    "kriterium hodepine grad graden gradering klassifikasjon klassifikasjonen klassifisering skala skalaen "
    "score skår manøver manøveren prøve prøven fenomen fenomenet refleks refleksen lammelse parese fraktur "
    "frakturen type cyste cysten kontraktur punkt punktet regel regelen regler indeks indeksen stadium "
    "stadier metode metoden operasjon operasjonen prosedyre teknikk teknikken diett tumor svulst anomali "
    "anemi demens atrofi dystrofi nevralgi parese parase ganglion knute knuter ulcus ødem triade tabell "
    "screening spørreskjema ligament ligamentet område kanal kanalen linje linjen blokk blokade modell")
# WHO's international nonproprietary name stems: a word ending in one is a drug ("Buprenorfin", "Metadon")
INN_STEMS = _words(
    "prazol statin sartan pril olol dipin cillin mycin oksacin floxacin azepam zepam triptan profen "
    "oksetin fenak morfin orfin adon kain tiazid semid gliptin gliflozin parin xaban gatran tinib ximab "
    "zumab mumab tidin setron lukast glinid formin pramin tyline triptylin peridol apin idon zolam "
    "barbital mustin platin rubicin taxel kortison nison solon")
# Words that may follow a name (function words, adverbs, weekdays): "Per og Kari", "Liv hjemme", "Stein i dag"
NAME_PHRASE_KEEP = (*_words(
    "er var har hadde kom fikk sa gikk ble blir kan skal vil må tok så lå satt sto står får gjør gjorde "
    "vet ville kunne skulle måtte bør burde dro fløy løp sov drakk spiste ga gav bad ba lo kjørte "
    "og sin sitt sine selv også ikke i på til fra med om av for hos ved etter før som men eller da når "
    "nå igjen hjemme alene sammen aldri alltid ofte snart bare kun fortsatt fremdeles heller enda også "
    "jo vel nok derfor dessuten tidligere senere idag igår imorgen"), *WEEKDAYS)
# Determiners and prepositions before a common noun, never before a person: "hver dag", "i vår", "hele livet"
NOUN_DETERMINERS = _words("hver hvert hvér hele neste forrige denne dette samme annenhver en et ei all alt "
                          "mitt mye lite noe ingen i")
# Units of a dose or a rate: the word after one is no name ("1 gram per os", "2 ganger per døgn")
DOSE_UNITS = _words("mg g gram ml mcg µg mikrogram milligram ie enheter mmol ganger gang tabletter tablett "
                    "tbl stk dråper puff doser dose kapsler")
# Verbs of medication: the capitalised word after one is a drug ("seponert Abilify", "smurt med Locobase")
MEDICATION_VERBS = ("seponert", "seponerte", "seponere", "seponeres", "smurt med", "smøres med", "smurte med",
                    "bruker", "brukte", "står på", "sto på", "doseres", "dosert", "forskrevet", "forskrev",
                    "resept på", "utskrevet", "trappet ned", "økt dosen", "titreres")

# --- look-alikes (``detect/lookalikes.py``, issue 13) ---
# Verbs and phrases of a prescription that put a drug after them, also before a list of drugs
# ("Gitt Albyl-E", "trapper ned Zopiclone", "Utskrevet på NovoRapid og Lantus")
MEDICATION_CUES = (*MEDICATION_VERBS, "gitt", "økt", "redusert", "seponer", "behandling med",
                   "behandlet med", "behandles med", "behandlingen med", "trapper ned", "trappe ned",
                   "trappes ned", "startet på", "startet med", "satt på", "settes på", "byttet til",
                   "bytter til", "utskrevet på", "skrives ut på", "overgang til", "kombinert med",
                   "avslutte", "avslutter", "avsluttes", "avsluttet", "fullføre", "fullfører")
# Tails of compounds that name a kind of service, office or role rather than one institution
# ("Hjemmetjenesten", "Giftinformasjonen", "Familievernkontoret", "Kreftkoordinator", "Krisesenteret");
# clinics and hospitals are not among them ("Sentrumsklinikken" is a clinic's own name)
SERVICE_TAILS = _words("tjenesten tjeneste sentralen kontoret senteret etaten vernet ombudet tilsynet "
                       "informasjonen koordinator koordinatoren legen teamet enheten ordningen telefonen "
                       "omsorgen registeret direktoratet foreningen forbundet rådgiveren sykepleieren "
                       "biblioteket håndboka håndboken forvaltningen register registret")
# Words that open the name of a national body: "Statens barnehus", "Norsk pasientregister"
NATIONAL_HEADS = ("Statens", "Norsk", "Nasjonal", "Nasjonalt", "Nasjonale")
# Routes of administration, after a drug or written as "per os"
ROUTES = _words("s.l sl p.o po i.v iv s.c sc i.m im subling sublingualt peroralt rektalt")
# Nouns that name things after people and places, as the last part of a model's span
# ("Copenhagen adduction-program", "Ottawa ankle rules")
NAMED_THING_NOUNS = _words("program programmet protokoll protokollen øvelse øvelser øvelsen rules regler "
                           "regime regimet virus viruset metode metoden manøver manøveren")
# Greek and Latin endings of clinical terms: a first name that is also a word before one is that word
# ("Frank hematuri")
CLINICAL_TERM_ENDINGS = _words("uri itt itis emi algi opati plegi ektomi skopi grafi cytose cytter "
                               "emesis ragi rré ødem")
# Clinical and administrative acronyms written in capitals, never a name or an organisation
# (LINE_END_ACRONYMS without company forms, plus coding systems and benefits)
CLINICAL_ACRONYMS = frozenset(LINE_END_ACRONYMS - {"AS", "ASA", "DA", "SA", "BA", "ANS", "NUF", "HF", "LEGE",
                                                   "SPL", "PAS", "AT"}) | frozenset(_words(
    "ICD ICPC ICF DSM ATC NCMP NCSP SNOMED AAP IPLOS IP KPR NPR SYSVAK MSIS HPR ADL IADL COPD KOLS "
    "ADHD PTSD OCD GAD TBC MS ALS CP KOL DVT LE AF AFLI PCI CABG NSTEMI STEMI TIA SLE RA PMR"))
