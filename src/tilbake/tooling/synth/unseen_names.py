"""Names for the heldout split that no gazetteer built from SSB or mimesis holds (checked in ``people``):
rare Norwegian, Sámi, Kven and Icelandic names, names from the larger immigrant groups in Norway, and
rare farm-name surnames composed from prefixes and stems. Hand-written for tilbake."""

from __future__ import annotations

FEMALE = """
Gjertrud Torbjørg Sigfrid Åsrun Gudveig Jorunn Ragnfrid Herbjørg Tordis Gunnvor Solrun Aslaug Brynhild
Ingebjørg Valborg Synnøve Vigdis Rannveig Dagrun Asbjørg Sølvi Torunn Ellinor Gyda Oddveig Sigrunn
Áile Ánná Elle Risten Sáve Iŋgá Máddji Sunná Birit Ristin Guðrún Þórdís Sigríður Hrafnhildur Ásdís
Hodan Ayaan Sagal Khadra Idil Fadumo Suaad Hamdi Najma Ladan Roda Zahra Shirin Parisa Niloufar Golnaz
Mahsa Roya Dilan Berfin Rojin Zilan Nazdar Agata Zofia Halina Jadwiga Bogumiła Urszula Danuta Aušra
Rasa Jurgita Daiva Ieva Oksana Larysa Liudmyla Nadiia Zhanna Thi Hoa Thuy Phuong Quynh Ngoc Lan Hanh
Malee Siriporn Ratana Maricel Rowena Lorelyn Jocelyn Kalaivani Thulasi Vasuki Yalini Meenakshi Aarti
Pooja Sunita Shweta Meiling Xiuying Lihua Yuqing Senait Abeba Tigist Meseret Hiwet Yordanos Emine Sevda
Nurcan Songül Amra Emina Lejla Vesna Dragana Jasmina Rocío Lucía Ximena Valentina Ngozi Adaeze Chioma
"""
MALE = """
Sigvald Torgils Asbjørn Gudbrand Hallstein Ingebrigt Olaus Torstein Aslak Eilif Gudmund Herleif Trygve
Leidulf Reidar Sjur Steinar Torleif Alvin Ivar Ansgar Ottar Kolbjørn Halvdan Sveinung Tjøstolv
Ámmon Biera Jovnna Máhtte Niila Ovllá Piera Sámmol Ánte Heandarat Gunnlaugur Þórður Sigurður Ragnar
Abdiwali Mohamud Abdikarim Liban Farhan Cabdi Yonis Mahamed Shire Dahir Reza Behnam Farhad Kaveh Arash
Saman Dilshad Rebwar Karwan Hawre Shvan Zbyszek Przemysław Jacek Radosław Wiesław Tadeusz Mindaugas
Darius Tomas Vytautas Žydrūnas Serhii Yurii Vasyl Mykola Bohdan Nguyen Thanh Dung Khoa Phuc Huy Somchai
Prasert Niran Reynaldo Jericho Arnel Romeo Kannan Sivakumar Ganesan Murugan Ravindran Arvind Vikram
Sanjay Deepak Wei Jian Hao Zhiwei Tekle Girma Tsegaye Habtom Filmon Mulugeta Mesfin Recep Yusuf Orhan
Cemal Kadir Emir Adnan Nermin Dejan Milorad Zlatko Santiago Alejandro Matías Emeka Obinna Chidi Tunde
"""
SURNAMES = """
Abdirahman Warsame Hirsi Egal Guleid Ahmadi Rezaei Mohammadi Hosseini Karimi Barzani Talabani Sindi
Mahmoudi Kowalewski Wróblewska Jabłoński Pietrzak Sikorska Mazur Kaczmarek Zając Petrauskas Kazlauskas
Jankauskienė Stankevičius Vasylenko Hrytsenko Kravchuk Lysenko Moroz Ruslanov Vo Truong Ly Huynh Ngo
Dinh Thach Chanthavong Srisuk Wongsawat Bautista Manalo Villanueva Navaratnam Kandiah
Selvarajah Balasingam Mahalingam Sharma Verma Gupta Iyer Zhang Wang Liu Chen Yang Huang Ghebremariam
Berhe Asfaha Kidane Mengistu Haile Selassie Arslan Doğan Yıldız Kurt Kılıç Özdemir Hadžić Mehmedović
Begović Marković Stojanović Fernández Gómez Díaz Moreno Okafor Adeyemi Nwosu Balogun Valkeapää Aikio
Magga Mienna Nango Keskitalo Guttorm Näkkäläjärvi Ruonala Hætta-Sara Guðmundsdóttir Sigurðsson Pálsdóttir
"""
# Rare farm names: a prefix and a stem, as most Norwegian surnames are made.
FARM_PREFIXES = ("Øvre", "Nedre", "Nord", "Sør", "Vest", "Aust", "Litle", "Midt", "Ytre", "Indre", "Kvern",
                 "Rype", "Tjern", "Furu", "Gran", "Rogn", "Hegg", "Selje", "Ørne", "Ulve", "Bjønne", "Kråke")
FARM_STEMS = ("bråten", "stølen", "myra", "jordet", "tunet", "flaten", "kleiva", "ryggen", "gjerdet",
              "lia", "moen", "sveen", "rudningen", "teigen", "hagen", "bekken", "nesset", "tjønna")


def farm_names() -> list[str]:
    return [p + s for p in FARM_PREFIXES for s in FARM_STEMS]
