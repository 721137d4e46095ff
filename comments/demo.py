"""Demo reader comments, by article slug, for `manage.py load_demo`."""

# Comments per article slug. "hours" is the time after publication; "by_author" marks a reply
# written by the article's author (linked to the account, name taken from it).
COMMENTS = {
    "servizio-clienti-cinque-principi": [
        {
            "name": "Francesca Moretti",
            "email": "francesca.moretti@example.com",
            "hours": 5,
            "body": "Il punto sulla risposta che chiude davvero il problema è sacrosanto. "
            "Da noi il ticket veniva chiuso appena si rispondeva, e i numeri sembravano "
            "ottimi mentre i clienti riscrivevano tre volte.",
            "replies": [
                {
                    "by_author": True,
                    "hours": 9,
                    "body": "Grazie Francesca, è l'errore più comune: misurare la velocità "
                    "della prima risposta invece della risoluzione. Provate a contare i "
                    "ticket riaperti entro sette giorni, dice molto di più.",
                },
            ],
        },
        {
            "name": "Luca Galli",
            "email": "luca.galli@example.org",
            "hours": 30,
            "body": "Aggiungerei un sesto principio: dare agli operatori il potere di "
            "decidere piccoli rimborsi senza chiedere al responsabile.",
        },
    ],
    "resi-senza-attrito": [
        {
            "name": "Sara Colombo",
            "email": "sara.colombo@example.com",
            "hours": 3,
            "body": "Etichetta di reso già nel pacco: l'abbiamo introdotta a marzo e le "
            "chiamate sui resi sono calate di un terzo. Confermo tutto.",
            "replies": [
                {
                    "name": "Paolo Russo",
                    "email": "paolo.russo@example.com",
                    "hours": 20,
                    "body": "Avete notato un aumento dei resi dopo l'etichetta inclusa? "
                    "È il timore del nostro ufficio acquisti.",
                },
                {
                    "name": "Sara Colombo",
                    "email": "sara.colombo@example.com",
                    "hours": 26,
                    "body": "Un leggero aumento nel primo mese, poi è tornato in linea. In "
                    "compenso è salito il numero di clienti che ricomprano.",
                },
            ],
        },
    ],
    "ritardi-nelle-consegne-comunicare-prima": [
        {
            "name": "Andrea Marino",
            "email": "andrea.marino@example.com",
            "hours": 12,
            "body": "Da cliente: preferisco mille volte un'e-mail che dice \"siamo in "
            'ritardo di due giorni" a un tracciamento fermo per una settimana.',
        },
        {
            "name": "Elena Ricci",
            "email": "elena.ricci@example.org",
            "hours": 40,
            "body": "Ottimo il modello di messaggio. Lo stiamo adattando anche per gli SMS, "
            "togliendo le scuse di circostanza e lasciando la data nuova in evidenza.",
            "replies": [
                {
                    "by_author": True,
                    "hours": 44,
                    "body": "Ottima idea Elena: negli SMS la nuova data deve stare nelle "
                    "prime parole, molti leggono solo l'anteprima.",
                },
            ],
        },
    ],
    "rispondere-alle-recensioni-negative": [
        {
            "name": "Davide Conti",
            "email": "davide.conti@example.com",
            "hours": 6,
            "body": "Gestisco un piccolo ristorante e la regola delle 24 ore mi ha cambiato "
            "l'approccio: prima rispondevo a caldo, e si vedeva.",
        },
    ],
    "newsletter-che-i-clienti-aprono": [
        {
            "name": "Chiara Fontana",
            "email": "chiara.fontana@example.com",
            "hours": 8,
            "body": "Il link per disiscriversi ben visibile sembra controintuitivo, ma è "
            "vero: le segnalazioni come spam da noi sono quasi sparite.",
        },
    ],
    "live-chat-quando-aiuta": [
        {
            "name": "Marta Lombardi",
            "email": "marta.lombardi@example.com",
            "hours": 7,
            "body": "Orari onesti: da quando la chat compare solo quando siamo online, le "
            "valutazioni sono salite e le e-mail arrabbiate del lunedì mattina sono sparite.",
        },
    ],
    "nps-misurare-esperienza-cliente": [
        {
            "name": "Stefano Barbieri",
            "email": "stefano.barbieri@example.org",
            "hours": 22,
            "body": "Sul punto dei premi legati al punteggio non sono del tutto d'accordo: "
            "da noi ha funzionato, ma solo usando la media di un intero trimestre e mai "
            "il voto del singolo operatore.",
            "replies": [
                {
                    "by_author": True,
                    "hours": 27,
                    "body": "Interessante, Stefano: su un trimestre e sull'intero team il "
                    "rischio di pressioni sul cliente è molto più basso. Grazie della "
                    "precisazione.",
                },
            ],
        },
    ],
    "gestire-i-reclami-in-quattro-passi": [
        {
            "name": "Roberto Greco",
            "email": "roberto.greco@example.org",
            "hours": 15,
            "body": "Il passo della registrazione è quello che salta sempre. Usiamo un "
            "semplice foglio condiviso con causa e soluzione, e dopo tre mesi abbiamo "
            "scoperto che metà dei reclami veniva dallo stesso fornitore.",
            "replies": [
                {
                    "by_author": True,
                    "hours": 18,
                    "body": "Esempio perfetto, Roberto: il reclamo come dato e non solo come "
                    "fastidio da chiudere.",
                },
            ],
        },
    ],
    "accessible-customer-support": [
        {
            "name": "Hannah Clarke",
            "email": "hannah.clarke@example.com",
            "hours": 10,
            "body": "Thank you for mentioning the phone-only trap. My father is hard of "
            "hearing and a text channel makes all the difference for him.",
        },
    ],
}

# Comments waiting for a moderator, by article slug: sent as a reader's would be (the spam
# check and the moderation rules decide their status and reasons), so a new site's queue
# shows what moderating looks like. "hours" is the time before the demo was loaded.
WAITING = {
    "live-chat-quando-aiuta": [
        {
            "name": "Giorgia Ferrara",
            "email": "giorgia.ferrara@example.net",
            "hours": 4,
            "body": "Domanda pratica: la chat la tenete aperta anche fuori dall'orario del "
            "servizio clienti, con un messaggio automatico, o la nascondete del tutto? "
            "Noi siamo indecisi.",
        },
    ],
    "accessible-customer-support": [
        {
            "name": "Owen Price",
            "email": "owen.price@example.org",
            "hours": 2,
            "body": "Worth adding the W3C's page on accessible contact forms, it covers "
            "the error messages point well: https://www.w3.org/WAI/tutorials/forms/",
        },
    ],
    "resi-senza-attrito": [
        {
            "name": "Best Printer Help",
            "email": "support@printer-help.example",
            "url": "https://printer-help.example/ref/4417",
            "hours": 1,
            "body": "Very nice post, thanks for sharing! Printer not working? Call our "
            "24/7 toll free helpline, click here: https://printer-help.example/ref/4417 "
            "https://bit.ly/printer-fix-now",
        },
    ],
}
