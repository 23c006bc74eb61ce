### Tessera — italiano. Stessi identificativi e stesse variabili del catalogo inglese (locales/en/tessera.ftl).

## Applicazione e navigazione

app-title = Tessera License Manager
nav-license = Licenza
nav-activate = Attiva
nav-offline = Attivazione offline
nav-portal = Portale clienti
nav-settings = Impostazioni
nav-diagnostics = Diagnostica

## Parole comuni a più schermate

common-ok = OK
common-cancel = Annulla
app-cancelled = Annullato. Non è stato salvato nulla su questo computer.
common-yes = Sì
common-no = No
common-never = Mai
common-copy = Copia
common-copied = Copiato

## Schermata di attivazione

activate-title = Attiva la tua licenza
activate-key-label = Chiave di attivazione
activate-key-placeholder = Incolla qui la chiave di attivazione
activate-key-hint = Trovi la chiave di attivazione nell'e-mail di conferma dell'ordine e nel portale clienti.
activate-button = Attiva la tua licenza
activate-offline-link = Attiva offline
activate-progress = Attivazione in corso…
activate-success = La tua licenza è attiva.
activate-replace-title = Sostituire la licenza di questo computer?
activate-replace-message = Questo computer ha già la licenza { $serial }. Attivare questa chiave la sostituisce: la postazione di { $serial } viene prima restituita al portale, così può servire su un altro computer. Senza Internet, disattivala prima offline.
activate-replace-confirm = Sostituisci licenza
activate-already = Questo computer è già attivato con questa chiave (licenza { $serial }). Non è stato cambiato nulla.

## Riepilogo della licenza

dashboard-title = La tua licenza
dashboard-status = Stato
dashboard-product = Prodotto
dashboard-edition = Edizione
dashboard-users = Utenti
dashboard-serial = Numero di serie
dashboard-computer = Computer
dashboard-order = Numero d'ordine
dashboard-support-until = Fine assistenza
dashboard-expires = Scadenza
dashboard-subscription = Abbonamento
dashboard-subscription-renews = Si rinnova il { $date }
dashboard-subscription-cancelled = Termina il { $date } (annullato)
dashboard-subscription-trial = La prova termina il { $date }
dashboard-last-sync = Ultima sincronizzazione
dashboard-fingerprint = Impronta
dashboard-headline = Licenza di { $customer }: { $product }
dashboard-headline-perpetual = Licenza di { $customer }: { $product }, perpetua
dashboard-headline-days =
    { $days ->
        [one] Licenza di { $customer }: { $product }, { $days } giorno rimasto
       *[other] Licenza di { $customer }: { $product }, { $days } giorni rimasti
    }
dashboard-support-contact = Assistenza
dashboard-renew-at = Rinnova su
dashboard-status-reason = Motivo indicato dal fornitore

## Aggiornamento

refresh-button = Aggiorna la tua licenza
refresh-progress = Aggiornamento in corso…
refresh-success = La licenza è stata sincronizzata con il portale delle licenze
refresh-success-state = La licenza è stata sincronizzata con il portale licenze. Il suo stato ora è: { $state }.
refresh-failed = Impossibile sincronizzare: { $reason }

## Attivazione offline: con un file, oppure con chiave di installazione e chiave di registrazione

offline-title = Attivazione offline
offline-intro = Questo computer non ha una connessione a Internet? Attivalo con l'aiuto di un altro computer che ce l'ha.
offline-steps = Salva il file di richiesta e portalo su un computer con accesso a Internet; caricalo nella pagina Attivazione offline del portale clienti; riporta qui il file di risposta.
offline-export-button = Esporta la richiesta di attivazione
offline-export-help = Salva un file di richiesta firmato da questo computer. Contiene la chiave di attivazione, il nome di questo computer e la sua impronta, e vale solo per questo computer.
offline-export-done = Il file di richiesta è stato salvato in { $path }.
offline-import-button = Importa il file di risposta
offline-import-help = Scegli il file di risposta scaricato dal portale clienti. Corrisponde solo alla richiesta esportata da questo computer.
offline-import-done = Il file di risposta è stato importato. La tua licenza è attiva.
offline-installation-key-button = Mostra la chiave di installazione
offline-installation-key-label = Chiave di installazione
offline-installation-key-help = Non puoi trasferire file? Copia questa chiave di installazione e inseriscila nella pagina Genera chiavi del portale clienti, oppure inviala al tuo fornitore. In cambio riceverai una chiave di registrazione.
offline-registration-key-button = Inserisci la chiave di registrazione
offline-registration-key-label = Chiave di registrazione
offline-registration-key-help = Digita o incolla la chiave di registrazione ricevuta per la chiave di installazione di questo computer, poi conferma.

## Disattivazione e trasferimento su un altro computer

deactivate-title = Disattiva o trasferisci
deactivate-button = Disattiva questo computer
deactivate-confirm = Disattivare questo computer? La licenza smetterà di funzionare qui e la sua postazione verrà liberata, così potrai attivare un altro computer con la stessa chiave di attivazione.
deactivate-offline-button = Crea una ricevuta di disattivazione
deactivate-offline-help = Nessuna connessione a Internet? La licenza viene rimossa subito da questo computer e viene salvato un file di ricevuta. Carica la ricevuta nel portale clienti per liberare la postazione.
deactivate-done = Questo computer è stato disattivato.

## Portale clienti: accesso, licenze e assistenza

portal-title = Portale clienti
portal-intro = Accedi con l'indirizzo e-mail indicato al momento dell'acquisto e uno dei tuoi numeri d'ordine per vedere licenze, contratti di assistenza e chiave di attivazione.
portal-email = E-mail
portal-email-placeholder = Digita il tuo indirizzo e-mail
portal-order = Numero d'ordine
portal-order-hint = Lo trovi nell'e-mail di conferma dell'ordine. Va bene uno qualsiasi dei tuoi numeri d'ordine.
portal-sign-in = Accedi
portal-sign-out = Esci
portal-signed-in-as = Accesso effettuato come { $email }
portal-activation-key = La tua chiave di attivazione è: { $key }
portal-previous = Precedente
portal-next = Successiva
portal-licenses = Licenze
licenses-application = Applicazione
licenses-serial-computer = Numero di serie / Computer
licenses-days = Giorni
licenses-users = Utenti
licenses-edition = Edizione
licenses-order = Numero d'ordine
licenses-date = Data
licenses-support = Assistenza?
licenses-support-view = Visualizza
licenses-details = Dettagli
licenses-empty = Non ci sono ancora licenze.
portal-supports = Assistenza
supports-application = Applicazione
supports-serial = Numero di serie
supports-users = Utenti
supports-edition = Edizione
supports-order = Numero d'ordine
supports-date = Data
supports-duration = Durata (anni)
supports-empty = Non ci sono ancora contratti di assistenza.

## Impostazioni

settings-title = Impostazioni
settings-portal-url = URL del portale
settings-proxy = Proxy
settings-proxy-none = Nessun proxy
settings-proxy-system = Usa le impostazioni proxy di sistema
settings-proxy-manual = Proxy manuale
settings-proxy-url = URL del proxy
settings-proxy-user = Nome utente del proxy
settings-proxy-password = Password del proxy
settings-language = Lingua
settings-auto-refresh = Aggiornamento automatico
settings-auto-refresh-every =
    { $hours ->
        [one] Ogni ora
       *[other] Ogni { $hours } ore
    }
settings-auto-refresh-every-days =
    { $days ->
        [one] Ogni giorno
       *[other] Ogni { $days } giorni
    }
settings-auto-refresh-off = Disattivato
settings-save = Salva
settings-saved = Salvato
settings-credential-store = Credenziali memorizzate in: { $store }
credential-store-keyring = portachiavi di sistema
credential-store-file = file cifrato ({ $path })

## Diagnostica

diagnostics-title = Diagnostica
diagnostics-export = Esporta la diagnostica
diagnostics-description = Salva un rapporto per l'assistenza del tuo fornitore: versione del programma, impostazioni, stato della licenza e componenti dell'impronta. Non contiene chiavi di attivazione né password.
diagnostics-saved = Il rapporto di diagnostica è stato salvato in { $path }.

## Il comando tessera

cli-license-state = Licenza: { $state }
cli-activated = Licenza attivata su questo computer.
cli-activate-replace-hint = Per sostituirla, esegui: tessera activate CHIAVE --replace
cli-deactivated = Disattivato.
cli-request-written = Richiesta salvata in { $path }
cli-receipt-written = Ricevuta di disattivazione salvata in { $path }
cli-response-imported = Risposta importata.
cli-signed-in = Accesso effettuato come { $email }.
cli-signed-out = Disconnesso.
cli-credential-store = Credenziali memorizzate in: { $store }

## Stati della licenza: un'etichetta breve e cosa fare

state-not-activated = Non attivata
state-not-activated-message = Questo computer non ha ancora una licenza. Inserisci la chiave di attivazione per attivarlo.
state-valid = Valida
state-valid-message = La tua licenza è valida.
state-valid-until-message = La tua licenza è valida fino al { $date }.
state-grace = Periodo di tolleranza
state-grace-message = La tua licenza non viene sincronizzata con il portale delle licenze da un po' di tempo. Connettiti a Internet e fai clic su Aggiorna.
state-grace-until-message = La tua licenza non viene sincronizzata con il portale delle licenze da un po' di tempo. Continua a funzionare fino al { $date }: connettiti a Internet e fai clic su Aggiorna.
state-expired = Scaduta
state-expired-term-ended-message = La tua licenza è scaduta il { $date }. Rinnovala nel portale clienti, poi fai clic su Aggiorna.
state-expired-refresh-overdue-message = Non è stato possibile sincronizzare la tua licenza con il portale delle licenze dal { $date }. Connettiti a Internet e fai clic su Aggiorna, oppure attivala offline.
state-suspended = Sospesa
state-suspended-message = La tua licenza è stata sospesa dal fornitore. Contatta il tuo fornitore o rivenditore; una volta risolto il problema, fai clic su Aggiorna.
state-revoked = Revocata
state-revoked-message = La tua licenza è stata revocata dal fornitore. Contatta il tuo fornitore o rivenditore.
state-fingerprint-mismatch = Altro computer
state-fingerprint-mismatch-message = Questa licenza appartiene a un altro computer (elementi cambiati: { $changed }). Se hai sostituito questo computer o il suo hardware, disattiva la licenza su quello vecchio o chiedi al tuo fornitore di trasferirla, poi attivala di nuovo.
state-clock-tampered = Orologio spostato indietro
state-clock-tampered-message = L'orologio di questo computer segna un'ora precedente al { $date }, un momento che ha già visto. Correggi data e ora, poi collegati al portale per confermare l'ora: fai clic su Aggiorna.
state-time-unconfirmed = Ora non confermata
state-time-unconfirmed-message = La registrazione dell'ora dell'ultimo controllo della licenza su questo computer manca o è stata modificata. Collegati al portale per confermare l'ora prima di usare la licenza: fai clic su Aggiorna.
state-registered = Registrato
state-registered-until-message =
    { $seats ->
        [one] Questo computer è registrato con una chiave di registrazione per { $seats } postazione, fino al { $date }.
       *[other] Questo computer è registrato con una chiave di registrazione per { $seats } postazioni, fino al { $date }.
    }
state-registered-message =
    { $seats ->
        [one] Questo computer è registrato con una chiave di registrazione per { $seats } postazione, senza data di fine.
       *[other] Questo computer è registrato con una chiave di registrazione per { $seats } postazioni, senza data di fine.
    }
state-invalid = Non valida
state-invalid-message = Il file di licenza su questo computer non è utilizzabile (errore { $code }). Attiva di nuovo questo computer oppure contatta l'assistenza del tuo fornitore indicando il codice di errore.

## Componenti dell'impronta, come compaiono in una frase

component-machine-id = identificativo della macchina
component-hostname = nome del computer
component-mac = scheda di rete
component-cpu = processore
component-os = sistema operativo

## Errori di chiavi e file (tessera-core)

error-code-empty =
    { $kind ->
        [installation-key] Inserisci la chiave di installazione.
        [registration-key] Inserisci la chiave di registrazione.
       *[activation-key] Inserisci la chiave di attivazione.
    }
error-code-length =
    { $kind ->
        [installation-key] La chiave di installazione
        [registration-key] La chiave di registrazione
       *[activation-key] La chiave di attivazione
    } deve avere { $expected } { $expected ->
        [one] carattere
       *[other] caratteri
    }, ma ne ha { $found }. Controlla di averla copiata per intero.
