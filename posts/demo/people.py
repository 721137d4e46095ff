"""Demo authors and tags; articles live in articles/*.md, their comments in comments/demo.py."""

AUTHORS = [
    {
        "username": "giulia.bianchi",
        "first_name": "Giulia",
        "last_name": "Bianchi",
        "email": "giulia.bianchi@example.com",
    },
    {
        "username": "marco.ferri",
        "first_name": "Marco",
        "last_name": "Ferri",
        "email": "marco.ferri@example.com",
    },
]

TAGS = [
    ("servizio clienti", "servizio-clienti",
     "Come si organizza, si misura e si migliora l'assistenza ai clienti, canale per canale."),
    ("esperienza cliente", "esperienza-cliente",
     "Il percorso del cliente nel suo insieme: aspettative, momenti critici, fiducia."),
    ("resi", "resi",
     "Politiche di reso, rimborsi e cambi: come renderli semplici senza perdere margine."),
    ("consegne", "consegne",
     "Spedizioni, tracciamento e ritardi: cosa comunicare e quando."),
    ("e-commerce", "e-commerce",
     "Negozi online e marketplace visti dal lato di chi compra."),
    ("recensioni", "recensioni",
     "Raccogliere, leggere e rispondere alle recensioni dei clienti."),
    ("newsletter", "newsletter",
     "E-mail ai clienti che vengono aperte, lette e non finiscono nello spam."),
    ("comunicazione", "comunicazione",
     "Tono di voce, chiarezza e tempismo nei messaggi ai clienti."),
    ("reclami", "reclami",
     "Gestire reclami e contestazioni in modo rapido, equo e documentato."),
    ("canali digitali", "canali-digitali",
     "Live chat, messaggistica, social e self-service: pregi e limiti di ogni canale."),
    ("misurazione", "misurazione",
     "NPS, CSAT, tempi di risposta: cosa misurare e come non farsi ingannare dai numeri."),
    ("accessibilità", "accessibilita",
     "Un'assistenza che funziona per tutti, anche per chi usa tecnologie assistive."),
    ("fedeltà", "fedelta",
     "Programmi fedeltà e relazioni che durano oltre il primo acquisto."),
]  # fmt: skip
