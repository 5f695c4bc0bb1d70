"""Word lists for `python -m bench.synth`: the vocabulary its made-up prose is drawn from."""

# -- word lists ---------------------------------------------------------------------------------
# (Latin spelling, Cyrillic spelling or None)
FIRST_NAMES = [
    ("Olena", "Олена"), ("Andriy", "Андрій"), ("Iryna", "Ірина"), ("Mykola", "Микола"), ("Oksana", "Оксана"),
    ("Taras", "Тарас"), ("Yulia", "Юлія"), ("Serhiy", "Сергій"), ("Nataliya", "Наталія"), ("Dmytro", "Дмитро"),
    ("Kateryna", "Катерина"), ("Vasyl", "Василь"), ("Halyna", "Галина"), ("Bohdan", "Богдан"), ("Larysa", "Лариса"),
    ("Petro", "Петро"), ("Svitlana", "Світлана"), ("Yaroslav", "Ярослав"), ("Ivan", "Іван"), ("Hanna", "Ганна"),
    ("Oleksandr", "Олександр"), ("Mariana", "Мар’яна"), ("Denys", "Денис"), ("Liudmyla", "Людмила"), ("Roman", "Роман"),
    ("Sergei", "Сергей"), ("Alexei", "Алексей"), ("Dmitry", "Дмитрий"), ("Tatiana", "Татьяна"), ("Mikhail", "Михаил"),
    ("Yelena", "Елена"), ("Nikolai", "Николай"), ("Olga", "Ольга"), ("Vladimir", "Владимир"), ("Anton", "Антон"),
    ("Yevgeny", "Евгений"), ("Marta", None), ("Tomasz", None), ("Agnieszka", None), ("Jonas", None),
    ("Ingrid", None), ("Lukas", None), ("Claire", None), ("Pierre", None), ("Giulia", None), ("Marco", None),
    ("Sarah", None), ("James", None), ("Emily", None), ("Michael", None), ("Laura", None), ("David", None),
    ("Rebecca", None), ("Thomas", None), ("Katarzyna", None), ("Henrik", None), ("Ana", None), ("Miguel", None),
    ("Aylin", None), ("Mehmet", None), ("Kenji", None), ("Søren", None), ("Zoë", None), ("Łukasz", None),
]
LAST_NAMES = [
    ("Kovalenko", "Коваленко"), ("Shevchenko", "Шевченко"), ("Bondarenko", "Бондаренко"), ("Tkachenko", "Ткаченко"),
    ("Kravchenko", "Кравченко"), ("Melnyk", "Мельник"), ("Boyko", "Бойко"), ("Oliynyk", "Олійник"),
    ("Lysenko", "Лисенко"), ("Marchenko", "Марченко"), ("Rudenko", "Руденко"), ("Savchenko", "Савченко"),
    ("Petrenko", "Петренко"), ("Moroz", "Мороз"), ("Pavlenko", "Павленко"), ("Hrytsenko", "Гриценко"),
    ("Levchenko", "Левченко"), ("Kuzmenko", "Кузьменко"), ("Karpenko", "Карпенко"), ("Tymoshchuk", "Тимощук"),
    ("Ivanov", "Иванов"), ("Smirnov", "Смирнов"), ("Kuznetsov", "Кузнецов"), ("Popov", "Попов"),
    ("Sokolov", "Соколов"), ("Lebedev", "Лебедев"), ("Kozlov", "Козлов"), ("Novikov", "Новиков"),
    ("Morozov", "Морозов"), ("Volkov", "Волков"), ("Nowak", None), ("Kowalski", None), ("Wiśniewska", None),
    ("Dąbrowski", None), ("Müller", None), ("Schneider", None), ("Lindqvist", None), ("Jørgensen", None),
    ("Öztürk", None), ("Håkansson", None), ("Dubois", None), ("Lefèvre", None), ("Rossi", None),
    ("Bianchi", None), ("García", None), ("Fernández", None), ("Smith", None), ("Johnson", None),
    ("Walker", None), ("Thompson", None), ("Brennan", None), ("O’Neill", None), ("Tanaka", None),
    ("Kask", None), ("Ozols", None), ("Kazlauskas", None), ("Virtanen", None), ("Novák", None),
]
COUNTRIES = [
    "Ukraine", "Russia", "Poland", "Germany", "France", "the United States", "the United Kingdom", "Turkey",
    "Lithuania", "Latvia", "Estonia", "Finland", "Sweden", "Norway", "Italy", "Spain", "Hungary", "Slovakia",
    "Romania", "Moldova", "Georgia", "Belarus", "China", "Japan", "Canada", "the Netherlands", "Denmark",
    "Czechia", "Austria", "Switzerland", "Brazil", "India",
]
BODIES = [
    "Ministry of Foreign Affairs", "Ministry of Defence", "Office of the President", "Parliament",
    "Security Council", "General Staff", "Embassy in Kyiv", "Government", "Foreign Affairs Committee",
    "Presidential Administration", "National Security Service",
]
BLOCS = ["NATO", "the European Union", "the OSCE", "the United Nations", "the G7", "the Council of Europe"]
ANONYMOUS = [
    "An unnamed senior official in {city}", "Western diplomats in {city}", "A source close to the talks in {city}",
    "An adviser to the delegation of {country}", "Officials familiar with the negotiations in {city}",
]
CITIES = [
    "Kyiv", "Kharkiv", "Odesa", "Dnipro", "Lviv", "Zaporizhzhia", "Kherson", "Mykolaiv", "Donetsk", "Luhansk",
    "Sevastopol", "Moscow", "Minsk", "Warsaw", "Berlin", "Paris", "Brussels", "Vilnius", "Riga", "Tallinn",
    "Helsinki", "Geneva", "Istanbul", "Ankara", "Washington", "London", "Rome", "Budapest", "Bucharest",
    "Chișinău", "Tbilisi", "Vienna", "Oslo", "Jeddah", "Doha", "Munich",
]
CITIES_CYR = {"Kyiv": "Київ", "Kharkiv": "Харків", "Odesa": "Одеса", "Dnipro": "Дніпро", "Lviv": "Львів",
              "Moscow": "Москва", "Minsk": "Мінськ", "Warsaw": "Варшава", "Geneva": "Женева", "Istanbul": "Стамбул"}