error-code-character =
    { $kind ->
        [installation-key] La chiave di installazione
        [registration-key] La chiave di registrazione
       *[activation-key] La chiave di attivazione
    } non può contenere «{ $character }» (carattere { $position }). Le chiavi sono composte da cifre e dalle lettere dalla A alla Z, tranne I, L, O e U.
error-code-checksum =
    { $kind ->
        [installation-key] La chiave di installazione
        [registration-key] La chiave di registrazione
       *[activation-key] La chiave di attivazione
    } contiene un errore di battitura. Confrontala carattere per carattere con quella che hai ricevuto.
error-code-unsupported =
    { $kind ->
        [installation-key] Questa chiave di installazione
        [registration-key] Questa chiave di registrazione
       *[activation-key] Questa chiave di attivazione
    } è stata creata per una versione più recente del programma. Aggiorna il programma.
error-file-not-armoured =
    { $kind ->
        [activation-request] Questo non è un file di richiesta di attivazione Tessera
        [activation-response] Questo non è un file di risposta di attivazione Tessera
        [deactivation-receipt] Questa non è una ricevuta di disattivazione Tessera
       *[license] Questo non è un file di licenza Tessera
    }: non inizia con la riga -----BEGIN { $label }-----.
error-file-wrong-kind =
    Si tratta { $found_kind ->
        [activation-request] di una richiesta di attivazione
        [activation-response] di una risposta di attivazione
        [deactivation-receipt] di una ricevuta di disattivazione
       *[license] di un file di licenza
    }, non { $expected_kind ->
        [activation-request] di una richiesta di attivazione
        [activation-response] di una risposta di attivazione
        [deactivation-receipt] di una ricevuta di disattivazione
       *[license] di un file di licenza
    }.
error-file-damaged =
    { $kind ->
        [activation-request] Il file di richiesta di attivazione è danneggiato o incompleto
        [activation-response] Il file di risposta di attivazione è danneggiato o incompleto
        [deactivation-receipt] La ricevuta di disattivazione è danneggiata o incompleta
       *[license] Il file di licenza è danneggiato o incompleto
    } ({ $detail }). Scarica o esporta di nuovo una copia.
error-file-unsupported-version =
    { $kind ->
        [activation-request] Questo file di richiesta di attivazione
        [activation-response] Questo file di risposta di attivazione
        [deactivation-receipt] Questa ricevuta di disattivazione
       *[license] Questo file di licenza
    } usa la versione di formato { $version }, che questo programma non conosce. Aggiorna il programma.
error-file-unsupported-algorithm =
    { $kind ->
        [activation-request] Questo file di richiesta di attivazione è firmato
        [activation-response] Questo file di risposta di attivazione è firmato
        [deactivation-receipt] Questa ricevuta di disattivazione è firmata
       *[license] Questo file di licenza è firmato
    } con «{ $algorithm }», un algoritmo che questo programma non accetta.
error-unknown-signing-key =
    La firma { $what ->
        [license] del file di licenza
        [activation-request] del file di richiesta di attivazione
        [activation-response] del file di risposta di attivazione
        [deactivation-receipt] della ricevuta di disattivazione
        [registration-key] della chiave di registrazione
        [portal-response] della risposta del portale
        [machine-call] della richiesta di questo computer
       *[other] del file
    } proviene da una chiave che questo programma non riconosce (ID chiave { $kid }). Assicurati che il documento venga dal portale del tuo fornitore, oppure aggiorna il programma.
error-bad-signature =
    La firma { $what ->
        [license] del file di licenza
        [activation-request] del file di richiesta di attivazione
        [activation-response] del file di risposta di attivazione
        [deactivation-receipt] della ricevuta di disattivazione
        [registration-key] della chiave di registrazione
        [portal-response] della risposta del portale
        [machine-call] della richiesta di questo computer
       *[other] del file
    } non corrisponde: il contenuto è stato modificato o danneggiato. Scarica o esporta di nuovo una copia.
error-response-mismatch = Questa risposta si riferisce a un'altra richiesta di attivazione o a un altro computer. Esporta un nuovo file di richiesta da questo computer e caricalo nel portale.
error-product-mismatch = Questa licenza è per { $found }, non per { $expected }.
error-machine-id-unavailable = Questo computer non ha un identificativo di macchina, quindi non è possibile associargli una licenza ({ $detail }). Su Linux, esegui «systemd-machine-id-setup» come amministratore.
error-invalid-signing-key = La chiave non è una chiave Tessera valida ({ $detail }).
error-randomness-unavailable = Il generatore di numeri casuali del sistema operativo non è disponibile ({ $detail }). Riavvia il computer e riprova.

## Errori restituiti dal portale delle licenze

error-bad-request = Il portale non ha potuto accettare questa richiesta ({ $detail }). Aggiorna il programma; se non basta, contatta l'assistenza del tuo fornitore.
error-unauthenticated = Accedi di nuovo: la tua sessione manca o è scaduta.
error-sign-in-failed = Nessun cliente corrisponde a questo indirizzo e-mail e a questo numero d'ordine. Controllali entrambi nella conferma d'ordine.
error-machine-signature-invalid = Questa richiesta non è firmata con la chiave che questo computer ha registrato al momento dell'attivazione. Attiva di nuovo questo computer.
error-key-not-found = Questa chiave di attivazione non è valida per questo prodotto. Controlla la chiave nella conferma d'ordine o nel portale clienti.
error-not-found = Non trovato.
error-not-activated = Questo computer non è attivato per questa licenza. Attivalo con la tua chiave di attivazione.
error-suspended = Questa licenza è sospesa. Contatta il tuo fornitore o rivenditore.
error-revoked = Questa licenza è stata revocata. Contatta il tuo fornitore o rivenditore.
error-expired = Questa licenza è scaduta. Rinnovala nel portale clienti.
error-too-many-machines =
    { $seats ->
        [one] L'unica postazione di questa licenza è già in uso. Disattiva l'altro computer o acquista altre postazioni.
       *[other] Tutte le postazioni di questa licenza sono in uso ({ $seats } su { $seats }). Disattiva un altro computer o acquista altre postazioni.
    }
error-replayed = Questa richiesta o ricevuta è già stata usata. Creane una nuova.
error-stale-request = L'orologio di questo computer è troppo distante da quello del portale. Correggi data e ora e riprova.
error-not-entitled = La tua licenza non copre questa richiesta ({ $detail }). Controlla la licenza nel portale clienti o contatta il tuo fornitore.
error-not-paid = L'ordine { $order } attende il pagamento: le sue licenze iniziano quando il pagamento viene registrato. Attiva di nuovo quando hai la conferma del pagamento.
error-amount-mismatch = Il pagamento non corrisponde al totale dell'ordine ({ $detail }). Registra l'intero importo quando è arrivato tutto.
error-already-paid = Questo ordine è già stato pagato con un altro pagamento ({ $detail }).
error-payment-conflict = Questo pagamento non può essere registrato per questo ordine ({ $detail }).
error-wrong-order-status = Questa modifica non si applica all'ordine nel suo stato attuale ({ $detail }).
error-changed-meanwhile = Nel frattempo è stato modificato, in un'altra finestra o da qualcun altro; non è stato fatto nulla. Ricontrolla, poi ripeti la modifica ({ $detail }).
error-payment-declined = Il pagamento non è andato a buon fine: { $detail }
error-provider-unavailable = Non è stato possibile effettuare il pagamento: { $detail }
error-token-invalid = Questa chiamata richiede un token API del fornitore in vigore. Creane uno con tessera-portal admin api-token create.
error-scope-missing = Questo token API non può farlo: gli manca l'ambito { $scope }. Crea un token con quell'ambito.
error-method-not-allowed = Il portale non accetta questo tipo di richiesta a questo indirizzo. Aggiorna il programma o controlla l'URL del portale nelle Impostazioni.
error-payload-too-large = La richiesta è troppo grande.
error-headers-too-large = Le intestazioni della richiesta sono troppo grandi per il portale. Rimuovi i cookie o le intestazioni aggiunte da un proxy, poi riprova.
error-rate-limited =
    { $seconds ->
        [one] Troppi tentativi. Attendi { $seconds } secondo e riprova.
       *[other] Troppi tentativi. Attendi { $seconds } secondi e riprova.
    }
error-internal = Si è verificato un errore sul portale. Riprova più tardi.

## Errori di questo programma (il License Manager e il comando tessera)

error-network-unreachable = Impossibile raggiungere il portale delle licenze. Controlla la connessione a Internet e riprova; senza Internet, attiva la licenza offline.
error-proxy-failed = Il server proxy ha rifiutato o interrotto la connessione. Controlla indirizzo, nome utente e password del proxy nelle Impostazioni.
error-tls-failed = Impossibile stabilire una connessione sicura con il portale delle licenze. Controlla la data e l'ora del computer; anche un proxy o un antivirus che analizza le connessioni sicure può causare questo problema.
error-portal-timeout = Il portale delle licenze non ha risposto in tempo. Riprova tra qualche minuto.
error-portal-not-genuine = La risposta non è firmata dal portale delle licenze del tuo fornitore, quindi è stata rifiutata. Controlla l'URL del portale nelle Impostazioni e assicurati che nessun proxy alteri il traffico.
error-not-a-portal = Questo indirizzo non risponde come un portale licenze Tessera (HTTP { $status }). Controlla l'indirizzo del portale.
error-already-activated = Questo computer è già attivato con questa chiave di attivazione (licenza { $serial }). Per sincronizzarlo con il portale, aggiorna.
error-license-held = Questo computer ha già la licenza { $serial }. Sostituirla restituisce prima la sua postazione al portale.
error-unexpected-answer = Il portale delle licenze ha dato una risposta che questo programma non riconosce. Controlla l'URL del portale nelle Impostazioni oppure aggiorna il programma.
error-state-corrupt = I dati della licenza salvati su questo computer sono danneggiati. Fai clic su Aggiorna oppure attiva di nuovo con la tua chiave di attivazione.
error-storage-failed = Impossibile salvare i dati della licenza su questo computer. Controlla lo spazio libero su disco e i permessi della cartella dei dati del programma.
error-credential-store-failed = Impossibile usare l'archivio delle credenziali. Sblocca il portachiavi di sistema o controlla i permessi della cartella dei dati del programma, poi riprova.
error-no-pending-request = Su questo computer non c'è nessuna richiesta di attivazione in attesa di risposta. Esporta prima una richiesta di attivazione, poi importa la relativa risposta.
error-invalid-setting = Un'impostazione non è valida. Apri le Impostazioni e correggi il valore evidenziato.
error-not-signed-in = Non hai effettuato l'accesso al portale clienti. Accedi con il tuo indirizzo e-mail e uno dei tuoi numeri d'ordine.
error-file-unreadable = Impossibile leggere il file { $path } ({ $detail }).

## Le schermate del License Manager: altre parole dell'applicazione desktop

app-version = Versione { $version }
app-main-navigation = Navigazione principale
app-loading = Caricamento…
app-try-again = Riprova
app-open-failed = Il License Manager non riesce ad aprire i dati di licenza di questo computer.
app-settings-set-aside = Il file delle impostazioni era danneggiato. È stato messo da parte come { $path } e sono in uso le impostazioni predefinite: controllale in Impostazioni.
app-auto-refresh-failed = L'aggiornamento automatico non è riuscito: { $reason }
app-save-file = Salva su file…
app-open-file = Apri file…
app-file-saved = Salvato in { $path }
app-file-save-failed = Non è stato possibile salvare il file ({ $detail }).
app-file-open-failed = Non è stato possibile leggere il file ({ $detail }).
app-file-too-large = Questo file è troppo grande per essere una risposta di attivazione. Scegli il file di risposta scaricato dal portale clienti.
dashboard-customer = Cliente
dashboard-perpetual = Perpetua
dashboard-no-support = Nessuna assistenza
dashboard-pending-request = Una richiesta di attivazione esportata da questo computer attende la risposta.
dashboard-continue-offline = Importa la risposta
dashboard-registered = Questo computer è registrato con una chiave di registrazione.
deactivate-offline-confirm = Rimuovere ora la licenza da questo computer e creare una ricevuta di disattivazione? La licenza smette subito di funzionare qui.
deactivate-receipt-label = Ricevuta di disattivazione
deactivate-receipt-ready = La licenza è stata rimossa da questo computer. Salva o copia questa ricevuta e caricala sul portale clienti per liberare la postazione.
offline-files-title = Con i file
offline-keys-title = Con le chiavi di installazione e di registrazione
offline-step-request = 1. Esporta la richiesta di attivazione
offline-step-response = 2. Importa la risposta
offline-request-label = Richiesta di attivazione
offline-response-label = Risposta di attivazione
offline-response-placeholder = Incolla qui il testo della risposta, oppure apri il file di risposta.
offline-import-pasted = Importa la risposta
offline-pending = Una richiesta di attivazione è stata esportata da questo computer e attende la risposta.
offline-seats-label = Postazioni
offline-registration-done = La chiave di registrazione è stata accettata.
portal-page = Pagina { $page } di { $pages }
licenses-machines = Computer in uso
settings-portal-url-hint = L'indirizzo del portale licenze del tuo fornitore.
settings-portal-url-invalid = L'indirizzo deve iniziare con https:// o http://.
settings-proxy-url-invalid = L'indirizzo del proxy deve iniziare con http://, https:// o socks5://.
settings-proxy-password-hint = Conservata nell'archivio delle credenziali. Lascia vuoto per mantenere la password salvata.
diagnostics-report-label = Rapporto

