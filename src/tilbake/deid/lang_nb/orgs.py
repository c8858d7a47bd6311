"""Norwegian hospitals and health trusts with their common short names (hand-curated).

Lower-case entries match case-insensitively; entries in ``CASE_SENSITIVE`` (acronyms that are also
words or syllables, like "SUS" or "UNN") must match exactly as written.
"""

from __future__ import annotations

HOSPITALS = (
    "Oslo universitetssykehus", "OUS", "Rikshospitalet", "Riksen", "Riks", "Ullevål sykehus", "Ullevål",
    "Radiumhospitalet", "Aker sykehus", "Akershus universitetssykehus", "Ahus", "A-hus", "Lovisenberg",
    "Lovisenberg Diakonale Sykehus", "Diakonhjemmet", "Diakonhjemmet sykehus", "Martina Hansens Hospital",
    "Sunnaas", "Sunnaas sykehus", "Haukeland", "Haukeland universitetssjukehus", "Haukeland sykehus",
    "Haraldsplass", "Haraldsplass Diakonale Sykehus", "Stavanger universitetssjukehus", "SUS",
    "St. Olavs hospital", "St. Olavs", "St. Olav", "St Olavs", "Olavs hospital",
    "Universitetssykehuset Nord-Norge", "UNN", "Nordlandssykehuset", "Helgelandssykehuset",
    "Sykehuset Østfold", "Kalnes", "Sykehuset i Vestfold", "SiV", "Sykehuset Telemark", "STHF",
    "Sykehuset Innlandet", "Sykehuset Sørlandet", "Sørlandet sykehus", "SSHF", "SSE",
    "Vestre Viken", "Drammen sykehus", "Bærum sykehus", "Ringerike sykehus", "Kongsberg sykehus",
    "Sykehuset Buskerud", "Kristiansand sykehus", "Arendal sykehus", "Sykehuset Levanger",
    "Sykehuset Namsos", "Ålesund sjukehus", "Ålesund sykehus", "Molde sjukehus", "Kristiansund sykehus",
    "Volda sjukehus", "Førde sentralsjukehus", "Haugesund sjukehus", "Haugesund sykehus",
    "Stord sjukehus", "Voss sjukehus", "Lillehammer sykehus", "Gjøvik sykehus", "Hamar sykehus",
    "Elverum sykehus", "Tynset sykehus", "Kongsvinger sykehus", "Tønsberg sykehus", "Skien sykehus",
    "Bodø sykehus", "Tromsø sykehus", "Hammerfest sykehus", "Kirkenes sykehus", "Harstad sykehus",
    "Narvik sykehus", "Finnmarkssykehuset", "Helse Bergen", "Helse Stavanger", "Helse Fonna",
    "Helse Førde", "Helse Møre og Romsdal", "Helse Nord-Trøndelag", "Oslo legevakt", "Aleris",
    "Volvat", "Colosseumklinikken", "Unilabs", "Curato", "Aleris sykehus", "Volvat Medisinske Senter",
    "Feiring", "LHL-sykehuset", "LHL sykehuset Gardermoen", "Modum Bad", "Betanien sykehus",
    "Revmatismesykehuset", "Hjertesenteret", "Kysthospitalet", "Sophies Minde",
)
CASE_SENSITIVE = frozenset({"OUS", "SUS", "UNN", "SiV", "STHF", "SSHF", "SSE", "Riks", "Feiring", "Volvat",
                            "Aleris", "Curato", "Unilabs", "Kalnes", "Ullevål"})

# Lab chains, named in notes as "sendes Fürst" (national, like the hospitals above).
LABS = ("Fürst", "Fürst medisinske laboratorium", "Unilabs laboratoriemedisin")

# Insurers active in Norway. "If" is also an English word: it counts only as "If skadeforsikring" or
# after an insurance cue (the recognizer's rule); the others count wherever they stand.
INSURERS = ("Gjensidige", "Fremtind", "Storebrand", "KLP", "Tryg", "Frende", "Codan", "Protector",
            "Vardia", "Eika Forsikring", "SpareBank 1 Forsikring", "DNB Forsikring", "Landkreditt Forsikring",
            "Help Forsikring", "Nordea Liv", "Storebrand Livsforsikring", "Gjensidige Forsikring")

# Traditional regions (landskap), counties old and new, and districts: places no kommune list holds
# that name a DPS, a hospital division or a home ("DPS Nedre Romerike", "oppvokst på Toten").
REGIONS = (
    "Romerike", "Follo", "Asker", "Ringerike", "Hadeland", "Toten", "Valdres", "Gudbrandsdalen",
    "Østerdalen", "Hedmarken", "Solør", "Odalen", "Hallingdal", "Numedal", "Jæren", "Dalane", "Ryfylke",
    "Haugalandet", "Sunnhordland", "Nordhordland", "Midthordland", "Hardanger", "Sogn", "Sunnfjord",
    "Nordfjord", "Sunnmøre", "Romsdal", "Nordmøre", "Fosen", "Innherred", "Namdalen", "Helgeland",
    "Salten", "Lofoten", "Vesterålen", "Ofoten", "Setesdal", "Lister", "Innlandet", "Viken", "Agder",
    "Vestland", "Trøndelag", "Vestfold", "Telemark", "Buskerud", "Østfold", "Akershus", "Hedmark",
    "Oppland", "Hordaland", "Rogaland", "Nordland", "Troms", "Finnmark", "Vestlandet", "Sørlandet",
    "Nord-Norge", "Østlandet", "Midt-Norge",
)