REGIONS = ["Crimea", "Donbas", "the Zaporizhzhia region", "the Kherson region", "the Black Sea", "the Sea of Azov",
           "the Kharkiv region", "Transnistria", "the Dnipro river", "the Kinburn Spit", "the Kursk border area"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NOUNS = [
    "ceasefire", "truce", "negotiations", "guarantees", "membership", "alliance", "territory", "border",
    "referendum", "sanctions", "corridor", "reconstruction", "neutrality", "accession", "deterrence",
    "peacekeepers", "withdrawal", "exchange", "prisoners", "grain exports", "shipping lanes", "energy grid",
    "infrastructure", "airspace", "front line", "treaty", "framework", "memorandum", "summit", "delegation",
    "envoy", "proposal", "settlement", "occupation", "annexation", "demilitarization", "moratorium", "aid package",
    "loan", "air defence", "drones", "ammunition", "mobilization", "elections", "constitution", "sovereignty",
    "security", "stability", "dialogue", "roadmap", "buffer zone", "monitoring mission", "compensation",
    "frozen assets", "tribunal", "amnesty", "nuclear plant", "dam", "port", "pipeline", "coalition",
]
ADJECTIVES = [
    "lasting", "fragile", "comprehensive", "partial", "binding", "temporary", "phased", "unconditional",
    "international", "bilateral", "multilateral", "credible", "robust", "limited", "immediate", "long-term",
    "so-called", "humanitarian", "military", "diplomatic", "economic", "legal", "political", "reliable",
    "ambitious", "realistic", "unacceptable", "premature", "necessary", "symbolic", "practical", "joint",
]
SUBJECTS = [
    "Kyiv", "Moscow", "the government", "the alliance", "Ukraine", "the delegation", "Western partners",
    "the Kremlin", "the European Union", "Washington", "the allies", "negotiators", "the president’s office",
    "the parliament", "the ministry", "the opposition", "the mediators", "the coalition",
]
MODALS = [
    "would", "will", "could", "should", "must", "cannot", "would not", "will never", "may", "is ready to",
    "is not ready to", "has agreed to", "refused to", "is prepared to", "wants to", "does not intend to",
]
VERBS = [
    "accept", "discuss", "consider", "reject", "support", "sign", "guarantee", "recognize", "negotiate",
    "postpone", "demand", "block", "review", "extend", "finance", "monitor", "defend", "restore", "freeze",
    "withdraw from", "ratify", "propose", "endorse", "suspend", "renew",
]
TAILS = [
    "", "", "", " without guarantees", " before the elections", " in {year}", " as long as the war continues",
    " under any circumstances", " until the troops withdraw", " within {n} months", " along the {adj} line",
    " at the next round of talks", " with the support of {country}", " in {city}", " after a referendum",
    " if the shelling stops", " on its own terms", " — at least for now", " this year",
]
SAID = ["said", "insisted", "warned", "argued", "suggested", "stressed", "noted", "claimed", "repeated",
        "told reporters", "added", "acknowledged", "declared", "wrote"]
SAYS = ["says", "insists", "warns", "argues", "suggests", "stresses", "claims", "repeats", "acknowledges"]
HEADLINE_VERBS = ["rejects", "backs", "questions", "welcomes", "rules out", "calls for", "signals openness to",
                  "warns against", "defends", "doubts", "proposes", "criticises"]
ADVERBS = ["Meanwhile", "However", "At the same time", "Earlier", "Later", "In practice", "Privately",
           "Publicly", "So far", "Nevertheless", "In a separate statement", "On the sidelines of the summit"]
BELIEFS = ["I believe", "I am convinced", "We think", "Everyone understands", "I can tell you",
           "Let me be clear", "Our position has not changed:", "The answer is simple:", "Frankly speaking,"]
STOCK = [
    "Negotiations are continuing, officials said.",
    "No date has been set for the next round.",
    "The ministry did not respond to a request for comment.",
    "The statement could not be independently verified.",
    "Both sides accuse each other of violating earlier agreements.",
    "The talks were held behind closed doors.",
]
TAGS = ["ceasefire", "territory", "nato", "guarantees", "sanctions", "talks", "elections", "energy",
        "prisoners", "grain", "reconstruction", "neutrality", "nuclear-safety", "black-sea", "eu-accession"]
OUTLETS = ["Kyiv Daily Monitor", "The Northern Courier", "Radio Dnipro", "Baltic Wire", "Eastern Europe Review",
           "Geneva Dispatch", "Новини Полісся", "Вечерний Минск", "The Continental Post", "Agence Méridien",
           "Black Sea Observer", "Der Morgenbote", "Gazeta Wieczorna", "Helsinki Evening", "Istanbul Ledger"]
VIA = ["Reuters", "Interfax-Ukraine", "Ukrinform", "TASS", "RIA Novosti", "Kyodo News", "the Associated Press",
       "the Office of the President", "Suspilne", "Deutsche Welle", "the BBC Ukrainian service"]
UK_WORDS = [
    "переговори", "перемир’я", "гарантії", "безпеки", "територія", "Україна", "НАТО", "членство", "Київ",
    "президент", "заявив", "що", "не", "буде", "обговорювати", "питання", "обміну", "територій", "міністр",
    "закордонних", "справ", "союзники", "підтримка", "війна", "мир", "договір", "кордон", "окупованих",
    "повернення", "рішення", "народ", "референдум", "санкції", "зброя", "допомога", "делегація", "посол", "уряд",
    "парламент", "відновлення", "енергетика", "зерно", "коридор", "полонених", "обмін", "позиція", "партнери",
    "зустріч", "саміт"
]
RU_WORDS = [
    "переговоры", "перемирие", "гарантии", "безопасности", "территория", "Украина", "НАТО", "членство", "Москва",
    "Кремль", "заявил", "что", "не", "будет", "обсуждать", "вопрос", "обмена", "территорий", "министр",
    "иностранных", "дел", "союзники", "поддержка", "война", "мир", "договор", "граница", "решение", "народ",
    "референдум", "санкции", "оружие", "помощь", "пресс-секретарь", "делегация", "посол", "правительство",
    "парламент", "восстановление", "энергетика", "зерно", "коридор", "пленных", "обмен", "позиция", "партнёры",
    "встреча", "саммит"
]
UK_SAID = ["заявив", "наголосив", "зазначив", "повідомив", "сказав"]
RU_SAID = ["заявил", "подчеркнул", "отметил", "сообщил", "сказал"]
PROPOSAL_TEMPLATES = [
    ("Ceasefire along the {adj} front line in {region}",
     "Both sides stop fighting along the line of contact in {region}; the line is monitored."),
    ("Neutral status for Ukraine guaranteed by {country}",
     "Ukraine declares neutrality and {country} guarantees its security in return."),
    ("International peacekeepers in {region}",
     "An international force is deployed to {region} to separate the armies."),
    ("Demilitarized zone around {city}", "Heavy weapons are withdrawn from a zone around {city}, with inspections."),
    ("Security guarantees from {country}", "{country} commits to help defend Ukraine if it is attacked again."),
    ("Referendum on the status of {region}",
     "The residents of {region} vote on its status under international observation."),
    ("Phased lifting of sanctions tied to {noun}", "Sanctions are eased step by step as progress is made on {noun}."),
    ("Grain corridor through {region}", "Merchant ships carry grain through {region} under agreed safe-passage rules."),
    ("Exchange of all prisoners held since {year}",
     "All prisoners of war taken since {year} are exchanged, all for all."),
    ("Moratorium on strikes on the {noun}", "Both sides refrain from striking the {noun} for an agreed period."),
    ("Freezing the conflict in {region}", "Fighting stops in {region} without a settlement of its status."),
    ("{adj_cap} framework for talks in {city}",
     "Negotiations take place in {city} under a {adj} framework agreed in advance."),
    ("EU accession for Ukraine by {year}", "Ukraine completes accession to the European Union by {year}."),
    ("Return of deported children via {country}",
     "Children taken from occupied areas return home with {country} mediating."),
    ("Compensation from frozen assets for {noun}", "Frozen assets pay for the {noun} and for war damage."),
    ("{noun_cap} under international monitoring",
     "The {noun} is placed under international monitoring with regular reports."),
]
RELATIONS = ["variant-of", "part-of", "alternative-to", "conflicts-with", "precondition-for", "related-to"]
STANCES = ["supports", "conditional", "open", "skeptical", "opposes", "neutral"]
ROLE_TEMPLATES = ["Foreign Minister of {country}", "Defence Minister of {country}", "President of {country}",
                  "Prime Minister of {country}", "Member of Parliament of {country}",
                  "Head of the delegation of {country}", "Ambassador of {country} to {country2}",
                  "Spokesperson for the government of {country}", "Deputy Foreign Minister of {country}",
                  "National Security Adviser of {country}", "Special Envoy of {country}"]