## Pagine web del portale clienti (crates/portal/templates)

web-skip-to-content = Vai al contenuto
web-nav-home = Home
web-nav-orders = Ordini
web-language = Lingua
web-actions = Azioni
web-back-home = Torna alla pagina iniziale
web-not-found-title = Pagina non trovata
web-not-found = Questa pagina non esiste oppure appartiene a un altro account.
web-forbidden-title = Richiesta rifiutata
web-forbidden = Questo modulo è scaduto o non proviene da questo portale. Torna indietro, ricarica la pagina e riprova.
web-internal-title = Si è verificato un errore
web-home-title = Le tue licenze e i tuoi supporti
web-activation-key-label = La tua chiave di attivazione è:
web-activation-key-hint = Incollala nella scheda Licenza del programma e fai clic su “Attiva la licenza”.
web-back-licenses = Torna alle tue licenze
web-license-title = Licenza { $serial }
web-license-expires = Scadenza
web-license-support-until = Assistenza e aggiornamenti fino al
web-machines = Computer
web-machines-empty = Al momento nessun computer usa questa licenza.
web-machine-hostname = Computer
web-machine-activated = Attivato
web-machine-last-seen = Ultimo contatto
web-machine-deactivate = Disattiva
web-machine-deactivated = Il computer è stato disattivato. La sua postazione è libera per un altro computer.
web-support-title = Assistenza e aggiornamenti
web-support-ends = Fine
web-details = Dati
web-name = Nome
web-country = Paese
web-city = Città
web-vat-id = Partita IVA
web-contacts = Contatti
web-contacts-empty = Non ci sono ancora contatti.
web-first-name = Nome
web-last-name = Cognome
web-orders-empty = Non ci sono ancora ordini.
web-reference = Riferimento
web-total = Totale
web-order-title = Ordine { $reference }
web-back-orders = Torna ai tuoi ordini
web-order-details = Dettagli dell'ordine
web-date-time = Data e ora
web-order-items = Articoli dell'ordine
web-product = Prodotto
web-sku = Codice articolo
web-quantity = Quantità
web-subtotal = Subtotale
web-nav-offline = Attivazione offline
web-nav-keys = Programmi e chiavi
web-too-large-title = File troppo grande
web-too-large = Il portale accetta file e testi fino a 64 KiB. Verifica di aver scelto il file giusto.
web-bad-request-title = Richiesta non compresa
web-bad-request = Un valore di questo indirizzo o modulo contiene caratteri che il portale non accetta (caratteri di controllo), oppure è troppo lungo. Torna indietro e controlla ciò che hai scritto.
web-field-invalid = Il campo { $field } contiene caratteri che il portale non accetta, oppure è troppo lungo.
web-upload-empty = Scegli un file o incolla il suo testo, poi riprova.
web-offline-title = Attivazione offline
web-offline-intro = Per un computer senza internet: porta qui il suo file di richiesta di attivazione e riporta al computer il file di risposta.
web-offline-activate-title = Attiva un computer
web-offline-activate-hint = Carica il file di richiesta di attivazione salvato dal programma, o incollane il testo.
web-offline-activated = Il computer è attivato. Scarica il file di risposta, o copiane il testo, e aprilo nel programma su quel computer.
web-offline-response-label = Risposta di attivazione
web-offline-response-hint = Seleziona il testo per copiarlo.
web-offline-download = Scarica il file di risposta
web-offline-request-file = File di richiesta di attivazione
web-offline-request-text = Oppure incolla il testo della richiesta
web-offline-activate = Attiva
web-offline-receipt-title = Libera una postazione con una ricevuta di disattivazione
web-offline-receipt-hint = Quando il programma disattiva un computer offline, salva una ricevuta. Caricala, o incollane il testo, per liberare la postazione.
web-offline-freed = La postazione della licenza { $serial } è libera per un altro computer.
web-offline-receipt-file = File della ricevuta di disattivazione
web-offline-receipt-text = Oppure incolla il testo della ricevuta
web-offline-free-seat = Libera la postazione
web-keys-title = Programmi e chiavi
web-keys-programs = I tuoi programmi con licenza
web-keys-workstations = Postazioni
web-keys-generate = Genera le chiavi
web-keys-installation-key = Chiave di installazione
web-keys-installation-key-hint = Il programma la mostra durante la registrazione. Incollala qui per ottenere la chiave di registrazione.
web-keys-comparison = Richiesto e spettante
web-keys-parameter = Parametro
web-keys-requested = Richiesto
web-keys-entitled = Spettante
web-keys-check = Verifica
web-keys-ok = Coperto
web-keys-not-ok = Non coperto
web-keys-registration-key = La tua chiave di registrazione è:
web-keys-registration-key-hint = Digitala o incollala nella finestra di registrazione del programma.
web-keys-refused = La tua licenza non copre le righe segnate con ✗, quindi non si può emettere una chiave di registrazione. Contatta il tuo fornitore per estenderla.
web-keys-no-license = Nessuna delle tue licenze riguarda il programma da cui proviene questa chiave di installazione.
web-keys-releases-until = Versioni fino al { $date }
web-keys-no-support = Nessun periodo di assistenza
web-keys-in-force = In vigore
web-keys-until = Fino al { $date }
web-keys-parameter-product = Prodotto
web-keys-parameter-version = Versione
web-keys-parameter-workstations = Postazioni
web-keys-parameter-term = Durata della licenza

## Customer accounts: e-mail and password, password change and reset (web)
web-sign-in-order-title = Con il numero d’ordine
web-sign-in-password-title = Con la password del tuo account
web-password = Password
web-forgot-link = Password dimenticata?
web-sign-in-password-failed = L’indirizzo e-mail o la password non sono corretti.
web-nav-password = Password
web-password-title = Cambia la password
web-password-current = Password attuale
web-password-new = Nuova password
web-password-repeat = Ripeti la nuova password
web-password-hint = Almeno 10 caratteri.
web-password-save = Cambia la password
web-password-changed = La tua password è stata cambiata.
web-password-current-wrong = La password attuale non è corretta.
web-password-too-short = La nuova password deve avere almeno 10 caratteri.
web-password-mismatch = Le due nuove password non coincidono.
web-forgot-title = Password dimenticata
web-forgot-intro = Inserisci l’indirizzo e-mail del tuo account: ti invieremo un link per impostare una nuova password.
web-forgot-send = Invia il link
web-forgot-sent = Se questo indirizzo ha un account, un messaggio è in arrivo. Il suo link imposta una nuova password; funziona una sola volta, entro un’ora.
web-reset-title = Imposta la password
web-reset-save = Imposta la password
web-reset-invalid = Questo link non funziona più: è scaduto o è già stato usato. Richiedine uno nuovo.
web-mail-reset-subject = Imposta una nuova password per il portale clienti Tessera
web-mail-reset-body =
    Buongiorno,

    qualcuno, probabilmente tu, ha chiesto di impostare una nuova password per il tuo account sul portale clienti Tessera. Apri questo link entro un’ora per sceglierla:

    { $link }

    Il link funziona una sola volta. Se non l’hai chiesto, ignora questo messaggio: la tua password resta com’è.
web-mail-invite-subject = Il tuo account sul portale clienti Tessera
web-mail-invite-body =
    Buongiorno,

    è stato aperto un account per te sul portale clienti Tessera, dove trovi le tue licenze, i tuoi ordini e la tua chiave di attivazione. Apri questo link entro sette giorni per scegliere la tua password:

    { $link }

    Il link funziona una sola volta. Poi accedi con il tuo indirizzo e-mail e questa password.

## Profile, news, contracts
web-nav-news = Notizie
web-nav-profile = Profilo
web-nav-contracts = Contratti
web-profile-title = Il tuo profilo
web-profile-company = Azienda
web-profile-manager = Responsabile
web-profile-phone = Telefono
web-profile-since = Cliente dal
web-profile-not-given = Non indicato
web-profile-kept-by-vendor = Questi dati sono tenuti aggiornati dal tuo fornitore. Per correggerli, scrivi al tuo fornitore.
web-profile-no-account = Hai effettuato l’accesso con un numero d’ordine, che non ha una password. Per accedere con il tuo indirizzo e-mail e una password tua, chiedi un account al tuo fornitore.
web-news-title = Notizie
web-news-intro = Le novità sui nostri programmi: nuove versioni, eventi e idee.
web-news-empty = Non ci sono ancora notizie.
web-contracts-title = I tuoi contratti
web-contracts-empty = Non ci sono ancora contratti.
web-contract-year = Anno
web-contract-document = Tipo di documento
web-contract-subscription = Abbonamento
web-contract-monthly-price = Prezzo mensile
web-contract-signed = Firmato il
web-contract-status = Stato
web-contract-document-type =
    { $type ->
        [contract] Contratto
        [annex] Atto integrativo
       *[other] { $type }
    }
web-contract-subscription-type =
    { $type ->
        [monthly] Assistenza mensile
        [annual] Assistenza annuale
       *[other] { $type }
    }
web-contract-status-name =
    { $status ->
        [active] In vigore
        [expired] Scaduto
        [terminated] Disdetto
        [draft] Bozza
       *[other] { $status }
    }

## Programs and license files
web-programs-title = Programmi e informazioni
web-programs-program = Programma
web-programs-installation = Tipo di installazione
web-programs-single = Postazione singola
web-programs-network = In rete
web-programs-service = Tipo di assistenza
web-programs-support-until = Assistenza fino al { $date }
web-programs-support-expired = Assistenza scaduta il { $date }
web-programs-no-support = Nessuna assistenza
web-programs-generated = Data di generazione della chiave
web-programs-registration-key = Chiave di registrazione
web-programs-version = Versione
web-programs-show-key = Mostra la chiave completa
web-programs-keys-hint = Per ogni programma sono indicate le chiavi di installazione e di registrazione della sua ultima registrazione. Fai clic su una chiave per vederla per intero; un clic sulla chiave completa la seleziona per copiarla.
web-machine-file = File di licenza
web-machine-download = Scarica il file di licenza
web-machine-download-label = Scarica il file di licenza di { $hostname }
web-machine-transfer = Trasferimento
web-machine-transfer-label = Disattiva { $hostname } per trasferire la sua licenza su un altro computer
web-machine-transfer-hint = Libera la postazione: la licenza potrà essere attivata su un altro computer.
web-machine-file-hint = Un file di licenza funziona solo sul computer per cui è stato emesso. Scaricalo per ripristinare la licenza di quel computer senza accesso a internet, per esempio dopo aver reinstallato il programma.
web-license-file-title = File di licenza per un computer
web-license-file-hint = Le versioni precedenti del programma leggono un file di licenza (.lic) invece di attivarsi online. Inserisci l'impronta del computer a cui è destinato: il file funziona solo lì, occupa una postazione della licenza e contiene anche la durata del supporto.
web-license-file-fingerprint = Impronta del computer
web-license-file-fingerprint-hint = 64 caratteri esadecimali, mostrati dal License Manager sotto Impronta, oppure da «tessera status».
web-license-file-computer = Nome del computer (facoltativo)
web-license-file-download = Scarica il file di licenza
web-license-file-fingerprint-invalid = Questa non è un'impronta di computer: ha 64 caratteri esadecimali (0–9, a–f), come la mostra il License Manager.
web-license-file-default-computer = Computer (file di licenza)
web-support-file-hint = La durata del supporto fa parte del file di licenza (.lic), che le versioni precedenti leggono anche per gli aggiornamenti:
web-support-file-link = scaricalo per un computer

