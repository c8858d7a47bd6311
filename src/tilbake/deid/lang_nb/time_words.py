"""Words for dates and ages beyond the basic lists of ``words.py`` (all lower case unless said).

Dates in dictated text are spoken ("femte mars", "tolvte i tredje nittenåttifire"), English month
names turn up in letters and in copied text ("July 5, 2014"), and a month alone is a date when it
places an event in the patient's timeline ("siden januar", "fra des. 2023").
"""

from __future__ import annotations

# English month names (capitalised, as English writes them) and their numbers; kept apart from
# words.MONTHS, which the surrogate operator uses to rewrite Norwegian dates.
ENGLISH_MONTHS: dict[str, int] = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
    "Oct": 10, "Nov": 11, "Dec": 12,
}

# Words right before a month named alone that place an event in time ("siden januar", "i mai",
# "fra august", "til og med mars"); the month must be written in lower case, as Norwegian does.
MONTH_ALONE_CUES = ("i", "siden", "sidan", "frå", "fra", "til", "før", "etter", "innen", "ut", "over",
                    "gjennom",
                    "mellom", "og", "fom", "tom", "f.o.m.", "t.o.m.", "medio", "ultimo", "primo",
                    "begynnelsen av", "slutten av", "midten av", "starten av", "løpet av", "utgangen av",
                    "i starten av", "tidlig i", "sent i", "første halvdel av", "andre halvdel av")

# Ordinal numbers 1-31 in words, as days are spoken ("femte mars", "den tjueførste").
_UNIT_ORDINALS: dict[str, int] = {
    "første": 1, "andre": 2, "annen": 2, "tredje": 3, "fjerde": 4, "femte": 5, "sjette": 6, "sjuende": 7,
    "syvende": 7, "åttende": 8, "niende": 9,
}
_TEEN_ORDINALS: dict[str, int] = {
    "tiende": 10, "ellevte": 11, "tolvte": 12, "trettende": 13, "fjortende": 14, "femtende": 15,
    "sekstende": 16, "syttende": 17, "attende": 18, "nittende": 19, "tjuende": 20, "trettiende": 30,
}
ORDINALS: dict[str, int] = {
    **_UNIT_ORDINALS, **_TEEN_ORDINALS,
    **{f"tjue{w}": 20 + n for w, n in _UNIT_ORDINALS.items() if w != "annen"},
    "trettiførste": 31,
}

# Seasons before a year ("høsten 2022", "våren -21"): as much a date as a month with its year.
# ("vår" alone is also "our": only its definite form counts.)
SEASONS = ("våren", "sommeren", "høsten", "vinteren", "julen", "jula", "påsken", "påska", "sommer", "høst",
           "vinter")

# Seasons and holidays in the definite form, a date alone after a word of the timeline ("siden
# høstferien", "sidan sommaren", "etter juleferien"; "i 3 uker" and "siden sist" are no dates).
SEASONS_ALONE = ("våren", "sommeren", "sommaren", "høsten", "hausten", "vinteren", "julen", "jula", "påsken",
                 "påska", "høstferien", "haustferien", "vinterferien", "sommerferien", "påskeferien",
                 "juleferien", "romjulen", "romjula")
# (not "til": "begynner på skolen til høsten" is the coming season, no date of the timeline)
SEASON_ALONE_CUES = ("siden", "sidan", "etter", "fra", "frå", "før")

# Nouns for a child or a relative before an age in months, weeks or bare digits ("gutt, 7 mnd",
# "datter på 9", "sønnen (12)"); relation words are also built in person_cues.
CHILD_NOUNS = ("baby", "babyen", "spedbarn", "spedbarnet", "barn", "barnet", "gutt", "gutten", "jente",
               "jenta", "jenten", "sønn", "sønnen", "datter", "datteren", "dattera", "tvilling",
               "tvillingene", "pike", "piken", "lillebror", "lillesøster", "storebror", "storesøster",
               "nyfødt", "nyfødte", "barnebarn", "barnebarnet", "oldebarn", "oldebarnet", "halvbror",
               "halvsøster", "fosterbarn", "bonusbarn", "stesønn", "stedatter", "søsken", "halvsøsken",
               "barna", "sønner", "døtre", "sønnene", "døtrene", "barnebarna")

# Units of an infant's age ("7 mnd", "3 uker gammel", "sju måneder").
INFANT_UNITS = ("mnd", "mnd.", "md", "md.", "måneder", "måned", "mndr", "uker", "uke", "dager", "døgn")

# Approximations that may stand between a cue and an age ("var ca. 25 år", "fra cirka 15 år").
APPROXIMATELY = ("ca.", "ca", "cirka", "omtrent", "rundt", "knapt", "drøyt", "nesten", "omkring", "ca .")

# Subjects of "er/var N": "hun er 74", "da han var 6", "pas. var 14", "som er sju".
AGE_SUBJECTS = ("han", "hun", "pas.", "pas", "pasienten", "pt.", "som", "jeg", "vedkommende", "gutten",
                "jenta", "jenten", "barnet", "hen", "mor", "far", "moren", "faren", "mora", "kona", "mannen")
AGE_VERBS = ("er", "var", "blir", "ble", "fyller", "fylte", "fyllte")