## The command line's own words for messages that name the app's buttons (Surface::Cli)
cli--state-grace-message = La tua licenza non viene sincronizzata con il portale delle licenze da un po' di tempo. Connettiti a Internet e esegui «tessera refresh».
cli--state-grace-until-message = La tua licenza non viene sincronizzata con il portale delle licenze da un po' di tempo. Continua a funzionare fino al { $date }: connettiti a Internet e esegui «tessera refresh».
cli--state-expired-term-ended-message = La tua licenza è scaduta il { $date }. Rinnovala nel portale clienti, poi esegui «tessera refresh».
cli--state-expired-refresh-overdue-message = Non è stato possibile sincronizzare la tua licenza con il portale delle licenze dal { $date }. Connettiti a Internet e esegui «tessera refresh», oppure attivala offline.
cli--state-suspended-message = La tua licenza è stata sospesa dal fornitore. Contatta il tuo fornitore o rivenditore; una volta risolto il problema, esegui «tessera refresh».
cli--state-clock-tampered-message = L'orologio di questo computer segna un'ora precedente al { $date }, un momento che ha già visto. Correggi data e ora, poi collegati al portale per confermare l'ora: esegui «tessera refresh».
cli--state-time-unconfirmed-message = La registrazione dell'ora dell'ultimo controllo della licenza su questo computer manca o è stata modificata. Collegati al portale per confermare l'ora prima di usare la licenza: esegui «tessera refresh».
cli--error-method-not-allowed = Il portale non accetta questo tipo di richiesta a questo indirizzo. Aggiorna il programma o controlla l'indirizzo del portale («tessera settings --portal-url»).
cli--error-proxy-failed = Il server proxy ha rifiutato o interrotto la connessione. Controlla indirizzo, nome utente e password del proxy («tessera settings --proxy-url … --proxy-user …»).
cli--error-portal-not-genuine = La risposta non è firmata dal portale delle licenze del tuo fornitore, quindi è stata rifiutata. Controlla l'indirizzo del portale («tessera settings --portal-url») e assicurati che nessun proxy alteri il traffico.
cli--error-unexpected-answer = Il portale delle licenze ha dato una risposta che questo programma non riconosce. Controlla l'indirizzo del portale («tessera settings --portal-url») oppure aggiorna il programma.
cli--error-state-corrupt = I dati della licenza salvati su questo computer sono danneggiati. Esegui «tessera refresh» oppure attiva di nuovo con la tua chiave di attivazione.
cli--error-invalid-setting = Un'impostazione non è valida. Correggila con «tessera settings» (vedi «tessera settings --help»).

## Mail the portal sends (payment recorded, license suspended or revoked)
mail-greeting = Buongiorno,
mail-signature = Il tuo portale delle licenze: { $portal }
mail-order-subject = Il tuo ordine { $order }: in attesa di pagamento
mail-order-intro = Grazie per l'ordine { $order } del { $date }. Il totale è { $total }:
mail-order-line = { $description }, utenti { $quantity }: { $subtotal }
mail-order-transfer = Effettua un bonifico di { $total } a { $bank }, indicando il riferimento { $order }.
mail-order-transfer-invoice = Effettua un bonifico di { $total } sul conto indicato in fattura, indicando il riferimento { $order }.
mail-order-card = Il pagamento con carta è in corso di elaborazione.
mail-order-start = Le licenze iniziano il giorno in cui arriva il pagamento: una e-mail ti porterà allora la chiave di attivazione e le istruzioni.
mail-paid-subject = Pagamento ricevuto per l'ordine { $order }: le tue licenze
mail-paid-intro = Abbiamo registrato il pagamento dell'ordine { $order }: { $amount }, ricevuto il { $date }. Le tue licenze sono emesse e la loro durata è iniziata il giorno in cui è arrivato il pagamento.
mail-paid-license = { $product } { $edition }, numero di serie { $serial }: utenti { $users }, computer { $machines }, { $term }
mail-paid-term-until = valida fino al { $date }
mail-paid-term-perpetual = perpetua
mail-paid-key = La tua chiave di attivazione apre queste licenze:
mail-paid-step-open = Apri il Tessera License Manager sul computer dove funziona il software (su un server senza desktop, esegui 'tessera activate').
mail-paid-step-paste = Incolla la chiave di attivazione e fai clic su Attiva.
mail-paid-step-refresh = In seguito, fai clic su Aggiorna per sincronizzare la licenza con il portale. Senza internet, attiva offline con un file di richiesta.
mail-paid-portal = Licenze, ordini e contratti di assistenza sono sul portale clienti, { $link }: accedi con questo indirizzo e-mail e il numero d'ordine { $order }.
mail-suspended-subject = La licenza { $serial } è sospesa
mail-suspended-body = La tua licenza { $serial } ({ $product } { $edition }) è sospesa. Motivo: { $reason }
mail-suspended-effect = Il software smette di accettarla al prossimo aggiornamento. Risolta la questione, la ripristiniamo e un aggiornamento la rende di nuovo attiva.
mail-overdue-subject = La fattura dell'ordine { $reference } non è pagata
mail-overdue-body = La fattura dell'ordine { $reference } del tuo abbonamento a { $product } { $edition } (licenza { $serial }) non è ancora pagata.
mail-overdue-card = Non è stato possibile addebitarlo sulla tua carta. Aggiungi una carta o scegline un'altra in Metodi di pagamento — { $link } — e l'addebito viene ritentato automaticamente.
mail-overdue-effect = Se il pagamento non arriva, la licenza { $serial } sarà sospesa il { $date }. Se l'hai già pagata, non devi fare altro.
mail-revoked-subject = La licenza { $serial } è revocata
mail-revoked-body = La tua licenza { $serial } ({ $product } { $edition }) è revocata. Motivo: { $reason }
mail-revoked-effect = Il software smette di accettarla al prossimo aggiornamento. Rispondi a questo messaggio se pensi che si tratti di un errore.

## Back office (the vendor's staff)
mail-key-subject = La tua chiave di attivazione
mail-key-intro = Come richiesto, ecco di nuovo la chiave di attivazione delle licenze di { $company }.
mail-key-portal = Le tue licenze, i tuoi ordini e i contratti di assistenza sono sul portale clienti, { $link }: accedi con questo indirizzo e-mail e uno qualsiasi dei tuoi numeri d'ordine.
bo-nav-customers = Clienti
bo-customers-title = Clienti
bo-customers-search = Trova un cliente
bo-search = Cerca
bo-customers-search-hint = Parte del nome dell'azienda o dell'indirizzo e-mail, un riferimento d'ordine, un numero di serie o i primi caratteri di una chiave di attivazione.
bo-customers-none = Nessun cliente corrisponde a «{ $query }».
bo-customers-capped = Sono mostrati solo i primi 50 clienti trovati: restringi la ricerca.
bo-customer-place = Città, paese
bo-customer-licenses = Licenze
bo-customer-since = Dal
bo-customer-language = Lingua delle e-mail
bo-customer-key = Chiave di attivazione
bo-customer-resend-key = Invia di nuovo la chiave
bo-customer-key-sent = La chiave di attivazione è in coda per { $email }.
bo-customer-no-licenses = Questo cliente non ha ancora licenze.
bo-customer-no-orders = Questo cliente non ha effettuato ordini.
bo-customer-people = Contatti e account
bo-customer-person = Nome
bo-customer-role = Ruolo
bo-customer-contact = contatto d'acquisto
bo-customer-account = account con password
bo-customer-invited = invitato, ancora senza password
bo-serial = Numero di serie
bo-state = Stato
bo-order-items = Articoli
bo-order-status-awaiting-payment = in attesa di pagamento
bo-order-status-paid = pagato
bo-order-status-cancelled = annullato
bo-order-status-refunded = rimborsato
bo-recent-events = Eventi recenti
bo-no-events = Ancora nulla di registrato.
bo-event-at = Quando
bo-event-kind = Evento
bo-event-actor = Da
bo-event-subject = Riguarda
bo-event-change = Modifica
# Rifiuti che il back office mostra dopo «Non eseguito:».
bo-refusal-amount-mismatch = Il pagamento di { $got } non corrisponde al totale dell’ordine { $reference }, { $expected }. Registra l’importo intero quando sarà arrivato tutto.
bo-refusal-paid-already = L’ordine { $reference } è stato pagato con un altro pagamento.
bo-refusal-paid-already-on = L’ordine { $reference } è stato pagato il { $day } con un altro pagamento.
bo-refusal-order-not-payable = L’ordine { $reference } è { $status ->
        [cancelled] annullato
        [refunded] rimborsato
       *[other] { $status }
    } e non può essere pagato.
bo-refusal-payment-in-future = La data di pagamento { $day } è nel futuro.
bo-refusal-payment-before-order = La data di pagamento { $day } è anteriore all’invio dell’ordine { $reference } ({ $placed }).
bo-refusal-payment-reference-taken = Questo riferimento bancario o chiave di idempotenza è stato registrato per il pagamento dell’ordine { $paid }, non { $reference }.
bo-refusal-payment-reference-racing = Questo riferimento bancario o chiave di idempotenza è stato registrato nello stesso momento per un altro pagamento.
bo-refusal-cancel-paid = L’ordine { $reference } è pagato: rimborsalo invece di annullarlo.
bo-refusal-cancel-status = L’ordine { $reference } è { $status ->
        [cancelled] annullato
        [refunded] rimborsato
       *[other] { $status }
    }: si annulla solo un ordine in attesa di pagamento.
bo-refusal-refund-unpaid = L’ordine { $reference } non è pagato: annullalo invece di rimborsarlo.
bo-refusal-refund-status = L’ordine { $reference } è { $status ->
        [cancelled] annullato
        [refunded] rimborsato
       *[other] { $status }
    }: si rimborsa solo un ordine pagato.
bo-refusal-reason-needed = indica perché l’ordine { $reference } viene annullato o rimborsato: il motivo viene conservato e mostrato
bo-refusal-term-perpetual = la licenza { $serial } è perpetua: la sua durata non ha una fine da prolungare
bo-refusal-term-not-later = la licenza { $serial } scade il { $day }: la nuova scadenza deve essere un giorno successivo
bo-refusal-users-range = utenti: { $count }; una licenza ne conta da 1 a { $most }
bo-refusal-computers-range = computer: { $count }; una licenza ne conta da 1 a { $most }
bo-refusal-seats-held = { $count ->
        [one] { $count } computer occupa un posto
       *[other] { $count } computer occupano dei posti
    } della licenza { $serial }: liberane alcuni prima di consentirne solo { $most }
bo-refusal-users-not-number = utenti: «{ $text }» non è un numero intero
bo-refusal-computers-not-number = computer: «{ $text }» non è un numero intero
bo-refusal-not-a-day = «{ $text }» non è una data nel formato { $example }
bo-refusal-field-too-long = Il campo `{ $field }` supera { $max ->
        [one] { $max } carattere
       *[other] { $max } caratteri
    }.
bo-refusal-field-control = Il campo `{ $field }` contiene un carattere di controllo (U+{ $code }) alla posizione { $position }.
bo-refusal-news-empty = { $field ->
        [title] titolo
        [body] testo
       *[other] { $field }
    }: vuoto, e una notizia ha bisogno di un titolo e di un testo
bo-refusal-news-too-long = { $field ->
        [title] titolo
        [body] testo
       *[other] { $field }
    }: { $count ->
        [one] { $count } carattere
       *[other] { $count } caratteri
    }, al massimo { $most }
bo-refusal-not-a-sku = SKU: «{ $text }» non è uno SKU (maiuscole, cifre e trattini, senza spazi)
bo-refusal-not-a-product-id = id: «{ $text }» non è un id di prodotto (minuscole, cifre e trattini)
bo-refusal-not-a-match-policy = criterio di corrispondenza: «{ $text }» non è un criterio di corrispondenza (exact, fuzzy o loose)
bo-refusal-out-of-range = { $field }: { $value } non è compreso tra { $least } e { $most }
bo-refusal-name-needed = { $field }: serve un nome
bo-refusal-too-many-features = funzionalità: al massimo { $most }
bo-refusal-product-exists = id: il prodotto { $id } esiste già
bo-refusal-edition-exists = SKU: l’edizione { $edition } o lo SKU { $sku } esiste già
bo-refusal-no-product = prodotto: nessun prodotto { $product }
bo-refusal-price-range = prezzo: { $price } non è compreso tra 0 e { $most }
bo-refusal-not-a-term = durata in mesi: non è una durata
bo-refusal-no-edition-sku = edizione: nessuna edizione ha lo SKU { $sku }
bo-refusal-no-edition = edizione: { $product } non ha l’edizione { $edition }
bo-refusal-plan-exists = SKU: un piano ha già lo SKU { $sku }
bo-refusal-plan-on-sale-already = il piano { $sku } è già in vendita
bo-refusal-plan-retired-already = il piano { $sku } è già ritirato dalla vendita
bo-refusal-order-no-lines = un ordine richiede almeno una riga
bo-refusal-order-quantity = { $users } utenti di { $sku } non è una quantità accettata dal portale (da 1 a 1.000.000)
bo-refusal-no-customer = nessun cliente ha l'id { $id }
bo-refusal-no-plan = nessun piano ha lo SKU { $sku }
bo-refusal-plan-not-sold = il piano { $sku } non è più in vendita
bo-refusal-contract-price-negative = prezzo mensile: non può essere negativo
bo-refusal-contract-currency = valuta: «{ $currency }» non è un codice valuta come EUR
bo-refusal-contract-year = anno: { $year } non è un anno di contratto
bo-refusal-contract-status-already = stato: il contratto è già { $status }
bo-refusal-contract-changed = stato: il contratto è stato modificato nel frattempo; riprova
bo-refusal-subscription-quantity = quantità: da 1 a { $most } utenti, non { $quantity }
bo-refusal-card-none = Questo abbonamento è pagato con carta e non c'è nessuna carta registrata: aggiungine una in Metodi di pagamento.
bo-refusal-card-declined = la carta che termina con { $last4 } è stata rifiutata per { $amount } ({ $reason }). Non è stato modificato nulla: aggiungi un'altra carta in Metodi di pagamento, o riprova più tardi.
bo-refusal-provider-unavailable = il fornitore dei pagamenti non ha risposto in tempo per { $amount }. Non è stato modificato nulla; se riprovi, l'addebito avviene al massimo una volta.
bo-refusal-provider-down = il fornitore dei pagamenti non ha risposto in tempo. Non è stato modificato nulla; riprova tra qualche minuto.
bo-refusal-provider-refused = il fornitore dei pagamenti ha rifiutato la richiesta ({ $reason }).
bo-refusal-card-last = La carta che termina con { $last4 } è l'unica di un abbonamento pagato con carta: aggiungi un'altra carta prima di rimuoverla.
bo-refusal-company-empty = Il nome dell'azienda è vuoto: le fatture devono indicare a chi sono intestate.
bo-refusal-vat-id = «{ $typed }» non è una partita IVA: da 4 a 20 lettere e cifre, come IT12345678901.
bo-refusal-cards-not-taken = Questo negozio non accetta carte: scegli il bonifico bancario.
bo-refusal-seats-bound = Alle licenze di questo abbonamento sono associati più utenti dei { $users } che questa modifica lascia: prima scollegane alcuni in Amministrazione aziendale.
bo-refused = Non eseguito: { $detail }
bo-license-reason = Motivo comunicato al cliente
bo-license-reason-hint = Il cliente lo legge nel License Manager dopo il prossimo aggiornamento, e in un'e-mail.
bo-license-status-title = Sospendi, ripristina, revoca
bo-license-suspend = Sospendi
bo-license-revoke = Revoca
bo-license-reinstate = Ripristina
bo-license-terms-title = Durata, utenti e computer
bo-license-ends-on = Nuova fine della durata
bo-license-extend = Prolunga la durata
bo-license-max-machines = Computer consentiti
bo-license-change-limits = Modifica utenti e computer
bo-license-free-one = Libera la postazione
bo-license-free-one-label = Libera la postazione di { $hostname }
bo-license-free-all = Libera tutte le postazioni
bo-license-free-hint = Ogni computer si riattiva alla prossima connessione, oppure un altro prende il suo posto.
bo-license-done-suspended = La licenza è sospesa. I computer del cliente lo sapranno al prossimo aggiornamento.
bo-license-done-reinstated = La licenza è di nuovo attiva.
bo-license-done-revoked = La licenza è revocata. I computer del cliente lo sapranno al prossimo aggiornamento.
bo-license-done-term = La durata è prolungata.
bo-license-done-limits = Utenti e computer sono modificati.
bo-license-done-freed = Tutte le postazioni sono libere.
bo-license-done-machine = La postazione del computer è libera.
bo-customer-new-order = Inserisci un ordine
bo-order-title = Ordine { $order }
bo-order-done-placed = L'ordine è inserito e attende il pagamento; l'e-mail di conferma al cliente è in partenza.
bo-order-done-cancelled = L'ordine è annullato: non può più essere pagato.
bo-order-done-refunded = L'ordine è rimborsato e le sue licenze revocate; il cliente ne è informato con il motivo.
bo-order-actions = Pagamento, annullamento, rimborso
bo-order-cancel-reason = Motivo dell'annullamento (conservato nel registro)
bo-order-refund-reason = Motivo del rimborso (il cliente lo legge)
bo-order-refund-hint = Il rimborso revoca tutte le licenze dell'ordine: i computer del cliente lo sapranno al prossimo aggiornamento, con questo motivo.
bo-order-cancel = Annulla l'ordine
bo-order-refund = Rimborsa l'ordine
bo-order-new-title = Nuovo ordine
bo-order-new-for = Nuovo ordine per { $company }
bo-order-no-plans = Nessun piano è in vendita: aggiungine prima uno al catalogo.
bo-order-new-hint = L'ordine si paga con bonifico: attende il pagamento, e le licenze iniziano il giorno in cui viene registrato.
bo-order-new-empty = Indica il numero di utenti di almeno un piano.
bo-order-place = Inserisci l'ordine
bo-plan-term = Durata
bo-plan-price = Prezzo per utente
bo-plan-months = { $months ->
    [1] 1 mese
   *[other] { $months } mesi
}
mail-ending-subject = La tua licenza { $serial } scade il { $date }
mail-ending-body = La tua licenza { $serial } ({ $product } { $edition }, { $users } utenti) scade il { $date }, { $days ->
    [one] domani
   *[other] tra { $days } giorni
}.
mail-ending-renew = Non si rinnova automaticamente: per continuare a usare { $product } dopo quel giorno, ordina un nuovo periodo. Le nuove licenze iniziano il giorno in cui il loro pagamento viene registrato.
mail-ending-link = Le tue licenze e le loro scadenze: { $link }
mail-ended-subject = La tua licenza { $serial } è scaduta
mail-ended-body = La tua licenza { $serial } ({ $product } { $edition }) è scaduta il { $date }. Il software smette di accettarla passato il periodo di tolleranza offline.
mail-ended-renew = L'accesso non si rinnova automaticamente: per continuare a usare { $product }, ordina un nuovo periodo. Le nuove licenze iniziano il giorno in cui il loro pagamento viene registrato.
invoice-title = Fattura { $number }
invoice-credit-note-title = Nota di credito { $number }
invoice-documents = Fattura e note di credito
invoice-back = Ordine { $order }
invoice-print-hint = Per conservarne una copia, stampa la pagina o salvala in PDF dal menu Stampa del browser.
invoice-issued = Emessa il
invoice-corrects = Annulla la fattura
invoice-billed-to = Intestata a
invoice-unit-price = Prezzo per utente
invoice-reason = Motivo:
invoice-payment = Pagamento
invoice-transfer-to = Si prega di bonificare il totale a { $bank }, indicando il riferimento { $order }.
invoice-transfer = Si prega di bonificare il totale sul conto del fornitore, indicando il riferimento { $order }.
invoice-terms-start = Le licenze iniziano il giorno in cui il pagamento viene registrato.
bo-title = Back office
bo-nav-dashboard = Cruscotto
bo-nav-orders = Ordini
bo-role-admin = amministratore
bo-role-support = assistenza
bo-2fa-nav = Accesso in due passaggi
bo-2fa-title = Accesso in due passaggi
bo-2fa-intro = Se attivo, l'accesso al back office chiede, dopo la password, il codice a sei cifre mostrato da un'app di autenticazione sul telefono (per esempio Aegis, FreeOTP, Google Authenticator). Telefono perso? Un operatore lo disattiva dal terminale: tessera-portal admin staff-reset-2fa.
bo-2fa-is-on = L'accesso in due passaggi è attivo.
bo-2fa-is-off = L'accesso in due passaggi non è attivo: basta la password per accedere.
bo-2fa-turn-on = Attiva
bo-2fa-turn-off = Disattiva
bo-2fa-new-secret = Ricomincia con una nuova chiave
bo-2fa-add-to-app = Aggiungi questa chiave all'app di autenticazione (digita la chiave o incolla l'indirizzo), poi digita il codice mostrato dall'app per confermare. L'accesso in due passaggi si attiva solo dopo la conferma di un codice.
bo-2fa-secret = Chiave
bo-2fa-uri = Indirizzo per l'app
bo-2fa-code = Codice a sei cifre
bo-2fa-confirm = Conferma e attiva
bo-2fa-turned-on = L'accesso in due passaggi ora è attivo.
bo-2fa-turned-off = L'accesso in due passaggi ora è disattivato.
bo-2fa-code-wrong = Questo codice non è corretto o è già stato usato. Digita il codice che l'app mostra ora.
bo-2fa-sign-in-title = Il tuo codice di accesso
bo-2fa-sign-in-intro = Digita il codice a sei cifre che l'app di autenticazione mostra per Tessera.
bo-2fa-sign-in-expired = Questo accesso è scaduto o non è stato iniziato in questo browser. Accedi di nuovo con la password.
bo-2fa-start-again = Ricomincia
bo-events-kind-staff-two-factor-on = Accesso in due passaggi attivato
bo-events-kind-staff-two-factor-off = Accesso in due passaggi disattivato
bo-events-kind-subscription-started = Abbonamento attivato
bo-events-kind-subscription-changed = Abbonamento modificato
bo-sign-in-title = Accesso al back office
bo-news-nav = Notizie
bo-news-title = Notizie
bo-news-intro = Le notizie della pagina Notizie dei clienti, dalla più recente. Una notizia pubblicata compare subito; una notizia ritirata non compare più.
bo-news-published = Pubblicate
bo-news-empty = Nessuna notizia pubblicata.
bo-news-news-title = Titolo
bo-news-text-start = Testo
bo-news-withdraw = Ritira
bo-news-publish-title = Pubblica una notizia
bo-news-body = Testo
bo-news-body-hint = Testo semplice, al massimo 10.000 caratteri; una riga vuota inizia un nuovo paragrafo.
bo-news-publish = Pubblica
bo-news-done-published = La notizia è pubblicata.
bo-news-done-withdrawn = La notizia è ritirata.
bo-contracts-title = Contratti
bo-contracts-empty = Ancora nessun contratto.
bo-contracts-new-status = Nuovo stato
bo-contracts-change-status = Cambia
bo-contracts-add = Aggiungi un contratto
bo-contracts-year-hint = Vuoto: l'anno in cui è stato concluso.
bo-contracts-price-hint = Nelle unità della valuta, ad es. 49.90.
bo-contracts-currency = Valuta
bo-contracts-done-added = Il contratto è aggiunto.
bo-contracts-done-status = Lo stato del contratto è cambiato.
bo-events-kind-news-published = Notizia pubblicata
bo-events-kind-news-withdrawn = Notizia ritirata
bo-events-kind-contract-added = Contratto aggiunto
bo-events-kind-contract-status-changed = Stato del contratto cambiato
bo-sign-in-intro = Per il personale del fornitore. I clienti accedono al portale clienti.
bo-password-set = La password è impostata. Accedi con la nuova password.
bo-catalog-nav = Catalogo
bo-catalog-title = Catalogo
bo-catalog-intro = I prodotti, le loro edizioni e i piani che li vendono. Nulla viene eliminato: un piano non più in vendita viene ritirato, e ciò che è stato venduto resta com'era.
bo-catalog-empty = Ancora nessun prodotto.
bo-catalog-product-id = Identificativo del prodotto
bo-catalog-product-id-hint = Lettere minuscole, cifre e trattini, per esempio acme-ledger. Non cambia mai: licenze e computer lo portano.
bo-catalog-name = Nome
bo-catalog-match-policy = Riconoscimento dei computer
bo-catalog-policy-exact = esatto (ogni componente)
bo-catalog-policy-fuzzy = flessibile (la maggior parte dei componenti)
bo-catalog-policy-loose = largo (alcuni componenti)
bo-catalog-refresh-days = Aggiornamento ogni (giorni)
bo-catalog-grace-days = Tolleranza offline (giorni)
bo-catalog-edit-product = Modifica il prodotto
bo-catalog-edit-product-hint = L'identificativo e il riconoscimento dei computer restano come sono: licenze e computer li portano.
bo-catalog-save = Salva
bo-catalog-editions = Edizioni
bo-catalog-edition = Edizione
bo-catalog-no-editions = Ancora nessuna edizione.
bo-catalog-features = Funzioni
bo-catalog-features-hint = Separate da virgole, per esempio ledger, multi-currency. Le licenze emesse da ora in poi le portano.
bo-catalog-edit-features = Modifica le funzioni
bo-catalog-plans = Piani
bo-catalog-no-plans = Ancora nessun piano.
bo-catalog-machines-per-user = Computer per utente
bo-catalog-support-years = Assistenza (anni)
bo-catalog-trial-days = Prova (giorni)
bo-catalog-status = Vendita
bo-catalog-on-sale = in vendita
bo-catalog-retired = ritirato
bo-catalog-add-product = Aggiungi un prodotto
bo-catalog-add-edition = Aggiungi un'edizione
bo-catalog-add-plan = Aggiungi un piano
bo-catalog-sku-hint = Lettere maiuscole, cifre e trattini, per esempio LED-STD-1Y.
bo-catalog-plan-name-hint = Ciò che riporta la riga d'ordine; prodotto, edizione e durata se resta vuoto.
bo-catalog-months = Durata (mesi)
bo-catalog-months-hint = Da 1 a 120; vuoto per una licenza perpetua.
bo-catalog-price-hint = Per utente per l'intera durata, per esempio 299.00.
bo-catalog-currency = Valuta
bo-catalog-plan-title = Piano { $sku }
bo-catalog-edit-plan = Modifica il piano
bo-catalog-edit-plan-hint = Il nuovo prezzo vale per gli ordini effettuati da ora in poi: gli ordini già effettuati mantengono il prezzo a cui sono stati venduti. Computer e assistenza valgono per ogni licenza emessa da ora in poi, comprese quelle degli ordini in attesa di pagamento.
bo-catalog-retire = Ritira il piano
bo-catalog-retire-hint = Un piano ritirato non è più in vendita: nessun nuovo ordine lo accetta. Licenze e ordini già venduti restano come sono.
bo-catalog-put-on-sale = Rimetti in vendita
bo-catalog-done-product-added = Il prodotto è stato aggiunto.
bo-catalog-done-product-changed = Il prodotto è stato modificato.
bo-catalog-done-edition-added = L'edizione è stata aggiunta.
bo-catalog-done-features = Le funzioni sono state modificate.
bo-catalog-done-plan-added = Il piano è stato aggiunto ed è in vendita.
bo-catalog-done-plan-changed = Il piano è stato modificato: i prossimi ordini lo seguono.
bo-catalog-done-retired = Il piano è stato ritirato: nessun nuovo ordine lo accetta.
bo-catalog-done-on-sale = Il piano è di nuovo in vendita.
bo-figure-active = licenze in vigore
bo-figure-activations = attivazioni oggi
bo-figure-awaiting = ordini in attesa di pagamento
bo-figure-ending = durate che terminano entro 90 giorni
bo-figure-mails = e-mail non recapitate
bo-orders-title = Ordini in attesa di pagamento
bo-orders-empty = Nessun ordine attende il pagamento.
bo-customer = Cliente
bo-record-payment = Registra il pagamento
bo-amount = Importo
bo-paid-on = Ricevuto il
bo-bank-reference = Riferimento bancario
bo-record = Registra
bo-payment-recorded = Il pagamento dell'ordine { $order } è registrato; licenze emesse: { $licenses }. L'e-mail al cliente è in partenza.
bo-events-nav = Registro
bo-events-title = Registro degli eventi
bo-events-filter = Filtra il registro
bo-events-customer = Cliente (e-mail o id)
bo-events-serial = Seriale della licenza
bo-events-actor = Autore
bo-events-kind = Tipo
bo-events-any-kind = Qualsiasi tipo
bo-events-from = Dal
bo-events-to = Al
bo-events-apply = Filtra
bo-events-clear = Azzera
bo-events-csv = Esporta in CSV
bo-events-empty = Nessun evento corrisponde a questo filtro.
bo-events-when = Quando
bo-events-subject = Oggetto
bo-events-change = Modifica
bo-events-bad-customer = Nessun cliente ha l'e-mail o l'id «{ $customer }».
bo-events-bad-serial = Nessuna licenza ha il seriale «{ $serial }».
bo-events-bad-kind = «{ $kind }» non è un tipo di evento.
bo-events-bad-from = Il primo giorno «{ $day }» non è una data come 2026-03-01.
bo-events-bad-to = L'ultimo giorno «{ $day }» non è una data come 2026-03-01.
bo-events-bad-range = Il primo giorno è successivo all'ultimo.
bo-events-kind-order-placed = Ordine effettuato
bo-events-kind-payment-recorded = Pagamento registrato
bo-events-kind-license-issued = Licenza emessa
bo-events-kind-license-status-changed = Stato della licenza cambiato
bo-events-kind-customer-added = Cliente aggiunto
bo-events-kind-api-token-created = Token API creato
bo-events-kind-api-token-revoked = Token API revocato
bo-events-kind-order-cancelled = Ordine annullato
bo-events-kind-order-refunded = Ordine rimborsato
bo-events-kind-staff-created = Account del personale creato
bo-events-kind-machine-activated = Computer attivato
bo-events-kind-license-refreshed = Licenza aggiornata
bo-events-kind-machine-deactivated = Computer disattivato
bo-events-kind-mail-resent = E-mail rinviata
bo-events-kind-license-term-extended = Durata della licenza prolungata
bo-events-kind-license-limits-changed = Limiti della licenza cambiati
bo-events-kind-key-resent = Chiave di attivazione rinviata
bo-events-kind-password-changed = Password cambiata
bo-events-kind-product-added = Prodotto aggiunto
bo-events-kind-product-changed = Prodotto modificato
bo-events-kind-edition-added = Edizione aggiunta
bo-events-kind-edition-changed = Edizione modificata
bo-events-kind-plan-added = Piano aggiunto
bo-events-kind-plan-changed = Piano modificato
bo-events-kind-plan-retired = Piano ritirato
bo-events-kind-plan-on-sale = Piano di nuovo in vendita
bo-mail-nav = E-mail
bo-mail-title = Posta in uscita
bo-mail-filter = E-mail per stato
bo-mail-filter-all = Tutte ({ $count })
bo-mail-status-queued = in coda
bo-mail-status-sent = inviata
bo-mail-status-failed = non riuscita
bo-mail-newest = Sono elencate le { $count } e-mail più recenti, senza il loro testo.
bo-mail-empty = Nessuna e-mail in questo stato.
bo-mail-queued-at = In coda dal
bo-mail-mail = E-mail
bo-mail-status = Stato
bo-mail-last-error = Ultimo errore
bo-mail-resend = Rinvia
bo-mail-attempts =
    { $count ->
        [one] { $count } tentativo
       *[other] { $count } tentativi
    }
bo-mail-next-attempt = prossimo tentativo { $at }
bo-mail-resent = L'e-mail è di nuovo in coda; parte entro pochi secondi.
bo-mail-not-failed = L'e-mail { $id } è { $status }: si può rinviare solo un'e-mail non riuscita.
bo-mail-bad-status = «{ $status }» non è uno stato di e-mail: scegli in coda (queued), inviata (sent), non riuscita (failed) o tutte (all).

## Gestione abbonamenti (seed 001)
web-nav-subscriptions = Abbonamenti
web-subs-title = Gestione abbonamenti
web-subs-none = Non hai abbonamenti. Li attiva lo store del tuo fornitore; anche una prova compare qui.
web-subs-status =
    { $status ->
        [trialing] Prova
        [active] Attivo
        [past_due] Pagamento scaduto
        [suspended] Sospeso
        [cancelling] Disdetto
        [ended] Terminato
       *[other] { $status }
    }
web-subs-plan = Piano
web-subs-users = Utenti
web-subs-billing = Fatturazione
web-subs-interval =
    { $interval ->
        [month] Mensile
        [year] Annuale
       *[other] { $interval }
    }
web-subs-period = Periodo in corso
web-subs-next-charge = Prossimo addebito
web-subs-trial-ends = La prova termina il { $date }
web-subs-renews = { $amount } il { $date }
web-subs-ends = Termina il { $date } (disdetto)
web-subs-options = Opzioni
web-subs-update-services = Aggiorna servizi
web-subs-change-plan = Cambia piano
web-subs-cancel = Disdici abbonamento
web-subs-resume = Riprendi
web-subs-order-to-pay = L'ordine { $reference } attende il tuo pagamento.
web-subs-done-users = Il numero di utenti è aggiornato.
web-subs-done-plan = Il piano è cambiato.
web-subs-done-cancel = L'abbonamento è disdetto: termina alla fine del periodo in corso. Fino ad allora puoi riprenderlo.
web-subs-done-resume = L'abbonamento è ripreso: si rinnova come prima.
web-subs-users-invalid = Scrivi il numero di utenti in cifre, per esempio 5.
web-subs-users-count =
    { $count ->
        [one] { $count } utente
       *[other] { $count } utenti
    }
web-subs-users-label = Numero di utenti
web-subs-users-hint = Gli utenti aggiunti si pagano ora per il resto del periodo (il rateo); una riduzione vale dalla fine del periodo.
web-subs-see-price = Vedi il prezzo
web-subs-plans = Piani
web-subs-price-month = { $price } per utente al mese
web-subs-price-year = { $price } per utente all'anno
web-subs-quote = Quanto costa
web-subs-due-today = Da pagare oggi: { $amount }
web-subs-prorated = per { $days } dei { $period } giorni di questo periodo
web-subs-credit-used = Il tuo credito di { $amount } viene usato per questo.
web-subs-credit-kept = Credito conservato per le prossime fatture: { $amount }
web-subs-takes-effect = Ha effetto dal { $date }; fino ad allora mantieni ciò che hai.
web-subs-then = Dal { $date }: { $plan }, utenti: { $users }, { $amount } { $per }.
web-subs-per-month = al mese
web-subs-per-year = all'anno
web-subs-buy = Acquista ora
web-subs-buy-start = Quando inizia il primo periodo a pagamento?
web-subs-buy-start-trial-end = Alla fine della prova, il { $date }: mantieni i giorni di prova
web-subs-buy-start-now = Oggi
web-subs-buy-due = Da pagare: { $amount } per il periodo dal { $start } al { $end }, poi { $amount } { $per }.
web-subs-buy-confirm = Acquista
web-subs-buy-billing = Dati di fatturazione
web-subs-buy-company = Azienda
web-subs-buy-address = Indirizzo
web-subs-buy-city = Città
web-subs-buy-country = Paese
web-subs-buy-payment = Metodo di pagamento
web-subs-buy-no-card = Carta — nessuna carta registrata.
web-subs-buy-transfer = Bonifico bancario (ti inviamo la fattura per e-mail)
web-subs-done-buy = Grazie: l'abbonamento è acquistato.
web-subs-compare = Confronta i piani
web-subs-feature = Funzionalità
web-subs-included = inclusa
web-subs-not-included = non inclusa
web-subs-price = Prezzo
web-subs-confirm = Conferma
web-subs-cancel-button = Disdici l'abbonamento
web-subs-cancel-confirm = Il tuo accesso termina il { $date }. Fino ad allora tutto continua a funzionare e puoi riprendere l'abbonamento.

## Payment methods (seed 001) and the demo's test-mode cards
web-nav-cards = Metodi di pagamento
web-test-mode = Modalità di prova: le carte non vengono addebitate. Usa 4242 4242 4242 4242 con una scadenza futura; 4000 0000 0000 0002 viene sempre rifiutata.
web-cards-title = Metodi di pagamento
web-cards-intro = Le carte con cui paghi i tuoi abbonamenti. La carta predefinita paga i rinnovi e le modifiche. Qui si conservano solo il circuito, le ultime quattro cifre e la scadenza di una carta, mai il suo numero.
web-cards-transfer-only = Questo negozio si paga con bonifico bancario: ogni fattura indica il conto da accreditare e la causale da citare.
web-cards-empty = Ancora nessuna carta.
web-cards-card = Carta
web-cards-expires = Scadenza
web-cards-default = Predefinita
web-cards-make-default = Rendi predefinita
web-cards-remove = Rimuovi
web-cards-add = Aggiungi una carta
web-cards-added = La carta che termina con { $last4 } è stata aggiunta.
web-cards-not-added = La pagina della carta è stata lasciata prima della fine: nessuna carta è stata aggiunta.
web-cards-defaulted = La tua carta predefinita è cambiata: pagherà i prossimi rinnovi e modifiche.
web-cards-removed = La carta è stata rimossa.
web-cards-ending = { $brand } che termina con { $last4 }
web-testcard-title = Aggiungi una carta (modalità di prova)
web-testcard-intro = Questa pagina sostituisce quella del fornitore dei pagamenti: non viene addebitato nulla e il numero non viene conservato.
web-testcard-number = Numero della carta
web-testcard-expiry = Scadenza (mese / anno)
web-testcard-month = Mese
web-testcard-year = Anno
web-testcard-save = Salva la carta
web-testcard-cancel = Annulla

## Subscription mails (seed 001) and Contact the store
mail-sub-link = I tuoi abbonamenti: { $link }
mail-sub-charged = Importo: { $amount } (ordine { $order }).
mail-sub-nothing-due = Non c'è nulla da pagare: lo copre il tuo credito.
mail-sub-next-charge = Prossimo addebito: { $date }.
mail-sub-trial-subject = La tua prova di { $product } è iniziata
mail-sub-trial-body = La tua prova di { $product } ({ $plan }, utenti: { $users }) dura fino al { $date }. Durante la prova non viene addebitato nulla.
mail-sub-trial-buy = Per continuare a usarlo dopo la prova, scegli Acquista ora nella pagina dei tuoi abbonamenti.
mail-sub-bought-subject = Grazie: il tuo abbonamento a { $product } è acquistato
mail-sub-bought-body = { $plan }, utenti: { $users }. Il tuo primo periodo a pagamento va dal { $start } al { $end }: { $amount }, ordine { $order }.
mail-sub-users-added-subject = Utenti aggiunti al tuo abbonamento a { $product }
mail-sub-users-added-body = Il tuo abbonamento a { $product } ({ $plan }) ha ora { $new } utenti.
mail-sub-users-reduced-subject = Il tuo abbonamento a { $product } ha meno utenti dal { $date }
mail-sub-users-reduced-body = Dal { $date } il tuo abbonamento a { $product } ({ $plan }) ha { $new } utenti; fino ad allora mantieni i tuoi { $current } utenti.
mail-sub-plan-subject = Il tuo abbonamento a { $product } è ora { $plan }
mail-sub-plan-body = Il tuo abbonamento a { $product } è ora sul piano { $plan }, utenti: { $current }.
mail-sub-downgrade-subject = Il tuo abbonamento a { $product } passa a { $plan } il { $date }
mail-sub-downgrade-body = Il tuo abbonamento a { $product } passa al piano { $plan } il { $date }; fino ad allora mantieni { $currentplan }.
mail-sub-cancelled-subject = Il tuo abbonamento a { $product } è disdetto
mail-sub-cancelled-body = Il tuo abbonamento a { $product } ({ $plan }) è disdetto: il tuo accesso termina il { $date }. Fino ad allora tutto continua a funzionare e puoi riprendere l'abbonamento dalla pagina dei tuoi abbonamenti.
mail-sub-resumed-subject = Il tuo abbonamento a { $product } è ripreso
mail-sub-resumed-body = Il tuo abbonamento a { $product } ({ $plan }) è ripreso: si rinnova come prima.
mail-sub-renewed-subject = Il tuo abbonamento a { $product } è rinnovato
mail-sub-renewed-body = Il tuo abbonamento a { $product } è rinnovato per il periodo dal { $start } al { $end }: { $plan }, utenti: { $users }.
mail-sub-ended-subject = Il tuo abbonamento a { $product } è terminato
mail-sub-ended-body = Il tuo abbonamento a { $product } ({ $plan }) è terminato il { $date }: non viene rinnovato e non viene addebitato altro.
mail-sub-declined-subject = La tua carta è stata rifiutata per l'ordine { $order }
mail-sub-declined-body = Non siamo riusciti ad addebitare { $amount } sulla tua carta per l'ordine { $order } (il tuo abbonamento a { $product }).
mail-sub-declined-retry = Riproveremo con la carta il { $date }.
mail-sub-declined-last = Era l'ultimo tentativo: se l'ordine non viene pagato, l'abbonamento viene sospeso.
mail-sub-declined-cards = Per pagare con un'altra carta, aggiungila in Metodi di pagamento e rendila predefinita: { $link }
mail-contact-subject = { $subject } — { $company }
mail-contact-no-subject = Sull'abbonamento { $id }
mail-contact-intro = { $company } ({ $email }) ha scritto sul suo abbonamento { $id }:
mail-contact-subscription = Abbonamento: { $id } ({ $product })
mail-contact-plan = Piano: { $plan }
mail-contact-users = Utenti: { $users }
mail-contact-status = Stato: { $status }
mail-contact-period = Periodo: { $period }
mail-contact-customer = Cliente: { $company }, { $email } (account { $account })
mail-contact-trial = prova fino al { $date }
mail-contact-reply = Rispondi a questo messaggio per rispondere a { $email }.
web-contact-title = Contatta lo store
web-contact-intro = Scrivi allo store su questo abbonamento: i suoi dati accompagnano il tuo messaggio e la risposta arriva al tuo indirizzo e-mail.
web-contact-subject = Oggetto
web-contact-message = Messaggio
web-contact-send = Invia
web-contact-sent = Il tuo messaggio è stato inviato allo store.
bo-refusal-contact-empty = Scrivi un messaggio prima di inviarlo: il messaggio è vuoto.

## Back office: subscriptions, Cancel now, the quote tool
bo-subs-nav = Abbonamenti
bo-subs-title = Abbonamenti
bo-subs-one = Abbonamento
bo-subs-filter = Filtra gli abbonamenti
bo-subs-any-status = Qualsiasi stato
bo-subs-empty = Nessun abbonamento.
bo-subs-bad-status = “{ $status }” non è uno stato di abbonamento: scegline uno dall'elenco.
bo-subs-days-past-due =
    { $days ->
        [one] { $days } giorno di ritardo
       *[other] { $days } giorni di ritardo
    }
bo-subs-next-attempt = prossimo tentativo sulla carta il { $date }
bo-subs-suspends-on = sospeso il { $date }
bo-subs-done-ended = L'abbonamento è terminato, e con esso la sua licenza.
bo-subs-order-placed = L'ordine { $reference } lo addebita.
bo-subs-license = Licenza
bo-subs-dunning = Pagamento in ritardo
bo-subs-on-behalf = Per conto del cliente
bo-subs-cancel-now = Termina ora
bo-subs-history = Modifiche
bo-subs-no-changes = Ancora nessuna modifica.
bo-subs-change = Modifica
bo-subs-orders = Ordini e fatture
bo-subs-card-charges = Addebiti sulla carta
bo-subs-refund-by =
    { $method ->
        [card] rimborsato sulla carta
       *[other] da rimborsare con bonifico
    }
bo-subs-end-what = Cosa fa terminarlo oggi
bo-subs-end-today = L'abbonamento e la sua licenza terminano oggi, { $date }; un ordine del periodo ancora da pagare viene annullato.
bo-subs-end-paid = Pagato per il periodo in corso: { $amount }
bo-subs-end-refund = Parte non usata da rimborsare: { $amount }
bo-subs-end-give-back = Rimborsa { $amount }
bo-subs-end-refund-admin = Solo il ruolo amministratore può rimborsare.
bo-subs-end-reason = Motivo (conservato nel registro)
bo-subs-all-of-customer = Vederli nell'elenco degli abbonamenti
bo-refusal-subscription-ended = l'abbonamento { $id } è già terminato.
bo-quote-title = Strumento preventivi
bo-quote-intro = Il calcolo di “tessera-portal billing quote”: un abbonamento all'inizio del periodo, le modifiche fatte in esso e quanto addebitano.
bo-quote-changes = Modifiche nel periodo
bo-quote-kind =
    { $kind ->
        [quantity] Utenti
        [plan] Piano
        [interval] Periodicità e piano
        [cancel] Disdici
        [resume] Riprendi
       *[other] —
    }
bo-quote-submit = Calcola
bo-quote-refused = Nessun preventivo: { $detail }
bo-quote-days =
    { $days ->
        [one] { $days } giorno
       *[other] { $days } giorni
    }
bo-quote-effective = Decorre
bo-quote-due-now = Da pagare ora
bo-quote-credit = Credito conservato
bo-quote-per =
    { $interval ->
        [year] all'anno
       *[other] al mese
    }
bo-quote-next = Dal { $date }: { $plan }, utenti: { $users }, { $total } { $per }.
bo-quote-no-next = Termina alla fine del periodo.
bo-subs-method =
    { $method ->
        [card] Carta
       *[other] Bonifico bancario
    }

# Partner and reseller pools (#13 Part B)
error-insufficient-licenses = La tua riserva contiene meno licenze di quante ne servano (utenti × anni); non è stato fatto nulla. Chiedi altre licenze al tuo partner o al produttore, oppure scegli meno utenti o anni.

## Company administration and seats (seed 004, issue #13 Part A)
bo-events-kind-seat-bound = Licenza assegnata
bo-events-kind-seat-unbound = Licenza liberata
mail-seat-bound-subject = Ora hai accesso a { $product }
mail-seat-bound-body = { $company } ti ha assegnato una licenza di { $product } ({ $edition }): ora vi hai accesso fino al { $ends }.
mail-seat-unbound-subject = Il tuo accesso a { $product } è terminato
mail-seat-unbound-body = { $company } ha ritirato la tua licenza di { $product } ({ $edition }): il tuo accesso è terminato.
web-seats-no-end = senza data di fine
web-seats-no-user = Nessun utente della tua azienda è registrato con questa e-mail. Invitalo prima.
web-seats-taken = Nel frattempo questa licenza è stata assegnata a qualcun altro. Scegli un'altra licenza libera.
web-seats-has-one = Questo utente ha già una licenza di questo periodo.
web-seats-ended = Il periodo di questa licenza è terminato: non può più essere assegnata.
web-seats-not-bound = Questa licenza non è assegnata a nessuno.
web-seats-bad-email = Questo non è un indirizzo e-mail.
web-seats-has-account = Questo indirizzo ha già un account.
web-seats-admins-only = Solo gli amministratori dell'azienda gestiscono le sue licenze.
web-nav-company = Amministrazione aziendale
web-company-title = Amministrazione aziendale
web-company-users = Utenti dell'azienda
web-company-user-email = E-mail
web-company-user-role = Ruolo
web-company-user-registered = Registrato
web-company-role-name =
    { $role ->
        [admin] Amministratore
       *[user] Utente
    }
web-company-yes = Sì
web-company-no = Invito inviato
web-company-invite = Invita
web-company-invite-email = E-mail dell'utente da invitare
web-company-invited = Invito inviato a { $email }.
web-company-subscriptions-link = Gestione abbonamento
web-seats-title = Gestione abbonamento
web-seats-intro = Ogni riga è una licenza utente. Gli utenti devono essere registrati con l'e-mail indicata. Un nuovo periodo sono nuove licenze: assegnale di nuovo.
web-seats-empty = Nessuna licenza corrisponde.
web-seat-product = Prodotto
web-seat-edition = Edizione
web-seat-order = Ordine
web-seat-start = Inizio
web-seat-end = Fine
web-seat-status = Stato
web-seat-user = Assegnata all'utente con e-mail
web-seat-status-name =
    { $status ->
        [free] Libera
        [bound] Assegnata
        [not_started] Non iniziata
       *[expired] Scaduta
    }
web-seats-filter-product = Tipo di prodotto
web-seats-filter-status = Stato
web-seats-all = Tutti
web-seats-search = Cerca
web-seats-apply = Filtra
web-seats-email = E-mail dell'utente
web-seats-bind = Assegna
web-seats-unbind = Libera
web-seats-bound-done = La licenza è stata assegnata a { $email }.
web-seats-unbound-done = La licenza è stata liberata: può essere assegnata a qualcun altro.
web-seats-carry = Assegna agli stessi utenti del periodo precedente
web-seats-carry-binds = Saranno assegnati: { $emails }
web-seats-carry-skips = Saltati (non più in azienda o nessuna licenza libera): { $emails }
web-seats-carry-none = Nessuno del periodo precedente può essere assegnato di nuovo.
web-seats-carry-done = { $count ->
        [one] Un utente è stato assegnato di nuovo.
       *[other] { $count } utenti sono stati assegnati di nuovo.
    }

## Company administration: the trail Cabinet › Company administration › Subscription management
web-cabinet = Area clienti
web-breadcrumb = Ti trovi qui

## Partner API: renewal reminders of clients' terms (#13 Part B)
mail-client-ending-subject = Il periodo { $product } del tuo cliente { $client } termina il { $date }
mail-client-ending-body = Il periodo del tuo cliente { $client } ({ $product }, { $users } utenti) termina il { $date }, { $days ->
    [one] domani
   *[other] tra { $days } giorni
}. Non è ancora stato rinnovato.
mail-client-ending-renew = Non si rinnova automaticamente: rinnovalo dalla tua riserva di licenze-anno nella console partner, o tramite la Partner API (POST /api/v1/partner/clients/{ $client_id }/renewals).
mail-client-ending-company-subject = Le tue licenze { $product } terminano il { $date }
mail-client-ending-company-body = Le licenze { $product } della tua azienda ({ $users } utenti) terminano il { $date }, { $days ->
    [one] domani
   *[other] tra { $days } giorni
}.
mail-client-ending-company-renew = Non si rinnovano automaticamente: per continuare a usare { $product } dopo quel giorno, chiedi a { $seller }, che te le fornisce, di rinnovarle.

# Partner console /partner (#13 Part B, seed 003)
partner-title = Console partner
partner-nav-dashboard = Cruscotto
partner-nav-clients = Elenco clienti
partner-nav-renewals = Clienti da rinnovare
partner-nav-pool = Licenze
partner-sign-in-title = Accesso alla console partner
partner-sign-in-intro = Per partner e rivenditori: rinnovate i vostri clienti e seguite le vostre licenze.
partner-figure-to-renew = Numero di aziende da rinnovare
partner-view = Vedi
partner-figure-pool = Licenze-anno rimaste: { $product }
partner-pool-empty = La vostra riserva non contiene ancora licenze. Chiedetele al vostro partner o al produttore.
partner-create-client = Crea cliente
partner-legend = Legenda
partner-standing-renewed = Rinnovato
partner-standing-ended = Scaduto
partner-standing-ending = In scadenza
partner-standing-not-started = Non iniziato
partner-standing-active = In corso
partner-standing-none = Nessun abbonamento
partner-legend-renewed = rinnovato: resta mostrata la fine dell’abbonamento attuale
partner-legend-ended = la data di fine abbonamento è passata
partner-legend-ending = l’abbonamento finisce tra meno di 3 mesi
partner-legend-not-started = l’abbonamento non è ancora iniziato
partner-created = Cliente { $name } creato.
partner-export-csv = Esporta (CSV)
partner-clients-empty = Non avete ancora clienti.
partner-col-client = Nome cliente
partner-col-subscription = Abbonamento
partner-col-reseller = Nome rivenditore
partner-col-start = Data di inizio
partner-col-end = Data di fine
partner-col-users = Utenti
partner-col-standing = Stato
partner-col-duration = Durata (anni)
partner-col-to-renew = Da rinnovare
partner-col-select = Selezione
partner-renewed-until = rinnovato fino al { $date }
partner-renew = Rinnova
partner-renewals-intro = Clienti il cui abbonamento è finito o finisce entro 3 mesi e non è ancora rinnovato. Una licenza è un utente per un anno.
partner-renewals-empty = Nessun cliente da rinnovare.
partner-select-client = Seleziona { $name }
partner-bulk-renew = Rinnova i selezionati
partner-renewed = { $name } rinnovato.
partner-bulk-renewed = Clienti rinnovati: { $count }.
partner-bulk-none = Selezionate almeno un cliente, e da 1 a 100 anni.
partner-bulk-title = Rinnova i clienti selezionati
partner-bulk-total = Licenze necessarie
partner-renew-title = Rinnova { $name }
partner-dialog-current-end = l’abbonamento attuale finisce il { $date }
partner-dialog-available = Licenze ancora da assegnare da { $seller }
partner-dialog-years = Numero di anni di rinnovo
partner-dialog-assigned = Licenze utente assegnate a { $client }
partner-dialog-the-client = il cliente
partner-dialog-needed = Licenze impiegate (utenti × anni)
partner-dialog-remaining = Licenze rimaste dopo il rinnovo
partner-dialog-term = Nuovo abbonamento
partner-dialog-recalculate = Ricalcola
partner-dialog-ok = OK
partner-dialog-cancel = Annulla
partner-dialog-numbers = Inserite numeri interi: almeno 1 utente, e da 1 a 100 anni.
partner-dialog-name-needed = Inserite il nome del cliente.
partner-transferred = Le licenze sono state trasferite al rivenditore.
partner-transfer-amount = Inserite un numero intero di licenze-anno, almeno 1.
partner-pool-balances = Licenze rimaste
partner-pool-balance = Licenze-anno
partner-transfer-title = Assegna licenze a un rivenditore
partner-transfer-amount-label = Licenze-anno
partner-transfer = Trasferisci
partner-ledger-title = Movimenti
partner-ledger-empty = Ancora nessun movimento.
partner-ledger-date = Data
partner-ledger-kind = Movimento
partner-ledger-amount = Licenze-anno
partner-ledger-grant = Concesse dal produttore
partner-ledger-transfer = Trasferimento
partner-ledger-allocate = Assegnate a un cliente
partner-ledger-return = Restituite

## Named-user activation (issue #13): the company account's sign-in in the app and the CLI

error-user-sign-in-failed = L'indirizzo e-mail o la password non sono corretti. Usa l'indirizzo e-mail e la password del tuo account aziendale sul portale clienti.
error-no-seat = Nessuna licenza di { $product } è assegnata al tuo account aziendale. Chiedi all'amministratore della tua azienda di assegnartene una.
error-seat-not-started = La tua licenza di { $product } inizia il { $date }. Attivala di nuovo a partire da quel giorno.
error-user-too-many-machines =
    { $machines ->
        [one] La tua licenza è in uso su { $machines } computer, il massimo consentito. Disattivala lì, poi attivala qui.
       *[other] La tua licenza è in uso su { $machines } computer, il massimo consentito. Disattivala su uno di essi, poi attivala qui.
    }
state-revoked-unbound-message = L'amministratore della tua azienda ha terminato il tuo accesso a { $product } — chiedigli di assegnarti una licenza.
activate-user-title = Accedi con il tuo account aziendale
activate-user-hint = Se l'amministratore della tua azienda ti ha assegnato una licenza, accedi con l'indirizzo e-mail e la password del tuo account sul portale clienti.
activate-user-email = Indirizzo e-mail
activate-user-password = Password
activate-user-button = Accedi e attiva
dashboard-user = Assegnata all'utente
cli-password-prompt = Password per { $email }:

## Partner console: people, forgotten password
partner-nav-people = Persone
partner-people-intro = Tutte le persone che accedono a questa console per { $organisation }.
partner-people-list = Persone con accesso
partner-people-since = Dal
partner-people-actions = Azioni
partner-people-you = tu
partner-people-active = Può accedere
partner-people-invited = Invitata
partner-people-disabled = Disattivata
partner-people-disable = Disattiva
partner-people-disable-who = Disattiva { $email }
partner-people-invite = Invita un collega
partner-people-invite-send = Invia l'invito
partner-people-invited-notice = { $email } è stato invitato: è in arrivo un messaggio con un link per scegliere la password.
partner-people-disabled-notice = { $email } non può più accedere.
partner-people-bad-email = Inserisci un indirizzo e-mail valido.
partner-people-taken = Questo indirizzo e-mail ha già un account nella console partner.
partner-people-yourself = Non puoi disattivare il tuo account. Chiedi a un collega.
partner-mail-invite-subject = Il tuo account sulla console partner Tessera
partner-mail-invite-body =
    Buongiorno,

    È stato aperto un account per te sulla console partner Tessera, dove rinnovi i tuoi clienti e segui le tue licenze. Apri questo link entro un giorno per scegliere la password:

    { $link }

    Il link funziona una sola volta. Poi accedi con il tuo indirizzo e-mail e questa password.
partner-mail-reset-subject = Scegli una nuova password per la console partner Tessera
partner-mail-reset-body =
    Buongiorno,

    Qualcuno, probabilmente tu, ha chiesto una nuova password per il tuo account sulla console partner Tessera. Apri questo link entro un'ora per sceglierla:

    { $link }

    Il link funziona una sola volta. Se non l'hai chiesto, ignora questo messaggio: la password resta quella di prima.
mail-client-ending-reseller = { $client } è un cliente del tuo rivenditore { $seller }, che lo rinnova; puoi rinnovarlo anche tu.
## Client companies that are customers (#13 Part B, client company administrator)
error-not-company-admin = L'account con questo indirizzo è un utente della sua azienda, non il suo amministratore: indica invece l'amministratore dell'azienda.
error-client-already-linked = Questa azienda è già collegata al cliente di un partner o di un rivenditore: un'azienda è cliente di un solo venditore. Chiedi al produttore se ha cambiato venditore.
error-client-has-admin = Questo cliente è già collegato alla sua azienda, con un altro amministratore. L'amministratore dell'azienda invita i suoi utenti sul portale clienti.
bo-events-kind-client-linked = Cliente collegato alla sua azienda
partner-col-admin = Amministratore dell'azienda
partner-admin-action = Indica…
partner-admin-title = Amministratore dell'azienda { $name }
partner-admin-intro = L'amministratore dell'azienda cliente sul portale clienti: l'amministratore di un'azienda esistente vi collega il cliente; un nuovo indirizzo crea l'azienda e invita il suo amministratore. Le licenze del cliente diventano le licenze utente dell'azienda.
partner-admin-email = E-mail dell'amministratore
partner-admin-email-optional = E-mail dell'amministratore dell'azienda (facoltativo)
partner-admin-linked = { $name } è collegato alla sua azienda: le sue licenze sono le licenze utente dell'azienda.
partner-admin-invited = { $name } ora è un'azienda cliente: il suo amministratore ha ricevuto un invito a registrarsi.
mail-client-linked-subject = { $seller } ora gestisce licenze per { $company }
mail-client-linked-body = { $seller } ti ha indicato come amministratore di { $company } per le licenze che acquista per il suo cliente { $client }. I suoi periodi compaiono come licenze utente in Amministrazione aziendale → Gestione abbonamenti del portale clienti, dove le assegni ai tuoi utenti.
mail-client-linked-object = Se { $seller } non vende alla tua azienda, rispondi a questa e-mail.
## Named users' one-time codes and messages with their details (issue #13, helper H2)

error-user-code-wrong = Questo codice non è corretto. Controllalo nell'ultima e-mail del portale, oppure chiedi un nuovo codice.
error-user-code-expired = Questo codice non può più essere usato: un codice vale una sola volta, per { $minutes } minuti, e consente pochi tentativi. Chiedi un nuovo codice.
mail-user-code-subject = Il tuo codice monouso per attivare un computer
mail-user-code-intro = Per attivare il programma con il tuo account aziendale ({ $email }) senza password, inserisci questo codice:
mail-user-code-expiry = Il codice vale una sola volta, per { $minutes } minuti. Se non l'hai chiesto, ignora questa e-mail: nessuno può usare il tuo account senza di esso.
activate-user-code-link = Inviami invece un codice per e-mail
activate-user-password-link = Usa invece la mia password
activate-user-code-send = Inviami un codice
activate-user-code-sent = Se { $email } appartiene a un account aziendale, un codice è in arrivo. Vale { $minutes } minuti.
activate-user-code = Codice ricevuto per e-mail
activate-user-code-button = Attiva con il codice
cli-code-sent = Se { $email } appartiene a un account aziendale, un codice è in arrivo; vale { $minutes } minuti.
cli-code-prompt = Codice ricevuto per e-mail:
error-expired-on = Questa licenza è scaduta il { $date }. Chiedi a chi gestisce le tue licenze di rinnovarla.
web-seat-from-seller = tramite { $seller }
